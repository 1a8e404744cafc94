/**
 * End to end against the shipped server bundle (toolchain.md §4.2): dist/language/main.cjs is started over stdio,
 * as an editor other than VS Code would, and over node-IPC, as VS Code does. The client is played with
 * vscode-languageserver-protocol; a temporary workspace folder holds a two-file document set.
 */
import type { ChildProcess } from 'node:child_process';
import { fork, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import type { CodeAction, Diagnostic, LocationLink, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
    CodeActionRequest, CompletionRequest, ConfigurationRequest, createProtocolConnection, DefinitionRequest,
    DidOpenTextDocumentNotification, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest,
    IPCMessageReader, IPCMessageWriter, PublishDiagnosticsNotification, RegistrationRequest, RenameRequest,
    SemanticTokensRefreshRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, UnregistrationRequest,
    WorkDoneProgressCreateRequest
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { ensureBundle, SERVER } from './bundle.js';

const BASIS = `basisovereenkomst Basis "Basisovereenkomst Wmo" {
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag"
    artikel Weigering "Weigering van Dienstverleningsopdrachten" {
        lid Zwaarwegend: "Het staat de aanbieder niet vrij een opdracht te weigeren, binnen drie Werkdagen."
    }
}
`;

const RAAM = `importeer "./basis.ovk"
raamovereenkomst Raam "Raamovereenkomst" {
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Overeenkomstig [artikel Weigering] en [lid Weigering.Zwaarwegend]."
        lid Start: "Zie artikel 1.1 en [artikel Weigerring]."
    }
}
`;

/** An error or a warning. */
const problem = (d: Diagnostic) => d.severity === 1 || d.severity === 2;

/** URIs as Langium prints them (P5): compare normalised. */
const norm = (uri: string) => URI.parse(uri).toString();

class TestClient {
    readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    protected waiters: Array<{ uri: string; test: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];

    constructor(readonly connection: ProtocolConnection) {
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(norm(params.uri), params);
            // P6: a waiter stays until its own URI arrives with what it waits for
            this.waiters = this.waiters.filter(w => {
                if (w.uri !== norm(params.uri) || !w.test(params.diagnostics)) return true;
                w.resolve(params.diagnostics);
                return false;
            });
        });
        // P9: a ProtocolConnection has no catch-all, so answer the server's requests one by one
        connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
        connection.onRequest(RegistrationRequest.type, () => undefined);
        connection.onRequest(UnregistrationRequest.type, () => undefined);
        connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
        connection.listen();
    }

    /** Resolves with the diagnostics of `uri` once they satisfy `test`, whether they arrived already or later. */
    diagnosticsFor(uri: string, test: (d: Diagnostic[]) => boolean = () => true, timeout = 40_000): Promise<Diagnostic[]> {
        const known = this.diagnostics.get(norm(uri));
        if (known && test(known.diagnostics)) return Promise.resolve(known.diagnostics);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeout} ms`)), timeout);
            this.waiters.push({ uri: norm(uri), test, resolve: d => { clearTimeout(timer); resolve(d); } });
        });
    }

    async initialize(folder: string) {
        const folderUri = URI.file(folder).toString();
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: folderUri,
            workspaceFolders: [{ uri: folderUri, name: 'set' }],
            capabilities: {
                textDocument: {
                    publishDiagnostics: { relatedInformation: true },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    definition: { linkSupport: true },
                    rename: { prepareSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } }, isPreferredSupport: true }
                },
                workspace: { workspaceFolders: true, configuration: true }
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        return result;
    }

    async open(file: string): Promise<string> {
        const uri = URI.file(file).toString();
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'contractspraak', version: 1, text: fs.readFileSync(file, 'utf8') }
        });
        return uri;
    }

    /** shutdown + exit; resolves with the server's exit code. */
    async stop(child: ChildProcess): Promise<number | null> {
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
        const code = await exited;
        this.connection.dispose();
        return code;
    }
}

function position(text: string, marker: string, delta = 0) {
    const offset = text.indexOf(marker) + delta;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function workspace(): { folder: string; basis: string; raam: string } {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-lsp-'));
    fs.writeFileSync(path.join(folder, 'basis.ovk'), BASIS);
    fs.writeFileSync(path.join(folder, 'raam.ovk'), RAAM);
    return { folder, basis: path.join(folder, 'basis.ovk'), raam: path.join(folder, 'raam.ovk') };
}

beforeAll(() => ensureBundle(), 120_000);

suite('language server over stdio (dist/language/main.cjs --stdio)', () => {
    let ws: ReturnType<typeof workspace>;
    let server: ChildProcess;
    let client: TestClient;
    let raamUri: string;
    let raamDiagnostics: Diagnostic[];
    let started: number;
    let firstDiagnosticsMs: number;

    beforeAll(async () => {
        ws = workspace();
        started = performance.now();
        server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        client = new TestClient(createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!)));
        await client.initialize(ws.folder);
        raamUri = await client.open(ws.raam);
        // Errors and warnings only: advisory (info) checks come and go as the language grows.
        raamDiagnostics = (await client.diagnosticsFor(raamUri, d => d.some(x => x.code === 'ref-unresolved'))).filter(problem);
        firstDiagnosticsMs = performance.now() - started;
    }, 60_000);

    afterAll(async () => {
        if (server.exitCode === null) server.kill();
        fs.rmSync(ws.folder, { recursive: true, force: true });
    });

    test('publishes diagnostics for the opened file with exact ranges, and an empty list for the clean import', async () => {
        const described = raamDiagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort();
        expect(described).toEqual(['5:25 number-as-text', '5:49 ref-unresolved']);
        const unresolved = raamDiagnostics.find(d => d.code === 'ref-unresolved')!;
        expect(RAAM.split('\n')[unresolved.range.start.line].slice(unresolved.range.start.character, unresolved.range.end.character)).toBe('Weigerring');
        expect((await client.diagnosticsFor(URI.file(ws.basis).toString())).filter(problem)).toEqual([]);
        console.info(`stdio: spawn → initialize → first diagnostics of the opened file in ${firstDiagnosticsMs.toFixed(0)} ms`);
    });

    test('completion after "[artikel " offers the artikel of the imported file', async () => {
        const list = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: raamUri }, position: position(RAAM, '[artikel Weigering]', '[artikel '.length)
        });
        const items = Array.isArray(list) ? list : list?.items ?? [];
        expect(items.map(i => i.label)).toContain('Weigering');
    });

    test('hover on a reference shows its target', async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: raamUri }, position: position(RAAM, '[artikel Weigering]', 12)
        });
        const contents = hover?.contents;
        const text = typeof contents === 'string' ? contents : contents && 'value' in contents ? contents.value : JSON.stringify(contents);
        expect(text).toContain('Weigering van Dienstverleningsopdrachten');
    });

    test('definition of a reference goes to the other file', async () => {
        const result = await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: raamUri }, position: position(RAAM, '[lid Weigering.Zwaarwegend]', 18)
        });
        const links = (Array.isArray(result) ? result : [result]) as LocationLink[];
        expect(links).toHaveLength(1);
        expect(norm(links[0].targetUri)).toBe(norm(URI.file(ws.basis).toString()));
        const line = BASIS.split('\n')[links[0].targetSelectionRange.start.line];
        expect(line.slice(links[0].targetSelectionRange.start.character, links[0].targetSelectionRange.end.character)).toBe('Zwaarwegend');
    });

    test('code action for the published number-as-text diagnostic', async () => {
        const diagnostic = raamDiagnostics.find(d => d.code === 'number-as-text')!;
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: raamUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(['Vervang door verwijzing [lid Totstandkoming.Aanvaarding]']);
        expect(actions[0].isPreferred).toBe(true);
        const edits = Object.entries(actions[0].edit!.changes!);
        expect(edits.map(([uri]) => norm(uri))).toEqual([norm(raamUri)]);
        expect(edits[0][1]).toEqual([{ range: diagnostic.range, newText: '[lid Totstandkoming.Aanvaarding]' }]);
    });

    test('rename of an artikel from a reference edits both files', async () => {
        const edit = await client.connection.sendRequest(RenameRequest.type, {
            textDocument: { uri: raamUri }, position: position(RAAM, '[lid Weigering', 6), newName: 'Afwijzing'
        });
        const changes = Object.fromEntries(Object.entries(edit?.changes ?? {}).map(([uri, edits]) => [norm(uri), edits.length]));
        expect(changes).toEqual({ [norm(URI.file(ws.basis).toString())]: 1, [norm(raamUri)]: 2 });
    });

    test('shutdown and exit end the process with code 0', async () => {
        expect(await client.stop(server)).toBe(0);
    });
});

suite('language server over node-IPC (what VS Code does)', () => {
    test('initializes, publishes diagnostics for an opened file and exits cleanly', async () => {
        const ws = workspace();
        try {
            const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
            const client = new TestClient(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
            const init = await client.initialize(ws.folder);
            expect(init.capabilities.renameProvider).toBeTruthy();
            expect(init.capabilities.codeActionProvider).toBeTruthy();
            expect(init.capabilities.documentFormattingProvider).toBeTruthy();
            const uri = await client.open(ws.raam);
            const diagnostics = await client.diagnosticsFor(uri, d => d.some(x => x.code === 'ref-unresolved'));
            expect(diagnostics.filter(problem).map(d => d.code).sort()).toEqual(['number-as-text', 'ref-unresolved']);
            expect(await client.stop(child)).toBe(0);
        } finally {
            fs.rmSync(ws.folder, { recursive: true, force: true });
        }
    }, 60_000);
});
