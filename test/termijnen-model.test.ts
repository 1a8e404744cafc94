/**
 * language/termijnen/model.ts and due.ts: how the language's termijn, looptijd, opzegging, verlenging, gebeurtenis
 * and kalender become the calendar core's specs (termijnen.md §1), with the node they came from; and which
 * example date a due date is computed for.
 */
import { AstUtils } from 'langium';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import type { Document, Termijn } from '../language/generated/ast.js';
import { isTermijn } from '../language/generated/ast.js';
import {
    documentCalendar, dueExample, exampleDate, looptijdModel, looptijdTimeline, termijnModel, termijnSpec, termijnenOf
} from '../language/termijnen/index.js';
import { buildSet } from './helpers.js';

async function root(body: string, meta = ''): Promise<Document> {
    const { docs } = await buildSet({
        'raam.ovk': `raamovereenkomst Raam "Raam" {
${meta}    partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }
${body}
}`
    });
    const doc = docs['raam.ovk'];
    expect(doc.parseResult.parserErrors).toEqual([]);
    return doc.parseResult.value as Document;
}

function termijn(r: Document, name: string): Termijn {
    return AstUtils.streamAllContents(r).filter(isTermijn).find(t => t.name === name)!;
}

describe('termijn → TermijnSpec', () => {
    test('units as the core spells them, direction, start rule; the Atw only for a wettelijk termijn (§0.4, R1.7 a)', async () => {
        const r = await root(`    gebeurtenis Ontvangst "ontvangst van de opzegging"
    gebeurtenis Aanvraag "ontvangst van de aanvraag"
    artikel A "A" { lid B: "b"
        termijn Opzeggen: Gemeente "zegt op" tenminste 6 kalendermaanden na Ontvangst ingaande eerste dag volgende kalendermaand
        termijn Beschikken: Gemeente "beschikt" binnen 2 week na Aanvraag wettelijk
        termijn Melden: Contractant "meldt" uiterlijk 30 dagen voor einde looptijd
    }`);
        const calendar = documentCalendar(r).calendar;
        expect(termijnSpec(termijnModel(termijn(r, 'Opzeggen')), calendar)).toEqual({
            amount: 6, unit: 'kalendermaanden', direction: 'na', origin: 'overeenkomst', calendar,
            reference: 'termijn Opzeggen, artikel 1.1', start: { kind: 'first-day-of-next', period: 'maand' }
        });
        expect(termijnSpec(termijnModel(termijn(r, 'Beschikken')), calendar)).toMatchObject({ amount: 2, unit: 'weken', origin: 'wet' });
        const melden = termijnModel(termijn(r, 'Melden'));
        expect(termijnSpec(melden, calendar)).toMatchObject({ amount: 30, unit: 'dagen', direction: 'voor', origin: 'overeenkomst' });
        expect(melden.measure?.trigger).toMatchObject({ kind: 'looptijd', edge: 'einde' });
        expect(melden.side).toBe('aanbieder');
    });
    test('the trigger kind of an event (R1.16), and its label for the derivation without the kind repeated', async () => {
        const r = await root(`    gebeurtenis Dagtekening "dagtekening van de Dienstverleningsopdracht" door Gemeente
    gebeurtenis Intreden "het intreden van de tekortkoming"
    termijn Weigeren: Contractant "weigert" binnen 3 werkdagen na Dagtekening
    termijn Beroep: Contractant "beroept zich" uiterlijk 8 kalenderdagen na Intreden
    termijn Volgend: Contractant "volgt" binnen 1 werkdag na afloop Weigeren`);
        expect(termijnModel(termijn(r, 'Weigeren')).measure?.trigger).toMatchObject({
            kind: 'gebeurtenis', name: 'Dagtekening', triggerKind: 'dagtekening', label: 'dagtekening van de Dienstverleningsopdracht',
            core: { kind: 'dagtekening', label: 'de Dienstverleningsopdracht' }
        });
        expect(termijnModel(termijn(r, 'Beroep')).measure?.trigger).toMatchObject({ core: { label: 'het intreden van de tekortkoming' } });
        expect(termijnModel(termijn(r, 'Volgend')).measure?.trigger).toMatchObject({ kind: 'afloop', name: 'Weigeren', termijn: termijn(r, 'Weigeren') });
        expect(termijnenOf(r).map(t => t.name)).toEqual(['Weigeren', 'Beroep', 'Volgend']);
    });
});

describe('looptijd → LooptijdSpec', () => {
    test('blocks, a loose verlenging and opzeggingen are one looptijd; the timeline is the core\'s (§1.6 #16, #17)', async () => {
        const r = await root(`    looptijd {
        ingang 2025-01-01
        duur 2 jaren
        verlenging stilzwijgend 2 x 1 jaar, tenzij Gemeente opzegt 4 maanden voor einde
        opzegging door Contractant opzegtermijn 6 maanden vorm "aangetekende brief"
    }
    artikel A "A" { lid B: "b"
        verlenging optie 1 x 6 maanden door Gemeente }`);
        const m = looptijdModel(r)!;
        expect(m.ingangen.map(f => f.text)).toEqual(['2025-01-01']);
        expect(m.verlenging).toMatchObject({ kind: 'stilzwijgend', count: 2, length: { amount: 1, unit: 'jaren' }, noticeBy: 'Gemeente', standalone: false });
        expect(m.verlenging?.notice).toMatchObject({ amount: 4, unit: 'maanden' });
        expect(m.extra).toMatchObject([{ kind: 'optie', count: 1, length: { amount: 6, unit: 'maanden' }, party: 'Gemeente', standalone: true, citation: 'artikel 1.1' }]);
        expect(m.opzeggingen).toMatchObject([{ party: 'Contractant', side: 'aanbieder', amount: 6, unit: 'maanden', form: 'aangetekende brief' }]);
        const t = looptijdTimeline(r)!;
        expect(t.periods.map(p => [p.end?.toString(), p.noticeDeadline?.date.toString()])).toEqual([
            ['2026-12-31', '2026-08-31'], ['2027-12-31', '2027-08-31'], ['2028-12-31', undefined]
        ]);
        expect(t.extra[0].end.toString()).toBe('2029-06-30');
        const month = await root('    looptijd { ingang 2025-01-31 duur 1 maand }');
        expect(looptijdTimeline(month)!.periods[0].end?.toString()).toBe('2025-02-28');
    });
    test('a looptijd that cannot be computed says why', async () => {
        const r = await root('    looptijd { einde 2024-12-31 }');
        expect(looptijdTimeline(r)!.problem).toBe('De looptijd heeft geen (geldige) ingangsdatum.');
        expect(looptijdModel(await root('    artikel A "A" { lid B: "b" }'))).toBeUndefined();
    });
});

describe('kalender → WorkdayCalendar (R1.10)', () => {
    test('atw by default; a built-in by name; a declared calendar on a base with closed and opened days', async () => {
        expect(documentCalendar(await root('')).calendar.id).toBe('atw');
        expect(documentCalendar(await root('', '    kalender cao_lustrum\n')).calendar.id).toBe('cao-lustrum');
        const declared = documentCalendar(await root('', '    kalender Regio volgens atw_zonder_kb { gesloten 2026-12-31 "Oudejaarsdag" werkdag goede_vrijdag }\n')).calendar;
        expect(declared.isWorkday(Temporal.PlainDate.from('2026-12-31'))).toBe(false);
        expect(declared.isWorkday(Temporal.PlainDate.from('2026-04-03'))).toBe(true);
        // atw-zonder-kb has no KB days: 15 May 2026 is a werkdag there.
        expect(declared.isWorkday(Temporal.PlainDate.from('2026-05-15'))).toBe(true);
    });
    test('a werkdagen termijn counts with the declared calendar', async () => {
        const r = await root(`    gebeurtenis Dagtekening "dagtekening van de opdracht"
    termijn Weigeren: Contractant "weigert" binnen 3 werkdagen na Dagtekening`, '    kalender Regio volgens atw { gesloten 28 april "Regiodag" }\n    ondertekend 2026-04-24\n');
        // atw: 2026-04-30 (§1.6 #1); with 28 April closed one werkdag later.
        expect(dueExample(termijnModel(termijn(r, 'Weigeren')))!.result.date.toString()).toBe('2026-05-01');
    });
});

describe('the example trigger date (due.ts)', () => {
    test('the ingang of the looptijd, else the signing date, else the adoption date, else today', async () => {
        expect(exampleDate(await root('    looptijd { ingang 2021-01-01 einde 2024-12-31 }', '    ondertekend 2020-12-01\n')))
            .toEqual({ date: Temporal.PlainDate.from('2021-01-01'), source: 'de ingangsdatum van de looptijd' });
        expect(exampleDate(await root('', '    vastgesteld 2020-11-01\n    ondertekend 2020-12-01\n')).source).toBe('de datum van ondertekening');
        expect(exampleDate(await root('', '    vastgesteld 2020-11-01\n')).source).toBe('de datum waarop de tekst is vastgesteld');
        const today = exampleDate(await root(''), () => Temporal.PlainDate.from('2026-03-20'));
        expect(today).toEqual({ date: Temporal.PlainDate.from('2026-03-20'), source: 'vandaag (de overeenkomst noemt geen ingangsdatum)' });
    });
    test('iWmo OP274, 8 weeks after the dagtekening of the verzoek, is not moved (§1.6 #27)', async () => {
        const r = await root(`    gebeurtenis Verzoek "dagtekening van het verzoek om toewijzing"
    termijn Toewijzen: Gemeente "wijst toe of af" binnen 8 weken na Verzoek`);
        const due = dueExample(termijnModel(termijn(r, 'Toewijzen')), { today: () => Temporal.PlainDate.from('2026-03-20') })!;
        expect(due.real).toBe(false);
        expect(due.result.date.toString()).toBe('2026-05-15');
        expect(due.result.atw.applied).toBe(false);
    });
});
