/**
 * Looptijd (R1.14, R1.15): the periods of an agreement with stilzwijgende verlenging, the notice deadline per
 * period and the uiterste einddatum.
 */
import type { CalendarRef, WorkdayCalendar } from './calendars.js';
import { calendarRef, resolveCalendar } from './calendars.js';
import type { PlainDate } from './dates.js';
import { addMonthsFromStart, compareDates, daysBetween, formatDate, parseIsoDate } from './dates.js';
import type { DerivationStep, Warning } from './derivation.js';
import { WarningCodes } from './derivation.js';
import { CalendarError, TermijnError } from './errors.js';
import type { NoticeSpec } from './opzegging.js';
import { latestNotice } from './opzegging.js';
import type { TermijnResult } from './termijn.js';
import type { TermijnUnit } from './units.js';
import { amountLabel, daysPerUnit, monthsPerUnit } from './units.js';

export type DurationUnit = Exclude<TermijnUnit, 'uren' | 'werkdagen'>;

export interface Duur {
    readonly amount: number;
    readonly unit: DurationUnit;
}

export type Renewal =
    /** Renewed by itself for `length` each time, at most `maxCount` times (unlimited when omitted). */
    | { readonly kind: 'stilzwijgend'; readonly length: Duur; readonly maxCount?: number }
    /** After the first period the agreement runs for an indefinite time; notice per R1.13. */
    | { readonly kind: 'onbepaalde-tijd' };

export interface LooptijdSpec {
    /** Ingangsdatum S, the first day of the agreement. */
    readonly start: PlainDate | string;
    /** The first period T0; or give `end`, or both (they are then checked against each other). */
    readonly duration?: Duur;
    /** The last day of the first period. */
    readonly end?: PlainDate | string;
    readonly renewal?: Renewal;
    /** The notice that prevents the next renewal ("tenzij opgezegd uiterlijk 4 maanden vóór het einde"). */
    readonly notice?: NoticeSpec;
    /** Uiterste einddatum: no period may run past it. */
    readonly latestEnd?: PlainDate | string;
    /** For the advice on notice deadlines; `atw` by default. */
    readonly calendar?: WorkdayCalendar | string;
    /** Periods to list when renewals are unlimited (default 5). */
    readonly horizon?: number;
}

/** How a period ends: renewed unless notice is given, by itself, or never (onbepaalde tijd). */
export type PeriodEnding = 'renews-unless-notice' | 'ends' | 'indefinite';

export interface LooptijdPeriod {
    /** 0 for the first period, k for the k-th renewal. */
    readonly index: number;
    readonly start: PlainDate;
    /** Last day; undefined for a period of onbepaalde tijd. */
    readonly end?: PlainDate;
    readonly ending: PeriodEnding;
    /** When the period renews unless notice is given: the latest receipt of that notice (R1.12). */
    readonly noticeDeadline?: TermijnResult;
    readonly pastLatestEnd: boolean;
    readonly steps: DerivationStep[];
}

export interface LooptijdResult {
    readonly start: PlainDate;
    readonly periods: readonly LooptijdPeriod[];
    /** The end after the last possible renewal; undefined when renewals are unlimited or indefinite. */
    readonly finalEnd?: PlainDate;
    readonly latestEnd?: PlainDate;
    /** True when renewals are unlimited and only the first periods are listed. */
    readonly unlimited: boolean;
    readonly calendar: CalendarRef;
    readonly warnings: readonly Warning[];
}

/** Offset from S − 1, applied as months first, then days (R1.14). */
interface Span {
    months: number;
    days: number;
}

function spanOf(duur: Duur): Span {
    const perMonth = monthsPerUnit(duur.unit);
    if (perMonth !== undefined) return { months: duur.amount * perMonth, days: 0 };
    const perDay = daysPerUnit(duur.unit);
    if (perDay !== undefined) return { months: 0, days: duur.amount * perDay };
    throw new TermijnError(`Een looptijd kan niet in ${duur.unit} worden uitgedrukt.`, 'invalid-unit');
}

function endOf(anchor: PlainDate, span: Span): PlainDate {
    return addMonthsFromStart(anchor, span.months).add({ days: span.days });
}

function spanText(span: Span): string {
    return [span.months ? `${span.months} maanden` : '', span.days ? `${span.days} dagen` : ''].filter(Boolean).join(' + ') || '0 dagen';
}

function dateOf(value: PlainDate | string, what: string): PlainDate {
    const d = typeof value === 'string' ? parseIsoDate(value) : value;
    if (!d) throw new TermijnError(`Ongeldige ${what} '${String(value)}'; gebruik JJJJ-MM-DD.`, 'invalid-trigger');
    return d;
}

function checkDuur(duur: Duur, what: string): void {
    if (!Number.isInteger(duur.amount) || duur.amount < 1 || duur.amount > 1000) {
        throw new TermijnError(`De ${what} moet een geheel aantal van 1 tot en met 1000 zijn, niet ${duur.amount}.`, 'invalid-amount');
    }
}

/** The first period as a span from S − 1: from the duration, or from the end date when it is a whole number of months. */
function firstSpan(anchor: PlainDate, end: PlainDate): Span {
    const guess = (end.year - anchor.year) * 12 + (end.month - anchor.month);
    for (const m of [guess - 1, guess, guess + 1]) {
        if (m > 0 && addMonthsFromStart(anchor, m).equals(end)) return { months: m, days: 0 };
    }
    return { months: 0, days: daysBetween(anchor, end) };
}

export function computeLooptijd(spec: LooptijdSpec): LooptijdResult {
    try {
        return compute(spec);
    } catch (e) {
        // Durations and counts up to 1000 pass validation, yet 1000 renewals of 1000 years leave Temporal's range.
        if (e instanceof RangeError) {
            throw new TermijnError('De looptijd valt buiten het bereik dat de kalender kan rekenen (jaar 1 tot en met 9999).', 'out-of-range');
        }
        throw e;
    }
}

function compute(spec: LooptijdSpec): LooptijdResult {
    let calendar: WorkdayCalendar;
    try {
        calendar = resolveCalendar(spec.calendar);
    } catch (e) {
        if (e instanceof CalendarError) throw new TermijnError(e.message, 'invalid-option');
        throw e;
    }
    const start = dateOf(spec.start, 'ingangsdatum');
    const anchor = start.subtract({ days: 1 });
    const warnings: Warning[] = [];
    if (!spec.duration && !spec.end) throw new TermijnError('Een looptijd heeft een duur of een einddatum nodig.', 'invalid-option');
    if (spec.duration) checkDuur(spec.duration, 'duur');

    // R1.14: einde = (S − 1) + T0, never S + T0 − 1 day.
    let first: Span;
    const firstSteps: DerivationStep[] = [];
    if (spec.end) {
        const end = dateOf(spec.end, 'einddatum');
        if (compareDates(end, start) < 0) {
            throw new TermijnError(`De einddatum ${end} ligt vóór de ingangsdatum ${start}.`, 'invalid-option');
        }
        first = firstSpan(anchor, end);
        if (spec.duration) {
            const fromDuration = endOf(anchor, spanOf(spec.duration));
            if (!fromDuration.equals(end)) {
                warnings.push({
                    code: WarningCodes.LooptijdDurationMismatch,
                    message: `De duur van ${amountLabel(spec.duration.amount, spec.duration.unit)} ingaande ${start} eindigt op ${formatDate(fromDuration)}, maar de einddatum is ${formatDate(end)}; gerekend is met de einddatum.`,
                    rules: ['R1.14']
                });
            }
        }
        firstSteps.push({ kind: 'count', rules: ['R1.14'], text: `Aanvangsperiode: ${formatDate(start)} tot en met ${formatDate(end)} (einddatum opgegeven).`, date: end });
    } else {
        first = spanOf(spec.duration!);
        const end = endOf(anchor, first);
        firstSteps.push({
            kind: 'count', rules: ['R1.14'],
            text: `Aanvangsperiode: ingaande ${formatDate(start)} voor ${amountLabel(spec.duration!.amount, spec.duration!.unit)}: (${start} − 1 dag) + ${spanText(first)} = ${formatDate(end)}.`,
            date: end
        });
    }

    const renewal = spec.renewal;
    const each = renewal?.kind === 'stilzwijgend' ? spanOf(renewal.length) : undefined;
    if (renewal?.kind === 'stilzwijgend') {
        checkDuur(renewal.length, 'verlengingsduur');
        if (renewal.maxCount !== undefined && (!Number.isInteger(renewal.maxCount) || renewal.maxCount < 0 || renewal.maxCount > 1000)) {
            throw new TermijnError(`Het aantal verlengingen moet een geheel getal van 0 tot en met 1000 zijn, niet ${renewal.maxCount}.`, 'invalid-amount');
        }
    }
    const latestEnd = spec.latestEnd !== undefined ? dateOf(spec.latestEnd, 'uiterste einddatum') : undefined;
    const unlimited = renewal?.kind === 'stilzwijgend' && renewal.maxCount === undefined;
    const horizon = Math.max(1, Math.min(spec.horizon ?? 5, 100));
    const renewals = renewal?.kind === 'stilzwijgend' ? renewal.maxCount ?? Infinity : 0;

    const periods: LooptijdPeriod[] = [];
    let periodStart = start;
    for (let k = 0; ; k++) {
        // R1.15: E_k = (S − 1) + (T0 + k·T), anchored on S, never chained.
        const span = k === 0 || !each ? first : { months: first.months + k * each.months, days: first.days + k * each.days };
        const end = endOf(anchor, span);
        const steps: DerivationStep[] = k === 0 ? firstSteps : [{
            kind: 'count', rules: ['R1.15'],
            text: `Verlenging ${k}: ${formatDate(periodStart)} tot en met ${formatDate(end)} = (${start} − 1 dag) + ${spanText(span)}, gerekend vanaf de ingangsdatum (niet doorgeteld vanaf het vorige einde).`,
            date: end
        }];
        const more = renewal?.kind === 'onbepaalde-tijd' ? k === 0 : unlimited || k < renewals;
        const pastLatestEnd = latestEnd !== undefined && compareDates(end, latestEnd) > 0;
        if (pastLatestEnd) {
            warnings.push({
                code: WarningCodes.LooptijdPastLatestEnd,
                message: `${k === 0 ? 'De aanvangsperiode' : `Verlenging ${k}`} loopt tot ${formatDate(end)}, na de uiterste einddatum ${formatDate(latestEnd!)}.`,
                rules: ['R1.15']
            });
        }
        const ending: PeriodEnding = more ? 'renews-unless-notice' : 'ends';
        let noticeDeadline: TermijnResult | undefined;
        if (more && spec.notice) {
            noticeDeadline = latestNotice({ ...spec.notice, calendar: spec.notice.calendar ?? calendar }, end);
            steps.push({ kind: 'note', rules: ['R1.12', 'R1.15'], text: `Opzeggen om verlenging te voorkomen: uiterlijk ${formatDate(noticeDeadline.date)} ontvangen.`, date: noticeDeadline.date });
        } else if (!more && renewal?.kind === 'stilzwijgend') {
            steps.push({ kind: 'note', rules: ['R1.15'], text: `Na ${k === 0 ? 'de aanvangsperiode' : `verlenging ${k}`} eindigt de overeenkomst van rechtswege; opzeggen is niet nodig.` });
        }
        periods.push({ index: k, start: periodStart, end, ending, noticeDeadline, pastLatestEnd, steps });
        periodStart = end.add({ days: 1 });
        if (renewal?.kind === 'onbepaalde-tijd') {
            const indefinite = latestEnd !== undefined;
            if (indefinite) {
                warnings.push({
                    code: WarningCodes.LooptijdPastLatestEnd,
                    message: `Na ${formatDate(end)} loopt de overeenkomst voor onbepaalde tijd door, ook na de uiterste einddatum ${formatDate(latestEnd!)}.`,
                    rules: ['R1.15']
                });
            }
            periods.push({
                index: 1, start: periodStart, ending: 'indefinite', pastLatestEnd: indefinite,
                steps: [{ kind: 'note', rules: ['R1.13', 'R1.15'], text: `Vanaf ${formatDate(periodStart)} loopt de overeenkomst voor onbepaalde tijd; opzeggen kan dan steeds met de opzegtermijn (R1.13).` }]
            });
            break;
        }
        if (!more) break;
        // Unlimited renewals: list the horizon, and at least up to the first period past the uiterste einddatum.
        if (unlimited && k + 1 >= horizon && (latestEnd === undefined || pastLatestEnd || k + 1 >= 100)) break;
    }
    if (unlimited) {
        const last = periods[periods.length - 1];
        last.steps.push({ kind: 'note', rules: ['R1.15'], text: `De verlenging is onbeperkt; alleen de eerste ${periods.length} perioden zijn getoond.` });
    }
    const last = periods[periods.length - 1];
    return {
        start, periods, finalEnd: unlimited || last.ending === 'indefinite' ? undefined : last.end, latestEnd, unlimited,
        calendar: calendarRef(calendar), warnings
    };
}
