/**
 * Spelling similarity for defined terms: near misses (`Resultaatovereenkomst` for the defined
 * `Resultaatsovereenkomst`) and Dutch inflections (`Contractanten` of `Contractant`). Pure logic.
 */

/** Three rows of the distance table, reused: the checks ask for a distance for many words of every document. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped at max+1. */
export function editDistance(a: string, b: string, max = 3): number {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * (b.length + 1)));
    let [before, previous, current] = rows;
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = Infinity;
        for (let j = 1; j <= b.length; j++) {
            const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1);
            current[j] = d;
            if (d < rowMin) rowMin = d;
        }
        if (rowMin > max) return max + 1;
        [before, previous, current] = [previous, current, before];
    }
    return previous[b.length];
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

/**
 * `closestTerm` against one fixed list of names, for many words: the names are indexed once (by exact name, by
 * first letter and length) and each distinct word is answered once. A document has thousands of unresolved
 * capitalised words (De, Het, Indien, …) but few distinct ones, and scanning every visible name with an edit
 * distance for each was ≈ 17 % of the checks (bench/RESULTS.md, problem 6). Same answer as `closestTerm`.
 */
export class TermMatcher {
    /** Position of each name in the list (its first occurrence). */
    protected readonly position = new Map<string, number>();
    /** Names by first character, then by length, with their positions in list order. */
    protected readonly byStart = new Map<string, Map<number, Array<{ name: string; at: number }>>>();
    protected readonly answers = new Map<string, Similarity | undefined>();

    constructor(readonly names: readonly string[]) {
        names.forEach((name, at) => {
            if (this.position.has(name)) return;
            this.position.set(name, at);
            let byLength = this.byStart.get(name[0]);
            if (!byLength) this.byStart.set(name[0], byLength = new Map());
            let list = byLength.get(name.length);
            if (!list) byLength.set(name.length, list = []);
            list.push({ name, at });
        });
    }

    closest(word: string): Similarity | undefined {
        if (this.answers.has(word)) return this.answers.get(word);
        const answer = this.compute(word);
        this.answers.set(word, answer);
        return answer;
    }

    protected compute(word: string): Similarity | undefined {
        // closestTerm returns at the first name that equals the word or is an inflection of it, in list order.
        const exact = this.position.get(word) ?? Infinity;
        let inflection: { name: string; at: number } | undefined;
        for (const name of this.inflectionCandidates(word)) {
            const at = this.position.get(name);
            if (at !== undefined && isInflection(word, name) && (!inflection || at < inflection.at)) inflection = { name, at };
        }
        if (exact < (inflection?.at ?? Infinity)) return undefined;
        if (inflection) return { kind: 'inflection', name: inflection.name };
        if (word.length < 6) return undefined;
        const max = word.length >= 10 ? 2 : 1;
        let best: { name: string; at: number; distance: number } | undefined;
        const byLength = this.byStart.get(word[0]);
        for (let length = word.length - max; byLength && length <= word.length + max; length++) {
            for (const { name, at } of byLength.get(length) ?? []) {
                const distance = editDistance(word, name, max);
                // The first name (in list order) with the smallest distance, as closestTerm keeps it.
                if (distance <= max && (!best || distance < best.distance || (distance === best.distance && at < best.at))) best = { name, at, distance };
            }
        }
        return best ? { kind: 'near-miss', name: best.name, distance: best.distance } : undefined;
    }

    /** Every name that could be an inflection of the word or the word of it (isInflection decides). */
    protected *inflectionCandidates(word: string): Iterable<string> {
        for (const suffix of SUFFIXES) {
            if (word.length > suffix.length && word.endsWith(suffix)) yield word.slice(0, -suffix.length);
            yield word + suffix;
        }
        if (word.length > 3) yield word.slice(0, -3);
        if (word.length) yield word + word[word.length - 1] + 'en';
    }
}
