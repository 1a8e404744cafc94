/**
 * No loss (issue 11), on every example set under examples/ and the render fixtures:
 *  - formatting changes only whitespace outside prose: every prose is byte-identical (quotes included), the text
 *    without whitespace is unchanged, and formatting again gives no edits; also after random whitespace between
 *    the tokens of the structure (fast-check, fixed seed);
 *  - rename changes only the renamed names: the whole text of every file of the set is compared word by word,
 *    each difference must be the old name becoming the new one; and after a rename the set has the same findings;
 *  - render keeps every word of the prose: the words of the text people sign (every prose the renderer prints,
 *    see PRINTED) appear in the plain text, the HTML, the Markdown and the DOCX at least as often as in the source.
 *    References are left out: they are printed as their current citation (test/render.test.ts checks those).
 * That import keeps every word is tested per seed agreement in test/importer.test.ts ('loses no word').
 */
import fc from 'fast-check';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarUtils, isLeafCstNode, TextDocument } from 'langium';
import { parse } from 'parse5';
import { describe as suite, expect, test } from 'vitest';
import { buildView } from '../compiler/render/build.js';
import { renderDocx } from '../compiler/render/docx.js';
import { renderHtml } from '../compiler/render/html.js';
import { SetLayout } from '../compiler/render/layout.js';
import { renderMarkdown } from '../compiler/render/markdown.js';
import { viewText } from '../compiler/render/text.js';
import type { Prose } from '../language/generated/ast.js';
import { isAutoTerm, isProse, isText, isTermUse } from '../language/generated/ast.js';
import { unescapeProse } from '../language/prose.js';
import { FUZZ_SEED } from './fuzz/config.js';
import type { SeedSet } from './fuzz/corpus.js';
import { exampleSets, snippetSets } from './fuzz/corpus.js';
import { buildSet } from './helpers.js';
import { readZip } from '../compiler/diff/zip.js';

const SETS = exampleSets();
/** The snippet uses every element once (a kop, a tabel, signatures …): a set to render beside the examples. */
const SNIPPET = snippetSets()[0];
const FILES = SETS.flatMap(set => Object.keys(set.files).map(file => [`${set.name}/${file}`, set, file] as const));

// ---------------------------------------------------------------- formatting

function proseSources(doc: LangiumDocument): string[] {
    return AstUtils.streamAllContents(doc.parseResult.value).filter(isProse).map(p => p.$cstNode?.text ?? '').toArray();
}

async function format(text: string, name = 'a.ovk'): Promise<{ formatted: string; before: LangiumDocument }> {
    const { docs, services } = await buildSet({ [name]: text });
    const doc = docs[name];
    const edits = await services.Contractspraak.lsp.Formatter!.formatDocument(doc, {
        textDocument: { uri: doc.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
    });
    return { formatted: TextDocument.applyEdits(doc.textDocument, edits), before: doc };
}

async function expectLossless(text: string): Promise<string> {
    const { formatted, before } = await format(text);
    expect(before.parseResult.parserErrors).toEqual([]);
    expect(formatted.replace(/\s+/g, ''), 'only whitespace changes').toBe(text.replace(/\s+/g, ''));
    const { formatted: again, before: after } = await format(formatted);
    expect(proseSources(after), 'every prose byte-identical').toEqual(proseSources(before));
    expect(again, 'formatting is idempotent').toBe(formatted);
    return formatted;
}

/** Offsets between two tokens of the structure: not inside a prose, not inside a token. */
function structureGaps(doc: LangiumDocument): number[] {
    const gaps: number[] = [];
    const leaves = CstUtils.streamCst(doc.parseResult.value.$cstNode!).filter(isLeafCstNode).toArray();
    const proseOf = (n: { astNode: AstNode }) => AstUtils.getContainerOfType(n.astNode, isProse);
    for (let i = 0; i + 1 < leaves.length; i++) {
        const a = proseOf(leaves[i]);
        if (a && a === proseOf(leaves[i + 1])) continue;
        gaps.push(leaves[i].end);
    }
    return gaps;
}

suite('formatting loses nothing', () => {
    test.each(FILES)('%s: only whitespace outside prose changes, and formatting twice changes nothing', async (_name, set, file) => {
        await expectLossless(set.files[file]);
    }, 120_000);

    test('after random whitespace between the tokens of the structure, too', async () => {
        const base = SETS.find(s => s.name === 'test/fixtures/render')!.files['raamovereenkomst.ovk'];
        const { before } = await format(base);
        const gaps = structureGaps(before);
        const edit = fc.record({ gap: fc.nat(), text: fc.constantFrom(' ', '   ', '\n', '\n\n\n', '\t', '\n        ', '\r\n') });
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async edits => {
            let text = base;
            // From the end, so earlier offsets stay valid.
            const offsets = edits.map(e => ({ at: gaps[e.gap % gaps.length], text: e.text })).sort((a, b) => b.at - a.at);
            for (const e of offsets) text = text.slice(0, e.at) + e.text + text.slice(e.at);
            await expectLossless(text);
        }), { seed: FUZZ_SEED, numRuns: 8 });
    }, 180_000);
});

// ---------------------------------------------------------------- rename

const NAMED = new Set(['Artikel', 'Lid', 'Onderdeel', 'Bijlage', 'Begrip', 'Variant', 'Partij', 'Groep', 'Rol', 'Overweging',
    'Hoofdstuk', 'Termijn', 'Gebeurtenis', 'DocumentVerwijzing', 'Tabel', 'Tarief', 'Boete', 'Document']);

/** Words and single punctuation, so a rename must keep their number and change only whole names. */
function words(text: string): string[] {
    return text.match(/[\p{L}\p{N}_]+|\S/gu) ?? [];
}

/** The declarations to rename: every one except leden and onderdelen, of which every fourth (they are many). */
function declarations(docs: LangiumDocument[]): Array<AstNode & { name: string }> {
    const out: Array<AstNode & { name: string }> = [];
    let counter = 0;
    for (const doc of docs) {
        for (const node of [doc.parseResult.value, ...AstUtils.streamAllContents(doc.parseResult.value)]) {
            const named = node as AstNode & { name?: string };
            if (!NAMED.has(node.$type) || !named.name) continue;
            if ((node.$type === 'Lid' || node.$type === 'Onderdeel') && counter++ % 4 !== 0) continue;
            out.push(named as AstNode & { name: string });
        }
    }
    return out;
}

async function renameCheck(set: SeedSet, rebuildEvery: number): Promise<number> {
    const { docs: byName, services } = await buildSet(set.files);
    const docs = Object.values(byName);
    const provider = services.Contractspraak.lsp.RenameProvider!;
    const references = services.Contractspraak.references.References;
    let checked = 0;
    let rebuilt = 0;
    for (const node of declarations(docs)) {
        const doc = AstUtils.getDocument(node);
        const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')!;
        const oldName = node.name;
        const newName = `${oldName}Hernoemd`;
        const edit = await provider.rename(doc, { textDocument: { uri: doc.uri.toString() }, position: nameNode.range.start, newName });
        const where = `${set.name}: ${node.$type} ${oldName}`;
        expect(edit, where).toBeDefined();
        let edits = 0;
        const after: Record<string, string> = {};
        for (const [file, d] of Object.entries(byName)) {
            const mine = edit?.changes?.[d.textDocument.uri] ?? [];
            edits += mine.length;
            for (const e of mine) expect(d.textDocument.getText(e.range), where).toBe(oldName);
            after[file] = TextDocument.applyEdits(d.textDocument, mine);
            const [a, b] = [words(d.textDocument.getText()), words(after[file])];
            expect(b.length, `${where}: ${file} keeps its number of words`).toBe(a.length);
            // A name followed by a footnote mark ("Gemeente¹") is one word that keeps its mark.
            const renamedWord = (w: string, r: string) => w.startsWith(oldName) && !/\p{L}/u.test(w.slice(oldName.length))
                && r === newName + w.slice(oldName.length);
            const changed = a.flatMap((w, i) => w === b[i] || renamedWord(w, b[i]) ? [] : [`${w} → ${b[i]}`]);
            expect(changed, `${where}: ${file} changes only the name`).toEqual([]);
        }
        // Every reference to the element follows (and references through it, such as [lid Artikel.Lid], too).
        const count = references.findReferences(node, { includeDeclaration: true }).count();
        expect(edits, `${where}: edits for the declaration and each reference`).toBeGreaterThanOrEqual(count);
        if (checked++ % rebuildEvery === 0) {
            rebuilt++;
            const renamed = Object.values((await buildSet(after)).docs);
            const codes = (list: LangiumDocument[]) => list.flatMap(d => (d.diagnostics ?? []).map(x => String(x.code))).sort();
            expect(codes(renamed), `${where}: same findings after the rename`).toEqual(codes(docs));
        }
    }
    expect(checked).toBeGreaterThan(0);
    return rebuilt;
}

suite('rename changes only the renamed names', () => {
    test.each(SETS.map(s => [s.name, s] as const))('%s', async (_name, set) => {
        const size = Object.values(set.files).reduce((n, t) => n + t.length, 0);
        // Rebuilding a big set costs a second or two: a handful per set.
        await renameCheck(set, size > 30_000 ? 40 : 5);
    }, 300_000);
});

// ---------------------------------------------------------------- render

/**
 * The prose the renderer prints, by the property that holds it. Not printed, by design: paths (importeer, uit),
 * the structured meaning of termijnen, gebeurtenissen, looptijd, opzegging, tarieven, boetes and kalenderdagen
 * (the lid's own prose says it), and the titles of other documents of the set (they appear in citations).
 */
const PRINTED: Record<string, string[]> = {
    Document: ['titel'], Versie: ['waarde'], Citeertitel: ['waarde'], Vastgesteld: ['tekst'], Ondertekend: ['tekst'],
    Partijen: ['inleiding', 'slot'], Partij: ['titel', 'omschrijving'], Overwegingen: ['inleiding', 'slot'], Overweging: ['tekst'],
    Hoofdstuk: ['titel'], Artikel: ['titel'], Lid: ['tekst', 'slot'], Onderdeel: ['tekst', 'slot'], Tekst: ['tekst'], Kop: ['tekst'],
    Toelichting: ['tekst'], Begrip: ['definitie'], Bijlage: ['titel', 'bron'], Tabel: ['titel', 'kolommen'], Rij: ['cellen'],
    Ondertekening: ['inleiding'], Handtekening: ['weergave', 'naam', 'functie', 'plaats', 'datumTekst']
};

function wordsOf(text: string): string[] {
    return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The parts are joined before the split: "01A05" is text "01" and the capitalised word "A05", yet one word. */
function proseWords(prose: Prose): string[] {
    return wordsOf(prose.delen.map(d => isText(d) ? unescapeProse(d.waarde)
        : isAutoTerm(d) || isTermUse(d) ? d.term?.$refText ?? ''
        : ' ').join(''));
}

function printedWords(doc: LangiumDocument): string[] {
    const out: string[] = [];
    for (const node of AstUtils.streamAllContents(doc.parseResult.value)) {
        if (!isProse(node) || !node.$containerProperty) continue;
        const container = node.$container!;
        if (PRINTED[container.$type]?.includes(node.$containerProperty)) out.push(...proseWords(node));
    }
    return out;
}

/** Words of `expected` missing from `actual`, counted: each word must occur at least as often. */
function missingWords(expected: string[], actual: string[]): string[] {
    const have = new Map<string, number>();
    for (const w of actual) have.set(w, (have.get(w) ?? 0) + 1);
    const missing: string[] = [];
    for (const w of expected) {
        const n = have.get(w) ?? 0;
        if (n === 0) missing.push(w);
        else have.set(w, n - 1);
    }
    return missing;
}

function htmlText(html: string): string {
    const parts: string[] = [];
    const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }) => {
        if (node.nodeName === '#text') parts.push(node.value ?? '');
        if (node.nodeName === 'style' || node.nodeName === 'title') return;
        for (const c of node.childNodes ?? []) walk(c as typeof node);
        // Text and inline elements run on ("<a …>Gemeente</a>¹" is one word); other elements end a word.
        if (!['#text', 'a', 'span', 'dfn', 'strong', 'em', 'mark'].includes(node.nodeName)) parts.push(' ');
    };
    walk(parse(html) as never);
    return parts.join('');
}

/** The text of word/document.xml in a DOCX (a zip): the contents of its w:t elements. */
function docxText(docx: Buffer): string {
    const document = readZip(docx).find(e => e.name === 'word/document.xml');
    if (!document) throw new Error('no word/document.xml in the DOCX');
    const xml = document.data.toString('utf8');
    // Runs of a paragraph run on, as Word shows them ("Gemeente" linked, then "¹"); breaks, tabs and paragraphs
    // separate words.
    return xml.replace(/<w:(?:br|tab|cr)\b[^>]*\/>/g, '<w:t> </w:t>').split('</w:p>')
        .map(para => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join('')).join(' ')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

suite('render keeps every word of the prose', () => {
    test.each([...SETS, SNIPPET].map(s => [s.name, s] as const))('%s: plain text, HTML, Markdown and DOCX', async (_name, set) => {
        const docs = Object.values((await buildSet(set.files)).docs);
        const layout = new SetLayout(docs);
        for (const entry of layout.entries) {
            // The entry's own prose and that of the documents rendered inside it (bijlagen loaded with `uit`).
            const inside = docs.filter(d => layout.placement(d)?.entry === entry);
            const expected = inside.flatMap(printedWords);
            expect(expected.length).toBeGreaterThan(0);
            const view = buildView(entry, layout);
            const outputs: Record<string, string> = {
                text: viewText(view),
                html: htmlText(renderHtml(view)),
                markdown: renderMarkdown(view),
                docx: docxText(await renderDocx(view) as Buffer)
            };
            for (const [format, text] of Object.entries(outputs)) {
                const missing = missingWords(expected, wordsOf(text));
                expect(missing.slice(0, 30), `${set.name} ${entry.uri.path} ${format}: ${missing.length} of ${expected.length} words missing`).toEqual([]);
            }
        }
    }, 180_000);
});
