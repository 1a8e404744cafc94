/**
 * The event a termijn counts from (R1.16) and its calendar date in Europe/Amsterdam (R1.1).
 */
import { Temporal } from 'temporal-polyfill';
import type { WorkdayCalendar } from './calendars.js';
import type { PlainDate } from './dates.js';
import { TIME_ZONE, formatDate, parseIsoDate, toPlainDate } from './dates.js';
import type { Derivation } from './derivation.js';
import { TermijnError } from './errors.js';

/** R1.16: the trigger kinds the language tells apart (plus `ingang` of a looptijd). */
export type TriggerKind =
    | 'dagtekening' | 'ontvangst' | 'verzending' | 'afloop' | 'aanvang' | 'einde' | 'bekendmaking' | 'ingang';

export const TRIGGER_KINDS: readonly TriggerKind[] = ['dagtekening', 'ontvangst', 'verzending', 'afloop', 'aanvang',
    'einde', 'bekendmaking', 'ingang'];

export interface Period {
    readonly start: PlainDate | string;
    readonly end: PlainDate | string;
}

export type TriggerMoment = PlainDate | Temporal.PlainDateTime | Temporal.Instant | Temporal.ZonedDateTime | string;

export interface Trigger {
    /**
     * A date; a wall-clock time in Europe/Amsterdam (`2026-04-24T14:30`); an exact instant (`…Z`, `…+02:00`),
     * which is converted to its Amsterdam date (R1.1). Not needed when `period` is given.
     */
    readonly at?: TriggerMoment;
    /** "Na afloop van periode P": the trigger is the last day of P (R1.2). */
    readonly period?: Period;
    readonly kind?: TriggerKind;
    /** What the event concerns, e.g. `de dienstverleningsopdracht`. */
    readonly label?: string;
    /** R1.16: from this time of day (`17:00`) a receipt counts as received on the next werkdag. */
    readonly receiptCutoff?: string;
}

/** A trigger, or just its date. */
export type TriggerInput = Trigger | PlainDate | string;

export interface ResolvedTrigger {
    /** The calendar date the term counts from. */
    readonly date: PlainDate;
    /** The wall-clock time in Europe/Amsterdam, when the trigger has one. */
    readonly dateTime?: Temporal.PlainDateTime;
    readonly kind?: TriggerKind;
    readonly label?: string;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const EXACT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss]` (Amsterdam wall time) or an ISO instant; undefined otherwise. */
export function parseMoment(text: string): PlainDate | Temporal.PlainDateTime | Temporal.Instant | undefined {
    const t = text.trim();
    const date = parseIsoDate(t);
    if (date) return date;
    const local = LOCAL.exec(t);
    if (local) {
        try {
            return Temporal.PlainDateTime.from({
                year: +local[1], month: +local[2], day: +local[3], hour: +local[4], minute: +local[5], second: +(local[6] ?? 0)
            }, { overflow: 'reject' });
        } catch {
            return undefined;
        }
    }
    if (EXACT.test(t)) {
        try {
            return Temporal.Instant.from(t);
        } catch {
            return undefined;
        }
    }
    return undefined;
}

/** `dagtekening van de opdracht op `, or nothing for a bare date. */
function describe(kind: TriggerKind | undefined, label: string | undefined): string {
    if (!kind) return label ? `${label} op ` : '';
    return label ? `${kind} van ${label} op ` : `${kind} op `;
}

export interface ResolveOptions {
    /** R1.16 only moves the date of day-based terms; an hour term runs from the exact time. */
    applyCutoff: boolean;
}

/** Resolves `input` to its Amsterdam date and records how (R1.1, R1.2, R1.16). */
export function resolveTrigger(input: TriggerInput, calendar: WorkdayCalendar, d: Derivation, options: ResolveOptions): ResolvedTrigger {
    const trigger: Trigger = typeof input === 'string' || input instanceof Temporal.PlainDate ? { at: input } : input;
    const what = describe(trigger.kind, trigger.label);
    if (trigger.period) {
        const start = toDateOrThrow(trigger.period.start), end = toDateOrThrow(trigger.period.end);
        if (Temporal.PlainDate.compare(start, end) > 0) {
            throw new TermijnError(`De periode ${start} t/m ${end} eindigt vóór zij begint.`, 'invalid-trigger');
        }
        const date = end;
        d.step('trigger', ['R1.2'], `Trigger: afloop van de periode ${start} t/m ${end}${trigger.label ? ` (${trigger.label})` : ''}; de termijn telt vanaf de laatste dag, ${formatDate(date)}.`, date);
        return { date, kind: trigger.kind ?? 'afloop', label: trigger.label };
    }
    if (trigger.at === undefined) throw new TermijnError('De trigger heeft geen datum.', 'invalid-trigger');
    let moment: TriggerMoment | undefined = trigger.at;
    if (typeof moment === 'string') {
        moment = parseMoment(moment);
        if (!moment) {
            throw new TermijnError(`Ongeldige datum '${trigger.at as string}'; gebruik JJJJ-MM-DD of JJJJ-MM-DDTUU:MM.`, 'invalid-trigger');
        }
    }
    let dateTime: Temporal.PlainDateTime | undefined;
    if (moment instanceof Temporal.PlainDate) {
        d.step('trigger', trigger.kind ? ['R1.16'] : [], `Trigger: ${what}${formatDate(moment)}.`, moment);
        if (trigger.kind === 'dagtekening') {
            d.step('note', ['R1.16'], 'Bij dagtekening telt de datum die op het document staat, ongeacht de datum van ontvangst.');
        }
        return { date: moment, kind: trigger.kind, label: trigger.label };
    }
    if (moment instanceof Temporal.PlainDateTime) {
        dateTime = moment;
        d.step('trigger', trigger.kind ? ['R1.1', 'R1.16'] : ['R1.1'], `Trigger: ${what}${formatDate(dateTime.toPlainDate())} om ${hhmm(dateTime)} (Nederlandse tijd).`, dateTime.toPlainDate());
    } else {
        const zoned = moment instanceof Temporal.Instant ? moment.toZonedDateTimeISO(TIME_ZONE) : moment.withTimeZone(TIME_ZONE);
        dateTime = zoned.toPlainDateTime();
        const original = typeof trigger.at === 'string' ? trigger.at : moment.toString();
        d.step('trigger', trigger.kind ? ['R1.1', 'R1.16'] : ['R1.1'], `Trigger: ${what}${original}; dat is ${formatDate(dateTime.toPlainDate())} om ${hhmm(dateTime)} in Europe/Amsterdam, en die datum telt (R1.1).`, dateTime.toPlainDate());
    }
    let date = dateTime.toPlainDate();
    if (trigger.receiptCutoff !== undefined && options.applyCutoff) {
        const cutoff = parseCutoff(trigger.receiptCutoff);
        if (Temporal.PlainTime.compare(dateTime.toPlainTime(), cutoff) >= 0) {
            let next = date.add({ days: 1 });
            while (!d.isWorkday(calendar, next)) next = next.add({ days: 1 });
            d.step('trigger', ['R1.16'], `Ontvangen om ${hhmm(dateTime)}, op of na ${hhmmOf(cutoff)}: geldt als ontvangen op de volgende werkdag, ${formatDate(next)}.`, next);
            date = next;
        }
    }
    return { date, dateTime, kind: trigger.kind, label: trigger.label };
}

function toDateOrThrow(value: PlainDate | string): PlainDate {
    try {
        return toPlainDate(value);
    } catch (e) {
        throw new TermijnError((e as Error).message, 'invalid-trigger');
    }
}

function parseCutoff(text: string): Temporal.PlainTime {
    const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
    if (m && +m[1] < 24 && +m[2] < 60) return Temporal.PlainTime.from({ hour: +m[1], minute: +m[2] });
    throw new TermijnError(`Ongeldig tijdstip '${text}' voor ontvangst na sluitingstijd; gebruik UU:MM.`, 'invalid-trigger');
}

function hhmm(dt: Temporal.PlainDateTime): string {
    return hhmmOf(dt.toPlainTime());
}

function hhmmOf(t: Temporal.PlainTime): string {
    return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

export function formatTime(dt: Temporal.PlainDateTime): string {
    return hhmm(dt);
}
