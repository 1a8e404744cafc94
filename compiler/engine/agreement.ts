/**
 * The agreement over time (termijnen.md R1.12–R1.15): the periods of a looptijd rule as the events leave them —
 * a stilzwijgende verlenging stopped by a notice received in time, an opzegging that ends the agreement at
 * receipt + opzegtermijn (R1.13, art. 3:37 lid 3 BW), an optie or an extra extension exercised — and, on the
 * evaluation date, the current period and the next notice deadline, each with its derivation.
 */
import type { LooptijdPeriod, LooptijdResult, LooptijdSpec, NoticeSpec, PlainDate, TermijnResult, WorkdayCalendar } from '../../language/calendar/index.js';
import { TermijnError, addMonths, computeLooptijd, daysPerUnit, formatDate, latestNotice, monthsPerUnit, opzegging } from '../../language/calendar/index.js';
import type { LooptijdRule, OpzeggingRule } from '../rules/model.js';
import type { EngineEvent } from './input.js';
import type { AgreementEventResult, AgreementResult, EngineWarning, NoticeDeadline, PeriodResult, Step } from './result.js';
import type { Calendars, Parties } from './support.js';
import { after, before, dayOf, note, steps } from './support.js';

/** A period as the events leave it. */
export interface ActualPeriod {
    index: number;
    /** Unknown for a looptijd that names only its einde (an agreement that started on signing). */
    start?: PlainDate;
    end?: PlainDate;
    ending: PeriodResult['ending'];
    label: string;
    /** The core's deadline for the notice that stops the renewal after this period. */
    noticeDeadline?: TermijnResult;
}

export interface AgreementState {
    rule: LooptijdRule;
    result: AgreementResult;
    periods: ActualPeriod[];
}

function label(index: number): string {
    return index === 0 ? 'de aanvangsperiode' : `verlenging ${index}`;
}

function specOf(rule: LooptijdRule, calendar: WorkdayCalendar): LooptijdSpec | undefined {
    if (!rule.start || (!rule.end && !rule.duration)) return undefined;
    const r = rule.renewal;
    // As language/termijnen/timeline.ts feeds the core, so the engine finds the compiler's periods.
    return {
        start: rule.start, calendar,
        ...(rule.end ? { end: rule.end } : {}),
        ...(rule.duration ? { duration: rule.duration } : {}),
        ...(r ? { renewal: { kind: 'stilzwijgend' as const, length: r.length, ...(r.count !== undefined ? { maxCount: r.count } : {}) } } : {}),
        ...(r?.kind === 'stilzwijgend' && r.notice ? { notice: { amount: r.notice.amount, unit: r.notice.unit, calendar } } : {}),
        ...(rule.latestEnd ? { latestEnd: rule.latestEnd } : {})
    };
}

export function noticeSpec(rule: OpzeggingRule, calendar: WorkdayCalendar): NoticeSpec {
    return { amount: rule.period.amount, unit: rule.period.unit, calendar, ...(rule.start ? { start: rule.start } : {}) };
}

export function evaluateAgreement(
    rule: LooptijdRule, opzeggingen: readonly OpzeggingRule[], events: readonly EngineEvent[], op: PlainDate,
    calendars: Calendars, parties: Parties
): AgreementState {
    const calendar = calendars.get(rule.calendar);
    const warnings: EngineWarning[] = [];
    const result: AgreementResult = {
        looptijd: rule.id, document: rule.document, source: rule.source, status: 'running', periods: [], noticeDeadlines: [], events: [], warnings
    };
    const spec = specOf(rule, calendar);
    let core: LooptijdResult | undefined;
    try {
        core = spec ? computeLooptijd(spec) : undefined;
    } catch (e) {
        if (!(e instanceof TermijnError)) throw e;
        warnings.push({ code: 'looptijd-invalid', message: e.message });
    }
    const periods: ActualPeriod[] = [];
    if (core) {
        const renewalKind = rule.renewal?.kind;
        const natural = renewalKind === 'optie' ? core.periods.slice(0, 1) : core.periods;
        for (const p of natural) periods.push(actual(p, renewalKind === 'optie' && core.periods.length > 1 ? 'renews-if-exercised' : p.ending));
        const differs = rule.periods.length !== core.periods.length
            || rule.periods.some((p, i) => p.start !== core!.periods[i].start.toString() || p.end !== core!.periods[i].end?.toString());
        if (differs) warnings.push({ code: 'looptijd-recomputed', message: 'De perioden wijken af van wat de compiler berekende (andere kalendergegevens?); gerekend is met de nieuwe berekening.' });
        for (const w of core.warnings) if (w.code !== 'looptijd-past-latest-end') warnings.push({ code: w.code, message: w.message });
    } else if (rule.start && rule.indefinite) {
        periods.push({ index: 0, start: dayOf(rule.start), ending: 'indefinite', label: label(0) });
    } else if (!rule.start && rule.end && !rule.renewal) {
        // Only the einde is known: the agreement still ends then, and opzeggingen and their deadlines still count.
        periods.push({ index: 0, end: dayOf(rule.end), ending: 'ends', label: label(0) });
        warnings.push({ code: 'looptijd-no-start', message: `De looptijd noemt geen ingangsdatum; gerekend is met het einde (${formatDate(dayOf(rule.end))}) alleen.` });
    } else {
        warnings.push({ code: 'looptijd-incomplete', message: rule.problem ?? 'De looptijd heeft geen ingangsdatum met einde of duur; er zijn geen perioden te berekenen.' });
    }

    const active = opzeggingen.filter(o => o.looptijd === rule.id && !o.superseded);
    let exercised = 0, extended = 0;
    for (const e of events.filter(ev => ev.event === 'opzegging' || ev.event === 'verlenging')) {
        if (!periods.length) break;
        const received = dayOf(e.datum);
        const r = e.event === 'opzegging'
            ? notice(e, received)
            : extend(e, received);
        if (r) result.events.push(r);
    }

    function notice(e: EngineEvent, received: PlainDate): AgreementEventResult | undefined {
        const renewalNotice = rule.renewal?.kind === 'stilzwijgend' ? rule.renewal.notice : undefined;
        const last = periods[periods.length - 1];
        if (last.end && after(received, last.end)) {
            return { kind: 'opzegging', datum: e.datum, ...(e.door ? { door: e.door } : {}), effect: `Ontvangen na het einde van de overeenkomst (${formatDate(last.end)}); zonder gevolg.`, derivation: [] };
        }
        const separate = e.door ? parties.separateGroupOf(e.door) : undefined;
        const forWhom = separate ? ` Geldt voor ${e.door}: de leden van ${separate.id} besluiten afzonderlijk.` : '';
        if (renewalNotice && parties.matches(e.door, renewalNotice.by)) {
            // The first renewal the notice can still stop: the period it falls in, or a later one if too late for that.
            const derivation: Step[] = [note('Een opzegging werkt pas als zij de ander heeft bereikt (art. 3:37 lid 3 BW): de datum van ontvangst telt.', ['R1.13'], received)];
            for (const p of periods) {
                if (p.ending !== 'renews-unless-notice' || !p.end || !p.noticeDeadline || before(p.end, received)) continue;
                if (after(received, p.noticeDeadline.date)) {
                    derivation.push(note(`Te laat om de verlenging na ${p.label} te voorkomen: daarvoor moest de opzegging uiterlijk ${formatDate(p.noticeDeadline.date)} zijn ontvangen.`, ['R1.12', 'R1.15'], p.noticeDeadline.date));
                    continue;
                }
                derivation.push(note(`Ontvangen op ${formatDate(received)}, niet na ${formatDate(p.noticeDeadline.date)}: de verlenging na ${p.label} gaat niet door.`, ['R1.12', 'R1.15'], p.noticeDeadline.date));
                p.ending = 'ends-by-notice';
                periods.splice(periods.indexOf(p) + 1);
                return {
                    kind: 'opzegging', datum: e.datum, ...(e.door ? { door: e.door } : {}),
                    effect: `De overeenkomst wordt niet verlengd en eindigt op ${formatDate(p.end)}.${forWhom}`, end: p.end.toString(), derivation
                };
            }
            if (!active.some(o => parties.matches(e.door, o.by))) {
                return { kind: 'opzegging', datum: e.datum, ...(e.door ? { door: e.door } : {}), effect: 'Er is geen verlenging meer die deze opzegging kan voorkomen; zonder gevolg.', derivation };
            }
        }
        const rules = active.filter(o => parties.matches(e.door, o.by));
        if (!rules.length) {
            warnings.push({ code: 'opzegging-unknown', message: `Opzegging door ${e.door ?? 'een onbekende partij'} op ${e.datum}: de looptijd kent geen opzegging door die partij; zonder gevolg.` });
            return undefined;
        }
        const o = rules[0];
        const ends = opzegging(noticeSpec(o, calendars.get(o.calendar)), { at: received, kind: 'ontvangst', label: 'de opzegging' });
        const end = ends.date;
        const lastEnd = periods[periods.length - 1].end;
        if (lastEnd && !before(end, lastEnd)) {
            return {
                kind: 'opzegging', datum: e.datum, ...(e.door ? { door: e.door } : {}),
                effect: `Met de opzegtermijn zou de overeenkomst op ${formatDate(end)} eindigen, niet vóór haar eigen einde ${formatDate(lastEnd)}; zij eindigt dus op ${formatDate(lastEnd)}.${forWhom}`,
                end: lastEnd.toString(), derivation: steps(ends.steps)
            };
        }
        const i = periods.findIndex(p => !p.end || !after(end, p.end));
        const p = periods[Math.max(i, 0)];
        p.end = end;
        p.ending = 'ends-by-termination';
        periods.splice(periods.indexOf(p) + 1);
        return {
            kind: 'opzegging', datum: e.datum, ...(e.door ? { door: e.door } : {}),
            effect: `Opgezegd met een opzegtermijn van ${o.period.amount} ${o.period.unit} (${o.source.number ?? o.id}); de overeenkomst eindigt op ${formatDate(end)}.${forWhom}`,
            end: end.toString(), derivation: steps(ends.steps)
        };
    }

    function extend(e: EngineEvent, received: PlainDate): AgreementEventResult | undefined {
        const last = periods[periods.length - 1];
        const base = { kind: 'verlenging' as const, datum: e.datum, ...(e.door ? { door: e.door } : {}) };
        if (!last.end || after(received, last.end)) {
            return { ...base, effect: last.end ? `Uitgeoefend na het einde van de overeenkomst (${formatDate(last.end)}); zonder gevolg.` : 'Een overeenkomst voor onbepaalde tijd wordt niet verlengd; zonder gevolg.', derivation: [] };
        }
        const r = rule.renewal;
        if (r?.kind === 'optie' && core && (r.count === undefined || exercised < r.count) && parties.matches(e.door, r.by) && last.ending === 'renews-if-exercised') {
            exercised++;
            const next = core.periods[last.index + 1];
            if (next) {
                last.ending = 'ends';
                const more = r.count === undefined || exercised < r.count;
                periods.push(actual(next, more ? 'renews-if-exercised' : 'ends'));
                return { ...base, effect: `Optie uitgeoefend: ${label(next.index)} loopt van ${formatDate(next.start)} tot en met ${formatDate(next.end!)}.`, end: next.end!.toString(), derivation: steps(next.steps) };
            }
        }
        const x = rule.extensions.find(ext => parties.matches(e.door, ext.by));
        if (x && (x.count === undefined || extended < x.count)) {
            extended++;
            const months = (monthsPerUnit(x.length.unit) ?? 0) * x.length.amount;
            const days = (daysPerUnit(x.length.unit) ?? 0) * x.length.amount;
            // Counted from the ingang like every period (R1.15) when the periods are whole months; else from the end.
            const start = rule.start ? dayOf(rule.start) : undefined;
            const anchor = start?.subtract({ days: 1 });
            const whole = anchor ? monthsFrom(anchor, last.end) : undefined;
            const reach = anchor && whole !== undefined ? addMonths(anchor, whole + months).add({ days }) : addMonths(last.end, months).add({ days });
            const wanted = e.tot ? dayOf(e.tot) : reach;
            const end = after(wanted, reach) ? reach : wanted;
            const derivation: Step[] = [note(`Extra verlenging (${x.length.amount} ${x.length.unit}, ${x.source.number ?? 'extra verlenging'}) na ${formatDate(last.end)}: uiterlijk tot en met ${formatDate(reach)}.`, ['R1.15'], reach)];
            if (e.tot && after(wanted, reach)) derivation.push(note(`Gevraagd tot ${e.tot}, maar de verlenging reikt niet verder dan ${formatDate(reach)}.`));
            if (rule.latestEnd && after(end, dayOf(rule.latestEnd))) {
                derivation.push(note(`Let op: dit is na de uiterste einddatum ${formatDate(dayOf(rule.latestEnd))}.`, ['R1.15']));
            }
            last.ending = 'ends';
            periods.push({ index: last.index + 1, start: last.end.add({ days: 1 }), end, ending: 'ends', label: 'extra verlenging' });
            return { ...base, effect: `Extra verlenging tot en met ${formatDate(end)}.`, end: end.toString(), derivation };
        }
        warnings.push({ code: 'verlenging-unknown', message: `Verlenging door ${e.door ?? 'een onbekende partij'} op ${e.datum}: de looptijd laat geen (verdere) verlenging door die partij toe; zonder gevolg.` });
        return undefined;
    }

    result.periods = periods.map(view);
    const first = periods[0], last = periods[periods.length - 1];
    if (first?.start && before(op, first.start)) result.status = 'not-started';
    else if (last?.end && after(op, last.end)) result.status = 'ended';
    if (last?.end) result.end = last.end.toString();
    const current = result.status === 'running' ? periods.find(p => (!p.start || !before(op, p.start)) && (!p.end || !after(op, p.end))) : undefined;
    if (current) result.currentPeriod = view(current);
    if (result.status !== 'ended' && periods.length) {
        result.noticeDeadlines = deadlines(rule, active, periods.slice(current ? periods.indexOf(current) : 0), op, calendars);
        result.nextNoticeDeadline = result.noticeDeadlines[0];
    }
    return { rule, result, periods };
}

function actual(p: LooptijdPeriod, ending: PeriodResult['ending']): ActualPeriod {
    return { index: p.index, start: p.start, ...(p.end ? { end: p.end } : {}), ending, label: label(p.index), ...(p.noticeDeadline ? { noticeDeadline: p.noticeDeadline } : {}) };
}

function view(p: ActualPeriod): PeriodResult {
    return { index: p.index, ...(p.start ? { start: p.start.toString() } : {}), ...(p.end ? { end: p.end.toString() } : {}), ending: p.ending, label: p.label };
}

function monthsFrom(anchor: PlainDate, end: PlainDate): number | undefined {
    const guess = (end.year - anchor.year) * 12 + (end.month - anchor.month);
    for (const m of [guess - 1, guess, guess + 1]) if (m >= 0 && addMonths(anchor, m).equals(end)) return m;
    return undefined;
}

/**
 * Notice deadlines from the current period on, earliest first: stopping the renewal (the core's R1.12 date) and
 * ending the agreement at the end of a period with each opzegging (R1.12, R1.13). Only dates on or after the
 * evaluation date; the first period that still has one, and no further.
 */
function deadlines(rule: LooptijdRule, opzeggingen: readonly OpzeggingRule[], periods: readonly ActualPeriod[], op: PlainDate, calendars: Calendars): NoticeDeadline[] {
    for (const p of periods) {
        if (!p.end || p.ending === 'ends-by-termination') continue;
        const out: NoticeDeadline[] = [];
        if (p.ending === 'renews-unless-notice' && p.noticeDeadline && !before(p.noticeDeadline.date, op)) {
            out.push(deadline(p.noticeDeadline, 'prevent-renewal', p, rule.id, rule.renewal?.notice?.by));
        }
        for (const o of opzeggingen) {
            const r = latestNotice(noticeSpec(o, calendars.get(o.calendar)), p.end);
            if (!before(r.date, op)) out.push(deadline(r, 'terminate', p, o.id, o.by));
        }
        if (out.length) return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return [];
}

function deadline(r: TermijnResult, purpose: NoticeDeadline['purpose'], p: ActualPeriod, ruleId: string, by: string | undefined): NoticeDeadline {
    return {
        date: r.date.toString(), ...(r.advisoryDate ? { advisoryDate: r.advisoryDate.toString() } : {}), ...(by ? { by } : {}),
        purpose, period: p.index, periodEnd: p.end!.toString(), rule: ruleId, derivation: steps(r.steps)
    };
}
