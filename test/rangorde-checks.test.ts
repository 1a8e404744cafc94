/**
 * The rangorde checks (language/checks/rangorde-checks.ts) on small document sets: each one triggered (code,
 * severity, the exact text it covers) and silent on correct input. Rules: termijnen.md §5, R5.1–R5.5.
 */
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { extractSet } from '../language/rangorde/extract.js';
import { buildSet, describe as show } from './helpers.js';

const RANGORDE_CODES = new Set([
    'rangorde-unplaced', 'rangorde-duplicate', 'rangorde-cycle', 'rangorde-opposite', 'rangorde-claim-conflict',
    'rangorde-default-used', 'slot-conflict-resolved', 'slot-conflict-unresolved', 'deel-not-open',
    'deel-contradicts-binding', 'conditions-rejected', 'battle-of-forms'
]);

/** The rangorde findings of a document as `line:col code «text»`; the input must be otherwise clean. */
function found(doc: LangiumDocument): string[] {
    expect((doc.diagnostics ?? []).filter(d => !RANGORDE_CODES.has(String(d.code))).map(d => show(doc, d))).toEqual([]);
    return (doc.diagnostics ?? []).filter(d => RANGORDE_CODES.has(String(d.code))).map(d => show(doc, d));
}

function only(doc: LangiumDocument, code: string) {
    const list = (doc.diagnostics ?? []).filter(d => d.code === code);
    expect(list).toHaveLength(1);
    return list[0];
}

const partijen = `    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }`;

describe('rangorde-unplaced (R5.1)', () => {
    const raam = (rangorde: string) => `raamovereenkomst Raam "Raam" {
    bijlage Tarieven "All-in tarieven" extern
    bijlage Leidraad "Leidraad meldingen" extern
    rangorde: ${rangorde}
}`;
    test('a bijlage the rangorde does not place: a warning on the rangorde, the bijlage as related', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze > Tarieven') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['4:5 rangorde-unplaced «rangorde»']);
        const diag = only(d, 'rangorde-unplaced');
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toBe("De rangorde van raamovereenkomst Raam plaatst bijlage Leidraad niet; bij strijdigheid is dan niet te bepalen wat voorgaat. "
            + "Neem haar op, bijvoorbeeld met 'bijlagen'.");
        expect(diag.relatedInformation?.[0].location.range.start).toEqual({ line: 2, character: 12 });
    });
    test('silent when `bijlagen` places them all', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze > bijlagen') });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
    });
});

describe('rangorde-duplicate', () => {
    // Seed 004 art. 3.4: "de Deelovereenkomst en de bijlagen; de Basisovereenkomst; de Algemene inkoopvoorwaarden",
    // while the inkoopvoorwaarden are bijlage 8.
    const deel = (rangorde: string) => `importeer "./basis.ovk"
deelovereenkomst Deel "Deelovereenkomst" {
    bijlage AIV "Algemene inkoopvoorwaarden" extern
    rangorde: ${rangorde}
}`;
    const basis = 'basisovereenkomst Basis "Basisovereenkomst" { }';
    test('a bijlage placed through `bijlagen` and again by name: an error on the second place', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis, 'deel.ovk': deel('deze = bijlagen > Basis > AIV') });
        const d = docs['deel.ovk'];
        expect(found(d)).toEqual(['4:41 rangorde-duplicate «AIV»']);
        const diag = only(d, 'rangorde-duplicate');
        expect(diag.severity).toBe(DiagnosticSeverity.Error);
        expect(diag.message).toContain("Bijlage AIV staat twee keer in de rangorde van deelovereenkomst Deel: eerst via 'bijlagen', hier opnieuw als bijlage AIV.");
        expect(diag.relatedInformation?.[0].location.range.start).toEqual({ line: 3, character: 21 });
    });
    test('silent when each document has one place', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis, 'deel.ovk': deel('deze = bijlagen > Basis') });
        expect(docs['deel.ovk'].diagnostics).toEqual([]);
    });
});

describe('rangorde-cycle', () => {
    const raam = (rangorde: string) => `raamovereenkomst Raam "Raam" {
    bijlage Tarieven "All-in tarieven" extern
    bijlage Leidraad "Leidraad meldingen" extern
    rangorde: ${rangorde}
}`;
    test('within one document: both chains of the cycle, with the path', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze > Tarieven > Leidraad; Leidraad > Tarieven') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['4:15 rangorde-cycle «deze > Tarieven > Leidraad»', '4:43 rangorde-cycle «Leidraad > Tarieven»']);
        expect(d.diagnostics![0].message).toBe('De rangorde draait rond binnen raamovereenkomst Raam: bijlage Leidraad > bijlage Tarieven > bijlage Leidraad '
            + '(de rangorde van raamovereenkomst Raam). Dan gaat geen van deze documenten voor; haal een van de schakels weg.');
    });
    test('across the set: a bijlage that puts itself above its raamovereenkomst closes the circle', async () => {
        const { docs } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {
    bijlage Tarieven "All-in tarieven" extern
    bijlage Leidraad "Leidraad meldingen" uit "./leidraad.ovk"
    rangorde: deze > Tarieven > Leidraad
}`,
            'leidraad.ovk': `bijlagedocument LeidraadDoc "Leidraad meldingen" {
    rangorde: deze > Raam
}`
        });
        expect(found(docs['raam.ovk'])).toEqual(['4:15 rangorde-cycle «deze > Tarieven > Leidraad»']);
        expect(found(docs['leidraad.ovk'])).toEqual(['2:15 rangorde-cycle «deze > Raam»']);
        expect(docs['raam.ovk'].diagnostics![0].message).toContain('over de documenten van de set: raamovereenkomst Raam > bijlage Tarieven > bijlage Leidraad > raamovereenkomst Raam '
            + '(de rangorde van raamovereenkomst Raam; de rangorde van bijlage Leidraad)');
        expect(docs['raam.ovk'].diagnostics![0].relatedInformation?.[0].location.uri).toBe('file:///ws/leidraad.ovk');
    });
    test('silent on a chain that goes one way', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze > Tarieven > Leidraad') });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
    });
});

describe('rangorde-opposite', () => {
    const basis = `basisovereenkomst Basis "Basisovereenkomst" {
    voorwaarden AIV "Algemene inkoopvoorwaarden" extern
    rangorde: deze > AIV
}`;
    const deel = (rangorde: string) => `importeer "./basis.ovk"
deelovereenkomst Deel "Deelovereenkomst" {
    rangorde: ${rangorde}
}`;
    test('two documents declare opposite orders: an error on both, though the basis does not see the deel', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis, 'deel.ovk': deel('deze > AIV > Basis') });
        expect(found(docs['basis.ovk'])).toEqual(['3:15 rangorde-opposite «deze > AIV»']);
        expect(found(docs['deel.ovk'])).toEqual(['3:15 rangorde-opposite «deze > AIV > Basis»']);
        const diag = only(docs['deel.ovk'], 'rangorde-opposite');
        expect(diag.message).toBe('De rangorde van deelovereenkomst Deel plaatst voorwaarden AIV boven basisovereenkomst Basis, maar de rangorde van '
            + 'basisovereenkomst Basis plaatst basisovereenkomst Basis boven voorwaarden AIV. De documenten van de set spreken elkaar tegen; welke '
            + 'voorgaat is zo niet te bepalen. Maak beide rangordes gelijk.');
        expect(diag.relatedInformation?.[0].location.uri).toBe('file:///ws/basis.ovk');
    });
    test('silent when they agree', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis, 'deel.ovk': deel('deze > Basis > AIV') });
        expect(docs['basis.ovk'].diagnostics).toEqual([]);
        expect(docs['deel.ovk'].diagnostics).toEqual([]);
    });
});

describe('rangorde-claim-conflict', () => {
    // Seed 001: art. 1.4 lets the Overeenkomst prevail over the annexen; art. 2.2 lets the programma van eisen
    // in annex 1 deviate "van al het overige".
    const raam = (rangorde: string) => `raamovereenkomst Raam "Raam" {
    bijlage Aanbesteding "Aanbestedingsdocumenten" extern
    artikel Onderwerp "Onderwerp" {
        lid Rangorde: "Bij strijdigheid prevaleren de bepalingen van de Overeenkomst."
            rangorde: ${rangorde}
    }
    artikel Uitvoering "Uitvoeringsvoorwaarden" {
        lid Flexibel: "Het programma van eisen kan in afwijking van al het overige worden aangepast."
            voorrang Aanbesteding boven alles
    }
}`;
    test('a voorrang clause against the declared order: an error on the clause, the rangorde as related', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze > bijlagen') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['9:13 rangorde-claim-conflict «voorrang Aanbesteding boven alles»']);
        const diag = only(d, 'rangorde-claim-conflict');
        expect(diag.message).toBe('Deze bepaling geeft bijlage Aanbesteding voorrang boven alles, maar dat gaat in tegen de rangorde: raamovereenkomst Raam '
            + 'boven bijlage Aanbesteding (de rangorde van raamovereenkomst Raam, artikel 1.1). Een bepaling kan zich niet boven de verklaarde rangorde '
            + 'plaatsen; pas de rangorde aan of beperk de voorrang.');
        expect(diag.relatedInformation?.[0].location.range.start).toEqual({ line: 4, character: 22 });
    });
    test('silent when the rangorde gives the bijlage that place', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('Aanbesteding > deze') });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
    });

    const derogating = (exception: string) => `raamovereenkomst Raam "Raam" {
    rangorde: deze > bijlagen${exception}
    artikel Betaling "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen dertig dagen."
    }
    bijlage Protocol "Declaratieprotocol" {
        artikel Declaratie "Declaratie" {
            lid Afwijkend: "In afwijking van de Overeenkomst gelden de volgende regels."
                afwijking van Betaling.Termijn
        }
    }
}`;
    test('a derogation from a higher document the rangorde does not allow to derogate (R5.3 step 2)', async () => {
        const { docs } = await buildSet({ 'raam.ovk': derogating('') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['9:17 rangorde-claim-conflict «afwijking van Betaling.Termijn»']);
        expect(only(d, 'rangorde-claim-conflict').message).toContain('Bijlage Protocol wijkt hier af van raamovereenkomst Raam artikel 1.1, maar de rangorde '
            + 'plaatst raamovereenkomst Raam hoger (raamovereenkomst Raam boven bijlage Protocol (de rangorde van raamovereenkomst Raam)) en staat geen afwijking toe (R5.3 stap 2).');
    });
    test('silent when the rangorde makes the exception', async () => {
        const { docs } = await buildSet({ 'raam.ovk': derogating(' tenzij uitdrukkelijk bijlagen afwijkt van deze') });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
    });
});

describe('rangorde-default-used (R5.1)', () => {
    test('a document without a rangorde that brings in others: an information on its name, with the default order', async () => {
        const { docs } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {
    bijlage Tarieven "All-in tarieven" extern
    voorwaarden AIV "Algemene inkoopvoorwaarden" extern
}`
        });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['1:18 rangorde-default-used «Raam»']);
        const diag = only(d, 'rangorde-default-used');
        expect(diag.severity).toBe(DiagnosticSeverity.Information);
        expect(diag.message).toBe('Raamovereenkomst Raam heeft geen rangorde; daarom geldt de standaardvolgorde (R5.1, termijnen.md §5.1): '
            + "raamovereenkomst Raam > bijlage Tarieven > voorwaarden AIV. Leg de rangorde vast met 'rangorde: …' als partijen iets anders bedoelen.");
    });
    test('silent for a document that declares its rangorde, and for one that brings nothing in', async () => {
        const { docs } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {
    bijlage Tarieven "All-in tarieven" extern
    voorwaarden AIV "Algemene inkoopvoorwaarden" extern
    rangorde: deze > Tarieven > AIV
}`,
            'los.ovk': 'overeenkomst Los "Losse overeenkomst" { }'
        });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
        expect(docs['los.ovk'].diagnostics).toEqual([]);
    });
});

describe('slot-conflict-resolved and slot-conflict-unresolved (R5.2, R5.3, R5.5)', () => {
    const raam = (rangorde: string, bedrag: string) => `raamovereenkomst Raam "Raam" {
    vastgesteld 2020-12-01
    voorwaarden AIV "Algemene inkoopvoorwaarden" extern
    rangorde: ${rangorde} > AIV
    artikel Tarieven "Tarieven" {
        lid AllIn: "Het tarief voor hulp bij het huishouden is € 35,48 per uur."
            tarief HH: "Hulp bij het huishouden" € 35,48 per uur
    }
    bijlage Bedragen "All-in tarieven" {
        tarief HH: "Hulp bij het huishouden" ${bedrag} per uur exclusief btw
    }
}`;
    test('resolved by rank: an information on the provision that gives way, naming the winner and the step', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze > bijlagen', '€ 36,00') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['10:16 slot-conflict-resolved «HH»']);
        const diag = only(d, 'slot-conflict-resolved');
        expect(diag.severity).toBe(DiagnosticSeverity.Information);
        expect(diag.message).toBe("Tarief 'HH' krijgt in raamovereenkomst Raam (artikel 1.1) een andere waarde: € 35,48 per uur in plaats van € 36,00 per uur hier. "
            + 'Die bepaling gaat voor (R5.3 stap 3, hogere rang: raamovereenkomst Raam boven bijlage Bedragen (de rangorde van raamovereenkomst Raam)).');
        expect(diag.relatedInformation?.[0].location.range.start).toEqual({ line: 6, character: 19 });
    });
    test('unresolved at equal rank without a later date: an error on both, with the "more specific" hint only', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze = bijlagen', '€ 36,00') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['7:20 slot-conflict-unresolved «HH»', '10:16 slot-conflict-unresolved «HH»']);
        const [first] = (d.diagnostics ?? []).filter(x => x.code === 'slot-conflict-unresolved');
        expect(first.severity).toBe(DiagnosticSeverity.Error);
        expect(first.message).toBe("Tarief 'HH' is hier € 35,48 per uur, maar in bijlage Bedragen € 36,00 per uur; de rangorde beslist niet welke voorgaat "
            + '(R5.3 stap 5: gelijke rang volgens de rangorde van raamovereenkomst Raam en geen latere datum). Bijlage Bedragen is specifieker dan '
            + "raamovereenkomst Raam, maar dat beslist niet vanzelf (geen lex specialis, HR 13 juni 2003, Vos/Heipro); leg het vast in de rangorde of met "
            + "'afwijking van'. Maak de waarden gelijk of leg vast welke voorgaat.");
        expect(first.relatedInformation?.[0].location.range.start).toEqual({ line: 9, character: 15 });
    });
    test('silent when both give the same amount (written differently)', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('deze = bijlagen', '€35,48') });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
    });
});

describe('deel-not-open and deel-contradicts-binding (raam→deel)', () => {
    const basis = (marker: string) => `basisovereenkomst Basis "Basisovereenkomst" {
    gebeurtenis Ontvangst "ontvangst van de factuur"
    artikel Betaaltermijn${marker} "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen dertig dagen."
            termijn Betaling: Gemeente "betaalt" binnen 30 kalenderdagen na Ontvangst
    }
${partijen}
}`;
    const deel = (dagen: number, afwijking = '') => `importeer "./basis.ovk"
deelovereenkomst Deel "Deelovereenkomst" {
    rangorde: Basis > deze
    artikel Betaling "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen veertien dagen."
            termijn Betaling: Gemeente "betaalt" binnen ${dagen} kalenderdagen na Ontvangst${afwijking}
    }
}`;
    test('the deel sets a termijn the basis fixes, without `open` or an explicit derogation: a warning', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis(''), 'deel.ovk': deel(14) });
        const d = docs['deel.ovk'];
        expect(found(d)).toEqual(['6:21 slot-conflict-resolved «Betaling»', '6:21 deel-not-open «Betaling»']);
        const diag = only(d, 'deel-not-open');
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toBe("Deelovereenkomst Deel regelt termijn 'Betaling' anders (binnen 14 kalenderdagen na Ontvangst) dan basisovereenkomst Basis (artikel 1.1) "
            + "(binnen 30 kalenderdagen na Ontvangst), terwijl basisovereenkomst Basis dit punt niet 'open' laat. Markeer het artikel of lid daar als 'open', of schrijf hier "
            + "uitdrukkelijk 'afwijking van …'.");
        expect(diag.relatedInformation?.[0].location.uri).toBe('file:///ws/basis.ovk');
    });
    test('silent when the basis leaves the point open: the deel fills it (R5.3 step 2) and the basis hears it gives way', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis(' open'), 'deel.ovk': deel(14) });
        expect(docs['deel.ovk'].diagnostics).toEqual([]);
        expect(found(docs['basis.ovk'])).toEqual(['5:21 slot-conflict-resolved «Betaling»']);
        expect(docs['basis.ovk'].diagnostics![0].message).toContain('R5.3 stap 2, uitdrukkelijke wijziging of afwijking: basisovereenkomst Basis laat dit punt open (artikel 1) voor de deelovereenkomst');
    });
    test('the deel contradicts a clause the basis makes binding: an error on the termijn and on the derogation', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis(' bindend'), 'deel.ovk': deel(14, '\n        afwijking van Basis.Betaaltermijn') });
        const d = docs['deel.ovk'];
        expect(found(d)).toEqual([
            '6:21 slot-conflict-resolved «Betaling»',
            '6:21 deel-contradicts-binding «Betaling»',
            '7:9 deel-contradicts-binding «afwijking van Basis.Betaaltermijn»'
        ]);
        const diag = (d.diagnostics ?? []).find(x => x.code === 'deel-contradicts-binding' && x.range.start.line === 5)!;
        expect(diag.severity).toBe(DiagnosticSeverity.Error);
        expect(diag.message).toBe("Termijn 'Betaling' is hier binnen 14 kalenderdagen na Ontvangst, maar basisovereenkomst Basis (artikel 1.1) zegt binnen 30 kalenderdagen na Ontvangst en "
            + "basisovereenkomst Basis maakt dat 'bindend' voor elke deelovereenkomst (artikel 1). Volg basisovereenkomst Basis of laat het punt daar 'open' zetten.");
        expect(diag.relatedInformation?.map(r => r.location.range.start.line)).toEqual([4, 2]);
    });
    test('silent when the deel follows the binding clause', async () => {
        const { docs } = await buildSet({ 'basis.ovk': basis(' bindend'), 'deel.ovk': deel(30) });
        expect(docs['deel.ovk'].diagnostics).toEqual([]);
        expect(docs['basis.ovk'].diagnostics).toEqual([]);
    });
});

describe('conditions-rejected and battle-of-forms (R5.4)', () => {
    const raam = (verwerping: string, extra = '') => `raamovereenkomst Raam "Raam" {
${partijen}
    voorwaarden AIV "Algemene inkoopvoorwaarden" extern
    voorwaarden AVC "Algemene voorwaarden Contractant" van Contractant extern
    rangorde: deze > AIV${extra}
    artikel Voorwaarden "Voorwaarden" {
        lid Inkoopvoorwaarden: "De algemene voorwaarden van Contractant worden verworpen."${verwerping}
    }
}`;
    test('the contractant\'s conditions, rejected: an information on them, with the rejecting clause', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('\n            verwerpt voorwaarden van Contractant') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['7:17 conditions-rejected «AVC»']);
        const diag = only(d, 'conditions-rejected');
        expect(diag.severity).toBe(DiagnosticSeverity.Information);
        expect(diag.message).toBe('De voorwaarden voorwaarden AVC van Contractant gelden niet: raamovereenkomst Raam (artikel 1.1) verwerpt ze (R5.4). '
            + 'Ze tellen niet mee in de rangorde en niet bij strijdige bepalingen.');
        expect(diag.relatedInformation?.[0].location.range.start.line).toBe(10);
    });
    test('silent when the rejected conditions are not part of the set', async () => {
        const { docs } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {
${partijen}
    voorwaarden AIV "Algemene inkoopvoorwaarden" extern
    rangorde: deze > AIV
    artikel Voorwaarden "Voorwaarden" {
        lid Inkoopvoorwaarden: "De algemene voorwaarden van Contractant worden verworpen."
            verwerpt voorwaarden van Contractant
    }
}`
        });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
    });
    test('both sides refer to their own conditions and none is rejected: a warning on both', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('', ' = AVC') });
        const d = docs['raam.ovk'];
        expect(found(d)).toEqual(['6:17 battle-of-forms «AIV»', '7:17 battle-of-forms «AVC»']);
        const diag = d.diagnostics!.find(x => x.code === 'battle-of-forms')!;
        expect(diag.severity).toBe(DiagnosticSeverity.Warning);
        expect(diag.message).toContain('Welke gelden volgt uit BW 6:225 lid 3 (battle of forms, R5.4)');
    });
    test('silent on battle of forms once the contractant\'s conditions are rejected', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam('\n            verwerpt voorwaarden van Contractant', ' = AVC') });
        expect(found(docs['raam.ovk']).filter(x => x.includes('battle-of-forms'))).toEqual([]);
    });
});

describe('an addendum that amends the raamovereenkomst (R5.3 step 2)', () => {
    const raam = `raamovereenkomst Raam "Raam" {
    vastgesteld 2020-12-01
    bijlage Tarieven "All-in tarieven" extern
    rangorde: addenda > deze > bijlagen
    artikel Duur "Duur" {
        lid Looptijd: "De Overeenkomst loopt van 1 januari 2021 tot en met 31 december 2024."
            looptijd { ingang 2021-01-01 einde 2024-12-31 }
    }
}`;
    const addendum = (einde: string) => `importeer "./raam.ovk"
addendum Wijziging "Eerste addendum" {
    ondertekend 2022-06-01
    wijzigt Raam
    artikel Duur "Duur" {
        lid Looptijd: "De looptijd van de Raamovereenkomst wordt gewijzigd."
            looptijd { ingang 2021-01-01 einde ${einde} }
    }
}`;
    test('its looptijd replaces that of the raam: an information on the raam, seen from the addendum', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam, 'addendum.ovk': addendum('2026-12-31') });
        expect(found(docs['addendum.ovk'])).toEqual([]);
        expect(found(docs['raam.ovk'])).toEqual(['7:13 slot-conflict-resolved «looptijd»']);
        expect(only(docs['raam.ovk'], 'slot-conflict-resolved').message).toBe(
            'De looptijd van raamovereenkomst Raam krijgt in addendum Wijziging (artikel 1.1) een andere waarde: ingang 2021-01-01, einde 2026-12-31 in plaats '
            + 'van ingang 2021-01-01, einde 2024-12-31 hier. Die bepaling gaat voor (R5.3 stap 2, uitdrukkelijke wijziging of afwijking: addendum Wijziging '
            + 'wijzigt raamovereenkomst Raam, in een document dat beide partijen ondertekenden).');
    });
    test('silent when the addendum repeats the looptijd', async () => {
        const { docs } = await buildSet({ 'raam.ovk': raam, 'addendum.ovk': addendum('2024-12-31') });
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
        expect(docs['addendum.ovk'].diagnostics).toEqual([]);
    });
});

describe('model extraction (language/rangorde/extract.ts)', () => {
    test('documents with kinds, dates, parts, imports, amendments and whose conditions they are (R5.1, R5.4)', async () => {
        const { docs } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {
    ondertekend 2021-01-15
    vastgesteld 2020-12-01
${partijen}
    bijlage Tarieven "All-in tarieven" uit "./tarieven.ovk"
    bijlage Leidraad "Leidraad" { tekst: "Meldingen." }
    voorwaarden AVC "Algemene voorwaarden Contractant" van Contractant extern
    rangorde: addenda > deze > Tarieven = Leidraad tenzij uitdrukkelijk Tarieven afwijkt van deze
}`,
            'tarieven.ovk': `bijlagedocument TarievenDoc "All-in tarieven" {
    tarief HH: "Hulp bij het huishouden" € 1.035,50 per uur
}`,
            'addendum.ovk': `importeer "./raam.ovk"
addendum Wijziging "Addendum" { wijzigt Raam }`
        });
        const set = extractSet(Object.values(docs));
        const byId = new Map(set.input.documents.map(d => [d.id, d]));
        expect([...byId.keys()].sort()).toEqual(['Raam', 'Raam.AVC', 'Raam.Leidraad', 'Raam.Tarieven', 'Wijziging']);
        expect(byId.get('Raam')).toMatchObject({ kind: 'raamovereenkomst', datum: '2021-01-15', signedByBoth: true });
        // The file loaded with `uit` is the bijlage that names it: one document, with the raam's date.
        expect(byId.get('Raam.Tarieven')).toMatchObject({ kind: 'bijlage', label: 'bijlage Tarieven', parent: 'Raam', annex: true, datum: '2021-01-15', signedByBoth: false });
        expect(byId.get('Raam.AVC')).toMatchObject({ kind: 'voorwaarden', conditionsOf: 'aanbieder', external: true, annex: false });
        expect(byId.get('Wijziging')).toMatchObject({ kind: 'addendum', amends: ['Raam'], imports: ['Raam'] });
        const [decl] = set.input.declarations;
        expect(decl.chains[0].levels.map(l => l.members.map(m => m.ref))).toEqual([
            [{ kind: 'addenda' }], [{ kind: 'deze' }], [{ kind: 'document', id: 'Raam.Tarieven' }, { kind: 'document', id: 'Raam.Leidraad' }]
        ]);
        expect(decl.exceptions).toEqual([{ id: `${decl.id}/tenzij/0`, lower: { kind: 'document', id: 'Raam.Tarieven' }, higher: { kind: 'deze' }, explicit: true }]);
        // Amounts are normalised, the display keeps what the drafter wrote.
        expect(set.input.provisions).toEqual([expect.objectContaining({ kind: 'tarief', name: 'HH', document: 'Raam.Tarieven', value: '1035,50 per uur', display: '€ 1.035,50 per uur' })]);
    });
    test('termijnen: amount, unit, direction and event are the value; `binnen` and `uiterlijk`, `werkdagen` and `werkdag` agree', async () => {
        const { docs } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {
${partijen}
    gebeurtenis Dagtekening "dagtekening van de opdracht" door Gemeente
    bijlage Protocol "Protocol" uit "./protocol.ovk"
    rangorde: deze > bijlagen
    artikel Weigering "Weigering" {
        lid Termijn: "Contractant weigert binnen drie werkdagen na dagtekening."
            termijn Weigeren: Contractant "meldt weigering" binnen 3 werkdagen na Dagtekening anders "geacht aanvaard"
    }
}`,
            'protocol.ovk': `bijlagedocument ProtocolDoc "Protocol" {
    artikel Weigeren "Weigeren" {
        lid Termijn: "Contractant weigert uiterlijk 3 werkdag na dagtekening."
            termijn Weigeren: Contractant "meldt weigering" uiterlijk 3 werkdag na Dagtekening
    }
}`
        });
        const set = extractSet(Object.values(docs));
        expect(set.input.provisions.map(p => [p.document, p.value, p.display, p.where])).toEqual([
            ['Raam.Protocol', '3 werkdag na Dagtekening', 'uiterlijk 3 werkdag na Dagtekening', 'artikel 1.1'],
            ['Raam', '3 werkdag na Dagtekening', 'binnen 3 werkdagen na Dagtekening', 'artikel 1.1']
        ]);
        expect(set.input.elements.filter(e => e.document === 'Raam.Protocol').map(e => e.label)).toEqual(['artikel 1', 'artikel 1.1']);
        // One slot, one value: no conflict.
        expect(docs['protocol.ovk'].diagnostics).toEqual([]);
        expect(docs['raam.ovk'].diagnostics).toEqual([]);
    });
});

describe('aansprakelijkheid: a liability cap is a slot the rangorde decides (seed 004, 9.2)', () => {
    const deel = (rangorde: string, cap: string) => `deelovereenkomst Deel "Deel" {
    vastgesteld 2015-11-10
    partijen {
        gemeente Gemeente "Gemeente Leek"
        aanbieder Aanbieder "Aanbieder"
    }
    rangorde: ${rangorde}
    artikel Aansprakelijkheid "Aansprakelijkheid" {
        lid Beperking: "De te vergoeden schade is per gebeurtenis beperkt tot 2.500.000 euro."
            aansprakelijkheid Schade: Aanbieder maximaal € 2.500.000,00 per gebeurtenis "samenhangende gebeurtenissen gelden als een gebeurtenis"
    }
    bijlage AIV "Algemene inkoopvoorwaarden" {
        artikel Schade "Aansprakelijkheid" {
            lid Beperking: "De aansprakelijkheid is per gebeurtenis beperkt tot 1.000.000 euro."
                aansprakelijkheid Schade: Aanbieder maximaal ${cap} per gebeurtenis
        }
    }
}`;
    test('extracted as a provision with its amount', async () => {
        const { docs } = await buildSet({ 'deel.ovk': deel('deze > bijlagen', '€ 1.000.000,00') });
        const set = extractSet(Object.values(docs));
        expect(set.input.provisions.filter(p => p.kind === 'aansprakelijkheid').map(p => p.display))
            .toEqual(['€ 2.500.000,00 per gebeurtenis', '€ 1.000.000,00 per gebeurtenis']);
    });
    test('the cap of the deelovereenkomst goes before that of a lower bijlage', async () => {
        const { docs } = await buildSet({ 'deel.ovk': deel('deze > bijlagen', '€ 1.000.000,00') });
        const d = docs['deel.ovk'];
        expect(found(d)).toEqual(['15:35 slot-conflict-resolved «Schade»']);
        expect(only(d, 'slot-conflict-resolved').message).toMatch(/^Aansprakelijkheid 'Schade' krijgt in deelovereenkomst Deel \(artikel 1\.1\) een andere waarde: € 2\.500\.000,00 per gebeurtenis in plaats van € 1\.000\.000,00 per gebeurtenis hier\./);
    });
    test('two caps of equal rank are a conflict; the same cap is none', async () => {
        const unresolved = (await buildSet({ 'deel.ovk': deel('deze = bijlagen', '€ 1.000.000,00') })).docs['deel.ovk'];
        expect(found(unresolved)).toEqual(['10:31 slot-conflict-unresolved «Schade»', '15:35 slot-conflict-unresolved «Schade»']);
        const same = (await buildSet({ 'deel.ovk': deel('deze = bijlagen', '€ 2.500.000,00') })).docs['deel.ovk'];
        expect(found(same)).toEqual([]);
    });
});
