/**
 * Longest common subsequence of two sequences under an equality of keys, as an edit script. Used for words of
 * prose, blocks of the renvooi and the order of siblings. Common prefix and suffix are taken first, so the
 * usual edit (a few words in a long lid) costs little; a very large middle is reported as one replacement
 * rather than spending quadratic memory on it.
 */

export type EditOp = '=' | '-' | '+';

export interface Edit {
    op: EditOp;
    /** Index in the old sequence ('=' and '-'). */
    oldIndex?: number;
    /** Index in the new sequence ('=' and '+'). */
    newIndex?: number;
}

const MAX_CELLS = 4_000_000;

export function diffSequences<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): Edit[] {
    const ka = a.map(key);
    const kb = b.map(key);
    let start = 0;
    while (start < ka.length && start < kb.length && ka[start] === kb[start]) start++;
    let endA = ka.length;
    let endB = kb.length;
    while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
        endA--;
        endB--;
    }
    const edits: Edit[] = [];
    for (let i = 0; i < start; i++) edits.push({ op: '=', oldIndex: i, newIndex: i });
    const n = endA - start;
    const m = endB - start;
    if (n * m > MAX_CELLS) {
        for (let i = start; i < endA; i++) edits.push({ op: '-', oldIndex: i });
        for (let j = start; j < endB; j++) edits.push({ op: '+', newIndex: j });
    } else {
        // lengths[i][j]: LCS of a[start+i..endA) and b[start+j..endB)
        const width = m + 1;
        const lengths = new Uint32Array((n + 1) * width);
        for (let i = n - 1; i >= 0; i--) {
            for (let j = m - 1; j >= 0; j--) {
                lengths[i * width + j] = ka[start + i] === kb[start + j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
            }
        }
        let i = 0;
        let j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && ka[start + i] === kb[start + j]) {
                edits.push({ op: '=', oldIndex: start + i, newIndex: start + j });
                i++;
                j++;
            } else if (j < m && (i === n || lengths[i * width + j + 1] >= lengths[(i + 1) * width + j])) {
                edits.push({ op: '+', newIndex: start + j });
                j++;
            } else {
                edits.push({ op: '-', oldIndex: start + i });
                i++;
            }
        }
        // Within a gap, show what went before what came: all removals, then all insertions.
        sortGaps(edits);
    }
    for (let i = endA, j = endB; i < ka.length; i++, j++) edits.push({ op: '=', oldIndex: i, newIndex: j });
    return edits;
}

function sortGaps(edits: Edit[]): void {
    let i = 0;
    while (i < edits.length) {
        if (edits[i].op === '=') {
            i++;
            continue;
        }
        let j = i;
        while (j < edits.length && edits[j].op !== '=') j++;
        const gap = edits.slice(i, j);
        const sorted = [...gap.filter(e => e.op === '-'), ...gap.filter(e => e.op === '+')];
        edits.splice(i, j - i, ...sorted);
        i = j;
    }
}

/** A piece of a word-level diff: equal, removed or inserted text. */
export interface WordOp {
    op: EditOp;
    text: string;
}

/** Words and the spaces between them, so a diff keeps the text's own spacing. */
export function wordTokens(text: string): string[] {
    return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Word-level diff of two texts, adjacent pieces of the same kind merged. */
export function diffWords(oldText: string, newText: string): WordOp[] {
    const a = wordTokens(oldText);
    const b = wordTokens(newText);
    const out: WordOp[] = [];
    for (const e of diffSequences(a, b, x => x)) {
        const text = e.op === '+' ? b[e.newIndex!] : a[e.oldIndex!];
        const last = out[out.length - 1];
        if (last?.op === e.op) last.text += text;
        else out.push({ op: e.op, text });
    }
    return absorbSpaces(out);
}

/**
 * A space that the LCS kept between two changed words belongs to the change ("[-drie werkdagen-]{+vijf
 * dagen+}" reads better than "[-drie-]{+vijf+} [-werkdagen-]{+dagen+}").
 */
function absorbSpaces(ops: WordOp[]): WordOp[] {
    const out: WordOp[] = [];
    // The trailing change group of `out` is at most one '-' followed by one '+'.
    const addChange = (op: '-' | '+', text: string) => {
        const last = out[out.length - 1];
        const prev = out[out.length - 2];
        const del = last?.op === '-' ? last : last?.op === '+' && prev?.op === '-' ? prev : undefined;
        const ins = last?.op === '+' ? last : undefined;
        if (op === '-') {
            if (del) del.text += text;
            else if (ins) out.splice(out.length - 1, 0, { op: '-', text });
            else out.push({ op: '-', text });
        } else if (ins) {
            ins.text += text;
        } else {
            out.push({ op: '+', text });
        }
    };
    for (let i = 0; i < ops.length; i++) {
        const op = ops[i];
        const before = out[out.length - 1];
        const after = ops[i + 1];
        if (op.op === '=' && /^\s+$/.test(op.text) && before && before.op !== '=' && after && after.op !== '=') {
            addChange('-', op.text);
            addChange('+', op.text);
        } else if (op.op === '=') {
            out.push({ ...op });
        } else {
            addChange(op.op, op.text);
        }
    }
    return out;
}

/** Share of equal words (0…1) between two texts. */
export function similarity(oldText: string, newText: string): number {
    const a = wordTokens(oldText).filter(t => t.trim());
    const b = wordTokens(newText).filter(t => t.trim());
    if (a.length === 0 && b.length === 0) return 1;
    const equal = diffSequences(a, b, x => x).filter(e => e.op === '=').length;
    return (2 * equal) / (a.length + b.length);
}
