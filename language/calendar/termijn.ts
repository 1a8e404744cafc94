/**
 * Termijn arithmetic (termijnen.md §1.5): forward and backward terms in every unit, start rules, the month-end
 * rule and the Algemene termijnenwet. Every result carries its derivation (R1.17).
 */
import { Temporal } from 'temporal-polyfill';
import { applyAtw, decideAtw } from './atw.js';
import type { TermijnOrigin } from './atw.js';
import type { CalendarRef, WorkdayCalendar } from './calendars.js';
import { ATW, calendarRef, resolveCalendar } from './calendars.js';
import type { PlainDate } from './dates.js';
import { TIME_ZONE, addMonths, addMonthsFromStart, compareDates, daysBetween, formatDate, lastDayOfMonth, monthName } from './dates.js';
import type { DerivationStep, Warning } from './derivation.js';
import { Derivation, WarningCodes } from './derivation.js';
import { CalendarError, TermijnError } from './errors.js';
import type { ResolvedTrigger, TriggerInput } from './trigger.js';
import { formatTime, resolveTrigger } from './trigger.js';
import type { Direction, TermijnUnit } from './units.js';
import { TERMIJN_UNITS, amountLabel, daysPerUnit, monthsPerUnit } from './units.js';

/** When the term starts relative to its trigger day. */
export type StartRule =
    /** R1.2: the trigger day is not counted ("na", "te rekenen van"). The default. */
    | { readonly kind: 'day-after' }
    /** R1.14: "ingaande T": the trigger day is the first day of the term. */
    | { readonly kind: 'inclusive' }
    /** "Met ingang van de eerste dag van de kalendermaand volgend op ontvangst" (R1.13, R1.14). */
    | { readonly kind: 'first-day-of-next'; readonly period: 'week' | 'maand' | 'kwartaal' | 'jaar' };

/** R1.13: where the end is moved to after counting ("tegen het einde van een kalendermaand", "tegen 1 januari"). */
export type EndAlignment =
    | { readonly kind: 'end-of'; readonly period: 'maand' | 'kwartaal' | 'jaar' }
    /** The first `MM-DD` on or after the counted date. */
    | { readonly kind: 'on-or-after'; readonly monthDay: string };

export interface TermijnSpec {
    /** A whole number ≥ 0 (≥ 1 for werkdagen, R1.4). */
    readonly amount: number;
    readonly unit: TermijnUnit;
    /** `na` (default) or `voor`. */
    readonly direction?: Direction;
    /** `overeenkomst` (default) or `wet` (R1.7 a). */
    readonly origin?: TermijnOrigin;
    /** The contract declares the Atw applicable (R1.7 a). */
    readonly atwDeclared?: boolean;
    /** A lex specialis switching the Atw off, e.g. `artikel 4:17 lid 1 Awb` (R1.7 d). */
    readonly atwExcludedBy?: string;
    /** The legal or contract reference of the term, cited in the derivation (R1.17). */
    readonly reference?: string;
    /** Calendar object or built-in id; `atw` by default (R1.10). */
    readonly calendar?: WorkdayCalendar | string;
    /** Forward terms only. */
    readonly start?: StartRule;
    /** Forward terms only. */
    readonly alignment?: EndAlignment;
    /** Backward terms only: a vrije termijn, N whole units between the two dates (R1.11). */
    readonly free?: boolean;
}

export interface AtwOutcome {
    readonly applied: boolean;
    /** Dutch: all conditions when it applied, the failing ones when it did not (R1.7). */
    readonly reasons: readonly string[];
    /** The holiday set the Atw rolled with, when it applied. */
    readonly calendar?: CalendarRef;
}

export interface TermijnResult {
    /** The deadline: until the end of this day, 24:00 Europe/Amsterdam (R1.1). */
    readonly date: PlainDate;
    /** Hour terms only: the exact wall-clock deadline in Europe/Amsterdam. */
    readonly dateTime?: Temporal.PlainDateTime;
    /** The date before any roll or extension (R1.17). */
    readonly rawDate: PlainDate;
    readonly trigger: ResolvedTrigger;
    /** Forward terms: the first day of the term. */
    readonly start?: PlainDate;
    readonly amount: number;
    readonly unit: TermijnUnit;
    readonly direction: Direction;
    readonly free: boolean;
    readonly origin: TermijnOrigin;
    readonly reference?: string;
    readonly calendar: CalendarRef;
    readonly atw: AtwOutcome;
    /** Backward terms that land on a non-working day: the previous working day, as a reminder only (R1.11). */
    readonly advisoryDate?: PlainDate;
    readonly steps: readonly DerivationStep[];
    readonly warnings: readonly Warning[];
}

/** Larger amounts are surely typing errors, and werkdagen are counted one by one. */
export const MAX_AMOUNT = 10_000;

export function computeTermijn(spec: TermijnSpec, trigger: TriggerInput): TermijnResult {
    try {
        return compute(spec, trigger);
    } catch (e) {
        if (e instanceof RangeError) {
            throw new TermijnError('De datum valt buiten het bereik dat de kalender kan rekenen (jaar 1 tot en met 9999).', 'out-of-range');
        }
        throw e;
    }
}

function compute(spec: TermijnSpec, triggerInput: TriggerInput): TermijnResult {
    validate(spec);
    const calendar = calendarOf(spec.calendar);
    const direction = spec.direction ?? 'na';
    const origin = spec.origin ?? 'overeenkomst';
    const { amount, unit } = spec;
    const d = new Derivation();
    const trigger = resolveTrigger(triggerInput, calendar, d, { applyCutoff: unit !== 'uren' });
    const label = amountLabel(amount, unit);
    d.step('note', [], `Termijn: ${spec.free ? 'ten minste ' : ''}${label} ${direction === 'na' ? 'na' : 'vóór'} de trigger${spec.reference ? ` (${spec.reference})` : ''}; kalender ${calendar.id}, versie ${calendar.version}.`);
    if (unit === 'dagen') {
        d.step('note', ['R1.3'], '"Dagen" zonder nadere aanduiding zijn kalenderdagen; werkdagen moeten er uitdrukkelijk staan. (De referentie vond hiervoor geen wettelijke definitie.)');
    }
    if (unit === 'kalendermaanden') {
        d.step('note', ['R1.6'], 'Kalendermaanden worden geteld als maanden van dag tot dag, zoals bij de appeltermijn van "drie kalendermaanden" (HR 1 september 2017).');
    }
    const decision = decideAtw({ amount, unit, direction, origin, atwDeclared: spec.atwDeclared ?? false, atwExcludedBy: spec.atwExcludedBy });
    const base = { trigger, amount, unit, direction, free: spec.free ?? false, origin, reference: spec.reference, calendar: calendarRef(calendar) };

    if (unit === 'uren') {
        return hours(spec, trigger, calendar, decision.reasons, d, base);
    }

    if (direction === 'voor') {
        const raw = backward(trigger.date, amount, unit, spec.free ?? false, calendar, d);
        if (raw.year < 1) throw new RangeError('year');
        d.step('atw', ['R1.7'], `De Algemene termijnenwet is niet van toepassing: ${decision.reasons.join('; ')}. De datum wordt nooit naar later verschoven.`);
        let advisoryDate: PlainDate | undefined;
        // Only advice: asked of the calendar directly, so a year without KB data does not warn about a date
        // the contract term never moves to (R1.7).
        const reason = calendar.nonWorkingReason(raw);
        if (reason) {
            advisoryDate = raw.subtract({ days: 1 });
            while (!calendar.isWorkday(advisoryDate)) advisoryDate = advisoryDate.subtract({ days: 1 });
            d.step('advice', ['R1.11'], `${raw} is ${reason}. Als praktische herinnering kan de werkdag ervoor worden aangehouden: ${formatDate(advisoryDate)} (advies; de uiterste datum blijft ${raw}).`, advisoryDate);
        }
        d.step('result', ['R1.1'], `Uiterste datum: ${formatDate(raw)}, tot het einde van die dag (24:00 uur Nederlandse tijd).`, raw);
        return { ...base, date: raw, rawDate: raw, atw: { applied: false, reasons: decision.reasons }, advisoryDate, steps: d.steps, warnings: d.warnings() };
    }

    const anchor = applyStart(trigger.date, spec.start ?? { kind: 'day-after' }, d);
    const start = anchor.add({ days: 1 });
    const counted = forward(anchor, amount, unit, calendar, d, (spec.start?.kind ?? 'day-after') !== 'day-after');
    const raw = spec.alignment ? align(counted, spec.alignment, d) : counted;
    let date = raw;
    let atw: AtwOutcome;
    if (decision.applies) {
        // R1.8: the Atw rolls with its own holiday set; a contract calendar is not the law's.
        const atwCalendar = calendar.atwSet ? calendar : ATW;
        d.step('atw', ['R1.7'], `De Algemene termijnenwet is van toepassing: ${decision.reasons.join('; ')}.${atwCalendar === calendar ? '' : ` De Atw verschuift met haar eigen feestdagen (kalender ${ATW.id}, versie ${ATW.version}), niet met kalender ${calendar.id}.`}`);
        const nominal = daysPerUnit(unit) ? amount * daysPerUnit(unit)! : unit === 'werkdagen' ? amount : daysBetween(anchor, counted);
        date = applyAtw(anchor, raw, nominal, atwCalendar, d);
        atw = { applied: true, reasons: decision.reasons, calendar: calendarRef(atwCalendar) };
    } else {
        d.step('atw', ['R1.7'], `De Algemene termijnenwet is niet van toepassing: ${decision.reasons.join('; ')}. Een einddatum op een zaterdag, zondag of feestdag schuift dus niet op.`);
        atw = { applied: false, reasons: decision.reasons };
        // Asked of the calendar directly, as for a backward term: the date never moves (R1.7), so a year without
        // KB data cannot change it and must not warn.
        const reason = calendar.nonWorkingReason(date);
        if (reason) {
            d.warn(WarningCodes.DeadlineOnNonWorkingDay, `De uiterste datum ${formatDate(date)} is ${reason}; omdat de Algemene termijnenwet niet geldt, schuift de termijn niet op naar de volgende werkdag.`, ['R1.7']);
        }
    }
    if (date.year > 9999) throw new RangeError('year');
    d.step('result', ['R1.1'], `Uiterste datum: ${formatDate(date)}, tot het einde van die dag (24:00 uur Nederlandse tijd).`, date);
    return { ...base, date, rawDate: raw, start, atw, steps: d.steps, warnings: d.warnings() };
}

function calendarOf(calendar: WorkdayCalendar | string | undefined): WorkdayCalendar {
    try {
        return resolveCalendar(calendar);
    } catch (e) {
        if (e instanceof CalendarError) throw new TermijnError(e.message, 'invalid-option');
        throw e;
    }
}

function validate(spec: TermijnSpec): void {
    if (!(TERMIJN_UNITS as readonly string[]).includes(spec.unit)) {
        throw new TermijnError(`Onbekende eenheid '${String(spec.unit)}'; kies uit ${TERMIJN_UNITS.join(', ')}.`, 'invalid-unit');
    }
    if (!Number.isInteger(spec.amount) || spec.amount < 0) {
        throw new TermijnError(`Het aantal moet een geheel getal van 0 of meer zijn, niet ${spec.amount}.`, 'invalid-amount');
    }
    if (spec.amount > MAX_AMOUNT) {
        throw new TermijnError(`Het aantal ${spec.amount} is groter dan ${MAX_AMOUNT}.`, 'invalid-amount');
    }
    // R1.4: "0 werkdagen" is not used.
    if (spec.unit === 'werkdagen' && spec.amount === 0) {
        throw new TermijnError('Een termijn van 0 werkdagen bestaat niet; gebruik ten minste 1 werkdag.', 'invalid-amount');
    }
    const direction = spec.direction ?? 'na';
    if (direction !== 'na' && direction !== 'voor') {
        throw new TermijnError(`Onbekende richting '${String(direction)}'; kies 'na' of 'voor'.`, 'invalid-option');
    }
    if (direction === 'voor' && spec.start && spec.start.kind !== 'day-after') {
        throw new TermijnError('Een startregel geldt alleen voor een termijn die vooruit telt.', 'invalid-option');
    }
    if (direction === 'voor' && spec.alignment) {
        throw new TermijnError('"Tegen het einde van …" geldt alleen voor een termijn die vooruit telt; gebruik latestNotice voor de uiterste opzegdatum.', 'invalid-option');
    }
    if (direction === 'na' && spec.free) {
        throw new TermijnError('Een vrije termijn ("ten minste N dagen tussen") wordt teruggerekend; gebruik richting voor.', 'invalid-option');
    }
    if (spec.alignment?.kind === 'on-or-after') monthDayOf(spec.alignment.monthDay);
}

function monthDayOf(text: string): { month: number; day: number } {
    const m = /^(\d{2})-(\d{2})$/.exec(text);
    const month = m ? +m[1] : 0, day = m ? +m[2] : 0;
    // 29 February would only exist one year in four.
    if (!m || month < 1 || month > 12 || day < 1 || day > Temporal.PlainDate.from({ year: 2001, month, day: 1 }).daysInMonth) {
        throw new TermijnError(`Ongeldige vaste datum '${text}'; gebruik MM-DD, bijvoorbeeld 01-01.`, 'invalid-option');
    }
    return { month, day };
}

const PERIOD_NOUN = { week: 'week', maand: 'kalendermaand', kwartaal: 'kalenderkwartaal', jaar: 'kalenderjaar' } as const;

/** Returns the anchor X the term counts from: the day before its first day (R1.2, R1.14). */
function applyStart(trigger: PlainDate, rule: StartRule, d: Derivation): PlainDate {
    switch (rule.kind) {
        case 'day-after':
            // R1.2: day X itself is not counted; an act on X is in time.
            d.step('start', ['R1.2'], `De dag van de trigger telt niet mee; de termijn begint op ${formatDate(trigger.add({ days: 1 }))}.`, trigger.add({ days: 1 }));
            return trigger;
        case 'inclusive': {
            // R1.14: "ingaande S" treats S − 1 as the trigger.
            const anchor = trigger.subtract({ days: 1 });
            d.step('start', ['R1.14'], `Ingaande ${formatDate(trigger)}: die dag telt mee, dus er wordt gerekend vanaf de dag ervoor, ${anchor}.`, trigger);
            return anchor;
        }
        case 'first-day-of-next': {
            const first = firstDayOfNext(trigger, rule.period);
            const anchor = first.subtract({ days: 1 });
            d.step('start', ['R1.14'], `De termijn gaat in op de eerste dag van de ${PERIOD_NOUN[rule.period]} volgend op ${trigger}: ${formatDate(first)}; er wordt gerekend vanaf ${anchor}.`, first);
            return anchor;
        }
    }
}

function firstDayOfNext(date: PlainDate, period: 'week' | 'maand' | 'kwartaal' | 'jaar'): PlainDate {
    switch (period) {
        case 'week': return date.add({ days: 8 - date.dayOfWeek });
        case 'maand': return date.with({ day: 1 }).add({ months: 1 });
        case 'kwartaal': return Temporal.PlainDate.from({ year: date.year, month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 }).add({ months: 3 });
        case 'jaar': return Temporal.PlainDate.from({ year: date.year + 1, month: 1, day: 1 });
    }
}

/** The raw forward date X + N (R1.2–R1.6). */
function forward(anchor: PlainDate, amount: number, unit: TermijnUnit, calendar: WorkdayCalendar, d: Derivation, inclusive = false): PlainDate {
    if (unit === 'werkdagen') return addWorkdays(anchor, amount, calendar, d);
    const perDay = daysPerUnit(unit);
    if (perDay !== undefined) {
        // R1.2/R1.3 (days), R1.5 (weeks: the same weekday N weeks later).
        const raw = anchor.add({ days: amount * perDay });
        const rule = unit === 'weken' ? 'R1.5' : 'R1.3';
        d.step('count', ['R1.2', rule], `${anchor} + ${amountLabel(amount, unit)}${unit === 'weken' ? ` (${amount * 7} dagen)` : ''} = ${formatDate(raw)}.`, raw);
        return raw;
    }
    const months = amount * monthsPerUnit(unit)!;
    // R1.6: from the original anchor, constrained to the last day of a shorter month.
    const raw = inclusive ? addMonthsFromStart(anchor, months) : addMonths(anchor, months);
    if (inclusive && raw.day !== addMonths(anchor, months).day) {
        d.step('count', ['R1.14', 'R1.6'], `${anchor} + ${amountLabel(amount, unit)} = ${formatDate(raw)}: de termijn gaat in op de eerste dag van een maand en loopt dus tot en met de laatste dag van de ${months}e maand (de dag vóór ${formatDate(raw.add({ days: 1 }))}).`, raw);
        return raw;
    }
    d.step('count', ['R1.6'], monthText(anchor, amount, unit, months, raw, '+'), raw);
    return raw;
}

function monthText(anchor: PlainDate, amount: number, unit: TermijnUnit, months: number, result: PlainDate, sign: '+' | '−'): string {
    const how = `${anchor} ${sign} ${amountLabel(amount, unit)}${unit === 'kwartalen' || unit === 'jaren' ? ` (${months} maanden)` : ''} = ${formatDate(result)}`;
    if (result.day !== anchor.day) {
        return `${how}: ${monthName(result.month)} ${result.year} heeft geen ${anchor.day}e dag, dus de laatste dag van die maand (HR 1 september 2017).`;
    }
    return `${how}: dezelfde dag van de maand.`;
}

/** R1.4: the N-th working day strictly after X. */
function addWorkdays(anchor: PlainDate, amount: number, calendar: WorkdayCalendar, d: Derivation): PlainDate {
    const anchorReason = d.nonWorkingReason(calendar, anchor);
    if (anchorReason) {
        d.step('note', ['R1.4'], `${anchor} is ${anchorReason}; het tellen begint op de dag erna, dus in feite bij de eerstvolgende werkdag.`);
    }
    let current = anchor;
    let weekendDays = 0;
    for (let k = 0; k < amount;) {
        current = current.add({ days: 1 });
        if (d.isWorkday(calendar, current)) {
            k++;
        } else if (current.dayOfWeek >= 6) {
            weekendDays++;
        } else {
            d.step('skip', ['R1.4', 'R1.10'], `${current} is ${calendar.nonWorkingReason(current)}; telt niet als werkdag.`, current);
        }
    }
    d.step('count', ['R1.4'], `De ${amount}e werkdag na ${formatDate(anchor)} is ${formatDate(current)} (kalender ${calendar.id}${weekendDays ? `; ${weekendDays} weekenddag${weekendDays === 1 ? '' : 'en'} overgeslagen` : ''}).`, current);
    return current;
}

/** R1.11: the N-th working day strictly before Y. */
function subtractWorkdays(target: PlainDate, amount: number, calendar: WorkdayCalendar, d: Derivation): PlainDate {
    let current = target;
    for (let k = 0; k < amount;) {
        current = current.subtract({ days: 1 });
        if (d.isWorkday(calendar, current)) k++;
        else if (current.dayOfWeek < 6) d.step('skip', ['R1.11', 'R1.10'], `${current} is ${calendar.nonWorkingReason(current)}; telt niet als werkdag.`, current);
    }
    d.step('count', ['R1.11'], `De ${amount}e werkdag vóór ${formatDate(target)} is ${formatDate(current)} (kalender ${calendar.id}; ${target} zelf telt niet mee).`, current);
    return current;
}

/**
 * R1.12: the latest D with D + N months ≤ E — consistent with the forward rule R1.6. Neither E − N months nor
 * (E + 1) − N months − 1 day is right in every case (see termijnen.md R1.12).
 */
export function latestBeforeByMonths(end: PlainDate, months: number): PlainDate {
    let c = addMonths(end, -months);
    while (compareDates(addMonths(c.add({ days: 1 }), months), end) <= 0) c = c.add({ days: 1 });
    return c;
}

/** Backward terms "uiterlijk N … vóór Y" (R1.11, R1.12); never moved later (art. 1 lid 2 Atw). */
function backward(target: PlainDate, amount: number, unit: TermijnUnit, free: boolean, calendar: WorkdayCalendar, d: Derivation): PlainDate {
    d.step('start', ['R1.11'], `Terugrekenen vanaf ${formatDate(target)}: die dag zelf telt niet mee.`, target);
    if (unit === 'werkdagen') {
        const w = subtractWorkdays(target, amount, calendar, d);
        if (!free) return w;
        const result = w.subtract({ days: 1 });
        d.step('count', ['R1.11'], `Vrije termijn: er moeten ${amountLabel(amount, unit)} helemaal tussen liggen, dus uiterlijk de dag vóór ${w}: ${formatDate(result)}.`, result);
        return result;
    }
    const perDay = daysPerUnit(unit);
    if (perDay !== undefined) {
        const days = amount * perDay + (free ? 1 : 0);
        const result = target.subtract({ days });
        d.step('count', ['R1.11', unit === 'weken' ? 'R1.5' : 'R1.3'], free
            ? `Vrije termijn: ${amountLabel(amount, unit)} helemaal tussen beide data, dus ${target} − ${amount * perDay} − 1 dag = ${formatDate(result)}.`
            : `${target} − ${amountLabel(amount, unit)}${unit === 'weken' ? ` (${amount * 7} dagen)` : ''} = ${formatDate(result)}.`, result);
        return result;
    }
    const months = amount * monthsPerUnit(unit)!;
    // A vrije termijn needs N whole months between D and Y, i.e. D + N months ≤ Y − 1.
    const end = free ? target.subtract({ days: 1 }) : target;
    if (free) d.step('note', ['R1.11'], `Vrije termijn: ${amountLabel(amount, unit)} helemaal tussen beide data, dus terugrekenen vanaf ${end}.`);
    const result = latestBeforeByMonths(end, months);
    const after = addMonths(result.add({ days: 1 }), months);
    d.step('count', ['R1.12'], `De laatste dag D waarvoor D + ${amountLabel(amount, unit)} niet na ${end} valt: ${formatDate(result)} (${result} + ${months} maanden = ${addMonths(result, months)}; ${result.add({ days: 1 })} + ${months} maanden = ${after} valt erna).`, result);
    const naive = addMonths(end, -months);
    if (!naive.equals(result)) {
        d.step('note', ['R1.12'], `De eenvoudige berekening ${end} − ${months} maanden geeft ${naive}; wie geen enkel risico wil lopen, houdt die vroegere datum aan.`);
    }
    d.step('note', ['R1.12'], 'Terugrekenen in maanden is een beleidskeuze van de referentie (termijnen.md §6.4): er is geen rechtspraak over gevonden.');
    return result;
}

/** R1.13: "tegen het einde van een kalendermaand", "tegen 1 januari". */
function align(raw: PlainDate, alignment: EndAlignment, d: Derivation): PlainDate {
    let result: PlainDate;
    let text: string;
    if (alignment.kind === 'end-of') {
        switch (alignment.period) {
            case 'maand': result = lastDayOfMonth(raw); break;
            case 'kwartaal': result = lastDayOfMonth(raw.with({ month: Math.floor((raw.month - 1) / 3) * 3 + 3, day: 1 })); break;
            case 'jaar': result = raw.with({ month: 12, day: 31 }); break;
        }
        text = `Tegen het einde van een ${PERIOD_NOUN[alignment.period]}: ${raw} wordt ${formatDate(result)}.`;
    } else {
        const { month, day } = monthDayOf(alignment.monthDay);
        result = raw.with({ month, day });
        if (compareDates(result, raw) < 0) result = result.add({ years: 1 });
        text = `Tegen ${day} ${monthName(month)}: de eerste zo'n datum op of na ${raw} is ${formatDate(result)}.`;
    }
    d.step('alignment', ['R1.13'], text, result);
    return result;
}

/** Hour terms: elapsed hours from the Amsterdam wall-clock time (R1.1); the Atw never applies (art. 4 onder a). */
function hours(
    spec: TermijnSpec, trigger: ResolvedTrigger, calendar: WorkdayCalendar, reasons: readonly string[], d: Derivation,
    base: Omit<TermijnResult, 'date' | 'rawDate' | 'atw' | 'steps' | 'warnings'>
): TermijnResult {
    if (!trigger.dateTime) {
        throw new TermijnError('Een termijn in uren heeft een trigger met tijdstip nodig, bijvoorbeeld 2026-04-24T14:30.', 'invalid-trigger');
    }
    const from = trigger.dateTime.toZonedDateTime(TIME_ZONE);
    const forwardTerm = (spec.direction ?? 'na') === 'na';
    const to = forwardTerm ? from.add({ hours: spec.amount }) : from.subtract({ hours: spec.amount });
    const local = to.toPlainDateTime();
    const clockChange = from.offset !== to.offset ? ` De klok verspringt tussendoor (${from.offset} → ${to.offset}); geteld zijn werkelijk verstreken uren.` : '';
    d.step('count', ['R1.1'], `${trigger.dateTime.toPlainDate()} ${formatTime(trigger.dateTime)} ${forwardTerm ? '+' : '−'} ${amountLabel(spec.amount, 'uren')} = ${formatDate(local.toPlainDate())} om ${formatTime(local)} (Nederlandse tijd).${clockChange}`, local.toPlainDate());
    d.step('atw', ['R1.7'], `De Algemene termijnenwet is niet van toepassing: ${reasons.join('; ')}.`);
    const date = local.toPlainDate();
    const reason = forwardTerm ? d.nonWorkingReason(calendar, date) : undefined;
    if (reason) {
        d.warn(WarningCodes.DeadlineOnNonWorkingDay, `De uiterste datum ${formatDate(date)} is ${reason}; een termijn in uren schuift niet op naar de volgende werkdag.`, ['R1.7']);
    }
    d.step('result', ['R1.1'], `Uiterste tijdstip: ${formatDate(date)} om ${formatTime(local)} (Nederlandse tijd).`, date);
    return { ...base, date, dateTime: local, rawDate: date, atw: { applied: false, reasons }, steps: d.steps, warnings: d.warnings() };
}
