/**
 * Scenarios: an agreement tested like code (DESIGN.md §2). A scenario file (`*.scenario.json`, next to the
 * agreement) names the agreement or its compiled rules, an evaluation date, dated events, and what the engine
 * must find: due dates, states and consequences of termijnen, the current period and the next notice deadline,
 * boete amounts. Every expectation passes or fails on its own; a failure says what was expected, what came out
 * and how the date was derived. The format is in schema/scenario.schema.json.
 */
import type { EngineEvent, Evaluation, ObligationResult, State, Step } from '../engine/index.js';
import { EngineInputError, cents, decimal, parseEvents, parseOp } from '../engine/index.js';

export const SCENARIO_SUFFIX = '.scenario.json';

export interface TermijnExpectation {
    termijn: string;
    kenmerk?: string;
    /** The n-th occurrence of the termijn (1-based), when there are several. */
    nummer?: number;
    uiterlijk?: string;
    tijdstip?: string;
    nietEerderDan?: string;
    status?: State;
    /** The kinds of the consequences, in any order; `[]` expects none. */
    gevolgen?: string[];
    /** The total of the boetes on this occurrence. */
    boete?: string;
}

export interface LooptijdExpectation {
    /** `true` for the entry's looptijd, or the document whose looptijd. */
    looptijd: true | string;
    status?: 'not-started' | 'running' | 'ended';
    huidigePeriode?: { begin?: string; einde?: string };
    einde?: string;
    volgendeOpzegdatum?: string;
    /** Who must give that notice. */
    opzeggenDoor?: string;
}

export interface BoeteExpectation {
    boete: string;
    /** Sum of every boete with this name, two decimals. */
    totaal: string;
    status?: 'imposed' | 'possible';
}

export interface IndexatieExpectation {
    indexatie: string;
    volgende?: string;
    aantal?: number;
}

export type Expectation = TermijnExpectation | LooptijdExpectation | BoeteExpectation | IndexatieExpectation;

export interface Scenario {
    naam: string;
    omschrijving?: string;
    /** An .ovk entry document, relative to the scenario file. */
    overeenkomst?: string;
    /** Or compiled rule JSON, relative to the scenario file. */
    regels?: string;
    op: string;
    gebeurtenissen: EngineEvent[];
    verwacht: Expectation[];
}

export interface Mismatch {
    field: string;
    expected: string;
    actual: string;
}

export interface ExpectationResult {
    /** Dutch: what was checked, e.g. "termijn Weigeren (DVO-1)". */
    title: string;
    /** The expected values, as written: "uiterlijk 2026-04-30, status expired". */
    expected: string;
    ok: boolean;
    mismatches: Mismatch[];
    /** How the date in question was derived, for a failure. */
    derivation: Step[];
}

const STATES: readonly State[] = ['open', 'fulfilled', 'late', 'expired', 'not-applicable'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a parsed scenario file; problems throw EngineInputError naming the file. */
export function parseScenario(value: unknown, where: string): Scenario {
    const s = value as Record<string, unknown>;
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw new EngineInputError(`${where}: een scenario is een object met naam, op, gebeurtenissen en verwacht.`);
    if (typeof s.naam !== 'string' || !s.naam.trim()) throw new EngineInputError(`${where}: "naam" ontbreekt.`);
    if ((typeof s.overeenkomst !== 'string') === (typeof s.regels !== 'string')) {
        throw new EngineInputError(`${where}: noem de overeenkomst ("overeenkomst": "../x.ovk") of de gecompileerde regels ("regels": "rules.json"), één van beide.`);
    }
    if (typeof s.op !== 'string') throw new EngineInputError(`${where}: "op" (de peildatum, JJJJ-MM-DD) ontbreekt.`);
    const op = parseOp(s.op);
    const events = parseEvents(s.gebeurtenissen ?? [], `${where}, gebeurtenissen`);
    if (!Array.isArray(s.verwacht) || !s.verwacht.length) throw new EngineInputError(`${where}: "verwacht" moet ten minste één verwachting bevatten.`);
    const verwacht = s.verwacht.map((raw, i) => expectation(raw, `${where}, verwachting ${i + 1}`));
    return {
        naam: s.naam.trim(),
        ...(typeof s.omschrijving === 'string' ? { omschrijving: s.omschrijving } : {}),
        ...(typeof s.overeenkomst === 'string' ? { overeenkomst: s.overeenkomst } : {}),
        ...(typeof s.regels === 'string' ? { regels: s.regels } : {}),
        op, gebeurtenissen: events, verwacht
    };
}

function expectation(raw: unknown, where: string): Expectation {
    const e = raw as Record<string, unknown>;
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw new EngineInputError(`${where}: verwacht een object.`);
    const dates = ['uiterlijk', 'nietEerderDan', 'einde', 'volgendeOpzegdatum', 'volgende'];
    for (const d of dates) {
        if (e[d] !== undefined && (typeof e[d] !== 'string' || !DATE.test(e[d] as string))) throw new EngineInputError(`${where}: "${d}" moet JJJJ-MM-DD zijn.`);
    }
    if (typeof e.termijn === 'string') {
        if (e.status !== undefined && !STATES.includes(e.status as State)) {
            throw new EngineInputError(`${where}: onbekende status ${JSON.stringify(e.status)}; kies uit ${STATES.join(', ')}.`);
        }
        if (e.gevolgen !== undefined && (!Array.isArray(e.gevolgen) || e.gevolgen.some(g => typeof g !== 'string'))) {
            throw new EngineInputError(`${where}: "gevolgen" is een lijst van soorten, zoals ["deemed-acceptance"].`);
        }
        if (e.nummer !== undefined && (typeof e.nummer !== 'number' || !Number.isInteger(e.nummer) || e.nummer < 1)) throw new EngineInputError(`${where}: "nummer" is een geheel getal vanaf 1.`);
        return e as unknown as TermijnExpectation;
    }
    if (e.looptijd === true || typeof e.looptijd === 'string') return e as unknown as LooptijdExpectation;
    if (typeof e.boete === 'string') {
        if (typeof e.totaal !== 'string' || !/^\d+\.\d{2}$/.test(e.totaal)) throw new EngineInputError(`${where}: "totaal" is een bedrag als "180.00".`);
        return e as unknown as BoeteExpectation;
    }
    if (typeof e.indexatie === 'string') return e as unknown as IndexatieExpectation;
    throw new EngineInputError(`${where}: een verwachting noemt een "termijn", de "looptijd", een "boete" of een "indexatie".`);
}

const SELECTORS = new Set(['termijn', 'kenmerk', 'nummer', 'looptijd', 'boete', 'indexatie']);

export function checkExpectation(ev: Evaluation, e: Expectation): ExpectationResult {
    const checked = 'termijn' in e ? checkTermijn(ev, e) : 'looptijd' in e ? checkLooptijd(ev, e) : 'boete' in e ? checkBoete(ev, e) : checkIndexatie(ev, e);
    const expected = Object.entries(e)
        // In a termijn expectation `boete` is a value, not what is selected.
        .filter(([k]) => !SELECTORS.has(k) || (k === 'boete' && 'termijn' in e))
        .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(', ');
    return { ...checked, expected };
}

function result(title: string, mismatches: Mismatch[], derivation: Step[] = []): Omit<ExpectationResult, 'expected'> {
    return { title, ok: mismatches.length === 0, mismatches, derivation: mismatches.length ? derivation : [] };
}

function compare(mismatches: Mismatch[], field: string, expected: string | undefined, actual: string | undefined): void {
    if (expected !== undefined && expected !== actual) mismatches.push({ field, expected, actual: actual ?? '(geen)' });
}

function checkTermijn(ev: Evaluation, e: TermijnExpectation): ReturnType<typeof result> {
    const title = `termijn ${e.termijn}${e.kenmerk ? ` (${e.kenmerk})` : ''}${e.nummer ? ` #${e.nummer}` : ''}`;
    const all = ev.obligations.filter(o => o.name === e.termijn || o.rule === e.termijn);
    if (!all.length) return result(title, [{ field: 'termijn', expected: e.termijn, actual: 'komt in de regels niet voor' }]);
    let found: ObligationResult[] = all.filter(o => o.state !== 'not-applicable');
    if (e.kenmerk) found = found.filter(o => o.kenmerk === e.kenmerk);
    if (e.nummer) found = found.filter(o => o.occurrence === e.nummer);
    const mismatches: Mismatch[] = [];
    if (!found.length) {
        // Nothing started it: only "not-applicable" can be right.
        if (e.status === undefined) mismatches.push({ field: 'voorval', expected: 'een voorval', actual: 'geen (niet van toepassing)' });
        compare(mismatches, 'status', e.status, 'not-applicable');
        compare(mismatches, 'uiterlijk', e.uiterlijk, undefined);
        return result(title, mismatches);
    }
    if (found.length > 1) {
        return result(title, [{ field: 'voorval', expected: 'één voorval', actual: `${found.length} voorvallen; noem "kenmerk" of "nummer"` }]);
    }
    const o = found[0];
    compare(mismatches, 'uiterlijk', e.uiterlijk, o.due);
    compare(mismatches, 'tijdstip', e.tijdstip, o.dueTime);
    compare(mismatches, 'nietEerderDan', e.nietEerderDan, o.earliest);
    compare(mismatches, 'status', e.status, o.state);
    if (e.gevolgen) {
        const actual = o.consequences.map(c => c.kind).sort();
        const expected = [...e.gevolgen].sort();
        if (actual.join(',') !== expected.join(',')) mismatches.push({ field: 'gevolgen', expected: expected.join(', ') || '(geen)', actual: actual.join(', ') || '(geen)' });
    }
    if (e.boete !== undefined) {
        const total = o.consequences.filter(c => c.penalty?.total).reduce((sum, c) => sum + cents(c.penalty!.total!), 0);
        compare(mismatches, 'boete', e.boete, o.consequences.some(c => c.penalty) ? decimal(total) : undefined);
    }
    return result(title, mismatches, o.derivation);
}

function checkLooptijd(ev: Evaluation, e: LooptijdExpectation): ReturnType<typeof result> {
    const a = e.looptijd === true ? ev.agreements.find(x => x.document === ev.entry) ?? ev.agreements[0] : ev.agreements.find(x => x.document === e.looptijd || x.looptijd === e.looptijd);
    const title = `looptijd${typeof e.looptijd === 'string' ? ` van ${e.looptijd}` : ''}`;
    if (!a) return result(title, [{ field: 'looptijd', expected: 'een looptijd', actual: 'de regels hebben er geen' }]);
    const mismatches: Mismatch[] = [];
    compare(mismatches, 'status', e.status, a.status);
    compare(mismatches, 'huidigePeriode.begin', e.huidigePeriode?.begin, a.currentPeriod?.start);
    compare(mismatches, 'huidigePeriode.einde', e.huidigePeriode?.einde, a.currentPeriod?.end);
    compare(mismatches, 'einde', e.einde, a.end);
    compare(mismatches, 'volgendeOpzegdatum', e.volgendeOpzegdatum, a.nextNoticeDeadline?.date);
    compare(mismatches, 'opzeggenDoor', e.opzeggenDoor, a.nextNoticeDeadline?.by);
    return result(title, mismatches, a.nextNoticeDeadline?.derivation ?? []);
}

function checkBoete(ev: Evaluation, e: BoeteExpectation): ReturnType<typeof result> {
    const list = ev.penalties.filter(p => (p.name === e.boete || p.rule === e.boete) && (!e.status || p.status === e.status));
    const total = list.reduce((sum, p) => sum + (p.total ? cents(p.total) : 0), 0);
    const mismatches: Mismatch[] = [];
    compare(mismatches, 'totaal', e.totaal, list.length ? decimal(total) : undefined);
    return result(`boete ${e.boete}${e.status ? ` (${e.status})` : ''}`, mismatches);
}

function checkIndexatie(ev: Evaluation, e: IndexatieExpectation): ReturnType<typeof result> {
    const i = ev.indexations.find(x => x.name === e.indexatie || x.rule === e.indexatie);
    const mismatches: Mismatch[] = [];
    if (!i) mismatches.push({ field: 'indexatie', expected: e.indexatie, actual: 'komt in de regels niet voor' });
    else {
        compare(mismatches, 'volgende', e.volgende, i.next);
        compare(mismatches, 'aantal', e.aantal?.toString(), i.done.length.toString());
    }
    return result(`indexatie ${e.indexatie}`, mismatches);
}

