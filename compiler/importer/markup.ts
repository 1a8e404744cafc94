/**
 * Markdown and Word residue in exported agreements: headings (#), bold and italics (** and *), links
 * ([tekst](doel)), backslash escapes, <sup> tags and autolinks are markup, not text; they are removed and the
 * positions of the remaining characters are kept. Tracked changes stay in the text but are recorded:
 * a deletion (~~tekst~~) is kept as written, an insertion ([tekst](#)) loses only its link syntax.
 *
 * The no-word-lost test applies the same normalisation to the input (test/importer.test.ts):
 * unescape, drop `](doel)`, drop HTML tags.
 */
import type { Position } from './source.js';
import { SourceText } from './source.js';

export interface Residue {
    kind: 'invoeging' | 'doorhaling';
    text: string;
    position: Position;
}

export interface CleanLine {
    /** 0-based index into the file's lines. */
    index: number;
    /** 1-based line number. */
    line: number;
    raw: string;
    /** The text without markup, trimmed. */
    text: SourceText;
    /** Leading whitespace of the line (broken list indentation is common; it is a hint only). */
    indent: number;
    /** Markdown heading level, 0 if none. */
    heading: number;
    /** Bold ranges in `text` coordinates. */
    bold: Array<[number, number]>;
    residue: Residue[];
    /** Hyperlinks without a target ([tekst](#)) as raw column ranges: a reference in them cites law text. */
    links: Array<[number, number]>;
}

interface ViewChar {
    ch: string;
    column: number;
    /** Escaped with a backslash: never markup itself. */
    literal: boolean;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const TAG = /<\/?(?:sup|sub|u|i|b|em|strong|br|span|p)\b[^>]*>/g;
const AUTOLINK = /<((?:https?:\/\/|www\.)[^\s<>]+)>/g;

export function cleanLines(content: string): CleanLine[] {
    return content.split(/\r?\n/).map((raw, index) => cleanLine(raw, index + 1, index));
}

export function cleanLine(raw: string, line: number, index: number): CleanLine {
    if (!/[\\[*~<#]/.test(raw)) {
        // Nothing to remove: the common case, kept fast.
        const lead = raw.length - raw.trimStart().length;
        const text = SourceText.of(raw.trim(), line, lead + 1);
        return { index, line, raw, text, indent: lead, heading: 0, bold: [], residue: [], links: [] };
    }
    const view: ViewChar[] = [];
    for (let i = 0; i < raw.length; i++) {
        if (raw[i] === '\\' && i + 1 < raw.length && ESCAPABLE.test(raw[i + 1])) {
            view.push({ ch: raw[i + 1], column: i + 2, literal: true });
            i++;
        } else {
            view.push({ ch: raw[i], column: i + 1, literal: false });
        }
    }
    const drop = new Array<boolean>(view.length).fill(false);
    const residue: Residue[] = [];
    const links: Array<[number, number]> = [];
    const str = () => view.map((v, i) => drop[i] ? '\u0000' : v.ch).join('');

    let heading = 0;
    const h = /^ {0,3}(#{1,6})[ \t]+/.exec(view.map(v => v.literal ? '\u0001' : v.ch).join(''));
    if (h) {
        heading = h[1].length;
        for (let i = 0; i < h[0].length; i++) drop[i] = true;
    }

    // Links, innermost included: [tekst](doel). The escaped \[x\]\(mailto:x\) inside an insertion is a link too.
    for (let i = 0; i < view.length; i++) {
        if (view[i].ch !== '[' || drop[i]) continue;
        let depth = 0;
        let close = -1;
        for (let j = i; j < view.length; j++) {
            if (view[j].ch === '[') depth++;
            else if (view[j].ch === ']' && --depth === 0) {
                close = j;
                break;
            }
        }
        if (close < 0 || view[close + 1]?.ch !== '(') continue;
        let end = -1;
        for (let k = close + 2; k < view.length; k++) {
            if (view[k].ch === ')') {
                end = k;
                break;
            }
            if (/\s/.test(view[k].ch)) break;
        }
        if (end < 0 || end === close + 2) continue;
        const target = view.slice(close + 2, end).map(v => v.ch).join('');
        drop[i] = true;
        for (let k = close; k <= end; k++) drop[k] = true;
        if (target === '#') {
            links.push([view[i].column, view[end].column]);
            residue.push({
                kind: 'invoeging', text: view.slice(i + 1, close).map(v => v.ch).join(''),
                position: { line, column: view[i].column }
            });
        }
    }

    for (const m of str().matchAll(/~~([^~]*)~~/g)) {
        residue.push({ kind: 'doorhaling', text: m[1].replace(/\u0000/g, ''), position: { line, column: view[m.index!].column } });
    }

    // Bold: ** toggles; unpaired ones (a title bold over two lines) are dropped too.
    const boldView: Array<[number, number]> = [];
    let open = -1;
    for (let i = 0; i + 1 < view.length; i++) {
        if (drop[i] || view[i].literal || view[i].ch !== '*' || view[i + 1].ch !== '*' || view[i + 1].literal) continue;
        drop[i] = drop[i + 1] = true;
        if (open < 0) open = i + 2;
        else {
            boldView.push([open, i]);
            open = -1;
        }
        i++;
    }
    // Italics: *tekst* around non-space text.
    const s = str();
    for (const m of s.matchAll(/(?<![\w*])\*(?=[^\s*\u0000])([^*\n]*?[^\s*\u0000])\*(?![\w*])/gu)) {
        const a = m.index!;
        const b = a + m[0].length - 1;
        if (!view[a].literal && !view[b].literal) drop[a] = drop[b] = true;
    }
    for (const m of str().matchAll(TAG)) {
        for (let k = m.index!; k < m.index! + m[0].length; k++) drop[k] = true;
    }
    for (const m of str().matchAll(AUTOLINK)) {
        drop[m.index!] = true;
        drop[m.index! + m[0].length - 1] = true;
    }

    const chars: Array<{ ch: string; line: number; column: number }> = [];
    const toClean = new Int32Array(view.length + 1);
    view.forEach((v, i) => {
        toClean[i] = chars.length;
        if (!drop[i]) chars.push({ ch: v.ch, line, column: v.column });
    });
    toClean[view.length] = chars.length;
    let lead = 0;
    while (lead < chars.length && /\s/.test(chars[lead].ch)) lead++;
    let tail = chars.length;
    while (tail > lead && /\s/.test(chars[tail - 1].ch)) tail--;
    const kept = chars.slice(lead, tail);
    const text = SourceText.fromChars(kept, { line, column: Math.min(raw.length + 1, (chars[lead]?.column ?? 1)) });
    const bold = boldView
        .map(([a, b]): [number, number] => [Math.max(0, toClean[a] - lead), Math.min(kept.length, toClean[b] - lead)])
        .filter(([a, b]) => b > a);
    return { index, line, raw, text, indent: lead, heading, bold, residue, links };
}

/** Whether the range [start, end) of the line's text is (entirely) bold. */
export function isBold(line: CleanLine, start: number, end: number): boolean {
    return line.bold.some(([a, b]) => a <= start && end <= b);
}
