/**
 * The editor's view (`lsp` job): the shipped server bundle (dist/language/main.cjs) over stdio on the generated
 * workspace written to disk, driven as VS Code does. Times a keystroke → publishDiagnostics of the edited file
 * (leaf and hub), completion and hover. Wall time is what a drafter sees; "server on-CPU" also subtracts the
 * time the server's main thread waited for a CPU (its /proc schedstat), as the in-process sections do.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
    CompletionRequest, ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest,
    SemanticTokensRefreshRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, UnregistrationRequest,
    WorkDoneProgressCreateRequest
} from 'vscode-languageserver-protocol/node';
import type { GeneratedFile } from './generator.js';

export interface LspSample { wall: number; serverOnCpu: number }
export interface LspResult {
    kind: 'lsp';
    files: number;
    /** Start-up: initialize until every file has published diagnostics. */
    openAll: LspSample;
    leaf: LspSample[];
    hub: LspSample[];
    /** The hub edit until every other document published again (all dependents re-validated). */
    hubAll: LspSample[];
    completion: Array<LspSample & { items: number }>;
    hover: LspSample[];
}

const norm = (uri: string) => URI.parse(uri).toString();
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** run_delay (ms) of a process's main thread: time it was runnable but waited for a CPU. */
function runDelay(pid: number): number {
    try {
        return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
    } catch {
        return 0;
    }
}

export async function jobLsp(files: GeneratedFile[], options: { serverPath: string; folder: string; leafPath: string; hubPath: string; edits: number; requests: number }): Promise<LspResult> {
    fs.rmSync(options.folder, { recursive: true, force: true });
    fs.mkdirSync(options.folder, { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(options.folder, f.path), f.text);
    const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean), options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const pid = server.pid!;
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const published = new Map<string, number>();   // uri → time of the last publication
    let lastPublish = performance.now();
    const waiters: Array<{ uri: string; resolve: () => void }> = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
        const uri = norm(p.uri);
        lastPublish = performance.now();
        published.set(uri, lastPublish);
        for (let i = waiters.length - 1; i >= 0; i--) {
            if (waiters[i].uri === uri) {
                waiters[i].resolve();
                waiters.splice(i, 1);
            }
        }
    });
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
    connection.listen();
    const nextPublish = (uri: string) => new Promise<void>(resolve => waiters.push({ uri, resolve }));
    /** Waits until no diagnostics arrived for `ms` (the server finished the work an edit caused). */
    const quiet = async (ms = 1500, cap = 120_000) => {
        const t0 = performance.now();
        while (performance.now() - lastPublish < ms && performance.now() - t0 < cap) await sleep(100);
    };
    const measure = async (fn: () => Promise<unknown>): Promise<LspSample> => {
        const d0 = runDelay(pid), t0 = performance.now();
        await fn();
        const wall = performance.now() - t0;
        return { wall, serverOnCpu: wall - (runDelay(pid) - d0) };
    };

    const folderUri = URI.file(options.folder).toString();
    const uris = files.map(f => norm(URI.file(path.join(options.folder, f.path)).toString()));
    const openAll = await measure(async () => {
        const all = Promise.all(uris.map(nextPublish));
        await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'bench' }],
            capabilities: {
                textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
                workspace: { workspaceFolders: true, configuration: true }
            }
        });
        await connection.sendNotification(InitializedNotification.type, {});
        await all;
    });
    await quiet();

    const editFile = async (rel: string, n: number, waitAll: boolean) => {
        const file = files.find(f => f.path === rel)!;
        const uri = URI.file(path.join(options.folder, rel)).toString();
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'contractspraak', version: 1, text: file.text } });
        await nextPublish(norm(uri));
        await quiet();
        const at = file.text.indexOf(': "', file.text.indexOf('        lid ')) + 6;
        const before = file.text.slice(0, at).split('\n');
        const pos = { line: before.length - 1, character: before[before.length - 1].length };
        const own: LspSample[] = [];
        const all: LspSample[] = [];
        for (let k = 0; k < n; k++) {
            // Insert 'x' on even edits, take it out again on odd ones (as the in-process edits).
            const change = k % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { ...pos, character: pos.character + 1 } }, text: '' };
            const others = waitAll ? uris.filter(u => u !== norm(uri)).map(nextPublish) : [];
            let ownDone: LspSample | undefined;
            const d0 = runDelay(pid), t0 = performance.now();
            const ownPublished = nextPublish(norm(uri)).then(() => {
                const wall = performance.now() - t0;
                ownDone = { wall, serverOnCpu: wall - (runDelay(pid) - d0) };
            });
            await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: k + 2 }, contentChanges: [change] });
            await ownPublished;
            own.push(ownDone!);
            if (waitAll) {
                await Promise.all(others);
                const wall = performance.now() - t0;
                all.push({ wall, serverOnCpu: wall - (runDelay(pid) - d0) });
            }
            await quiet(waitAll ? 1500 : 600);
        }
        return { uri, own, all };
    };

    const leafEdits = await editFile(options.leafPath, options.edits, false);
    // Completion after the first `[artikel ` of the leaf; hover on the first use of a begrip of the hub.
    const leafText = files.find(f => f.path === options.leafPath)!.text;
    const positionOf = (offset: number) => {
        const lines = leafText.slice(0, offset).split('\n');
        return { line: lines.length - 1, character: lines[lines.length - 1].length };
    };
    const completionAt = positionOf(leafText.indexOf('[artikel ') + '[artikel '.length);
    const hoverWord = /\b(Werkdag(?:en)?|Inwoner|Partij(?:en)?)\b/.exec(leafText.slice(leafText.indexOf('hoofdstuk ')));
    const hoverAt = positionOf(leafText.indexOf('hoofdstuk ') + (hoverWord?.index ?? 0) + 2);
    const completion: Array<LspSample & { items: number }> = [];
    const hover: LspSample[] = [];
    for (let k = 0; k < options.requests; k++) {
        let items = 0;
        const c = await measure(async () => {
            const r = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: leafEdits.uri }, position: completionAt });
            items = Array.isArray(r) ? r.length : r?.items.length ?? 0;
        });
        completion.push({ ...c, items });
        hover.push(await measure(() => connection.sendRequest(HoverRequest.type, { textDocument: { uri: leafEdits.uri }, position: hoverAt })));
    }
    const hubEdits = await editFile(options.hubPath, Math.max(1, Math.floor(options.edits / 4)), true);

    const exited = new Promise<void>(resolve => server.once('exit', () => resolve()));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await Promise.race([exited, sleep(5000)]);
    connection.dispose();
    if (server.exitCode === null) server.kill();
    fs.rmSync(options.folder, { recursive: true, force: true });
    return { kind: 'lsp', files: files.length, openAll, leaf: leafEdits.own, hub: hubEdits.own, hubAll: hubEdits.all, completion, hover };
}
