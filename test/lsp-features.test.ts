/**
 * Every editor feature of issue 8, end to end over stdio against the server bundle the .vsix ships
 * (dist/language/main.cjs, built from compiler/server/main.ts): one test per feature, on a two-file document set in
 * a temporary workspace folder. The same providers in process: editor-features.test.ts, lsp-navigation.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarUtils, URI } from 'langium';
import type {
    CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, InitializeResult, LocationLink,
    SymbolInformation, TextEdit, WorkspaceSymbol
} from 'vscode-languageserver-protocol/node';
import {
    CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification, DocumentFormattingRequest, DocumentSymbolRequest, ExecuteCommandRequest, FoldingRangeRequest,
    HoverRequest, InlayHintRequest, ReferencesRequest, RenameRequest, SemanticTokensRequest, WorkspaceSymbolRequest
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { isArtikel, isBegrip, isBijlage, isLid, isTermijn } from '../language/generated/ast.js';
import { ensureBundle } from './bundle.js';
import { buildSet } from './helpers.js';
import type { TestClient } from './lsp-client.js';
import { norm, position, startStdioServer } from './lsp-client.js';

const BASIS = `basisovereenkomst Basis "Basisovereenkomst Wmo" {
    ondertekend 2021-01-01
    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag, behalve feestdagen"
    gebeurtenis Dagtekening "dagtekening van de opdracht" door Gemeente
    bijlage Tarieven "All-in tarieven" extern
    bijlage Leidraad "Leidraad meldingen" extern
    rangorde: deze > Tarieven
    looptijd {
        ingang 2021-01-01
        einde 2022-12-31
        verlenging stilzwijgend 2 x 1 jaar
        uiterste einde 2024-12-31
    }
    artikel Weigering "Weigering van Dienstverleningsopdrachten" {
        lid Zwaarwegend: "Het staat Contractant niet vrij een opdracht te weigeren; een weigering meldt Contractant
            binnen drie Werkdagen, zie ook [artikel 7:401 BW]."
            termijn Weigeren: Contractant "meldt weigering" binnen 3 werkdagen na Dagtekening
        lid Overleg: "Zie [vorig lid] en [bijlage Tarieven]."
    }
}
`;

const RAAM = `importeer "./basis.ovk"
raamovereenkomst Raam "Raamovereenkomst" {
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Overeenkomstig [artikel Weigering] en [lid Weigering.Zwaarwegend], binnen een Werkdag."
        lid Start: "Zie artikel 1.1, [lid Aanvaarding] en het {Zorgplan}."
    }
}
`;

// Structure laid out carelessly; the prose (with its odd spacing) must come back unchanged.
const MESSY = `basisovereenkomst Rommel "Rommelig  opgemaakt" {
artikel Een "Een"{
lid A:   "Tekst   met  eigen   spaties."
        lid B: "Nog een lid."
   }
}
`;

interface Workspace { folder: string; basis: string; raam: string; messy: string }

function workspace(): Workspace {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-features-'));
    const files = { basis: path.join(folder, 'basis.ovk'), raam: path.join(folder, 'raam.ovk'), messy: path.join(folder, 'messy.ovk') };
    fs.writeFileSync(files.basis, BASIS);
    fs.writeFileSync(files.raam, RAAM);
    fs.writeFileSync(files.messy, MESSY);
    return { folder, ...files };
}

/** `text` with the edits applied. */
function apply(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x.ovk', 'contractspraak', 1, text), edits);
}

function hoverText(hover: Hover | null): string {
    const contents = hover?.contents;
    return typeof contents === 'string' ? contents : contents && 'value' in contents ? contents.value : JSON.stringify(contents);
}

beforeAll(() => ensureBundle(), 120_000);

suite('editor features over stdio (the shipped server)', () => {
    let ws: Workspace;
    let server: ChildProcess;
    let client: TestClient;
    let init: InitializeResult;
    let basisUri: string;
    let raamUri: string;
    let basisDiagnostics: Diagnostic[];
    let raamDiagnostics: Diagnostic[];

    const request = <R>(type: { method: string }, params: unknown) => client.connection.sendRequest(type.method, params) as Promise<R>;

    beforeAll(async () => {
        ws = workspace();
        ({ server, client } = startStdioServer());
        // The editor's settings: one code made stricter than the catalogue.
        client.settings = { contractspraak: { diagnostics: { severity: { 'number-as-text': 'error' } }, kalender: 'atw' } };
        init = await client.initialize(ws.folder);
        basisUri = await client.open(ws.basis);
        raamUri = await client.open(ws.raam);
        raamDiagnostics = await client.diagnosticsFor(raamUri, d => d.some(x => x.code === 'term-undefined'));
        basisDiagnostics = await client.diagnosticsFor(basisUri, d => d.some(x => x.code === 'rangorde-unplaced'));
    }, 60_000);

    afterAll(() => {
        if (server.exitCode === null) server.kill();
        fs.rmSync(ws.folder, { recursive: true, force: true });
    });

    test('capabilities: every feature is announced, with the server commands', () => {
        const c = init.capabilities;
        for (const feature of ['completionProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider',
            'documentSymbolProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'semanticTokensProvider', 'documentFormattingProvider',
            'codeActionProvider', 'codeLensProvider', 'inlayHintProvider', 'executeCommandProvider'] as const) {
            expect(c[feature], feature).toBeTruthy();
        }
        expect(c.executeCommandProvider!.commands.sort()).toEqual([
            'contractspraak.looptijdText', 'contractspraak.renderHtml', 'contractspraak.rulesJson', 'contractspraak.slotValue',
            'contractspraak.writeDocx'
        ]);
    });

    test('diagnostics: Dutch messages, codes, exact ranges and related locations; the severity setting applied', () => {
        const unplaced = basisDiagnostics.find(d => d.code === 'rangorde-unplaced')!;
        expect(unplaced.message).toContain('plaatst bijlage Leidraad niet');
        expect(unplaced.relatedInformation).toHaveLength(1);
        const related = unplaced.relatedInformation![0].location;
        expect(norm(related.uri)).toBe(norm(basisUri));
        expect(BASIS.split('\n')[related.range.start.line].slice(related.range.start.character, related.range.end.character)).toBe('Leidraad');
        const described = raamDiagnostics.filter(d => d.severity === 1 || d.severity === 2)
            .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity}`).sort();
        // number-as-text is a warning in the catalogue; the setting made it an error.
        expect(described).toEqual(['5:25 number-as-text 1', '5:64 term-undefined 1']);
        expect(raamDiagnostics.find(d => d.code === 'term-undefined')!.message).toBe("Begrip 'Zorgplan' is niet gedefinieerd in de documentset.");
    });

    test('completion: references with number and title, begrippen, events, units and keywords', async () => {
        const items = async (uri: string, text: string, marker: string, delta: number) => {
            const list = await request<CompletionItem[] | { items: CompletionItem[] }>(CompletionRequest.type, { textDocument: { uri }, position: position(text, marker, delta) });
            return Array.isArray(list) ? list : list.items;
        };
        const artikelen = await items(raamUri, RAAM, '[artikel Weigering]', '[artikel '.length);
        expect(artikelen.find(i => i.label === 'Weigering')?.detail).toBe('artikel 1 van Basisovereenkomst Wmo — Weigering van Dienstverleningsopdrachten');
        const begrippen = await items(raamUri, RAAM, '{Zorgplan}', 1);
        expect(begrippen.map(i => i.label)).toEqual(expect.arrayContaining(['Werkdag', 'Werkdagen']));
        const events = await items(basisUri, BASIS, 'na Dagtekening', 3);
        expect(events.map(i => i.label)).toContain('Dagtekening');
        const units = await items(basisUri, BASIS, '3 werkdagen na', 2);
        expect(units.map(i => i.label)).toEqual(expect.arrayContaining(['werkdagen', 'kalenderdagen', 'weken']));
        const keywords = await items(basisUri, BASIS, '    artikel Weigering', 4);
        expect(keywords.map(i => i.label)).toEqual(expect.arrayContaining(['artikel', 'begrip', 'bijlage', 'hoofdstuk']));
    });

    test('hover: a reference shows number, title and text; a begrip its definition; legislation its official link', async () => {
        const at = (uri: string, text: string, marker: string, delta: number) =>
            request<Hover | null>(HoverRequest.type, { textDocument: { uri }, position: position(text, marker, delta) }).then(hoverText);
        const reference = await at(raamUri, RAAM, '[artikel Weigering]', 12);
        expect(reference.split('\n\n')[0]).toBe('**artikel 1** — Weigering van Dienstverleningsopdrachten');
        expect(reference).toContain('Het staat Contractant niet vrij');
        const begrip = await at(raamUri, RAAM, 'Werkdag.', 2);
        expect(begrip).toContain('maandag tot en met vrijdag, behalve feestdagen');
        const law = await at(basisUri, BASIS, '7:401', 1);
        expect(law).toContain('https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&artikel=401');
    });

    test('go to definition across files: a begrip used in prose goes to its declaration in the imported file', async () => {
        const result = await request<LocationLink[]>(DefinitionRequest.type, { textDocument: { uri: raamUri }, position: position(RAAM, 'Werkdag.', 2) });
        expect(result).toHaveLength(1);
        expect(norm(result[0].targetUri)).toBe(norm(basisUri));
        expect(position(BASIS, 'Werkdag /')).toEqual(result[0].targetSelectionRange.start);
    });

    test('find all references across files ([lid Weigering.Zwaarwegend] refers to the lid, not the artikel)', async () => {
        const refs = await request<Array<{ uri: string; range: { start: { line: number; character: number } } }>>(ReferencesRequest.type, {
            textDocument: { uri: basisUri }, position: position(BASIS, 'artikel Weigering', 9), context: { includeDeclaration: false }
        });
        expect(refs.map(r => `${path.basename(URI.parse(r.uri).fsPath)}:${r.range.start.line + 1}:${r.range.start.character + 1}`).sort())
            .toEqual(['raam.ovk:4:51']);
    });

    test('rename across files changes the names and never the prose', async () => {
        const edit = await request<{ changes: Record<string, TextEdit[]> }>(RenameRequest.type, {
            textDocument: { uri: basisUri }, position: position(BASIS, 'artikel Weigering', 9), newName: 'Afwijzing'
        });
        const changes = Object.fromEntries(Object.entries(edit.changes).map(([uri, edits]) => [norm(uri), edits]));
        expect(apply(BASIS, changes[norm(basisUri)])).toBe(BASIS.replace('artikel Weigering "Weigering', 'artikel Afwijzing "Weigering'));
        expect(apply(RAAM, changes[norm(raamUri)])).toBe(RAAM.replace('[artikel Weigering]', '[artikel Afwijzing]').replace('[lid Weigering.', '[lid Afwijzing.'));
    });

    test('document symbols: the outline with computed numbers and titles', async () => {
        const symbols = await request<DocumentSymbol[]>(DocumentSymbolRequest.type, { textDocument: { uri: basisUri } });
        const artikel = symbols.find(s => s.name.startsWith('Artikel'))!;
        expect(artikel.name).toBe('Artikel 1 — Weigering van Dienstverleningsopdrachten');
        expect(artikel.children!.map(c => c.name)).toEqual(['1.1 Zwaarwegend', '1.2 Overleg']);
        expect(artikel.children![0].children!.map(c => c.name)).toEqual(['termijn Weigeren']);
        expect(symbols.map(s => s.name)).toEqual(expect.arrayContaining(['Bijlage 1 — All-in tarieven', 'Bijlage 2 — Leidraad meldingen', 'Werkdag / Werkdagen']));
    });

    test('workspace symbols: numbers and titles across the set', async () => {
        const symbols = await request<WorkspaceSymbol[] | SymbolInformation[]>(WorkspaceSymbolRequest.type, { query: 'weigering' });
        const found = symbols.map(s => `${s.name} | ${path.basename(URI.parse(s.location.uri).fsPath)}`);
        expect(found).toContain('Artikel 1 — Weigering van Dienstverleningsopdrachten | basis.ovk');
        const totstandkoming = await request<WorkspaceSymbol[]>(WorkspaceSymbolRequest.type, { query: 'totstandkoming' });
        expect(totstandkoming.map(s => `${s.name} | ${s.containerName}`)).toEqual(['Artikel 1 — Totstandkoming | Raamovereenkomst']);
    });

    test('folding: blocks and long prose', async () => {
        const ranges = await request<FoldingRange[]>(FoldingRangeRequest.type, { textDocument: { uri: basisUri } });
        const lines = BASIS.split('\n');
        expect(ranges.map(r => `${r.startLine + 1}-${r.endLine + 1} ${lines[r.startLine].trim().split(' ')[0]}`)).toEqual([
            '3-5 partijen', '12-16 looptijd', '18-22 artikel', '19-20 lid'
        ]);
    });

    test('semantic highlighting: references, terms and declarations get their token types', async () => {
        const legend = init.capabilities.semanticTokensProvider!.legend;
        const { data } = await request<{ data: number[] }>(SemanticTokensRequest.type, { textDocument: { uri: raamUri } });
        const tokens: Array<{ line: number; char: number; length: number; type: string }> = [];
        let line = 0, char = 0;
        for (let i = 0; i < data.length; i += 5) {
            line += data[i];
            char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
            tokens.push({ line, char, length: data[i + 2], type: legend.tokenTypes[data[i + 3]] });
        }
        const typeAt = (marker: string, delta: number) => {
            const p = position(RAAM, marker, delta);
            return tokens.find(t => t.line === p.line && t.char <= p.character && p.character < t.char + t.length)?.type;
        };
        expect(typeAt('[artikel Weigering]', 1)).toBe('keyword');
        expect(typeAt('[artikel Weigering]', 10)).toBe('class');
        expect(typeAt('[lid Weigering.Zwaarwegend]', 16)).toBe('property');
        expect(typeAt('Werkdag.', 0)).toBe('type');
        expect(typeAt('Totstandkoming "', 0)).toBe('class');
    });

    test('formatting is idempotent and leaves prose alone', async () => {
        const messyUri = await client.open(ws.messy);
        const options = { tabSize: 4, insertSpaces: true };
        const edits = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri: messyUri }, options });
        const formatted = apply(MESSY, edits);
        expect(formatted).not.toBe(MESSY);
        expect(formatted).toContain('"Tekst   met  eigen   spaties."');
        expect(formatted).toContain('"Rommelig  opgemaakt"');
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: messyUri, version: 2 }, contentChanges: [{ text: formatted }]
        });
        const again = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri: messyUri }, options });
        expect(apply(formatted, again)).toBe(formatted);
    });

    test('code actions: create the missing begrip, place a bijlage in the rangorde, replace a typed number', async () => {
        const actions = async (uri: string, diagnostic: Diagnostic) => request<CodeAction[]>(CodeActionRequest.type, {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        const [create] = await actions(raamUri, raamDiagnostics.find(d => d.code === 'term-undefined')!);
        expect(create.title).toBe("Maak begrip 'Zorgplan' aan");
        const createEdits = Object.entries(create.edit!.changes!);
        expect(createEdits.map(([uri]) => norm(uri))).toEqual([norm(raamUri)]);
        expect(apply(RAAM, createEdits[0][1])).toContain('raamovereenkomst Raam "Raamovereenkomst" {\n    begrip Zorgplan: ""\n');
        const [place] = await actions(basisUri, basisDiagnostics.find(d => d.code === 'rangorde-unplaced')!);
        expect(place.title).toBe('Plaats bijlage Leidraad onderaan de rangorde');
        expect(apply(BASIS, Object.values(place.edit!.changes!)[0])).toContain('    rangorde: deze > Tarieven > Leidraad\n');
        const [number] = await actions(raamUri, raamDiagnostics.find(d => d.code === 'number-as-text')!);
        expect(number.title).toBe('Vervang door verwijzing [lid Totstandkoming.Aanvaarding]');
    });

    test('code lens: reference counts on artikelen, leden, bijlagen and begrippen', async () => {
        const lenses = await request<CodeLens[]>(CodeLensRequest.type, { textDocument: { uri: basisUri } });
        const lines = BASIS.split('\n');
        const described = lenses.map(l => `${lines[l.range.start.line].slice(l.range.start.character, l.range.end.character)}: ${l.command?.title}`);
        expect(described).toEqual([
            'Werkdag: 2 verwijzingen', 'Tarieven: 2 verwijzingen', 'Leidraad: geen verwijzingen',
            'Weigering: 1 verwijzing', 'Zwaarwegend: 1 verwijzing', 'Overleg: geen verwijzingen'
        ]);
        const werkdag = lenses[0].command!;
        expect(werkdag.command).toBe('contractspraak.showReferences');
        expect((werkdag.arguments![2] as Array<{ uri: string }>).map(l => path.basename(URI.parse(l.uri).fsPath))).toEqual(['basis.ovk', 'raam.ovk']);
    });

    test('inlay hints: the rendered number after a reference', async () => {
        const hints = await request<InlayHint[]>(InlayHintRequest.type, {
            textDocument: { uri: raamUri }, range: { start: { line: 0, character: 0 }, end: { line: RAAM.split('\n').length, character: 0 } }
        });
        const label = (h: InlayHint) => typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join('');
        const after = (marker: string) => hints.filter(h => h.position.line === position(RAAM, marker).line
            && h.position.character === position(RAAM, marker, marker.length).character).map(label);
        expect(after('[artikel Weigering]').join(' ')).toContain('artikel 1');
        expect(after('[lid Aanvaarding]').join(' ')).toContain('1.1');
    });

    test('execute command: renderHtml returns the agreement with computed numbers, writeDocx writes the file, looptijd and rules', async () => {
        const run = <T>(command: string, ...args: unknown[]) => request<T>(ExecuteCommandRequest.type, { command, arguments: args });
        const rendered = await run<{ html: string; title: string; entry: string }>('contractspraak.renderHtml', raamUri);
        expect(rendered.title).toBe('Raamovereenkomst');
        expect(rendered.html).toMatch(/^<!DOCTYPE html>/);
        // "Zie artikel 1.1, [lid Aanvaarding]": the reference rendered as the number it has now.
        expect(rendered.html).toContain('artikel 1.1');
        const { uri } = await run<{ uri: string }>('contractspraak.writeDocx', raamUri);
        const docx = URI.parse(uri).fsPath;
        expect(docx).toBe(path.join(ws.folder, 'raam.docx'));
        expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
        const { text } = await run<{ text: string }>('contractspraak.looptijdText', basisUri);
        expect(text).toContain('Looptijd van basisovereenkomst Basis');
        expect(text).toContain('Uiterste einde: dinsdag 2024-12-31');
        const rules = await run<{ available: boolean; json: string; errors: string[]; message: string }>('contractspraak.rulesJson', basisUri);
        expect([rules.available, rules.errors]).toEqual([true, []]);
        const weigeren = JSON.parse(rules.json).rules.find((r: { id: string }) => r.id === 'Basis/termijn/Weigeren');
        expect(weigeren).toMatchObject({ kind: 'termijn', bearer: 'Contractant', deadline: { amount: 3, unit: 'werkdagen' } });
        expect(rules.message).toMatch(/^\d+ regels gecompileerd uit de documentset van basis\.ovk\.$/);
        // The effective value of the slot at the cursor: the termijn stands alone in the set.
        const slot = await run<{ slot: string; status: string; text: string }>('contractspraak.slotValue', basisUri, position(BASIS, 'termijn Weigeren', 10));
        expect([slot.slot, slot.status]).toEqual(['termijn:Weigeren', 'enig']);
        expect(slot.text).toContain('Geldt: binnen 3 werkdagen na Dagtekening — basisovereenkomst Basis (artikel 1.1)');
        await expect(run('contractspraak.renderHtml', 'file:///nergens/x.ovk')).rejects.toThrow(/geen geladen Contractspraak-document/);
    });

    test('settings: a changed severity override is published again without an edit', async () => {
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { contractspraak: { diagnostics: { severity: { 'number-as-text': 'off', 'term-undefined': 'hint' } } } }
        });
        const after = await client.diagnosticsFor(raamUri, d => !d.some(x => x.code === 'number-as-text'));
        expect(after.map(d => `${d.code} ${d.severity}`)).toContain('term-undefined 4');
    });

    test('settings: the default calendar counts for documents without a kalender line', async () => {
        const looptijd = () => request<{ text: string }>(ExecuteCommandRequest.type, { command: 'contractspraak.looptijdText', arguments: [basisUri] });
        expect((await looptijd()).text).toContain('Kalender: atw,');
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { contractspraak: { kalender: 'cao-lustrum' } }
        });
        expect((await looptijd()).text).toContain('Kalender: cao-lustrum');
        // The termijn hover counts with it too.
        const hover = await request<Hover | null>(HoverRequest.type, { textDocument: { uri: basisUri }, position: position(BASIS, 'termijn Weigeren', 9) });
        expect(hoverText(hover)).toContain('cao-lustrum');
    });

    test('shutdown and exit end the process with code 0', async () => {
        expect(await client.stop(server)).toBe(0);
    });
});

/**
 * The "done when": working through a real example as a drafter would, every reference and term use can
 * be navigated and explained, every termijn explained and every named element renamed, from the shipped server.
 */
suite('a drafter working through examples/raamovereenkomst-maatwerk-2021', () => {
    const example = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../examples/raamovereenkomst-maatwerk-2021');
    let folder: string;
    let server: ChildProcess;
    let client: TestClient;
    let uri: string;
    let doc: LangiumDocument;

    beforeAll(async () => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-example-'));
        for (const f of fs.readdirSync(example).filter(f => f.endsWith('.ovk'))) fs.copyFileSync(path.join(example, f), path.join(folder, f));
        const main = path.join(folder, 'raamovereenkomst.ovk');
        // The same text parsed here, for the positions of its references and declarations.
        ({ docs: { 'raamovereenkomst.ovk': doc } } = await buildSet({ 'raamovereenkomst.ovk': fs.readFileSync(main, 'utf8') }));
        ({ server, client } = startStdioServer());
        await client.initialize(folder);
        uri = await client.open(main);
        await client.diagnosticsFor(uri);
    }, 60_000);

    afterAll(async () => {
        if (server.exitCode === null) await client.stop(server);
        fs.rmSync(folder, { recursive: true, force: true });
    });

    const send = <R>(type: { method: string }, params: unknown) => client.connection.sendRequest(type.method, params) as Promise<R>;

    test('every resolved reference and term use: go to definition and a hover', async () => {
        const references = doc.references.filter(r => 'ref' in r && r.ref && r.$refNode);
        expect(references.length).toBeGreaterThan(100);
        const unexplained: string[] = [];
        for (const reference of references) {
            const at = reference.$refNode!.range.start;
            const where = `${at.line + 1}:${at.character + 1} ${reference.$refText}`;
            const definition = await send<LocationLink[] | null>(DefinitionRequest.type, { textDocument: { uri }, position: at });
            const hover = await send<Hover | null>(HoverRequest.type, { textDocument: { uri }, position: at });
            if (!definition?.length) unexplained.push(`${where}: no definition`);
            if (!hoverText(hover).trim()) unexplained.push(`${where}: no hover`);
        }
        expect(unexplained).toEqual([]);
    }, 60_000);

    test('every termijn explained by its hover; every artikel, lid, bijlage and begrip renameable', async () => {
        const nodes = AstUtils.streamAllContents(doc.parseResult.value).toArray();
        const termijnen = nodes.filter(isTermijn);
        expect(termijnen.length).toBeGreaterThan(10);
        for (const termijn of termijnen) {
            const at = GrammarUtils.findNodeForProperty(termijn.$cstNode, 'name')!.range.start;
            expect(hoverText(await send<Hover | null>(HoverRequest.type, { textDocument: { uri }, position: at })), termijn.name).toContain(termijn.name);
        }
        const named = nodes.filter(n => isArtikel(n) || isLid(n) || isBijlage(n) || isBegrip(n)) as Array<AstNode & { name: string }>;
        const refused: string[] = [];
        for (const node of named) {
            const at = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')!.range.start;
            const edit = await send<{ changes?: Record<string, TextEdit[]> } | null>(RenameRequest.type, {
                textDocument: { uri }, position: at, newName: `${node.name}Nieuw`
            });
            if (!edit?.changes?.[uri]?.length) refused.push(node.name);
        }
        expect(refused).toEqual([]);
    }, 60_000);
});
