/**
 * `contractspraak render`: golden files for HTML, Markdown and DOCX (the DOCX as an outline of word/document.xml
 * with Word's numbering worked out from numbering.xml), well-formed and inert HTML, the CLI, and the fidelity of
 * the rendered examples to the original agreements. The fixture set (test/fixtures/render) is a raamovereenkomst
 * with a bijlage loaded from tarieven.ovk; it uses every element and every kind of reference once.
 * Regenerate the goldens with UPDATE_GOLDEN=1 and review them line by line: they are the spec.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { labelOf } from '../compiler/render/build.js';
import { renderDocx } from '../compiler/render/docx.js';
import { fidelity, lcsLength, wordTokens } from '../compiler/render/fidelity.js';
import { renderHtml } from '../compiler/render/html.js';
import { renderMarkdown } from '../compiler/render/markdown.js';
import { documentView, entryDocuments } from '../compiler/render/render.js';
import { viewText } from '../compiler/render/text.js';
import type { Block, DocumentView, ListBlock } from '../compiler/render/view.js';
import { loadWorkspace } from '../compiler/workspace.js';
import { CLI, ROOT, ensureBundle } from './bundle.js';
import { buildSet } from './helpers.js';
import { readZip } from '../compiler/diff/zip.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'render');
const GOLDEN = path.join(FIXTURES, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
    const file = path.join(GOLDEN, name);
    if (UPDATE || !fs.existsSync(file)) fs.writeFileSync(file, actual);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

let view: DocumentView;

beforeAll(async () => {
    const ws = await loadWorkspace([path.join(FIXTURES, 'raamovereenkomst.ovk')]);
    const errors = ws.all.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1).map(x => `${d.uri.path}: ${x.message}`));
    expect(errors).toEqual([]);
    view = documentView(ws.all, ws.requested[0]);
});

// ---------------------------------------------------------------- the view

suite('document view', () => {
    test('bijlagen loaded with uit are part of the entry, not entries of their own', async () => {
        const ws = await loadWorkspace([FIXTURES]);
        expect(entryDocuments(ws.all).map(d => path.basename(d.uri.fsPath))).toEqual(['raamovereenkomst.ovk']);
        expect(view.warnings).toEqual([]);
    });

    test('references read as the current citation, with the Dutch conventions of references.ts', () => {
        const text = viewText(view);
        // same artikel: ordinal; another artikel: computed number; same lid: onderdeel alone
        expect(text).toContain('2.2 Verlenging volgt dit artikel en artikel 1.1; zie ook het eerste lid.');
        expect(text).toContain('3.2 Bij opzegging op grond van het eerste lid, onderdeel a vervalt artikel 1 van bijlage 2; bijlage 2 blijft gelden.');
        expect(text).toContain('zie artikel 3.1, onderdeel b en artikel 1.2 van bijlage 2.');
        // relative: the article is added, or kept when the drafter wrote it ("het [vorige lid]")
        expect(text).toContain('duurt tot het volgende lid.');
        expect(text).toContain('is de Algemene inkoopvoorwaarden Stad van toepassing; het vorige lid geldt onverkort.');
        // inside a bijlage its own elements drop " van bijlage N"; the file loaded as bijlage 2 cites the main text plainly
        expect(text).toContain('volgens deze bijlage en artikel 2.');
        expect(text).toContain('De tarieven gelden vanaf de ingang genoemd in artikel 2.');
        // start of a sentence
        expect(text).toContain('Opzegging gaat per aangetekende brief, conform artikel 7:401 BW.');
    });

    test('a reference into another entry of the set names that document and links to its output', async () => {
        const { docs, services } = await buildSet({
            'basis.ovk': 'basisovereenkomst Basis "Basisovereenkomst Wmo" {\n begrip Werkdag / Werkdagen: "ma-vr"\n artikel Weigering "Weigering" { lid Zwaar: "x" }\n}\n',
            'deel.ovk': 'importeer "./basis.ovk"\ndeelovereenkomst Deel "Deel" {\n artikel Start "Start" { lid Een: "Zie [lid Weigering.Zwaar] binnen drie {Werkdagen}." }\n}\n'
        });
        const all = services.shared.workspace.LangiumDocuments.all.toArray();
        expect(entryDocuments(all).map(d => d.uri.path).sort()).toEqual(['/ws/basis.ovk', '/ws/deel.ovk']);
        const deel = documentView(all, docs['deel.ovk']);
        const lid = (deel.body[0] as Extract<Block, { kind: 'section' }>).children[0] as Extract<Block, { kind: 'lid' }>;
        expect(lid.runs).toEqual([
            { kind: 'text', text: 'Zie ' },
            { kind: 'ref', text: 'artikel 1.1 van de Basisovereenkomst Wmo', link: { id: 'art_1__para_1', file: 'basis' } },
            { kind: 'text', text: ' binnen drie ' },
            { kind: 'term', text: 'Werkdagen', link: { id: 'term_Werkdag', file: 'basis' } },
            { kind: 'text', text: '.' }
        ]);
        expect(renderHtml(deel)).toContain('<a class="verwijzing" href="basis.html#art_1__para_1">artikel 1.1 van de Basisovereenkomst Wmo</a>');
        expect(renderMarkdown(deel)).toContain('[artikel 1.1 van de Basisovereenkomst Wmo](basis.md#art_1__para_1)');
    });

    test('what cannot be resolved stays visible and is reported', async () => {
        const { docs, services } = await buildSet({
            'los.ovk': 'overeenkomst Los "Los" {\n artikel A "A" { lid X: "Zie [artikel Onbekend] en [vorig lid]." }\n bijlage B "B" uit "./ontbreekt.ovk"\n}\n'
        });
        const v = documentView(services.shared.workspace.LangiumDocuments.all.toArray(), docs['los.ovk']);
        expect(v.warnings).toEqual([
            'verwijzing [artikel Onbekend] is niet gevonden.', '[vorig lid] heeft geen doel.', './ontbreekt.ovk: bestand van bijlage 1 is niet geladen.'
        ]);
        const html = renderHtml(v);
        expect(html).toContain('<span class="verwijzing kapot" title="Verwijzing niet gevonden">[artikel Onbekend]</span>');
        expect(html).toContain('<p class="note">Niet gevonden: ./ontbreekt.ovk</p>');
    });

    test('pinned numbers and both leden styles give the labels every writer shows', async () => {
        expect(view.toc.map(t => `${t.level} ${t.label} ${t.title}`)).toEqual([
            '1 Hoofdstuk 1. Algemene bepalingen', '2 Artikel 1. Onderwerp', '2 Artikel 2. Duur', '1 Artikel 3. Beëindiging',
            '1 Artikel 9. Slotbepaling', '1 Bijlage 1. Meldprocedure', '1 Bijlage 2. All-in tarieven', '1 Bijlage 3. Aanbestedingsdocumenten'
        ]);
        const { docs, services } = await buildSet({
            'los.ovk': 'overeenkomst Los "Los" {\n ledennummering los\n artikel A "A" { lid X: "x" lid Y nummer 4: "y" }\n}\n'
        });
        const los = documentView(services.shared.workspace.LangiumDocuments.all.toArray(), docs['los.ovk']);
        const artikel = los.body[0] as Extract<Block, { kind: 'section' }>;
        expect(artikel.children.map(c => c.kind === 'lid' ? c.label : '')).toEqual(['1.', '4.']);
    });
});

// ---------------------------------------------------------------- Markdown

suite('Markdown', () => {
    test('matches the golden file', () => {
        golden('raamovereenkomst.md', renderMarkdown(view));
    });
});

// ---------------------------------------------------------------- HTML

interface HtmlNode { nodeName: string; attrs?: Array<{ name: string; value: string }>; childNodes?: HtmlNode[]; value?: string }

function parseStrict(html: string): HtmlNode {
    const errors: string[] = [];
    const doc = parse(html, { onParseError: e => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) }) as unknown as HtmlNode;
    expect(errors).toEqual([]);
    return doc;
}

function* elements(node: HtmlNode): Generator<HtmlNode> {
    yield node;
    for (const c of node.childNodes ?? []) yield* elements(c);
}

function attribute(node: HtmlNode, name: string): string | undefined {
    return node.attrs?.find(a => a.name === name)?.value;
}

suite('HTML', () => {
    test('matches the golden file', () => {
        golden('raamovereenkomst.html', renderHtml(view));
    });

    test('parses without errors; ids are unique and every internal link has its target', () => {
        const doc = parseStrict(renderHtml(view));
        const ids = [...elements(doc)].map(e => attribute(e, 'id')).filter((x): x is string => x !== undefined);
        expect(new Set(ids).size).toBe(ids.length);
        const hrefs = [...elements(doc)].map(e => attribute(e, 'href')).filter((x): x is string => x !== undefined);
        const internal = hrefs.filter(h => h.startsWith('#')).map(h => h.slice(1));
        expect(internal.length).toBeGreaterThan(20);
        expect(internal.filter(h => !ids.includes(h))).toEqual([]);
        for (const eId of ['art_2__para_1', 'annex_2__art_1__para_2', 'art_1__para_1__point_2', 'recital_I', 'term_Werkdag', 'party_StadGemeente', 'chp_1']) {
            expect(ids).toContain(eId);
        }
        expect(hrefs.filter(h => !h.startsWith('#')).every(h => h.startsWith('https://'))).toBe(true);
        expect(hrefs).toContain('https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&artikel=401&g=2024-12-01&z=2024-12-01');
    });

    test('script injection in prose, titles and references comes out inert', async () => {
        const { docs, services } = await buildSet({
            'evil.ovk': `overeenkomst Evil "<script>alert('titel')</script>" {
    versie "\\"><img src=x onerror=alert(1)>"
    partijen { partij P "<b onmouseover=alert(2)>P</b>": "<iframe src=javascript:alert(3)>" }
    artikel A "</h2><script>alert(4)</script>" {
        tabel T "<style>*{}</style>" { kolommen "<td onclick=alert(11)>" rij "&lt;script&gt;" }
        lid X: "<script>alert(5)</script> \\"><img src=x onerror=alert(6)> javascript:alert(7) <a href=\\"javascript:alert(8)\\">x</a> [javascript:alert(9)] [https://example.nl/\\"onmouseover=alert(10)]"
    }
}
`
        });
        const evil = documentView(services.shared.workspace.LangiumDocuments.all.toArray(), docs['evil.ovk']);
        const html = renderHtml(evil);
        const doc = parseStrict(html);
        for (const e of elements(doc)) {
            expect(['script', 'img', 'iframe', 'b']).not.toContain(e.nodeName);
            for (const a of e.attrs ?? []) {
                expect(a.name.startsWith('on'), `${e.nodeName} ${a.name}`).toBe(false);
                if (a.name === 'href') expect(a.value).toMatch(/^(#|https:\/\/)/);
            }
        }
        // exactly the style element of the page itself; no td from the source, and the source's text is visible
        expect([...elements(doc)].filter(e => e.nodeName === 'style')).toHaveLength(1);
        expect(html).toContain('&lt;script&gt;alert(5)&lt;/script&gt;');
        expect(html).toContain('&amp;lt;script&amp;gt;');
        const md = renderMarkdown(evil);
        // every < from the source is backslash-escaped, so no tag survives in any Markdown renderer
        expect(md).not.toMatch(/(?<!\\)<\/?(script|img|iframe|b|style|td|h2)\b/i);
        expect(md).not.toMatch(/\]\(javascript:/i);
    });
});

// ---------------------------------------------------------------- DOCX

/** The files of a zip archive, by name (the renvooi's own reader, compiler/diff/zip.ts). */
function unzip(buffer: Buffer): Map<string, Buffer> {
    return new Map(readZip(buffer).map(e => [e.name, e.data]));
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]);

function romanOf(n: number): string {
    const t: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
    let s = '';
    for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
    return s;
}

/**
 * An outline of word/document.xml, one paragraph a line: `Style «number as Word shows it» {#bookmark} text`,
 * hyperlinks as [text](#anchor), fields as {PAGEREF x}, tabs as ⇥, tables as | cells |. Word's numbers are worked out from numbering.xml.
 */
function docxOutline(buffer: Buffer): { lines: string[]; labels: string[]; bookmarks: Set<string>; anchors: string[] } {
    const files = unzip(buffer);
    const documentXml = files.get('word/document.xml')!.toString('utf8');
    const numberingXml = files.get('word/numbering.xml')!.toString('utf8');
    const abstract = new Map<string, { format: string; text: string; start: number }>();
    for (const m of numberingXml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
        const lvl = /<w:lvl [^>]*w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(m[2])?.[1] ?? '';
        abstract.set(m[1], {
            format: /<w:numFmt w:val="([^"]+)"/.exec(lvl)?.[1] ?? 'decimal',
            text: decode(/<w:lvlText w:val="([^"]*)"/.exec(lvl)?.[1] ?? ''),
            start: Number(/<w:start w:val="(\d+)"/.exec(lvl)?.[1] ?? 1)
        });
    }
    const nums = new Map<string, { abstractId: string; start?: number }>();
    for (const m of numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
        const override = /<w:lvlOverride w:ilvl="0">\s*<w:startOverride w:val="(\d+)"/.exec(m[2]);
        nums.set(m[1], { abstractId: /<w:abstractNumId w:val="(\d+)"/.exec(m[2])![1], start: override ? Number(override[1]) : undefined });
    }
    const counters = new Map<string, number>();
    const labels: string[] = [];
    const bookmarks = new Set<string>();
    const anchors: string[] = [];
    const paragraph = (xml: string): string => {
        const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? 'Normal';
        let label = '';
        const numId = /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"/.exec(xml)?.[1];
        if (numId) {
            const num = nums.get(numId)!;
            const def = abstract.get(num.abstractId)!;
            const n = counters.has(numId) ? counters.get(numId)! + 1 : num.start ?? def.start;
            counters.set(numId, n);
            const shown = def.format === 'lowerLetter' ? String.fromCharCode(96 + n) : def.format === 'upperRoman' ? romanOf(n) : def.format === 'bullet' ? '' : String(n);
            label = def.text.replace('%1', shown);
            labels.push(label);
        }
        let text = '';
        for (const part of xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"[^>]*\/>|<w:hyperlink ([^>]*)>([\s\S]*?)<\/w:hyperlink>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>|<w:tab\/>/g)) {
            if (part[1]) {
                bookmarks.add(part[1]);
                text += `{#${part[1]}}`;
            } else if (part[2] !== undefined) {
                const inner = [...part[3].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(t => decode(t[1])).join('');
                const anchor = /w:anchor="([^"]+)"/.exec(part[2])?.[1];
                if (anchor) anchors.push(anchor);
                text += `[${inner}](${anchor ? `#${anchor}` : 'extern'})`;
            } else if (part[4] !== undefined) {
                text += decode(part[4]);
            } else if (part[5] !== undefined) {
                text += `{${decode(part[5]).trim()}}`;
            } else {
                text += '⇥';
            }
        }
        return `${style}${label ? ` «${label}»` : ''} ${text}`;
    };
    const lines: string[] = [];
    const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)![1];
    for (const m of body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>|<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)) {
        if (m[1] !== undefined) {
            for (const row of m[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)) {
                const cells = [...row[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(c => [...c[1].matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(p => paragraph(p[1]).replace(/^\S+ /, '')).join(' '));
                lines.push(`| ${cells.join(' | ')} |`);
            }
        } else {
            lines.push(paragraph(m[2] ?? ''));
        }
    }
    return { lines, labels, bookmarks, anchors };
}

/** The labels of the view's numbered items, in document order (what Word must show). */
function viewLabels(blocks: Block[]): string[] {
    const out: string[] = [];
    const list = (l: ListBlock) => {
        for (const i of l.items) {
            out.push(labelOf(i.numbering));
            if (i.list) list(i.list);
        }
    };
    for (const b of blocks) {
        if (b.kind === 'section') {
            if (b.numbering?.format !== 'text') out.push(b.label);
            out.push(...viewLabels(b.children));
        } else if (b.kind === 'lid') {
            out.push(b.label);
            if (b.list) list(b.list);
        } else if (b.kind === 'list') {
            list(b);
        } else if (b.kind === 'recitals') {
            out.push(...b.items.map(i => i.label));
        }
    }
    return out;
}

suite('DOCX', () => {
    test('the outline of word/document.xml matches the golden file', async () => {
        const outline = docxOutline(await renderDocx(view));
        golden('raamovereenkomst.docx.txt', outline.lines.join('\n') + '\n');
    });

    test('Word numbering shows exactly the computed numbers, pins included; headings use heading styles', async () => {
        const outline = docxOutline(await renderDocx(view));
        expect(outline.labels).toEqual(viewLabels([...view.cover, ...view.body]));
        expect(outline.labels).toContain('Artikel 9.');
        expect(outline.lines).toContain('Heading2 «Artikel 1.» {#art_1}Onderwerp');
        expect(outline.lines).toContain('Heading2 «Artikel 9.» {#art_9}Slotbepaling');
        expect(outline.lines.filter(l => l.startsWith('Heading1 «Bijlage '))).toHaveLength(3);
    });

    test('the table of contents and every reference link to a bookmark in the document', async () => {
        const outline = docxOutline(await renderDocx(view));
        const toc = outline.lines.filter(l => /^TOC\d/.test(l));
        expect(toc).toHaveLength(view.toc.length);
        expect(toc[1]).toBe('TOC2 [Artikel 1. Onderwerp](#art_1)⇥{PAGEREF art_1}');
        expect(outline.anchors.filter(a => !outline.bookmarks.has(a))).toEqual([]);
    });
});

// ---------------------------------------------------------------- fidelity

suite('fidelity', () => {
    test('word LCS over the original word count', () => {
        expect(wordTokens('Artikel 4.3, lid: "Één"')).toEqual(['artikel', '4', '3', 'lid', 'één']);
        expect(lcsLength(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'b'])).toBe(3);
        expect(fidelity('conform het eerste lid', 'conform lid 1').ratio).toBeCloseTo(2 / 3);
        expect(fidelity('', '').ratio).toBe(1);
    });

    // Examples name their seed in their README.md or a comment ("shared/seeds/001_….txt"); the first one is listed
    // here so that its test exists (skipped) before the example lands. Floors: the figure each example reached.
    const FLOORS: Record<string, number> = { 'raamovereenkomst-maatwerk-2021': 0.98 };
    const examples = new Map<string, string>([['raamovereenkomst-maatwerk-2021', '001_100d3315203c98cd.txt']]);
    const examplesDir = path.join(ROOT, 'examples');
    for (const d of fs.existsSync(examplesDir) ? fs.readdirSync(examplesDir, { withFileTypes: true }) : []) {
        if (!d.isDirectory()) continue;
        const folder = path.join(examplesDir, d.name);
        const texts = fs.readdirSync(folder).filter(f => f === 'README.md' || f.endsWith('.ovk')).map(f => fs.readFileSync(path.join(folder, f), 'utf8'));
        const seed = texts.map(t => /seeds\/(\d{3}_[0-9a-f]+\.txt)/.exec(t)?.[1]).find(x => x !== undefined);
        if (seed) examples.set(d.name, seed);
    }
    for (const [name, seedName] of examples) {
        const folder = path.join(examplesDir, name);
        const seed = path.join(ROOT, '..', 'shared', 'seeds', seedName);
        test.skipIf(!fs.existsSync(folder) || !fs.existsSync(seed))(`${name} reproduces the wording of seed ${seedName}`, async () => {
            const ws = await loadWorkspace([folder]);
            // A set with several entries (a deelovereenkomst and its basisovereenkomst) is one original text.
            const views = entryDocuments(ws.all).map(entry => documentView(ws.all, entry));
            const f = fidelity(views.map(viewText).join('\n'), fs.readFileSync(seed, 'utf8'));
            console.log(`fidelity ${name}: ${(f.ratio * 100).toFixed(1)}% (${f.matched} of ${f.total} words of the original, in order)`);
            expect(f.ratio).toBeGreaterThanOrEqual(FLOORS[name] ?? 0.9);
            // and Word shows the same numbers as the text cites, pins and all
            for (const v of views) expect(docxOutline(await renderDocx(v)).labels).toEqual(viewLabels([...v.cover, ...v.body]));
        });
    }
});

// ---------------------------------------------------------------- CLI

suite('CLI', () => {
    let dir: string;
    beforeAll(() => {
        ensureBundle();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = (args: string[]) => {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    test('writes <name>.html, .md and .docx into the output folder', () => {
        const out = path.join(dir, 'out');
        const r = run(['render', path.join(FIXTURES, 'raamovereenkomst.ovk'), '--format', 'html,md,docx', '-o', out]);
        expect(r.stderr).toContain('3 bestanden geschreven');
        expect(r.status).toBe(0);
        expect(fs.readdirSync(out).sort()).toEqual(['raamovereenkomst.docx', 'raamovereenkomst.html', 'raamovereenkomst.md']);
        expect(fs.readFileSync(path.join(out, 'raamovereenkomst.md'), 'utf8')).toBe(renderMarkdown(view));
        expect(unzip(fs.readFileSync(path.join(out, 'raamovereenkomst.docx'))).has('word/document.xml')).toBe(true);
    });

    test('--all renders every entry under a folder, mirroring its subfolders', () => {
        const out = path.join(dir, 'all');
        const r = run(['render', path.join(ROOT, 'test', 'fixtures'), '--all', '-f', 'md', '-o', out]);
        expect(r.status).toBe(0);
        expect(fs.existsSync(path.join(out, 'render', 'raamovereenkomst.md'))).toBe(true);
        expect(fs.existsSync(path.join(out, 'render', 'tarieven.md'))).toBe(false);
    });

    test('usage problems: one line, exit 2', () => {
        for (const [args, pattern] of [
            [['render', 'bestaat-niet.ovk'], /^contractspraak: bestaat-niet\.ovk: bestand of map bestaat niet\.$/],
            [['render', FIXTURES], /is een map; geef één \.ovk-bestand op, of gebruik --all\.$/],
            [['render', path.join(FIXTURES, 'raamovereenkomst.ovk'), '-f', 'pdf'], /onbekend formaat 'pdf'/]
        ] as Array<[string[], RegExp]>) {
            const r = run(args);
            expect(r.status).toBe(2);
            const lines = r.stderr.split('\n').filter(l => l.trim() !== '');
            expect(lines, r.stderr).toHaveLength(1);
            expect(lines[0]).toMatch(pattern);
        }
    });
});
