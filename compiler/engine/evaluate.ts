/**
 * The rule engine: events and an evaluation date in, for every termijn its occurrences with due date,
 * derivation, state and the consequences that followed; the agreement's current period and next notice
 * deadline; the boetes; the indexations. Pure: it reads only the rule JSON and counts with the calendar core
 * (language/calendar), so it gives the dates the editor shows. Events after the evaluation date have not happened.
 *
 * How an event relates to a termijn:
 * - a declared gebeurtenis starts an occurrence of every termijn counting from it, carrying the event's
 *   `kenmerk` (a case: one Dienstverleningsopdracht);
 * - `{"event": "vervuld", "termijn": T, "datum": D}` is the act of T; with a `kenmerk` it belongs to the
 *   occurrence of that case, without one to the earliest open occurrence started on or before D;
 * - `aanleiding` starts a termijn that counts from no gebeurtenis (`onverwijld`, `minimaal 6 maanden`);
 * - `ingebrekestelling` records a notice of default; its `uiterlijk` sets the hersteltermijn (and is the due
 *   date of a termijn without one, such as a `redelijke termijn`);
 * - `boete` imposes a boete, multiplied by its `aantal`.
 */
import type { PlainDate, TermijnResult, TermijnSpec, Trigger as CoreTrigger } from '../../language/calendar/index.js';
import { TermijnError, addMonths, computeTermijn, formatDate } from '../../language/calendar/index.js';
import type { BoeteRule, IndexatieRule, LooptijdRule, OpzeggingRule, RuleSet, TariefRule, TermijnRule } from '../rules/model.js';
import type { AgreementState } from './agreement.js';
import { evaluateAgreement } from './agreement.js';
import type { EngineEvent } from './input.js';
import { ENGINE_EVENTS } from './input.js';
import type {
    ConsequenceResult, EngineWarning, Evaluation, IndexationResult, ObligationResult, PenaltyResult, State, Step
} from './result.js';
import { Calendars, Parties, after, before, cents, dayOf, decimal, hasTime, note, steps, warningsOf, when } from './support.js';

interface Occurrence {
    rule: TermijnRule;
    kenmerk?: string;
    trigger?: { datum: string; event?: string; description: string };
    /** The event that started it, for its `aantal`. */
    startedBy?: EngineEvent;
    /** Acts dated before this day belong to an earlier occurrence. */
    windowStart?: PlainDate;
    result?: TermijnResult;
    due?: PlainDate;
    dueTime?: string;
    earliest?: PlainDate;
    derivation: Step[];
    warnings: EngineWarning[];
    notes: string[];
    act?: EngineEvent;
    noticeOfDefault?: EngineEvent;
    /** The hersteltermijn of an ingebrekestelling, for a termijn that already had a due date. */
    cureBy?: PlainDate;
    penalties: PenaltyResult[];
}

export function evaluate(ruleSet: RuleSet, input: readonly EngineEvent[], op: string): Evaluation {
    return new Engine(ruleSet, input, op).run();
}

class Engine {
    protected readonly op: PlainDate;
    protected readonly calendars: Calendars;
    protected readonly parties: Parties;
    protected readonly events: EngineEvent[];
    protected readonly warnings: EngineWarning[] = [];
    protected readonly occurrences = new Map<string, Occurrence[]>();
    protected readonly building = new Set<string>();
    protected readonly agreements = new Map<string, AgreementState>();
    protected readonly termijnen: TermijnRule[];

    constructor(readonly ruleSet: RuleSet, input: readonly EngineEvent[], op: string) {
        this.op = dayOf(op);
        this.calendars = new Calendars(ruleSet.calendars);
        this.parties = new Parties(ruleSet.parties);
        const sorted = [...input].sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : a.index - b.index));
        this.events = sorted.filter(e => !after(dayOf(e.datum), this.op));
        const later = sorted.length - this.events.length;
        if (later) this.warn('events-after-op', `${later} ${later === 1 ? 'gebeurtenis ligt' : 'gebeurtenissen liggen'} na de peildatum ${op} en ${later === 1 ? 'is' : 'zijn'} niet meegenomen.`);
        const known = new Set([...ruleSet.events.map(e => e.name), ...ENGINE_EVENTS]);
        for (const name of new Set(this.events.map(e => e.event))) {
            if (!known.has(name)) this.warn('event-unknown', `Gebeurtenis '${name}' komt in de regels niet voor; geen termijn telt ervan.`);
        }
        this.termijnen = ruleSet.rules.filter((r): r is TermijnRule => r.kind === 'termijn' && !r.superseded);
    }

    run(): Evaluation {
        const opzeggingen = this.ruleSet.rules.filter((r): r is OpzeggingRule => r.kind === 'opzegging');
        for (const rule of this.ruleSet.rules.filter((r): r is LooptijdRule => r.kind === 'looptijd' && !r.superseded)) {
            this.agreements.set(rule.id, evaluateAgreement(rule, opzeggingen, this.events, this.op, this.calendars, this.parties));
        }
        for (const rule of this.termijnen) this.occurrencesOf(rule);
        this.assignActs();
        const penalties = this.imposeBoetes();
        const obligations: ObligationResult[] = [];
        for (const rule of this.termijnen) {
            const list = this.occurrencesOf(rule);
            if (!list.length) obligations.push(this.notApplicable(rule));
            list.forEach((o, i) => obligations.push(this.result(o, i + 1)));
        }
        const allPenalties = [...obligations.flatMap(o => o.consequences.filter(c => c.penalty && c.status === 'possible').map(c => c.penalty!)), ...penalties]
            .sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
        return {
            op: this.op.toString(),
            entry: this.ruleSet.entry,
            schemaVersion: this.ruleSet.schemaVersion,
            obligations,
            agreements: [...this.agreements.values()].map(a => a.result),
            penalties: allPenalties,
            indexations: this.indexations(),
            warnings: [...this.calendars.warnings, ...this.warnings]
        };
    }

    protected warn(code: string, message: string): void {
        if (!this.warnings.some(w => w.message === message)) this.warnings.push({ code, message });
    }

    protected findTermijn(ref: string): TermijnRule[] {
        return this.termijnen.filter(r => r.id === ref || r.name === ref);
    }

    // ---------------------------------------------------------------- occurrences

    protected occurrencesOf(rule: TermijnRule): Occurrence[] {
        const known = this.occurrences.get(rule.id);
        if (known) return known;
        if (this.building.has(rule.id)) {
            this.warn('termijn-cycle', `Termijn ${rule.name} telt (via andere termijnen) vanaf zijn eigen afloop; die keten wordt niet gevolgd.`);
            return [];
        }
        this.building.add(rule.id);
        const list = this.build(rule);
        this.building.delete(rule.id);
        this.occurrences.set(rule.id, list);
        return list;
    }

    protected build(rule: TermijnRule): Occurrence[] {
        const list: Occurrence[] = [];
        const t = rule.trigger;
        if (t?.kind === 'event') {
            for (const e of this.events.filter(ev => ev.event === t.event)) {
                if (t.subject && e.onderwerp && e.onderwerp !== t.subject) continue;
                const occ = this.occurrence(rule, {
                    kenmerk: e.kenmerk, startedBy: e, windowStart: dayOf(e.datum),
                    trigger: { datum: e.datum, event: e.event, description: `${e.event}${e.kenmerk ? ` (${e.kenmerk})` : ''} op ${when(e.datum)}` }
                });
                this.count(occ, { at: e.datum, ...(t.triggerKind ? { kind: t.triggerKind } : {}), ...(t.label ? { label: t.label } : {}) });
                list.push(occ);
            }
        } else if (t?.kind === 'looptijd') {
            const agreement = t.looptijd ? this.agreements.get(t.looptijd) : [...this.agreements.values()][0];
            for (const p of agreement?.periods ?? []) {
                const anchor = t.edge === 'ingang' ? (p.index === 0 ? p.start : undefined) : p.end;
                if (!anchor || (p.start && after(p.start, this.op))) continue;
                const occ = this.occurrence(rule, {
                    windowStart: p.start,
                    trigger: { datum: anchor.toString(), description: `${t.edge === 'ingang' ? 'ingang' : `einde van ${p.label}`} op ${formatDate(anchor)}` }
                });
                this.count(occ, { at: anchor, kind: t.edge, label: 'de looptijd' });
                list.push(occ);
            }
        } else if (t?.kind === 'termijn') {
            const previous = t.rule ? this.termijnen.find(r => r.id === t.rule) : undefined;
            for (const o of previous ? this.occurrencesOf(previous) : []) {
                // "Na afloop van" the previous termijn: its last day is the trigger, once that day has passed (R1.2).
                if (!o.due || !before(o.due, this.op)) continue;
                const occ = this.occurrence(rule, {
                    kenmerk: o.kenmerk, startedBy: o.startedBy, windowStart: o.due.add({ days: 1 }),
                    trigger: { datum: o.due.toString(), description: `afloop van termijn ${t.name}${o.kenmerk ? ` (${o.kenmerk})` : ''} op ${formatDate(o.due)}` }
                });
                this.count(occ, { at: o.due, kind: 'afloop', label: `termijn ${t.name}` });
                list.push(occ);
            }
        } else if (rule.recurrence) {
            list.push(...this.recurring(rule));
        }
        for (const e of this.events.filter(ev => ev.event === 'aanleiding' && this.findTermijn(ev.termijn!).includes(rule))) {
            if (t) {
                this.warn('aanleiding-ignored', `Aanleiding voor termijn ${rule.name} op ${e.datum}: die termijn telt vanaf ${t.kind === 'event' ? `gebeurtenis ${t.event}` : t.kind === 'looptijd' ? 'de looptijd' : `termijn ${t.name}`}; geef die gebeurtenis op.`);
                continue;
            }
            const occ = this.occurrence(rule, {
                kenmerk: e.kenmerk, startedBy: e, windowStart: dayOf(e.datum),
                trigger: { datum: e.datum, event: 'aanleiding', description: `aanleiding${e.kenmerk ? ` (${e.kenmerk})` : ''} op ${when(e.datum)}${e.omschrijving ? `: ${e.omschrijving}` : ''}` }
            });
            this.count(occ, { at: e.datum });
            list.push(occ);
        }
        for (const e of this.events.filter(ev => ev.event === 'ingebrekestelling' && this.findTermijn(ev.termijn!).includes(rule))) {
            this.noticeOfDefault(rule, list, e);
        }
        list.sort((a, b) => ((a.trigger?.datum ?? '') < (b.trigger?.datum ?? '') ? -1 : (a.trigger?.datum ?? '') > (b.trigger?.datum ?? '') ? 1 : 0));
        return list;
    }

    protected occurrence(rule: TermijnRule, init: Partial<Occurrence>): Occurrence {
        return { rule, derivation: [], warnings: [], notes: [], penalties: [], ...init };
    }

    /** The due date from the calendar core, with the derivation; "vóór" excludes the counted day. */
    protected count(occ: Occurrence, trigger: CoreTrigger): void {
        const rule = occ.rule;
        const d = rule.deadline;
        if (!d) {
            if (rule.qualitative) occ.notes.push(qualitativeNote(rule.qualitative));
            return;
        }
        const spec: TermijnSpec = {
            amount: d.amount, unit: d.unit, direction: d.direction, origin: rule.statutory ? 'wet' : 'overeenkomst',
            calendar: this.calendars.get(rule.calendar), reference: rule.reference,
            ...(d.direction === 'na' && d.start ? { start: d.start } : {})
        };
        let result: TermijnResult;
        try {
            result = computeTermijn(spec, trigger);
        } catch (e) {
            if (!(e instanceof TermijnError)) throw e;
            occ.warnings.push({ code: `termijn-${e.code}`, message: e.message });
            return;
        }
        occ.result = result;
        occ.derivation = steps(result.steps);
        occ.warnings.push(...warningsOf(result.warnings));
        let date = result.date;
        if (d.bound === 'vóór') {
            // As language/termijnen/timeline.ts applyBound: "vóór" is exclusive, the day before is the last.
            date = date.subtract({ days: 1 });
            occ.derivation.push({ step: 'result', rules: ['R1.1'], text: `"Vóór" sluit die dag uit: uiterlijk ${formatDate(date)}.`, date: date.toString() });
        }
        // "Minimaal 6 maanden" after an event is a minimum; "minimaal 4 maanden vóór het einde" is a deadline.
        if ((d.bound === 'minimaal' || d.bound === 'tenminste') && d.direction === 'na') {
            occ.earliest = date;
            occ.notes.push(`Een minimumtermijn: ${formatDate(date)} is de vroegste dag, geen uiterste datum.`);
        } else {
            occ.due = date;
            if (result.dateTime) occ.dueTime = `${String(result.dateTime.hour).padStart(2, '0')}:${String(result.dateTime.minute).padStart(2, '0')}`;
        }
        if (rule.qualitative) occ.notes.push(`${QUALITATIVE[rule.qualitative] ?? rule.qualitative}, en uiterlijk ${formatDate(date)}.`);
    }

    /** `jaarlijks op 1 januari`, `elke 4 weken`: from the ingang of the looptijd up to the evaluation date, and the next one. */
    protected recurring(rule: TermijnRule): Occurrence[] {
        const start = [...this.agreements.values()][0]?.periods[0]?.start;
        if (!start) {
            this.warn('recurrence-no-start', `Termijn ${rule.name} (${describeRecurrence(rule.recurrence!)}) heeft geen looptijd om vanaf te tellen.`);
            return [];
        }
        const out: Occurrence[] = [];
        let previous = start;
        for (const date of recurrenceDates(rule.recurrence!, start, this.op)) {
            const occ = this.occurrence(rule, {
                windowStart: previous, due: date,
                trigger: { datum: previous.toString(), description: `${describeRecurrence(rule.recurrence!)}, periode vanaf ${formatDate(previous)}` }
            });
            occ.derivation.push(note(`${describeRecurrence(rule.recurrence!)}: de keer na ${formatDate(previous)} valt op ${formatDate(date)}.`, [], date));
            out.push(occ);
            previous = date.add({ days: 1 });
        }
        return out;
    }

    protected noticeOfDefault(rule: TermijnRule, list: Occurrence[], e: EngineEvent): void {
        const at = dayOf(e.datum);
        let occ = [...list].reverse().find(o => (!e.kenmerk || o.kenmerk === e.kenmerk) && (!o.windowStart || !after(o.windowStart, at)));
        if (!occ) {
            occ = this.occurrence(rule, {
                kenmerk: e.kenmerk, startedBy: e, windowStart: at,
                trigger: { datum: e.datum, event: 'ingebrekestelling', description: `ingebrekestelling${e.kenmerk ? ` (${e.kenmerk})` : ''} op ${when(e.datum)}` }
            });
            if (rule.qualitative) occ.notes.push(qualitativeNote(rule.qualitative));
            list.push(occ);
        }
        occ.noticeOfDefault = e;
        if (!e.uiterlijk) return;
        const by = dayOf(e.uiterlijk);
        if (!occ.due && !occ.earliest) {
            occ.due = by;
            occ.derivation.push(note(`De ingebrekestelling van ${formatDate(at)} stelt een termijn tot en met ${formatDate(by)}; dat is de uiterste datum.`, [], by));
        } else {
            occ.cureBy = by;
            occ.derivation.push(note(`Ingebrekestelling op ${formatDate(at)} met een hersteltermijn tot en met ${formatDate(by)}.`, [], by));
        }
    }

    // ---------------------------------------------------------------- acts and states

    protected assignActs(): void {
        for (const e of this.events.filter(ev => ev.event === 'vervuld')) {
            const rules = this.findTermijn(e.termijn!);
            if (!rules.length) {
                this.warn('vervuld-unknown', `Vervuld op ${e.datum}: termijn '${e.termijn}' komt in de regels niet voor (of is door de rangorde opzij gezet).`);
                continue;
            }
            const at = dayOf(e.datum);
            const candidates = rules.flatMap(r => this.occurrencesOf(r))
                .filter(o => !o.act && (!e.kenmerk || o.kenmerk === e.kenmerk) && (!o.windowStart || !after(o.windowStart, at)));
            const occ = candidates[0];
            if (!occ) {
                this.warn('vervuld-unmatched', `Vervuld op ${e.datum}: geen lopende termijn ${e.termijn}${e.kenmerk ? ` met kenmerk ${e.kenmerk}` : ''} die toen al begonnen was.`);
                continue;
            }
            occ.act = e;
        }
    }

    protected stateOf(o: Occurrence): State {
        const power = o.rule.norm === 'power';
        if (!o.due) return o.act ? 'fulfilled' : 'open';
        if (o.act) return this.inTime(o, o.act) ? 'fulfilled' : power ? 'expired' : 'late';
        return after(this.op, o.due) ? (power ? 'expired' : 'late') : 'open';
    }

    protected inTime(o: Occurrence, act: EngineEvent): boolean {
        const day = dayOf(act.datum);
        if (before(day, o.due!)) return true;
        if (after(day, o.due!)) return false;
        // On the last day: in time, unless both are moments and the act came after the exact deadline.
        return !(o.dueTime && hasTime(act.datum) && act.datum.slice(11, 16) > o.dueTime);
    }

    protected result(o: Occurrence, number: number): ObligationResult {
        const rule = o.rule;
        const state = this.stateOf(o);
        const consequences: ConsequenceResult[] = [];
        if (state === 'late' || state === 'expired') {
            const from = o.dueTime ? `${o.due}T${o.dueTime}` : o.due!.add({ days: 1 }).toString();
            for (const c of rule.consequences) {
                const penalty = c.boete ? this.penalty(c.boete, 'possible', from.slice(0, 10), o, o.act?.aantal ?? o.startedBy?.aantal) : undefined;
                consequences.push({ kind: c.kind, text: c.text, status: c.automatic ? 'follows' : 'possible', from, ...(penalty ? { penalty } : {}) });
            }
        }
        if (o.noticeOfDefault) {
            consequences.push({ kind: 'notice-of-default', text: o.noticeOfDefault.omschrijving ?? 'ingebrekestelling', status: 'imposed', from: o.noticeOfDefault.datum });
            if (o.cureBy) {
                const cured = o.act && !after(dayOf(o.act.datum), o.cureBy);
                if (cured) o.notes.push(`Nagekomen binnen de hersteltermijn van de ingebrekestelling (${formatDate(o.cureBy)}).`);
                else if (after(this.op, o.cureBy)) {
                    consequences.push({ kind: 'default', text: 'verzuim: de hersteltermijn uit de ingebrekestelling is verstreken', status: 'follows', from: o.cureBy.add({ days: 1 }).toString() });
                }
            }
        }
        for (const p of o.penalties) {
            consequences.push({ kind: 'penalty', text: `boete ${p.name}`, status: p.status, from: p.datum, penalty: p });
        }
        if (o.act && state === 'expired') o.notes.push(`Gedaan na de uiterste datum ${formatDate(o.due!)}: te laat om nog gevolg te hebben.`);
        return {
            rule: rule.id, name: rule.name, norm: rule.norm,
            ...(rule.bearer ? { bearer: rule.bearer } : {}),
            ...(rule.action ? { action: rule.action } : {}),
            source: rule.source,
            occurrence: number,
            ...(o.kenmerk ? { kenmerk: o.kenmerk } : {}),
            ...(o.trigger ? { trigger: o.trigger } : {}),
            ...(o.due ? { due: o.due.toString() } : {}),
            ...(o.dueTime ? { dueTime: o.dueTime } : {}),
            ...(o.earliest ? { earliest: o.earliest.toString() } : {}),
            ...(o.result ? { calendar: { id: o.result.calendar.id, version: o.result.calendar.version } } : {}),
            ...(rule.qualitative ? { qualitative: rule.qualitative } : {}),
            state,
            ...(o.act ? { fulfilment: { datum: o.act.datum, inTime: !o.due || this.inTime(o, o.act), ...(o.act.aantal !== undefined ? { aantal: o.act.aantal } : {}) } } : {}),
            consequences,
            derivation: o.derivation,
            warnings: o.warnings,
            notes: o.notes
        };
    }

    protected notApplicable(rule: TermijnRule): ObligationResult {
        const t = rule.trigger;
        const why = t?.kind === 'event' ? `gebeurtenis ${t.event} heeft zich (nog) niet voorgedaan`
            : t?.kind === 'looptijd' ? 'de looptijd is (nog) niet begonnen'
                : t?.kind === 'termijn' ? `termijn ${t.name} is (nog) niet afgelopen`
                    : rule.recurrence ? 'er is geen looptijd om vanaf te tellen' : 'er is geen aanleiding opgegeven';
        return {
            rule: rule.id, name: rule.name, norm: rule.norm,
            ...(rule.bearer ? { bearer: rule.bearer } : {}),
            ...(rule.action ? { action: rule.action } : {}),
            source: rule.source,
            ...(rule.qualitative ? { qualitative: rule.qualitative } : {}),
            state: 'not-applicable', consequences: [], derivation: [], warnings: [], notes: [`Niet van toepassing: ${why}.`]
        };
    }

    // ---------------------------------------------------------------- boetes

    protected boeteRule(ref: string): BoeteRule | undefined {
        return this.ruleSet.rules.find((r): r is BoeteRule => r.kind === 'boete' && !r.superseded && (r.id === ref || r.name === ref));
    }

    protected penalty(ref: string, status: PenaltyResult['status'], datum: string, o: Occurrence | undefined, count: number | undefined): PenaltyResult | undefined {
        const rule = this.boeteRule(ref);
        if (!rule) return undefined;
        const per = cents(rule.amount);
        return {
            rule: rule.id, name: rule.name, source: rule.source, status, datum,
            perUnit: rule.amount.value, per: rule.per,
            ...(count !== undefined ? { count, total: decimal(per * count) } : {}),
            ...(rule.condition ? { condition: rule.condition } : {}),
            discretionary: rule.discretionary,
            ...(o ? { termijn: o.rule.id } : {}),
            ...(o?.kenmerk ? { kenmerk: o.kenmerk } : {})
        };
    }

    /**
     * `{"event": "boete", "boete": B, "aantal": N}`: B × N, attached to the occurrence of the termijn the event
     * names (or the one termijn written next to the boete), by kenmerk, else the latest one started by then.
     */
    protected imposeBoetes(): PenaltyResult[] {
        const loose: PenaltyResult[] = [];
        for (const e of this.events.filter(ev => ev.event === 'boete')) {
            const rule = this.boeteRule(e.boete!);
            if (!rule) {
                this.warn('boete-unknown', `Boete '${e.boete}' op ${e.datum} komt in de regels niet voor.`);
                continue;
            }
            const termijnen = e.termijn ? this.findTermijn(e.termijn) : rule.related.length === 1 ? this.termijnen.filter(t => t.id === rule.related[0]) : [];
            const at = dayOf(e.datum);
            const occ = termijnen.flatMap(t => this.occurrencesOf(t))
                .filter(o => (!e.kenmerk || o.kenmerk === e.kenmerk) && (!o.windowStart || !after(o.windowStart, at)))
                .pop();
            const count = e.aantal ?? occ?.act?.aantal;
            const p = this.penalty(rule.id, 'imposed', e.datum, occ, count)!;
            if (occ) occ.penalties.push(p);
            else loose.push(p);
        }
        return loose.concat(...[...this.occurrences.values()].flat().map(o => o.penalties)).filter((p, i, all) => all.indexOf(p) === i);
    }

    // ---------------------------------------------------------------- indexation

    protected indexations(): IndexationResult[] {
        const out: IndexationResult[] = [];
        const tarieven = this.ruleSet.rules.filter((r): r is TariefRule => r.kind === 'tarief');
        const agreement = [...this.agreements.values()][0];
        for (const rule of this.ruleSet.rules.filter((r): r is IndexatieRule => r.kind === 'indexatie' && !r.superseded)) {
            const from = tarieven.filter(t => rule.tarieven.includes(t.id) && t.validFrom).map(t => t.validFrom!).sort()[0]
                ?? agreement?.periods[0]?.start?.toString();
            if (!from) continue;
            const start = dayOf(from);
            const dates = recurrenceDates(rule.schedule, start, this.op, false);
            const done = dates.filter(d => !after(d, this.op) && after(d, start));
            const next = dates.find(d => after(d, this.op));
            const end = agreement?.result.end ? dayOf(agreement.result.end) : undefined;
            out.push({
                rule: rule.id, name: rule.name, source: rule.source, tarieven: [...rule.tarieven],
                done: done.map(d => d.toString()),
                ...(next && (!end || !after(next, end)) ? { next: next.toString() } : {})
            });
        }
        return out;
    }
}

const QUALITATIVE: Record<string, string> = {
    onverwijld: 'Onverwijld (zonder uitstel)', onmiddellijk: 'Onmiddellijk', direct: 'Direct', spoedig: 'Zo spoedig mogelijk',
    redelijk: 'Binnen een redelijke termijn', tijdig: 'Tijdig'
};

function qualitativeNote(kind: string): string {
    const why = kind === 'redelijk' ? 'de datum volgt uit een ingebrekestelling' : 'zonder vaste uiterste datum';
    return `${QUALITATIVE[kind] ?? kind}: ${why}.`;
}

function describeRecurrence(r: NonNullable<TermijnRule['recurrence']>): string {
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    return r.kind === 'jaarlijks' ? `jaarlijks op ${r.day} ${months[r.month - 1]}` : `elke ${r.amount} ${r.unit}`;
}

/**
 * The dates of a recurrence after `start` (anchored, never chained: R1.6), up to `op`, plus the first one after
 * it. At most 200, so an `elke 1 dag` over decades stays bounded.
 */
function recurrenceDates(r: NonNullable<TermijnRule['recurrence']>, start: PlainDate, op: PlainDate, afterStart = true): PlainDate[] {
    const out: PlainDate[] = [];
    for (let k = 0; out.length < 200; k++) {
        let d: PlainDate;
        if (r.kind === 'jaarlijks') {
            const year = start.year + k;
            d = start.with({ year, month: r.month, day: 1 });
            d = d.with({ day: Math.min(r.day, d.daysInMonth) });
        } else {
            const months = r.unit === 'maanden' || r.unit === 'kalendermaanden' ? 1 : r.unit === 'kwartalen' ? 3 : r.unit === 'jaren' ? 12 : 0;
            const days = r.unit === 'weken' ? 7 : r.unit === 'dagen' || r.unit === 'kalenderdagen' || r.unit === 'werkdagen' ? 1 : 0;
            if (!months && !days) break;
            d = months ? addMonths(start, months * r.amount * (k + 1)) : start.add({ days: days * r.amount * (k + 1) });
        }
        if (afterStart ? !after(d, start) : before(d, start)) continue;
        out.push(d);
        if (after(d, op)) break;
    }
    return out;
}
