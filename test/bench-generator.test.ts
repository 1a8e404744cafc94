/**
 * The benchmark generator (bench/generator.ts): deterministic, and what it writes is valid Contractspraak with no
 * diagnostics at all, unless broken references are asked for. Small sizes only, and no timing: speed targets
 * belong in `npm run bench`, never in unit tests.
 */
import type { LangiumDocument, Reference } from 'langium';
import { describe as suite, expect, test } from 'vitest';
import { generateDocument, generateWorkspace, mulberry32 } from '../bench/generator.js';
import { buildSet } from './helpers.js';

function problems(docs: LangiumDocument[]): string[] {
    const out: string[] = [];
    for (const d of docs) {
        const name = d.uri.path.split('/').pop();
        for (const e of d.parseResult.lexerErrors) out.push(`${name}: lexer ${e.line}:${e.column} ${e.message}`);
        for (const e of d.parseResult.parserErrors) out.push(`${name}: parser ${e.token.startLine}:${e.token.startColumn} ${e.message}`);
        for (const diag of d.diagnostics ?? []) {
            out.push(`${name}:${diag.range.start.line + 1}:${diag.range.start.character + 1} ${diag.code} ${diag.message} «${d.textDocument.getText(diag.range)}»`);
        }
    }
    return out;
}

async function build(files: Array<{ path: string; text: string }>) {
    const { docs } = await buildSet(Object.fromEntries(files.map(f => [f.path, f.text])));
    return Object.values(docs);
}

suite('benchmark generator', () => {
    test('mulberry32 is the reference implementation', () => {
        const r = mulberry32(1);
        expect([r(), r(), r()].map(x => x.toFixed(10))).toEqual(['0.6270739406', '0.0027357212', '0.5274470400']);
    });

    test('same seed, same text; another seed, another text', () => {
        const a = generateDocument({ lines: 400, seed: 7 });
        const b = generateDocument({ lines: 400, seed: 7 });
        const c = generateDocument({ lines: 400, seed: 8 });
        expect(b.text).toBe(a.text);
        expect(c.text).not.toBe(a.text);
        const w1 = generateWorkspace({ files: 6, lines: 150, seed: 3, crossRate: 0.2, hubRate: 0.05, clusterSize: 3 });
        const w2 = generateWorkspace({ files: 6, lines: 150, seed: 3, crossRate: 0.2, hubRate: 0.05, clusterSize: 3 });
        expect(w2.map(f => f.text)).toEqual(w1.map(f => f.text));
    });

    test('the line count is close to the target', () => {
        for (const lines of [300, 1500]) {
            const doc = generateDocument({ lines, seed: 11 });
            expect(doc.text.split('\n').length - 1).toBe(doc.stats.lines);
            expect(Math.abs(doc.stats.lines - lines) / lines).toBeLessThan(0.1);
        }
    });

    test('a generated document builds without any error or diagnostic', async () => {
        const doc = generateDocument({ lines: 1200, seed: 5 });
        // It has the shapes the benchmark is about.
        for (const shape of ['partijen', 'begrip ', ' / ', 'hoofdstuk ', 'onderdeel ', '[artikel ', '[lid ', '[bijlage ', '[vorig lid]',
            'termijn ', 'looptijd', 'rangorde:', 'ondertekening']) {
            expect(doc.text, shape).toContain(shape);
        }
        expect(doc.text).toMatch(/\{[A-Z][a-z]+\}/);
        const docs = await build([doc]);
        expect(problems(docs)).toEqual([]);
        // Capitalised words became term references, some of them resolved.
        const resolvedAuto = (docs[0].references as Reference[]).filter(r => r.$refNode?.astNode.$type === 'AutoTerm' && r.ref !== undefined);
        expect(resolvedAuto.length).toBeGreaterThan(50);
    });

    test('a generated workspace (hub, basis with a bijlage file, deelovereenkomsten) builds without any diagnostic, and cross references resolve', async () => {
        const files = generateWorkspace({ files: 7, lines: 250, seed: 9, crossRate: 0.3, hubRate: 0.1, clusterSize: 3 });
        expect(files.map(f => f.role)).toEqual(['hub', 'basis', 'bijlage', 'leaf', 'basis', 'bijlage', 'leaf']);
        expect(files[3].text).toContain('importeer "./aiv.ovk"');
        expect(files[3].text).toContain('importeer "./basis-01.ovk"');
        // The basisovereenkomst loads its protocol from a file of its own.
        expect(files[1].text).toContain('uit "./bijlage-01.ovk"');
        expect(files[2].text).toMatch(/^bijlagedocument Protocol01 /m);
        const docs = await build(files);
        expect(problems(docs)).toEqual([]);
        const leaves = docs.filter(d => d.uri.path.includes('deel-'));
        const targets = new Set(leaves.flatMap(d => (d.references as Reference[]).filter(r => r.ref).map(r => r.$nodeDescription?.documentUri.path.split('/').pop())));
        expect(targets).toContain('aiv.ovk');
        expect(targets).toContain('basis-01.ovk');
        expect(files.reduce((n, f) => n + f.stats.crossRefs + f.stats.hubRefs, 0)).toBeGreaterThan(0);
    });

    test('broken references give ref-unresolved, and the broken variant differs only at those references', async () => {
        const clean = generateWorkspace({ files: 4, lines: 300, seed: 2, crossRate: 0.2, hubRate: 0.05, clusterSize: 3 });
        const broken = generateWorkspace({ files: 4, lines: 300, seed: 2, crossRate: 0.2, hubRate: 0.05, clusterSize: 3, brokenRate: 0.25 });
        const brokenRefs = broken.reduce((n, f) => n + f.stats.brokenRefs, 0);
        expect(brokenRefs).toBeGreaterThan(3);
        // Broken references come from a random stream of their own: a file without one is unchanged.
        broken.forEach((f, i) => { if (f.stats.brokenRefs === 0) expect(f.text).toBe(clean[i].text); });
        const docs = await build(broken);
        const found = problems(docs);
        const unresolved = found.filter(p => p.includes(' ref-unresolved '));
        expect(unresolved.length).toBe(brokenRefs);
        expect(found.filter(p => !p.includes(' ref-unresolved '))).toEqual([]);
    });
});
