/**
 * End to end against the shipped server bundle (toolchain.md §4.2): dist/language/main.cjs is started over stdio,
 * as an editor other than VS Code would, and over node-IPC, as VS Code does. The client is played with
 * vscode-languageserver-protocol (test/lsp-client.ts); a temporary workspace folder holds a two-file document set.
 * Every editor feature over stdio: lsp-features.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import type { CodeAction, Diagnostic, LocationLink } from 'vscode-languageserver-protocol/node';
import {
    CodeActionRequest, CompletionRequest, createProtocolConnection, DefinitionRequest, ExecuteCommandRequest, HoverRequest, IPCMessageReader,
    IPCMessageWriter, RenameRequest
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { ensureBundle, SERVER } from './bundle.js';
import { norm, position, problem, startStdioServer, TestClient } from './lsp-client.js';

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
        ({ server, client } = startStdioServer());
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

    test('rules command: the rule JSON of the shipped compiler; a set with errors gets the forced rules, its errors named', async () => {
        type Rules = { available: boolean; message: string; json: string; entry: string; errors: string[] };
        const run = (uri: string) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'contractspraak.rulesJson', arguments: [uri] }) as Promise<Rules>;
        const basis = await run(URI.file(ws.basis).toString());
        expect(basis.available).toBe(true);
        expect(basis.errors).toEqual([]);
        const clean = JSON.parse(basis.json);
        expect([clean.entry, clean.errors, clean.documents.map((d: { id: string }) => d.id)]).toEqual(['Basis', undefined, ['Basis']]);
        const raam = await run(raamUri);
        expect(raam.errors).toEqual([expect.stringMatching(/^raam\.ovk:5:49 error ref-unresolved /)]);
        expect(raam.message).toMatch(/^De documentset van raam\.ovk heeft 1 fout; /);
        const forced = JSON.parse(raam.json);
        expect(forced.errors.map((e: { code: string; line: number }) => `${e.line} ${e.code}`)).toEqual(['5 ref-unresolved']);
        expect(forced.documents.map((d: { id: string }) => d.id).sort()).toEqual(['Basis', 'Raam']);
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
