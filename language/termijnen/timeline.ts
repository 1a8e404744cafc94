/**
 * The timeline of an agreement (R1.13–R1.15): its periods with stilzwijgende verlenging or options, the notice
 * deadline of each period, an extra extension (S001 3.4) and how far it can reach, the latest day an opzegging
 * must be received to end the agreement at the end of each period, and the termijnen that count from the
 * ingang or the einde of the looptijd. Computed by the calendar core; this file only feeds it and collects.
 */
import type {
    LooptijdPeriod, LooptijdResult, LooptijdSpec, PlainDate, Renewal, TermijnResult, Warning, WorkdayCalendar, DerivationStep
} from '../calendar/index.js';
import {
    TermijnError, WarningCodes, addMonths, amountLabel, compareDates, computeLooptijd, computeTermijn, daysPerUnit, formatDate,
    latestNotice, monthsPerUnit, opzegging
} from '../calendar/index.js';
import type { Document } from '../generated/ast.js';
import type { LooptijdModel, OpzeggingModel, TermijnModel, VerlengingModel } from './model.js';
import { attempt, durationOf, looptijdModel, termijnSpec, termijnenOf } from './model.js';

export interface ExtraView {
    verlenging: VerlengingModel;
    /** The first day after the period it extends. */
    from: PlainDate;
    /** The latest day the extension can reach. */
    end: PlainDate;
    pastLatestEnd: boolean;
    steps: DerivationStep[];
}

export interface NoticeDeadline {
    /** Index of the period whose end the notice aims at. */
    period: number;
    end: PlainDate;
    result: TermijnResult;
}

export interface NoticeView {
    opzegging: OpzeggingModel;
    /** To end the agreement at the end of each period: the latest receipt (R1.12, R1.13). */
    deadlines: NoticeDeadline[];
    /** For an agreement of onbepaalde tijd: the end if notice were received on the ingang (R1.13). */
    fromStart?: TermijnResult;
}

export interface AnchoredView {
    termijn: TermijnModel;
    dates: Array<{ period: number; anchor: PlainDate; result: TermijnResult }>;
}

export interface Timeline {
    model: LooptijdModel;
    calendar: WorkdayCalendar;
    start?: PlainDate;
    /** The core's result, when the looptijd has an ingang and a first period. */
    result?: LooptijdResult;
    /** The periods: those of `result`, or one of onbepaalde tijd. */
    periods: readonly LooptijdPeriod[];
    /** Renewals are options someone must exercise, not stilzwijgend. */
    option: boolean;
    finalEnd?: PlainDate;
    latestEnd?: PlainDate;
    extra: ExtraView[];
    notices: NoticeView[];
    anchored: AnchoredView[];
    /** Why no periods could be computed. */
    problem?: string;
}

const cache = new WeakMap<Document, Timeline | null>();

/** The timeline of a document's looptijd; undefined if it has none. */
export function looptijdTimeline(root: Document): Timeline | undefined {
    let t = cache.get(root);
    const model = looptijdModel(root);
    // A new model (another default calendar) makes the cached timeline stale.
    if (t === undefined || (t !== null && t.model !== model)) cache.set(root, t = model ? computeTimeline(model) : null);
    return t ?? undefined;
}

/** The first valid date of a field list. */
function first(fields: LooptijdModel['ingangen']): PlainDate | undefined {
    return fields.find(f => f.date)?.date;
}

function renewalOf(v: VerlengingModel | undefined): Renewal | undefined {
    if (!v?.length) return undefined;
    return { kind: 'stilzwijgend', length: v.length, ...(v.count !== undefined ? { maxCount: v.count } : {}) };
}

export function computeTimeline(model: LooptijdModel): Timeline {
    const calendar = model.calendar;
    const start = first(model.ingangen);
    const end = first(model.eindes);
    const duration = model.duren.map(durationOf).find(d => d !== undefined);
    const latestEnd = first(model.uitersten);
    const base: Timeline = {
        model, calendar, start, periods: [], option: model.verlenging?.kind === 'optie', latestEnd, extra: [], notices: [], anchored: []
    };
    if (!start) return { ...base, problem: 'De looptijd heeft geen (geldige) ingangsdatum.' };
    if (!end && !duration) {
        if (model.onbepaald) {
            const period: LooptijdPeriod = {
                index: 0, start, ending: 'indefinite', pastLatestEnd: false,
                steps: [{ kind: 'note', rules: ['R1.13'], text: `Vanaf ${formatDate(start)} loopt de overeenkomst voor onbepaalde tijd; zij eindigt door opzegging met de opzegtermijn (R1.13).` }]
            };
            const t: Timeline = { ...base, periods: [period] };
            t.notices = model.opzeggingen.map(o => ({ opzegging: o, deadlines: [], fromStart: attempt(() => opzegging(o.spec, start)) }));
            t.anchored = anchoredTermijnen(model.root, t);
            return t;
        }
        return { ...base, problem: 'De looptijd heeft geen einddatum, geen duur en is niet voor onbepaalde tijd.' };
    }
    const v = model.verlenging;
    const spec: LooptijdSpec = {
        start, calendar,
        ...(end ? { end } : {}),
        ...(duration ? { duration } : {}),
        ...(renewalOf(v) ? { renewal: renewalOf(v) } : {}),
        // An option is exercised actively: there is no notice that stops it.
        ...(v?.kind === 'stilzwijgend' && v.notice ? { notice: v.notice } : {}),
        ...(latestEnd ? { latestEnd } : {})
    };
    let result: LooptijdResult;
    try {
        result = computeLooptijd(spec);
    } catch (e) {
        if (e instanceof TermijnError) return { ...base, problem: e.message };
        throw e;
    }
    const t: Timeline = { ...base, result, periods: result.periods, finalEnd: result.finalEnd };
    t.extra = model.extra.map(x => extraView(x, t)).filter((x): x is ExtraView => !!x);
    t.notices = model.opzeggingen.map(o => ({
        opzegging: o,
        deadlines: result.periods.filter(p => p.end).flatMap(p => {
            const notice = attempt(() => latestNotice(o.spec, p.end!));
            return notice ? [{ period: p.index, end: p.end!, result: notice }] : [];
        })
    }));
    t.anchored = anchoredTermijnen(model.root, t);
    return t;
}

/** Months and days from S − 1 to `end`, when `end` is a whole number of months after it (R1.14, R1.15). */
function monthsFrom(anchor: PlainDate, end: PlainDate): number | undefined {
    const guess = (end.year - anchor.year) * 12 + (end.month - anchor.month);
    for (const m of [guess - 1, guess, guess + 1]) if (m >= 0 && addMonths(anchor, m).equals(end)) return m;
    return undefined;
}

/**
 * An extra extension after the last period: how far it can reach. Counted from S − 1 like every period
 * (R1.15, never chained) when the periods are whole months; otherwise from the last end.
 */
function extraView(x: VerlengingModel, t: Timeline): ExtraView | undefined {
    const last = t.periods[t.periods.length - 1];
    if (!x.length || !last?.end || !t.start) return undefined;
    const count = x.count ?? 1;
    const months = (monthsPerUnit(x.length.unit) ?? 0) * x.length.amount * count;
    const days = (daysPerUnit(x.length.unit) ?? 0) * x.length.amount * count;
    const anchor = t.start.subtract({ days: 1 });
    const m = monthsFrom(anchor, last.end);
    const end = attempt(() => m !== undefined ? addMonths(anchor, m + months).add({ days }) : addMonths(last.end!, months).add({ days }));
    if (!end) return undefined;
    const label = `${x.count !== undefined ? `${x.count} x ` : ''}${amountLabel(x.length.amount, x.length.unit)}`;
    const steps: DerivationStep[] = [{
        kind: 'count', rules: ['R1.15'],
        text: m !== undefined
            ? `Extra verlenging (${label}) na ${formatDate(last.end)}: (${t.start} − 1 dag) + ${m + months} maanden${days ? ` + ${days} dagen` : ''} = ${formatDate(end)}.`
            : `Extra verlenging (${label}) na ${formatDate(last.end)}: tot en met ${formatDate(end)}.`,
        date: end
    }];
    return {
        verlenging: x, from: last.end.add({ days: 1 }), end, steps,
        pastLatestEnd: t.latestEnd !== undefined && compareDates(end, t.latestEnd) > 0
    };
}

/** Termijnen of the document that count from the ingang or the einde of the looptijd, with their dates. */
function anchoredTermijnen(root: Document, t: Timeline): AnchoredView[] {
    const out: AnchoredView[] = [];
    for (const model of termijnenOf(root)) {
        const trigger = model.measure?.trigger;
        if (trigger?.kind !== 'looptijd') continue;
        const spec = termijnSpec(model, t.calendar)!;
        const anchors = trigger.edge === 'ingang'
            ? (t.start ? [{ period: 0, anchor: t.start }] : [])
            : t.periods.filter(p => p.end).map(p => ({ period: p.index, anchor: p.end! }));
        const dates = anchors.flatMap(a => {
            const result = attempt(() => applyBound(computeTermijn(spec, { at: a.anchor, kind: trigger.edge, label: 'de looptijd' }), model.measure!.bound));
            return result ? [{ ...a, result }] : [];
        });
        out.push({ termijn: model, dates });
    }
    return out;
}

/**
 * "vóór" as a bound is exclusive (the grammar: uiterlijk = on or before, vóór = before): the last day on which
 * the act is in time is the day before the counted date.
 */
export function applyBound(result: TermijnResult, bound: string | undefined): TermijnResult {
    if (bound !== 'vóór') return result;
    const date = result.date.subtract({ days: 1 });
    return {
        ...result, date,
        steps: [...result.steps, { kind: 'result', rules: ['R1.1'], text: `"Vóór" sluit die dag uit: uiterlijk ${formatDate(date)}.`, date }]
    };
}

/** Every warning of every date the timeline computed, with what was computed (for calendar-year-uncovered). */
export function timelineWarnings(t: Timeline): Array<{ warning: Warning; what: string; date: PlainDate; source: 'verlenging' | 'opzegging' | 'termijn'; index: number }> {
    const out: Array<{ warning: Warning; what: string; date: PlainDate; source: 'verlenging' | 'opzegging' | 'termijn'; index: number }> = [];
    for (const p of t.periods) {
        for (const w of p.noticeDeadline?.warnings ?? []) {
            out.push({ warning: w, what: `de opzegdatum vóór het einde van ${p.index === 0 ? 'de aanvangsperiode' : `verlenging ${p.index}`}`, date: p.noticeDeadline!.date, source: 'verlenging', index: 0 });
        }
    }
    t.notices.forEach((n, i) => {
        for (const d of n.deadlines) {
            for (const w of d.result.warnings) out.push({ warning: w, what: `de uiterste opzegdatum om per ${d.end} te eindigen`, date: d.result.date, source: 'opzegging', index: i });
        }
    });
    t.anchored.forEach((a, i) => {
        for (const d of a.dates) {
            for (const w of d.result.warnings) out.push({ warning: w, what: `termijn ${a.termijn.name}`, date: d.result.date, source: 'termijn', index: i });
        }
    });
    return out;
}

/** Calendar data warnings (R1.10) among the core's warning codes. */
export const CALENDAR_WARNINGS: ReadonlySet<string> = new Set([WarningCodes.KbNotCovered, WarningCodes.KbIncomplete, WarningCodes.YearUnverified]);

/** "de aanvangsperiode", "verlenging 2". */
export function periodName(index: number): string {
    return index === 0 ? 'de aanvangsperiode' : `verlenging ${index}`;
}

/** How a period ends, in Dutch: renewed unless notice, an option, by itself, or never. */
export function endingText(t: Timeline, p: LooptijdPeriod): string {
    const v = t.model.verlenging;
    if (p.ending === 'indefinite') return 'loopt voor onbepaalde tijd; eindigt door opzegging (R1.13)';
    if (p.ending === 'ends') return t.periods.length > 1 || v ? 'eindigt van rechtswege; opzeggen is niet nodig (R1.15)' : 'eindigt van rechtswege';
    if (t.option) return `kan worden verlengd${v?.party ? ` door ${v.party}` : ''} (optie)`;
    const by = v?.noticeBy ? `${v.noticeBy} ` : '';
    return p.noticeDeadline
        ? `wordt stilzwijgend verlengd, tenzij ${by}uiterlijk ${formatDate(p.noticeDeadline.date)} opzegt (R1.12, R1.15)`
        : 'wordt stilzwijgend verlengd (R1.15)';
}
