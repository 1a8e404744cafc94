/**
 * `contractspraak termijn <datum> <aantal> <eenheid>`: the termijn calculator of termijnen.md §1. Prints the
 * due date with its derivation. Usage problems throw UsageError, which main.ts prints as one line (exit 2).
 */
import type { TermijnResult } from '../../language/calendar/index.js';
import {
    CALENDAR_IDS, TERMIJN_UNITS, TermijnError, computeTermijn, getCalendar, parseMoment, parseUnit, termijnToJson, termijnToText
} from '../../language/calendar/index.js';
import { UsageError } from '../workspace.js';

export type TermijnFormat = 'text' | 'json';
export const TERMIJN_FORMATS: readonly TermijnFormat[] = ['text', 'json'];

export interface TermijnCliOptions {
    /** Count back from the date (`uiterlijk N … vóór`). */
    voor?: boolean;
    kalender?: string;
    /** A statutory term: the Algemene termijnenwet applies where R1.7 allows. */
    atw?: boolean;
    format?: string;
}

/** Validates the arguments and computes the term; throws UsageError with a one-line Dutch message. */
export function calculateTermijn(datum: string, aantal: string, eenheid: string, options: TermijnCliOptions): TermijnResult {
    const moment = parseMoment(datum);
    if (!moment) throw new UsageError(`Ongeldige datum '${datum}'; gebruik JJJJ-MM-DD (of JJJJ-MM-DDTUU:MM voor een termijn in uren).`);
    if (!/^\d+$/.test(aantal.trim())) throw new UsageError(`Ongeldig aantal '${aantal}'; geef een geheel getal van 0 of meer.`);
    const unit = parseUnit(eenheid);
    if (!unit) throw new UsageError(`Onbekende eenheid '${eenheid}'; kies uit ${TERMIJN_UNITS.join(', ')}.`);
    const calendar = getCalendar(options.kalender ?? 'atw');
    if (!calendar) throw new UsageError(`Onbekende kalender '${options.kalender}'; kies uit ${CALENDAR_IDS.join(', ')}.`);
    try {
        return computeTermijn({
            amount: Number(aantal.trim()),
            unit,
            direction: options.voor ? 'voor' : 'na',
            origin: options.atw ? 'wet' : 'overeenkomst',
            calendar
        }, { at: moment });
    } catch (e) {
        if (e instanceof TermijnError) throw new UsageError(e.message);
        throw e;
    }
}

/** The report in the chosen format. */
export function formatTermijn(datum: string, aantal: string, eenheid: string, options: TermijnCliOptions): string {
    const format = (options.format ?? 'text').toLowerCase();
    if (!(TERMIJN_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`Onbekend formaat '${options.format}'; kies uit ${TERMIJN_FORMATS.join(', ')}.`);
    }
    const result = calculateTermijn(datum, aantal, eenheid, options);
    return format === 'json' ? JSON.stringify(termijnToJson(result), null, 2) + '\n' : termijnToText(result);
}

/** Entry point of the subcommand: writes the report to stdout. */
export function runTermijn(datum: string, aantal: string, eenheid: string, options: TermijnCliOptions): void {
    process.stdout.write(formatTermijn(datum, aantal, eenheid, options));
}
