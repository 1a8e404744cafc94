/**
 * The VS Code client: starts the bundled language server over IPC and turns the editor commands into requests
 * to it. No language logic lives here: rendering, the DOCX, the looptijd and the rules are the server's
 * (language/lsp/commands.ts); this file shows what comes back.
 */
import * as path from 'node:path';
import type { ExtensionContext, TextDocument, TextEditor, WebviewPanel } from 'vscode';
import * as vscode from 'vscode';
import type { LanguageClientOptions, Location as LspLocation, Position as LspPosition, ServerOptions } from 'vscode-languageclient/node';
import { ExecuteCommandRequest, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { errorPage, makeNonce, previewPage } from './preview-page.js';

const LANGUAGE = 'contractspraak';

/** The server's commands (language/lsp/commands.ts ServerCommands; a test checks they are the same). */
export const ServerCommands = {
    RenderHtml: 'contractspraak.renderHtml',
    WriteDocx: 'contractspraak.writeDocx',
    Looptijd: 'contractspraak.looptijdText',
    CompileRules: 'contractspraak.rulesJson',
    SlotValue: 'contractspraak.slotValue'
} as const;

/** The commands this extension contributes (package.json), plus the one the reference-count lens runs. */
export const ClientCommands = {
    Preview: 'contractspraak.preview',
    CompileRules: 'contractspraak.compileRules',
    RenderDocx: 'contractspraak.renderDocx',
    ShowLooptijd: 'contractspraak.showLooptijd',
    ShowSlotValue: 'contractspraak.showSlotValue',
    ShowReferences: 'contractspraak.showReferences'
} as const;

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'language', 'main.cjs'));
    const debugOptions = { execArgv: ['--nolazy', `--inspect${process.env.DEBUG_BREAK ? '-brk' : ''}=${process.env.DEBUG_SOCKET || '6009'}`] };
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: debugOptions }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: LANGUAGE }]
    };
    const languageClient = client = new LanguageClient(LANGUAGE, 'Contractspraak', serverOptions, clientOptions);
    const run = <T>(command: string, ...args: unknown[]) =>
        languageClient.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
    const preview = new Preview(uri => run<{ title: string; html: string }>(ServerCommands.RenderHtml, uri));

    context.subscriptions.push(
        preview,
        vscode.commands.registerCommand(ClientCommands.Preview, () => {
            const document = activeDocument();
            if (document) preview.show(document);
        }),
        vscode.commands.registerCommand(ClientCommands.RenderDocx, () => withDocument(async document => {
            const { uri } = await run<{ uri: string }>(ServerCommands.WriteDocx, document.uri.toString());
            const file = vscode.Uri.parse(uri);
            const choice = await vscode.window.showInformationMessage(`DOCX geschreven: ${path.basename(file.fsPath)}`, 'Openen');
            if (choice === 'Openen') await vscode.env.openExternal(file);
        })),
        vscode.commands.registerCommand(ClientCommands.ShowLooptijd, () => withDocument(async document => {
            const { text } = await run<{ text: string }>(ServerCommands.Looptijd, document.uri.toString());
            await showBeside(text, 'plaintext', true);
        })),
        // The cursor's provision: which value applies across the set, and why (rangorde, R5.3).
        vscode.commands.registerCommand(ClientCommands.ShowSlotValue, () => withDocument(async document => {
            const position = vscode.window.activeTextEditor!.selection.active;
            const { text } = await run<{ text: string }>(ServerCommands.SlotValue, document.uri.toString(), { line: position.line, character: position.character });
            await showBeside(text, 'plaintext', true);
        })),
        // The rules open in an untitled editor beside the agreement: a drafter looks at them, and saves them where the
        // administration wants them. A set with errors gets its rules only on request, marked as forced.
        vscode.commands.registerCommand(ClientCommands.CompileRules, () => withDocument(async document => {
            const status = await run<{ available: boolean; message: string; json?: string; errors?: string[] }>(
                ServerCommands.CompileRules, document.uri.toString());
            if (!status.available || status.json === undefined) {
                await vscode.window.showInformationMessage(status.message);
                return;
            }
            if (status.errors?.length) {
                const forced = 'Toch tonen (geforceerd, met de fouten)';
                const choice = await vscode.window.showWarningMessage(status.message, { modal: true, detail: status.errors.join('\n') }, forced);
                if (choice !== forced) return;
            }
            await showBeside(status.json, 'json', false);
        })),
        // The reference-count lens sends LSP values; VS Code's command wants its own types.
        vscode.commands.registerCommand(ClientCommands.ShowReferences, (uri: string, position: LspPosition, locations: LspLocation[]) => {
            const convert = languageClient.protocol2CodeConverter;
            return vscode.commands.executeCommand('editor.action.showReferences',
                convert.asUri(uri), convert.asPosition(position), locations.map(l => convert.asLocation(l)));
        })
    );
    await languageClient.start();
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}

/** The active Contractspraak document, or a message why there is none. */
function activeDocument(): TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === LANGUAGE) return document;
    void vscode.window.showWarningMessage('Open eerst een Contractspraak-bestand (.ovk).');
    return undefined;
}

async function withDocument(action: (document: TextDocument) => Promise<void>): Promise<void> {
    const document = activeDocument();
    if (!document) return;
    try {
        await action(document);
    } catch (e) {
        await vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
    }
}

/** One preview panel that follows the active Contractspraak editor and re-renders shortly after each edit. */
class Preview implements vscode.Disposable {
    protected panel: WebviewPanel | undefined;
    protected uri: string | undefined;
    protected timer: ReturnType<typeof setTimeout> | undefined;
    protected request = 0;
    protected readonly listeners: vscode.Disposable[] = [];

    constructor(protected readonly render: (uri: string) => Promise<{ title: string; html: string }>) { }

    show(document: TextDocument): void {
        this.uri = document.uri.toString();
        if (!this.panel) {
            this.panel = vscode.window.createWebviewPanel('contractspraak.preview', 'Voorbeeld', vscode.ViewColumn.Beside, {
                // Only the script of preview-page.ts runs (it keeps the scroll position); it loads nothing.
                enableScripts: true, localResourceRoots: [], enableFindWidget: true
            });
            this.panel.onDidDispose(() => this.closed(), undefined, this.listeners);
            vscode.workspace.onDidChangeTextDocument(e => {
                if (e.document.languageId === LANGUAGE) this.schedule();
            }, undefined, this.listeners);
            vscode.window.onDidChangeActiveTextEditor((editor: TextEditor | undefined) => {
                if (editor?.document.languageId === LANGUAGE && editor.document.uri.toString() !== this.uri) {
                    this.uri = editor.document.uri.toString();
                    this.schedule(0);
                }
            }, undefined, this.listeners);
        } else {
            this.panel.reveal(undefined, true);
        }
        this.schedule(0);
    }

    protected schedule(delay = 300): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delay);
    }

    protected async refresh(): Promise<void> {
        const panel = this.panel;
        const uri = this.uri;
        if (!panel || !uri) return;
        const request = ++this.request;
        let page: string;
        try {
            const { title, html } = await this.render(uri);
            if (request !== this.request || panel !== this.panel) return;
            panel.title = `Voorbeeld: ${title}`;
            page = previewPage(html, makeNonce());
        } catch (e) {
            if (request !== this.request || panel !== this.panel) return;
            page = errorPage(e instanceof Error ? e.message : String(e), makeNonce());
        }
        panel.webview.html = page;
    }

    protected closed(): void {
        this.panel = undefined;
        if (this.timer) clearTimeout(this.timer);
        for (const listener of this.listeners.splice(0)) listener.dispose();
    }

    dispose(): void {
        this.panel?.dispose();
        this.closed();
    }
}

/** Text the server produced, in an untitled editor beside the agreement (a preview tab unless it is meant to be kept). */
async function showBeside(content: string, language: string, preview: boolean): Promise<void> {
    const shown = await vscode.workspace.openTextDocument({ content, language });
    await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview });
}
