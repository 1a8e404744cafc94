/**
 * The editor on termijnen and the looptijd, in process: hover explains a termijn in plain Dutch with its due date
 * for an example trigger date and the derivation (termijnen.md R1.17); hover on a trigger reference shows the
 * event and what counts from it; inlay hints show the concrete dates of the looptijd (R1.12–R1.15).
 */
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { InlayHint } from 'vscode-languageserver';
import { buildSet } from './helpers.js';

type Services = Awaited<ReturnType<typeof buildSet>>['services'];

async function hover(doc: LangiumDocument, services: Services, marker: string, shift = 1): Promise<string> {
    const text = doc.textDocument.getText();
    const offset = text.indexOf(marker);
    expect(offset, marker).toBeGreaterThanOrEqual(0);
    const result = await services.Contractspraak.lsp.HoverProvider!.getHoverContent(doc, {
        textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset + shift)
    });
    return (result?.contents as { value?: string } | undefined)?.value ?? '';
}

async function hints(doc: LangiumDocument, services: Services): Promise<InlayHint[]> {
    const end = doc.textDocument.positionAt(doc.textDocument.getText().length);
    return await services.Contractspraak.lsp.InlayHintProvider!.getInlayHints(doc, {
        textDocument: { uri: doc.uri.toString() }, range: { start: { line: 0, character: 0 }, end }
    }) ?? [];
}

/** The date hints as "the two words before it|label"; the numbering hints (art. 1, 1.1) are left out. */
function placed(doc: LangiumDocument, list: InlayHint[]): string[] {
    const text = doc.textDocument.getText();
    return list.filter(h => /^(→|=|laatste)/.test(h.label as string) && !/^→ (artikel|bijlage|overweging)/.test(h.label as string))
        .sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character).map(h => {
        const before = text.slice(0, doc.textDocument.offsetAt(h.position)).split(/\s+/).slice(-2).join(' ');
        return `${before}|${h.label as string}`;
    });
}

// Seed 001 art. 4.2–4.3, signed on Friday 24 April 2026, the day before the Koningsdag weekend (§1.6 #1).
const TOTSTANDKOMING = `raamovereenkomst Raam "Raamovereenkomst" {
    ondertekend 2026-04-24
    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }
    artikel Totstandkoming "Totstandkoming van Dienstverleningsopdrachten" {
        lid Verstrekking: "De Dienstverleningsopdracht wordt geacht te zijn verzonden op de dag van de dagtekening."
            gebeurtenis Dagtekening "dagtekening van de Dienstverleningsopdracht" door Gemeente
        lid Aanvaarding: "Contractant wordt geacht de opdracht te hebben aanvaard, tenzij zij binnen drie werkdagen na dagtekening aangeeft deze niet te kunnen aanvaarden."
            termijn Weigeren: Contractant "geeft aan de opdracht niet te kunnen aanvaarden" binnen 3 werkdagen na Dagtekening anders "geacht aanvaard"
        lid Start: "Contractant start uiterlijk binnen vijf werkdagen na dagtekening."
            termijn StartUitvoering: Contractant "start de uitvoering" uiterlijk 5 werkdagen na Dagtekening
        lid Beschikking: "Het college geeft de beschikking binnen twee weken na ontvangst van de aanvraag."
            gebeurtenis Aanvraag "ontvangst van de aanvraag"
            termijn Beschikken: Gemeente "geeft de beschikking" binnen 2 weken na Aanvraag wettelijk
            termijn BeschikkenContract: Gemeente "geeft de beschikking" binnen 2 weken na Aanvraag
        lid Melden: "Contractant meldt onverwijld."
            termijn Melden: Contractant "meldt" onverwijld
    }
}`;

describe('hover on a termijn', () => {
    test('plain Dutch, the rules that apply, and the due date for the example trigger date with its derivation', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': TOTSTANDKOMING });
        const value = await hover(docs['raam.ovk'], services, 'termijn Weigeren', 9);
        const [head, sentence, rules, example, derivation] = value.split('\n\n');
        expect(head).toBe('**termijn Weigeren** · artikel 1.2');
        expect(sentence).toBe('Contractant geeft aan de opdracht niet te kunnen aanvaarden binnen 3 werkdagen na dagtekening van de Dienstverleningsopdracht. '
            + 'Anders: geacht aanvaard.');
        expect(rules.split('\n')).toEqual([
            '- Werkdagen: maandag tot en met vrijdag, behalve de feestdagen van kalender atw \\(R1.4, R1.10\\).',
            '- De dag van de gebeurtenis telt niet mee; een handeling op die dag is op tijd \\(R1.2\\).',
            '- Termijn uit de overeenkomst: de Algemene termijnenwet geldt niet, dus een einde op een zaterdag, zondag of feestdag schuift niet op '
                + '\\(termijnen.md §0.4, R1.7\\).'
        ]);
        // No looptijd: the example date is the signing date (language/termijnen/due.ts).
        expect(example).toBe('**Voorbeeld:** valt Dagtekening op 2026-04-24 (de datum van ondertekening), dan uiterlijk **2026-04-30**.');
        expect(derivation.startsWith('```text\nUiterste datum: donderdag 2026-04-30\n')).toBe(true);
        expect(derivation).toContain('Trigger: dagtekening van de Dienstverleningsopdracht op vrijdag 2026-04-24. [R1.16]');
        expect(derivation).toContain('2026-04-27 is Koningsdag; telt niet als werkdag.');
    });
    test('anywhere on the termijn line (a keyword, the number) the same explanation', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': TOTSTANDKOMING });
        const onName = await hover(docs['raam.ovk'], services, 'termijn Weigeren', 9);
        expect(await hover(docs['raam.ovk'], services, 'binnen 3 werkdagen na Dagtekening', 2)).toBe(onName);
        expect(await hover(docs['raam.ovk'], services, '3 werkdagen na Dagtekening anders', 0)).toBe(onName);
    });
    test('a wettelijk termijn rolls under the Atw (§1.6 #19), the same words in a contract do not (§0.4)', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': TOTSTANDKOMING.replace('ondertekend 2026-04-24', 'ondertekend 2026-04-30') });
        const statutory = await hover(docs['raam.ovk'], services, 'termijn Beschikken:', 9);
        expect(statutory.split('\n\n')[0]).toBe('**termijn Beschikken** · artikel 1.4 · wettelijk');
        expect(statutory).toContain('dan uiterlijk **2026-05-18**');
        expect(statutory).toContain('Algemene termijnenwet: toegepast');
        expect(statutory).toContain('2026-05-14 is Hemelvaartsdag; verschoven naar 2026-05-15 (art. 1 Atw).');
        const contract = await hover(docs['raam.ovk'], services, 'termijn BeschikkenContract', 9);
        expect(contract).toContain('dan uiterlijk **2026-05-14**');
        expect(contract).toContain('Algemene termijnenwet: niet toegepast');
    });
    test('a qualitative termijn has no date, and says so', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': TOTSTANDKOMING });
        const value = await hover(docs['raam.ovk'], services, 'termijn Melden', 9);
        expect(value.split('\n\n').slice(0, 2)).toEqual(['**termijn Melden** · artikel 1.5', 'Contractant meldt onverwijld \\(zonder uitstel\\).']);
        expect(value).toContain('*Een termijn zonder aantal en eenheid heeft geen vaste uiterste datum.*');
    });
});

describe('hover on a trigger reference', () => {
    test('`na Dagtekening` shows the event, what kind it is (R1.16) and the termijnen that count from it with their dates', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': TOTSTANDKOMING });
        const value = await hover(docs['raam.ovk'], services, 'na Dagtekening anders', 4);
        expect(value).toBe([
            '**gebeurtenis Dagtekening** · door Gemeente · artikel 1.1',
            'dagtekening van de Dienstverleningsopdracht',
            'Dagtekening: de datum op het document telt, ongeacht wanneer het is ontvangen (R1.16).',
            'Termijnen die vanaf deze gebeurtenis lopen:\n'
                + '- **Weigeren** (artikel 1.2): binnen 3 werkdagen na Dagtekening → uiterlijk 2026-04-30 als Dagtekening op 2026-04-24 valt (de datum van ondertekening)\n'
                + '- **StartUitvoering** (artikel 1.3): uiterlijk 5 werkdagen na Dagtekening → uiterlijk 2026-05-04 als Dagtekening op 2026-04-24 valt (de datum van ondertekening)'
        ].join('\n\n'));
    });
    test('`afloop Weigeren` shows the termijn it counts from', async () => {
        const { docs, services } = await buildSet({
            'raam.ovk': TOTSTANDKOMING.replace('termijn Melden: Contractant "meldt" onverwijld', 'termijn Melden: Contractant "meldt" binnen 2 werkdagen na afloop Weigeren')
        });
        expect((await hover(docs['raam.ovk'], services, 'afloop Weigeren', 8)).split('\n\n')[0]).toBe('**termijn Weigeren** · artikel 1.2');
        const melden = await hover(docs['raam.ovk'], services, 'termijn Melden', 9);
        // R1.2: "na afloop" counts from the last day of Weigeren, 2026-04-30; 1 May and 4 May are the next werkdagen.
        expect(melden).toContain('**Voorbeeld:** valt de afloop van Weigeren op 2026-04-30 (het einde van termijn Weigeren, als voorbeeld gerekend '
            + 'vanaf 2026-04-24), dan uiterlijk **2026-05-04**.');
    });
});

// termijnen.md §1.6 #16 with seed 001's opzegging of the contractant, the 3.4 extension and the 3.4 mededeling.
const LOOPTIJD = `raamovereenkomst Raam "Raamovereenkomst" {
    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }
    artikel Duur "Duur" {
        lid Verlenging: "De overeenkomst wordt maximaal tweemaal met 2 jaar verlengd."
            looptijd {
                ingang 2021-01-01
                duur 4 jaren
                verlenging stilzwijgend 2 x 2 jaren, tenzij Gemeente opzegt 4 maanden voor einde
                uiterste einde 2028-12-31
                opzegging door Contractant opzegtermijn minimaal 6 maanden
            }
        lid Continuiteit: "Eenmalig te verlengen met maximaal zes maanden, mee te delen uiterlijk dertig kalenderdagen voor het einde."
            verlenging optie 1 x 6 maanden door Gemeente
            termijn Mededeling: Gemeente "deelt de verlenging mee" uiterlijk 30 kalenderdagen voor einde looptijd
    }
}`;

describe('inlay hints on the looptijd', () => {
    test('the end of each period, the notice deadlines, how far the extension reaches, the uiterste einde and dated termijnen', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': LOOPTIJD });
        const doc = docs['raam.ovk'];
        const list = await hints(doc, services);
        expect(placed(doc, list)).toEqual([
            '4 jaren|→ t/m 2024-12-31',
            '2 jaren|→ t/m 2026-12-31, 2028-12-31',
            '4 maanden|→ uiterlijk 2024-08-31, 2026-08-31',
            'einde 2028-12-31|= einde verlenging 2',
            '6 maanden|→ per einde periode: uiterlijk 2024-06-30, 2026-06-30, 2028-06-30',
            '6 maanden|→ uiterlijk t/m 2029-06-30 ⚠',
            'einde looptijd|→ 2024-12-01, 2026-12-01, 2028-12-01'
        ]);
        // Each hint explains itself: the derivation is the tooltip.
        const notice = list.find(h => h.label === '→ uiterlijk 2024-08-31, 2026-08-31')!;
        expect(String(notice.tooltip)).toContain('De laatste dag D waarvoor D + 4 maanden niet na 2024-12-31 valt: zaterdag 2024-08-31');
        const first = list.find(h => h.label === '→ t/m 2024-12-31')!;
        expect(String(first.tooltip).split('\n')).toEqual([
            'Aanvangsperiode: ingaande vrijdag 2021-01-01 voor 4 jaren: (2021-01-01 − 1 dag) + 48 maanden = dinsdag 2024-12-31.',
            'Opzeggen om verlenging te voorkomen: uiterlijk zaterdag 2024-08-31 ontvangen.'
        ]);
    });
    test('an uiterste einde later than the last period says where the periods end; no hints without a looptijd', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': LOOPTIJD.replace('uiterste einde 2028-12-31', 'uiterste einde 2030-12-31') });
        expect(placed(docs['raam.ovk'], await hints(docs['raam.ovk'], services))).toContain('einde 2030-12-31|laatste periode t/m 2028-12-31');
        const other = await buildSet({ 'raam.ovk': TOTSTANDKOMING });
        expect(placed(other.docs['raam.ovk'], await hints(other.docs['raam.ovk'], other.services))).toEqual([]);
    });
});

describe('hover on the looptijd', () => {
    test('the periods with how each ends, the uiterste einde, the extension, the opzegging and the dated termijnen', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': LOOPTIJD });
        const value = await hover(docs['raam.ovk'], services, 'ingang 2021', 8);
        const parts = value.split('\n\n');
        expect(parts[0]).toBe('**Looptijd** · artikel 1.1 · kalender atw');
        expect(parts[1].split('\n')).toEqual([
            '| # | periode | van | tot en met | afloop |',
            '|---|---|---|---|---|',
            '| 1 | de aanvangsperiode | 2021-01-01 | 2024-12-31 | wordt stilzwijgend verlengd, tenzij Gemeente uiterlijk zaterdag 2024-08-31 opzegt \\(R1.12, R1.15\\) |',
            '| 2 | verlenging 1 | 2025-01-01 | 2026-12-31 | wordt stilzwijgend verlengd, tenzij Gemeente uiterlijk maandag 2026-08-31 opzegt \\(R1.12, R1.15\\) |',
            '| 3 | verlenging 2 | 2027-01-01 | 2028-12-31 | eindigt van rechtswege; opzeggen is niet nodig \\(R1.15\\) |'
        ]);
        expect(parts.slice(2, 6)).toEqual([
            'Uiterste einde: **2028-12-31** (= einde van de laatste periode)',
            'Extra verlenging (artikel 1.2): tot uiterlijk **2029-06-30** — ⚠ na de uiterste einddatum',
            'Opzegging door Contractant, opzegtermijn minimaal 6 maanden: om per het einde van een periode te eindigen uiterlijk ontvangen op 2024-06-30, 2026-06-30, 2028-06-30 (R1.12, R1.13)',
            'Termijn Mededeling (uiterlijk 30 kalenderdagen voor einde looptijd): 2024-12-01, 2026-12-01, 2028-12-01'
        ]);
        expect(parts[6]).toContain('Verlenging 2: vrijdag 2027-01-01 tot en met zondag 2028-12-31 = (2021-01-01 − 1 dag) + 96 maanden');
        // The same on the verlenging line, and on a termijn counting from the looptijd its real dates.
        expect(await hover(docs['raam.ovk'], services, 'stilzwijgend 2 x', 3)).toBe(value);
        const mededeling = await hover(docs['raam.ovk'], services, 'termijn Mededeling', 9);
        expect(mededeling).toContain('**Uiterste datums:** 2024-12-01, 2026-12-01, 2028-12-01 (vanaf het einde van de eerste periode van de looptijd).');
    });
});

describe('incomplete input while typing', () => {
    // Every prefix of a text with every termijn and looptijd construct: the checks, the hover and the inlay hints
    // must never throw, whatever the parser recovered (a verlenging without its duur, an opzegging without its
    // termijn, a kalender without days, 0 werkdagen, dates out of range).
    const FULL = LOOPTIJD.replace('    partijen {', `    kalender Regio volgens atw { gesloten 24 december "Kerstavond" werkdag bevrijdingsdag }
    vastgesteld 2020-12-01
    partijen {`).replace('    artikel Duur "Duur" {', `    gebeurtenis Dagtekening "dagtekening van de opdracht" door Gemeente
    termijn Weigeren: Contractant "weigert" binnen 0 werkdagen na Dagtekening
    termijn Betalen: Gemeente "betaalt" vóór 99999 jaren na Dagtekening ingaande eerste dag volgende kwartaal
    termijn Volgen: Contractant "volgt" binnen 2 werkdagen na afloop Volgen
    looptijd { ingang 9999-12-01 duur 1000 jaren verlenging stilzwijgend 1000 x 1000 jaren }
    ondertekening { namens Gemeente { datum 2019-01-01 } }
    artikel Duur "Duur" {`);
    test('no exception in any prefix', async () => {
        const services = (await buildSet({})).services;
        const cuts = [...new Set(Array.from({ length: 60 }, (_, i) => Math.round(i * FULL.length / 60)).concat(FULL.length))];
        for (const cut of cuts) {
            const text = FULL.slice(0, cut);
            const { docs } = await buildSet({ [`p${cut}.ovk`]: text }, services);
            const doc = docs[`p${cut}.ovk`];
            const crashes = (doc.diagnostics ?? []).filter(d => /An error occurred/.test(String(d.message)));
            expect(crashes.map(d => String(d.message)), `prefix of ${cut} characters`).toEqual([]);
            await hints(doc, services);
            for (const marker of ['Weigeren', 'Betalen', 'Volgen', 'ingang', 'verlenging', 'opzegging', 'Dagtekening', 'kalender']) {
                const at = text.lastIndexOf(marker);
                if (at >= 0) await hover(doc, services, marker, 1);
            }
        }
    }, 120_000);
});
