/**
 * From the language to the calendar core (termijnen.md §1): a `termijn`, `looptijd`, `opzegging`, `verlenging`,
 * `gebeurtenis` and the document's `kalender` become the core's spec types, each with the node it came from so
 * that checks, hover, inlay hints and the CLI can point at it.
 *
 * The Algemene termijnenwet applies only to a termijn marked `wettelijk` (termijnen.md §0.4, R1.7 a): every other
 * termijn is a contract term and is never moved off a weekend or feestdag.
 */
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type {
    Direction, DeclaredDay, Duur as CoreDuur, DurationUnit, NoticeSpec, PlainDate, StartRule, TermijnSpec, TermijnUnit,
    TriggerKind, WorkdayCalendar
} from '../calendar/index.js';
import { ATW, CalendarError, TermijnError, defineCalendar, getCalendar, parseIsoDate, parseUnit } from '../calendar/index.js';
import type {
    Actor, Document, Duur, Gebeurtenis, Grens, Handtekening, Herhaling, KalenderDag, KalenderKeuze, Kwalitatief, Looptijd,
    Opzegging, Startregel, Termijn, TermijnMaat, Trigger, Verlenging
} from '../generated/ast.js';
import {
    isArtikel, isDocument, isDuur, isGebeurtenis, isHandtekening, isHerhaling, isKalenderKeuze, isLid, isLooptijd, isTermijn,
    isVerlenging
} from '../generated/ast.js';
import { documentStructure } from '../model/structure.js';
import { proseText } from '../prose.js';
import type { Side } from '../rangorde/model.js';
import { sideOf } from '../rangorde/extract.js';
import { structuralNodes } from '../structural-nodes.js';

// ---------------------------------------------------------------- calendar

export interface CalendarChoice {
    calendar: WorkdayCalendar;
    /** The `kalender` line, if the document has one. */
    node?: KalenderKeuze;
    /** Why the named or declared calendar could not be used (the default `atw` is used instead). */
    problem?: string;
}

const calendarCache = new WeakMap<Document, CalendarChoice>();

/** The calendar of a document without a `kalender` line: atw, or the one the editor's settings name. */
let defaultCalendar: WorkdayCalendar = ATW;

/**
 * Sets the calendar for documents without a `kalender` line (the language server's `contractspraak.kalender`;
 * undefined is atw) and returns whether it changed. One per process; a document keeps the calendar it was
 * built with until it is built again.
 */
export function setDefaultCalendar(id: string | undefined): boolean {
    const calendar = id === undefined ? ATW : getCalendar(id);
    if (!calendar || calendar === defaultCalendar) return false;
    defaultCalendar = calendar;
    return true;
}

/** The document's werkdag calendar: `kalender atw`, a declared `kalender X volgens Y { … }`, or the default (R1.10). */
export function documentCalendar(root: Document): CalendarChoice {
    let choice = calendarCache.get(root);
    // A choice that fell back on the default is stale once the default changes.
    if (!choice || (!choice.node && choice.calendar !== defaultCalendar)) calendarCache.set(root, choice = computeCalendar(root));
    return choice;
}

function computeCalendar(root: Document): CalendarChoice {
    const node = root.meta.find(isKalenderKeuze);
    if (!node) return { calendar: defaultCalendar };
    const declared = node.basis !== undefined || node.dagen.length > 0;
    if (!node.naam) return { calendar: ATW, node };
    if (!declared) {
        const named = getCalendar(node.naam);
        if (named) return { calendar: named, node };
        return {
            calendar: ATW, node,
            problem: `Kalender '${node.naam}' bestaat niet; kies atw, atw-zonder-kb of cao-lustrum, of declareer haar met 'kalender ${node.naam} volgens atw { … }'. Gerekend wordt met atw (R1.10).`
        };
    }
    try {
        const closed: DeclaredDay[] = [];
        const open: Array<string | DeclaredDay> = [];
        for (const dag of node.dagen) {
            const entry = declaredDay(dag);
            if (dag.soort === 'gesloten') closed.push(typeof entry === 'string' ? { date: entry } : entry);
            else open.push(entry);
        }
        return { calendar: defineCalendar({ id: node.naam, base: node.basis ?? 'atw', closed, open }), node };
    } catch (e) {
        if (!(e instanceof CalendarError)) throw e;
        return { calendar: ATW, node, problem: `${e.message} Gerekend wordt met atw (R1.10).` };
    }
}

/** `gesloten 24 december "Kerstavond"` → `{date: '12-24', name}`; `werkdag goede_vrijdag` → `goede-vrijdag`. */
function declaredDay(dag: KalenderDag): string | DeclaredDay {
    const name = dag.omschrijving ? proseText(dag.omschrijving).trim() || undefined : undefined;
    if (dag.feestdag) return dag.feestdag.toLowerCase().replace(/_/g, '-');
    const date = dag.datum ?? `${String(MONTHS.indexOf(dag.maand ?? '') + 1).padStart(2, '0')}-${String(dag.dag ?? '').padStart(2, '0')}`;
    return name ? { date, name } : date;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Month number (1–12) of a Dutch month name of the grammar. */
export function monthNumber(maand: string): number {
    return MONTHS.indexOf(maand) + 1;
}

// ---------------------------------------------------------------- units, start rules

/**
 * Amount and unit of a `Duur` (the grammar's unit words are exactly the core's, singular or plural); undefined
 * while it is incomplete, as in `verlenging stilzwijgend` before its duration is typed.
 */
export function measureOf(duur: Duur | undefined): { amount: number; unit: TermijnUnit; written: string } | undefined {
    const unit = duur?.eenheid ? parseUnit(duur.eenheid) : undefined;
    const amount = Number(duur?.aantal);
    if (!duur || !unit || duur.aantal === undefined || !Number.isSafeInteger(amount)) return undefined;
    return { amount, unit, written: duur.eenheid };
}

/** A looptijd, verlenging or period cannot be counted in hours or werkdagen. */
export function durationOf(duur: Duur | undefined): CoreDuur | undefined {
    const m = measureOf(duur);
    if (!m || m.unit === 'uren' || m.unit === 'werkdagen') return undefined;
    return { amount: m.amount, unit: m.unit as DurationUnit };
}

/** `ingaande eerste dag volgende kalendermaand` → the R1.14 start rule. */
export function startRuleOf(start: Startregel | undefined): StartRule | undefined {
    if (!start?.eenheid) return undefined;
    const period = start.eenheid === 'kalendermaand' ? 'maand' : start.eenheid;
    return { kind: 'first-day-of-next', period };
}

// ---------------------------------------------------------------- where an element sits

/** The lid or artikel a bepaling belongs to. */
export function holderOf(node: AstNode): AstNode | undefined {
    return AstUtils.getContainerOfType(node, (n): n is AstNode => isLid(n) || isArtikel(n));
}

/** "artikel 4.3" for a bepaling in lid 4.3; undefined at document level. */
export function citationOf(node: AstNode): string | undefined {
    const holder = holderOf(node);
    const root = AstUtils.findRootNode(node) as Document;
    return holder ? documentStructure(root).info(holder)?.citation : undefined;
}

// ---------------------------------------------------------------- termijnen

export type TriggerModel =
    | {
        kind: 'gebeurtenis'; node: Trigger; event?: Gebeurtenis; name: string; subject?: string; triggerKind?: TriggerKind; label: string;
        /** For the core's derivation, "dagtekening van <what>": the kind only when the description starts with it. */
        core: { kind?: TriggerKind; label?: string };
    }
    | { kind: 'looptijd'; node: Trigger; edge: 'einde' | 'ingang'; label: string }
    | { kind: 'afloop'; node: Trigger; termijn?: Termijn; name: string; label: string };

export interface MeasureModel {
    node: TermijnMaat;
    bound?: Grens;
    amount: number;
    unit: TermijnUnit;
    /** The unit as written (`dagen`, `werkdag`). */
    written: string;
    /** Only with a trigger: `na` counts forward from it, `voor` back (R1.2, R1.11). */
    direction?: Direction;
    trigger?: TriggerModel;
    start?: StartRule;
}

export type Recurrence =
    | { kind: 'jaarlijks'; day: number; month: number; text: string }
    | { kind: 'elke'; amount: number; unit: TermijnUnit; text: string };

export interface TermijnModel {
    node: Termijn;
    name: string;
    /** The bearer as written, and what it resolves to. */
    drager?: string;
    actor?: Actor;
    side?: Side;
    /** The action, whitespace collapsed. */
    handeling?: string;
    qualitative?: Kwalitatief;
    measure?: MeasureModel;
    recurrence?: Recurrence;
    /** `wettelijk`: set by a wet or AMvB, so the Atw may apply (R1.7 a, §0.4). */
    statutory: boolean;
    consequence?: string;
    /** "artikel 4.3" */
    citation?: string;
}

const termijnCache = new WeakMap<Termijn, TermijnModel>();

export function termijnModel(node: Termijn): TermijnModel {
    let model = termijnCache.get(node);
    if (!model || !termijnCurrent(model)) termijnCache.set(node, model = buildTermijn(node));
    return model;
}

/**
 * Whether a cached model still reads what its references lead to. The drager and the trigger may resolve into
 * another document of the set; when that one is edited they lead to new nodes (a party that changed sides),
 * while this document keeps its parse and so its cache.
 */
function termijnCurrent(model: TermijnModel): boolean {
    const node = model.node;
    if (model.actor !== node.drager?.ref || model.side !== sideOf(model.actor)) return false;
    const t = model.measure?.trigger;
    if (t?.kind === 'gebeurtenis') return t.event === node.maat?.trigger?.gebeurtenis?.ref;
    if (t?.kind === 'afloop') return t.termijn === node.maat?.trigger?.vorige?.ref;
    return true;
}

/** R1.16: what kind of event a gebeurtenis is, read from its name and description. */
export function triggerKindOf(event: Gebeurtenis | undefined, name: string): TriggerKind | undefined {
    const text = `${name} ${event?.titel ? proseText(event.titel) : ''}`.toLowerCase();
    if (/dagtekening/.test(text)) return 'dagtekening';
    if (/ontvangst|ontvangen/.test(text)) return 'ontvangst';
    if (/verzend|verzonden|verzending/.test(text)) return 'verzending';
    if (/afloop|verstrijken|verstreken/.test(text)) return 'afloop';
    if (/bekendmaking|bekendgemaakt/.test(text)) return 'bekendmaking';
    if (/aanvang|start/.test(text)) return 'aanvang';
    return undefined;
}

/** How an event reads in a sentence: its description, else its name. */
export function eventLabel(event: Gebeurtenis | undefined, name: string): string {
    const title = event?.titel ? proseText(event.titel).replace(/\s+/g, ' ').trim() : '';
    return title || name;
}

function triggerOf(t: Trigger): TriggerModel {
    if (t.looptijdGrens) {
        return { kind: 'looptijd', node: t, edge: t.looptijdGrens, label: t.looptijdGrens === 'einde' ? 'het einde van de looptijd' : 'de ingang van de looptijd' };
    }
    if (t.vorige) {
        return { kind: 'afloop', node: t, termijn: t.vorige.ref, name: t.vorige.$refText, label: `de afloop van termijn ${t.vorige.$refText}` };
    }
    const event = t.gebeurtenis?.ref;
    const name = t.gebeurtenis?.$refText ?? '';
    const triggerKind = triggerKindOf(event, name);
    const label = `${eventLabel(event, name)}${t.onderwerp ? ` (${t.onderwerp.$refText})` : ''}`;
    // "dagtekening van de opdracht": the core says "dagtekening van <label>", so the kind word is taken off the label.
    const leading = triggerKind && label.toLowerCase().startsWith(triggerKind) ? triggerKind : undefined;
    const rest = leading ? label.slice(leading.length).replace(/^\s*van\s+/i, '').trim() : label;
    return {
        kind: 'gebeurtenis', node: t, event, name, subject: t.onderwerp?.$refText, triggerKind, label,
        core: { kind: leading, label: rest || undefined }
    };
}

function buildTermijn(node: Termijn): TermijnModel {
    const maat = node.maat;
    const duur = measureOf(maat?.duur);
    const measure: MeasureModel | undefined = maat && duur && {
        node: maat, bound: maat.grens, ...duur,
        direction: maat.trigger ? maat.richting ?? 'na' : undefined,
        trigger: maat.trigger ? triggerOf(maat.trigger) : undefined,
        start: startRuleOf(maat.start)
    };
    const h = node.herhaling;
    let recurrence: Recurrence | undefined;
    if (h?.maand) recurrence = { kind: 'jaarlijks', day: Number(h.dag), month: monthNumber(h.maand), text: `jaarlijks op ${h.dag} ${h.maand}` };
    else if (h?.eenheid && parseUnit(h.eenheid)) {
        const amount = h.aantal ? Number(h.aantal) : 1;
        recurrence = { kind: 'elke', amount, unit: parseUnit(h.eenheid)!, text: `elke ${h.aantal ? `${h.aantal} ` : ''}${h.eenheid}` };
    }
    const handeling = node.handeling ? proseText(node.handeling).replace(/\s+/g, ' ').trim() || undefined : undefined;
    return {
        node, name: node.name, drager: node.drager?.$refText, actor: node.drager?.ref, side: sideOf(node.drager?.ref),
        handeling, qualitative: node.kwalitatief, measure, recurrence, statutory: node.wettelijk,
        consequence: node.gevolg ? proseText(node.gevolg).replace(/\s+/g, ' ').trim() || undefined : undefined,
        citation: citationOf(node)
    };
}

/** The core's spec of a termijn's measure; the Atw only for a `wettelijk` termijn (§0.4). */
export function termijnSpec(model: TermijnModel, calendar: WorkdayCalendar): TermijnSpec | undefined {
    const m = model.measure;
    if (!m) return undefined;
    const direction = m.direction ?? 'na';
    return {
        amount: m.amount, unit: m.unit, direction,
        origin: model.statutory ? 'wet' : 'overeenkomst',
        calendar,
        reference: model.citation ? `termijn ${model.name}, ${model.citation}` : `termijn ${model.name}`,
        ...(direction === 'na' && m.start ? { start: m.start } : {})
    };
}

/** The nodes the termijn checks read, each kind in source order. */
export interface TermijnNodes {
    termijnen: Termijn[];
    /** Every `Duur` and `Herhaling` (their unit may be an ambiguous `dagen`). */
    durations: Array<Duur | Herhaling>;
    looptijden: Looptijd[];
    verlengingen: Verlenging[];
    handtekeningen: Handtekening[];
    gebeurtenissen: Gebeurtenis[];
}

const nodesCache = new WeakMap<Document, TermijnNodes>();

/**
 * Listed once per parse (a new parse is a new root) instead of walked by each check and for each document of the
 * set; prose, most of the tree, holds none of these nodes and is not entered (structural-nodes.ts).
 */
export function termijnNodes(root: Document): TermijnNodes {
    let nodes = nodesCache.get(root);
    if (nodes) return nodes;
    nodes = { termijnen: [], durations: [], looptijden: [], verlengingen: [], handtekeningen: [], gebeurtenissen: [] };
    for (const child of structuralNodes(root)) {
        if (isTermijn(child)) nodes.termijnen.push(child);
        else if (isDuur(child) || isHerhaling(child)) nodes.durations.push(child);
        else if (isLooptijd(child)) nodes.looptijden.push(child);
        else if (isVerlenging(child)) nodes.verlengingen.push(child);
        else if (isHandtekening(child)) nodes.handtekeningen.push(child);
        else if (isGebeurtenis(child)) nodes.gebeurtenissen.push(child);
    }
    nodesCache.set(root, nodes);
    return nodes;
}

const termijnenCache = new WeakMap<Document, readonly TermijnModel[]>();

/** Every termijn of a document, in source order. */
export function termijnenOf(root: Document): readonly TermijnModel[] {
    let list = termijnenCache.get(root);
    if (!list || list.some(m => termijnModel(m.node) !== m)) termijnenCache.set(root, list = termijnNodes(root).termijnen.map(termijnModel));
    return list;
}

/** Every gebeurtenis of a document, in source order. */
export function gebeurtenissenOf(root: Document): Gebeurtenis[] {
    return [...termijnNodes(root).gebeurtenissen];
}

// ---------------------------------------------------------------- looptijd

export interface DateField {
    node: Looptijd;
    property: 'ingang' | 'einde' | 'uiterste';
    text: string;
    /** Undefined when the date does not exist (2021-02-30). */
    date?: PlainDate;
}

export interface VerlengingModel {
    node: Verlenging;
    kind: 'stilzwijgend' | 'optie';
    /** Undefined: without limit. */
    count?: number;
    length?: CoreDuur;
    /** Who exercises an optie (`door Gemeente`). */
    party?: string;
    /** `tenzij Gemeente opzegt 4 maanden voor einde`. */
    noticeBy?: string;
    noticeActor?: Actor;
    notice?: NoticeSpec;
    /** A `verlenging` outside the looptijd block: an extra extension (S001 3.4). */
    standalone: boolean;
    citation?: string;
}

export interface OpzeggingModel {
    node: Opzegging;
    party?: string;
    actor?: Actor;
    side?: Side;
    bound?: Grens;
    amount: number;
    unit: TermijnUnit;
    start?: StartRule;
    form?: string;
    spec: NoticeSpec;
    citation?: string;
}

export interface LooptijdModel {
    root: Document;
    blocks: Looptijd[];
    /** Every date written, in source order (several blocks may each give one). */
    ingangen: DateField[];
    eindes: DateField[];
    uitersten: DateField[];
    duren: Duur[];
    onbepaald?: Looptijd;
    /** The renewal of the looptijd block(s); the first one counts. */
    verlenging?: VerlengingModel;
    /** Renewals written outside the block, or a second one inside another block. */
    extra: VerlengingModel[];
    opzeggingen: OpzeggingModel[];
    calendar: WorkdayCalendar;
}

const looptijdCache = new WeakMap<Document, LooptijdModel | null>();

/** The looptijd of a document, from all its `looptijd` blocks and loose `verlenging`s; undefined if it has none. */
export function looptijdModel(root: Document): LooptijdModel | undefined {
    let model = looptijdCache.get(root);
    if (model === undefined || (model && (model.calendar !== documentCalendar(root).calendar || !looptijdCurrent(model)))) {
        looptijdCache.set(root, model = buildLooptijd(root) ?? null);
    }
    return model ?? undefined;
}

/** Whether the parties a cached looptijd read (who gives notice) are still what its references lead to. */
function looptijdCurrent(model: LooptijdModel): boolean {
    for (const v of [model.verlenging, ...model.extra]) {
        if (v && v.noticeActor !== v.node.opzegger?.ref) return false;
    }
    return model.opzeggingen.every(o => o.actor === o.node.partij?.ref && o.side === sideOf(o.actor));
}

function verlengingModel(node: Verlenging, calendar: WorkdayCalendar): VerlengingModel {
    const opzegtermijn = measureOf(node.opzegtermijn);
    const notice: NoticeSpec | undefined = opzegtermijn ? { amount: opzegtermijn.amount, unit: opzegtermijn.unit, calendar } : undefined;
    return {
        node, kind: node.wijze, count: node.aantal !== undefined ? Number(node.aantal) : undefined, length: durationOf(node.duur),
        party: node.partij?.$refText, noticeBy: node.opzegger?.$refText, noticeActor: node.opzegger?.ref, notice,
        standalone: !isLooptijd(node.$container), citation: citationOf(node)
    };
}

function opzeggingModel(node: Opzegging, calendar: WorkdayCalendar): OpzeggingModel | undefined {
    const start = startRuleOf(node.start);
    const m = measureOf(node.termijn);
    if (!m) return undefined;
    const { amount, unit } = m;
    return {
        node, party: node.partij?.$refText, actor: node.partij?.ref, side: sideOf(node.partij?.ref), bound: node.grens,
        amount, unit, start, form: node.vorm ? proseText(node.vorm).trim() || undefined : undefined,
        spec: { amount, unit, calendar, ...(start ? { start } : {}) },
        citation: citationOf(node)
    };
}

function buildLooptijd(root: Document): LooptijdModel | undefined {
    const nodes = termijnNodes(root);
    const blocks = nodes.looptijden;
    const loose = nodes.verlengingen.filter(n => !isLooptijd(n.$container));
    if (!blocks.length && !loose.length) return undefined;
    const calendar = documentCalendar(root).calendar;
    const field = (node: Looptijd, property: DateField['property']): DateField | undefined => {
        const text = node[property];
        return text === undefined ? undefined : { node, property, text, date: parseIsoDate(text) };
    };
    const verlengingen = blocks.filter(b => b.verlenging).map(b => verlengingModel(b.verlenging!, calendar));
    return {
        root, blocks,
        ingangen: blocks.map(b => field(b, 'ingang')).filter((f): f is DateField => !!f),
        eindes: blocks.map(b => field(b, 'einde')).filter((f): f is DateField => !!f),
        uitersten: blocks.map(b => field(b, 'uiterste')).filter((f): f is DateField => !!f),
        duren: blocks.map(b => b.duur).filter((d): d is Duur => !!d),
        onbepaald: blocks.find(b => b.onbepaald),
        verlenging: verlengingen[0],
        extra: [...verlengingen.slice(1), ...loose.map(v => verlengingModel(v, calendar))],
        opzeggingen: blocks.flatMap(b => b.opzeggingen.map(o => opzeggingModel(o, calendar)).filter((o): o is OpzeggingModel => !!o)),
        calendar
    };
}

/**
 * A computation of the core that may refuse its input (an amount of 0 werkdagen, a date out of range): what the
 * drafter is typing may be incomplete, and the checks and the editor must never throw on it.
 */
export function attempt<T>(compute: () => T): T | undefined {
    try {
        return compute();
    } catch (e) {
        if (e instanceof TermijnError || e instanceof RangeError) return undefined;
        throw e;
    }
}

/** The Document a node belongs to. */
export function documentOf(node: AstNode): Document {
    return AstUtils.getContainerOfType(node, isDocument) ?? AstUtils.findRootNode(node) as Document;
}
