/**
 * Calendar-date helpers on `Temporal.PlainDate` (R1.1: compute on dates, never on `Date` objects or instants).
 */
import { Temporal } from 'temporal-polyfill';

export type PlainDate = Temporal.PlainDate;

/** Every trigger time is read as wall-clock time in this zone (R1.1). */
export const TIME_ZONE = 'Europe/Amsterdam';

const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
    'november', 'december'];

/** Dutch weekday name, e.g. `vrijdag`. */
export function weekdayName(date: PlainDate): string {
    return WEEKDAYS[date.dayOfWeek - 1];
}

/** Dutch month name, e.g. `februari`. */
export function monthName(month: number): string {
    return MONTHS[month - 1];
}

/** `vrijdag 2026-04-24`: the weekday makes a derivation checkable at a glance. */
export function formatDate(date: PlainDate): string {
    return `${weekdayName(date)} ${date.toString()}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict `YYYY-MM-DD`; undefined for anything else, including 2026-02-30 (no silent overflow). */
export function parseIsoDate(text: string): PlainDate | undefined {
    const m = ISO_DATE.exec(text.trim());
    if (!m) return undefined;
    try {
        return Temporal.PlainDate.from({ year: +m[1], month: +m[2], day: +m[3] }, { overflow: 'reject' });
    } catch {
        return undefined;
    }
}

/** A PlainDate, or an ISO date string that must be valid. */
export function toPlainDate(value: PlainDate | string): PlainDate {
    if (typeof value !== 'string') return value;
    const d = parseIsoDate(value);
    if (!d) throw new RangeError(`Ongeldige datum '${value}'; gebruik JJJJ-MM-DD.`);
    return d;
}

export function compareDates(a: PlainDate, b: PlainDate): number {
    return Temporal.PlainDate.compare(a, b);
}

export function isWeekend(date: PlainDate): boolean {
    return date.dayOfWeek >= 6;
}

export function nextDay(date: PlainDate): PlainDate {
    return date.add({ days: 1 });
}

export function previousDay(date: PlainDate): PlainDate {
    return date.subtract({ days: 1 });
}

export function lastDayOfMonth(date: PlainDate): PlainDate {
    return date.with({ day: date.daysInMonth });
}

/**
 * `date + n months`, constrained (R1.6, HR 1 september 2017): the same day number, or the last day of the
 * target month when that day does not exist. Always call it with the original anchor; never chain.
 */
export function addMonths(date: PlainDate, months: number): PlainDate {
    return date.add({ months }, { overflow: 'constrain' });
}

/**
 * N months of a term that includes its first day S, counted from the anchor S − 1 (R1.14): the term runs through
 * the day before the day of S in the N-th month (as BGB §188(2)/(3), which R1.14 follows). That is (S − 1) + N
 * months (R1.6), except when S is the first of a month: then the anchor is a month end, and so is the end —
 * six months ingaande 1 juli run through 31 december, not 30 december.
 */
export function addMonthsFromStart(anchor: PlainDate, months: number): PlainDate {
    const end = addMonths(anchor, months);
    return anchor.day === anchor.daysInMonth ? end.with({ day: end.daysInMonth }) : end;
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
    return a.until(b, { largestUnit: 'days' }).days;
}
