/**
 * What the engine yields (`contractspraak evaluate --format json` prints exactly this): per termijn and per
 * occurrence its due date with the derivation, its state and the consequences that followed; per looptijd the
 * current period and the next notice deadline; the boetes; the indexations.
 */
import type { ConsequenceKind, Source } from '../rules/model.js';

/**
 * - `not-applicable`: the trigger has not happened by the evaluation date;
 * - `open`: triggered, not yet done, and the last day has not passed;
 * - `fulfilled`: done on or before the last day;
 * - `late`: an obligation not done by its last day (done afterwards, or not at all);
 * - `expired`: a power not used by its last day; its consequence follows (deemed acceptance, loss of a right).
 */
export type State = 'open' | 'fulfilled' | 'late' | 'expired' | 'not-applicable';

export interface Step {
    /** The calendar core's step kind: trigger, start, count, skip, alignment, atw, roll, extend, advice, result, note. */
    step: string;
    /** Rule numbers of termijnen.md §1.5. */
    rules: string[];
    text: string;
    date?: string;
}

export interface EngineWarning {
    code: string;
    message: string;
}

export interface PenaltyResult {
    /** Boete rule id. */
    rule: string;
    name: string;
    source: Source;
    /** `imposed`: an event imposes it; `possible`: a termijn whose `anders` names it was not met, a party may impose it. */
    status: 'imposed' | 'possible';
    datum: string;
    perUnit: string;
    per: string;
    /** The `aantal` of the event; absent when unknown. */
    count?: number;
    /** perUnit × count, two decimals; absent without a count. */
    total?: string;
    condition?: string;
    discretionary: boolean;
    /** The termijn occurrence it belongs to. */
    termijn?: string;
    kenmerk?: string;
}

export interface ConsequenceResult {
    kind: ConsequenceKind;
    text: string;
    /** `follows`: by the contract itself; `possible`: a party may invoke it; `imposed`: an event says it happened. */
    status: 'follows' | 'possible' | 'imposed';
    /** The day it takes effect (the day after the last day), or the day of the event. */
    from?: string;
    penalty?: PenaltyResult;
}

export interface ObligationResult {
    rule: string;
    name: string;
    norm: 'obligation' | 'power';
    bearer?: string;
    action?: string;
    source: Source;
    /** 1-based number of the occurrence within the rule; absent for a rule that never started. */
    occurrence?: number;
    kenmerk?: string;
    /** What started it, and when. */
    trigger?: { datum: string; event?: string; description: string };
    /** The last day to act (until 24:00). */
    due?: string;
    /** Termijnen in uren: the exact time (Europe/Amsterdam). */
    dueTime?: string;
    /** A minimum term (`minimaal 6 maanden`): the earliest day, not a deadline. */
    earliest?: string;
    /** The calendar the date was counted with. */
    calendar?: { id: string; version: string };
    qualitative?: string;
    state: State;
    fulfilment?: { datum: string; inTime: boolean; aantal?: number };
    consequences: ConsequenceResult[];
    derivation: Step[];
    warnings: EngineWarning[];
    notes: string[];
}

export interface NoticeDeadline {
    /** The latest day the notice must be received. */
    date: string;
    /** When the date is on a weekend or feestdag: the working day before, as a reminder only (R1.11). */
    advisoryDate?: string;
    by?: string;
    /** `prevent-renewal`: stops the stilzwijgende verlenging; `terminate`: ends the agreement at the end of the period. */
    purpose: 'prevent-renewal' | 'terminate';
    period: number;
    periodEnd: string;
    /** The looptijd or opzegging rule. */
    rule: string;
    derivation: Step[];
}

export interface PeriodResult {
    index: number;
    /** Absent when the looptijd names no ingang. */
    start?: string;
    end?: string;
    /** How the period ends given the events: renewed unless notice, by itself, by a notice, by an opzegging, never. */
    ending: 'renews-unless-notice' | 'renews-if-exercised' | 'ends' | 'ends-by-notice' | 'ends-by-termination' | 'indefinite';
    /** Dutch: "de aanvangsperiode", "verlenging 1", "extra verlenging". */
    label: string;
}

export interface AgreementEventResult {
    kind: 'opzegging' | 'verlenging';
    datum: string;
    door?: string;
    /** Dutch: what the event did. */
    effect: string;
    /** The end the event brings about, if any. */
    end?: string;
    derivation: Step[];
}

export interface AgreementResult {
    /** Looptijd rule id. */
    looptijd: string;
    document: string;
    source: Source;
    status: 'not-started' | 'running' | 'ended';
    periods: PeriodResult[];
    currentPeriod?: PeriodResult;
    /** The last day of the agreement as things stand; absent for onbepaalde tijd. */
    end?: string;
    nextNoticeDeadline?: NoticeDeadline;
    noticeDeadlines: NoticeDeadline[];
    events: AgreementEventResult[];
    warnings: EngineWarning[];
}

export interface IndexationResult {
    rule: string;
    name: string;
    source: Source;
    tarieven: string[];
    /** Indexation dates from the first tarief's start up to the evaluation date. */
    done: string[];
    next?: string;
}

export interface Evaluation {
    /** The evaluation date. */
    op: string;
    entry: string;
    schemaVersion: string;
    obligations: ObligationResult[];
    agreements: AgreementResult[];
    penalties: PenaltyResult[];
    indexations: IndexationResult[];
    warnings: EngineWarning[];
}
