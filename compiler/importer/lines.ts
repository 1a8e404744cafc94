/**
 * What a single cleaned line looks like: a numbered label (lid, onderdeel, overweging), a heading (artikel,
 * bijlage, hoofdstuk, inhoudsopgave, toelichting), a footnote, a table row. Pure pattern recognition; the
 * parsers decide what a line means in its context.
 */
import type { CleanLine } from './markup.js';
import type { Position, SourceText } from './source.js';

export type LabelStyle = 'compound' | 'number' | 'letter' | 'upper' | 'roman' | 'ROMAN' | 'degree' | 'bullet';

export interface Label {
    /** The label as written without punctuation: "1.1", "3", "a", "IV", "" for a bullet. */
    text: string;
    style: LabelStyle;
    /** Compound parts ([6, 3, 1]) or the single value of the label (c → 3, IV → 4). */
    numbers: number[];
    /** '.', ')', '..', ':', '°' or ''. */
    closer: string;
    /** A leading list bullet: '-', '•', 'o'. */
    bullet?: string;
    /** Offset of the label in the line's text, and of the text after it. */
    start: number;
    /** Where the label stands in the input. */
    at: Position;
    restStart: number;
    rest: SourceText;
}

const BULLET = /^([-•–]|o(?= \p{Lu}))[ \t]+/u;
const COMPOUND = /^(\d{1,3}(?:\.\d{1,3})+)(\.{0,2})(?=[ \t]|$)/;
const NUMBER = /^(\d{1,3})(?:(\.{1,2}|°)(?=[ \t]|$)|(\))\.?|(?=[ \t]))/;
const PAREN_NUMBER = /^\((\d{1,2})\)(?=[ \t])/;
const LETTER = /^\(?([a-z])(\.|\))(?=[ \t])/;
const PAREN_LETTER = /^\(([a-z])\)(?=[ \t])/;
const UPPER = /^([A-Z])(\.|\)|:)(?=[ \t])/;
const ROMAN = /^\(?(i{1,3}|iv|vi{0,3}|ix|xi{0,3})(\.|\))(?=[ \t])/;
const ROMAN_UPPER = /^(I{1,3}|IV|VI{0,3}|IX|XI{0,3})(\.|\))(?=[ \t])/;

export function romanValue(s: string): number {
    const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
    let total = 0;
    const t = s.toLowerCase();
    for (let i = 0; i < t.length; i++) {
        const a = v[t[i]] ?? 0;
        const b = v[t[i + 1]] ?? 0;
        total += a < b ? -a : a;
    }
    return total;
}

/**
 * The label at the start of a line. Letters that are also roman numerals (i, v, x, I, V, X) are reported
 * as letters; the parser reinterprets them when a roman list is open.
 */
export function readLabel(text: SourceText): Label | undefined {
    const s = text.text;
    let i = 0;
    let bullet: string | undefined;
    const b = BULLET.exec(s);
    if (b) {
        bullet = b[1];
        i = b[0].length;
    }
    const rest = s.slice(i);
    const make = (style: LabelStyle, label: string, numbers: number[], closer: string, length: number): Label => {
        let r = i + length;
        while (r < s.length && /[ \t]/.test(s[r])) r++;
        return { text: label, style, numbers, closer, bullet, start: i, at: text.position(i), restStart: r, rest: text.slice(r) };
    };
    let m: RegExpExecArray | null;
    if ((m = COMPOUND.exec(rest))) return make('compound', m[1], m[1].split('.').map(Number), m[2], m[0].length);
    if ((m = NUMBER.exec(rest)) && (m[2] || m[3] || bullet)) {
        return make(m[2] === '°' ? 'degree' : 'number', m[1], [Number(m[1])], m[2] ?? m[3] ?? '', m[0].length);
    }
    if ((m = PAREN_NUMBER.exec(rest))) return make('number', m[1], [Number(m[1])], ')', m[0].length);
    if ((m = ROMAN.exec(rest)) && m[1].length > 1) return make('roman', m[1], [romanValue(m[1])], m[2], m[0].length);
    if ((m = PAREN_LETTER.exec(rest)) || (m = LETTER.exec(rest))) {
        return make('letter', m[1], [m[1].charCodeAt(0) - 96], m[2] ?? ')', m[0].length);
    }
    if ((m = ROMAN_UPPER.exec(rest)) && m[1].length > 1) return make('ROMAN', m[1], [romanValue(m[1])], m[2], m[0].length);
    if ((m = UPPER.exec(rest))) return make('upper', m[1], [m[1].charCodeAt(0) - 64], m[2], m[0].length);
    if (bullet) return make('bullet', '', [], '', 0);
    return undefined;
}

/** A number without closer at the start of a line ("25 Periodiek gesprek"): only a heading candidate. */
export function readBareNumber(text: SourceText): { number: number; rest: SourceText } | undefined {
    const m = /^(\d{1,3})[ \t]+(?=\p{Lu})/u.exec(text.text);
    return m ? { number: Number(m[1]), rest: text.slice(m[0].length) } : undefined;
}

export interface ArtikelHeading {
    /** The number; undefined when it is struck through (tracked-change residue) or missing. */
    number?: number;
    /** The number as written, "~~130~~" included. */
    numberText: string;
    title: SourceText;
    /** Offset of the number in the line's text. */
    numberStart: number;
}

const ARTIKEL = /^(?:[-•][ \t]+)?artikel[ \t]+(~~[ \t]*\d+[ \t]*~~|\d{1,3})(?![.\d]*\d)[ \t]*[.:]?[ \t]*/i;

export function readArtikelHeading(text: SourceText): ArtikelHeading | undefined {
    const m = ARTIKEL.exec(text.text);
    if (!m) return undefined;
    const title = text.slice(m[0].length).trim();
    if (title.length > 160 || /[.;,]$/.test(title.text) && title.length > 60) return undefined;
    if (/^[:=]/.test(title.text)) return undefined;
    const struck = m[1].startsWith('~~');
    return {
        number: struck ? undefined : Number(m[1]), numberText: m[1], title,
        numberStart: m[0].indexOf(m[1])
    };
}

export interface BijlageHeading {
    /** Words before "bijlage" ("Verantwoordingsprotocol bijlage 1: …"): a bijlage of a bijlage. */
    prefix?: SourceText;
    /** "2", "2A", or undefined ("Bijlage:"). */
    number?: string;
    title: SourceText;
    numberStart: number;
}

const BIJLAGE = /^(?:(\p{Lu}[\p{L} -]{0,60}?)[ \t]+)?(?:[Bb]ijlage|BIJLAGE|[Aa]nnex|ANNEX)(?:[ \t]+(\d{1,2}[A-Z]?))?(?![\p{L}\d])[ \t]*([:.])?[ \t]*/u;

export function readBijlageHeading(text: SourceText): BijlageHeading | undefined {
    if (/^[-•]/.test(text.text)) return undefined;
    const m = BIJLAGE.exec(text.text);
    if (!m) return undefined;
    if (!m[2] && m[3] !== ':') return undefined;
    const title = text.slice(m[0].length).trim();
    if (title.length > 140 || /[.;,]$/.test(title.text) && !/\)\.?$/.test(title.text) && title.length > 40) return undefined;
    if (m[1] && /\b(?:de|het|in|van|op|zie|conform|en)$/i.test(m[1])) return undefined;
    return {
        prefix: m[1] ? text.slice(0, m[1].length) : undefined, number: m[2], title,
        numberStart: m[2] ? m[0].indexOf(m[2], m[1]?.length ?? 0) : 0
    };
}

export function isTocHeading(text: SourceText): boolean {
    return /^(?:inhoudsopgave|inhoud)$/i.test(text.text.trim());
}

export interface HoofdstukHeading {
    number?: number;
    title: SourceText;
    numberStart: number;
}

/** "Paragraaf 2 Procedure meldingen", "Hoofdstuk 3. Financiën". */
export function readHoofdstukHeading(text: SourceText): HoofdstukHeading | undefined {
    const m = /^(?:paragraaf|hoofdstuk)[ \t]+(\d{1,2})\.?[ \t]+/i.exec(text.text);
    if (!m) return undefined;
    const title = text.slice(m[0].length).trim();
    if (title.length > 100 || /[.;]$/.test(title.text)) return undefined;
    return { number: Number(m[1]), title, numberStart: m[0].indexOf(m[1]) };
}

/** A line in capitals that names a part of the agreement: "BIJZONDERE BEPALINGEN …". */
export function isCapsHeading(text: SourceText): boolean {
    const t = text.text.trim();
    const letters = t.replace(/[^\p{L}]/gu, '');
    return letters.length >= 10 && letters === letters.toUpperCase() && /\p{L}+[ \t]+\p{L}+/u.test(t)
        && t.length <= 120 && !/[.;:]$/.test(t);
}

export function isToelichtingHeading(text: SourceText): boolean {
    return /^toelichting\b/i.test(text.text) && text.length <= 60 && !/[.;]$/.test(text.text);
}

export function isOverwegingenStart(text: SourceText): boolean {
    return /^(?:in aanmerking nemend|overwegende|nemen in aanmerking|partijen overwegen)\b/i.test(text.text) && text.length <= 120;
}

export function isOverwegingenEnd(text: SourceText): boolean {
    return /\b(?:komen als volgt overeen|verklaren als volgt|overeengekomen als volgt|komen overeen als volgt)\b/i.test(text.text)
        && text.length <= 120;
}

export function isPartiesStart(text: SourceText): boolean {
    return /^(?:navolgende partijen|de ondergetekenden|ondergetekenden|partijen)[ \t]*:?$/i.test(text.text.trim());
}

/** The opening words of a signature block. */
export function isSignatureStart(text: SourceText): boolean {
    return /^(?:aldus\b|op deze wijze\b|zo overeengekomen\b|voor akkoord\b|getekend\b|ondertekend te\b)/i.test(text.text);
}

/** An empty form field ("Naam:", "Datum :"), typical of signature blocks and forms. */
export function isFormField(text: SourceText): boolean {
    return /^(?:naam|functie|plaats|datum|handtekening|de heer\/mevrouw)(?:[^:]{0,30})?[ \t]*:[ \t]*$/i.test(text.text);
}

export interface Footnote {
    marker: string;
    rest: SourceText;
}

const SUPERSCRIPT = '¹²³⁴⁵⁶⁷⁸⁹⁰';

export function readFootnote(text: SourceText): Footnote | undefined {
    const m = new RegExp(`^([${SUPERSCRIPT}]+)[ \\t]+`).exec(text.text);
    return m ? { marker: m[1], rest: text.slice(m[0].length) } : undefined;
}

export function superscriptValue(marker: string): number {
    return Number([...marker].map(c => SUPERSCRIPT.indexOf(c) === 9 ? '0' : String(SUPERSCRIPT.indexOf(c) + 1)).join(''));
}

/** Cells of a tab-separated row (at least two cells, one of them filled). */
export function tableCells(line: CleanLine): SourceText[] | undefined {
    const t = line.text;
    if (!t.text.includes('\t')) return undefined;
    const cells: SourceText[] = [];
    let start = 0;
    for (let i = 0; i <= t.length; i++) {
        if (i === t.length || t.text[i] === '\t') {
            cells.push(t.slice(start, i).trim());
            start = i + 1;
        }
    }
    while (cells.length > 1 && cells[cells.length - 1].length === 0) cells.pop();
    // Trimming the line lost its leading empty cells ("\tFWG-15\t€ 2.218"): put them back.
    const leading = /^[ ]*(\t*)/.exec(line.raw)![1].length;
    for (let k = 0; k < leading; k++) cells.unshift(t.slice(0, 0));
    return cells.length >= 2 ? cells : undefined;
}

/** Whether a line ends a sentence (so that the next line is not its continuation). */
export function endsSentence(text: string): boolean {
    return /[.:;!?]["'”’)]*$/.test(text.trim());
}

/** A line that continues the previous one: split by a page break or a hyphenated word. */
export function continues(previous: string, next: string): boolean {
    const p = previous.trim();
    const n = next.trim();
    if (!p || !n) return false;
    if (/-$/.test(p) && /^\p{Ll}/u.test(n)) return true;
    if (endsSentence(p)) return false;
    // A page break in a long sentence ("… aan alle bepalingen uit de" / "Overeenkomst, de daaraan …"); a short
    // line without a full stop is a heading instead.
    return /^\p{Ll}/u.test(n) || /[\p{Ll},]$/u.test(p) && p.split(/\s+/).length >= 8 && /^\p{Lu}\p{Ll}+[ ,]/u.test(n) && !/:$/.test(n);
}

/** A short unnumbered heading ("Inschaling", "Doelen en resultaten", "1. Kosten beroepskracht") on its own line. */
export function isSubheading(text: string): boolean {
    const t = text.trim();
    const words = t.split(/\s+/);
    return words.length <= 8 && t.length <= 70 && /^(?:\d{1,2}\.?[a-z]?\s+)?\p{Lu}/u.test(t) && !/[.:;,!?]$/.test(t) && !t.includes('\t');
}
