/**
 * The test client of the end-to-end tests (toolchain.md §4.2): the shipped server bundle dist/language/main.cjs,
 * started over stdio or node-IPC, driven with vscode-languageserver-protocol as an editor would.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { URI } from 'langium';
import type { Diagnostic, InitializeResult, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
    ConfigurationRequest, createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
    InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, SemanticTokensRefreshRequest, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, UnregistrationRequest, WorkDoneProgressCreateRequest
} from 'vscode-languageserver-protocol/node';
import { SERVER } from './bundle.js';

/** URIs as Langium prints them (P5): compare normalised. */
export const norm = (uri: string) => URI.parse(uri).toString();

/** An error or a warning. */
export const problem = (d: Diagnostic) => d.severity === 1 || d.severity === 2;

export class TestClient {
    readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    protected waiters: Array<{ uri: string; test: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
    /** What the client answers to workspace/configuration, per section. */
    settings: Record<string, unknown> = {};

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
        connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => this.settings[item.section ?? ''] ?? null));
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

    async initialize(folder: string): Promise<InitializeResult> {
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
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } }, isPreferredSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    foldingRange: { lineFoldingOnly: true },
                    semanticTokens: {
                        requests: { full: true }, formats: ['relative'],
                        tokenTypes: [], tokenModifiers: []
                    }
                },
                workspace: { workspaceFolders: true, configuration: true, didChangeConfiguration: { dynamicRegistration: true } }
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

/** The shipped server over stdio, with a client ready to initialize. */
export function startStdioServer(): { server: ChildProcess; client: TestClient } {
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new TestClient(createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!)));
    return { server, client };
}

/** The line and character of `marker` in `text`, shifted by `delta` characters. */
export function position(text: string, marker: string, delta = 0) {
    const offset = text.indexOf(marker);
    if (offset < 0) throw new Error(`'${marker}' not in text`);
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}
