/**
 * The werkdag calendars of termijnen.md §1.2 and R1.10: Easter, the Atw feestdagen, Koningsdag, Goede Vrijdag,
 * 5 mei, the KB days per decree, the named calendars, declared calendars and the uncovered-year warning.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import {
    ATW, ATW_ZONDER_KB, CALENDAR_IDS, CAO_LUSTRUM, CalendarError, KB_DECREES, computeTermijn, defineCalendar, easterSunday,
    getCalendar, koningsdag, WarningCodes
} from '../language/calendar/index.js';

const date = (s: string) => Temporal.PlainDate.from(s);
const dayMonth = (d: Temporal.PlainDate) => `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')}`;

describe('Easter (computus) and the movable feestdagen', () => {
    test.each([
        [2014, '2014-04-20'], [2016, '2016-03-27'], [2019, '2019-04-21'], [2024, '2024-03-31'], [2025, '2025-04-20'],
        [2026, '2026-04-05'], [2027, '2027-03-28'], [2028, '2028-04-16'], [2038, '2038-04-25'], [2285, '2285-03-22']
    ])('Easter Sunday %i is %s', (year, expected) => {
        expect(easterSunday(year).toString()).toBe(expected);
    });
});

describe('§1.2 the full Atw holiday calendar 2025–2028', () => {
    // The table of termijnen.md §1.2: art. 3 lid 1 + lid 2, and the KB days of lid 3.
    const table: Record<number, { statutory: string[]; kb: string[] }> = {
        2025: { statutory: ['01-01', '18-04', '21-04', '26-04', '05-05', '29-05', '09-06', '25-12', '26-12'], kb: ['30-05'] },
        2026: { statutory: ['01-01', '03-04', '06-04', '27-04', '05-05', '14-05', '25-05', '25-12', '26-12'], kb: ['02-01', '15-05'] },
        2027: { statutory: ['01-01', '26-03', '29-03', '27-04', '05-05', '06-05', '17-05', '25-12', '26-12'], kb: ['07-05'] },
        2028: { statutory: ['01-01', '14-04', '17-04', '27-04', '05-05', '25-05', '05-06', '25-12', '26-12'], kb: ['28-04', '26-05'] }
    };
    for (const [year, expected] of Object.entries(table)) {
        test(`${year}: art. 3 lid 1 + lid 2 and the KB days (R1.10)`, () => {
            const holidays = ATW.holidays(Number(year));
            expect(holidays.filter(h => h.key !== 'kb').map(h => dayMonth(h.date)).sort()).toEqual([...expected.statutory].sort());
            expect(holidays.filter(h => h.key === 'kb').map(h => dayMonth(h.date))).toEqual(expected.kb);
            expect(ATW.yearWarnings(Number(year))).toEqual([]);
        });
    }
});

describe('Koningsdag (§1.2, Besluit Koningsdag)', () => {
    test.each([
        [2014, '2014-04-26'], [2025, '2025-04-26'], [2026, '2026-04-27'], [2027, '2027-04-27'], [2028, '2028-04-27'],
        [2031, '2031-04-26'], [2036, '2036-04-26']
    ])('Koningsdag %i is %s (26 april when the 27th is a Sunday)', (year, expected) => {
        const d = koningsdag(year);
        expect(d.toString()).toBe(expected);
        expect(d.dayOfWeek).not.toBe(7);
        expect(ATW.isWorkday(d)).toBe(false);
    });
    test('on the Sunday case the 27th is an ordinary Sunday and the 26th (Saturday) is named Koningsdag', () => {
        expect(ATW.nonWorkingReason(date('2025-04-27'))).toBe('een zondag');
        expect(ATW.nonWorkingReason(date('2025-04-26'))).toBe('een zaterdag en Koningsdag (27 april is een zondag)');
    });
    test('before 2014 Koninginnedag is used, with a warning that the reference does not cover the year', () => {
        expect(koningsdag(2013).toString()).toBe('2013-04-30');
        expect(koningsdag(2006).toString()).toBe('2006-04-29');
        expect(ATW_ZONDER_KB.yearWarnings(2013).map(w => w.code)).toEqual([WarningCodes.YearUnverified]);
    });
});

describe('Goede Vrijdag and 5 mei (§0.1, §0.2)', () => {
    test('Goede Vrijdag is closed under the Atw (art. 3 lid 2) and open under cao-lustrum', () => {
        for (const gv of ['2025-04-18', '2026-04-03', '2027-03-26', '2028-04-14']) {
            expect(ATW.isWorkday(date(gv))).toBe(false);
            expect(ATW_ZONDER_KB.nonWorkingReason(date(gv))).toBe('Goede Vrijdag');
            expect(CAO_LUSTRUM.isWorkday(date(gv))).toBe(true);
        }
    });
    test('5 mei is closed every year under the Atw', () => {
        for (const year of [2026, 2027, 2028, 2029, 2031]) {
            const d = date(`${year}-05-05`);
            expect(ATW_ZONDER_KB.closures(d).map(h => h.key)).toContain('bevrijdingsdag');
        }
    });
    test('5 mei is closed only in lustrum years under cao-lustrum', () => {
        expect(CAO_LUSTRUM.isWorkday(date('2025-05-05'))).toBe(false);
        expect(CAO_LUSTRUM.isWorkday(date('2026-05-05'))).toBe(true);
        expect(CAO_LUSTRUM.isWorkday(date('2027-05-05'))).toBe(true);
        expect(CAO_LUSTRUM.closures(date('2030-05-05')).map(h => h.key)).toEqual(['bevrijdingsdag']); // a Sunday in 2030
        expect(CAO_LUSTRUM.closures(date('2029-05-05'))).toEqual([]);
    });
    test('a feestdag on the same day as another lists both (Hemelvaartsdag on 5 mei 2016)', () => {
        expect(ATW_ZONDER_KB.nonWorkingReason(date('2016-05-05'))).toBe('Hemelvaartsdag en Bevrijdingsdag (5 mei)');
    });
});

describe('KB days (art. 3 lid 3 Atw) as versioned data', () => {
    const listed: [string, string][] = [
        ['2023-04-28', 'Stcrt. 2022, 7812'], ['2023-05-19', 'Stcrt. 2022, 7812'], ['2024-05-10', 'Stcrt. 2022, 7812'],
        ['2024-12-27', 'Stcrt. 2022, 7812'], ['2025-05-30', 'Stcrt. 2022, 7812'],
        ['2026-01-02', 'Stcrt. 2025, 24713'], ['2026-05-15', 'Stcrt. 2025, 24713'], ['2027-05-07', 'Stcrt. 2025, 24713'],
        ['2028-04-28', 'Stcrt. 2025, 24713'], ['2028-05-26', 'Stcrt. 2025, 24713'],
        ['2018-12-24', 'Stcrt. 2016, 58653'], ['2018-12-31', 'Stcrt. 2016, 58653']
    ];
    test.each(listed)('%s is a gelijkgestelde dag citing %s, only in the atw calendar', (iso, publication) => {
        const d = date(iso);
        expect(d.dayOfWeek).toBeLessThan(6);
        expect(ATW.isWorkday(d)).toBe(false);
        const kb = ATW.closures(d).find(h => h.key === 'kb');
        expect(kb?.basis).toBe(`art. 3 lid 3 Atw, ${publication}`);
        expect(ATW.nonWorkingReason(d)).toContain(publication);
        // A KB day is a normal working day outside statutory termijnen (§1.2).
        expect(ATW_ZONDER_KB.isWorkday(d)).toBe(true);
        expect(CAO_LUSTRUM.isWorkday(d)).toBe(true);
    });
    test('every decree cites its Staatscourant publication and sources, and lists only weekdays', () => {
        for (const decree of KB_DECREES) {
            expect(decree.publication).toMatch(/^Stcrt\. \d{4}, \d+$/);
            expect(decree.sources.length).toBeGreaterThan(0);
            for (const day of decree.days) expect(date(day.date).dayOfWeek).toBeLessThan(6);
        }
    });
    test('the atw version names the KB data and the years it covers', () => {
        expect(ATW.version).toBe('2025.1+kb2023-2028');
        expect(ATW.description).toContain('2023–2028');
    });
});

describe('years the KB data does not cover (R1.10)', () => {
    test('2029 and later: a Dutch warning value, not an exception', () => {
        const warnings = ATW.yearWarnings(2029);
        expect(warnings).toHaveLength(1);
        expect(warnings[0].code).toBe(WarningCodes.KbNotCovered);
        expect(warnings[0].message).toContain('Voor 2029 is geen Koninklijk Besluit met gelijkgestelde dagen');
        expect(warnings[0].rules).toEqual(['R1.10']);
        // The result uses lid 1 + lid 2 only.
        expect(ATW.holidays(2029).map(h => h.key)).not.toContain('kb');
    });
    test('2018: only part of the KB list is known', () => {
        expect(ATW.yearWarnings(2018).map(w => w.code)).toEqual([WarningCodes.KbIncomplete]);
        expect(ATW.yearWarnings(2018)[0].message).toContain('2018-12-24 en 2018-12-31');
    });
    test('a computation reaching into 2029 carries the warning for 2029 only', () => {
        const r = computeTermijn({ amount: 10, unit: 'werkdagen' }, '2028-12-20');
        expect(r.date.toString()).toBe('2029-01-08'); // 25/26 dec 2028 and 1 jan 2029 skipped
        expect(r.warnings.map(w => w.code)).toEqual([WarningCodes.KbNotCovered]);
        expect(r.warnings[0].message).toContain('2029');
    });
    test('calendars without KB days never warn about KB coverage', () => {
        expect(ATW_ZONDER_KB.yearWarnings(2035)).toEqual([]);
        expect(CAO_LUSTRUM.yearWarnings(2035)).toEqual([]);
    });
});

describe('named calendars', () => {
    test('ids, versions and lookup', () => {
        expect(CALENDAR_IDS).toEqual(['atw', 'atw-zonder-kb', 'cao-lustrum']);
        expect(getCalendar('ATW')).toBe(ATW);
        expect(getCalendar('atw_zonder_kb')).toBe(ATW_ZONDER_KB);
        expect(getCalendar('dh-public')).toBeUndefined();
        for (const c of [ATW, ATW_ZONDER_KB, CAO_LUSTRUM]) expect(c.version).toMatch(/\S/);
        expect(ATW.atwSet && ATW_ZONDER_KB.atwSet && !CAO_LUSTRUM.atwSet).toBe(true);
    });
});

describe('calendars an agreement declares (R1.10 custom)', () => {
    test('extra closed days, every year and once, with names', () => {
        const cal = defineCalendar({ id: 'regio', closed: [{ date: '12-24', name: 'Kerstavond' }, '2026-12-31'] });
        expect(cal.nonWorkingReason(date('2026-12-24'))).toBe('Kerstavond');
        expect(cal.isWorkday(date('2027-12-24'))).toBe(false);
        expect(cal.isWorkday(date('2026-12-31'))).toBe(false);
        expect(cal.isWorkday(date('2027-12-31'))).toBe(true);
        expect(cal.holidays(2026).map(h => h.date.toString())).toContain('2026-12-24');
        expect(cal.atwSet).toBe(false);
    });
    test('opening a feestdag by key or date; weekends stay closed', () => {
        const cal = defineCalendar({ id: 'vijfmei', open: ['bevrijdingsdag', '2026-04-03'] });
        expect(cal.isWorkday(date('2026-05-05'))).toBe(true);
        expect(cal.isWorkday(date('2026-04-03'))).toBe(true);
        expect(cal.isWorkday(date('2027-03-26'))).toBe(false); // Goede Vrijdag of another year stays closed
        expect(cal.isWorkday(date('2029-05-05'))).toBe(false); // a Saturday
    });
    test('on top of another calendar, and opening KB days removes the KB warning', () => {
        const cal = defineCalendar({ id: 'zonderkb', base: 'atw', open: ['kb'] });
        expect(cal.isWorkday(date('2026-05-15'))).toBe(true);
        expect(cal.yearWarnings(2030)).toEqual([]);
        expect(defineCalendar({ id: 'x', base: CAO_LUSTRUM }).isWorkday(date('2026-04-03'))).toBe(true);
    });
    test('the version follows the definition unless declared', () => {
        const a = defineCalendar({ id: 'a', closed: ['12-24'] });
        const b = defineCalendar({ id: 'a', closed: ['12-24'] });
        const c = defineCalendar({ id: 'a', closed: ['12-31'] });
        expect(a.version).toBe(b.version);
        expect(a.version).not.toBe(c.version);
        expect(a.version.startsWith(`atw@${ATW.version}+`)).toBe(true);
        expect(defineCalendar({ id: 'a', version: '3' }).version).toBe('3');
    });
    test('invalid definitions are CalendarErrors with a Dutch message', () => {
        expect(() => defineCalendar({ id: 'x', closed: ['2026-02-30'] })).toThrow(CalendarError);
        expect(() => defineCalendar({ id: 'x', closed: ['02-29'] })).toThrow(/jaarlijkse dag/);
        expect(() => defineCalendar({ id: 'x', open: ['paasmaandag'] })).toThrow(/geen datum/);
        expect(() => defineCalendar({ id: 'atw' })).toThrow(/ingebouwde kalender/);
        expect(() => defineCalendar({ id: 'x', base: 'onbekend' })).toThrow(/Onbekende kalender/);
    });
});

describe('the calendar folder stays pure', () => {
    const dir = path.resolve(__dirname, '../language/calendar');
    const files = fs.readdirSync(dir).filter(f => f.endsWith('.ts'));
    test.each(files)('%s imports no Langium and does no Date arithmetic', file => {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        expect(text).not.toMatch(/from ['"]langium/);
        expect(text).not.toMatch(/\bnew Date\b|\bDate\.(now|parse|UTC)\b|\.setMonth\(/);
    });
});
