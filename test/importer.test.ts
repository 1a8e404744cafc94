/**
 * `contractspraak import` on the five real agreements in ../shared/seeds: it runs in seconds, loses no word,
 * writes documents that parse, and finds the real defects at the right lines. Plus unit tests of the
 * recognisers.
 *
 * No word lost — the normalisation, precisely:
 *  - Words are maximal runs of letters and digits (\p{L}\p{N}), compared in lower case.
 *  - Source: Markdown markup is not text: backslash escapes are resolved, link targets `](…)` and HTML tags
 *    (<sup>) are removed. On every line the leading list label (after bullets: 1.1, 1., 1), 1°, a., (a), A.,
 *    I., ii)) is the structural numbering the language computes and is not required; nor is the number after a
 *    leading Artikel/Bijlage/Annex/Paragraaf/Hoofdstuk heading word.
 *  - Output: the text of prose (escapes resolved), source lines kept as `// |` comments, the names of begrippen
 *    and their variants (CamelCase read as words), and references rendered back as the current citation of
 *    their target (the language's own numbering: [lid X.Y] → "artikel 11.4"); relative references as their
 *    words ([vorige lid] → "vorige lid"), external ones as written.
 *  - The words that name a kind of element (artikel, lid, bijlage, annex, onderdeel, sub, overweging and their
 *    plurals) are dropped on both sides: a reference replaces "lid 2" by a citation that says "artikel 11.2".
 *  - Every source word must then appear in the output, in order (a subsequence, matched greedily within a
 *    window of 400 output words); the output may add only numbers and words the source also uses.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importAgreement } from '../compiler/importer/importer.js';
import type { ImportFinding } from '../compiler/importer/findings.js';
import { readLabel } from '../compiler/importer/lines.js';
import { cleanLine } from '../compiler/importer/markup.js';
import { ReferenceResolver, RefScope } from '../compiler/importer/references.js';
import { FindingCollector } from '../compiler/importer/findings.js';
import { SourceText } from '../compiler/importer/source.js';
import { loadWorkspace } from '../compiler/workspace.js';
import { compareWords, interleave, sourceWords } from './import-words.js';

const SEEDS = '/work/shared/seeds';
const seedFiles = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter(f => /\.(txt|md)$/.test(f)).sort() : [];

// ------------------------------------------------------------------ importing the seeds

interface Imported {
    file: string;
    ms: number;
    findings: ImportFinding[];
    dir: string;
    docs: LangiumDocument[];
    source: string;
}

const imported = new Map<string, Imported>();
let tmp: string;

beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-import-'));
    for (const file of seedFiles) {
        const source = fs.readFileSync(path.join(SEEDS, file), 'utf8');
        const base = file.replace(/\.(txt|md)$/, '');
        const t0 = performance.now();
        const result = importAgreement(source, { sourceName: file, baseName: base });
        const ms = performance.now() - t0;
        const dir = path.join(tmp, base);
        fs.mkdirSync(dir, { recursive: true });
        for (const f of result.files) fs.writeFileSync(path.join(dir, f.name), f.content);
        const ws = await loadWorkspace([dir]);
        imported.set(file, { file, ms, findings: result.findings, dir, docs: ws.all, source });
    }
}, 120_000);

afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function seed(prefix: string): Imported {
    const file = seedFiles.find(f => f.startsWith(prefix));
    if (!file) throw new Error(`seed ${prefix} ontbreekt`);
    return imported.get(file)!;
}

function has(findings: ImportFinding[], code: string, line: number, text?: RegExp): boolean {
    return findings.some(f => f.code === code && f.line === line && (!text || text.test(f.message)));
}

function describeFindings(findings: ImportFinding[]): string {
    return findings.map(f => `${f.line}:${f.column} ${f.code} ${f.message}`).join('\n');
}

describe.each(seedFiles)('import %s', file => {
    test('runs in seconds', () => {
        expect(imported.get(file)!.ms).toBeLessThan(5000);
    });

    test('the output parses without lexer or parser errors', () => {
        const { docs } = imported.get(file)!;
        expect(docs.length).toBeGreaterThan(0);
        for (const doc of docs) {
            const errors = [...doc.parseResult.lexerErrors.map(e => `${e.line}:${e.column} ${e.message}`),
                ...doc.parseResult.parserErrors.map(e => `${e.token.startLine}:${e.token.startColumn} ${e.message}`)];
            expect(errors, doc.uri.fsPath).toEqual([]);
        }
    });

    test('loses no word', () => {
        const { docs, source } = imported.get(file)!;
        const out = docs.sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
        // The main document first, then the bijlagen in their own files in order of appearance.
        const main = out.filter(d => !/-bijlage-/.test(d.uri.fsPath));
        const annexes = out.filter(d => /-bijlage-/.test(d.uri.fsPath))
            .sort((a, b) => Number(/-bijlage-(\d+)/.exec(a.uri.fsPath)![1]) - Number(/-bijlage-(\d+)/.exec(b.uri.fsPath)![1]));
        const output = interleave(main[0], annexes);
        const { missing, invented } = compareWords(sourceWords(source), output);
        expect(missing.slice(0, 40).map(w => `${w.line}: ${w.word}`), `${missing.length} woorden ontbreken`).toEqual([]);
        expect([...new Set(invented.map(w => w.word))], 'woorden die de bron niet kent').toEqual([]);
    });
});

// ------------------------------------------------------------------ the real defects, at their lines

type Expected = [code: string, line: number, message?: RegExp];

const DEFECTS: Record<string, Expected[]> = {
    '000': [
        ['import-toc-mismatch', 97, /'Beëindigen van de Overeenkomst' als artikel 10, maar in de tekst is het artikel 11/],
        ['import-toc-mismatch', 98, /artikel 11, maar in de tekst is het artikel 12/],
        ['import-toc-mismatch', 99, /'Geschillen' als artikel 12, maar in de tekst is het artikel 13/],
        ['import-toc-mismatch', 233, /Artikel 10 'Gezamenlijke verwerkingsverantwoordelijken-overeenkomst' staat niet in de inhoudsopgave/],
        ['import-toc-mismatch', 100, /bijlage 1 .* maar die staat niet in de tekst/],
        ['import-ref-stale', 127, /'artikel 10\.1'.*beëindiging.*artikel 11/],
        ['import-ref-stale', 122, /'artikel 9' zou over 'Deelovereenkomst' gaan/],
        ['import-ref-unresolved', 262, /'artikel 10\.4' wijst naar niets: artikel 10 heeft geen lid 4/],
        ['import-text-split', 313, /ondertekeningsblok \(regel 268\)/],
        ['import-date-inconsistent', 127, /ingangsdatum: hier 2014-07-09, op regel 14 2018-12-31/],
        ['import-term-variant', 164, /'Resultaatovereenkomst' .* 'Resultaatsovereenkomst'/],
        ['import-placeholder', 280, /Leeg invulveld 'Datum:'/]
    ],
    '001': [
        ['import-toc-mismatch', 305, /Artikel 23 'Jaarlijkse verantwoording en materiele controle' staat niet in de inhoudsopgave/],
        ['import-toc-mismatch', 322, /Artikel 24 'Acquisitie' staat niet in de inhoudsopgave/],
        ['import-toc-mismatch', 46, /'AII-IN TARIEVEN', maar in de tekst heet het 'All-IN TARIEVEN'/],
        ['import-numbering-gap', 234, /Lid 14\.1 ontbreekt/],
        ['import-numbering-gap', 294, /Lid 22\.2 ontbreekt/],
        ['import-numbering-gap', 301, /Lid 22\.8 ontbreekt/],
        ['import-ref-stale', 211, /'artikel 20'.*wijziging.*'Geheimhouding'.*artikel 21 \('Wijzigingen en aanvullingen'\)/],
        ['import-numbering-duplicate', 59, /Partij 2 komt twee keer voor/],
        ['import-placeholder', 59, /'<\.\.\.>'/],
        ['import-placeholder', 343, /'\*\*naam\*\*'/],
        ['import-annex-empty', 345, /Bijlage 1 'AANBESTEDINGSDOCUMENTEN'/]
    ],
    '002': [
        ['import-date-inconsistent', 63, /twee jaar past niet bij de genoemde periode van 1 jaar/],
        ['import-placeholder', 208, /'xxx'/],
        ['import-numbering-gap', 203, /Lid 4 van artikel 21 ontbreekt/],
        ['import-numbering-duplicate', 474, /Bijlage 6 komt twee keer voor/],
        ['import-numbering-gap', 498, /Bijlage 7 ontbreekt/],
        ['import-ref-unresolved', 154, /'bijlage 49' .* wijzigingsrest van 4 → 9/],
        ['import-ref-ambiguous', 309, /'bijlage 6'/],
        ['import-tracked-change', 37, /44\) .* oud nummer 4 en nieuw nummer 4/],
        ['import-tracked-change', 72, /Doorgehaalde tekst 'de'/],
        ['import-tracked-change', 254, /Doorgehaalde tekst '130'/],
        ['import-heading-incomplete', 225, /'25 Periodiek gesprek/],
        ['import-term-unused', 36, /'Collectieve voorziening'/]
    ],
    '003': [
        ['import-date-inconsistent', 242, /transformatieperiode .* regel 103 2016 tot 2019/],
        ['import-placeholder', 360, /\(nog toevoegen\)/],
        ['import-tracked-change', 222, /Sociaal Beleid & Ontwikkeling/]
    ],
    '004': [
        ['import-toc-mismatch', 23, /'OPZEGGING VAN DE DEELOVEREENKOMST', maar in de tekst heet het 'OPZEGGING VAN DE OVEREENKOMST'/],
        ['import-toc-mismatch', 39, /bijlage 4/],
        ['import-ref-unresolved', 137, /'artikel 10 lid 2' wijst naar niets: artikel 10 heeft geen leden/],
        ['import-ref-stale', 143, /'artikel 10'.*'GEDEELTELIJKE NIETIGHEID'.*artikel 11/],
        ['import-ref-stale', 1217, /'artikel 7' noemt de titel 'Ondersteuningsweigerig/],
        // 5.3 "De Gemeente zet de" / blank line / "Deelovereenkomst voort met overige Aanbieders": a page break mid-sentence.
        ['import-text-split', 106, /'…Gemeente zet de'\) loopt hier na een lege regel door: 'Deelovereenkomst voort/],
        ['import-term-variant', 102, /'Aanbidders' .* 'Aanbieder'/],
        ['import-term-variant', 70, /'Sociale netwerk' .* 'Sociaal netwerk'/],
        ['import-term-variant', 280, /'Toezichthouder calamiteiten en geweld' .* 'Toezihtouder calamiteiten en geweld'/],
        ['import-term-variant', 905, /'Oprachtnemer' .* 'Opdrachtnemer'/],
        ['import-numbering-gap', 1478, /Onderdeel a en b ontbreken in artikel 2 van bijlage 10/],
        ['import-placeholder', 1255, /'201X'/],
        ['import-placeholder', 1298, /'<Naam instelling>'/]
    ]
};

describe.each(Object.keys(DEFECTS))('the real defects of seed %s', prefix => {
    test.runIf(seedFiles.some(f => f.startsWith(prefix)))('are found at their lines', () => {
        const { findings } = seed(prefix);
        const missing = DEFECTS[prefix].filter(([code, line, message]) => !has(findings, code, line, message));
        const near = (line: number) => describeFindings(findings.filter(f => Math.abs(f.line - line) <= 1));
        expect(missing.map(([code, line, m]) => `${line} ${code} ${m ?? ''} — gevonden: ${near(line) || 'niets'}`)).toEqual([]);
    });
});

describe('the checker on the imported seeds', () => {
    const codes = (prefix: string) => seed(prefix).docs.flatMap(d => (d.diagnostics ?? []).map(x => `${d.uri.fsPath.split('/').pop()}:${x.range.start.line + 1} ${x.code}`));

    test.runIf(seedFiles.some(f => f.startsWith('001')))('reports the pinned gaps of seed 001 (leden 14.1, 22.2, 22.8)', () => {
        expect(codes('001').filter(c => c.endsWith('numbering-gap'))).toHaveLength(3);
    });

    test.runIf(seedFiles.some(f => f.startsWith('002')))('reports the duplicate bijlage 6 and the missing lid 21.4 of seed 002', () => {
        expect(codes('002').some(c => c.endsWith('numbering-duplicate'))).toBe(true);
        expect(codes('002').some(c => c.endsWith('numbering-gap'))).toBe(true);
    });

    test.runIf(seedFiles.length > 0)('reports no unresolved or malformed reference the importer wrote', () => {
        for (const file of seedFiles) {
            const bad = imported.get(file)!.docs.flatMap(d => (d.diagnostics ?? []).filter(x => ['ref-unresolved', 'ref-malformed', 'ref-ambiguous', 'ref-relative-invalid', 'law-unknown', 'name-duplicate', 'syntax-error'].includes(String(x.code)))
                .map(x => `${d.uri.fsPath.split('/').pop()}:${x.range.start.line + 1} ${x.code} ${x.message}`));
            expect(bad, file).toEqual([]);
        }
    });
});

// ------------------------------------------------------------------ recognisers

describe('recognisers', () => {
    test('a lid line', () => {
        const label = readLabel(cleanLine('- 12.2 Deze Overeenkomst kan door de Gemeente …', 1, 0).text)!;
        expect(label.style).toBe('compound');
        expect(label.numbers).toEqual([12, 2]);
        expect(label.rest.text).toBe('Deze Overeenkomst kan door de Gemeente …');
        expect(readLabel(cleanLine('5.. De in dit artikel beschreven maatregelen', 1, 0).text)).toMatchObject({ style: 'number', numbers: [5], closer: '..' });
        expect(readLabel(cleanLine('- 1 Bij wijzigingen in wet- en regelgeving', 1, 0).text)).toMatchObject({ style: 'number', numbers: [1], bullet: '-' });
    });

    test('an onderdeel line', () => {
        expect(readLabel(cleanLine(' - b. In staat van faillissement', 1, 0).text)).toMatchObject({ style: 'letter', text: 'b', numbers: [2] });
        expect(readLabel(cleanLine('(a) als de Dienstverlener niet conform', 1, 0).text)).toMatchObject({ style: 'letter', text: 'a' });
        expect(readLabel(cleanLine(' - iii) zonder verplichting tot geheimhouding', 1, 0).text)).toMatchObject({ style: 'roman', numbers: [3] });
        expect(readLabel(cleanLine('- 6.3.1 Door het bereiken van de einddatum', 1, 0).text)).toMatchObject({ style: 'compound', numbers: [6, 3, 1] });
        expect(readLabel(cleanLine(' - II. Annex 2: All-in tarieven;', 1, 0).text)).toMatchObject({ style: 'ROMAN', numbers: [2] });
    });

    test('markup is removed, positions are kept', () => {
        const line = cleanLine('1. **De Gemeente Raalte**, gevestigd [te](#) **Raalte**', 7, 6);
        expect(line.text.text).toBe('1. De Gemeente Raalte, gevestigd te Raalte');
        expect(line.text.position(line.text.text.indexOf('gevestigd'))).toEqual({ line: 7, column: 28 });
        expect(line.residue).toEqual([{ kind: 'invoeging', text: 'te', position: { line: 7, column: 38 } }]);
    });

    test('a reference "artikel 5.6 en 5.7" becomes two references, words kept', () => {
        const scope = new RefScope();
        const lid = (n: number, name: string) => ({
            target: { kind: 'lid' as const, path: `Toelating.${name}`, document: 'Doc', citation: `artikel 5.${n}`, title: 'Toelating', about: '' },
            onderdelen: new Map(), index: n - 1, count: 7
        });
        scope.artikelen.set(5, {
            target: { kind: 'artikel', path: 'Toelating', document: 'Doc', citation: 'artikel 5', title: 'Toelating', about: 'Toelating' },
            leden: new Map([[6, lid(6, 'Voorwaardelijk')], [7, lid(7, 'Wanprestaties')]])
        });
        const findings = new FindingCollector();
        const resolver = new ReferenceResolver({ findings, links: new Map() });
        const parts = resolver.convert(SourceText.of('zoals bepaald in artikel 5.6 en 5.7 van deze overeenkomst, en artikel 7:401 BW.', 3), { scope, document: 'Doc' });
        const text = parts.map(p => p.kind === 'text' ? p.text : `[${p.ref}]`).join('');
        expect(text).toBe('zoals bepaald in [lid Toelating.Voorwaardelijk] en [lid Toelating.Wanprestaties] van deze overeenkomst, en [artikel 7:401 BW].');
        const unresolved = resolver.convert(SourceText.of('conform artikel 5.9', 4), { scope, document: 'Doc' });
        expect(unresolved).toEqual([{ kind: 'text', text: 'conform artikel 5.9' }]);
        expect(findings.all()).toMatchObject([{ code: 'import-ref-unresolved', line: 4, column: 9 }]);
    });

    test('relative references: "lid 2 van dit artikel", "het vorige lid", and citations of other documents stay text', () => {
        const scope = new RefScope();
        const leden = new Map([1, 2, 3].map(n => [n, {
            target: { kind: 'lid' as const, path: `Opzegging.Lid${n}`, document: 'Doc', citation: `artikel 5 lid ${n}`, title: 'Opzegging', about: '' },
            onderdelen: new Map(), index: n - 1, count: 3
        }]));
        const artikel = { target: { kind: 'artikel' as const, path: 'Opzegging', document: 'Doc', citation: 'artikel 5', title: 'Opzegging', about: 'Opzegging' }, leden };
        scope.artikelen.set(5, artikel);
        const resolver = new ReferenceResolver({ findings: new FindingCollector(), links: new Map() });
        const render = (text: string, lid: number) => resolver.convert(SourceText.of(text, 1), { scope, document: 'Doc', artikel, lid: leden.get(lid) })
            .map(p => p.kind === 'text' ? p.text : `[${p.ref}]`).join('');
        expect(render('de termijn van lid 2 van dit artikel', 3)).toBe('de termijn van [lid Opzegging.Lid2] van dit artikel');
        expect(render('In het vorige lid bedoelde overleg', 2)).toBe('In het [vorige lid] bedoelde overleg');
        expect(render('Aanvullend aan artikel 18 van de Algemene Inkoopvoorwaarden', 1)).toBe('Aanvullend aan artikel 18 van de Algemene Inkoopvoorwaarden');
        expect(render('op grond van artikel 171 lid 2 Gemeentewet', 1)).toBe('op grond van [artikel 171 lid 2 Gemeentewet]');
    });

    test('a sentence broken by a blank line is joined and reported; a heading after a paragraph is not', () => {
        const source = `# Deelovereenkomst Proef

Artikel 1 Opzegging

1. De Gemeente kan de Deelovereenkomst opzeggen. De Gemeente zet de

Deelovereenkomst voort met overige Aanbieders.
2. Aanbieders werken samen met de toegang.

Overzicht activiteiten
`;
        const splits = importAgreement(source, { sourceName: 'proef.md', baseName: 'proef' }).findings.filter(f => f.code === 'import-text-split');
        expect(splits.map(f => [f.line, f.severity])).toEqual([[7, 'info']]);
        expect(splits[0].message).toContain("('…Gemeente zet de') loopt hier na een lege regel door: 'Deelovereenkomst voort met overige Aanbieders.'");
    });

    test('the source normalisation drops labels and markup, not words', () => {
        expect(sourceWords('- 1.1 Onderwerp van **deze** [Overeenkomst](#) is<sup>e</sup>').map(w => w.word)).toEqual(['onderwerp', 'van', 'deze', 'overeenkomst', 'ise']);
        expect(sourceWords('#### **Artikel 5 Toelating deelnemers**').map(w => w.word)).toEqual(['toelating', 'deelnemers']);
    });
});

