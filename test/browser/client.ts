/**
 * The page side of the browser-worker test (bundled by the test with esbuild): starts the web-worker language
 * server and talks to it over postMessage with vscode-languageserver-protocol's browser transport, as
 * monaco-languageclient does. `__runLsp(files)` opens the files in order and reports what came back.
 */
import type { CompletionItem, Diagnostic } from 'vscode-languageserver-protocol/browser';
import {
    BrowserMessageReader, BrowserMessageWriter, CompletionRequest, ConfigurationRequest, createProtocolConnection,
    DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    RegistrationRequest, SemanticTokensRefreshRequest, ShutdownRequest, WorkDoneProgressCreateRequest
} from 'vscode-languageserver-protocol/browser';

export interface LspRun {
    capabilities: string[];
    diagnostics: Record<string, Array<Pick<Diagnostic, 'code' | 'range' | 'message' | 'severity'>>>;
    completion: string[];
    millis: number;
}

async function runLsp(files: Array<{ uri: string; text: string }>, wait: { uri: string; code: string }, completionAt: { uri: string; line: number; character: number }): Promise<LspRun> {
    const started = performance.now();
    const worker = new Worker('/dist/language/main-browser.js');
    const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
    const diagnostics: Record<string, Diagnostic[]> = {};
    let waiter: (() => void) | undefined;
    const arrived = () => diagnostics[wait.uri]?.some(d => d.code === wait.code) ?? false;
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        diagnostics[params.uri] = params.diagnostics;
        if (waiter && arrived()) waiter();
    });
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
        processId: null, rootUri: null, workspaceFolders: null,
        capabilities: { textDocument: { publishDiagnostics: {}, completion: {} } }
    });
    await connection.sendNotification(InitializedNotification.type, {});
    for (const file of files) {
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: file.uri, languageId: 'contractspraak', version: 1, text: file.text }
        });
    }
    await new Promise<void>((resolve, reject) => {
        if (arrived()) return resolve();
        const timer = setTimeout(() => reject(new Error(`no ${wait.code} diagnostic for ${wait.uri}`)), 20_000);
        waiter = () => { clearTimeout(timer); resolve(); };
    });
    const millis = performance.now() - started;
    const list = await connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: completionAt.uri }, position: { line: completionAt.line, character: completionAt.character }
    });
    const items: CompletionItem[] = Array.isArray(list) ? list : list?.items ?? [];
    await connection.sendRequest(ShutdownRequest.type);
    connection.dispose();
    worker.terminate();
    const slim: LspRun['diagnostics'] = {};
    for (const [uri, list] of Object.entries(diagnostics)) slim[uri] = list.map(d => ({ code: d.code, range: d.range, message: d.message, severity: d.severity }));
    return { capabilities: Object.keys(init.capabilities).sort(), diagnostics: slim, completion: items.map(i => i.label), millis };
}

(globalThis as unknown as { __runLsp: typeof runLsp }).__runLsp = runLsp;
