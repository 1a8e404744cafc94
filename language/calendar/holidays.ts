/**
 * The algemeen erkende feestdagen of art. 3 Algemene termijnenwet (termijnen.md §1.1, §1.2).
 */
import { Temporal } from 'temporal-polyfill';
import type { PlainDate } from './dates.js';
import { easterSunday } from './easter.js';

export type HolidayKey =
    | 'nieuwjaarsdag' | 'goede-vrijdag' | 'tweede-paasdag' | 'koningsdag' | 'bevrijdingsdag' | 'hemelvaartsdag'
    | 'tweede-pinksterdag' | 'eerste-kerstdag' | 'tweede-kerstdag' | 'kb' | 'eigen';

/** A day a calendar closes besides Saturday and Sunday. */
export interface Holiday {
    readonly date: PlainDate;
    readonly key: HolidayKey;
    /** Dutch noun phrase that reads after "… is": `Koningsdag`, `een door KB gelijkgestelde dag (…)`. */
    readonly name: string;
    /** Legal or contractual basis in Dutch, e.g. `art. 3 lid 1 Atw`. */
    readonly basis: string;
}

/** The keys a calendar definition may name to open or close a statutory feestdag. */
export const HOLIDAY_KEYS: readonly HolidayKey[] = ['nieuwjaarsdag', 'goede-vrijdag', 'tweede-paasdag', 'koningsdag',
    'bevrijdingsdag', 'hemelvaartsdag', 'tweede-pinksterdag', 'eerste-kerstdag', 'tweede-kerstdag', 'kb'];

/** The first year the Besluit Koningsdag (BWBR0032908, Stcrt. 2013, 4075) applies to. */
export const KONINGSDAG_SINCE = 2014;

/**
 * The day the King's birthday is celebrated: 27 April, or 26 April when the 27th is a Sunday [S16].
 * Before 2014 Koninginnedag (30 April; 29 April when the 30th was a Sunday) is used; the reference does not
 * cover those years, so `calendarYearWarnings` flags them.
 */
export function koningsdag(year: number): PlainDate {
    if (year < KONINGSDAG_SINCE) {
        const d = Temporal.PlainDate.from({ year, month: 4, day: 30 });
        return d.dayOfWeek === 7 ? d.subtract({ days: 1 }) : d;
    }
    const d = Temporal.PlainDate.from({ year, month: 4, day: 27 });
    return d.dayOfWeek === 7 ? d.subtract({ days: 1 }) : d;
}

export interface StatutoryOptions {
    /** Art. 3 lid 2: Goede Vrijdag is equated with the feestdagen under the Atw (termijnen.md §0.1). */
    goodFriday: boolean;
    /** Which years 5 May is closed: every year under the Atw (§0.2), lustrum years in cao practice. */
    liberationDay: 'every-year' | 'lustrum';
}

const LID1 = 'art. 3 lid 1 Atw';

/** Art. 3 lid 1 (and lid 2 when asked) feestdagen of `year`, sorted by date. */
export function statutoryHolidays(year: number, options: StatutoryOptions): Holiday[] {
    const day = (month: number, d: number) => Temporal.PlainDate.from({ year, month, day: d });
    const easter = easterSunday(year);
    const kingsDay = koningsdag(year);
    const list: Holiday[] = [
        { date: day(1, 1), key: 'nieuwjaarsdag', name: 'Nieuwjaarsdag', basis: LID1 },
        { date: easter.add({ days: 1 }), key: 'tweede-paasdag', name: 'Tweede Paasdag', basis: LID1 },
        {
            date: kingsDay, key: 'koningsdag', basis: LID1,
            name: year < KONINGSDAG_SINCE ? 'Koninginnedag' : kingsDay.day === 26 ? 'Koningsdag (27 april is een zondag)' : 'Koningsdag'
        },
        { date: easter.add({ days: 39 }), key: 'hemelvaartsdag', name: 'Hemelvaartsdag', basis: LID1 },
        { date: easter.add({ days: 50 }), key: 'tweede-pinksterdag', name: 'Tweede Pinksterdag', basis: LID1 },
        { date: day(12, 25), key: 'eerste-kerstdag', name: 'Eerste Kerstdag', basis: LID1 },
        { date: day(12, 26), key: 'tweede-kerstdag', name: 'Tweede Kerstdag', basis: LID1 }
    ];
    if (options.liberationDay === 'every-year') {
        list.push({ date: day(5, 5), key: 'bevrijdingsdag', name: 'Bevrijdingsdag (5 mei)', basis: LID1 });
    } else if (year % 5 === 0) {
        list.push({ date: day(5, 5), key: 'bevrijdingsdag', name: 'Bevrijdingsdag (5 mei, lustrumjaar)', basis: 'cao-praktijk: alleen in lustrumjaren' });
    }
    if (options.goodFriday) {
        list.push({ date: easter.subtract({ days: 2 }), key: 'goede-vrijdag', name: 'Goede Vrijdag', basis: 'art. 3 lid 2 Atw' });
    }
    return list.sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
}
