/**
 * What is wrong with the termijnen, the looptijd and the dates of a document (termijnen.md §1): each finding has
 * a stable code, a Dutch message that cites the rule, the node (and property) it is about and related places.
 * checks/termijn-checks.ts reports them in the editor and `check`; the `looptijd` CLI prints them.
 */
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { PlainDate, TermijnResult, TermijnUnit } from '../calendar/index.js';
import {
    TermijnError, addMonths, amountLabel, compareDates, computeTermijn, daysBetween, daysPerUnit, formatDate, latestNotice, monthsPerUnit,
    opzegging, parseIsoDate
} from '../calendar/index.js';
import type { Severity } from '../diagnostics.js';
import type { Actor, Document, Handtekening } from '../generated/ast.js';
import { isAfwijking, isDocument, isGebeurtenis, isLid, isOndertekend, isTermijn, isVastgesteld } from '../generated/ast.js';
import { sideOf, termijnValue } from '../rangorde/extract.js';
import type { DateField, LooptijdModel, TermijnModel } from './model.js';
import { attempt, citationOf, documentCalendar, durationOf, holderOf, looptijdModel, termijnNodes, termijnSpec, termijnenOf } from './model.js';
import { exampleDate } from './due.js';
import { CALENDAR_WARNINGS, applyBound, looptijdTimeline, timelineWarnings } from './timeline.js';

export type TermijnCode =
    | 'termijn-unit-ambiguous' | 'termijn-trigger-missing' | 'termijn-conflict' | 'looptijd-dates-contradict'
    | 'signature-before-text' | 'verlenging-past-uiterste' | 'notice-impossible' | 'payment-term-too-long'
    | 'calendar-year-uncovered' | 'calendar-invalid';

export interface Place {
    node: AstNode;
    property?: string;
    keyword?: string;
}

export interface TermijnFinding extends Place {
    code: TermijnCode;
    severity: Severity;
    message: string;
    related: Array<Place & { message: string }>;
}

/**
 * Payment terms of a government debtor (termijnen.md §1.4, §3.4 item 5; BW 6:119a/6:119b [S19]): with no agreed
 * date, wettelijke handelsrente runs from 30 days after the day following receipt of the invoice; art. 6:119b lid 5
 * allows a longer term only if explicitly agreed and objectively justified, and never more than 60 days.
 */
export const PAYMENT_DEFAULT_DAYS = 30;   // art. 6:119b lid 1 BW
export const PAYMENT_MAX_DAYS = 60;       // art. 6:119b lid 5 BW

/** Findings that concern one document. */
export function documentFindings(root: Document): TermijnFinding[] {
    const out: TermijnFinding[] = [];
    calendarFindings(root, out);
    unitFindings(root, out);
    for (const t of termijnenOf(root)) {
        triggerFinding(t, out);
        paymentFinding(t, out);
    }
    const model = looptijdModel(root);
    if (model) {
        datesFindings(model, out);
        extensionFindings(root, out);
        noticeFindings(root, out);
        yearFindings(root, out);
    }
    signatureFindings(root, out);
    return out;
}

// ---------------------------------------------------------------- calendar

function calendarFindings(root: Document, out: TermijnFinding[]): void {
    const choice = documentCalendar(root);
    if (choice.problem && choice.node) {
        out.push({ code: 'calendar-invalid', severity: 'error', message: choice.problem, node: choice.node, property: 'naam', related: [] });
    }
}

// ---------------------------------------------------------------- termijn-unit-ambiguous

/** R1.3: "dagen" without a kind; the core counts kalenderdagen. */
function unitFindings(root: Document, out: TermijnFinding[]): void {
    for (const node of termijnNodes(root).durations) {
        const written = node.eenheid;
        if (written !== 'dag' && written !== 'dagen') continue;
        const termijn = AstUtils.getContainerOfType(node, isTermijn);
        const statutory = termijn?.wettelijk ?? false;
        out.push({
            code: 'termijn-unit-ambiguous', severity: 'warning', node, property: 'eenheid', related: [],
            message: `'${written}' zegt niet of het om werkdagen of kalenderdagen gaat. De kalender rekent met kalenderdagen (R1.3): `
                + `zaterdagen, zondagen en feestdagen tellen mee${statutory ? '' : ', en een einde op zo\'n dag schuift niet op, want de Algemene termijnenwet geldt niet voor een termijn uit de overeenkomst (R1.7)'}. `
                + `Schrijf 'kalenderdagen' of 'werkdagen'.`
        });
    }
}

// ---------------------------------------------------------------- termijn-trigger-missing

/** A minimum (an opzegtermijn, "minimaal 6 maanden") counts from the notice itself (R1.13); any other measure needs a trigger. */
function triggerFinding(t: TermijnModel, out: TermijnFinding[]): void {
    const m = t.measure;
    if (!m || m.trigger || m.bound === 'minimaal' || m.bound === 'tenminste') return;
    const holder = holderOf(t.node);
    const events = holder ? AstUtils.streamContents(holder).filter(isGebeurtenis).map(e => e.name).toArray() : [];
    const hint = events.length === 1 ? ` Hier staat gebeurtenis ${events[0]}: bedoelt u '${amountLabel(m.amount, m.unit)} na ${events[0]}'?`
        : events.length > 1 ? ` Hier staan de gebeurtenissen ${events.join(', ')}.` : '';
    out.push({
        code: 'termijn-trigger-missing', severity: 'warning', node: m.node, related: [],
        message: `Termijn '${t.name}' (${measureText(t)}) zegt niet vanaf wanneer hij loopt, dus er is geen uiterste datum te berekenen. `
            + `Geef de gebeurtenis met 'na …' of 'voor …': een gebeurtenis, 'einde looptijd', 'ingang looptijd' of 'afloop <termijn>' (R1.2, R1.16).${hint}`
    });
}

/** "binnen 3 werkdagen na Dagtekening", as written (the rangorde's reading of the termijn). */
export function measureText(t: TermijnModel): string {
    return rangordeValue(t).display;
}

/** The rangorde's value of a termijn; a measure still being typed (no duur yet) reads as its quality alone. */
function rangordeValue(t: TermijnModel): { value: string; display: string } {
    if (t.node.maat && !t.node.maat.duur) return { value: t.qualitative ?? '', display: t.qualitative ?? '' };
    return termijnValue(t.node);
}

// ---------------------------------------------------------------- payment-term-too-long

const PAYING = /\bbeta(?:al|ling|len)|\bvoldoe/i;

/** 2027: a year the KB data covers and not a leap year; every month length occurs in it. */
const SAMPLE_YEAR_START = parseIsoDate('2027-01-01')!;

/** The longest span in calendar days this measure can give, over every trigger day of a year. */
function longestSpan(t: TermijnModel): number | undefined {
    const root = AstUtils.getContainerOfType(t.node, isDocument)!;
    const spec = { ...termijnSpec(t, documentCalendar(root).calendar)!, direction: 'na' as const };
    const perDay = daysPerUnit(t.measure!.unit);
    if (perDay !== undefined && !spec.start && !t.statutory && t.measure!.bound !== 'vóór') return perDay * t.measure!.amount;
    let longest = 0;
    for (let d = 0; d < 365; d++) {
        const at = SAMPLE_YEAR_START.add({ days: d });
        try {
            const result = applyBound(computeTermijn(spec, at), t.measure!.bound);
            longest = Math.max(longest, daysBetween(at, result.date));
        } catch (e) {
            if (e instanceof TermijnError) return undefined;
            throw e;
        }
    }
    return longest;
}

/** BW 6:119a/6:119b: a gemeente that pays later than the law allows (termijnen.md §1.4). */
function paymentFinding(t: TermijnModel, out: TermijnFinding[]): void {
    const m = t.measure;
    if (t.side !== 'gemeente' || !m || !t.handeling || !PAYING.test(t.handeling) || m.unit === 'uren' || m.direction === 'voor') return;
    if (m.bound === 'minimaal' || m.bound === 'tenminste') return;
    const days = longestSpan(t);
    if (days === undefined || days <= PAYMENT_DEFAULT_DAYS) return;
    const measure = measureText(t);
    const span = m.unit === 'kalenderdagen' || m.unit === 'dagen' ? '' : ` (dat is tot ${days} kalenderdagen)`;
    if (days > PAYMENT_MAX_DAYS) {
        out.push({
            code: 'payment-term-too-long', severity: 'error', node: m.node, related: [],
            message: `Termijn '${t.name}' geeft ${t.drager} ${measure}${span} om te betalen. Een overheidsinstantie mag als schuldenaar nooit een `
                + `betalingstermijn van meer dan ${PAYMENT_MAX_DAYS} dagen na ontvangst van de factuur afspreken (art. 6:119b lid 5 BW; termijnen.md §1.4). `
                + `Dat is dwingend recht en gaat voor de overeenkomst (R5.3 stap 1).`
        });
    } else {
        out.push({
            code: 'payment-term-too-long', severity: 'warning', node: m.node, related: [],
            message: `Termijn '${t.name}' geeft ${t.drager} ${measure}${span} om te betalen: langer dan de ${PAYMENT_DEFAULT_DAYS} dagen van art. 6:119b BW. `
                + `Een langere termijn (hoogstens ${PAYMENT_MAX_DAYS} dagen) mag alleen als hij uitdrukkelijk is overeengekomen en objectief gerechtvaardigd is `
                + `(art. 6:119b lid 5 BW; termijnen.md §1.4, §3.4).`
        });
    }
}

// ---------------------------------------------------------------- looptijd-dates-contradict

const FIELD_NAMES: Record<DateField['property'], { one: string; two: string }> = {
    ingang: { one: 'ingangsdatum', two: 'ingangsdata' },
    einde: { one: 'einddatum', two: 'einddata' },
    uiterste: { one: 'uiterste einddatum', two: 'uiterste einddata' }
};

/** "in artikel 3.1", or where a bepaling at document level sits. */
function where(node: AstNode): string {
    const citation = citationOf(node);
    return citation ? `in ${citation}` : 'bovenaan het document';
}

/** " (artikel 3.2)", or nothing at document level. */
function placeOf(node: AstNode): string {
    const citation = citationOf(node);
    return citation ? ` (${citation})` : '';
}

/** "4 jaar", "1 jaar en 3 maanden", "45 dagen": the span from S to E inclusive (R1.14). */
export function spanText(start: PlainDate, end: PlainDate): string {
    const anchor = start.subtract({ days: 1 });
    const guess = (end.year - anchor.year) * 12 + (end.month - anchor.month);
    for (const m of [guess - 1, guess, guess + 1]) {
        if (m > 0 && addMonths(anchor, m).equals(end)) {
            const years = Math.floor(m / 12), months = m % 12;
            return [years ? `${years} jaar` : '', months ? `${months} ${months === 1 ? 'maand' : 'maanden'}` : ''].filter(Boolean).join(' en ');
        }
    }
    const days = daysBetween(anchor, end);
    return `${days} ${days === 1 ? 'dag' : 'dagen'}`;
}

function datesFindings(model: LooptijdModel, out: TermijnFinding[]): void {
    const fields = [...model.ingangen, ...model.eindes, ...model.uitersten];
    for (const f of fields) {
        if (!f.date) {
            out.push({
                code: 'looptijd-dates-contradict', severity: 'error', node: f.node, property: f.property, related: [],
                message: `De ${FIELD_NAMES[f.property].one} ${f.text} bestaat niet.`
            });
        }
    }
    // Two ingangsdata (or einddata) for one looptijd: which one counts cannot be read from the text.
    for (const list of [model.ingangen, model.eindes, model.uitersten]) {
        const valid = list.filter(f => f.date);
        for (const f of valid) {
            const others = valid.filter(o => o !== f && !o.date!.equals(f.date!));
            if (!others.length) continue;
            out.push({
                code: 'looptijd-dates-contradict', severity: 'error', node: f.node, property: f.property,
                message: `Twee ${FIELD_NAMES[f.property].two} voor dezelfde looptijd: ${f.text} hier en ${others.map(o => `${o.text} ${where(o.node)}`).join(', ')}. Houd er één aan.`,
                related: others.map(o => ({ node: o.node, property: o.property, message: `De andere ${FIELD_NAMES[o.property].one}: ${o.text}` }))
            });
        }
    }
    if (model.onbepaald && model.eindes.length) {
        out.push({
            code: 'looptijd-dates-contradict', severity: 'error', node: model.onbepaald, keyword: 'onbepaald',
            message: `De looptijd is voor onbepaalde tijd, maar heeft ook een einddatum (${model.eindes[0].text} ${where(model.eindes[0].node)}).`,
            related: model.eindes.map(e => ({ node: e.node, property: e.property, message: `De einddatum: ${e.text}` }))
        });
    }
    const start = model.ingangen.find(f => f.date);
    if (!start) return;
    const S = start.date!;
    for (const e of model.eindes.filter(f => f.date)) {
        if (compareDates(e.date!, S) < 0) {
            out.push({
                code: 'looptijd-dates-contradict', severity: 'error', node: e.node, property: e.property,
                message: `De einddatum ${formatDate(e.date!)} ligt vóór de ingangsdatum ${formatDate(S)}.`,
                related: [{ node: start.node, property: start.property, message: `De ingangsdatum: ${start.text}` }]
            });
        }
    }
    const end = model.eindes.find(f => f.date && compareDates(f.date, S) >= 0);
    for (const duur of model.duren) {
        const d = durationOf(duur);
        if (!d || !end) continue;
        // R1.14: einde = (S − 1) + duur.
        const fromDuration = attempt(() => addDuration(S.subtract({ days: 1 }), d.amount, d.unit));
        if (!fromDuration || fromDuration.equals(end.date!)) continue;
        out.push({
            code: 'looptijd-dates-contradict', severity: 'error', node: duur,
            message: `Een duur van ${amountLabel(d.amount, d.unit)} ingaande ${formatDate(S)} loopt tot en met ${formatDate(fromDuration)} (R1.14), `
                + `maar de einddatum is ${formatDate(end.date!)}: van ${S} tot en met ${end.date} is ${spanText(S, end.date!)}.`,
            related: [
                { node: end.node, property: end.property, message: `De einddatum: ${end.text}` },
                { node: start.node, property: start.property, message: `De ingangsdatum: ${start.text}` }
            ]
        });
    }
    for (const u of model.uitersten.filter(f => f.date)) {
        const firstEnd = looptijdTimeline(model.root)?.periods[0]?.end;
        if (compareDates(u.date!, S) < 0) {
            out.push({
                code: 'looptijd-dates-contradict', severity: 'error', node: u.node, property: u.property,
                message: `De uiterste einddatum ${formatDate(u.date!)} ligt vóór de ingangsdatum ${formatDate(S)}.`,
                related: [{ node: start.node, property: start.property, message: `De ingangsdatum: ${start.text}` }]
            });
        } else if (firstEnd && compareDates(u.date!, firstEnd) < 0) {
            out.push({
                code: 'looptijd-dates-contradict', severity: 'error', node: u.node, property: u.property,
                message: `De uiterste einddatum ${formatDate(u.date!)} ligt vóór het einde van de eerste periode (${formatDate(firstEnd)}).`,
                related: end ? [{ node: end.node, property: end.property, message: `De einddatum: ${end.text}` }] : []
            });
        }
    }
}

function addDuration(anchor: PlainDate, amount: number, unit: TermijnUnit): PlainDate {
    return addMonths(anchor, (monthsPerUnit(unit) ?? 0) * amount).add({ days: (daysPerUnit(unit) ?? 0) * amount });
}

// ---------------------------------------------------------------- verlenging-past-uiterste

function extensionFindings(root: Document, out: TermijnFinding[]): void {
    const t = looptijdTimeline(root);
    const latest = t?.latestEnd;
    if (!t || !latest) return;
    const uiterste = t.model.uitersten.find(f => f.date);
    const related = uiterste ? [{ node: uiterste.node, property: uiterste.property, message: `De uiterste einddatum: ${uiterste.text}` }] : [];
    const v = t.model.verlenging;
    const past = t.periods.find(p => p.index > 0 && p.pastLatestEnd && p.end);
    if (v && past) {
        const ends = t.periods.filter(p => p.index > 0 && p.end).map(p => p.end!.toString());
        out.push({
            code: 'verlenging-past-uiterste', severity: 'warning', node: v.node, related,
            message: `${v.count === undefined ? 'De verlenging is onbeperkt: ' : ''}verlenging ${past.index} loopt tot ${formatDate(past.end!)}, na de uiterste einddatum `
                + `${formatDate(latest)}${placeOf(uiterste?.node ?? v.node)}. De perioden eindigen op ${ends.join(', ')} (R1.15). `
                + `Beperk het aantal of de duur van de verlengingen, of verschuif de uiterste einddatum.`
        });
    }
    for (const x of t.extra.filter(e => e.pastLatestEnd)) {
        const last = t.periods[t.periods.length - 1];
        out.push({
            code: 'verlenging-past-uiterste', severity: 'warning', node: x.verlenging.node, related,
            message: `Deze verlenging kan de overeenkomst laten doorlopen tot ${formatDate(x.end)}: ${amountLabel(x.verlenging.length!.amount, x.verlenging.length!.unit)}`
                + `${x.verlenging.count !== undefined && x.verlenging.count > 1 ? ` (${x.verlenging.count} keer)` : ''} na het einde van de laatste periode `
                + `(${formatDate(last.end!)}), terwijl de overeenkomst uiterlijk op ${formatDate(latest)} eindigt${placeOf(uiterste?.node ?? x.verlenging.node)} (R1.15). `
                + `Zeg welke bepaling voorgaat, of sluit deze verlenging na de laatste periode uit.`
        });
    }
}

// ---------------------------------------------------------------- notice-impossible

/**
 * A renewal that one party can stop until N_A before the end, while the other party needs a longer opzegtermijn
 * N_B to leave at that end: the other party must give notice before it knows whether the agreement is renewed,
 * and once it knows, its notice ends the agreement only inside the renewed period (R1.12, R1.13, R1.15).
 */
function noticeFindings(root: Document, out: TermijnFinding[]): void {
    const t = looptijdTimeline(root);
    const v = t?.model.verlenging;
    if (!t || !v || v.kind !== 'stilzwijgend' || !v.notice || !v.noticeBy) return;
    const period = t.periods.find(p => p.ending === 'renews-unless-notice' && p.end && p.noticeDeadline);
    if (!period) return;
    const E = period.end!;
    const decided = period.noticeDeadline!.date;
    for (const [i, o] of t.model.opzeggingen.entries()) {
        if (!o.party || sameParty(o.party, o.side, v.noticeBy, v.noticeActor)) continue;
        const own = t.notices[i]?.deadlines.find(d => d.period === period.index)?.result ?? safeLatest(o.spec, E);
        if (!own || compareDates(own.date, decided) >= 0) continue;
        const knows = decided.add({ days: 1 });
        const ends = safeOpzegging(o.spec, knows);
        out.push({
            code: 'notice-impossible', severity: 'warning', node: o.node, property: 'termijn',
            message: `${o.party} kan met een opzegtermijn van ${amountLabel(o.amount, o.unit)} niet op tijd reageren op een verlenging: `
                + `${v.noticeBy} kan tot en met ${formatDate(decided)} laten weten dat de overeenkomst na ${formatDate(E)} niet wordt verlengd `
                + `(${amountLabel(v.notice.amount, v.notice.unit)} vóór het einde), maar ${o.party} moet al uiterlijk ${formatDate(own.date)} opzeggen om per ${E} te eindigen — `
                + `vóórdat zij weet of er verlengd wordt.${ends ? ` Zegt ${o.party} op zodra de verlenging vaststaat (ontvangst ${knows}), dan eindigt de overeenkomst pas op ${formatDate(ends.date)}, in de verlengde periode.` : ''} `
                + `(R1.12, R1.13, R1.15.) Maak de opzegtermijn van ${o.party} niet langer dan die van ${v.noticeBy}, of laat ${v.noticeBy} eerder beslissen.`,
            related: [{ node: v.node, property: 'opzegtermijn', message: `${v.noticeBy} beslist tot ${amountLabel(v.notice.amount, v.notice.unit)} vóór het einde: uiterlijk ${decided}` }]
        });
    }
}

function sameParty(name: string, side: string | undefined, other: string, otherActor: Actor | undefined): boolean {
    if (name === other) return true;
    return side !== undefined && side === sideOf(otherActor);
}

function safeLatest(spec: Parameters<typeof latestNotice>[0], end: PlainDate): TermijnResult | undefined {
    try {
        return latestNotice(spec, end);
    } catch (e) {
        if (e instanceof TermijnError) return undefined;
        throw e;
    }
}

function safeOpzegging(spec: Parameters<typeof opzegging>[0], at: PlainDate): TermijnResult | undefined {
    try {
        return opzegging(spec, at);
    } catch (e) {
        if (e instanceof TermijnError) return undefined;
        throw e;
    }
}

// ---------------------------------------------------------------- calendar-year-uncovered

function yearFindings(root: Document, out: TermijnFinding[]): void {
    const t = looptijdTimeline(root);
    if (!t) return;
    const seen = new Set<string>();
    for (const w of timelineWarnings(t)) {
        if (!CALENDAR_WARNINGS.has(w.warning.code) || seen.has(w.warning.message)) continue;
        seen.add(w.warning.message);
        const place: Place = w.source === 'verlenging' && t.model.verlenging ? { node: t.model.verlenging.node, property: 'opzegtermijn' }
            : w.source === 'opzegging' ? { node: t.notices[w.index].opzegging.node, property: 'termijn' }
                : w.source === 'termijn' ? { node: t.anchored[w.index].termijn.node, property: 'name' }
                    : { node: t.model.blocks[0], keyword: 'looptijd' };
        out.push({ code: 'calendar-year-uncovered', severity: 'warning', ...place, related: [], message: `${w.warning.message} Dit raakt ${w.what} (${w.date}).` });
    }
}

// ---------------------------------------------------------------- signature-before-text

function signatureFindings(root: Document, out: TermijnFinding[]): void {
    const adopted = root.meta.find(isVastgesteld);
    const text = adopted?.datum ? parseIsoDate(adopted.datum) : undefined;
    if (!adopted || !text) return;
    const related = [{ node: adopted, property: 'datum', message: `De tekst is vastgesteld op ${adopted.datum}` }];
    for (const h of termijnNodes(root).handtekeningen) {
        const date = h.datum ? parseIsoDate(h.datum) : undefined;
        if (!date || compareDates(date, text) >= 0) continue;
        out.push({
            code: 'signature-before-text', severity: 'error', node: h, property: 'datum', related,
            message: `De handtekening namens ${partyOf(h)} is gedateerd ${formatDate(date)}, vóór de datum waarop de tekst is vastgesteld (${formatDate(text)}): `
                + `niemand kan een tekst tekenen die nog niet bestond. Controleer beide data.`
        });
    }
    const signed = root.meta.find(isOndertekend);
    const signedDate = signed?.datum ? parseIsoDate(signed.datum) : undefined;
    if (signed && signedDate && compareDates(signedDate, text) < 0) {
        out.push({
            code: 'signature-before-text', severity: 'error', node: signed, property: 'datum', related,
            message: `De overeenkomst is ondertekend op ${formatDate(signedDate)}, vóór de datum waarop de tekst is vastgesteld (${formatDate(text)}). Controleer beide data.`
        });
    }
}

function partyOf(h: Handtekening): string {
    return h.partij?.$refText || 'een partij';
}


// ---------------------------------------------------------------- termijn-conflict

type BoundClass = 'uiterlijk' | 'vóór' | 'minimaal' | 'maximaal';

/** binnen = uiterlijk = (none): the same last day; vóór excludes it; minimaal and maximaal are other kinds of measure. */
function boundClass(bound: string | undefined): BoundClass {
    if (bound === 'vóór') return 'vóór';
    if (bound === 'minimaal' || bound === 'tenminste') return 'minimaal';
    if (bound === 'maximaal') return 'maximaal';
    return 'uiterlijk';
}

/** R1.3: dagen are kalenderdagen; the README's policy: kalendermaanden count as maanden (R1.6). */
function unitClass(unit: TermijnUnit): TermijnUnit {
    if (unit === 'dagen') return 'kalenderdagen';
    if (unit === 'kalendermaanden') return 'maanden';
    return unit;
}

const measureKeys = new WeakMap<TermijnModel, string>();

/** What a termijn measures, normalised: two termijnen with equal keys give the same date for the same trigger. */
export function measureKey(t: TermijnModel): string {
    let key = measureKeys.get(t);
    if (key === undefined) measureKeys.set(t, key = computeMeasureKey(t));
    return key;
}

function computeMeasureKey(t: TermijnModel): string {
    const m = t.measure;
    const trigger = m?.trigger;
    const triggerKey = !trigger ? '' : trigger.kind === 'gebeurtenis' ? `g:${trigger.name}(${trigger.subject ?? ''})`
        : trigger.kind === 'looptijd' ? `l:${trigger.edge}` : `a:${trigger.name}`;
    const start = m?.start?.kind === 'first-day-of-next' ? m.start.period : '';
    return [t.qualitative ?? '', m ? `${boundClass(m.bound)} ${m.amount} ${unitClass(m.unit)} ${m.direction ?? ''} ${triggerKey} ${start}` : '', t.recurrence?.text ?? ''].join('|');
}

const obligationKeys = new WeakMap<TermijnModel, string | null>();

function obligationKey(t: TermijnModel): string | undefined {
    let key = obligationKeys.get(t);
    if (key === undefined) obligationKeys.set(t, key = computeObligationKey(t) ?? null);
    return key ?? undefined;
}

function computeObligationKey(t: TermijnModel): string | undefined {
    return t.handeling ? `${(t.drager ?? '').toLowerCase()}\u0000${t.handeling.toLowerCase().replace(/[.;,]+$/, '')}` : undefined;
}

/** The holder of `a` says it derogates from or supplements where `b` sits. */
function derogates(a: TermijnModel, b: TermijnModel): boolean {
    const holder = holderOf(a.node);
    const bHolder = holderOf(b.node);
    const bArtikel = bHolder && isLid(bHolder) ? bHolder.$container : bHolder;
    const bRoot = AstUtils.getContainerOfType(b.node, isDocument);
    const holders = [holder, holder && isLid(holder) ? holder.$container : undefined].filter((h): h is AstNode => !!h);
    for (const h of holders) {
        for (const afw of AstUtils.streamContents(h).filter(isAfwijking)) {
            const target = afw.bepaling?.ref;
            if (target && (target === bHolder || target === bArtikel)) return true;
            const doc = afw.document?.ref;
            if (doc && !afw.artikel && (doc === bRoot || (doc as { name?: string }).name === bRoot?.name)) return true;
        }
    }
    return false;
}

/**
 * Recurring dates of one obligation written in one lid are a schedule, not a conflict: "vier maal per jaar (op
 * 1 april, 1 juli, 1 oktober en op 1 januari)" is four `jaarlijks op` termijnen of the same handeling.
 */
function isSchedule(a: TermijnModel, b: TermijnModel): boolean {
    return !!a.recurrence && !!b.recurrence && !a.measure && !b.measure && holderOf(a.node) === holderOf(b.node);
}

function documentLabel(root: Document): string {
    return `${root.soort} ${root.name}`;
}

/**
 * The same obligation with another measure elsewhere in the set: the same drager and handeling under another
 * name, or the same name where the rangorde sees equal values but the dates differ (a bound "vóór" against
 * "uiterlijk"). The same name with different values is a rangorde slot, reported by the rangorde checks
 * (slot-conflict-*, deel-*) with which one prevails; it is not reported twice.
 */
export function conflictFindings(root: Document, others: readonly Document[]): TermijnFinding[] {
    const out: TermijnFinding[] = [];
    const own = termijnenOf(root);
    if (!own.length) return out;
    const all = [...own.map(t => ({ t, root })), ...others.flatMap(o => termijnenOf(o).map(t => ({ t, root: o })))];
    // Only termijnen with the same name or the same obligation can conflict: index both once (not every pair).
    const byName = new Map<string, number[]>();
    const byObligation = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, i: number) => {
        const list = map.get(key);
        if (list) list.push(i);
        else map.set(key, [i]);
    };
    all.forEach(({ t }, i) => {
        add(byName, t.name, i);
        const key = obligationKey(t);
        if (key !== undefined) add(byObligation, key, i);
    });
    for (const a of own) {
        const aKey = obligationKey(a);
        for (const i of candidates(byName.get(a.name), aKey === undefined ? undefined : byObligation.get(aKey))) {
            const { t: b, root: bRoot } = all[i];
            if (a === b) continue;
            const sameName = a.name === b.name && bRoot !== root;
            const sameObligation = aKey !== undefined && aKey === obligationKey(b) && a.name !== b.name;
            if (!sameName && !sameObligation) continue;
            if (measureKey(a) === measureKey(b)) continue;
            if (sameObligation && isSchedule(a, b)) continue;
            if (sameName && rangordeValue(a).value !== rangordeValue(b).value) continue;
            if (derogates(a, b) || derogates(b, a)) continue;
            const place = `${bRoot === root ? '' : `${documentLabel(bRoot)}, `}${citationOf(b.node) ?? 'op documentniveau'}`;
            const why = sameName ? 'dezelfde naam' : `${a.drager ? `${a.drager}: ` : ''}'${a.handeling}'`;
            out.push({
                code: 'termijn-conflict', severity: 'warning', node: a.node, property: 'name',
                message: `Termijn '${a.name}' (${measureText(a)}) en termijn '${b.name}' in ${place} (${measureText(b)}) gaan over dezelfde verplichting (${why}), `
                    + `maar met een andere termijn.${exampleComparison(a, b)} Maak ze gelijk, of leg vast welke voorgaat.`,
                related: [{ node: b.node, property: 'name', message: `De andere termijn: ${measureText(b)}` }]
            });
        }
    }
    return out;
}

/** The indices of both lists, ascending and once each (so findings keep the order of comparing every pair). */
function candidates(x: readonly number[] = [], y: readonly number[] = []): number[] {
    if (!y.length) return x as number[];
    if (!x.length) return y as number[];
    return [...new Set([...x, ...y])].sort((a, b) => a - b);
}

/** " Bij Dagtekening op 2021-01-01: uiterlijk … hier, uiterlijk … daar." when both count from the same trigger. */
function exampleComparison(a: TermijnModel, b: TermijnModel): string {
    const ta = a.measure?.trigger, tb = b.measure?.trigger;
    if (!ta || !tb || ta.kind !== 'gebeurtenis' || tb.kind !== 'gebeurtenis' || ta.name !== tb.name) return '';
    const root = AstUtils.getContainerOfType(a.node, isDocument)!;
    // Without an ingang or signing date the example is a fixed day, so a diagnostic does not change with the clock.
    const example = exampleDate(root, () => SAMPLE_YEAR_START);
    try {
        const calendar = documentCalendar(root).calendar;
        const da = applyBound(computeTermijn(termijnSpec(a, calendar)!, example.date), a.measure!.bound).date;
        const db = applyBound(computeTermijn(termijnSpec(b, calendar)!, example.date), b.measure!.bound).date;
        if (da.equals(db)) return '';
        return ` Valt ${ta.name} op ${formatDate(example.date)}, dan is het uiterlijk ${formatDate(da)} hier en uiterlijk ${formatDate(db)} daar.`;
    } catch (e) {
        if (e instanceof TermijnError) return '';
        throw e;
    }
}

