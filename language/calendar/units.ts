/**
 * Units of a termijn (DESIGN.md §2) and their Dutch spelling.
 */

/** `na`: counted forward from the trigger; `voor`: counted back from it ("uiterlijk N dagen vóór Y"). */
export type Direction = 'na' | 'voor';

export type TermijnUnit =
    | 'uren' | 'werkdagen' | 'kalenderdagen' | 'dagen' | 'weken' | 'maanden' | 'kalendermaanden' | 'kwartalen' | 'jaren';

export const TERMIJN_UNITS: readonly TermijnUnit[] = ['uren', 'werkdagen', 'kalenderdagen', 'dagen', 'weken', 'maanden',
    'kalendermaanden', 'kwartalen', 'jaren'];

const SINGULAR: Record<TermijnUnit, string> = {
    uren: 'uur', werkdagen: 'werkdag', kalenderdagen: 'kalenderdag', dagen: 'dag', weken: 'week', maanden: 'maand',
    kalendermaanden: 'kalendermaand', kwartalen: 'kwartaal', jaren: 'jaar'
};

/** `werkdag`, `werkdagen`, `Uur`, … → the canonical plural; undefined for anything else. */
export function parseUnit(text: string): TermijnUnit | undefined {
    const t = text.trim().toLowerCase();
    if ((TERMIJN_UNITS as readonly string[]).includes(t)) return t as TermijnUnit;
    return TERMIJN_UNITS.find(u => SINGULAR[u] === t);
}

/** `1 werkdag`, `3 werkdagen`, `1 jaar`. */
export function amountLabel(amount: number, unit: TermijnUnit): string {
    return `${amount} ${amount === 1 ? SINGULAR[unit] : unit}`;
}

/** Units counted as whole months from the anchor (R1.6). */
export function monthsPerUnit(unit: TermijnUnit): number | undefined {
    switch (unit) {
        case 'maanden':
        case 'kalendermaanden': return 1;
        case 'kwartalen': return 3;
        case 'jaren': return 12;
        default: return undefined;
    }
}

/** Units counted as a fixed number of calendar days (R1.2, R1.3, R1.5). */
export function daysPerUnit(unit: TermijnUnit): number | undefined {
    switch (unit) {
        case 'dagen':
        case 'kalenderdagen': return 1;
        case 'weken': return 7;
        default: return undefined;
    }
}
