/**
 * Werkdag calendars (R1.10): the named sets `atw`, `atw-zonder-kb`, `cao-lustrum`, and calendars an agreement
 * declares itself on top of one of them. Every calendar has an id and a version that results cite (R1.17).
 */
import { Temporal } from 'temporal-polyfill';
import type { PlainDate } from './dates.js';
import { isWeekend, weekdayName } from './dates.js';
import type { Warning } from './derivation.js';
import { CalendarError } from './errors.js';
import { WarningCodes } from './derivation.js';
import type { Holiday, HolidayKey, StatutoryOptions } from './holidays.js';
import { HOLIDAY_KEYS, KONINGSDAG_SINCE, statutoryHolidays } from './holidays.js';
import type { KbDecree } from './kb-days.js';
import { KB_DATA_VERSION, KB_DECREES, kbCoverage } from './kb-days.js';

export interface WorkdayCalendar {
    readonly id: string;
    readonly version: string;
    /** One Dutch sentence naming the set, shown next to every result. */
    readonly description: string;
    /**
     * True for the Atw's own holiday sets (`atw`, `atw-zonder-kb`). Rolls under the Atw (R1.8, R1.9) use such a
     * set; a contract calendar is never the law's set.
     */
    readonly atwSet: boolean;
    isWorkday(date: PlainDate): boolean;
    /** The holidays this calendar closes on `date` (empty on open days and on plain weekend days). */
    closures(date: PlainDate): readonly Holiday[];
    /** Dutch noun phrase for why `date` is not a working day (`een zaterdag`, `Koningsdag`); undefined if it is. */
    nonWorkingReason(date: PlainDate): string | undefined;
    /** Every holiday of `year`, also those on a weekend, sorted by date. */
    holidays(year: number): readonly Holiday[];
    /** Warnings about the data for `year`, e.g. no KB known (R1.10). Empty when the year is fully covered. */
    yearWarnings(year: number): readonly Warning[];
}

/** Version of the holiday rules in holidays.ts; bump when a rule changes. */
export const HOLIDAY_RULES_VERSION = '2025.1';

class HolidayCalendar implements WorkdayCalendar {
    private readonly cache = new Map<number, Map<string, Holiday[]>>();

    constructor(
        readonly id: string,
        readonly version: string,
        readonly description: string,
        readonly atwSet: boolean,
        private readonly build: (year: number) => Holiday[],
        private readonly warningsFor: (year: number) => Warning[]
    ) { }

    private byDate(year: number): Map<string, Holiday[]> {
        let map = this.cache.get(year);
        if (!map) {
            map = new Map();
            for (const h of this.build(year)) {
                const key = h.date.toString();
                map.set(key, [...(map.get(key) ?? []), h]);
            }
            this.cache.set(year, map);
        }
        return map;
    }

    closures(date: PlainDate): readonly Holiday[] {
        return this.byDate(date.year).get(date.toString()) ?? [];
    }

    isWorkday(date: PlainDate): boolean {
        return !isWeekend(date) && this.closures(date).length === 0;
    }

    nonWorkingReason(date: PlainDate): string | undefined {
        return reason(date, this.closures(date));
    }

    holidays(year: number): readonly Holiday[] {
        return [...this.byDate(year).values()].flat().sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
    }

    yearWarnings(year: number): readonly Warning[] {
        return this.warningsFor(year);
    }
}

function reason(date: PlainDate, closures: readonly Holiday[]): string | undefined {
    const parts = [...(isWeekend(date) ? [`een ${weekdayName(date)}`] : []), ...closures.map(h => h.name)];
    return parts.length === 0 ? undefined : parts.join(' en ');
}

/** The KB days of `year` as holidays (art. 3 lid 3 Atw), citing their decree. */
export function kbHolidays(year: number, decrees: readonly KbDecree[] = KB_DECREES): Holiday[] {
    const prefix = `${year}-`;
    return decrees.flatMap(decree => decree.days.filter(d => d.date.startsWith(prefix)).map(d => ({
        date: Temporal.PlainDate.from(d.date),
        key: 'kb' as const,
        name: `een door KB gelijkgestelde dag (${d.description}; ${decree.publication})`,
        basis: `art. 3 lid 3 Atw, ${decree.publication}`
    })));
}

function unverifiedYear(year: number): Warning[] {
    if (year >= KONINGSDAG_SINCE) return [];
    return [{
        code: WarningCodes.YearUnverified,
        message: `Voor ${year} gold nog Koninginnedag (30 april, of 29 april als 30 april een zondag was); jaren vóór ${KONINGSDAG_SINCE} vallen buiten de geverifieerde gegevens van de referentie.`,
        rules: ['R1.10']
    }];
}

/** The R1.10 warning for a year without a complete KB list. */
export function kbYearWarnings(year: number, calendarId: string, decrees: readonly KbDecree[] = KB_DECREES): Warning[] {
    if (decrees.some(d => d.complete && d.years.includes(year))) return [];
    const partial = decrees.filter(d => !d.complete && d.days.some(day => day.date.startsWith(`${year}-`)));
    if (partial.length > 0) {
        const known = partial.flatMap(d => d.days.filter(day => day.date.startsWith(`${year}-`)).map(day => day.date));
        return [{
            code: WarningCodes.KbIncomplete,
            message: `Van de door Koninklijk Besluit gelijkgestelde dagen in ${year} (${partial.map(d => d.publication).join('; ')}) zijn alleen ${known.join(' en ')} bekend; kalender ${calendarId} is voor dat jaar onvolledig en een datum kan een werkdag te vroeg vallen (R1.10).`,
            rules: ['R1.10']
        }];
    }
    return [{
        code: WarningCodes.KbNotCovered,
        message: `Voor ${year} is geen Koninklijk Besluit met gelijkgestelde dagen (art. 3 lid 3 Atw) bekend; kalender ${calendarId} rekent dat jaar alleen met de feestdagen van art. 3 lid 1 en 2, dus een datum kan een werkdag te vroeg vallen (R1.10).`,
        rules: ['R1.10']
    }];
}

const ATW_OPTIONS: StatutoryOptions = { goodFriday: true, liberationDay: 'every-year' };
const coverage = kbCoverage();

/** `atw`: art. 3 lid 1 + lid 2 + the KB days of lid 3; the default for Wmo contracts (R1.10). */
export const ATW: WorkdayCalendar = new HolidayCalendar(
    'atw',
    `${KB_DATA_VERSION}+kb${coverage ? `${coverage.from}-${coverage.to}` : '-geen'}`,
    `Algemene termijnenwet: feestdagen van art. 3 lid 1, Goede Vrijdag (lid 2) en de door KB gelijkgestelde dagen (lid 3; gegevens voor ${coverage ? `${coverage.from}–${coverage.to}` : 'geen jaar'})`,
    true,
    year => [...statutoryHolidays(year, ATW_OPTIONS), ...kbHolidays(year)],
    year => [...unverifiedYear(year), ...kbYearWarnings(year, 'atw')]
);

/** `atw-zonder-kb`: art. 3 lid 1 + lid 2 only (R1.10). */
export const ATW_ZONDER_KB: WorkdayCalendar = new HolidayCalendar(
    'atw-zonder-kb',
    HOLIDAY_RULES_VERSION,
    'Algemene termijnenwet zonder KB-dagen: feestdagen van art. 3 lid 1 en Goede Vrijdag (lid 2)',
    true,
    year => statutoryHolidays(year, ATW_OPTIONS),
    unverifiedYear
);

/**
 * `cao-lustrum`: employment practice (R1.10) — no Goede Vrijdag, 5 May only when `year % 5 == 0`. KB days are
 * left out too: they only affect statutory termijnen and are normal working days for employment (§1.2, [S17]).
 */
export const CAO_LUSTRUM: WorkdayCalendar = new HolidayCalendar(
    'cao-lustrum',
    HOLIDAY_RULES_VERSION,
    'cao-praktijk: feestdagen van art. 3 lid 1 Atw zonder Goede Vrijdag, 5 mei alleen in lustrumjaren, geen KB-dagen',
    false,
    year => statutoryHolidays(year, { goodFriday: false, liberationDay: 'lustrum' }),
    unverifiedYear
);

const NAMED: readonly WorkdayCalendar[] = [ATW, ATW_ZONDER_KB, CAO_LUSTRUM];

/** Ids of the built-in calendars. */
export const CALENDAR_IDS: readonly string[] = NAMED.map(c => c.id);

/** The default calendar for Wmo contracts (R1.10). */
export const DEFAULT_CALENDAR = ATW;

/** A built-in calendar by id (case-insensitive; `_` may stand for `-`, as in grammar identifiers). */
export function getCalendar(name: string): WorkdayCalendar | undefined {
    const id = name.trim().toLowerCase().replace(/_/g, '-');
    return NAMED.find(c => c.id === id);
}

/** A calendar object, or a built-in calendar by name; throws `CalendarError` for an unknown name. */
export function resolveCalendar(calendar: WorkdayCalendar | string | undefined): WorkdayCalendar {
    if (calendar === undefined) return DEFAULT_CALENDAR;
    if (typeof calendar !== 'string') return calendar;
    const found = getCalendar(calendar);
    if (!found) throw new CalendarError(`Onbekende kalender '${calendar}'; kies uit ${CALENDAR_IDS.join(', ')}.`);
    return found;
}

// ---------------------------------------------------------------- calendars an agreement declares

/** A day in a declared calendar: `2026-12-24` (that day), `12-24` (every year), with an optional name. */
export interface DeclaredDay {
    readonly date: string;
    readonly name?: string;
}

export interface CalendarDefinition {
    readonly id: string;
    /** The calendar this one modifies; `atw` when omitted. */
    readonly base?: WorkdayCalendar | string;
    /** Defaults to the base version plus a hash of this definition, so every change shows in results. */
    readonly version?: string;
    readonly description?: string;
    /** Extra closed days: `YYYY-MM-DD` or `MM-DD` (every year). */
    readonly closed?: readonly (string | DeclaredDay)[];
    /**
     * Days the base closes that are working days here: a holiday key (`bevrijdingsdag`, `goede-vrijdag`, `kb`, …),
     * `YYYY-MM-DD` or `MM-DD`. Opening never turns a Saturday or Sunday into a working day.
     */
    readonly open?: readonly (string | DeclaredDay)[];
}

interface DayMatcher {
    matches(date: PlainDate): boolean;
    name?: string;
    text: string;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

function dayMatcher(entry: string | DeclaredDay, calendarId: string): DayMatcher {
    const text = typeof entry === 'string' ? entry.trim() : entry.date.trim();
    const name = typeof entry === 'string' ? undefined : entry.name;
    const full = FULL_DATE.exec(text);
    if (full) {
        let date: PlainDate;
        try {
            date = Temporal.PlainDate.from({ year: +full[1], month: +full[2], day: +full[3] }, { overflow: 'reject' });
        } catch {
            throw new CalendarError(`Kalender ${calendarId}: ongeldige datum '${text}'.`);
        }
        return { matches: d => d.equals(date), name, text };
    }
    const md = MONTH_DAY.exec(text);
    if (md) {
        const month = +md[1], day = +md[2];
        // A leap day "every year" would silently skip three years in four.
        if (month < 1 || month > 12 || day < 1 || day > 31 || day > Temporal.PlainDate.from({ year: 2001, month, day: 1 }).daysInMonth) {
            throw new CalendarError(`Kalender ${calendarId}: ongeldige jaarlijkse dag '${text}'; gebruik MM-DD.`);
        }
        return { matches: d => d.month === month && d.day === day, name, text };
    }
    throw new CalendarError(`Kalender ${calendarId}: '${text}' is geen datum (JJJJ-MM-DD), jaarlijkse dag (MM-DD) of feestdag (${HOLIDAY_KEYS.join(', ')}).`);
}

class DeclaredCalendar implements WorkdayCalendar {
    readonly atwSet = false;

    constructor(
        readonly id: string,
        readonly version: string,
        readonly description: string,
        private readonly base: WorkdayCalendar,
        private readonly closed: readonly DayMatcher[],
        private readonly openKeys: ReadonlySet<HolidayKey>,
        private readonly openDays: readonly DayMatcher[]
    ) { }

    closures(date: PlainDate): readonly Holiday[] {
        const own = this.closed.filter(m => m.matches(date)).map(m => ({
            date, key: 'eigen' as const, name: m.name ?? `een gesloten dag van kalender ${this.id}`, basis: `kalender ${this.id}`
        }));
        const fromBase = this.openDays.some(m => m.matches(date)) ? [] : this.base.closures(date).filter(h => !this.openKeys.has(h.key));
        return [...fromBase, ...own];
    }

    isWorkday(date: PlainDate): boolean {
        return !isWeekend(date) && this.closures(date).length === 0;
    }

    nonWorkingReason(date: PlainDate): string | undefined {
        return reason(date, this.closures(date));
    }

    holidays(year: number): readonly Holiday[] {
        const dates = new Map<string, PlainDate>();
        for (const h of this.base.holidays(year)) dates.set(h.date.toString(), h.date);
        for (const m of this.closed) {
            for (const d of yearDays(year, m)) dates.set(d.toString(), d);
        }
        return [...dates.values()].sort(Temporal.PlainDate.compare).flatMap(d => this.closures(d));
    }

    yearWarnings(year: number): readonly Warning[] {
        const warnings = this.base.yearWarnings(year);
        return this.openKeys.has('kb') ? warnings.filter(w => w.code !== WarningCodes.KbNotCovered && w.code !== WarningCodes.KbIncomplete) : warnings;
    }
}

/** The days of `year` a matcher can match (at most one per matcher form). */
function yearDays(year: number, m: DayMatcher): PlainDate[] {
    const full = FULL_DATE.exec(m.text);
    if (full) return +full[1] === year ? [Temporal.PlainDate.from(m.text)] : [];
    const [month, day] = m.text.split('-').map(Number);
    return [Temporal.PlainDate.from({ year, month, day })];
}

/** A short stable hash so an undeclared version still changes with the definition. */
function fnv1a(text: string): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
}

/** A calendar an agreement declares: a base calendar plus extra closed and open days (R1.10 `custom`). */
export function defineCalendar(definition: CalendarDefinition): WorkdayCalendar {
    const id = definition.id.trim();
    if (!/^[A-Za-z][\w-]*$/.test(id)) throw new CalendarError(`Ongeldige kalendernaam '${definition.id}'.`);
    if (getCalendar(id)) throw new CalendarError(`De kalendernaam '${id}' is al een ingebouwde kalender.`);
    const base = resolveCalendar(definition.base);
    const closed = (definition.closed ?? []).map(e => dayMatcher(e, id));
    const openKeys = new Set<HolidayKey>();
    const openDays: DayMatcher[] = [];
    for (const entry of definition.open ?? []) {
        const key = (typeof entry === 'string' ? entry : entry.date).trim().toLowerCase();
        if ((HOLIDAY_KEYS as readonly string[]).includes(key)) openKeys.add(key as HolidayKey);
        else openDays.push(dayMatcher(entry, id));
    }
    const canonical = JSON.stringify({
        closed: closed.map(m => [m.text, m.name ?? '']),
        open: [...[...openKeys].sort(), ...openDays.map(m => m.text)]
    });
    const version = definition.version ?? `${base.id}@${base.version}+${fnv1a(canonical)}`;
    const changes = [
        ...(closed.length ? [`gesloten: ${closed.map(m => m.name ? `${m.text} (${m.name})` : m.text).join(', ')}`] : []),
        ...(openKeys.size || openDays.length ? [`werkdag: ${[...openKeys, ...openDays.map(m => m.text)].join(', ')}`] : [])
    ];
    const description = definition.description
        ?? `eigen kalender op basis van ${base.id}${changes.length ? ` (${changes.join('; ')})` : ''}`;
    return new DeclaredCalendar(id, version, description, base, closed, openKeys, openDays);
}

/** Identifies a calendar in a result (R1.17). */
export interface CalendarRef {
    readonly id: string;
    readonly version: string;
    readonly description: string;
}

export function calendarRef(calendar: WorkdayCalendar): CalendarRef {
    return { id: calendar.id, version: calendar.version, description: calendar.description };
}
