/**
 * Spelling similarity for defined terms: near misses (`Resultaatovereenkomst` for the defined
 * `Resultaatsovereenkomst`) and Dutch inflections (`Contractanten` of `Contractant`). Pure logic.
 */

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped at max+1. */
export function editDistance(a: string, b: string, max = 3): number {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        let rowMin = Infinity;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            rowMin = Math.min(rowMin, d[i][j]);
        }
        if (rowMin > max) return max + 1;
    }
    return d[a.length][b.length];
}

const SUFFIXES = ['en', 's', "'s", 'n', 'e', 'ën'];

/** True when `word` is `base` with a Dutch plural or inflection suffix (or the reverse). */
export function isInflection(word: string, base: string): boolean {
    const [long, short] = word.length >= base.length ? [word, base] : [base, word];
    if (!long.startsWith(short) || long === short) return false;
    const rest = long.slice(short.length);
    // Contractant → Contractanten; Partij → Partijen; Gemeente → Gemeenten; Werkdag → Werkdagen
    return SUFFIXES.includes(rest) || (rest.length === 3 && rest.endsWith('en') && short.endsWith(rest[0]));   // Kat → Katten
}

export type Similarity = { kind: 'inflection'; name: string } | { kind: 'near-miss'; name: string; distance: number };

/** The closest defined name to an unresolved capitalised word, if it is close enough to be a slip. */
export function closestTerm(word: string, names: Iterable<string>): Similarity | undefined {
    let best: Similarity | undefined;
    for (const name of names) {
        if (name === word) return undefined;
        if (isInflection(word, name)) return { kind: 'inflection', name };
        if (word.length < 6 || name[0] !== word[0]) continue;
        const max = word.length >= 10 ? 2 : 1;
        const distance = editDistance(word, name, max);
        if (distance <= max && (!best || best.kind === 'near-miss' && distance < best.distance)) {
            best = { kind: 'near-miss', name, distance };
        }
    }
    return best;
}
