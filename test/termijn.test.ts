/**
 * Termijn arithmetic: every worked example of termijnen.md §1.6 as its own test (named with its number and the
 * rules it exercises), then the rules R1.x one by one, opzegging, looptijd and the derivation itself.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import type { TermijnResult, TermijnSpec } from '../language/calendar/index.js';
import {
    ATW_ZONDER_KB, CAO_LUSTRUM, TermijnError, WarningCodes, computeLooptijd, computeTermijn, defineCalendar, getCalendar, latestBeforeByMonths,
    latestNotice, opzegging, termijnToJson, termijnToText
} from '../language/calendar/index.js';

const date = (s: string) => Temporal.PlainDate.from(s);
const iso = (r: TermijnResult) => r.date.toString();
const texts = (r: TermijnResult) => r.steps.map(s => s.text);
const codes = (r: { warnings: readonly { code: string }[] }) => r.warnings.map(w => w.code);

describe('§1.6 worked examples', () => {
    test('#1 R1.2 R1.4 R1.10: binnen drie werkdagen na dagtekening vr 2026-04-24 → do 2026-04-30 (Koningsdag skipped)', () => {
        const r = computeTermijn({ amount: 3, unit: 'werkdagen' }, { at: '2026-04-24', kind: 'dagtekening', label: 'de dienstverleningsopdracht' });
        expect(iso(r)).toBe('2026-04-30');
        expect(texts(r)).toContain('2026-04-27 is Koningsdag; telt niet als werkdag.');
        expect(r.atw.applied).toBe(false);
        expect(r.warnings).toEqual([]);
    });

    test('#3 R1.4 R1.10: drie werkdagen na wo 2025-12-31 → atw wo 2026-01-07, zonder KB di 2026-01-06', () => {
        const atw = computeTermijn({ amount: 3, unit: 'werkdagen' }, { at: '2025-12-31', kind: 'dagtekening' });
        expect(iso(atw)).toBe('2026-01-07');
        expect(texts(atw).some(t => t.startsWith('2026-01-02 is een door KB gelijkgestelde dag') && t.includes('Stcrt. 2025, 24713'))).toBe(true);
        expect(iso(computeTermijn({ amount: 3, unit: 'werkdagen', calendar: 'atw-zonder-kb' }, '2025-12-31'))).toBe('2026-01-06');
    });

    test('#4 R1.2 R1.4: twintig werkdagen na afloop van periode 31-03…27-04-2025 → ma 2025-05-26 (dh-public would say 05-23)', () => {
        const r = computeTermijn({ amount: 20, unit: 'werkdagen' }, { period: { start: '2025-03-31', end: '2025-04-27' }, label: 'vierwekelijkse periode' });
        expect(r.trigger.date.toString()).toBe('2025-04-27');
        expect(r.trigger.kind).toBe('afloop');
        expect(iso(r)).toBe('2025-05-26');
        // date-holidays "public" counts 5 May as a working day; emulated with a declared calendar.
        const dhPublic = defineCalendar({ id: 'dh-public', open: ['bevrijdingsdag', 'goede-vrijdag', 'kb'] });
        expect(iso(computeTermijn({ amount: 20, unit: 'werkdagen', calendar: dhPublic }, '2025-04-27'))).toBe('2025-05-23');
    });

    test('#6 R1.4 R1.10: twintig werkdagen na afloop zo 2026-04-26 → atw vr 2026-05-29, zonder KB do 2026-05-28', () => {
        const trigger = { period: { start: '2026-03-30', end: '2026-04-26' } };
        expect(iso(computeTermijn({ amount: 20, unit: 'werkdagen' }, trigger))).toBe('2026-05-29');
        expect(iso(computeTermijn({ amount: 20, unit: 'werkdagen', calendar: ATW_ZONDER_KB }, trigger))).toBe('2026-05-28');
    });

    test('#7 R1.2 R1.3 R1.7: binnen 7 kalenderdagen → 2025-03-21; from 2025-03-09 zo 2025-03-16 without roll', () => {
        expect(iso(computeTermijn({ amount: 7, unit: 'kalenderdagen' }, '2025-03-14'))).toBe('2025-03-21');
        const sunday = computeTermijn({ amount: 7, unit: 'kalenderdagen' }, '2025-03-09');
        expect(iso(sunday)).toBe('2025-03-16');
        expect(sunday.atw.applied).toBe(false);
        expect(codes(sunday)).toEqual([WarningCodes.DeadlineOnNonWorkingDay]);
    });

    test('#8 R1.2 R1.3 R1.7: binnen dertig dagen na ontvangst van de declaratie 2025-03-14 → zo 2025-04-13 (no roll)', () => {
        const r = computeTermijn({ amount: 30, unit: 'dagen' }, { at: '2025-03-14', kind: 'ontvangst', label: 'de declaratie' });
        expect(iso(r)).toBe('2025-04-13');
        expect(r.rawDate.toString()).toBe('2025-04-13');
        expect(texts(r).some(t => t.includes('kalenderdagen'))).toBe(true);
        expect(codes(r)).toEqual([WarningCodes.DeadlineOnNonWorkingDay]);
    });

    test('#10 R1.6 R1.13: opzegtermijn van zes maanden, ontvangen 2024-08-31 → 2025-02-28', () => {
        const r = opzegging({ amount: 6, unit: 'maanden' }, '2024-08-31');
        expect(iso(r)).toBe('2025-02-28');
        expect(r.trigger.kind).toBe('ontvangst');
        expect(texts(r)[0]).toContain('art. 3:37 lid 3 BW');
    });

    test('#11 R1.6 R1.13: ontvangen 2025-03-10 → 2025-09-10; tegen het einde van een kalendermaand → 2025-09-30', () => {
        expect(iso(opzegging({ amount: 6, unit: 'maanden' }, '2025-03-10'))).toBe('2025-09-10');
        expect(iso(opzegging({ amount: 6, unit: 'maanden', alignment: { kind: 'end-of', period: 'maand' } }, '2025-03-10'))).toBe('2025-09-30');
    });

    test('#12 R1.12: minimaal 4 maanden vóór de afloop van de looptijd die eindigt 2026-12-31 → uiterlijk 2026-08-31', () => {
        const r = latestNotice({ amount: 4, unit: 'maanden' }, '2026-12-31');
        expect(iso(r)).toBe('2026-08-31');
        expect(r.direction).toBe('voor');
        expect(r.atw.applied).toBe(false);
    });

    test('#16 R1.12 R1.14 R1.15: 2 jaar ingaande 2025-01-01, telkens 1 jaar verlengd (max 2×), opzeggen ≥4 mnd vóór afloop', () => {
        const r = computeLooptijd({
            start: '2025-01-01', duration: { amount: 2, unit: 'jaren' },
            renewal: { kind: 'stilzwijgend', length: { amount: 1, unit: 'jaren' }, maxCount: 2 },
            notice: { amount: 4, unit: 'maanden' }
        });
        expect(r.periods.map(p => p.end?.toString())).toEqual(['2026-12-31', '2027-12-31', '2028-12-31']);
        expect(r.periods.map(p => p.noticeDeadline?.date.toString())).toEqual(['2026-08-31', '2027-08-31', undefined]);
        expect(r.periods.map(p => p.ending)).toEqual(['renews-unless-notice', 'renews-unless-notice', 'ends']);
        expect(r.finalEnd?.toString()).toBe('2028-12-31');
        expect(r.warnings).toEqual([]);
    });

    test('#17 R1.14: looptijd 1 maand ingaande 2025-01-31 → eindigt 2025-02-28 (not 02-27)', () => {
        const r = computeLooptijd({ start: '2025-01-31', duration: { amount: 1, unit: 'maanden' } });
        expect(r.periods.map(p => p.end?.toString())).toEqual(['2025-02-28']);
        expect(iso(computeTermijn({ amount: 1, unit: 'maanden', start: { kind: 'inclusive' } }, '2025-01-31'))).toBe('2025-02-28');
    });

    test('#19 R1.5 R1.7 R1.8 R1.10: Wmo 2.3.5 lid 2, 2 weken na do 2026-04-30 → 05-14 Hemelvaart → 05-15 KB → ma 2026-05-18', () => {
        const spec = { amount: 2, unit: 'weken' as const, origin: 'wet' as const, reference: 'artikel 2.3.5 lid 2 Wmo 2015' };
        const r = computeTermijn(spec, { at: '2026-04-30', kind: 'ontvangst', label: 'de aanvraag' });
        expect(r.rawDate.toString()).toBe('2026-05-14');
        expect(iso(r)).toBe('2026-05-18');
        expect(r.atw.applied).toBe(true);
        expect(texts(r)).toContain('2026-05-14 is Hemelvaartsdag; verschoven naar 2026-05-15 (art. 1 Atw).');
        expect(texts(r).some(t => t.startsWith('2026-05-15 is een door KB gelijkgestelde dag (vrijdag na Hemelvaartsdag; Stcrt. 2025, 24713); verschoven naar 2026-05-16'))).toBe(true);
        expect(iso(computeTermijn({ ...spec, calendar: 'atw-zonder-kb' }, '2026-04-30'))).toBe('2026-05-15');
    });

    test('#20 R1.5 R1.8 R1.10: Wmo 2.3.2 lid 1, 6 weken na vr 2025-04-18 → 05-30 (KB) → ma 2025-06-02', () => {
        const r = computeTermijn({ amount: 6, unit: 'weken', origin: 'wet' }, { at: '2025-04-18', kind: 'ontvangst', label: 'de melding' });
        expect(r.rawDate.toString()).toBe('2025-05-30');
        expect(iso(r)).toBe('2025-06-02');
    });

    test('#21 R1.5 R1.8: Awb 6:7/6:8 bezwaar 6 weken na bekendmaking do 2025-11-13 → 12-25 → ma 2025-12-29', () => {
        const r = computeTermijn({ amount: 6, unit: 'weken', origin: 'wet' }, { at: '2025-11-13', kind: 'bekendmaking' });
        expect(r.rawDate.toString()).toBe('2025-12-25');
        expect(iso(r)).toBe('2025-12-29');
        expect(r.steps.filter(s => s.kind === 'roll')).toHaveLength(4);
    });

    test('#23 R1.6 R1.7 R1.8: HR 2017, 3 maanden na 2016-02-29 → zo 2016-05-29 → ma 2016-05-30', () => {
        const r = computeTermijn({ amount: 3, unit: 'kalendermaanden', origin: 'wet' }, '2016-02-29');
        expect(r.rawDate.toString()).toBe('2016-05-29');
        expect(iso(r)).toBe('2016-05-30');
        expect(r.atw.applied).toBe(true); // exactly three months is still covered (art. 4, HR 2017)
        expect(codes(r)).toContain(WarningCodes.KbNotCovered); // no KB known for 2016
    });

    test('#24 R1.4 R1.10: iWmo OP090 retour binnen 3 werkdagen na do 2026-04-30 → atw wo 2026-05-06; 5 mei als werkdag di 2026-05-05', () => {
        expect(iso(computeTermijn({ amount: 3, unit: 'werkdagen', reference: 'iWmo OP090' }, '2026-04-30'))).toBe('2026-05-06');
        expect(iso(computeTermijn({ amount: 3, unit: 'werkdagen', calendar: defineCalendar({ id: 'vijfmei', open: ['bevrijdingsdag'] }) }, '2026-04-30'))).toBe('2026-05-05');
        expect(iso(computeTermijn({ amount: 3, unit: 'werkdagen', calendar: CAO_LUSTRUM }, '2026-04-30'))).toBe('2026-05-05');
    });

    test('#27 R1.5 R1.7: iWmo OP274, 8 weken na dagtekening 2026-03-20 → vr 2026-05-15 (a standard, not a law: no roll)', () => {
        const r = computeTermijn({ amount: 8, unit: 'weken', reference: 'iWmo OP274' }, { at: '2026-03-20', kind: 'dagtekening', label: 'het verzoek' });
        expect(iso(r)).toBe('2026-05-15');
        expect(r.atw.applied).toBe(false);
        // 15 May 2026 is a KB day: the contract deadline does not move, but the risk is reported.
        expect(codes(r)).toEqual([WarningCodes.DeadlineOnNonWorkingDay]);
    });
});

describe('R1.6 months: same day number, else the last day; always from the anchor', () => {
    test('2024-01-31 + 2 maanden = 2024-03-31 (anchored), chaining would give 03-29', () => {
        expect(iso(computeTermijn({ amount: 2, unit: 'maanden' }, '2024-01-31'))).toBe('2024-03-31');
        const once = computeTermijn({ amount: 1, unit: 'maanden' }, '2024-01-31');
        expect(iso(once)).toBe('2024-02-29');
        expect(iso(computeTermijn({ amount: 1, unit: 'maanden' }, once.date))).toBe('2024-03-29');
    });
    test('2024-08-31 + 6 maanden = 2025-02-28 (Date.setMonth would overflow to 03-03)', () => {
        const r = computeTermijn({ amount: 6, unit: 'maanden' }, '2024-08-31');
        expect(iso(r)).toBe('2025-02-28');
        expect(texts(r)).toContain('2024-08-31 + 6 maanden = vrijdag 2025-02-28: februari 2025 heeft geen 31e dag, dus de laatste dag van die maand (HR 1 september 2017).');
    });
    test('a start on the last day of a month does not snap: 30 april + 3 maanden = 30 juli', () => {
        expect(iso(computeTermijn({ amount: 3, unit: 'maanden' }, '2025-04-30'))).toBe('2025-07-30');
    });
    test('kwartalen and jaren are 3 and 12 months; 29 februari + 1 jaar = 28 februari', () => {
        expect(iso(computeTermijn({ amount: 2, unit: 'kwartalen' }, '2025-08-31'))).toBe('2026-02-28');
        expect(iso(computeTermijn({ amount: 1, unit: 'jaren' }, '2024-02-29'))).toBe('2025-02-28');
    });
});

describe('R1.7–R1.9 the Algemene termijnenwet', () => {
    test('R1.7 a: a contract term is not rolled unless the contract declares the Atw applicable', () => {
        const contract = computeTermijn({ amount: 7, unit: 'dagen' }, '2025-03-09');
        expect(iso(contract)).toBe('2025-03-16');
        const declared = computeTermijn({ amount: 7, unit: 'dagen', atwDeclared: true }, '2025-03-09');
        expect(iso(declared)).toBe('2025-03-17');
        expect(declared.atw.reasons[0]).toContain('overeenkomst verklaart de Atw');
    });
    test.each([
        [91, 'dagen', 'langer dan 90 dagen'], [13, 'weken', 'langer dan twaalf weken'], [4, 'maanden', 'langer dan drie maanden'],
        [2, 'kwartalen', 'langer dan drie maanden'], [1, 'jaren', 'in jaren omschreven']
    ] as const)('R1.7 b, art. 4: %i %s is excluded (%s)', (amount, unit, why) => {
        const r = computeTermijn({ amount, unit, origin: 'wet' }, '2025-01-01');
        expect(r.atw.applied).toBe(false);
        expect(r.atw.reasons.join(' ')).toContain(why);
        expect(r.date.equals(r.rawDate)).toBe(true);
    });
    test('R1.7 b: 90 dagen, 12 weken, 3 maanden and 1 kwartaal are still covered', () => {
        for (const [amount, unit] of [[90, 'dagen'], [12, 'weken'], [3, 'maanden'], [1, 'kwartalen']] as const) {
            expect(computeTermijn({ amount, unit, origin: 'wet' }, '2025-01-01').atw.applied).toBe(true);
        }
    });
    test('R1.7 b: hours are excluded', () => {
        const r = computeTermijn({ amount: 48, unit: 'uren', origin: 'wet' }, '2026-04-24T10:00');
        expect(r.atw.applied).toBe(false);
        expect(r.atw.reasons.join(' ')).toContain('in uren omschreven');
    });
    test('R1.7 c: a backward statutory term is never moved later (art. 1 lid 2)', () => {
        const r = computeTermijn({ amount: 7, unit: 'dagen', direction: 'voor', origin: 'wet' }, '2025-03-23');
        expect(iso(r)).toBe('2025-03-16');
        expect(r.atw.applied).toBe(false);
        expect(r.atw.reasons.join(' ')).toContain('art. 1 lid 2 Atw');
    });
    test('R1.7 d: a lex specialis switches the Atw off (Awb 4:17 lid 1, 42 dagen)', () => {
        const r = computeTermijn({ amount: 42, unit: 'dagen', origin: 'wet', atwExcludedBy: 'artikel 4:17 lid 1 Awb' }, '2025-11-14');
        expect(iso(r)).toBe('2025-12-26');
        expect(r.atw.applied).toBe(false);
        expect(r.atw.reasons).toEqual(['artikel 4:17 lid 1 Awb sluit de Atw uit (R1.7 d)']);
    });
    test('R1.8 R1.9: 3 dagen na wo 2025-12-24 (wettelijk) → za 12-27 → ma 12-29 → art. 2 → di 2025-12-30', () => {
        const r = computeTermijn({ amount: 3, unit: 'dagen', origin: 'wet' }, '2025-12-24');
        expect(r.rawDate.toString()).toBe('2025-12-27');
        expect(iso(r)).toBe('2025-12-30');
        expect(r.steps.find(s => s.kind === 'extend')?.rules).toEqual(['R1.9']);
    });
    test('R1.9 only for terms of at least three days: 2 dagen na wo 2025-12-24 → ma 2025-12-29', () => {
        expect(iso(computeTermijn({ amount: 2, unit: 'dagen', origin: 'wet' }, '2025-12-24'))).toBe('2025-12-29');
    });
    test('R1.8 with a contract calendar: the Atw rolls with its own set and says so', () => {
        // Counting in cao-lustrum lands on Goede Vrijdag 2026; the Atw then moves it past Easter.
        const r = computeTermijn({ amount: 1, unit: 'werkdagen', origin: 'wet', calendar: CAO_LUSTRUM }, '2026-04-02');
        expect(r.rawDate.toString()).toBe('2026-04-03');
        expect(iso(r)).toBe('2026-04-07');
        expect(r.atw.calendar?.id).toBe('atw');
        expect(texts(r).some(t => t.includes('niet met kalender cao-lustrum'))).toBe(true);
    });
});

describe('R1.4 and R1.11 werkdagen and backward terms', () => {
    test('R1.4: from a non-working day counting starts the next day', () => {
        const r = computeTermijn({ amount: 1, unit: 'werkdagen' }, '2026-04-25');
        expect(iso(r)).toBe('2026-04-28');
        expect(r.steps.some(s => s.kind === 'note' && s.rules.includes('R1.4'))).toBe(true);
    });
    test('R1.4: 0 werkdagen is rejected', () => {
        expect(() => computeTermijn({ amount: 0, unit: 'werkdagen' }, '2026-04-24')).toThrow(TermijnError);
    });
    test('R1.11: uiterlijk 3 werkdagen vóór di 2026-04-28 → wo 2026-04-22 (Koningsdag skipped)', () => {
        const r = computeTermijn({ amount: 3, unit: 'werkdagen', direction: 'voor' }, '2026-04-28');
        expect(iso(r)).toBe('2026-04-22');
    });
    test('R1.11: vrije termijn of N dagen is Y − N − 1', () => {
        expect(iso(computeTermijn({ amount: 14, unit: 'dagen', direction: 'voor', free: true }, '2026-03-20'))).toBe('2026-03-05');
        expect(iso(computeTermijn({ amount: 14, unit: 'dagen', direction: 'voor' }, '2026-03-20'))).toBe('2026-03-06');
    });
    test('R1.11: vrije termijn of N werkdagen leaves N whole werkdagen in between', () => {
        // Y = di 2026-04-07 (after Easter): werkdagen before are 04-02 and 04-01 (GV, 2e Paasdag skipped).
        expect(iso(computeTermijn({ amount: 2, unit: 'werkdagen', direction: 'voor', free: true }, '2026-04-07'))).toBe('2026-03-31');
    });
    test('R1.11: a backward date on a non-working day gets an earlier advisory date, never a later one', () => {
        const r = computeTermijn({ amount: 7, unit: 'dagen', direction: 'voor' }, '2026-05-12');
        expect(iso(r)).toBe('2026-05-05');
        expect(r.advisoryDate?.toString()).toBe('2026-05-04');
        expect(r.steps.find(s => s.kind === 'advice')?.text).toContain('advies');
    });
});

describe('R1.12 backward months', () => {
    test('E = 2027-02-28, 1 maand → 2027-01-31 (E − N months would give 01-28)', () => {
        expect(latestBeforeByMonths(date('2027-02-28'), 1).toString()).toBe('2027-01-31');
        const r = computeTermijn({ amount: 1, unit: 'maanden', direction: 'voor' }, '2027-02-28');
        expect(iso(r)).toBe('2027-01-31');
        expect(texts(r).some(t => t.includes('2027-01-28') && t.includes('geen enkel risico'))).toBe(true);
    });
    test('E = 2027-06-29, 4 maanden → 2027-02-28 ((E+1) − N months − 1 day would give 02-27)', () => {
        expect(latestBeforeByMonths(date('2027-06-29'), 4).toString()).toBe('2027-02-28');
    });
    test('a vrije termijn in months counts back from the day before', () => {
        expect(iso(computeTermijn({ amount: 1, unit: 'maanden', direction: 'voor', free: true }, '2027-03-01'))).toBe('2027-01-31');
    });
});

describe('R1.13 opzegging and R1.14 start rules', () => {
    test('R1.13 tegen 1 januari: the first 1 januari on or after R + N', () => {
        expect(iso(opzegging({ amount: 3, unit: 'maanden', alignment: { kind: 'on-or-after', monthDay: '01-01' } }, '2025-08-15'))).toBe('2026-01-01');
        expect(iso(opzegging({ amount: 3, unit: 'maanden', alignment: { kind: 'on-or-after', monthDay: '01-01' } }, '2025-10-01'))).toBe('2026-01-01');
        expect(iso(opzegging({ amount: 3, unit: 'maanden', alignment: { kind: 'on-or-after', monthDay: '01-01' } }, '2025-10-02'))).toBe('2027-01-01');
    });
    test('R1.12 R1.13: latest notice with "tegen het einde van een kalendermaand" is searched by the same definition', () => {
        const spec = { amount: 6, unit: 'maanden' as const, alignment: { kind: 'end-of' as const, period: 'maand' as const } };
        const r = latestNotice(spec, '2025-09-30');
        expect(iso(r)).toBe('2025-03-31');
        expect(iso(opzegging(spec, r.date))).toBe('2025-09-30');
        expect(iso(opzegging(spec, r.date.add({ days: 1 })))).toBe('2025-10-31');
        expect(r.steps.at(-1)?.kind).toBe('result');
    });
    test('R1.14: opzegtermijn ingaande de eerste dag van de kalendermaand volgend op ontvangst', () => {
        const r = opzegging({ amount: 3, unit: 'kalendermaanden', start: { kind: 'first-day-of-next', period: 'maand' } }, '2025-03-10');
        expect(r.start?.toString()).toBe('2025-04-01');
        expect(iso(r)).toBe('2025-06-30');
    });
    test('R1.14: six kalendermaanden ingaande 1 juli run through 31 december (the day before 1 januari), not 30 december', () => {
        // Seed 002 artikel 5: received in June 2020, the opzegtermijn starts on 2020-07-01.
        const spec = { amount: 6, unit: 'kalendermaanden' as const, start: { kind: 'first-day-of-next' as const, period: 'maand' as const } };
        const r = opzegging(spec, '2020-06-15');
        expect([r.start?.toString(), iso(r)]).toEqual(['2020-07-01', '2020-12-31']);
        expect(r.steps.map(s => s.text).join('\n')).toContain('loopt dus tot en met de laatste dag van de 6e maand');
        // Ingaande 1 maart for one month: through 31 maart; in a leap year twelve months from 1 maart 2023 end on 29 februari.
        expect(iso(computeTermijn({ amount: 1, unit: 'maanden', start: { kind: 'inclusive' } }, '2025-03-01'))).toBe('2025-03-31');
        expect(iso(computeTermijn({ amount: 12, unit: 'maanden', start: { kind: 'inclusive' } }, '2023-03-01'))).toBe('2024-02-29');
        // Not on the first of a month, R1.14 as before: (S − 1) + N months, constrained (R1.6).
        expect(iso(computeTermijn({ amount: 6, unit: 'maanden', start: { kind: 'inclusive' } }, '2020-07-02'))).toBe('2021-01-01');
        // After a trigger (R1.2) nothing snaps to a month end: 30 June + 6 months = 30 December (§1.3).
        expect(iso(computeTermijn({ amount: 6, unit: 'maanden' }, '2020-06-30'))).toBe('2020-12-30');
        // And a looptijd of six months ingaande 1 juli ends on 31 december (R1.14, R1.15).
        expect(computeLooptijd({ start: '2020-07-01', duration: { amount: 6, unit: 'maanden' }, calendar: getCalendar('atw')! }).periods[0].end?.toString()).toBe('2020-12-31');
    });
    test('R1.7: a contract term in months never moves, so a year without KB data does not warn; a werkdagen term does', () => {
        // Seed 002's opzegging: 6 kalendermaanden from the first day of the next month, to end on 2020-12-31.
        const spec = { amount: 6, unit: 'kalendermaanden' as const, start: { kind: 'first-day-of-next' as const, period: 'maand' as const } };
        const latest = latestNotice(spec, '2020-12-31');
        expect(iso(latest)).toBe('2020-06-30');
        expect(codes(latest)).toEqual([]);
        expect(codes(computeTermijn({ amount: 6, unit: 'kalendermaanden' }, '2020-06-15'))).toEqual([]);
        // Counting werkdagen in 2020 asks the KB days of that year: the warning stays.
        expect(codes(computeTermijn({ amount: 3, unit: 'werkdagen' }, '2020-05-01'))).toContain(WarningCodes.KbNotCovered);
    });
    test('R1.14: other start periods (week, kwartaal, jaar)', () => {
        expect(computeTermijn({ amount: 0, unit: 'dagen', start: { kind: 'first-day-of-next', period: 'week' } }, '2026-04-24').start?.toString()).toBe('2026-04-27');
        expect(iso(computeTermijn({ amount: 1, unit: 'kwartalen', start: { kind: 'first-day-of-next', period: 'kwartaal' } }, '2026-02-10'))).toBe('2026-06-30');
        expect(iso(computeTermijn({ amount: 1, unit: 'jaren', start: { kind: 'first-day-of-next', period: 'jaar' } }, '2026-02-10'))).toBe('2027-12-31');
    });
    test('R1.2: regelrecht example, bekendmaking 2026-03-12 starts the term on 2026-03-13', () => {
        expect(computeTermijn({ amount: 6, unit: 'weken', origin: 'wet' }, '2026-03-12').start?.toString()).toBe('2026-03-13');
    });
});

describe('R1.1 and R1.16 triggers', () => {
    test('R1.1: an instant is read as its Europe/Amsterdam date', () => {
        const r = computeTermijn({ amount: 1, unit: 'kalenderdagen' }, '2026-04-24T22:30:00Z');
        expect(r.trigger.date.toString()).toBe('2026-04-25');
        expect(iso(r)).toBe('2026-04-26');
    });
    test('R1.1: hours are real elapsed hours across the change to summer time', () => {
        const r = computeTermijn({ amount: 24, unit: 'uren' }, '2026-03-28T12:00');
        expect(r.dateTime?.toString()).toBe('2026-03-29T13:00:00');
        expect(texts(r).some(t => t.includes('+01:00 → +02:00'))).toBe(true);
    });
    test('R1.1: an hour term without a time is rejected', () => {
        expect(() => computeTermijn({ amount: 24, unit: 'uren' }, '2026-03-28')).toThrow(/tijdstip/);
    });
    test('R1.16: received after the cut-off counts as received on the next werkdag', () => {
        const late = computeTermijn({ amount: 1, unit: 'werkdagen' }, { at: '2026-04-24T17:30', kind: 'ontvangst', receiptCutoff: '17:00' });
        expect(late.trigger.date.toString()).toBe('2026-04-28'); // Saturday, Sunday, Koningsdag
        expect(iso(late)).toBe('2026-04-29');
        const early = computeTermijn({ amount: 1, unit: 'werkdagen' }, { at: '2026-04-24T16:59', kind: 'ontvangst', receiptCutoff: '17:00' });
        expect(iso(early)).toBe('2026-04-28');
    });
});

describe('invalid input is a TermijnError with a Dutch message', () => {
    test.each([
        [{ amount: -1, unit: 'dagen' }, 'invalid-amount'],
        [{ amount: 1.5, unit: 'dagen' }, 'invalid-amount'],
        [{ amount: 3, unit: 'fortnights' }, 'invalid-unit'],
        [{ amount: 3, unit: 'dagen', calendar: 'onbekend' }, 'invalid-option'],
        [{ amount: 3, unit: 'dagen', free: true }, 'invalid-option'],
        [{ amount: 3, unit: 'dagen', direction: 'voor', alignment: { kind: 'end-of', period: 'maand' } }, 'invalid-option'],
        [{ amount: 3, unit: 'maanden', alignment: { kind: 'on-or-after', monthDay: '02-29' } }, 'invalid-option']
    ])('%o → %s', (spec, code) => {
        expect(() => computeTermijn(spec as unknown as TermijnSpec, '2026-01-01')).toThrow(expect.objectContaining({ code }));
    });
    test('an invalid trigger date', () => {
        expect(() => computeTermijn({ amount: 3, unit: 'dagen' }, '2026-02-30')).toThrow(expect.objectContaining({ code: 'invalid-trigger' }));
    });
    test('a date beyond year 9999', () => {
        expect(() => computeTermijn({ amount: 10_000, unit: 'jaren' }, '2026-01-01')).toThrow(expect.objectContaining({ code: 'out-of-range' }));
    });
    test('a looptijd that leaves the calendar\'s range is a TermijnError too, not a RangeError', () => {
        // 1000 renewals of 1000 years pass the amount and count checks but reach year 1,000,000.
        expect(() => computeLooptijd({
            start: '2021-01-01', duration: { amount: 1000, unit: 'jaren' },
            renewal: { kind: 'stilzwijgend', length: { amount: 1000, unit: 'jaren' }, maxCount: 1000 }
        })).toThrow(expect.objectContaining({ code: 'out-of-range' }));
    });
});

describe('R1.14 R1.15 looptijd', () => {
    test('a duration that does not match its dates: twee jaar (van 1 januari 2021 tot en met 31 december 2021)', () => {
        const r = computeLooptijd({ start: '2021-01-01', duration: { amount: 2, unit: 'jaren' }, end: '2021-12-31' });
        expect(codes(r)).toEqual([WarningCodes.LooptijdDurationMismatch]);
        expect(r.warnings[0].message).toContain('2022-12-31');
        expect(r.periods[0].end?.toString()).toBe('2021-12-31');
    });
    test('renewals anchored on the ingangsdatum from an end date: ingang 2021-01-01, einde 2024-12-31, 2 × 2 jaar', () => {
        const r = computeLooptijd({
            start: '2021-01-01', end: '2024-12-31', latestEnd: '2028-12-31',
            renewal: { kind: 'stilzwijgend', length: { amount: 2, unit: 'jaren' }, maxCount: 2 },
            notice: { amount: 4, unit: 'maanden' }
        });
        expect(r.periods.map(p => `${p.start}/${p.end}`)).toEqual(['2021-01-01/2024-12-31', '2025-01-01/2026-12-31', '2027-01-01/2028-12-31']);
        expect(r.periods.map(p => p.noticeDeadline?.date.toString())).toEqual(['2024-08-31', '2026-08-31', undefined]);
        expect(r.warnings).toEqual([]);
    });
    test('R1.15 anchored, never chained: 1 maand ingaande 2025-01-31, telkens 1 maand', () => {
        const r = computeLooptijd({ start: '2025-01-31', duration: { amount: 1, unit: 'maanden' }, renewal: { kind: 'stilzwijgend', length: { amount: 1, unit: 'maanden' }, maxCount: 2 } });
        expect(r.periods.map(p => p.end?.toString())).toEqual(['2025-02-28', '2025-03-30', '2025-04-30']);
    });
    test('an extension that can run past the uiterste einddatum is reported', () => {
        const r = computeLooptijd({
            start: '2021-01-01', end: '2024-12-31', latestEnd: '2026-12-31',
            renewal: { kind: 'stilzwijgend', length: { amount: 2, unit: 'jaren' }, maxCount: 2 }
        });
        expect(r.periods.map(p => p.pastLatestEnd)).toEqual([false, false, true]);
        expect(codes(r)).toEqual([WarningCodes.LooptijdPastLatestEnd]);
    });
    test('unlimited renewals list the horizon', () => {
        const r = computeLooptijd({ start: '2025-01-01', duration: { amount: 1, unit: 'jaren' }, renewal: { kind: 'stilzwijgend', length: { amount: 1, unit: 'jaren' } }, horizon: 3 });
        expect(r.unlimited).toBe(true);
        expect(r.finalEnd).toBeUndefined();
        expect(r.periods.map(p => p.end?.toString())).toEqual(['2025-12-31', '2026-12-31', '2027-12-31']);
        expect(r.periods.every(p => p.ending === 'renews-unless-notice')).toBe(true);
    });
    test('after the first period voor onbepaalde tijd: R1.13 from then on', () => {
        const r = computeLooptijd({ start: '2025-01-01', duration: { amount: 1, unit: 'jaren' }, renewal: { kind: 'onbepaalde-tijd' }, notice: { amount: 3, unit: 'maanden' } });
        expect(r.periods.map(p => [p.start.toString(), p.end?.toString(), p.ending])).toEqual([
            ['2025-01-01', '2025-12-31', 'renews-unless-notice'], ['2026-01-01', undefined, 'indefinite']
        ]);
        expect(r.periods[0].noticeDeadline?.date.toString()).toBe('2025-09-30');
    });
    test('einde before ingang is an error', () => {
        expect(() => computeLooptijd({ start: '2025-01-01', end: '2024-12-31' })).toThrow(TermijnError);
    });
});

describe('R1.17 the derivation', () => {
    test('every field of the audit trail is present', () => {
        const r = computeTermijn({ amount: 2, unit: 'weken', origin: 'wet', reference: 'artikel 2.3.5 lid 2 Wmo 2015' }, { at: '2026-04-30', kind: 'ontvangst' });
        expect(r.trigger.date.toString()).toBe('2026-04-30');
        expect([r.amount, r.unit, r.direction]).toEqual([2, 'weken', 'na']);
        expect(r.calendar.id).toBe('atw');
        expect(r.calendar.version).toBe('2025.1+kb2023-2028');
        expect(r.atw.applied).toBe(true);
        expect(r.rawDate.toString()).toBe('2026-05-14');
        expect(r.steps.every(s => s.text.length > 0)).toBe(true);
        expect(r.steps.filter(s => s.kind === 'roll').every(s => s.rules.includes('R1.8'))).toBe(true);
        expect(r.steps.at(-1)).toMatchObject({ kind: 'result', rules: ['R1.1'] });
    });
    test('JSON has datum, afleiding and the structured fields', () => {
        const json = termijnToJson(computeTermijn({ amount: 3, unit: 'werkdagen' }, '2026-04-24'));
        expect(json.datum).toBe('2026-04-30');
        expect(json.afleiding.some(s => s.tekst === '2026-04-27 is Koningsdag; telt niet als werkdag.')).toBe(true);
        expect(json).toMatchObject({ ruweDatum: '2026-04-30', aantal: 3, eenheid: 'werkdagen', richting: 'na', kalender: { id: 'atw' }, atw: { toegepast: false }, waarschuwingen: [] });
        expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    });
    test('the text rendering starts with the date', () => {
        const text = termijnToText(computeTermijn({ amount: 3, unit: 'werkdagen' }, '2026-04-24'));
        expect(text.split('\n')[0]).toBe('Uiterste datum: donderdag 2026-04-30');
        expect(text).toContain('Afleiding:');
    });
});
