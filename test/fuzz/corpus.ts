/**
 * What the fuzzer mutates: the real agreements under examples/ and the render fixtures (as document sets, so
 * imports resolve), small documents from the benchmark generator, hand-written snippets that use every element
 * once, and the plain-text agreements the importer reads (examples/<set>/bron, plus ../shared/seeds when present).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDocument, generateWorkspace } from '../../bench/generator.js';
import { ROOT } from '../bundle.js';

/** A document set: file name → text, all in one folder. The first file is the one the mutations hit. */
export interface SeedSet {
    name: string;
    files: Record<string, string>;
}

function read(file: string): string {
    return fs.readFileSync(file, 'utf8');
}

function ovkFiles(folder: string): string[] {
    return fs.readdirSync(folder).filter(f => f.endsWith('.ovk')).sort();
}

/** Every example set and the render fixture set, as on disk. */
export function exampleSets(): SeedSet[] {
    const sets: SeedSet[] = [];
    const examples = path.join(ROOT, 'examples');
    for (const dir of fs.readdirSync(examples).sort()) {
        const folder = path.join(examples, dir);
        if (!fs.statSync(folder).isDirectory() || ovkFiles(folder).length === 0) continue;
        sets.push({ name: `examples/${dir}`, files: Object.fromEntries(ovkFiles(folder).map(f => [f, read(path.join(folder, f))])) });
    }
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'render');
    sets.push({ name: 'test/fixtures/render', files: Object.fromEntries(ovkFiles(fixtures).map(f => [f, read(path.join(fixtures, f))])) });
    return sets;
}

/** One element of every kind, with the references, terms, termijnen and escapes that make the checks work. */
export const SNIPPET = `importeer "./basis.ovk"

raamovereenkomst Raam "Raamovereenkomst \\"Wmo\\" 2021 “en verder”" {
    status concept
    versie "1.1"
    vastgesteld 2020-06-29
    kalender atw
    ledennummering samengesteld

    partijen "Partijen:" {
        gemeente Raalte "De Gemeente Raalte": "gevestigd te Raalte"
        contractant Contractant / Contractanten "Contractant"
        groep Gemeente = Raalte afzonderlijk
        rol Opdrachtgever = Gemeente
    } "hierna samen: Partijen"

    overwegingen "IN AANMERKING NEMEND DAT:" {
        nummering romeins
        overweging Taak: "de Gemeente een taak heeft [artikel 2.3.5 lid 2 Wmo 2015];"
    } "KOMEN ALS VOLGT OVEREEN:"

    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag, behalve feestdagen"
    begrip Offerte uit Aanbesteding
    bijlage Aanbesteding "Aanbestedingsdocumenten" extern "TenderNed"
    bijlage Tarieven "Tarieven" {
        tarief Uur: "begeleiding" € 65,00 per uur vanaf 2021-01-01 exclusief btw
        boete Te_laat: € 250 per dag "na aanmaning"
        tabel Prijzen "Prijzen" { kolommen "product" "prijs" rij "HbH" "€ 30" }
    }
    voorwaarden AIV "Algemene Inkoopvoorwaarden" van Gemeente extern

    rangorde: addenda > deze = bijlagen > Aanbesteding > AIV tenzij uitdrukkelijk deze afwijkt van AIV
    looptijd {
        ingang 2021-01-01
        einde 2024-12-31
        verlenging stilzwijgend 2 x 2 jaren
        uiterste einde 2028-12-31
        opzegging door Contractant opzegtermijn minimaal 6 kalendermaanden ingaande eerste dag volgende kalendermaand vorm "aangetekende brief"
    }
    gebeurtenis Dagtekening "dagtekening van de opdracht" door Gemeente

    hoofdstuk Algemeen "Algemeen" {
        artikel Totstandkoming "Totstandkoming" {
            lid Aanvaarding: "Contractant aanvaardt binnen drie Werkdagen, zie [artikel Weigering], [lid Weigering.Zwaarwegend] en [vorig lid]:" {
                nummering letters
                onderdeel a: "{Werkdagen} tellen, [onderdeel Totstandkoming.Aanvaarding.b];"
                onderdeel b: "[deze overeenkomst], [bijlage Tarieven], [document AIV], [https://wetten.overheid.nl/BWBR0035362]" {
                    nummering cijfers
                    onderdeel een: "[standaard iWmo 3.2 bericht 301] en [naam]"
                }
            } "slot van het lid"
                termijn Weigeren: Contractant "meldt weigering" binnen 3 werkdagen na Dagtekening(Offerte) anders "geacht aanvaard"
            lid Start nummer 3: "Zie [artikel 7:401 BW] en [begrip Werkdag]; \\[geen verwijzing\\]."
            toelichting: "Toelichting bij \\{dit\\} artikel."
        }
        artikel Weigering bindend "Weigering" {
            lid Zwaarwegend: "Weigeren mag niet."
                afwijking van document AIV artikel 18
                voorrang deze boven alles
            tekst: "Een zin tussen de leden."
            kop: "Een kopje"
        }
    }
    artikel Betaling "Betaling" {
        termijn Betalen: Gemeente "betaalt" uiterlijk 30 dagen na Dagtekening
        termijn Datalek: Contractant "meldt" onverwijld, uiterlijk 48 uur na Dagtekening
        termijn Indexatie: Gemeente "indexeert" jaarlijks op 1 januari
        verwerpt voorwaarden van Contractant
    }
    ondertekening "Aldus overeengekomen" {
        namens Raalte "Gemeente Raalte" { naam "[naam]" functie "wethouder" plaats "Raalte" datum 2021-01-01 }
        namens Contractant { naam "J. Jansen" datum "bij ondertekening" }
    }
}
`;

export const SNIPPET_BASIS = `basisovereenkomst Basis "Basis" {
    begrip Dienst: "een dienst"
    artikel Algemeen "Algemeen" { lid Een: "Zie [artikel Raam.Totstandkoming]." }
}
`;

/** Small sets: the snippet, generated documents and a generated set with a hub. */
export function snippetSets(): SeedSet[] {
    const sets: SeedSet[] = [{ name: 'snippet', files: { 'raam.ovk': SNIPPET, 'basis.ovk': SNIPPET_BASIS } }];
    for (const seed of [1, 2, 3]) {
        const doc = generateDocument({ lines: 150, seed, brokenRate: 0.05 });
        sets.push({ name: `generated-${seed}`, files: { [doc.path]: doc.text } });
    }
    const ws = generateWorkspace({ files: 3, lines: 80, seed: 4, crossRate: 0.2, hubRate: 0.2 });
    // The mutations hit the first file: put a deelovereenkomst first, so its imports are there.
    const ordered = [...ws].sort((a, b) => (a.role === 'leaf' ? -1 : 0) - (b.role === 'leaf' ? -1 : 0));
    sets.push({ name: 'generated-set', files: Object.fromEntries(ordered.map(f => [f.path, f.text])) });
    return sets;
}

/** Plain-text and Markdown agreements for the importer. */
export function importerSeeds(): Array<{ name: string; text: string }> {
    const seeds: Array<{ name: string; text: string }> = [];
    const examples = path.join(ROOT, 'examples');
    for (const dir of fs.readdirSync(examples).sort()) {
        const bron = path.join(examples, dir, 'bron');
        if (!fs.existsSync(bron)) continue;
        for (const f of fs.readdirSync(bron).filter(f => /\.(txt|md)$/.test(f)).sort()) {
            seeds.push({ name: `examples/${dir}/bron/${f}`, text: read(path.join(bron, f)) });
        }
    }
    const shared = path.resolve(ROOT, '..', 'shared', 'seeds');
    if (fs.existsSync(shared)) {
        for (const f of fs.readdirSync(shared).filter(f => /\.(txt|md)$/.test(f)).sort()) {
            if (!seeds.some(s => s.name.endsWith(`/${f}`))) seeds.push({ name: `shared/seeds/${f}`, text: read(path.join(shared, f)) });
        }
    }
    seeds.push({
        name: 'markdown-snippet', text: [
            '# Overeenkomst Wmo', '', '**Partijen:**', '1. De Gemeente Raalte', '2. Contractant', '',
            '## Artikel 1 Begrippen', '1.1 Werkdag: maandag tot en met vrijdag.', '',
            '## Artikel 2 Opdracht', '2.1 Contractant aanvaardt binnen drie Werkdagen (zie artikel 1.1 en lid 2 van dit artikel).',
            '2.2 Zie Bijlage 1.', 'a. eerst;', 'b. dan.', '', '# Bijlage 1 Tarieven', '| product | prijs |', '|---|---|', '| HbH | € 30,00 |', ''
        ].join('\n')
    });
    return seeds;
}
