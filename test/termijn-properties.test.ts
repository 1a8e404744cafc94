/**
 * Property tests (fast-check) for the laws of termijnen.md §1.5: werkdag results are working days, backward and
 * forward month terms agree (R1.12), results are monotone in the trigger date, werkdagen round-trip.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import type { EndAlignment, StartRule, TermijnSpec, TermijnUnit, WorkdayCalendar } from '../language/calendar/index.js';
import {
    ATW, ATW_ZONDER_KB, CAO_LUSTRUM, addMonths, computeTermijn, defineCalendar, latestBeforeByMonths, latestNotice, opzegging
} from '../language/calendar/index.js';

const BASE = Temporal.PlainDate.from('2015-01-01');
const SPAN = BASE.until(Temporal.PlainDate.from('2032-12-31')).days;
const cmp = Temporal.PlainDate.compare;

const dateArb = fc.integer({ min: 0, max: SPAN }).map(n => BASE.add({ days: n }));
const calendarArb = fc.constantFrom<WorkdayCalendar>(ATW, ATW_ZONDER_KB, CAO_LUSTRUM,
    defineCalendar({ id: 'regio', base: 'atw', closed: ['12-24', '12-31'], open: ['bevrijdingsdag'] }));
const dayUnits: TermijnUnit[] = ['werkdagen', 'kalenderdagen', 'dagen', 'weken', 'maanden', 'kalendermaanden', 'kwartalen', 'jaren'];
const monthUnitArb = fc.constantFrom<TermijnUnit>('maanden', 'kalendermaanden', 'kwartalen', 'jaren');
const monthsOf = (unit: TermijnUnit) => unit === 'kwartalen' ? 3 : unit === 'jaren' ? 12 : 1;

const startArb: fc.Arbitrary<StartRule | undefined> = fc.constantFrom<StartRule | undefined>(
    undefined, { kind: 'inclusive' }, { kind: 'first-day-of-next', period: 'maand' }, { kind: 'first-day-of-next', period: 'week' },
    { kind: 'first-day-of-next', period: 'kwartaal' });
const alignmentArb: fc.Arbitrary<EndAlignment | undefined> = fc.constantFrom<EndAlignment | undefined>(
    undefined, { kind: 'end-of', period: 'maand' }, { kind: 'end-of', period: 'kwartaal' }, { kind: 'on-or-after', monthDay: '01-01' });

/** Any valid termijn except hours (which need a time of day). */
const specArb: fc.Arbitrary<TermijnSpec> = fc.record({
    unit: fc.constantFrom(...dayUnits),
    amount: fc.integer({ min: 1, max: 30 }),
    direction: fc.constantFrom<'na' | 'voor'>('na', 'voor'),
    origin: fc.constantFrom<'wet' | 'overeenkomst'>('wet', 'overeenkomst'),
    calendar: calendarArb,
    start: startArb,
    alignment: alignmentArb,
    free: fc.boolean()
}).map(s => s.direction === 'na'
    ? { unit: s.unit, amount: s.amount, direction: 'na' as const, origin: s.origin, calendar: s.calendar, start: s.start, alignment: s.alignment }
    : { unit: s.unit, amount: s.amount, direction: 'voor' as const, origin: s.origin, calendar: s.calendar, free: s.free });

describe('R1.4 R1.11: a werkdagen result never falls on a non-working day', () => {
    test('forward and backward, in every calendar, with and without the Atw', () => {
        fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 60 }), calendarArb, fc.constantFrom<'na' | 'voor'>('na', 'voor'),
            fc.constantFrom<'wet' | 'overeenkomst'>('wet', 'overeenkomst'), (x, n, calendar, direction, origin) => {
                const r = computeTermijn({ amount: n, unit: 'werkdagen', calendar, direction, origin }, x);
                expect(calendar.isWorkday(r.date)).toBe(true);
                if (r.atw.applied) expect(ATW.isWorkday(r.date)).toBe(true);
            }));
    });
});

describe('R1.8: when the Atw applies the end is a working day of the Atw and never earlier than the raw date', () => {
    test('statutory forward terms up to the art. 4 limits', () => {
        fc.assert(fc.property(dateArb, fc.constantFrom<[TermijnUnit, number]>(['dagen', 90], ['weken', 12], ['maanden', 3]), fc.nat(),
            (x, [unit, max], k) => {
                const r = computeTermijn({ amount: 1 + k % max, unit, origin: 'wet' }, x);
                expect(r.atw.applied).toBe(true);
                expect(ATW.isWorkday(r.date)).toBe(true);
                expect(cmp(r.date, r.rawDate)).toBeGreaterThanOrEqual(0);
            }));
    });
    test('contract terms are never moved', () => {
        fc.assert(fc.property(dateArb, fc.integer({ min: 0, max: 400 }), fc.constantFrom<TermijnUnit>('dagen', 'weken', 'maanden'), (x, n, unit) => {
            const r = computeTermijn({ amount: n, unit }, x);
            expect(r.date.equals(r.rawDate)).toBe(true);
        }));
    });
});

describe('R1.6 R1.12: a backward month term and the forward term agree', () => {
    const forward = (d: Temporal.PlainDate, unit: TermijnUnit, n: number) => computeTermijn({ amount: n, unit }, d).date;
    const backward = (e: Temporal.PlainDate, unit: TermijnUnit, n: number) => computeTermijn({ amount: n, unit, direction: 'voor' }, e).date;

    test('D = backward(E) is the latest day whose forward term ends on or before E', () => {
        fc.assert(fc.property(dateArb, monthUnitArb, fc.integer({ min: 1, max: 24 }), (e, unit, n) => {
            const d = backward(e, unit, n);
            expect(cmp(forward(d, unit, n), e)).toBeLessThanOrEqual(0);
            expect(cmp(forward(d.add({ days: 1 }), unit, n), e)).toBeGreaterThan(0);
        }));
    });
    test('forward(backward(E)) = E, except when no day has E as its forward end (the month-end exception)', () => {
        fc.assert(fc.property(dateArb, monthUnitArb, fc.integer({ min: 1, max: 24 }), (e, unit, n) => {
            const back = forward(backward(e, unit, n), unit, n);
            const months = n * monthsOf(unit);
            let reachable = false;
            for (let x = addMonths(e, -months).subtract({ days: 4 }); cmp(x, e) <= 0; x = x.add({ days: 1 })) {
                if (addMonths(x, months).equals(e)) reachable = true;
            }
            expect(back.equals(e)).toBe(reachable);
            // Unreachable ends are the last days of a month after a shorter month.
            if (!reachable) expect(e.day).toBeGreaterThan(addMonths(e, -months).daysInMonth);
        }));
    });
    test('backward(forward(D)) = D, except when D + 1 has the same forward end (D before the month-end clamp)', () => {
        fc.assert(fc.property(dateArb, monthUnitArb, fc.integer({ min: 1, max: 24 }), (d, unit, n) => {
            const e = forward(d, unit, n);
            const back = backward(e, unit, n);
            expect(cmp(back, d)).toBeGreaterThanOrEqual(0);
            expect(back.equals(d)).toBe(!forward(d.add({ days: 1 }), unit, n).equals(e));
        }));
    });
    test('the R1.12 loop equals the brute-force maximum', () => {
        fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 36 }), (e, months) => {
            let best: Temporal.PlainDate | undefined;
            for (let x = addMonths(e, -months).subtract({ days: 5 }); cmp(x, e) <= 0; x = x.add({ days: 1 })) {
                if (cmp(addMonths(x, months), e) <= 0) best = x;
            }
            expect(latestBeforeByMonths(e, months).equals(best!)).toBe(true);
        }));
    });
    test('R1.6: a forward month term keeps the day number or ends on the last day of a shorter month', () => {
        fc.assert(fc.property(dateArb, monthUnitArb, fc.integer({ min: 0, max: 40 }), (x, unit, n) => {
            const r = forward(x, unit, n);
            if (r.day !== x.day) {
                expect(r.day).toBe(r.daysInMonth);
                expect(r.daysInMonth).toBeLessThan(x.day);
            }
        }));
    });
});

describe('R1.12 R1.13: the latest notice is the latest receipt that still ends in time', () => {
    test('with start rules and "tegen het einde van …"', () => {
        fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 12 }), startArb, alignmentArb, (e, n, start, alignment) => {
            const spec = { amount: n, unit: 'maanden' as const, start, alignment };
            const latest = latestNotice(spec, e).date;
            expect(cmp(opzegging(spec, latest).date, e)).toBeLessThanOrEqual(0);
            expect(cmp(opzegging(spec, latest.add({ days: 1 })).date, e)).toBeGreaterThan(0);
        }), { numRuns: 60 });
    });
});

describe('results are monotone (non-decreasing) in the trigger date', () => {
    test('every unit, both directions, statutory or contract, every calendar, start rules and alignments', () => {
        fc.assert(fc.property(specArb, dateArb, fc.integer({ min: 0, max: 40 }), (spec, t1, gap) => {
            const t2 = t1.add({ days: gap });
            expect(cmp(computeTermijn(spec, t1).date, computeTermijn(spec, t2).date)).toBeLessThanOrEqual(0);
        }), { numRuns: 300 });
    });
    test('hour terms too', () => {
        const instant = fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }).map(m => Temporal.PlainDateTime.from('2025-01-01T00:00').add({ minutes: m }));
        fc.assert(fc.property(instant, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 200 }), (t1, gap, n) => {
            const t2 = t1.add({ minutes: gap });
            const a = computeTermijn({ amount: n, unit: 'uren' }, { at: t1 });
            const b = computeTermijn({ amount: n, unit: 'uren' }, { at: t2 });
            expect(Temporal.PlainDateTime.compare(a.dateTime!, b.dateTime!)).toBeLessThanOrEqual(0);
        }));
    });
});

describe('round trips', () => {
    test('R1.4 R1.11: n werkdagen forward then n back gives the start when the start is a werkdag', () => {
        fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 60 }), calendarArb, (x, n, calendar) => {
            fc.pre(calendar.isWorkday(x));
            const there = computeTermijn({ amount: n, unit: 'werkdagen', calendar }, x).date;
            const back = computeTermijn({ amount: n, unit: 'werkdagen', calendar, direction: 'voor' }, there).date;
            expect(back.equals(x)).toBe(true);
        }));
    });
    test('R1.2 R1.5 R1.11: days and weeks forward then back give the start', () => {
        fc.assert(fc.property(dateArb, fc.integer({ min: 0, max: 500 }), fc.constantFrom<TermijnUnit>('dagen', 'kalenderdagen', 'weken'), (x, n, unit) => {
            const there = computeTermijn({ amount: n, unit }, x).date;
            expect(computeTermijn({ amount: n, unit, direction: 'voor' }, there).date.equals(x)).toBe(true);
        }));
    });
});
