/**
 * Every check: one test that triggers it (code, severity and the exact text it covers) and one that shows it
 * silent on correct input.
 */
import type { Reference } from 'langium';
import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { buildSet, describe as show, withCode } from './helpers.js';

const doc = (body: string, head = '') => `${head}raamovereenkomst Raam "Raamovereenkomst" {
    partijen {
        gemeente Raalte "Gemeente Raalte"
        contractant Contractant "Contractant"
    }
${body}
}`;

/** Sets without a rangorde get an info that the default order applies (R5.1); not what these tests are about. */
const notDefaultOrder = (d: { code?: unknown }) => d.code !== 'rangorde-default-used';

async function one(text: string) {
    const { docs } = await buildSet({ 'raam.ovk': text });
    return docs['raam.ovk'];
}

describe('ref-unresolved', () => {
    test('a reference to a missing artikel is an error covering exactly the name', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Zie [artikel Weigerring]." }
    artikel Weigering "Weigering" { lid B: "Tekst." }`));
        expect(withCode(d, 'ref-unresolved').map(x => show(d, x))).toEqual(['6:46 ref-unresolved «Weigerring»']);
        expect(withCode(d, 'ref-unresolved')[0].severity).toBe(DiagnosticSeverity.Error);
    });
    test('silent when every reference resolves, also relative to the artikel', async () => {
        const d = await one(doc(`    artikel Een "Een" {
        lid A: "Zie [artikel Weigering], [lid Weigering.B] en [lid C]."
        lid C: "Zie [vorig lid] en [dit artikel]."
    }
    artikel Weigering "Weigering" { lid B: "Tekst." }`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('references to recitals and party variants', () => {
    test('[overweging X] and a plural of a groep resolve; a missing overweging does not', async () => {
        const d = await one(`raamovereenkomst Raam "Raam" {
    partijen {
        gemeente Raalte "Gemeente Raalte"
        gemeente OlstWijhe "Gemeente Olst-Wijhe"
        groep Gemeente / Gemeenten = Raalte, OlstWijhe afzonderlijk
    }
    overwegingen { overweging Taak: "de Gemeente voert de Wmo 2015 uit;" }
    artikel Een "Een" { lid A: "Gelet op [overweging Taak] besluiten de Gemeenten ieder afzonderlijk; zie ook [overweging Opdracht]." }
}`);
        expect((d.diagnostics ?? []).map(x => show(d, x))).toEqual(['8:123 ref-unresolved «Opdracht»']);
    });
});

describe('ref-ambiguous', () => {
    const basis = (name: string) => `basisovereenkomst ${name} "${name}" { artikel Looptijd "Looptijd" { lid A: "Tekst." } }`;
    test('a plain name exported by two imported documents is ambiguous', async () => {
        const { docs } = await buildSet({
            'a.ovk': basis('BasisA'),
            'b.ovk': basis('BasisB'),
            'deel.ovk': `importeer "./a.ovk"\nimporteer "./b.ovk"\ndeelovereenkomst Deel "Deel" { artikel X "X" { lid A: "Zie [artikel Looptijd]." } }`
        });
        const d = docs['deel.ovk'];
        expect(withCode(d, 'ref-ambiguous').map(x => show(d, x))).toEqual(['3:69 ref-ambiguous «Looptijd»']);
        expect(String(withCode(d, 'ref-ambiguous')[0].message)).toContain('BasisA.Looptijd');
    });
    test('silent when the reference is qualified with the document', async () => {
        const { docs } = await buildSet({
            'a.ovk': basis('BasisA'),
            'b.ovk': basis('BasisB'),
            'deel.ovk': `importeer "./a.ovk"\nimporteer "./b.ovk"\ndeelovereenkomst Deel "Deel" { artikel X "X" { lid A: "Zie [artikel BasisB.Looptijd]." } }`
        });
        expect(docs['deel.ovk'].diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
    test('a bijlage in a file of its own reads the names of its document first: not ambiguous, and linked there', async () => {
        const protocol = `bijlagedocument Protocol "Protocol" { artikel X "X" { lid A: "Zie [artikel Looptijd]." } }`;
        const { docs } = await buildSet({
            'a.ovk': basis('BasisA'),
            'b.ovk': `importeer "./a.ovk"\nbasisovereenkomst BasisB "BasisB" {\n    bijlage Protocol "Protocol" uit "./protocol.ovk"\n    artikel Looptijd "Looptijd" { lid A: "Tekst." }\n}`,
            'protocol.ovk': protocol,
            // A deelovereenkomst importing both is no part of either: there the name stays ambiguous.
            'deel.ovk': `importeer "./a.ovk"\nimporteer "./b.ovk"\ndeelovereenkomst Deel "Deel" { artikel X "X" { lid A: "Zie [artikel Looptijd]." } }`
        });
        const p = docs['protocol.ovk'];
        expect(withCode(p, 'ref-ambiguous')).toEqual([]);
        const target = (p.references.find(r => r.$refText === 'Looptijd') as Reference).ref!;
        expect(AstUtils.getDocument(target).uri.path).toBe('/ws/b.ovk');
        expect(withCode(docs['deel.ovk'], 'ref-ambiguous').length).toBe(1);
    });
});

describe('ref-malformed and placeholder in brackets', () => {
    test('a mistyped reference kind is an error with a suggestion; [naam] is a placeholder warning', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Zie [artikle Een], getekend door [naam]." }`));
        expect(withCode(d, 'ref-malformed').map(x => show(d, x))).toEqual(['6:37 ref-malformed «[artikle Een]»']);
        expect(String(withCode(d, 'ref-malformed')[0].message)).toContain('[artikel Een]');
        expect(withCode(d, 'placeholder').map(x => show(d, x))).toEqual(['6:66 placeholder «[naam]»']);
    });
    test('escaped brackets are plain text', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Zie \\[sic\\] hierboven." }`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('standard-unknown', () => {
    test('a known standard is silent, an unknown one is a warning on its name', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Berichten volgens [standaard iWmo 3.2 bericht 301] en [standaard iXyz 1]." }`));
        expect((d.diagnostics ?? []).filter(notDefaultOrder).map(x => show(d, x))).toEqual(['6:98 standard-unknown «iXyz»']);
    });
});

describe('ref-relative-invalid', () => {
    test('[vorig lid] in the first lid has no target', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Zie [vorig lid]." lid B: "Zie [volgend lid]." }`));
        expect((d.diagnostics ?? []).map(x => show(d, x))).toEqual([
            '6:37 ref-relative-invalid «[vorig lid]»',
            '6:63 ref-relative-invalid «[volgend lid]»'
        ]);
    });
});

describe('name-duplicate', () => {
    test('two leden with the same name in one artikel; the second is reported with the first as related', async () => {
        const d = await one(doc(`    artikel Een "Een" {
        lid A: "Een."
        lid A: "Twee."
    }`));
        const found = withCode(d, 'name-duplicate');
        expect(found.map(x => show(d, x))).toEqual(['8:13 name-duplicate «A»']);
        expect(found[0].relatedInformation?.[0].location.range.start.line).toBe(6);
    });
    test('the same lid name in two artikelen is fine, as are an artikel and a bijlage with one name', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Een." }
    artikel Tarieven "Tarieven" { lid A: "Zie [bijlage Tarieven]." }
    bijlage Tarieven "Tarieven" extern`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('imports', () => {
    test('an import of a missing file is an error on the path', async () => {
        const d = await one(doc('', 'importeer "./basis.ovk"\n'));
        expect(withCode(d, 'import-unresolved').map(x => show(d, x))).toEqual(['1:11 import-unresolved «"./basis.ovk"»']);
    });
    test('an import that leaves the workspace folder is an error', async () => {
        const { docs, services } = await (async () => {
            const { createServices } = await import('./helpers.js');
            const s = createServices();
            s.Contractspraak.references.DocumentSets.roots = ['file:///ws/set'];
            return buildSet({ 'set/raam.ovk': doc('', 'importeer "../elders.ovk"\n'), 'elders.ovk': 'voorwaarden AIV "AIV" { }' }, s);
        })();
        void services;
        const d = docs['set/raam.ovk'];
        expect(withCode(d, 'import-outside-workspace').map(x => show(d, x))).toEqual(['1:11 import-outside-workspace «"../elders.ovk"»']);
    });
    test('silent for an existing import inside the folder; its names resolve', async () => {
        const { docs } = await buildSet({
            'basis.ovk': 'basisovereenkomst Basis "Basis" { artikel Weigering "Weigering" { lid Zwaar: "Tekst." } }',
            'raam.ovk': doc(`    artikel Een "Een" { lid A: "Zie [lid Weigering.Zwaar] en [artikel Basis.Weigering]." }`, 'importeer "./basis.ovk"\n')
        });
        expect(docs['raam.ovk'].diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('terms', () => {
    const begrippen = `    begrip Resultaatsovereenkomst / Resultaatsovereenkomsten: "de overeenkomst per perceel"
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag"`;
    test('a near-miss spelling of a begrip is a warning with the suggestion', async () => {
        const d = await one(doc(`${begrippen}
    artikel Een "Een" { lid A: "De Resultaatovereenkomst geldt binnen drie Werkdagen voor Resultaatsovereenkomsten." }`));
        const found = withCode(d, 'term-near-miss');
        expect(found.map(x => show(d, x))).toEqual(['8:36 term-near-miss «Resultaatovereenkomst»']);
        expect(found[0].data).toMatchObject({ suggestion: 'Resultaatsovereenkomst' });
    });
    test('an undeclared plural is an info, an unknown {term} an error, an unused begrip a warning', async () => {
        const d = await one(doc(`${begrippen}
    begrip Ongebruikt: "komt nergens voor"
    artikel Een "Een" { lid A: "Binnen drie Werkdagen stuurt de Gemeente {Resultaatsovereenkomst} en {Zorgplan} aan Contractanten." }`));
        expect(withCode(d, 'term-variant-undeclared').map(x => show(d, x))).toEqual(['9:117 term-variant-undeclared «Contractanten»']);
        expect(withCode(d, 'term-undefined').map(x => show(d, x))).toEqual(['9:103 term-undefined «Zorgplan»']);
        expect(withCode(d, 'term-unused').map(x => show(d, x))).toEqual(['8:12 term-unused «Ongebruikt»']);
    });
    test('silent: capitalised words that are no begrip (sentence starts, place names) and used begrippen', async () => {
        const d = await one(doc(`${begrippen}
    artikel Een "Een" { lid A: "De Resultaatsovereenkomst geldt in Raalte en Olst-Wijhe binnen drie Werkdagen. Indien nodig informeert Contractant de Gemeente." }`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
    test('a begrip used only in another document of the set is used', async () => {
        const { docs } = await buildSet({
            'basis.ovk': 'basisovereenkomst Basis "Basis" { begrip Werkdag / Werkdagen: "maandag tot en met vrijdag" }',
            'deel.ovk': 'importeer "./basis.ovk"\ndeelovereenkomst Deel "Deel" { artikel A "A" { lid B: "Binnen drie Werkdagen." } }'
        });
        expect(docs['basis.ovk'].diagnostics!.filter(notDefaultOrder)).toEqual([]);
        expect(docs['deel.ovk'].diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('numbers typed as text', () => {
    const artikelen = `    artikel Een "Een" { lid A: "Tekst." lid B: "Tekst." lid C: "Tekst." lid D: "Tekst." }
    artikel Twee "Twee" { lid A: "Conform artikel 1.4 en artikel 10.4 en lid 2 en lid 3." lid B: "Tekst." }`;
    test('an existing number is a warning with the reference to write; a missing one an error', async () => {
        const d = await one(doc(artikelen));
        expect((d.diagnostics ?? []).map(x => show(d, x))).toEqual([
            '7:43 number-as-text «artikel 1.4»',
            '7:58 number-as-text-unknown «artikel 10.4»',
            '7:74 number-as-text «lid 2»',
            '7:83 number-as-text-unknown «lid 3»'
        ]);
        expect(withCode(d, 'number-as-text').map(x => x.data)).toEqual([{ code: 'number-as-text', replacement: '[lid Een.D]' }, { code: 'number-as-text', replacement: '[lid Twee.B]' }]);
    });
    test('a number whose artikel is about something else than its sentence, while another artikel is about it: stale', async () => {
        const d = await one(doc(`    artikel Nietigheid "Gedeeltelijke nietigheid" { lid A: "Een nietige bepaling tast de rest niet aan." }
    artikel Wijzigingen "Evalueren en wijzigingen" { lid A: "De Gemeente kan de overeenkomst wijzigen." }
    artikel Agenda "Overgangsbepalingen" { lid A: "Dit kan leiden tot aanpassing van deze overeenkomst conform artikel 1." }`));
        expect((d.diagnostics ?? []).filter(notDefaultOrder).map(x => show(d, x))).toEqual(['8:112 number-as-text-stale «artikel 1»']);
        expect(withCode(d, 'number-as-text-stale')[0].message).toBe("'artikel 1' past niet bij de zin: de zin gaat over wijziging, maar artikel 1 "
            + "('Gedeeltelijke nietigheid') niet. Bedoeld is mogelijk artikel 2 ('Evalueren en wijzigingen'); een verouderd nummer na hernummering?");
    });
    test('not stale when the target fits the sentence, when no other artikel does, or when the sentence names no topic', async () => {
        const d = await one(doc(`    artikel Nietigheid "Gedeeltelijke nietigheid" { lid A: "Een nietige bepaling tast de rest niet aan." }
    artikel Wijzigingen "Evalueren en wijzigingen" { lid A: "De Gemeente kan de overeenkomst wijzigen." }
    artikel Agenda "Overgangsbepalingen" { lid A: "Aanpassing conform artikel 2. Opzegging conform artikel 1. Zie artikel 1." }`));
        expect((d.diagnostics ?? []).filter(notDefaultOrder).map(x => show(d, x).split(' ').slice(1, 2)[0])).toEqual(['number-as-text', 'number-as-text', 'number-as-text']);
    });
    test('silent for references, for numbers of other documents and of laws', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Zie [lid Een.B], artikel 18 van de Algemene Inkoopvoorwaarden, artikel 171 lid 2 Gemeentewet en [artikel 7:401 BW]; DOWR artikel 14; artikel 7 en artikel 23 van de Algemene Inkoopvoorwaarden; artikel 10 van de Basisovereenkomst; artikel 393, eerste lid, van Boek 2; artikel 6.1 van de wet." lid B: "Tekst." }`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('pinned numbering', () => {
    test('a gap is a warning on the pin, a duplicate an error', async () => {
        const d = await one(doc(`    artikel Een "Een" {
        lid A: "Tekst."
        lid B nummer 3: "Tekst."
        lid C nummer 3: "Tekst."
    }`));
        expect((d.diagnostics ?? []).map(x => show(d, x))).toEqual([
            '8:22 numbering-gap «3»',
            '9:22 numbering-duplicate «3»'
        ]);
    });
    test('silent when pins continue the sequence', async () => {
        const d = await one(doc(`    artikel Een nummer 1 "Een" { lid A nummer 1: "Tekst." lid B: "Tekst." }
    artikel Twee "Twee" { lid A: "Tekst." }`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('placeholder', () => {
    test('draft residue in prose: xxx, <...>, 201X, an empty Datum:', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "KVK nummer <...> sinds 201X, bedrag xxx euro.
Datum:
" }`));
        expect(withCode(d, 'placeholder').map(x => show(d, x)).sort()).toEqual([
            '6:44 placeholder «<...>»',
            '6:56 placeholder «201X»',
            '6:69 placeholder «xxx»',
            '7:1 placeholder «Datum:»'
        ]);
    });
    test('silent on ordinary text with dates and amounts', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Datum: 1 januari 2021, € 35,48 per uur, 10%." }`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('annex-empty', () => {
    test('a bijlage without content, not external, not loaded from a file', async () => {
        const d = await one(doc(`    bijlage Leidraad "Leidraad meldingen Wmo 2015"`));
        expect(withCode(d, 'annex-empty').map(x => show(d, x))).toEqual(['6:13 annex-empty «Leidraad»']);
    });
    test('silent for external, loaded and filled bijlagen', async () => {
        const { docs } = await buildSet({
            'tarieven.ovk': 'bijlage TarievenDoc "All-in tarieven" { tekst: "De tarieven." }',
            'raam.ovk': doc(`    bijlage Aanbesteding "Aanbestedingsdocumenten" extern
    bijlage Tarieven "All-in tarieven" uit "./tarieven.ovk"
    bijlage Leidraad "Leidraad" { tekst: "Meldingen." }`)
        });
        expect(docs['raam.ovk'].diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('syntax errors', () => {
    test('an ASCII quote inside prose gets the Dutch hint, once', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "hierna te noemen: "contractanten")." }`));
        const errors = withCode(d, 'syntax-error');
        expect(errors.length).toBeGreaterThanOrEqual(1);
        expect(String(errors[0].message)).toContain('Het aanhalingsteken " vóór \'contractanten\' sluit de tekst af');
    });
});

describe('termijn-conflict on a schedule', () => {
    // Seed 004, bijlage 2 lid 4.6: "vier maal per jaar (op 1 april, 1 juli, 1 oktober en op 1 januari)".
    const schedule = (second: string) => doc(`    artikel Klachten "Klachten" {
        lid Rapportage: "Contractant levert vier maal per jaar een rapportage van ontvangen klachten."
            termijn April: Contractant "levert een rapportage van ontvangen klachten" jaarlijks op 1 april
            termijn Juli: Contractant "levert een rapportage van ontvangen klachten" jaarlijks op 1 juli
        ${second}
    }`);
    test('recurring dates of one obligation in one lid are a schedule: silent', async () => {
        const d = await one(schedule(''));
        expect(withCode(d, 'termijn-conflict')).toEqual([]);
    });
    test('the same obligation recurring on another date in another lid is still a conflict', async () => {
        const d = await one(schedule(`lid Elders: "Contractant levert de rapportage jaarlijks op 1 mei."
            termijn Mei: Contractant "levert een rapportage van ontvangen klachten" jaarlijks op 1 mei`));
        expect(withCode(d, 'termijn-conflict').map(x => show(d, x))).toEqual([
            '8:21 termijn-conflict «April»', '9:21 termijn-conflict «Juli»', '11:21 termijn-conflict «Mei»', '11:21 termijn-conflict «Mei»'
        ]);
    });
});

describe('seed 004 (bijlagen 8-10): an ordinal before "lid" and the BW by its full name', () => {
    test('"Derde lid" is no slip of the begrip Derden; "een Derde" still is', async () => {
        const d = await one(doc(`    begrip Derden: "niet zijnde partijen"
    artikel Een "Een" { lid A: "Derden krijgen geen inzage." }
    toelichting: "Derde lid"
    toelichting: "Het derde lid geldt niet voor een Derde die de gegevens al had."`));
        expect(withCode(d, 'term-variant-undeclared').map(x => show(d, x))).toEqual(['9:53 term-variant-undeclared «Derde»']);
    });
    test('[artikel 6:217 Burgerlijk Wetboek] is the BW, as [artikel 6:217 BW]', async () => {
        const d = await one(doc(`    artikel Een "Een" { lid A: "Een aanbod in de zin van [artikel 6:217 Burgerlijk Wetboek] (BW) of [artikel 6:217 BW]." }`));
        expect(d.diagnostics!.filter(notDefaultOrder)).toEqual([]);
    });
});

describe('placeholder in a signature', () => {
    const signed = (fields: string) => doc(`    artikel Een "Een" { lid A: "Tekst." }
    ondertekening "Aldus overeengekomen" {
        namens Raalte "Gemeente Raalte" {
            ${fields}
        }
    }`);
    test('a field written and left empty is a placeholder, on the empty text', async () => {
        const d = await one(signed('naam "" functie "Burgemeester" plaats "" datum ""'));
        expect(withCode(d, 'placeholder').map(x => show(d, x))).toEqual([
            '9:18 placeholder «""»', '9:51 placeholder «""»', '9:60 placeholder «""»'
        ]);
        expect(withCode(d, 'placeholder')[0].message).toBe('Lege naam in de ondertekening namens Raalte; vul die in vóór ondertekening.');
    });
    test('silent for filled fields and for fields not written', async () => {
        const d = await one(signed('naam "J. Jansen" functie "Burgemeester" datum 2021-01-05'));
        expect(withCode(d, 'placeholder')).toEqual([]);
    });
});
