/**
 * The audit trail every computed date carries (R1.17): steps in Dutch with the rules they apply, and warnings.
 */
import type { WorkdayCalendar } from './calendars.js';
import type { PlainDate } from './dates.js';

export type StepKind =
    | 'trigger'     // the event and its date (R1.1, R1.16)
    | 'start'       // which day the term starts (R1.2, R1.14)
    | 'count'       // counting the amount (R1.3–R1.6, R1.11, R1.12)
    | 'skip'        // a non-working day not counted as werkdag (R1.4)
    | 'alignment'   // "tegen het einde van een kalendermaand" (R1.13)
    | 'atw'         // whether the Algemene termijnenwet applies (R1.7)
    | 'roll'        // moved past a Saturday, Sunday or feestdag (R1.8)
    | 'extend'      // extended to contain two working days (R1.9)
    | 'advice'      // advisory only, never the legal date (R1.11)
    | 'result'      // the date that counts
    | 'note';

export interface DerivationStep {
    readonly kind: StepKind;
    /** Rule numbers of termijnen.md §1.5, e.g. `R1.8`. */
    readonly rules: readonly string[];
    /** The explanation for the drafter, in Dutch. */
    readonly text: string;
    /** The date this step arrives at, if any. */
    readonly date?: PlainDate;
}

export interface Warning {
    /** Stable kebab-case code, e.g. `calendar-kb-not-covered`. */
    readonly code: string;
    /** Dutch message. */
    readonly message: string;
    readonly rules: readonly string[];
}

export const WarningCodes = {
    /** No KB with gelijkgestelde dagen is loaded for a year the computation looked at (R1.10). */
    KbNotCovered: 'calendar-kb-not-covered',
    /** Only part of a year's KB days are known (R1.10). */
    KbIncomplete: 'calendar-kb-incomplete',
    /** A year outside the reference's verified holiday rules (before the Besluit Koningsdag). */
    YearUnverified: 'calendar-year-unverified',
    /** A contract deadline that is not moved lands on a non-working day (R1.7). */
    DeadlineOnNonWorkingDay: 'deadline-on-non-working-day',
    /** The duration of a looptijd does not match its explicit end date (R1.14). */
    LooptijdDurationMismatch: 'looptijd-duration-mismatch',
    /** A renewal can run past the uiterste einddatum (R1.15). */
    LooptijdPastLatestEnd: 'looptijd-past-latest-end'
} as const;

/**
 * Collects steps and warnings while a date is computed, and which years of which calendar were consulted, so
 * that a missing KB year is reported exactly when it could have changed the answer.
 */
export class Derivation {
    readonly steps: DerivationStep[] = [];
    private readonly ownWarnings: Warning[] = [];
    private readonly consulted = new Map<WorkdayCalendar, Set<number>>();

    step(kind: StepKind, rules: readonly string[], text: string, date?: PlainDate): void {
        this.steps.push(date ? { kind, rules, text, date } : { kind, rules, text });
    }

    warn(code: string, message: string, rules: readonly string[] = []): void {
        if (!this.ownWarnings.some(w => w.code === code && w.message === message)) {
            this.ownWarnings.push({ code, message, rules });
        }
    }

    isWorkday(calendar: WorkdayCalendar, date: PlainDate): boolean {
        this.consult(calendar, date.year);
        return calendar.isWorkday(date);
    }

    /** Why `date` is not a working day (`een zaterdag`, `Koningsdag`), undefined if it is one. */
    nonWorkingReason(calendar: WorkdayCalendar, date: PlainDate): string | undefined {
        this.consult(calendar, date.year);
        return calendar.nonWorkingReason(date);
    }

    consult(calendar: WorkdayCalendar, year: number): void {
        let years = this.consulted.get(calendar);
        if (!years) this.consulted.set(calendar, years = new Set());
        years.add(year);
    }

    /** Own warnings first, then the calendar's warnings for every consulted year in year order. */
    warnings(): Warning[] {
        const result = [...this.ownWarnings];
        for (const [calendar, years] of this.consulted) {
            for (const year of [...years].sort((a, b) => a - b)) {
                for (const w of calendar.yearWarnings(year)) {
                    if (!result.some(r => r.code === w.code && r.message === w.message)) result.push(w);
                }
            }
        }
        return result;
    }
}
