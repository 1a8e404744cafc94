/**
 * The Algemene termijnenwet (BWBR0002448): when it applies (R1.7) and what it changes (R1.8, R1.9).
 */
import type { WorkdayCalendar } from './calendars.js';
import type { PlainDate } from './dates.js';
import { compareDates, formatDate } from './dates.js';
import type { Derivation } from './derivation.js';
import type { Direction, TermijnUnit } from './units.js';
import { amountLabel } from './units.js';

/** `wet`: set by a wet or AMvB (Wmo 2015, Awb, BW, Jeugdwet); `overeenkomst`: set by the contract (R1.7 a). */
export type TermijnOrigin = 'wet' | 'overeenkomst';

export interface AtwQuestion {
    readonly amount: number;
    readonly unit: TermijnUnit;
    readonly direction: Direction;
    readonly origin: TermijnOrigin;
    /** The contract says "de Algemene termijnenwet is van (overeenkomstige) toepassing" (R1.7 a). */
    readonly atwDeclared: boolean;
    /** A lex specialis that switches the Atw off, e.g. `artikel 4:17 lid 1 Awb` (R1.7 d). */
    readonly atwExcludedBy?: string;
}

export interface AtwDecision {
    readonly applies: boolean;
    /** Dutch reasons: all conditions when it applies, the failing ones when it does not. */
    readonly reasons: readonly string[];
}

/** Art. 4 onder a Atw (R1.7 b): why the term's length excludes the Atw, or undefined. Exactly 3 months is covered. */
export function art4Exclusion(amount: number, unit: TermijnUnit): string | undefined {
    const len = amountLabel(amount, unit);
    switch (unit) {
        case 'uren': return `de termijn van ${len} is in uren omschreven`;
        case 'dagen':
        case 'kalenderdagen':
        case 'werkdagen': return amount > 90 ? `de termijn van ${len} is langer dan 90 dagen` : undefined;
        case 'weken': return amount > 12 ? `de termijn van ${len} is langer dan twaalf weken` : undefined;
        case 'maanden':
        case 'kalendermaanden': return amount > 3 ? `de termijn van ${len} is langer dan drie maanden` : undefined;
        case 'kwartalen': return amount > 1 ? `de termijn van ${len} is langer dan drie maanden` : undefined;
        case 'jaren': return amount >= 1 ? `de termijn van ${len} is in jaren omschreven` : undefined;
    }
}

/** R1.7: the Atw applies only if (a) statutory or declared, (b) not excluded by art. 4, (c) forward, (d) no lex specialis. */
export function decideAtw(q: AtwQuestion): AtwDecision {
    const failing: string[] = [];
    const passing: string[] = [];
    // R1.7 (a): art. 1 and 5 Atw — wet or AMvB; a contract only by declaring it applicable.
    if (q.origin === 'wet') passing.push('het is een wettelijke termijn (wet of AMvB; R1.7 a)');
    else if (q.atwDeclared) passing.push('de overeenkomst verklaart de Atw van (overeenkomstige) toepassing (R1.7 a)');
    else failing.push('het is een termijn uit de overeenkomst en die verklaart de Atw niet van toepassing (art. 1 en 5 Atw; R1.7 a)');
    // R1.7 (b): art. 4 onder a.
    const excluded = art4Exclusion(q.amount, q.unit);
    if (excluded) failing.push(`${excluded} (art. 4 onder a Atw; R1.7 b)`);
    else passing.push('art. 4 Atw sluit de termijn niet uit (R1.7 b)');
    // R1.7 (c): art. 1 lid 2 — a term counted backwards is never extended.
    if (q.direction === 'voor') failing.push('de termijn wordt teruggerekend (art. 1 lid 2 Atw; R1.7 c)');
    else passing.push('de termijn wordt vooruit gerekend (R1.7 c)');
    // R1.7 (d): lex specialis, e.g. Awb 4:17 lid 1.
    if (q.atwExcludedBy) failing.push(`${q.atwExcludedBy} sluit de Atw uit (R1.7 d)`);
    return failing.length > 0 ? { applies: false, reasons: failing } : { applies: true, reasons: passing };
}

/** R1.8 (art. 1 Atw): move a Saturday, Sunday or feestdag forward to the next day that is none of these. */
export function rollForward(date: PlainDate, calendar: WorkdayCalendar, d: Derivation, rules: readonly string[] = ['R1.8']): PlainDate {
    let current = date;
    for (let reason = d.nonWorkingReason(calendar, current); reason; reason = d.nonWorkingReason(calendar, current)) {
        const next = current.add({ days: 1 });
        d.step('roll', rules, `${current} is ${reason}; verschoven naar ${next} (art. 1 Atw).`, next);
        current = next;
    }
    return current;
}

/** Working days in `[from, to]`, counting no further than `enough`. */
function countWorkdays(from: PlainDate, to: PlainDate, calendar: WorkdayCalendar, d: Derivation, enough: number): number {
    let count = 0;
    for (let c = from; count < enough && compareDates(c, to) <= 0; c = c.add({ days: 1 })) {
        if (d.isWorkday(calendar, c)) count++;
    }
    return count;
}

/**
 * Applies art. 1 and then art. 2 Atw to a raw end date (R1.8, R1.9). `anchor` is the day the term counts from
 * (X); `nominalDays` is the term's length in days, for the art. 2 threshold of three days.
 */
export function applyAtw(anchor: PlainDate, raw: PlainDate, nominalDays: number, calendar: WorkdayCalendar, d: Derivation): PlainDate {
    let end = rollForward(raw, calendar, d);
    if (end.equals(raw)) {
        d.step('roll', ['R1.8'], `${formatDate(raw)} is geen zaterdag, zondag of feestdag; art. 1 Atw verschuift niets.`, raw);
    }
    // R1.9: art. 2 works on the term as art. 1 leaves it, and only for terms of at least three days.
    if (nominalDays >= 3) {
        const first = anchor.add({ days: 1 });
        for (let count = countWorkdays(first, end, calendar, d, 2); count < 2; count = countWorkdays(first, end, calendar, d, 2)) {
            const next = end.add({ days: 1 });
            d.step('extend', ['R1.9'], `Van ${first} tot en met ${end} telt de termijn ${count === 0 ? 'geen enkele dag' : 'maar één dag'} die geen zaterdag, zondag of feestdag is; verlengd tot ${next} (art. 2 Atw).`, next);
            end = rollForward(next, calendar, d, ['R1.8', 'R1.9']);
        }
    }
    return end;
}
