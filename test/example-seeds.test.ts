/**
 * The seed agreements of shared/seeds as example document sets (issue 3, item 2): each was imported with
 * `contractspraak import` and then structured by hand (parties, looptijd, termijnen, rangorde), kept as written,
 * defects included. For every seed in SEEDS:
 *
 * 1. the set builds without lexer or parser errors (test/examples.test.ts compares its findings with
 *    expected-findings.txt; the README of the set says why each finding is a true defect);
 * 2. every word of the source (its copy in bron/) is in the encoding, in order, and the encoding adds only the
 *    listed words (see `sourceWords` and `encodingWords` for the normalisation);
 * 3. the computed numbers are the numbers the source prints: artikel headings, lid labels, and a few citations.
 *
 * To add a seed (002, 004): add an entry to SEEDS. Run the test once with `missing: []` and `added: []`: the
 * failure lists the words that differ (source line and word); keep only those you can explain, and say why in
 * the entry's comment.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, isLeafCstNode } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '../compiler/workspace.js';
import type { Artikel, Bijlage, Document, Lid, Lijst, Onderdeel, Prose, Tabel } from '../language/generated/ast.js';
import {
    isArtikel, isArtikelRef, isAutoTerm, isBijlage, isBijlageRef, isDocument, isHoofdstuk, isKop, isLid, isLidRef,
    isOnderdeelRef, isOndertekening, isOverwegingen, isOverwegingRef, isPartij, isPartijen, isRelatieveRef, isTabel, isTekst,
    isTermUse, isText, isToelichting, isUnknownRef, isUrlRef, isWetRef
} from '../language/generated/ast.js';
import { documentStructure } from '../language/model/structure.js';
import { proseText, unescapeProse } from '../language/prose.js';
import { align } from './word-align.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.resolve(here, '../examples');

interface Seed {
    /** Folder under examples/. */
    set: string;
    /** The document of the agreement, relative to the set. */
    main: string;
    /** The seed's copy in the set, relative to the set. */
    source: string;
    /** Source lines the encoding leaves out on purpose (inclusive ranges), each with the reason. */
    skip: Array<{ from: number; to: number; why: string }>;
    /**
     * Source lines read at the end of the source instead of where they stand: a bijlage named only in the table
     * of contents is declared after the last artikel, where the renderer prints it.
     */
    moved?: { lines: number[]; why: string };
    /**
     * Files of the set (relative to the set) that another entry checks against its own source lines: a bijlage loaded
     * from one of them contributes no words here (its source lines are in `skip`).
     */
    separate?: string[];
    /** Labels the language does not print (parties are not numbered): removed from the start of these lines. */
    unnumbered?: { lines: number[]; label: RegExp };
    /** Source words the encoding lacks, as `line word` (lower case, after normalisation). */
    missing: string[];
    /** Words only the encoding has (lower case, after normalisation), in order. */
    added: string[];
    /** Number of source words after normalisation: pins the normalisation, so a change to it is seen. */
    sourceWordCount: number;
    /** A heading of an artikel in the source: number in group 1, title in group 2. */
    heading: RegExp;
    /** A lid label in the source ("- 5.4 …", "5.4 …"): the label in group 1. */
    lidLabel: RegExp;
    /** The number of artikelen and leden the source prints. */
    counts: { artikelen: number; leden: number };
    /**
     * The source lines that hold the agreement's own artikelen (default: all lines that are not skipped). A seed
     * whose bijlagen have artikelen of their own limits the heading and lid tests to the body with it.
     */
    body?: { from: number; to: number };
    /** References whose rendered citation must be the number the source typed: [qualified name of the lid, citations in order]. */
    citations: Array<[string, string[]]>;
    /**
     * An artikelgewijze toelichting that starts with the number of the lid it explains ("Artikel 1.1 : …"): the
     * number in group 1. Each document-level `toelichting:` that starts with a reference must cite that number.
     */
    toelichtingHeading?: RegExp;
}

const SEEDS: Seed[] = [
    {
        // Seed 000: Ontwikkelovereenkomst Leidse regio (v1.1, definitief, 31 december 2018).
        set: 'ontwikkelovereenkomst-leidse-regio',
        main: 'ontwikkelovereenkomst.ovk',
        source: 'bron/000_173709e3f1f88c53.txt',
        skip: [
            { from: 7, to: 10, why: 'front matter: page count (computed by the renderer), versie, vastgesteld and status (metadata)' },
            { from: 86, to: 99, why: 'table of contents (computed by the renderer)' }
        ],
        moved: { lines: [100, 101], why: 'the two bijlagen, named only in the table of contents; declared after artikel 13' },
        // 6.1 "artikel 5.4 sub d" renders "artikel 5.4, onderdeel d". The signatures of Leiderdorp and Oegstgeest
        // are dated "21/1/14" and "10/1/14"; the encoding has the dates 2014-01-21 and 2014-01-10, so that the
        // checker can compare them with the date of the text (the alignment pairs the days, 21 and 10).
        missing: ['173 sub', '290 1', '290 14', '300 1', '300 14'],
        added: [
            ...Array(9).fill('overweging'),   // "onder (A)" renders "onder (overweging A)" (overwegingen C-J)
            'onderdeel',                      // 6.1 "artikel 5.4, onderdeel d"
            'artikel',                        // 7.4 c "artikel 7.1 en 7.2" renders "artikel 7.1 en artikel 7.2"
            'artikel',                        // 11.2 "artikel 11.3 t/m 11.6" renders "artikel 11.3 t/m artikel 11.6"
            'datum', '2014', '01', '2014', '01', 'datum'   // [datum] for the empty dates; the two dates as dates
        ],
        sourceWordCount: 4875,
        heading: /^#+ (?:\*\*)?Artikel (\d+) (.*?)(?:\*\*)?$/,
        lidLabel: /^\s*- (\d+\.\d+)\.? /,
        counts: { artikelen: 13, leden: 65 },
        citations: [
            // 3.1 "conform artikel 10.1": written as the source has it, though artikel 10 is now the GVO (see README).
            ['Duur.Looptijd', ['artikel 10.1']],
            ['ToelatingDeelnemers.UEA', ['artikel 5.1', 'bijlage 2', 'artikel 5.2', 'bijlage 2', 'bijlage 2']],
            ['BevoegdPersoon.BevoegdPersoon', ['artikel 5.4, onderdeel d']],
            ['Beeindiging.Ontbinding', ['artikel 11.3', 'artikel 11.6']],
            ['Overlegtafel.UitgewerkteVoorstellen', ['artikel 8.8', 'artikel 11.1', 'artikel 11.1']]
        ]
    },
    {
        // Seed 003: Samenwerkingsovereenkomst Inkoop Sociaal Domein Regio Maastricht Heuvelland (signed 10 October 2017).
        set: 'samenwerkingsovereenkomst-maastricht-heuvelland',
        main: 'samenwerkingsovereenkomst.ovk',
        source: 'bron/003_3aee442c32ee9cc1.txt',
        skip: [],
        unnumbered: { lines: [9, 11, 13, 15, 17, 19], label: /^[a-f]\) / },
        missing: [],
        added: [
            'overweging',           // overweging n "als bedoeld onder a" renders "als bedoeld onder overweging a"
            'artikel', 'artikel',   // 8.2 e "de artikelen 2.1 en 3.2" renders "de artikelen artikel 2.1 en artikel 3.2"
            'artikel', 'artikel',   // toelichting 1.4 "de artikelen 5 t/m 7" renders "de artikelen artikel 5 t/m artikel 7"
            '1'                     // the heading "Bijlage:" renders "Bijlage 1"
        ],
        sourceWordCount: 6007,
        heading: /^#+ \*\*Artikel (\d+):? (.*?)\*\*$/,
        lidLabel: /^(\d+\.\d+) /,
        counts: { artikelen: 10, leden: 47 },
        citations: [
            ['Deelname.Toetreding', ['artikel 3.2', 'bijlage 1']],
            ['Reikwijdte.Verlenging', ['artikel 9.1']],
            ['FysiekOverleg.Bijeenkomsten', ['artikel 4.3']],
            ['VirtueelOverleg.Agendering', ['artikel 6.4']],
            ['Slot.Rechter', ['overweging q']]
        ],
        toelichtingHeading: /^Artikel (\d+\.\d+) ?:? /
    },
    {
        // Seed 002: Deelovereenkomst Maatwerkvoorziening Hulp bij het huishouden, regio Midden-Holland (eerste verlenging).
        set: 'deelovereenkomst-hbh-midden-holland',
        main: 'deelovereenkomst.ovk',
        source: 'bron/002_ef110c65f006df49.txt',
        skip: [],
        missing: [
            // artikel 1: tracked-change residue of a renumbering, old and new number run together ("[44\).", "[56\)",
            // "[67\)", "[79\)", "[810\)", "[911\)"); the encoding computes the new numbers 4, 6, 7, 9, 10, 11
            '37 44', '39 56', '40 67', '42 79', '43 810', '44 911',
            // 19.2 and 19.4: the link targets of e-mail addresses inside a tracked insertion ("\]\(mailto:…\)", escaped,
            // so the normalisation does not drop them as it drops other link targets)
            '179 mailto', '179 socialreturn', '179 gouda', '179 nl', '181 mailto', '181 nsdmh', '181 gouda', '181 nl',
            // "Artikel ~~130~~": the struck number; the encoding computes 30
            '254 130',
            // bijlage 3 (the AIV) is 'extern'; its one sentence is the bijlage's source note, which carries no words here
            '424 de', '424 algemene', '424 voorwaarden', '424 zijn', '424 te', '424 vinden', '424 op', '424 de',
            '424 website', '424 van', '424 de', '424 gemeente', '424 gouda'
        ],
        added: [
            '4', '6', '7', '9', '10', '11',   // artikel 1: the computed numbers of the residue labels (see missing)
            'artikel',                        // the heading "25 Periodiek gesprek …" renders "Artikel 25"
            'lid',                            // 27 "conform artikel 5.4" renders "artikel 5 lid 4" (leden numbered alone)
            '30',                             // "Artikel ~~130~~" renders "Artikel 30"
            'basis',                          // 31.4 "(artikel 7 tot en met 10)" of the Basisovereenkomst: [artikel 7 Basis]
            'lid'                             // bijlage 6 (SROI) "artikel 23.4" renders "artikel 23 lid 4"
        ],
        sourceWordCount: 8244,
        // "Artikel ~~130~~ Toegang, …" (the struck 1 of a renumbering; the heading reads as 30), "25 Periodiek gesprek …"
        // (without the word "Artikel"), "Artikel 28: Geschillen".
        heading: /^(?:Artikel )?(?:~~1)?(\d+)(?:~~)?:? ([A-Z].*)$/,
        // "1. …", "- 1 …", "- 5.. …" (21.5), "- 1) …" and, in artikel 1, the tracked-change residue "- [44\).", "- [810\)": old number
        // then new number; the new one is the label.
        lidLabel: /^(?:- (?:\[\d)?(?=\d+(?:\\?\)| |\.))|(?=\d+\. ))(\d+)/,
        counts: { artikelen: 36, leden: 115 },
        body: { from: 1, to: 359 },
        citations: []
    },
    {
        // Seed 004: Deelovereenkomst Maatwerkvoorziening Wmo 2015, gemeenten Leek, Marum, Grootegast en Zuidhorn
        // (vastgesteld 10 november 2015): the main body and bijlagen 1-7 (bijlagen 2 and 4 in their own files).
        set: 'deelovereenkomst-maatwerk-westerkwartier',
        main: 'deelovereenkomst.ovk',
        source: 'bron/004_5867eabe060ca386.txt',
        skip: [
            { from: 791, to: 1812, why: 'bijlagen 8-10, in their own files, checked by their own entries' }
        ],
        separate: ['bijlage-8-inkoopvoorwaarden.ovk', 'bijlage-9-verantwoordingsprotocol.ovk', 'bijlage-10-protocol-calamiteiten.ovk'],
        missing: [
            // the signature block has two columns: "Naam Aanbieder" stands next to "Gemeente Grootegast", before the
            // "Naam:" of Grootegast; the encoding has the Aanbieder's signature after Grootegast's (see added)
            '160 aanbieder', '162 naam',
            // bijlage 2, 3.2: "*resultaatsgebieden*⁵", italic, then the footnote mark; the encoding has one word
            '312 resultaatsgebieden', '312 ⁵'
        ],
        added: [
            'overweging', 'overweging',        // H and I "onder (D)" render "onder (overweging D)"
            'naam', 'aanbieder',               // "Naam Aanbieder", after Grootegast's signature (see missing)
            'artikel', 'artikel', 'artikel',   // bijlage 2: the headings "1.", "2.", "3." render "Artikel 1" …
            'resultaatsgebieden⁵',             // bijlage 2, 3.2 (see missing)
            'artikel', 'artikel',              // bijlage 2: "4.", "5."
            'artikel',                         // bijlage 2, 5.2 "de onder 5.4 opgenomen tabel" renders "onder artikel 5.4"
            // bijlage 6 quotes hoofdstuk 3 of the Wmo 2015: its headings "Artikel 3.1" … "Artikel 3.5" and the
            // citations "artikel 2.1.3" and "artikel 6.1" are references to the law, [artikel 3.1 Wmo 2015]
            'wmo', '2015', 'wmo', '2015', 'wmo', '2015', 'wmo', '2015', 'wmo', '2015', 'wmo', '2015', 'wmo', '2015'
        ],
        sourceWordCount: 9867,
        heading: /^ARTIKEL (\d+):? (.*)$/,
        lidLabel: /^(\d+)\. /,
        counts: { artikelen: 14, leden: 20 },
        body: { from: 46, to: 192 },
        citations: [
            ['AlgemeneVoorwaarden.DeelovereenkomstAlgemene', ['bijlage 8']],
            ['DuurDeelovereenkomst.PartijenDeelovereenkomst', ['artikel 5']],
            ['OpzeggingOvereenkomst.UitvoeringOvereenkomst', ['artikel 5 lid 3']],
            ['EisenVoorziening.AanbiederVoldoet', ['bijlage 2']],
            ['Overgangsbepalingen.PartijenKomen', ['bijlage 5']],
            ['Overgangsbepalingen.AanvangDeelovereenkomst', ['bijlage 7']]
        ]
    },
    {
        // Seed 004, bijlage 2 "De voorziening", in its own file with its own artikelen 1-5 and leden 1.1-5.10; its words
        // are also part of the entry of deelovereenkomst.ovk, this entry checks its headings and lid numbers.
        set: 'deelovereenkomst-maatwerk-westerkwartier',
        main: 'bijlage-2-voorziening.ovk',
        source: 'bron/004_5867eabe060ca386.txt',
        skip: [
            { from: 1, to: 198, why: 'the deelovereenkomst and bijlage 1: the entry of deelovereenkomst.ovk' },
            { from: 376, to: 1812, why: 'bijlagen 3-10: the entries of deelovereenkomst.ovk and bijlagen 8-10' }
        ],
        missing: [
            '199 bijlage', '199 2',                   // "BIJLAGE 2:": the number is the main document's (bijlage Voorziening)
            '312 resultaatsgebieden', '312 ⁵'         // 3.2 "*resultaatsgebieden*⁵" (see the entry of deelovereenkomst.ovk)
        ],
        added: [
            'artikel', 'artikel', 'artikel',   // the headings "1.", "2.", "3." render "Artikel 1" …
            'resultaatsgebieden⁵',
            'artikel', 'artikel',              // "4.", "5."
            'artikel'                          // 5.2 "de onder 5.4 opgenomen tabel" renders "onder artikel 5.4"
        ],
        sourceWordCount: 3242,
        heading: /^(\d)\. \*(.*)\*$/,
        // "- 1.1 …", " - 1.1 …", "1.6 …", "- 2.7 a. …"
        lidLabel: /^\s*(?:- )?(\d\.\d+) /,
        counts: { artikelen: 5, leden: 38 },
        citations: [['WijzeAdministrerenVerantwoorden.GemeenteBetaalt', ['artikel 5.4']]]
    },
    {
        // Seed 004, bijlage 8: the Algemene inkoopvoorwaarden Westerkwartier 2013, versie 2 (see BIJLAGEN.md of the set).
        set: 'deelovereenkomst-maatwerk-westerkwartier',
        main: 'bijlage-8-inkoopvoorwaarden.ovk',
        source: 'bron/004_5867eabe060ca386.txt',
        skip: [
            { from: 1, to: 790, why: 'the deelovereenkomst and bijlagen 1-7: the entry of deelovereenkomst.ovk' },
            { from: 1069, to: 1812, why: 'bijlagen 9 and 10: their own entries' }
        ],
        missing: [
            '791 bijlage', '791 8',   // "BIJLAGE 8:": the number is the main document's (bijlage AIV), its heading is printed there
            '811 wet', '811 boek'     // "Wet-boek": the hyphen of a line break, inside a legislation reference [artikel 6:217 Burgerlijk Wetboek]
        ],
        // A lid of the same artikel cited as "lid 4" is a reference, whose citation names the artikel: "artikel 7 lid 4".
        added: [
            'wetboek',             // [artikel 6:217 Burgerlijk Wetboek] (see missing)
            'artikel', '7',        // 7.3 "het bepaalde in lid 4"
            'lid',                 // 7.4 "Zie ook artikel 5.1." renders "artikel 5 lid 1" (leden numbered alone)
            'artikel', '11',       // 11.3 "het in lid 1 gestelde"
            'artikel', '14',       // 14.8 "bedoeld in lid 6 en lid 7 van dit artikel"
            'artikel', '14',
            'artikel', '20',       // 20.2 "Lid 2 laat onverlet"
            'artikel', '26',       // 26.2 "als bedoeld in lid 1 van dit artikel"
            'artikel', '26',       // 26.3 "de in lid 2 van dit artikel bedoelde"
            'artikel', '35'        // 35.3 "De wijziging bedoeld in het lid 2"
        ],
        sourceWordCount: 6016,
        heading: /^Artikel (\d+) (.*)$/,
        lidLabel: /^(\d+)\. /,
        counts: { artikelen: 36, leden: 108 },
        citations: [
            ['KwaliteitGarantieKeuring.GarantieLaat', ['artikel 9']],                               // 8.3 "artikel 9"
            ['TijdstipAfleveringGoederen.OpdrachtnemerEnigerlei', ['artikel 5 lid 1']],            // 7.4 "artikel 5.1"
            ['Wijzigingen.VervangingPersonen', ['artikel 14 lid 6', 'artikel 14 lid 7']],           // 14.8 "lid 6 en lid 7"
            ['WaarschuwingsplichtAannemer.NegerenBedoelde', ['artikel 26 lid 2']]                   // 26.3 "lid 2 van dit artikel"
        ]
    },
    {
        // Seed 004, bijlage 9: the Verantwoordingsprotocol 2016 with its bijlagen 1-3 (see BIJLAGEN.md of the set).
        set: 'deelovereenkomst-maatwerk-westerkwartier',
        main: 'bijlage-9-verantwoordingsprotocol.ovk',
        source: 'bron/004_5867eabe060ca386.txt',
        skip: [
            { from: 1, to: 1068, why: 'the deelovereenkomst and bijlagen 1-8: the entries of deelovereenkomst.ovk and bijlage 8' },
            { from: 1075, to: 1090, why: 'table of contents (computed by the renderer)' },
            { from: 1451, to: 1812, why: 'bijlage 10: its own entry' }
        ],
        missing: [
            '1069 bijlage', '1069 9',   // "BIJLAGE 9:": the number is the main document's (bijlage Verantwoordingsprotocol)
            // "Verantwoordingsprotocol bijlage 1: …" (and 2, 3): a bijlage of this document renders as "Bijlage 1. …"
            '1251 verantwoordingsprotocol', '1368 verantwoordingsprotocol', '1389 verantwoordingsprotocol'
        ],
        // The numbered headings "1. Inleiding", "2. Begrippenlijst" and "3 Aan te leveren rapportages" render "Artikel 1 …".
        added: ['artikel', 'artikel', 'artikel'],
        sourceWordCount: 3721,
        heading: /^(\d)\.? ([A-Z][a-z]+(?: [a-z]+)*)$/,
        lidLabel: /^(\d\.\d) /,
        counts: { artikelen: 3, leden: 5 },
        body: { from: 1091, to: 1336 },
        citations: []
    },
    {
        // Seed 004, bijlage 10: the Protocol meldingen calamiteiten en geweld, with its toelichting and its bijlage
        // (see BIJLAGEN.md of the set).
        set: 'deelovereenkomst-maatwerk-westerkwartier',
        main: 'bijlage-10-protocol-calamiteiten.ovk',
        source: 'bron/004_5867eabe060ca386.txt',
        skip: [
            { from: 1, to: 1450, why: 'the deelovereenkomst and bijlagen 1-9: their own entries' }
        ],
        missing: [
            '1451 bijlage', '1451 10',   // "BIJLAGE 10:": the number is the main document's (bijlage ProtocolCalamiteiten)
            // "Protocol Meldingen Calamiteiten en geweld bijlage 1: Richtlijn …": the bijlage renders as "Bijlage 1. Richtlijn …"
            '1757 protocol', '1757 meldingen', '1757 calamiteiten', '1757 en', '1757 geweld'
        ],
        added: [
            // 6.2 "de artikelen 4 of 5" and 11 "de artikelen 3 tot en met 10" render "de artikelen artikel 4 of artikel 5";
            // the toelichting on artikel 4 and 5 cites "lid 1" (twice each), which renders "artikel 4 lid 1"
            'artikel', 'artikel', 'artikel', 'artikel', 'artikel', '4', 'artikel', '4', 'artikel', '5', 'artikel', '5'
        ],
        sourceWordCount: 5162,
        heading: /^Artikel (\d+) ?(.*)$/,
        lidLabel: /^ ?(\d+)\. /,
        counts: { artikelen: 14, leden: 26 },
        body: { from: 1451, to: 1577 },
        citations: [
            ['Ontvangst.Aanvullen', ['artikel 4', 'artikel 5']],      // 6.2 "de artikelen 4 of 5"
            ['Onderzoek.OnderzoekAanbieder', ['artikel 6']],          // 7.2 "artikel 6, eerste lid"
            ['Rapport.Vaststellen', ['artikel 9']]                    // 10.1 "artikel 9, derde lid"
        ]
    }
];

// ------------------------------------------------------------------------------------------------ words

interface Word {
    text: string;
    /** 1-based line in its file. */
    line: number;
}

/** Words of a text, lower case (headings are printed in capitals in some sources). */
function words(text: string, line: number): Word[] {
    return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map(m => ({ text: m[0].toLowerCase(), line }));
}

function separateFiles(seed: Seed): string[] {
    return (seed.separate ?? []).map(f => path.join(examples, seed.set, f));
}

function inSkip(seed: Seed, line: number): boolean {
    return seed.skip.some(s => line >= s.from && line <= s.to);
}

/** The source lines the heading and lid tests read. */
function bodyLines(seed: Seed): string[] {
    const lines = fs.readFileSync(path.join(examples, seed.set, seed.source), 'utf8').split('\n');
    return lines.filter((_, i) => !inSkip(seed, i + 1) && (!seed.body || (i + 1 >= seed.body.from && i + 1 <= seed.body.to)));
}

/**
 * The words of the source, normalised: the skipped lines are left out, the `moved` lines are read at the end,
 * the party labels of `unnumbered` are removed, Markdown marks (`**`, `#`, `-`, link targets, `<sup>`) fall away
 * and case is ignored. Everything else stays: the headings "Artikel N", the lid and list labels ("5.4", "a)",
 * "A.") are compared with the numbers the encoding computes, typed citations with the citations references
 * render (where they differ, the words are in the seed's `missing` and `added`).
 */
function sourceWords(seed: Seed): Word[] {
    const text = fs.readFileSync(path.join(examples, seed.set, seed.source), 'utf8');
    const out: Word[] = [];
    const atEnd: Word[] = [];
    text.split('\n').forEach((raw, i) => {
        const line = i + 1;
        if (inSkip(seed, line)) return;
        const into = seed.moved?.lines.includes(line) ? atEnd : out;
        let content = raw.replace(/\]\([^)\s]*\)/g, ']').replace(/<\/?(?:sup|sub)>/g, '');
        if (seed.unnumbered?.lines.includes(line)) {
            const before = content;
            content = content.replace(seed.unnumbered.label, '');
            expect(content, `line ${line} starts with a party label`).not.toBe(before);
        }
        into.push(...words(content, line));
    });
    return [...out, ...atEnd];
}

/**
 * The words of the encoding in document order, as a reader of the rendered agreement sees them: titles,
 * prose, labels computed by the language ("Artikel 4", "4.3", "a", "A"), references as their citation
 * ("artikel 10.1", "bijlage 2", "overweging A"), relative references as the renderer words them ("het vorige
 * lid"), legislation as written, placeholders as their words, and the source lines the importer kept as
 * `// |` comments where they stand. Annotations (begrippen, rangorde, looptijd, termijnen, gebeurtenissen,
 * afwijkingen, documents of the set, metadata) carry no words of the source and are skipped.
 */
function encodingWords(doc: LangiumDocument, all: LangiumDocument[], separate: string[] = []): Word[] {
    const root = doc.parseResult.value as Document;
    const out: Word[] = [];
    const lineOf = (n: AstNode) => (n.$cstNode?.range.start.line ?? -1) + 1;
    const emit = (text: string, at: AstNode) => out.push(...words(text, lineOf(at)));
    const info = (n: AstNode) => {
        const i = documentStructure(AstUtils.getContainerOfType(n, isDocument)!).info(n);
        if (!i) throw new Error(`no computed number for ${n.$type} ${(n as { name?: string }).name}`);
        return i;
    };
    const citation = (target: AstNode | undefined) => {
        if (!target) throw new Error('unresolved reference');
        return info(target).citation;
    };
    // The parts of a prose are joined before they are split into words: "01A05" lexes as text "01" and the
    // capitalised word "A05", "Gemeente¹" as a term and text, yet each is one word of the source.
    const prose = (p: Prose | undefined) => {
        if (!p) return;
        let joined = '';
        for (const deel of p.delen) {
            let text: string;
            if (isText(deel)) text = unescapeProse(deel.waarde);
            else if (isAutoTerm(deel) || isTermUse(deel)) text = deel.term.$refText;
            else if (isArtikelRef(deel) || isLidRef(deel) || isOnderdeelRef(deel) || isBijlageRef(deel) || isOverwegingRef(deel)) {
                text = citation(deel.target.ref);
            } else if (isRelatieveRef(deel)) {
                text = `${deel.relatie.replace(/^vorig$/, 'vorige').replace(/^volgend$/, 'volgende')} ${deel.soort}`;
            } else if (isWetRef(deel)) {
                text = `artikel ${deel.artikel}${deel.lid ? ` lid ${deel.lid}` : ''}${deel.onderdeel ? ` onder ${deel.onderdeel}` : ''} ${deel.wet.join(' ')}`;
            } else if (isUnknownRef(deel)) text = deel.woorden.join(' ');
            else if (isUrlRef(deel)) text = deel.url;
            else throw new Error(`prose part ${deel.$type} not rendered`);
            joined += text;
        }
        emit(joined, p);
    };
    const lijst = (l: Lijst | undefined) => l?.onderdelen.forEach(onderdeel);
    const onderdeel = (o: Onderdeel) => {
        emit(info(o).label, o);
        prose(o.tekst);
        lijst(o.lijst);
        prose(o.slot);
    };
    const lid = (l: Lid) => {
        emit(info(l).label, l);
        prose(l.tekst);
        lijst(l.lijst);
        prose(l.slot);
        l.bepalingen.filter(isTabel).forEach(tabel);   // a tabel right after a lid belongs to it
    };
    const tabel = (t: Tabel) => {
        prose(t.titel);
        t.kolommen.forEach(k => prose(k));
        for (const rij of t.rijen) rij.cellen.forEach(c => prose(c));
    };
    const artikel = (a: Artikel) => {
        emit(`Artikel ${info(a).label}`, a);
        prose(a.titel);
        for (const x of a.inhoud) {
            if (isLid(x)) lid(x);
            else if (isTekst(x) || isToelichting(x) || isKop(x)) prose(x.tekst);
            else if (isTabel(x)) tabel(x);
        }
    };
    const bijlage = (b: Bijlage) => {
        const file = b.pad && path.resolve(path.dirname(AstUtils.getDocument(b).uri.fsPath), proseText(b.pad));
        if (file && separate.includes(file)) return;
        emit(`bijlage ${info(b).label}`, b);
        prose(b.titel);
        if (file) {
            (all.find(d => d.uri.fsPath === file)!.parseResult.value as Document).leden.forEach(member);
        } else {
            b.leden.forEach(member);
        }
    };
    const member = (n: AstNode) => {
        if (isTekst(n) || isToelichting(n) || isKop(n)) prose(n.tekst);
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
                emit(info(o).label, o);
                prose(o.tekst);
            }
            prose(n.slot);
        } else if (isHoofdstuk(n)) {
            prose(n.titel);
            n.leden.forEach(member);
        } else if (isArtikel(n)) artikel(n);
        else if (isBijlage(n)) bijlage(n);
        else if (isTabel(n)) tabel(n);
        else if (isOndertekening(n)) {
            prose(n.inleiding);
            for (const h of n.handtekeningen) {
                prose(h.weergave);
                prose(h.naam);
                prose(h.functie);
                prose(h.plaats);
                if (h.datum || h.datumTekst) emit('Datum', h.datumTekst ?? h);   // where the date stands
                if (h.datum) emit(h.datum, h);
                prose(h.datumTekst);
            }
        }
    };
    prose(root.titel);
    root.leden.forEach(member);
    return withKeptLines(doc, out);
}

/** The words of the importer's `// | …` comments (source text without a place in the language), where they stand. */
function withKeptLines(doc: LangiumDocument, out: Word[]): Word[] {
    const kept: Word[] = [];
    for (const node of CstUtils.streamCst(doc.parseResult.value.$cstNode!)) {
        if (!isLeafCstNode(node) || !node.hidden) continue;
        const m = /^\/\/ \|(.*)$/.exec(node.text);
        if (m) kept.push(...words(m[1], node.range.start.line + 1));
    }
    const result: Word[] = [];
    let k = 0;
    for (const w of out) {
        while (k < kept.length && kept[k].line < w.line) result.push(kept[k++]);
        result.push(w);
    }
    return [...result, ...kept.slice(k)];
}

// ------------------------------------------------------------------------------------------------ the tests

// A set with more than one entry (seed 004 and its bijlagen 8-10) names each by its main file.
const title = (s: Seed) => (SEEDS.filter(o => o.set === s.set).length > 1 ? `${s.set}/${s.main}` : s.set);

describe.each(SEEDS.map(s => [title(s), s] as const))('%s', (_name, seed) => {
    const setDir = path.join(examples, seed.set);
    let all: LangiumDocument[];
    let main: LangiumDocument;
    let root: Document;

    beforeAll(async () => {
        const ws = await loadWorkspace([setDir], { root: setDir });
        all = ws.all;
        main = all.find(d => d.uri.fsPath === path.join(setDir, seed.main))!;
        root = main.parseResult.value as Document;
    });

    test('the set builds without lexer or parser errors', () => {
        expect(main, `${seed.main} is in the set`).toBeDefined();
        for (const d of all) {
            expect(d.parseResult.lexerErrors, path.relative(setDir, d.uri.fsPath)).toEqual([]);
            expect(d.parseResult.parserErrors, path.relative(setDir, d.uri.fsPath)).toEqual([]);
        }
    });

    test('the source is copied unchanged into the set', () => {
        const shared = path.resolve(here, '../../shared/seeds', path.basename(seed.source));
        if (!fs.existsSync(shared)) return;   // the seeds are outside the repository; the copy is what counts
        expect(fs.readFileSync(path.join(setDir, seed.source), 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
    });

    test('every word of the source is in the encoding, in order, except the listed ones', () => {
        const source = sourceWords(seed);
        const encoding = encodingWords(main, all, separateFiles(seed));
        const { onlyA, onlyB } = align(source, encoding, (s, e) => s.text === e.text);
        expect(onlyA.map(i => `${source[i].line} ${source[i].text}`), 'source words the encoding lacks (source line, word)').toEqual(seed.missing);
        expect(onlyB.map(i => encoding[i].text), 'words only in the encoding').toEqual(seed.added);
        expect(source.length).toBe(seed.sourceWordCount);
        expect(encoding.length).toBe(seed.sourceWordCount - seed.missing.length + seed.added.length);
    });

    test('the comparison notices a missing sentence', () => {
        // Take the last lid of the encoding out: its words are reported missing (less any that an added word of
        // the encoding can now stand in for).
        // (The last lid with more than five words: a lid can be a numbered heading, "3.5 Aanvullende financiële gegevens".)
        const encoding = encodingWords(main, all, separateFiles(seed));
        const lineOf = (n: AstNode) => n.$cstNode!.range.start.line + 1;
        const leden = AstUtils.streamAllContents(root).filter(isLid).toArray()
            .filter(l => encoding.filter(w => w.line === lineOf(l)).length > 5);
        // A document whose leden are all headings: its last unnumbered paragraph instead.
        const teksten = AstUtils.streamAllContents(root).filter(isTekst).toArray()
            .filter(t => encoding.filter(w => w.line === lineOf(t)).length > 5);
        const line = lineOf(leden.length ? leden[leden.length - 1] : teksten[teksten.length - 1]);
        const damaged = encoding.filter(w => w.line !== line);
        const lidWords = encoding.length - damaged.length;
        const { onlyA } = align(sourceWords(seed), damaged, (s, e) => s.text === e.text);
        expect(lidWords).toBeGreaterThan(5);
        expect(onlyA.length - seed.missing.length).toBeGreaterThanOrEqual(lidWords - seed.added.length);
    });

    test('artikelen: numbers and titles as in the source headings', () => {
        const s = documentStructure(root);
        const headings = bodyLines(seed).map(l => seed.heading.exec(l)).filter(m => m !== null)
            .map(m => `${m[1]} ${m[2]}`);
        expect(headings).toHaveLength(seed.counts.artikelen);
        const artikelen = AstUtils.streamAllContents(root).filter(isArtikel).filter(a => !AstUtils.getContainerOfType(a, isBijlage)).toArray();
        expect(artikelen.map(a => `${s.info(a)!.label} ${proseText(a.titel)}`)).toEqual(headings);
    });

    test('leden: every label of the source', () => {
        const s = documentStructure(root);
        const labels = bodyLines(seed).map(l => seed.lidLabel.exec(l)?.[1]).filter(x => x !== undefined);
        expect(labels).toHaveLength(seed.counts.leden);
        const leden = AstUtils.streamAllContents(root).filter(isLid).filter(l => !AstUtils.getContainerOfType(l, isBijlage));
        expect(leden.map(l => s.info(l)!.label).toArray()).toEqual(labels);
    });

    test('references render the number the source typed', () => {
        const s = documentStructure(root);
        const byName = new Map<string, Lid>(AstUtils.streamAllContents(root).filter(isLid)
            .map(l => [`${(l.$container as Artikel).name}.${l.name}`, l] as [string, Lid]).toArray());
        for (const [name, expected] of seed.citations) {
            const lid = byName.get(name);
            expect(lid, `lid ${name}`).toBeDefined();
            const cites = AstUtils.streamAllContents(lid!)
                .filter(n => isArtikelRef(n) || isLidRef(n) || isOnderdeelRef(n) || isBijlageRef(n) || isOverwegingRef(n))
                .map(n => s.info((n as { target: { ref?: AstNode } }).target.ref!)!.citation).toArray();
            expect(cites, `citations in lid ${name}`).toEqual(expected);
        }
    });

    // Only a seed with an artikelgewijze toelichting gets this test (no skipped tests for the others).
    if (seed.toelichtingHeading !== undefined) test('the artikelgewijze toelichting cites the leden the source numbers', () => {
        const s = documentStructure(root);
        const lines = fs.readFileSync(path.join(setDir, seed.source), 'utf8').split('\n');
        const numbers = lines.map(l => seed.toelichtingHeading!.exec(l)?.[1]).filter(x => x !== undefined);
        const cited = root.leden.filter(isToelichting).map(t => t.tekst.delen[0])
            .filter(d => isLidRef(d) || isArtikelRef(d))
            .map(d => s.info((d as { target: { ref?: AstNode } }).target.ref!)!.citation.replace(/^artikel /, ''));
        expect(numbers.length).toBeGreaterThan(0);
        expect(cited).toEqual(numbers);
    });
});
