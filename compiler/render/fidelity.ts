/**
 * Word-level fidelity of a rendering to the original text of an agreement: the share of the original's words
 * that the rendering reproduces in the same order (longest common subsequence over word tokens ÷ the
 * original's word count). Case, punctuation and markup do not count; a renumbered reference ("lid 1" →
 * "het eerste lid") costs the words that changed.
 */

export interface Fidelity {
    /** Words of the original recovered in order. */
    matched: number;
    /** Words of the original. */
    total: number;
    /** matched / total, 0–1. */
    ratio: number;
}

/** Lower-cased letter/digit tokens: "Artikel 4.3, lid" → ["artikel", "4", "3", "lid"]. */
export function wordTokens(text: string): string[] {
    return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function fidelity(rendered: string, original: string): Fidelity {
    const a = wordTokens(original);
    const b = wordTokens(rendered);
    const matched = lcsLength(a, b);
    return { matched, total: a.length, ratio: a.length ? matched / a.length : 1 };
}

/** LCS length in O(n·m) time and O(m) memory; words are interned to numbers first. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
    const ids = new Map<string, number>();
    const intern = (w: string) => {
        let id = ids.get(w);
        if (id === undefined) ids.set(w, id = ids.size);
        return id;
    };
    const x = Int32Array.from(a, intern);
    const y = Int32Array.from(b, intern);
    let prev = new Int32Array(y.length + 1);
    let cur = new Int32Array(y.length + 1);
    for (let i = 1; i <= x.length; i++) {
        const xi = x[i - 1];
        for (let j = 1; j <= y.length; j++) {
            cur[j] = xi === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
        }
        [prev, cur] = [cur, prev];
    }
    return prev[y.length];
}
