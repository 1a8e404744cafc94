/**
 * Opzegging (R1.13): the end that a notice received on a given day brings about, and the latest day a notice
 * must be received for a wanted end (R1.12).
 */
import { Temporal } from 'temporal-polyfill';
import { decideAtw } from './atw.js';
import { calendarRef, resolveCalendar } from './calendars.js';
import type { PlainDate } from './dates.js';
import { compareDates, formatDate, parseIsoDate } from './dates.js';
import type { DerivationStep, Warning } from './derivation.js';
import { WarningCodes } from './derivation.js';
import { CalendarError, TermijnError } from './errors.js';
import type { TermijnResult, TermijnSpec } from './termijn.js';
import { computeTermijn } from './termijn.js';
import type { Trigger, TriggerInput } from './trigger.js';
import { amountLabel, daysPerUnit, monthsPerUnit } from './units.js';

/** An opzegtermijn: amount and unit, optionally with a start rule and "tegen het einde van …". */
export type NoticeSpec = Omit<TermijnSpec, 'direction' | 'free'>;

const RECEIPT_NOTE: DerivationStep = {
    kind: 'note', rules: ['R1.13'],
    text: 'Een opzegging werkt pas als zij de ander heeft bereikt (art. 3:37 lid 3 BW): de opzegtermijn telt vanaf de ontvangst, niet vanaf de verzending.'
};

function asReceipt(input: TriggerInput): Trigger {
    if (typeof input === 'string' || input instanceof Temporal.PlainDate) return { at: input, kind: 'ontvangst', label: 'de opzegging' };
    return { kind: 'ontvangst', label: 'de opzegging', ...input };
}

/** R1.13: the end of the agreement when the notice is received on `received` (the end of that day counts). */
export function opzegging(spec: NoticeSpec, received: TriggerInput): TermijnResult {
    const result = computeTermijn({ ...spec, direction: 'na' }, asReceipt(received));
    // The end of an agreement is no deadline to act on, so a Sunday there is no risk (R1.7 targets deadlines).
    return { ...result, steps: [RECEIPT_NOTE, ...result.steps], warnings: result.warnings.filter(w => w.code !== WarningCodes.DeadlineOnNonWorkingDay) };
}

/**
 * The latest day a notice must be received so that the agreement ends no later than `end`, the last day of the
 * looptijd (R1.12): `max{ R : opzegging(R) ≤ end }`. Plain terms use R1.11/R1.12 directly; with a start rule or
 * "tegen het einde van …" the same definition is searched for, since the end is monotone in the receipt date.
 */
export function latestNotice(spec: NoticeSpec, end: PlainDate | string): TermijnResult {
    const target = typeof end === 'string' ? parseIsoDate(end) : end;
    if (!target) throw new TermijnError(`Ongeldige datum '${String(end)}'; gebruik JJJJ-MM-DD.`, 'invalid-trigger');
    const intro: DerivationStep = {
        kind: 'note', rules: ['R1.12', 'R1.13'],
        text: `Gevraagd: de laatste dag waarop een opzegging met een opzegtermijn van ${amountLabel(spec.amount, spec.unit)} moet zijn ontvangen om de overeenkomst uiterlijk op ${formatDate(target)} te laten eindigen (art. 3:37 lid 3 BW).`
    };
    if ((!spec.start || spec.start.kind === 'day-after') && !spec.alignment) {
        const result = computeTermijn({ ...spec, direction: 'voor' }, { at: target, kind: 'einde', label: 'de looptijd' });
        return { ...result, steps: [intro, ...result.steps] };
    }
    return searchLatest(spec, target, intro);
}

function searchLatest(spec: NoticeSpec, target: PlainDate, intro: DerivationStep): TermijnResult {
    const endFor = (r: PlainDate) => computeTermijn({ ...spec, direction: 'na' }, r).date;
    const fits = (r: PlainDate) => compareDates(endFor(r), target) <= 0;
    const rough = (monthsPerUnit(spec.unit) ?? 0) * spec.amount * 31 + (daysPerUnit(spec.unit) ?? (spec.unit === 'werkdagen' ? 2 : 0)) * spec.amount;
    let lo = target.subtract({ days: rough + 400 });
    while (!fits(lo)) lo = lo.subtract({ days: 400 });
    // Invariant: fits(lo + low) and !fits(lo + high), unless the target itself fits.
    let low = 0, high = lo.until(target).days;
    if (fits(target)) low = high;
    while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (fits(lo.add({ days: mid }))) low = mid; else high = mid;
    }
    const latest = lo.add({ days: low });
    const check = opzegging(spec, latest);
    const later = endFor(latest.add({ days: 1 }));
    const calendar = calendarOrThrow(spec);
    const decision = decideAtw({ amount: spec.amount, unit: spec.unit, direction: 'voor', origin: spec.origin ?? 'overeenkomst', atwDeclared: spec.atwDeclared ?? false, atwExcludedBy: spec.atwExcludedBy });
    const steps: DerivationStep[] = [
        intro,
        { kind: 'count', rules: ['R1.12', 'R1.13'], text: `Ontvangen op ${formatDate(latest)} eindigt de overeenkomst op ${check.date}, niet na ${target}; ontvangen op ${latest.add({ days: 1 })} pas op ${later}.`, date: latest },
        { kind: 'note', rules: ['R1.13'], text: `Controle — opzegging ontvangen op ${latest}:` },
        // The nested result is the end of the agreement, not the deadline asked for.
        ...check.steps.map(s => s.kind === 'result' ? { ...s, kind: 'note' as const, text: `Einde van de overeenkomst bij ontvangst op ${latest}: ${formatDate(check.date)}.` } : s),
        { kind: 'result', rules: ['R1.12'], text: `Uiterste ontvangstdatum van de opzegging: ${formatDate(latest)}.`, date: latest }
    ];
    const warnings: Warning[] = [...check.warnings];
    return {
        date: latest, rawDate: latest, trigger: { date: target, kind: 'einde', label: 'de looptijd' },
        amount: spec.amount, unit: spec.unit, direction: 'voor', free: false, origin: spec.origin ?? 'overeenkomst',
        reference: spec.reference, calendar: calendarRef(calendar), atw: { applied: false, reasons: decision.reasons },
        steps, warnings
    };
}

function calendarOrThrow(spec: NoticeSpec) {
    try {
        return resolveCalendar(spec.calendar);
    } catch (e) {
        if (e instanceof CalendarError) throw new TermijnError(e.message, 'invalid-option');
        throw e;
    }
}
