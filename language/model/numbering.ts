/**
 * Numbering is computed from position, never typed (DESIGN §2). A document may pin legacy numbers; the
 * sequence then continues from the pin, and gaps and duplicates among pinned numbers are reported.
 * Pure logic: no Langium here.
 */

export type ListStyle = 'letters' | 'cijfers' | 'graden' | 'romeins' | 'decimaal' | 'streepjes';

export interface Numberable {
    /** An explicitly pinned number as written (`nummer 25`), if any. */
    pin?: string;
}

/** Sequential 1-based numbers; a pinned element takes its pin and the count continues after it. */
export function sequence(items: readonly Numberable[]): number[] {
    const out: number[] = [];
    let next = 1;
    for (const item of items) {
        const pinned = item.pin !== undefined ? labelToNumber(item.pin) : undefined;
        const n = pinned ?? next;
        out.push(n);
        next = n + 1;
    }
    return out;
}

export type NumberingIssue =
    | { kind: 'gap'; index: number; expected: number; actual: number }
    | { kind: 'duplicate'; index: number; actual: number; firstIndex: number };

/** Gaps and duplicates in a sequence that contains pins (unpinned sequences cannot have either). */
export function numberingIssues(items: readonly Numberable[]): NumberingIssue[] {
    if (!items.some(i => i.pin !== undefined)) return [];
    const numbers = sequence(items);
    const issues: NumberingIssue[] = [];
    const seen = new Map<number, number>();
    numbers.forEach((n, index) => {
        const first = seen.get(n);
        if (first !== undefined) {
            issues.push({ kind: 'duplicate', index, actual: n, firstIndex: first });
        } else {
            const expected = index === 0 ? 1 : numbers[index - 1] + 1;
            if (n > expected && !issues.some(i => i.kind === 'duplicate' && i.index === index - 1)) {
                issues.push({ kind: 'gap', index, expected, actual: n });
            }
        }
        if (first === undefined) seen.set(n, index);
    });
    return issues;
}

/** Parses a pinned label: "14", "b" (letters), "IV" (roman). */
export function labelToNumber(label: string): number | undefined {
    if (/^\d+$/.test(label)) return Number(label);
    if (/^[IVXLCDM]+$/.test(label)) return fromRoman(label);
    if (/^[a-z]$/.test(label)) return label.charCodeAt(0) - 96;
    return undefined;
}

/** The label of the n-th (1-based) item of a list in the given style. */
export function listLabel(n: number, style: ListStyle, parentLabel?: string): string {
    switch (style) {
        case 'letters': return toLetters(n);
        case 'cijfers': return String(n);
        case 'graden': return `${n}°`;
        case 'romeins': return toRoman(n);
        case 'decimaal': return parentLabel ? `${parentLabel}.${n}` : String(n);
        case 'streepjes': return '–';
    }
}

/** a … z, aa, ab … (as in Dutch legislation's onderdelen). */
export function toLetters(n: number): string {
    let s = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + (k - 1) % 26) + s;
    return s;
}

const ROMAN: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']
];

export function toRoman(n: number): string {
    let s = '';
    let k = n;
    for (const [v, r] of ROMAN) while (k >= v) { s += r; k -= v; }
    return s;
}

export function fromRoman(s: string): number {
    let total = 0;
    let i = 0;
    for (const [v, r] of ROMAN) while (s.startsWith(r, i)) { total += v; i += r.length; }
    return i === s.length ? total : NaN;
}

/** Dutch ordinal words for "het tweede lid" style rendering. */
const ORDINALS = ['nulde', 'eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende',
    'tiende', 'elfde', 'twaalfde', 'dertiende', 'veertiende', 'vijftiende', 'zestiende', 'zeventiende', 'achttiende',
    'negentiende', 'twintigste'];

export function ordinal(n: number): string {
    return ORDINALS[n] ?? `${n}e`;
}
