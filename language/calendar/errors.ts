/**
 * Errors for input that has no meaning (the message is Dutch and fit for one line on a command line). Missing
 * calendar data is never an error: it is a warning in the result (R1.10).
 */

export class CalendarError extends Error {
    override name = 'CalendarError';
}

export type TermijnErrorCode =
    | 'invalid-amount' | 'invalid-unit' | 'invalid-trigger' | 'invalid-option' | 'out-of-range';

export class TermijnError extends Error {
    override name = 'TermijnError';

    constructor(message: string, readonly code: TermijnErrorCode) {
        super(message);
    }
}
