/**
 * The rule JSON (DESIGN.md §6): what `contractspraak compile` writes and the engine reads. Pure types and
 * constants, no Langium, so the engine can work from the JSON alone. The JSON Schema in
 * schema/rules.schema.json documents every field; keep the two in step (test/rules.test.ts validates).
 */

export const RULES_SCHEMA_VERSION = '1.0.0';
export const RULES_SCHEMA_ID = `https://contractspraak.invalid/schema/rules/${RULES_SCHEMA_VERSION}`;

/** A position in a source file, 1-based; an end position is the one just after the last character. */
export interface Position {
    line: number;
    column: number;
}

/** Where a rule comes from: the clause a drafter wrote and the number the published text shows. */
export interface Source {
    /** Id of the document (see `documents`) the clause belongs to. */
    document: string;
    /** Element id of the lid, artikel or bijlage holding the clause, as in the rendered text (`art_4__para_3`). */
    eId?: string;
    /** Its number as the text cites it (`artikel 4.3`, `bijlage 2`). */
    number?: string;
    /** Path of the source file relative to the entry document's folder, with forward slashes. */
    file: string;
    range: { start: Position; end: Position };
}

export type DocumentKind =
    | 'ontwikkelovereenkomst' | 'samenwerkingsovereenkomst' | 'basisovereenkomst' | 'raamovereenkomst'
    | 'deelovereenkomst' | 'resultaatovereenkomst' | 'dienstverleningsovereenkomst' | 'addendum' | 'bijlage'
    | 'voorwaarden' | 'protocol' | 'verwerkersovereenkomst' | 'overeenkomst' | 'document';

export interface DocumentInfo {
    id: string;
    kind: DocumentKind;
    /** How messages name it: `raamovereenkomst Maatwerk2021`, `bijlage Tarieven`. */
    label: string;
    title?: string;
    /** Only for documents with a file of their own in the set. */
    file?: string;
    status?: 'concept' | 'definitief';
    /** Known by citation only; its text is not in the set. */
    external: boolean;
    /** The document it belongs to (a bijlage's agreement). */
    parent?: string;
    /** Level in the resolved rangorde, 0 = highest; absent when the rangorde does not place it. */
    rank?: number;
    /** Id of the werkdag calendar its termijnen count with (see `calendars`). */
    calendar?: string;
}

export interface CalendarInfo {
    id: string;
    version: string;
    description: string;
    /** A calendar the calendar core knows by id (`atw`, `atw-zonder-kb`, `cao-lustrum`). */
    builtIn: boolean;
    /** A declared calendar: the calendar it modifies. */
    base?: string;
    /** A declared calendar: extra closed days, `YYYY-MM-DD` or `MM-DD` (every year). */
    closed?: Array<{ date: string; name?: string }>;
    /** A declared calendar: holidays of the base that are working days (a holiday key or a date). */
    open?: string[];
}

export type Side = 'gemeente' | 'aanbieder';

export interface PartyInfo {
    id: string;
    kind: 'gemeente' | 'contractant' | 'aanbieder' | 'dienstverlener' | 'toezichthouder' | 'actor' | 'partij' | 'groep' | 'rol';
    title?: string;
    side?: Side;
    /** A groep: its members; a rol: the party it stands for. */
    members?: string[];
    /** A groep: acting jointly or each on its own. */
    mode?: 'gezamenlijk' | 'afzonderlijk';
}

export type TriggerKind =
    | 'dagtekening' | 'ontvangst' | 'verzending' | 'afloop' | 'aanvang' | 'einde' | 'bekendmaking' | 'ingang';

export interface EventInfo {
    /** The name events in the engine's input carry (`{"event": "Dagtekening", …}`). */
    name: string;
    description?: string;
    /** R1.16: what kind of event it is, when its name or description says so. */
    triggerKind?: TriggerKind;
    /** The party whose act it is. */
    by?: string;
    source: Source;
}

export type TermijnUnit =
    | 'uren' | 'werkdagen' | 'kalenderdagen' | 'dagen' | 'weken' | 'maanden' | 'kalendermaanden' | 'kwartalen' | 'jaren';
export type DurationUnit = Exclude<TermijnUnit, 'uren' | 'werkdagen'>;
export type Bound = 'binnen' | 'uiterlijk' | 'vóór' | 'minimaal' | 'tenminste' | 'maximaal';
export type StartRule =
    | { kind: 'day-after' }
    | { kind: 'inclusive' }
    | { kind: 'first-day-of-next'; period: 'week' | 'maand' | 'kwartaal' | 'jaar' };

export interface Duration {
    amount: number;
    unit: DurationUnit;
}

export interface CalendarUse {
    id: string;
    version: string;
}

export type Trigger =
    /** A declared gebeurtenis: every input event with this name starts one occurrence. */
    | { kind: 'event'; event: string; subject?: string; triggerKind?: TriggerKind; label?: string }
    /** The ingang or the einde of each period of a looptijd rule. */
    | { kind: 'looptijd'; edge: 'ingang' | 'einde'; looptijd?: string }
    /** "Na afloop van termijn X": the last day of each occurrence of another termijn rule. */
    | { kind: 'termijn'; rule?: string; name: string };

export type ConsequenceKind =
    | 'deemed-acceptance' | 'deemed' | 'loss-of-right' | 'default' | 'notice-of-default' | 'termination' | 'penalty' | 'other';

export interface Consequence {
    kind: ConsequenceKind;
    /** As written after `anders`. */
    text: string;
    /** True when it follows from the contract itself once the termijn passes; false when a party may invoke it. */
    automatic: boolean;
    /** A boete rule the text names. */
    boete?: string;
}

export type QualitativeKind = 'onverwijld' | 'onmiddellijk' | 'direct' | 'spoedig' | 'redelijk' | 'tijdig';

export interface Superseded {
    /** The rule that prevails. */
    by: string;
    /** R5.3 step that decided. */
    step: 1 | 2 | 3 | 4;
    reason: string;
}

interface RuleBase {
    id: string;
    source: Source;
    /** Set when the rangorde lets another provision for the same slot prevail; the engine skips the rule. */
    superseded?: Superseded;
}

export interface TermijnRule extends RuleBase {
    kind: 'termijn';
    name: string;
    /** `obligation`: the bearer must act in time; `power`: the bearer may act in time, else the consequence follows. */
    norm: 'obligation' | 'power';
    bearer?: string;
    bearerSide?: Side;
    action?: string;
    /** Set by a wet or AMvB (`wettelijk`): only then may the Atw move the end (R1.7 a). */
    statutory: boolean;
    qualitative?: QualitativeKind;
    deadline?: {
        amount: number;
        unit: TermijnUnit;
        /** The unit as written. */
        unitWritten: string;
        bound?: Bound;
        direction: 'na' | 'voor';
        start?: StartRule;
    };
    trigger?: Trigger;
    recurrence?: { kind: 'jaarlijks'; month: number; day: number } | { kind: 'elke'; amount: number; unit: TermijnUnit };
    calendar: CalendarUse;
    /** The reference cited in every derivation: `termijn Weigeren, artikel 4.3`. */
    reference: string;
    consequences: Consequence[];
}

export interface IndexatieRule extends RuleBase {
    kind: 'indexatie';
    name: string;
    bearer?: string;
    action?: string;
    schedule: { kind: 'jaarlijks'; month: number; day: number } | { kind: 'elke'; amount: number; unit: TermijnUnit };
    /** The tarief rules it indexes. */
    tarieven: string[];
}

export interface Renewal {
    kind: 'stilzwijgend' | 'optie';
    /** Absent: without limit. */
    count?: number;
    length: Duration;
    /** Who exercises an optie. */
    by?: string;
    /** The notice that stops a stilzwijgende verlenging. */
    notice?: { by?: string; amount: number; unit: TermijnUnit };
}

export interface Extension {
    kind: 'stilzwijgend' | 'optie';
    count?: number;
    length: Duration;
    by?: string;
    /** A termijn rule that is the deadline for announcing it. */
    noticeRule?: string;
    /** Computed: the latest day it can reach after the last period, and whether that passes the uiterste einde. */
    reach?: { from: string; end: string; pastLatestEnd: boolean };
    source: Source;
}

export interface Period {
    index: number;
    start: string;
    end?: string;
    /** `renews-if-exercised`: followed by the next period only when the optie is used. */
    ending: 'renews-unless-notice' | 'renews-if-exercised' | 'ends' | 'indefinite';
    noticeDeadline?: string;
}

export interface LooptijdRule extends RuleBase {
    kind: 'looptijd';
    /** The document whose looptijd it is. */
    document: string;
    start?: string;
    end?: string;
    duration?: Duration;
    indefinite: boolean;
    renewal?: Renewal;
    latestEnd?: string;
    extensions: Extension[];
    /** Computed at compile time with `calendar`; the engine computes them again from the fields above. */
    periods: Period[];
    finalEnd?: string;
    calendar: CalendarUse;
    /** Why no periods could be computed. */
    problem?: string;
}

export interface OpzeggingRule extends RuleBase {
    kind: 'opzegging';
    looptijd: string;
    by?: string;
    bySide?: Side;
    bound?: Bound;
    period: { amount: number; unit: TermijnUnit };
    start?: StartRule;
    form?: string;
    calendar: CalendarUse;
}

export interface Amount {
    /** Decimal with two places, a dot as separator: `35.48`. */
    value: string;
    currency: 'EUR';
}

export interface TariefRule extends RuleBase {
    kind: 'tarief';
    name: string;
    product?: string;
    amount: Amount;
    per: string;
    validFrom?: string;
    vat?: 'inclusief' | 'exclusief' | 'vrij';
    indexation?: string;
}

export interface BoeteRule extends RuleBase {
    kind: 'boete';
    name: string;
    amount: Amount;
    per: string;
    condition?: string;
    /** The condition leaves it to a party's decision ("kan … besluiten", "naar besluit van"). */
    discretionary: boolean;
    /** Termijn rules written next to it (same lid, else artikel) or naming it after `anders`. */
    related: string[];
}

export interface Clause {
    origin: 'rangorde' | 'voorrang' | 'standaard';
    document: string;
    where?: string;
    description: string;
    source?: Source;
}

export interface RangordeRule extends RuleBase {
    kind: 'rangorde';
    /** Document ids per level, highest first. */
    levels: string[][];
    unplaced: string[];
    /** Conditions that do not apply (R5.4). */
    rejected: string[];
    edges: Array<{ higher: string; lower: string; decidedBy: Clause[] }>;
    equal: Array<{ a: string; b: string; decidedBy: Clause[] }>;
    derogations: Array<{
        kind: 'afwijking' | 'aanvulling';
        document: string;
        where?: string;
        target: { document: string; label?: string };
        source: Source;
    }>;
    claims: Array<{ document: string; where?: string; who: string; over: string[] | 'alles'; source: Source }>;
    conflicts: Array<{
        slot: string;
        status: 'opgelost' | 'onopgelost';
        winner?: string;
        losing: Array<{ rule?: string; value: string; step: 1 | 2 | 3 | 4; reason: string }>;
        unresolved: Array<{ a?: string; b?: string; reason: string; hint?: string }>;
    }>;
}

export type Rule = TermijnRule | IndexatieRule | LooptijdRule | OpzeggingRule | TariefRule | BoeteRule | RangordeRule;

export interface Diagnostic {
    file: string;
    line: number;
    column: number;
    code: string;
    message: string;
}

export interface RuleSet {
    $schema: string;
    schemaVersion: string;
    generator: { name: 'contractspraak'; version: string };
    /** Id of the entry document. */
    entry: string;
    documents: DocumentInfo[];
    calendars: CalendarInfo[];
    parties: PartyInfo[];
    events: EventInfo[];
    rules: Rule[];
    /** Present only when compiled with --force: the errors of the set. */
    errors?: Diagnostic[];
}
