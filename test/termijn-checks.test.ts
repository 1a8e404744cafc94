/**
 * The termijn and looptijd checks (language/checks/termijn-checks.ts, analysis in language/termijnen/): each one
 * triggered (code, severity, the exact text it covers, the dates in its message) and silent on correct input.
 * Rules: termijnen.md §0.4, §1.3–§1.5 (R1.x), §1.4 (BW 6:119b); the cases come from the seeds (000: two
 * ingangsdata and signatures dated before the text; 001: art. 3.2 against 12.3 and 3.4; 002: "twee jaar (van
 * 1 januari 2021 tot en met 31 december 2021)").
 */
import type { LangiumDocument } from 'langium';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Document } from '../language/generated/ast.js';
import { documentCalendar } from '../language/termijnen/index.js';
import { buildSet, describe as show } from './helpers.js';

const TERMIJN_CODES = new Set([
    'termijn-unit-ambiguous', 'termijn-trigger-missing', 'termijn-conflict', 'looptijd-dates-contradict', 'signature-before-text',
    'verlenging-past-uiterste', 'notice-impossible', 'payment-term-too-long', 'calendar-year-uncovered', 'calendar-invalid'
]);

/** The termijn findings of a document as `line:col code «text»`. */
function found(doc: LangiumDocument): string[] {
    return (doc.diagnostics ?? []).filter(d => TERMIJN_CODES.has(String(d.code))).map(d => show(doc, d));
}

/** The termijn diagnostics themselves (two looptijd blocks in one document are also a rangorde slot conflict). */
function mine(doc: LangiumDocument) {
    return (doc.diagnostics ?? []).filter(d => TERMIJN_CODES.has(String(d.code)));
}

function only(doc: LangiumDocument, code: string) {
    const list = (doc.diagnostics ?? []).filter(d => d.code === code);
    expect(list).toHaveLength(1);
    return list[0];
}

const raam = (body: string, meta = '') => `raamovereenkomst Raam "Raamovereenkomst" {
${meta}    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }
${body}
}`;

async function one(text: string): Promise<LangiumDocument> {
    const { docs } = await buildSet({ 'raam.ovk': text });
    const d = docs['raam.ovk'];
    expect(d.parseResult.parserErrors).toEqual([]);
    return d;
}

describe('termijn-unit-ambiguous (R1.3)', () => {
    test('"dagen" without a kind: a warning on the unit saying the calendar counts kalenderdagen', async () => {
        const d = await one(raam(`    artikel Betaling "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen dertig dagen na ontvangst van de factuur."
            gebeurtenis Ontvangst "ontvangst van de factuur" door Gemeente
            termijn Betalen: Gemeente "betaalt" binnen 30 dagen na Ontvangst
        lid Overleg: "Partijen overleggen elke veertien dagen."
            termijn Overleggen: "overleggen" elke 14 dagen
    }`));
        expect(found(d)).toEqual(['9:59 termijn-unit-ambiguous «dagen»', '11:54 termijn-unit-ambiguous «dagen»']);
        const diag = (d.diagnostics ?? []).find(x => x.code === 'termijn-unit-ambiguous')!;
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toBe("'dagen' zegt niet of het om werkdagen of kalenderdagen gaat. De kalender rekent met kalenderdagen (R1.3): "
            + "zaterdagen, zondagen en feestdagen tellen mee, en een einde op zo'n dag schuift niet op, want de Algemene termijnenwet geldt niet "
            + "voor een termijn uit de overeenkomst (R1.7). Schrijf 'kalenderdagen' of 'werkdagen'.");
    });
    test('a statutory termijn in dagen: the warning leaves out the contract-term sentence', async () => {
        const d = await one(raam(`    gebeurtenis Melding "ontvangst van de melding"
    termijn Onderzoek: Gemeente "onderzoekt" uiterlijk 42 dagen na Melding wettelijk`));
        expect(only(d, 'termijn-unit-ambiguous').message).not.toContain('R1.7');
    });
    test('silent for kalenderdagen, werkdagen and weken', async () => {
        const d = await one(raam(`    gebeurtenis Ontvangst "ontvangst van de factuur"
    termijn Betalen: Gemeente "betaalt" binnen 30 kalenderdagen na Ontvangst
    termijn Antwoorden: Gemeente "antwoordt" binnen 10 werkdagen na Ontvangst
    termijn Overleggen: "overleggen" elke 2 weken`));
        expect(found(d)).toEqual([]);
    });
});

describe('termijn-trigger-missing (R1.2, R1.16)', () => {
    // Seed 001 art. 4.3: "binnen drie Werkdagen na dagtekening", encoded without the trigger.
    test('a deadline without an event: a warning on the measure, suggesting the event of the same lid', async () => {
        const d = await one(raam(`    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Contractant meldt een weigering binnen drie werkdagen na dagtekening."
            gebeurtenis Dagtekening "dagtekening van de Dienstverleningsopdracht" door Gemeente
            termijn Weigeren: Contractant "meldt weigering" binnen 3 werkdagen anders "geacht aanvaard"
    }`));
        expect(found(d)).toEqual(['9:61 termijn-trigger-missing «binnen 3 werkdagen»']);
        const diag = only(d, 'termijn-trigger-missing');
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toBe("Termijn 'Weigeren' (binnen 3 werkdagen) zegt niet vanaf wanneer hij loopt, dus er is geen uiterste datum te berekenen. "
            + "Geef de gebeurtenis met 'na …' of 'voor …': een gebeurtenis, 'einde looptijd', 'ingang looptijd' of 'afloop <termijn>' (R1.2, R1.16). "
            + "Hier staat gebeurtenis Dagtekening: bedoelt u '3 werkdagen na Dagtekening'?");
    });
    test('silent with a trigger, for an opzegtermijn (minimaal: it counts from the notice, R1.13), a quality and a recurrence', async () => {
        const d = await one(raam(`    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Contractant meldt een weigering binnen drie werkdagen na dagtekening."
            gebeurtenis Dagtekening "dagtekening van de Dienstverleningsopdracht" door Gemeente
            termijn Weigeren: Contractant "meldt weigering" binnen 3 werkdagen na Dagtekening anders "geacht aanvaard"
            termijn Opzeggen: Contractant "zegt op" minimaal 6 maanden
            termijn Waarschuwen: Contractant "waarschuwt" onverwijld
            termijn Indexatie: Gemeente "indexeert" jaarlijks op 1 januari
            termijn Melden: Contractant "meldt" 5 werkdagen na afloop Weigeren
    }`));
        expect(found(d)).toEqual([]);
    });
});

describe('termijn-conflict', () => {
    test('the same drager and handeling with another measure in the same document: a warning on both, each related to the other', async () => {
        const d = await one(raam(`    gebeurtenis Dagtekening "dagtekening van de opdracht" door Gemeente
    artikel Totstandkoming "Totstandkoming" {
        lid Start: "Contractant start binnen vijf werkdagen."
            termijn Start: Contractant "start de uitvoering" binnen 5 werkdagen na Dagtekening
    }
    artikel Uitvoering "Uitvoering" {
        lid Start: "Contractant start binnen tien werkdagen."
            termijn StartUitvoering: Contractant "start de uitvoering" uiterlijk 10 werkdagen na Dagtekening
    }`, '    ondertekend 2026-04-24\n'));
        expect(found(d)).toEqual(['10:21 termijn-conflict «Start»', '14:21 termijn-conflict «StartUitvoering»']);
        const diag = (d.diagnostics ?? []).find(x => x.code === 'termijn-conflict')!;
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        // Example #1 of termijnen.md §1.6: Koningsdag 2026-04-27 and 5 mei are no werkdagen.
        expect(diag.message).toBe("Termijn 'Start' (binnen 5 werkdagen na Dagtekening) en termijn 'StartUitvoering' in artikel 2.1 (uiterlijk 10 werkdagen "
            + "na Dagtekening) gaan over dezelfde verplichting (Contractant: 'start de uitvoering'), maar met een andere termijn. Valt Dagtekening op "
            + 'vrijdag 2026-04-24, dan is het uiterlijk maandag 2026-05-04 hier en uiterlijk dinsdag 2026-05-12 daar. Maak ze gelijk, of leg vast welke voorgaat.');
        expect(diag.relatedInformation?.map(r => `${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`))
            .toEqual(['14:21 De andere termijn: uiterlijk 10 werkdagen na Dagtekening']);
    });
    test('across documents: the deel and the basis both hear of it', async () => {
        const { docs } = await buildSet({
            'basis.ovk': `basisovereenkomst Basis "Basis" {
    partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }
    gebeurtenis Ontvangst "ontvangst van de declaratie"
    termijn Betalen: Gemeente "betaalt de declaratie" binnen 30 kalenderdagen na Ontvangst
}`,
            'deel.ovk': `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    termijn Betaling: Gemeente "betaalt de declaratie" binnen 14 kalenderdagen na Ontvangst
}`
        });
        expect(found(docs['deel.ovk'])).toEqual(['3:13 termijn-conflict «Betaling»']);
        expect(found(docs['basis.ovk'])).toEqual(['4:13 termijn-conflict «Betalen»']);
        expect(only(docs['basis.ovk'], 'termijn-conflict').message).toContain("termijn 'Betaling' in deelovereenkomst Deel, op documentniveau");
        expect(only(docs['deel.ovk'], 'termijn-conflict').relatedInformation?.[0].location.uri).toBe('file:///ws/basis.ovk');
    });
    test('the same name where the rangorde sees one value but "vóór" excludes the last day', async () => {
        const { docs } = await buildSet({
            'basis.ovk': `basisovereenkomst Basis "Basis" {
    partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }
    gebeurtenis Ontvangst "ontvangst van de declaratie"
    termijn Betalen: Gemeente "betaalt" uiterlijk 30 kalenderdagen na Ontvangst
}`,
            'deel.ovk': `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    termijn Betalen: Gemeente "betaalt" vóór 30 kalenderdagen na Ontvangst
}`
        });
        expect(found(docs['deel.ovk'])).toEqual(['3:13 termijn-conflict «Betalen»']);
        expect(only(docs['deel.ovk'], 'termijn-conflict').message).toContain('(dezelfde naam)');
    });
    test('silent: the same measure in other words (binnen = uiterlijk, dagen = kalenderdagen), other handelingen', async () => {
        const d = await one(raam(`    gebeurtenis Ontvangst "ontvangst van de declaratie"
    termijn Betalen: Gemeente "betaalt de declaratie" binnen 30 kalenderdagen na Ontvangst
    termijn Betaling: Gemeente "betaalt de declaratie" uiterlijk 30 kalenderdagen na Ontvangst
    termijn Antwoorden: Gemeente "antwoordt" binnen 10 werkdagen na Ontvangst`));
        expect(found(d)).toEqual([]);
    });
    test('silent when the deel says it derogates, and for the same name with another value (the rangorde reports that slot)', async () => {
        const basis = `basisovereenkomst Basis "Basis" {
    partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }
    gebeurtenis Ontvangst "ontvangst van de declaratie"
    artikel Betaling "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen dertig kalenderdagen."
            termijn Betalen: Gemeente "betaalt de declaratie" binnen 30 kalenderdagen na Ontvangst
    }
}`;
        const { docs } = await buildSet({
            'basis.ovk': basis,
            'deel.ovk': `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    rangorde: deze > Basis
    artikel Betaling "Betaling" {
        lid Termijn: "In afwijking van de Basisovereenkomst betaalt de Gemeente binnen veertien kalenderdagen."
            afwijking van Basis.Betaling
            termijn Snelbetalen: Gemeente "betaalt de declaratie" binnen 14 kalenderdagen na Ontvangst
            termijn Betalen: Gemeente "betaalt de declaratie" binnen 14 kalenderdagen na Ontvangst
    }
}`
        });
        expect(found(docs['deel.ovk'])).toEqual([]);
        expect(found(docs['basis.ovk'])).toEqual([]);
        expect((docs['basis.ovk'].diagnostics ?? []).map(x => x.code)).toContain('slot-conflict-resolved');
    });
});

describe('looptijd-dates-contradict (R1.14)', () => {
    // Seed 002 art. 3.2: "verlengen met een periode van twee jaar (van 1 januari 2021 tot en met 31 december 2021)".
    test('a duur that does not fit ingang and einde: an error on the duur, with both dates related', async () => {
        const d = await one(raam(`    artikel Duur "Duur" {
        lid Verlenging: "Gemeente kan de Deelovereenkomst verlengen met een periode van twee jaar (van 1 januari 2021 tot en met 31 december 2021)."
            looptijd { ingang 2021-01-01 einde 2021-12-31 duur 2 jaren }
    }`));
        expect(found(d)).toEqual(['8:64 looptijd-dates-contradict «2 jaren»']);
        const diag = only(d, 'looptijd-dates-contradict');
        expect(diag.severity).toBe(DiagnosticSeverity.Error);
        expect(diag.message).toBe('Een duur van 2 jaren ingaande vrijdag 2021-01-01 loopt tot en met zaterdag 2022-12-31 (R1.14), maar de einddatum is '
            + 'vrijdag 2021-12-31: van 2021-01-01 tot en met 2021-12-31 is 1 jaar.');
        expect(diag.relatedInformation?.map(r => r.message)).toEqual(['De einddatum: 2021-12-31', 'De ingangsdatum: 2021-01-01']);
    });
    // Seed 000: "gaat in op 31 december 2018" on the cover, "ingaande op 9 juli 2014" in art. 3.1.
    test('two ingangsdata: an error on each, the other related', async () => {
        const d = await one(raam(`    tekst: "Deze Ontwikkelovereenkomst gaat in op 31 december 2018."
        looptijd { ingang 2018-12-31 }
    artikel Looptijd "Looptijd" {
        lid Onbepaald: "Partijen sluiten deze Overeenkomst voor onbepaalde tijd, ingaande op 9 juli 2014."
            looptijd { ingang 2014-07-09 onbepaald }
    }`));
        expect(found(d)).toEqual(['7:27 looptijd-dates-contradict «2018-12-31»', '10:31 looptijd-dates-contradict «2014-07-09»']);
        expect(mine(d)[0].message).toBe('Twee ingangsdata voor dezelfde looptijd: 2018-12-31 hier en 2014-07-09 in artikel 1.1. Houd er één aan.');
        expect(mine(d)[1].message).toBe('Twee ingangsdata voor dezelfde looptijd: 2014-07-09 hier en 2018-12-31 bovenaan het document. Houd er één aan.');
    });
    test('einde before ingang, a date that does not exist, and an uiterste einde before the first end', async () => {
        const d = await one(raam(`    looptijd { ingang 2021-01-01 einde 2020-12-31 }
    artikel A "A" { lid B: "b"
        looptijd { einde 2021-02-30 uiterste einde 2019-01-01 } }`));
        expect(found(d)).toEqual([
            '6:40 looptijd-dates-contradict «2020-12-31»',
            '8:26 looptijd-dates-contradict «2021-02-30»',
            '8:52 looptijd-dates-contradict «2019-01-01»'
        ]);
        expect(mine(d).map(x => x.message)).toEqual([
            'De einddatum donderdag 2020-12-31 ligt vóór de ingangsdatum vrijdag 2021-01-01.',
            'De einddatum 2021-02-30 bestaat niet.',
            'De uiterste einddatum dinsdag 2019-01-01 ligt vóór de ingangsdatum vrijdag 2021-01-01.'
        ]);
    });
    test('silent when duur and dates agree, also at a month end (R1.14: 2025-01-31 + 1 maand = 2025-02-28)', async () => {
        const d = await one(raam(`    looptijd { ingang 2021-01-01 einde 2024-12-31 duur 4 jaren uiterste einde 2028-12-31 }
    artikel A "A" { lid B: "b"
        looptijd { ingang 2021-01-01 einde 2024-12-31 } }`));
        expect(found(d)).toEqual([]);
        const e = await one(raam('    looptijd { ingang 2025-01-31 einde 2025-02-28 duur 1 maand }'));
        expect(found(e)).toEqual([]);
    });
});

describe('signature-before-text', () => {
    // Seed 000: "Datum: 31 december 2018" on the agreement, signatures dated 21/1/14 and 10/1/14.
    test('a signature dated before the text was adopted: an error on the date, the vastgesteld date related', async () => {
        const d = await one(raam(`    ondertekening {
        namens Gemeente { datum 2014-01-21 }
        namens Contractant { datum 2019-01-10 }
    }`, '    vastgesteld 2018-12-31\n'));
        expect(found(d)).toEqual(['8:33 signature-before-text «2014-01-21»']);
        const diag = only(d, 'signature-before-text');
        expect(diag.severity).toBe(DiagnosticSeverity.Error);
        expect(diag.message).toBe('De handtekening namens Gemeente is gedateerd dinsdag 2014-01-21, vóór de datum waarop de tekst is vastgesteld '
            + '(maandag 2018-12-31): niemand kan een tekst tekenen die nog niet bestond. Controleer beide data.');
        expect(diag.relatedInformation?.[0].location.range.start.line).toBe(1);
    });
    test('the ondertekend date before vastgesteld is the same error', async () => {
        const d = await one(raam('', '    vastgesteld 2018-12-31\n    ondertekend 2018-06-01\n'));
        expect(found(d)).toEqual(['3:17 signature-before-text «2018-06-01»']);
    });
    test('silent when every signature is dated on or after the text, or the text has no date', async () => {
        const d = await one(raam(`    ondertekening {
        namens Gemeente { datum 2018-12-31 }
        namens Contractant { datum 2019-01-10 }
    }`, '    vastgesteld 2018-12-31\n'));
        expect(found(d)).toEqual([]);
        const e = await one(raam(`    ondertekening { namens Gemeente { datum 2014-01-21 } }`));
        expect(found(e)).toEqual([]);
    });
});

describe('verlenging-past-uiterste (R1.15)', () => {
    // Seed 001 art. 3.2 ends "in ieder geval van rechtswege" on 31 December 2028; art. 3.4 adds up to six months.
    test('an extra extension after the last period runs past the uiterste einde', async () => {
        const d = await one(raam(`    artikel Duur "Duur" {
        lid Verlenging: "Verlenging."
            looptijd {
                ingang 2021-01-01
                einde 2024-12-31
                verlenging stilzwijgend 2 x 2 jaren
                uiterste einde 2028-12-31
            }
        lid Continuiteit: "Eenmalig te verlengen met maximaal zes maanden."
            verlenging optie 1 x 6 maanden door Gemeente
    }`));
        expect(found(d)).toEqual(['15:13 verlenging-past-uiterste «verlenging optie 1 x 6 maanden door Gemeente»']);
        const diag = only(d, 'verlenging-past-uiterste');
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toBe('Deze verlenging kan de overeenkomst laten doorlopen tot zaterdag 2029-06-30: 6 maanden na het einde van de laatste '
            + 'periode (zondag 2028-12-31), terwijl de overeenkomst uiterlijk op zondag 2028-12-31 eindigt (artikel 1.1) (R1.15). Zeg welke bepaling '
            + 'voorgaat, of sluit deze verlenging na de laatste periode uit.');
        expect(diag.relatedInformation?.[0].message).toBe('De uiterste einddatum: 2028-12-31');
    });
    test('renewals that run past it: a warning on the verlenging naming the period and its end', async () => {
        const d = await one(raam(`    looptijd {
        ingang 2021-01-01
        einde 2024-12-31
        verlenging stilzwijgend 3 x 2 jaren
        uiterste einde 2028-12-31
    }`));
        expect(found(d)).toEqual(['9:9 verlenging-past-uiterste «verlenging stilzwijgend 3 x 2 jaren»']);
        expect(only(d, 'verlenging-past-uiterste').message).toBe('verlenging 3 loopt tot dinsdag 2030-12-31, na de uiterste einddatum zondag 2028-12-31. '
            + 'De perioden eindigen op 2026-12-31, 2028-12-31, 2030-12-31 (R1.15). Beperk het aantal of de duur van de verlengingen, of verschuif de uiterste einddatum.');
    });
    test('silent when the renewals end exactly on the uiterste einde (termijnen.md §1.6 #16)', async () => {
        const d = await one(raam(`    looptijd {
        ingang 2021-01-01
        einde 2024-12-31
        verlenging stilzwijgend 2 x 2 jaren, tenzij Gemeente opzegt 4 maanden voor einde
        uiterste einde 2028-12-31
    }`));
        expect(found(d)).toEqual([]);
    });
});

describe('notice-impossible (R1.12, R1.13, R1.15)', () => {
    // Seed 001: art. 3.2 lets the gemeente stop the renewal until 4 months before the end; art. 12.3 (and 2.2) make the
    // contractant give 6 months' notice, also "in het geval van een verlenging".
    const looptijd = (contractant: string, door = 'Contractant') => raam(`    artikel Duur "Duur" {
        lid Verlenging: "Stilzwijgend verlengd tenzij de gemeente minimaal 4 maanden voor de afloop aangeeft niet te verlengen."
            looptijd {
                ingang 2021-01-01
                einde 2024-12-31
                verlenging stilzwijgend 2 x 2 jaren, tenzij Gemeente opzegt 4 maanden voor einde
                uiterste einde 2028-12-31
                opzegging door ${door} opzegtermijn minimaal ${contractant} vorm "aangetekende brief"
            }
    }`);
    test('the contractant must give notice before it knows whether the agreement is renewed: a warning with the dates', async () => {
        const d = await one(looptijd('6 maanden'));
        expect(found(d)).toEqual(['13:66 notice-impossible «6 maanden»']);
        const diag = only(d, 'notice-impossible');
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toBe('Contractant kan met een opzegtermijn van 6 maanden niet op tijd reageren op een verlenging: Gemeente kan tot en met '
            + 'zaterdag 2024-08-31 laten weten dat de overeenkomst na dinsdag 2024-12-31 niet wordt verlengd (4 maanden vóór het einde), maar '
            + 'Contractant moet al uiterlijk zondag 2024-06-30 opzeggen om per 2024-12-31 te eindigen — vóórdat zij weet of er verlengd wordt. '
            + 'Zegt Contractant op zodra de verlenging vaststaat (ontvangst 2024-09-01), dan eindigt de overeenkomst pas op zaterdag 2025-03-01, '
            + 'in de verlengde periode. (R1.12, R1.13, R1.15.) Maak de opzegtermijn van Contractant niet langer dan die van Gemeente, of laat '
            + 'Gemeente eerder beslissen.');
        expect(diag.relatedInformation?.map(r => `${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`))
            .toEqual(['11:77 Gemeente beslist tot 4 maanden vóór het einde: uiterlijk 2024-08-31']);
    });
    test('silent when the opzegtermijn is not longer, and for the party that decides on the renewal itself', async () => {
        expect(found(await one(looptijd('3 maanden')))).toEqual([]);
        expect(found(await one(looptijd('4 maanden')))).toEqual([]);
        expect(found(await one(looptijd('6 maanden', 'Gemeente')))).toEqual([]);
    });
});

describe('payment-term-too-long (BW 6:119a/6:119b, termijnen.md §1.4)', () => {
    const betaling = (maat: string, drager = 'Gemeente') => raam(`    gebeurtenis Ontvangst "ontvangst van de factuur"
    termijn Betalen: ${drager} "betaalt de factuur" ${maat} na Ontvangst`);
    test('more than 60 days: an error citing art. 6:119b lid 5 BW', async () => {
        const d = await one(betaling('binnen 90 kalenderdagen'));
        expect(found(d)).toEqual(['7:52 payment-term-too-long «binnen 90 kalenderdagen na Ontvangst»']);
        const diag = only(d, 'payment-term-too-long');
        expect(diag.severity).toBe(DiagnosticSeverity.Error);
        expect(diag.message).toBe("Termijn 'Betalen' geeft Gemeente binnen 90 kalenderdagen na Ontvangst om te betalen. Een overheidsinstantie mag als "
            + 'schuldenaar nooit een betalingstermijn van meer dan 60 dagen na ontvangst van de factuur afspreken (art. 6:119b lid 5 BW; termijnen.md §1.4). '
            + 'Dat is dwingend recht en gaat voor de overeenkomst (R5.3 stap 1).');
    });
    test('two months can be 62 days: also an error, with the longest span', async () => {
        const d = await one(betaling('binnen 2 maanden'));
        expect(only(d, 'payment-term-too-long').message).toContain('binnen 2 maanden na Ontvangst (dat is tot 62 kalenderdagen) om te betalen');
    });
    test('31 to 60 days: a warning that it needs an explicit agreement and an objective justification', async () => {
        const d = await one(betaling('binnen 45 kalenderdagen'));
        const diag = only(d, 'payment-term-too-long');
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toBe("Termijn 'Betalen' geeft Gemeente binnen 45 kalenderdagen na Ontvangst om te betalen: langer dan de 30 dagen van "
            + 'art. 6:119b BW. Een langere termijn (hoogstens 60 dagen) mag alleen als hij uitdrukkelijk is overeengekomen en objectief gerechtvaardigd '
            + 'is (art. 6:119b lid 5 BW; termijnen.md §1.4, §3.4).');
        // 30 werkdagen are six weeks and more: around Easter, Koningsdag, 5 mei and Hemelvaart up to 52 calendar days.
        expect(only(await one(betaling('binnen 30 werkdagen')), 'payment-term-too-long').message).toContain('(dat is tot 52 kalenderdagen)');
    });
    test('silent at 30 days, and when the contractant pays', async () => {
        expect(found(await one(betaling('binnen 30 kalenderdagen')))).toEqual([]);
        expect(found(await one(betaling('binnen 90 kalenderdagen', 'Contractant')))).toEqual([]);
    });
});

describe('calendar-year-uncovered (R1.10)', () => {
    test('a werkdagen termijn from the looptijd in a year without KB data: the core\'s warning', async () => {
        const d = await one(raam(`    looptijd {
        ingang 2027-01-01
        einde 2030-12-31
    }
    termijn Melden: Gemeente "meldt het einde" uiterlijk 10 werkdagen voor einde looptijd`));
        const diag = only(d, 'calendar-year-uncovered');
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toContain('Voor 2030 is geen Koninklijk Besluit met gelijkgestelde dagen (art. 3 lid 3 Atw) bekend');
        expect(diag.message).toContain('termijn Melden');
    });
    test('silent for a contract term in months: its date never moves, so KB days cannot change it (R1.7)', async () => {
        const d = await one(raam(`    looptijd {
        ingang 2027-01-01
        einde 2030-12-31
        verlenging stilzwijgend 1 x 2 jaren, tenzij Gemeente opzegt 4 maanden voor einde
    }`));
        expect(found(d)).toEqual([]);
    });
    test('silent when every computed date falls in 2023–2028', async () => {
        const d = await one(raam(`    looptijd {
        ingang 2025-01-01
        einde 2026-12-31
        verlenging stilzwijgend 1 x 2 jaren, tenzij Gemeente opzegt 4 maanden voor einde
    }`));
        expect(found(d)).toEqual([]);
    });
});

describe('calendar-invalid and declared calendars (R1.10)', () => {
    test('an unknown calendar name, and a declared day that is no feestdag of the base: errors, atw is used', async () => {
        const d = await one(raam('', '    kalender regio\n'));
        expect(found(d)).toEqual(['2:14 calendar-invalid «regio»']);
        expect(only(d, 'calendar-invalid').message).toContain("Kalender 'regio' bestaat niet; kies atw, atw-zonder-kb of cao-lustrum");
        const e = await one(raam('', '    kalender Regio volgens atw { werkdag sinterklaas }\n'));
        expect(found(e)).toEqual(['2:14 calendar-invalid «Regio»']);
    });
    test('silent for a built-in name and a valid declaration, which closes its days', async () => {
        expect(found(await one(raam('', '    kalender atw_zonder_kb\n')))).toEqual([]);
        // The built-in names as termijnen.md spells them (R1.10), hyphens and all.
        for (const name of ['atw-zonder-kb', 'cao-lustrum']) {
            const named = await one(raam('', `    kalender ${name}\n`));
            expect(named.parseResult.parserErrors).toEqual([]);
            expect(found(named)).toEqual([]);
            expect(documentCalendar(named.parseResult.value as Document).calendar.id).toBe(name);
        }
        // cao-lustrum: 5 May is a werkdag outside the lustrum years (R1.10); 2026 is not one.
        const cao = documentCalendar((await one(raam('', '    kalender cao-lustrum\n'))).parseResult.value as Document).calendar;
        expect(cao.isWorkday(Temporal.PlainDate.from('2026-05-05'))).toBe(true);
        expect(found(await one(raam('', '    kalender atw-zonder\n')))).toEqual(['2:14 calendar-invalid «atw-zonder»']);
        const d = await one(raam('', '    kalender Regio volgens atw { gesloten 24 december "Kerstavond" werkdag bevrijdingsdag }\n'));
        expect(found(d)).toEqual([]);
        const calendar = documentCalendar(d.parseResult.value as Document).calendar;
        expect(calendar.id).toBe('Regio');
        expect(calendar.nonWorkingReason(Temporal.PlainDate.from('2026-12-24'))).toBe('Kerstavond');
        expect(calendar.isWorkday(Temporal.PlainDate.from('2026-05-05'))).toBe(true);
    });
});
