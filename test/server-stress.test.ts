/**
 * The shipped server (dist/language/main.cjs over stdio) under stress (issue 11): a burst of 1,000 didChange
 * edits, malformed requests and messages, and a big file. After each, the server still answers (hover and
 * completion round-trips with the right content) and its memory stays bounded: RSS (VmRSS) and peak RSS (VmHWM)
 * are read from /proc/<pid>/status before and after, and printed.
 *
 * The big file is a generated agreement of 5 MB (64k lines); CONTRACTSPRAAK_STRESS_MB=<n> changes its size.
 *
 * Bounds (generous: the machine is shared and noisy): after the burst, RSS grows by at most 150 MB; after the
 * malformed requests by at most 50 MB; with the big file, RSS stays under 150 MB + 100 bytes per source byte
 * (Langium retains about 50 bytes of heap per source byte, performance.md §5.6; measured here: 453 MB for 5 MB).
 */
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument, URI } from 'langium';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import {
    CompletionRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    DidSaveTextDocumentNotification, ErrorCodes, HoverRequest, ResponseError
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { generateDocument, mulberry32 } from '../bench/generator.js';
import { ensureBundle, ROOT } from './bundle.js';
import type { TestClient } from './lsp-client.js';
import { position, startStdioServer } from './lsp-client.js';

const BIG_BYTES = Number(process.env.CONTRACTSPRAAK_STRESS_MB ?? 5) * 1_000_000;
const MB = 1024 * 1024;

/** VmRSS and VmHWM (peak) of a process, in bytes. */
function memory(pid: number): { rss: number; peak: number } {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

function hoverText(hover: unknown): string {
    const contents = (hover as { contents?: unknown } | null)?.contents;
    if (typeof contents === 'string') return contents;
    if (contents && typeof contents === 'object' && 'value' in contents) return String((contents as { value: string }).value);
    return JSON.stringify(contents ?? null);
}

/** `p`, or a rejection when it takes longer than `ms`: a server that stopped answering fails the test, not its timeout. */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); });
    try {
        return await Promise.race([p, timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/** A request that must be answered, with a result or an error response, within `ms`. */
async function answered(p: Promise<unknown>, ms = 60_000): Promise<'result' | number> {
    try {
        await within(p, ms, 'request');
        return 'result';
    } catch (err) {
        if (err instanceof ResponseError) return err.code;
        throw err;
    }
}

beforeAll(() => ensureBundle(), 180_000);

interface Session {
    folder: string;
    server: ChildProcess;
    client: TestClient;
    uri: string;
    doc: TextDocument;
}

async function start(files: Record<string, string>, open: string): Promise<Session> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-stress-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
    const { server, client } = startStdioServer();
    await client.initialize(folder);
    const uri = await client.open(path.join(folder, open));
    return { folder, server, client, uri, doc: TextDocument.create(uri, 'contractspraak', 1, files[open]) };
}

async function stop(s: Session | undefined): Promise<void> {
    if (!s) return;
    if (s.server.exitCode === null) {
        try {
            await answered(s.client.stop(s.server), 20_000);
        } catch {
            s.server.kill();
        }
    }
    fs.rmSync(s.folder, { recursive: true, force: true });
}

/** Hover on a reference and completion after "[artikel X" (a big set caps the list): both answer, with what they should. */
async function roundTrip(s: Session, reference: string, target: string, artikel: string): Promise<number> {
    const started = performance.now();
    const text = s.doc.getText();
    const hover = await within(s.client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: s.uri }, position: position(text, reference, reference.length - 2)
    }), 120_000, 'hover');
    expect(hoverText(hover)).toContain(target);
    const list = await within(s.client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: s.uri }, position: position(text, reference, '[artikel '.length + 1)
    }), 120_000, 'completion');
    expect((Array.isArray(list) ? list : list?.items ?? []).map(i => i.label)).toContain(artikel);
    return performance.now() - started;
}

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'render');
const FIXTURE_SET = {
    'raamovereenkomst.ovk': fs.readFileSync(path.join(FIXTURES, 'raamovereenkomst.ovk'), 'utf8'),
    'tarieven.ovk': fs.readFileSync(path.join(FIXTURES, 'tarieven.ovk'), 'utf8')
};

suite('server under stress', () => {
    let s: Session | undefined;

    beforeAll(async () => {
        s = await start(FIXTURE_SET, 'raamovereenkomst.ovk');
        await s.client.diagnosticsFor(s.uri, () => true, 120_000);
    }, 180_000);

    afterAll(() => stop(s), 60_000);

    test('a burst of 1,000 edits: the last text is diagnosed, hover and completion answer, memory stays bounded', async () => {
        const session = s!;
        const before = memory(session.server.pid!);
        // Typing at a cursor inside a lid, with quotes and brackets that break and mend the prose, and backspaces.
        const typed = 'Contractant meldt "binnen" drie Werkdagen [artikel Duur] en {Werkdagen}; [lid Onderwerp. ';
        let cursor = session.doc.offsetAt(position(session.doc.getText(), 'Deze overeenkomst gaat in', 'Deze '.length));
        const home = cursor;
        const random = mulberry32(11);
        const send = (change: TextDocumentContentChangeEvent) => {
            const version = session.doc.version + 1;
            session.doc = TextDocument.update(session.doc, [change], version);
            void session.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri: session.uri, version }, contentChanges: [change]
            });
        };
        const at = (offset: number) => session.doc.positionAt(offset);
        let next = 0;
        for (let i = 0; i < 999; i++) {
            if (cursor === home || random() < 0.6) {
                send({ range: { start: at(cursor), end: at(cursor) }, text: typed[next++ % typed.length] });
                cursor++;
            } else {
                send({ range: { start: at(cursor - 1), end: at(cursor) }, text: '' });
                cursor--;
            }
        }
        // The 1,000th edit replaces what was typed by a reference the server must find unresolved, at its place.
        const last = performance.now();
        send({ range: { start: at(home), end: at(cursor) }, text: '[artikel Eindcontrole] ' });
        const final = session.doc.getText();
        const unresolved = (d: Diagnostic[]) => d.some(x => x.code === 'ref-unresolved'
            && final.slice(session.doc.offsetAt(x.range.start), session.doc.offsetAt(x.range.end)) === 'Eindcontrole');
        await session.client.diagnosticsFor(session.uri, unresolved, 600_000);
        const settledMs = performance.now() - last;
        const tripMs = await roundTrip(session, '[artikel Berekening]', 'Berekening', 'Berekening');
        const after = memory(session.server.pid!);
        console.info(`burst of 1,000 edits: last edit → its diagnostics ${settledMs.toFixed(0)} ms; hover + completion ${tripMs.toFixed(0)} ms; `
            + `RSS ${mb(before.rss)} → ${mb(after.rss)}, peak ${mb(after.peak)}`);
        expect(after.rss - before.rss).toBeLessThan(150 * MB);
    }, 900_000);

    test('malformed requests and messages: answered or refused, never fatal; the server answers afterwards', async () => {
        const session = s!;
        const { connection } = session.client;
        const before = memory(session.server.pid!);
        const nowhere = URI.file(path.join(session.folder, 'nergens.ovk')).toString();
        const outcomes: Record<string, 'result' | number> = {};
        outcomes['unknown method'] = await answered(connection.sendRequest('contractspraak/bestaatNiet', { x: 1 }));
        outcomes['hover without params'] = await answered(connection.sendRequest('textDocument/hover', {}));
        outcomes['hover with wrong types'] = await answered(connection.sendRequest('textDocument/hover', { textDocument: { uri: 42 }, position: 'hier' }));
        outcomes['completion with null'] = await answered(connection.sendRequest('textDocument/completion', null));
        outcomes['rename without a new name'] = await answered(connection.sendRequest('textDocument/rename', { textDocument: { uri: session.uri }, position: { line: 1, character: 1 } }));
        outcomes['formatting without options'] = await answered(connection.sendRequest('textDocument/formatting', { textDocument: { uri: session.uri } }));
        outcomes['code action with a reversed range'] = await answered(connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: session.uri }, range: { start: { line: 9, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [] }
        }));
        outcomes['workspace symbol with a number'] = await answered(connection.sendRequest('workspace/symbol', { query: 5 }));
        outcomes['unknown command'] = await answered(connection.sendRequest('workspace/executeCommand', { command: 'contractspraak.bestaatNiet', arguments: [null, {}] }));
        outcomes['hover far past the end'] = await answered(connection.sendRequest(HoverRequest.type, { textDocument: { uri: session.uri }, position: { line: 1e6, character: 1e6 } }));
        outcomes['completion at a negative position'] = await answered(connection.sendRequest(CompletionRequest.type, { textDocument: { uri: session.uri }, position: { line: -1, character: -5 } }));
        outcomes['definition past the end of a line'] = await answered(connection.sendRequest('textDocument/definition', { textDocument: { uri: session.uri }, position: { line: 3, character: 9999 } }));
        outcomes['references in an unopened file'] = await answered(connection.sendRequest('textDocument/references', { textDocument: { uri: nowhere }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }));
        outcomes['semantic tokens of an unopened file'] = await answered(connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: nowhere } }));
        // Notifications for documents the server does not know, in the wrong order, or not Contractspraak.
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: nowhere, version: 7 }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, text: 'x' }]
        });
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: nowhere } });
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: nowhere } });
        // A document of another language (an editor that sends all its documents): it used to stop the server.
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: 'untitled:Naamloos-1', languageId: 'plaintext', version: 1, text: 'geen overeenkomst {' }
        });
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: session.uri } });
        await connection.sendNotification('contractspraak/onbekend', { a: [1, 2, 3] });
        // Broken messages on the wire: JSON cut short, and JSON that is no JSON-RPC; the framing stays intact.
        const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
        session.server.stdin!.write(frame('{"jsonrpc":"2.0","id":'));
        session.server.stdin!.write(frame('{"hallo":"wereld"}'));
        session.server.stdin!.write(frame('[1,2,3]'));
        // Still there, still right.
        const tripMs = await roundTrip(session, '[artikel Berekening]', 'Berekening', 'Berekening');
        expect(session.server.exitCode).toBeNull();
        const after = memory(session.server.pid!);
        console.info(`malformed: ${JSON.stringify(outcomes)}; afterwards hover + completion ${tripMs.toFixed(0)} ms; RSS ${mb(before.rss)} → ${mb(after.rss)}`);
        expect(outcomes['unknown method']).toBe(ErrorCodes.MethodNotFound);
        expect(after.rss - before.rss).toBeLessThan(50 * MB);
    }, 300_000);
});

suite(`server with a ${BIG_BYTES / 1e6} MB file`, () => {
    let s: Session | undefined;
    afterAll(() => stop(s), 60_000);

    test('it is diagnosed, hover and completion answer, and memory stays bounded', async () => {
        // A generated agreement of about the target size: measure bytes per line on a small one first.
        const perLine = generateDocument({ lines: 2000, seed: 5 }).text.length / 2000;
        let text = generateDocument({ lines: Math.round(BIG_BYTES / perLine), seed: 5 }).text;
        text = text.replace(/\n\}\s*$/, '\n    artikel Stress "Stress" { lid Een: "Zie [artikel Stress] en [artikel Eindcontrole]." }\n}\n');
        const started = performance.now();
        s = await start({ 'groot.ovk': text }, 'groot.ovk');
        const unresolved = (d: Diagnostic[]) => d.some(x => x.code === 'ref-unresolved' && x.range.start.line === text.split('\n').length - 3);
        await s.client.diagnosticsFor(s.uri, unresolved, 900_000);
        const diagnosedMs = performance.now() - started;
        const tripMs = await roundTrip(s, '[artikel Stress]', 'Stress', 'Stress');
        const after = memory(s.server.pid!);
        console.info(`${(text.length / 1e6).toFixed(2)} MB, ${text.split('\n').length} lines: start → diagnostics ${diagnosedMs.toFixed(0)} ms; `
            + `hover + completion ${tripMs.toFixed(0)} ms; RSS ${mb(after.rss)}, peak ${mb(after.peak)}`);
        expect(after.rss).toBeLessThan(150 * MB + 100 * text.length);
    }, 1_200_000);
});
