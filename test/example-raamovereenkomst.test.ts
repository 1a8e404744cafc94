/**
 * examples/raamovereenkomst-maatwerk-2021 is a faithful encoding of the concept raamovereenkomst in
 * bron/001_100d3315203c98cd.txt (a copy of shared/seeds/001_100d3315203c98cd.txt):
 *
 * 1. the set builds without syntax errors, and the checker reports exactly the true findings about the source;
 * 2. every word of the source is in the encoding, in order (see `sourceWords` and `encodingWords` for the
 *    normalisation), and the encoding adds only the words listed here;
 * 3. the computed numbers are the numbers the source prints.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadWorkspace } from '../compiler/workspace.js';
import type { Artikel, Bijlage, Document, Lid, Lijst, Onderdeel, Prose, Tabel } from '../language/generated/ast.js';
import {
    isArtikel, isArtikelRef, isAutoTerm, isBijlage, isBijlageRef, isDocument, isHoofdstuk, isLid, isLidRef,
    isOnderdeelRef, isOndertekening, isOverwegingen, isOverwegingRef, isPartij, isPartijen,
    isRelatieveRef, isTabel, isTekst, isTermUse, isText, isToelichting, isUnknownRef, isUrlRef, isWetRef
} from '../language/generated/ast.js';
import { documentStructure } from '../language/model/structure.js';
import { proseText, unescapeProse } from '../language/prose.js';
import { align } from './word-align.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const setDir = path.resolve(here, '../examples/raamovereenkomst-maatwerk-2021');
const mainFile = path.join(setDir, 'raamovereenkomst.ovk');
const sourceFile = path.join(setDir, 'bron/001_100d3315203c98cd.txt');

let main: LangiumDocument;
let all: LangiumDocument[];
let root: Document;

beforeAll(async () => {
    const ws = await loadWorkspace([setDir], { root: setDir });
    all = ws.all;
    main = all.find(d => d.uri.fsPath === mainFile)!;
    root = main.parseResult.value as Document;
});

// ------------------------------------------------------------------------------------------------ 1. findings

/** `line severity code «covered text»` of a diagnostic (1-based line). */
function finding(doc: LangiumDocument, d: Diagnostic): string {
    const severity = ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1];
    return `${d.range.start.line + 1} ${severity} ${d.code} «${doc.textDocument.getText(d.range)}»`;
}

/**
 * Every finding is true of the source: the placeholders of this concept (empty dates of the college decisions,
 * KvK number, place, address, name and function of the signatories, the contractant's logo), the three gaps
 * in its numbering (lid 14.1, 22.2 and 22.8 do not exist), and the one error: artikel 2.2 lets the programma
 * van eisen (bijlage 1) deviate "van al het overige", while artikel 1.4 ranks the agreement above its annexes
 * "te allen tijde".
 *
 * The termijnen and the looptijd (termijnen.md §1):
 * - 98 notice-impossible: art. 3.2 lets the gemeente stop the renewal until 4 months before the end (2024-08-31),
 *   but art. 12.3 c (encoded as the contractant's opzegging in the looptijd; 2.2 says the same) makes the
 *   contractant give 6 months' notice: to leave on 2024-12-31 it must give notice by 2024-06-30, before it can know
 *   whether the agreement is renewed; once it knows, its notice ends the agreement only on 2025-03-01.
 * - 102 verlenging-past-uiterste: art. 3.4 allows a once-only extension of up to six months at the end of the
 *   then running term, which after the last renewal reaches 2029-06-30, while art. 3.2 ends the agreement "in ieder
 *   geval van rechtswege" on 31 December 2028.
 * - termijn-unit-ambiguous: "dertig dagen" (3.4, 8.4, 9.6, 12.1 a) and "acht dagen" (10.1) say neither werkdagen
 *   nor kalenderdagen, while the agreement defines Werkdagen and uses them in 4.3 and 4.4; they are counted as
 *   kalenderdagen (R1.3).
 */
const EXPECTED_FINDINGS = [
    '7 warning placeholder «<Logo/naam Contractant>»',
    '13 warning placeholder «[datum]»',
    '16 warning placeholder «[datum]»',
    '20 warning placeholder «[...]»',
    '20 warning placeholder «[plaats]»',
    '20 warning placeholder «[adres]»',
    '20 warning placeholder «[naam]»',
    '20 warning placeholder «[functie]»',
    '80 error rangorde-claim-conflict «voorrang Aanbesteding boven alles»',
    '98 warning notice-impossible «6 maanden»',
    '102 warning verlenging-past-uiterste «verlenging optie 1 x 6 maanden door Gemeente»',
    '103 warning termijn-unit-ambiguous «dagen»',
    '161 warning termijn-unit-ambiguous «dagen»',
    '178 warning termijn-unit-ambiguous «dagen»',
    '189 warning termijn-unit-ambiguous «dagen»',
    '214 warning termijn-unit-ambiguous «dagen»',
    '252 warning numbering-gap «2»',
    '316 warning numbering-gap «3»',
    '322 warning numbering-gap «9»',
    '360 warning placeholder «[naam]»',
    '364 warning placeholder «[naam]»',
    '365 warning placeholder «[functie]»'
];

describe('the raamovereenkomst set builds and reports only true findings', () => {
    test('no lexer or parser errors in any document of the set', () => {
        expect(all.map(d => path.relative(setDir, d.uri.fsPath))).toEqual(['raamovereenkomst.ovk']);
        for (const d of all) {
            expect(d.parseResult.lexerErrors).toEqual([]);
            expect(d.parseResult.parserErrors).toEqual([]);
        }
    });

    test('the findings are exactly the placeholders of the concept, the gaps in its numbering, the 1.4/2.2 conflict and its date defects', () => {
        const findings = all.flatMap(d => [...(d.diagnostics ?? [])]
            .sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character)
            .map(x => finding(d, x)));
        expect(findings).toEqual(EXPECTED_FINDINGS);
        expect(findings.filter(f => / error /.test(f))).toEqual(['80 error rangorde-claim-conflict «voorrang Aanbesteding boven alles»']);
    });
});

// ------------------------------------------------------------------------------------------------ 2. words

interface Word {
    text: string;
    /** 1-based line in its file. */
    line: number;
    /** Heading words (titles) are compared without case: the source prints headings in capitals. */
    heading?: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string, line: number, heading = false): Word[] {
    return [...text.matchAll(WORD)].map(m => ({ text: m[0], line, heading }));
}

/**
 * Typed citations of the source and the citation the encoding's symbolic reference renders (the number the
 * source typed, in the form `documentStructure(…).info(…).citation` gives). Each must occur exactly once.
 * "annex N" needs no entry: every word "annex" counts as "bijlage" (see `sourceWords`).
 */
const CITATIONS: Array<[string, string]> = [
    ['beschreven onder I uitsluitend', 'beschreven onder overweging I uitsluitend'],   // overweging II
    ['benoemd in lid 1 en 2', 'benoemd in artikel 2.1 en artikel 2.2'],               // 2.5
    ['in lid 1 bedoelde', 'in artikel 6.1 bedoelde'],                                 // 6.2 ([vorig lid])
    ['als genoemd in lid 4', 'als genoemd in artikel 8.4'],                           // 8.5 ([vorig lid])
    ['het bepaalde in lid 1 is', 'het bepaalde in artikel 11.1 is'],                  // 11.4
    ['artikel 1 lid 5', 'artikel 1.5'],                                               // 12.3 b
    ['van lid 12.1 sub a', 'van artikel 12.1, onderdeel a'],                          // 12.4
    ['de in lid 6 en 7 genoemde', 'de in artikel 22.6 en artikel 22.7 genoemde']      // 22.10
];

/** Source lines 19-48: the table of contents, generated by the renderer and not encoded. */
const TOC = { first: 19, last: 48 };

/**
 * The words of the source, normalised:
 * - the table of contents is left out;
 * - the numbers "1." / "2." before the parties are left out (parties are not numbered by the language);
 * - typed citations are rewritten to the citation their reference renders (CITATIONS);
 * - "annex" is "bijlage" (the language calls annexes bijlagen, also in citations: "annex 2" = "bijlage 2").
 * Everything else stays: the "Artikel N." headings and the lid and list labels ("4.3", "a.", "I.", "6.3.1",
 * "1.") are compared with the numbers the encoding computes.
 */
function sourceWords(): Word[] {
    let text = fs.readFileSync(sourceFile, 'utf8');
    for (const [from, to] of CITATIONS) {
        expect(text.split(from).length - 1, `"${from}" occurs once in the source`).toBe(1);
        text = text.replace(from, to);
    }
    const out: Word[] = [];
    text.split('\n').forEach((raw, i) => {
        const line = i + 1;
        if (line >= TOC.first && line <= TOC.last) return;
        const content = /^\d\. \*\*(?:De Gemeente Raalte|Gemeente Olst-Wijhe)\*\*|^2\. Contractant,/.test(raw)
            ? raw.slice(3) : raw;
        for (const w of words(content, line)) out.push(w.text.toLowerCase() === 'annex' ? { ...w, text: 'bijlage' } : w);
    });
    return out;
}

/**
 * The words of the encoding in document order, as a reader of the rendered agreement sees them: titles,
 * prose, labels computed by the language ("Artikel 4", "4.3", "a", "I", "6.3.1"; the numbered sections of a
 * bijlage as "1" without "Artikel", as the source prints them), references as their citation ("artikel 12.3",
 * "bijlage 2", "overweging I"), legislation as written ("artikel 7:401 BW", "artikel 18 AIV"), placeholders as
 * their words. Annotations (begrippen, rangorde, looptijd, termijnen, gebeurtenissen, tarieven, boetes,
 * afwijkingen) carry no words of the source and are skipped.
 */
function encodingWords(doc: Document): Word[] {
    const out: Word[] = [];
    const lineOf = (n: AstNode) => (n.$cstNode?.range.start.line ?? -1) + 1;
    const emit = (text: string, at: AstNode, heading = false) => out.push(...words(text, lineOf(at), heading));
    const label = (n: AstNode) => {
        const info = documentStructure(AstUtils.getContainerOfType(n, isDocument)!).info(n);
        if (!info) throw new Error(`no computed number for ${n.$type} ${(n as { name?: string }).name}`);
        return info;
    };
    const citation = (target: AstNode | undefined) => {
        if (!target) throw new Error('unresolved reference');
        return label(target).citation;
    };
    const prose = (p: Prose | undefined, heading = false) => {
        if (!p) return;
        for (const deel of p.delen) {
            let text: string;
            if (isText(deel)) text = unescapeProse(deel.waarde);
            else if (isAutoTerm(deel) || isTermUse(deel)) text = deel.term.$refText;
            else if (isArtikelRef(deel) || isLidRef(deel) || isOnderdeelRef(deel) || isBijlageRef(deel) || isOverwegingRef(deel)) {
                text = citation(deel.target.ref);
            } else if (isRelatieveRef(deel)) {
                const lid = AstUtils.getContainerOfType(deel, isLid)!;
                const leden = (lid.$container as Artikel).inhoud.filter(isLid);
                const offset = ({ vorig: -1, vorige: -1, volgend: 1, volgende: 1, dit: 0, deze: 0 } as Record<string, number>)[deel.relatie];
                if (deel.soort !== 'lid') throw new Error(`relative reference [${deel.relatie} ${deel.soort}] not rendered`);
                text = citation(leden[leden.indexOf(lid) + offset]);
            } else if (isWetRef(deel)) {
                text = `artikel ${deel.artikel}${deel.lid ? ` lid ${deel.lid}` : ''}${deel.onderdeel ? ` onder ${deel.onderdeel}` : ''} ${deel.wet.join(' ')}`;
            } else if (isUnknownRef(deel)) text = deel.woorden.join(' ');
            else if (isUrlRef(deel)) text = deel.url;
            else throw new Error(`prose part ${deel.$type} not rendered`);
            emit(text, p, heading);
        }
    };
    const lijst = (l: Lijst | undefined) => {
        for (const o of l?.onderdelen ?? []) {
            onderdeel(o);
        }
    };
    const onderdeel = (o: Onderdeel) => {
        emit(label(o).label, o);
        prose(o.tekst);
        lijst(o.lijst);
        prose(o.slot);
    };
    const lid = (l: Lid) => {
        emit(label(l).label, l);
        prose(l.tekst);
        lijst(l.lijst);
        prose(l.slot);
    };
    const tabel = (t: Tabel) => {
        prose(t.titel);
        t.kolommen.forEach(k => prose(k));
        for (const rij of t.rijen) rij.cellen.forEach(c => prose(c));
    };
    const artikel = (a: Artikel) => {
        const inBijlage = AstUtils.getContainerOfType(a, isBijlage) !== undefined;
        emit(`${inBijlage ? '' : 'Artikel '}${label(a).label}`, a);
        prose(a.titel, true);
        for (const x of a.inhoud) {
            if (isLid(x)) lid(x);
            else if (isTekst(x) || isToelichting(x)) prose(x.tekst);
            else if (isTabel(x)) tabel(x);
        }
    };
    const bijlage = (b: Bijlage) => {
        emit(`bijlage ${label(b).label}`, b);
        prose(b.titel, true);
        if (b.pad) {
            const file = path.resolve(path.dirname(AstUtils.getDocument(b).uri.fsPath), proseText(b.pad));
            const loaded = all.find(d => d.uri.fsPath === file)!.parseResult.value as Document;
            loaded.leden.forEach(member);
        } else {
            b.leden.forEach(member);
        }
    };
    const member = (n: AstNode) => {
        if (isTekst(n) || isToelichting(n)) prose(n.tekst);
        else if (isPartijen(n)) {
            prose(n.inleiding);
            for (const p of n.leden.filter(isPartij)) {
                prose(p.titel);
                prose(p.omschrijving);
            }
            prose(n.slot);
        } else if (isOverwegingen(n)) {
            prose(n.inleiding);
            for (const o of n.leden) {
                emit(label(o).label, o);
                prose(o.tekst);
            }
            prose(n.slot);
        } else if (isHoofdstuk(n)) {
            prose(n.titel, true);
            n.leden.forEach(member);
        } else if (isArtikel(n)) artikel(n);
        else if (isBijlage(n)) bijlage(n);
        else if (isTabel(n)) tabel(n);
        else if (isOndertekening(n)) {
            prose(n.inleiding);
            for (const h of n.handtekeningen) {
                prose(h.naam);
                prose(h.functie);
                emit(`namens ${h.partij.$refText}`, h);
                prose(h.plaats);
                prose(h.datumTekst);
            }
        }
    };
    prose(doc.titel, true);
    doc.leden.forEach(member);
    return out;
}

const sameWord = (s: Word, e: Word) => s.text === e.text
    || ((s.heading || e.heading) === true && s.text.toLowerCase() === e.text.toLowerCase());

/**
 * Words of the source the encoding cannot hold: the placeholder **naam** for the name of the represented party
 * in both signature blocks ("namens Gemeente **naam**" on line 340, "namens **naam** Contractant" on line 343);
 * a `namens` block has no field for it. The first is followed by the equal word "naam" of line 342 (the
 * signatory of the Contractant), and the alignment attributes the gap to that one.
 */
const MISSING = ['342 naam', '343 naam'];

/**
 * Words the encoding adds: the placeholder [datum] where the source leaves the date of the college decision
 * empty ("van datum"), and the document name in citations of the algemene inkoopvoorwaarden
 * ("[artikel 18 AIV] van de Algemene Inkoopvoorwaarden …").
 */
const ADDED = ['datum', 'datum', 'AIV', 'AIV', 'AIV', 'AIV', 'AIV', 'AIV', 'AIV'];

describe('every word of the source is in the encoding, in order', () => {
    test('the source\'s words are the encoding\'s words, except the listed ones', () => {
        const source = sourceWords();
        const encoding = encodingWords(root);
        const { onlyA, onlyB } = align(source, encoding, sameWord);
        const missing = onlyA.map(i => `${source[i].line} ${source[i].text}`);
        const added = onlyB.map(i => encoding[i].text);
        expect(missing, 'source words the encoding lacks (source line, word)').toEqual(MISSING);
        expect(added, 'words only in the encoding').toEqual(ADDED);
        // The added "AIV" are exactly the citations of the algemene inkoopvoorwaarden.
        const aivLines = AstUtils.streamAllContents(root).filter(isWetRef).filter(r => r.wet.join(' ') === 'AIV')
            .map(r => r.$cstNode!.range.start.line + 1).toArray();
        expect(onlyB.filter(i => encoding[i].text === 'AIV').map(i => encoding[i].line)).toEqual(aivLines);
        expect([source.length, encoding.length]).toEqual([8564, 8564 - MISSING.length + ADDED.length]);
    });

    test('the comparison notices a missing sentence', () => {
        // Take lid 25.6 ("Op de Overeenkomst is uitsluitend Nederlands recht van toepassing.") out of the encoding.
        const source = sourceWords();
        const lid = byTitle(root, 'Slotbepaling').inhoud.filter(isLid)[5];
        const line = lid.$cstNode!.range.start.line + 1;
        const damaged = encodingWords(root).filter(w => w.line !== line);
        const { onlyA } = align(source, damaged, sameWord);
        const sentence = source.filter(w => w.line === 334).map(w => w.text);
        expect(sentence.join(' ')).toBe('25 6 Op de Overeenkomst is uitsluitend Nederlands recht van toepassing');
        // The label "25" may be attributed to the equal label of lid 25.7 next to it; the words are the same.
        const lacking = onlyA.map(i => source[i]).filter(w => w.line === 334 || w.line === 335).map(w => w.text);
        expect(lacking.sort()).toEqual([...sentence].sort());
        expect(onlyA).toHaveLength(sentence.length + MISSING.length);
    });
});

// ------------------------------------------------------------------------------------------------ 3. numbers

function artikelen(doc: Document): Artikel[] {
    return doc.leden.filter(isArtikel);
}

function byTitle(doc: Document, title: string): Artikel {
    const a = artikelen(doc).find(x => proseText(x.titel) === title);
    if (!a) throw new Error(`no artikel "${title}"`);
    return a;
}

describe('the computed numbers are the numbers of the source', () => {
    const sourceLines = () => fs.readFileSync(sourceFile, 'utf8').split('\n').slice(TOC.last);

    test('artikelen: numbers and titles as in the source headings', () => {
        const s = documentStructure(root);
        const headings = sourceLines().map(l => /^Artikel (\d+)\.? (.*)$/.exec(l)).filter(m => m !== null)
            .map(m => `${m[1]} ${m[2]}`);
        expect(headings).toHaveLength(25);
        expect(artikelen(root).map(a => `${s.info(a)!.label} ${proseText(a.titel)}`)).toEqual(headings);
        expect(s.info(byTitle(root, 'Duur van de Overeenkomst'))!.citation).toBe('artikel 3');
    });

    test('leden: every label of the source, gaps included', () => {
        const s = documentStructure(root);
        const sourceLeden = sourceLines().map(l => /^\s*- (\d+\.\d+) /.exec(l)?.[1]).filter(x => x !== undefined);
        const computed = artikelen(root).flatMap(a => a.inhoud.filter(isLid).map(l => s.info(l)!.label));
        expect(computed).toEqual(sourceLeden);
        const slot = byTitle(root, 'Slotbepaling').inhoud.filter(isLid).map(l => s.info(l)!.label);
        expect(slot).toEqual(['25.1', '25.2', '25.3', '25.4', '25.5', '25.6', '25.7']);
        expect(byTitle(root, 'Toetsing van kwaliteit').inhoud.filter(isLid).map(l => s.info(l)!.label))
            .toEqual(['22.1', '22.3', '22.4', '22.5', '22.6', '22.7', '22.9', '22.10', '22.11']);
    });

    test('lid 14.2 keeps its legacy number and the gap before it is reported', () => {
        const s = documentStructure(root);
        const [lid] = byTitle(root, 'Gebrek aan expertise').inhoud.filter(isLid);
        expect(lid.nummer).toBe('2');
        expect(s.info(lid)!.label).toBe('14.2');
        const line = lid.$cstNode!.range.start.line;
        expect((main.diagnostics ?? []).filter(d => d.code === 'numbering-gap').map(d => d.range.start.line)).toContain(line);
        expect(s.pinnedIssues.map(p => `${s.info(p.node)!.label} ${p.issue.kind}`)).toEqual(['14.2 gap', '22.3 gap', '22.9 gap']);
    });

    test('onderdelen: 6.3.1-6.3.8, a-j in 12.2, I-IV in 1.4, 1-7 in 1.1', () => {
        const s = documentStructure(root);
        const labels = (title: string, i: number) =>
            byTitle(root, title).inhoud.filter(isLid)[i].lijst!.onderdelen.map(o => s.info(o)!.label);
        const decimal = sourceLines().map(l => /^\s*- (\d+\.\d+\.\d+) /.exec(l)?.[1]).filter(x => x !== undefined);
        expect(labels('Weigering en beëindiging van Dienstverleningsopdrachten', 2)).toEqual(decimal);
        expect(decimal).toHaveLength(8);
        expect(labels('Beëindiging van de Overeenkomst', 1)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
        expect(labels('Onderwerp van de Overeenkomst', 3)).toEqual(['I', 'II', 'III', 'IV']);
        expect(labels('Onderwerp van de Overeenkomst', 0)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    });

    test('overwegingen I-VIII and bijlagen 1-4, Annex 2 being bijlage 2', () => {
        const s = documentStructure(root);
        const overwegingen = root.leden.find(isOverwegingen)!;
        expect(overwegingen.leden.map(o => s.info(o)!.label)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
        const bijlagen = root.leden.filter(isBijlage);
        expect(bijlagen.map(b => `${s.info(b)!.citation} ${b.name}`))
            .toEqual(['bijlage 1 Aanbesteding', 'bijlage 2 Tarieven', 'bijlage 3 Leidraad', 'bijlage 4 Toetsingskader']);
        const tarieven = bijlagen[1];
        const sections = AstUtils.streamAllContents(tarieven).filter(isArtikel).toArray();
        expect(sections.map(a => `${s.info(a)!.label} ${proseText(a.titel)}`)).toEqual([
            '1 Kosten beroepskracht', '2 Overhead (n.b. andere kosten dagbesteding)', '3 Risico-opslag', '4 Productiviteit'
        ]);
    });

    test('references render the number the source typed', () => {
        const s = documentStructure(root);
        const cites = (node: AstNode) => AstUtils.streamAllContents(node)
            .filter(n => isArtikelRef(n) || isLidRef(n) || isOnderdeelRef(n) || isBijlageRef(n))
            .map(n => s.info((n as { target: { ref?: AstNode } }).target.ref!)!.citation).toArray();
        expect(cites(byTitle(root, 'Onderwerp van de Overeenkomst'))).toEqual([
            'bijlage 1', 'bijlage 1', 'bijlage 2', 'bijlage 3', 'bijlage 4', 'artikel 12.3'
        ]);
        expect(cites(byTitle(root, 'Beëindiging van de Overeenkomst'))).toEqual([
            'artikel 13', 'artikel 13', 'bijlage 1', 'artikel 20', 'artikel 13', 'artikel 1.5', 'artikel 3.2',
            'artikel 12.1, onderdeel a'
        ]);
    });
});

