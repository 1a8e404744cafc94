/**
 * What the text after `anders` means, where it is recognisable (seed-model.md §1, Consequence). The text is
 * kept as written; the kind is a reading of common Dutch contract phrases, `other` when none fits.
 */
import type { ConsequenceKind } from './model.js';

interface Reading {
    kind: ConsequenceKind;
    /** Follows from the contract once the termijn passes (true), or a party may invoke it (false). */
    automatic: boolean;
}

const READINGS: Array<[RegExp, Reading]> = [
    // "wordt geacht de opdracht te hebben aanvaard", "geacht aanvaard"
    [/\bgeacht\b[^.;]*\baanvaard|\baanvaard\b[^.;]*\bgeacht\b/, { kind: 'deemed-acceptance', automatic: true }],
    // deemed consent, deemed not received (S000 7.8, 7.9)
    [/\bgeacht\b|\bgeldt als\b/, { kind: 'deemed', automatic: true }],
    [/\bboete\b/, { kind: 'penalty', automatic: false }],
    [/ingebrekestelling|in gebreke (?:ge)?stel|ingebreke/, { kind: 'notice-of-default', automatic: false }],
    // A fatale termijn puts the debtor in default without a further notice (art. 6:83 onder a BW).
    [/\bverzuim\b|fatale termijn/, { kind: 'default', automatic: true }],
    [/\bgeen beroep\b|\bvervalt\b|\bverval\b|\bverliest\b|\bverlies van\b/, { kind: 'loss-of-right', automatic: true }],
    [/beëindig|beeindig|ontbind|\bopzeg/, { kind: 'termination', automatic: false }]
];

export function readConsequence(text: string): Reading {
    const t = text.toLowerCase();
    for (const [pattern, reading] of READINGS) {
        if (pattern.test(t)) return reading;
    }
    return { kind: 'other', automatic: false };
}

/** Kinds after which acting in time is the bearer's choice: the termijn is a power, not an obligation. */
export const OPTIONAL_ACT: ReadonlySet<ConsequenceKind> = new Set<ConsequenceKind>(['deemed-acceptance', 'deemed', 'loss-of-right']);

/** The condition of a boete leaves it to a party ("kan de Gemeente besluiten", "naar besluit van de Gemeente"). */
export function isDiscretionary(condition: string | undefined): boolean {
    return !!condition && /\bkan\b|\bkunnen\b|besluit|naar keuze|naar oordeel|\bbevoegd\b|\bmag\b/.test(condition.toLowerCase());
}
