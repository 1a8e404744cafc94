/**
 * Crashes the fuzzer found (test/fuzz.test.ts), each with its shrunk input, run through the whole pipeline of
 * the fuzzer: build with validation, reports, every LSP provider, render. The comment says what broke.
 */
import { describe as suite, expect, test } from 'vitest';
import type { LspCase } from './fuzz/properties.js';
import { checkLanguage, FuzzWorkspace } from './fuzz/properties.js';

const workspace = new FuzzWorkspace();

/** Every provider at the start, the middle and the end of the first file. */
const EVERYWHERE: LspCase = { offsets: [0, 40, 1e9], outOfRange: true, newName: 'Nieuw', query: '' };

async function problems(files: Record<string, string>): Promise<string[]> {
    return checkLanguage(workspace, files, EVERYWHERE, { docx: true });
}

const doc = (body: string, head = 'raamovereenkomst R "Raam" {') => `${head}\n${body}\n}\n`;

suite('fuzz regressions', () => {
    test.each([
        // The document header does not parse, so the Document has no soort: prose-checks' ownNames and the
        // renderer's metadata read root.soort.charAt (compiler/render/build.ts, language/checks/prose-checks.ts).
        ['no document kind', { 'a.ovk': 'iimporteer "./b.ovk"\n\nraamovereenkomst R "Raam" {\n    artikel A "A" { lid B: "zie artikel 2" }\n}\n' }],
        // `status` without a value: the rendered metadata had an undefined value (compiler/render/build.ts).
        ['status without value', { 'a.ovk': doc('    status\n    kalender atw') }],
        // A rol without its target: the outline and the hover read doel.$refText and doel.ref
        // (language/lsp/document-symbol-provider.ts, language/lsp/hover-provider.ts).
        ['rol without target', { 'a.ovk': doc('    partijen { gemeente G "G" rol Opdrachtgever = }') }],
        // A document reference without a name: an outline symbol without a name, which editors reject, and workspace
        // symbols read name.includes (language/lsp/document-symbol-provider.ts).
        ['voorwaarden without name', { 'a.ovk': doc('    voorwaarden "" extern') }],
        // `tenzij … afwijkt van` without its second document: the rangorde extraction read schakel.deze
        // (language/rangorde/extract.ts).
        ['rangorde exception cut short', { 'a.ovk': doc('    bijlage A "A" extern\n    rangorde: deze > A tenzij A afwijkt van') }],
        // `verlenging stilzwijgend` without its duration: looptijdValue read duur.aantal (language/rangorde/extract.ts).
        ['verlenging without duration', { 'a.ovk': doc('    looptijd { ingang 2021-01-01 einde 2022-01-01 verlenging stilzwijgend }') }],
        // A tarief without its amount: normaliseAmount read bedrag.replace (language/rangorde/extract.ts).
        ['tarief without amount', { 'a.ovk': doc('    tarief Uur: "begeleiding" per uur') }],
        // `{` in an import path: proseText read term.$refText of a TermUse without a term (language/prose.ts).
        ['term brace in a path', { 'a.ovk': 'importeer "{"\nraamovereenkomst R "Raam" { }\n' }]
    ])('%s', async (_name, files) => {
        expect(await problems(files)).toEqual([]);
    });

    test('a line break inside {…} keeps every later position on its own line (chevrotain skips it uncounted)', async () => {
        const text = doc('    artikel A "A" {\n        lid B: "een {\nWerkdag} later"\n    }\n    artikel C "C" { lid D: "zie [artikel Bestaatniet]." }');
        const docs = await workspace.build({ 'a.ovk': text });
        try {
            const d = docs[0];
            const unresolved = d.diagnostics!.find(x => x.code === 'ref-unresolved')!;
            expect(d.textDocument.getText(unresolved.range)).toBe('Bestaatniet');
            expect(unresolved.range.start.line).toBe(text.split('\n').findIndex(l => l.includes('Bestaatniet')));
            // The lexing error on the line break ends at the start of the next line, not past the end of its own.
            const syntax = d.diagnostics!.find(x => x.code === 'syntax-error')!;
            expect(syntax.range).toEqual({ start: { line: 2, character: 21 }, end: { line: 3, character: 0 } });
        } finally {
            await workspace.dispose(docs);
        }
        expect(await problems({ 'a.ovk': text.replace(/\n/g, '\r\n') })).toEqual([]);
    });
});
