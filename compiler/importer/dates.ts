/**
 * Dates and durations the import can read ("1 januari 2021", "01-01-2019", "twee jaar") and the
 * contradictions between them: a stated duration that does not fit the stated period, a looptijd of four
 * years that ends after three, two different start dates for the same agreement.
 */
import { Temporal } from 'temporal-polyfill';
import { clip } from './body.js';
import type { FindingCollector } from './findings.js';
import { ImportCodes } from './findings.js';
import type { SourceText } from './source.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const NUMBER_WORDS: Record<string, number> = {
    een: 1, 'één': 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12
};

export interface DutchDate {
    date: Temporal.PlainDate;
    iso: string;
    index: number;
    length: number;
}

const DATE = new RegExp(`\\b(\\d{1,2})[ \\t]+(${MONTHS.join('|')})[ \\t]+(\\d{4})\\b|\\b(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4}|\\d{2})\\b`, 'gi');

function toDate(m: RegExpMatchArray): Temporal.PlainDate | undefined {
    try {
        if (m[1]) return Temporal.PlainDate.from({ year: Number(m[3]), month: MONTHS.indexOf(m[2].toLowerCase()) + 1, day: Number(m[1]) }, { overflow: 'reject' });
        const year = m[6].length === 2 ? 2000 + Number(m[6]) : Number(m[6]);
        return Temporal.PlainDate.from({ year, month: Number(m[5]), day: Number(m[4]) }, { overflow: 'reject' });
    } catch {
        return undefined;
    }
}

export function findDates(text: string): DutchDate[] {
    const out: DutchDate[] = [];
    for (const m of text.matchAll(DATE)) {
        const date = toDate(m);
        if (date) out.push({ date, iso: date.toString(), index: m.index!, length: m[0].length });
    }
    return out;
}

export function parseDutchDate(text: string): DutchDate | undefined {
    return findDates(text)[0];
}

function amount(word: string): number | undefined {
    return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
}

function months(unit: string, n: number): number {
    return /^jaar|^jaren/i.test(unit) ? n * 12 : n;
}

/** Whole months from a to b when the days line up (1 januari → 1 januari), otherwise undefined. */
function monthsBetween(a: Temporal.PlainDate, b: Temporal.PlainDate): number | undefined {
    const d = a.until(b, { largestUnit: 'months' });
    return d.days === 0 ? d.months + d.years * 12 : undefined;
}

const DURATION = '(\\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)[ \\t]+(jaar|jaren|maanden|maand|kalendermaanden)';
const DATE_SRC = `(?:\\d{1,2}[ \\t]+(?:${MONTHS.join('|')})[ \\t]+\\d{4}|\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4})`;

export interface DatedText {
    text: SourceText;
    /** Part of the main agreement (not of a bijlage or protocol). */
    main: boolean;
}

const RANGE = new RegExp(`${DURATION}[ \\t]*\\((?:van[ \\t]+)?(${DATE_SRC})[ \\t]+(tot en met|t\\/m|tot)[ \\t]+(${DATE_SRC})\\)`, 'gi');
const LOOPTIJD = new RegExp(`looptijd van[ \\t]+${DURATION}`, 'i');
const FROM = new RegExp(`(?:gaat in|ingaande|ingang)[^.]*?(${DATE_SRC})`, 'i');
const TO = new RegExp(`eindigt[^.]*?(${DATE_SRC})`, 'i');
const START = new RegExp(`(?:gaat[ \\t]+in|treedt[ \\t]+in[ \\t]+werking|ingaande)[ \\t]+(?:op[ \\t]+)?(${DATE_SRC})`, 'gi');

/** "Transformatieperiode: tijdvak van 2016 tot 2019", "de periode 2016 - 2018 als transformatieperiode". */
const PERIOD = /\b(\p{L}*periode)\b(?:(?!periode)[^.;]){0,40}?\b(?:van[ \t]+)?((?:19|20)\d\d)[ \t]*(-|–|tot en met|t\/m|tot)[ \t]*((?:19|20)\d\d)\b/giu;
const PERIOD_AFTER = /\bperiode[ \t]+((?:19|20)\d\d)[ \t]*(-|–|tot en met|t\/m|tot)[ \t]*((?:19|20)\d\d)[ \t]+als[ \t]+(\p{L}*periode)\b/giu;

interface Period {
    name: string;
    from: string;
    to: string;
    /** 'tot' may or may not include the last year; only mentions with the same word are compared. */
    kind: 'tot' | 'tot en met';
    written: string;
    text: SourceText;
    index: number;
}

function periodKind(connector: string): Period['kind'] {
    return connector.toLowerCase() === 'tot' ? 'tot' : 'tot en met';
}

export function dateFindings(texts: readonly DatedText[], findings: FindingCollector): void {
    const starts: Array<{ iso: string; text: SourceText; index: number }> = [];
    const periods: Period[] = [];
    for (const { text, main } of texts) {
        const s = text.text;
        if (!/\d/.test(s)) continue;
        for (const m of s.matchAll(PERIOD)) {
            if (/^periode$/i.test(m[1])) continue;
            periods.push({ name: m[1].toLowerCase(), from: m[2], to: m[4], kind: periodKind(m[3]), written: m[0], text, index: m.index! });
        }
        for (const m of s.matchAll(PERIOD_AFTER)) {
            periods.push({ name: m[4].toLowerCase(), from: m[1], to: m[3], kind: periodKind(m[2]), written: m[0], text, index: m.index! });
        }
        // "twee jaar (van 1 januari 2021 tot en met 31 december 2021)"
        for (const m of s.matchAll(RANGE)) {
            const stated = months(m[2], amount(m[1]) ?? 0);
            const from = parseDutchDate(m[3])?.date;
            let to = parseDutchDate(m[5])?.date;
            if (!from || !to) continue;
            if (m[4].toLowerCase() !== 'tot') to = to.add({ days: 1 });
            const actual = monthsBetween(from, to);
            if (actual !== undefined && actual !== stated) {
                findings.add(ImportCodes.DateInconsistent, 'warning',
                    `'${clip(m[0], 90)}': ${m[1]} ${m[2]} past niet bij de genoemde periode van ${describeMonths(actual)}.`, text.position(m.index!));
            }
        }
        // "looptijd van vier jaar en gaat in op 1 januari 2021 en eindigt … op 31 december 2024"
        const looptijd = LOOPTIJD.exec(s);
        if (looptijd) {
            const from = FROM.exec(s.slice(looptijd.index));
            const to = TO.exec(s.slice(looptijd.index));
            const a = from && parseDutchDate(from[1])?.date;
            const b = to && parseDutchDate(to[1])?.date;
            if (a && b) {
                const actual = monthsBetween(a, b.add({ days: 1 }));
                const stated = months(looptijd[2], amount(looptijd[1]) ?? 0);
                if (actual !== undefined && actual !== stated) {
                    findings.add(ImportCodes.DateInconsistent, 'warning',
                        `De looptijd van ${looptijd[1]} ${looptijd[2]} past niet bij ${from![1]} tot en met ${to![1]} (${describeMonths(actual)}).`,
                        text.position(looptijd.index));
                }
            }
        }
        if (!main) continue;
        for (const m of s.matchAll(START)) {
            const sentence = sentenceAround(s, m.index!);
            if (!/overeenkomst/i.test(sentence)) continue;
            const iso = parseDutchDate(m[1])?.iso;
            if (iso) starts.push({ iso, text, index: m.index! });
        }
    }
    periods.forEach((p, i) => {
        const earlier = periods.slice(0, i).find(q => q.name === p.name && q.kind === p.kind && (q.from !== p.from || q.to !== p.to));
        if (!earlier) return;
        findings.add(ImportCodes.DateInconsistent, 'warning',
            `Tegenstrijdige periode: '${clip(p.written, 70)}' (${p.from} ${p.kind} ${p.to}), op regel ${earlier.text.position(earlier.index).line} ${earlier.from} ${earlier.kind} ${earlier.to}.`,
            p.text.position(p.index));
    });
    const first = starts[0];
    for (const other of starts.slice(1)) {
        if (other.iso === first.iso) continue;
        const p = first.text.position(first.index);
        findings.add(ImportCodes.DateInconsistent, 'warning',
            `Tegenstrijdige ingangsdatum: hier ${other.iso}, op regel ${p.line} ${first.iso}.`, other.text.position(other.index));
    }
}

function describeMonths(n: number): string {
    return n % 12 === 0 ? `${n / 12} jaar` : `${n} maanden`;
}

function sentenceAround(s: string, index: number): string {
    const before = s.lastIndexOf('. ', index);
    const after = s.indexOf('. ', index);
    return s.slice(before < 0 ? 0 : before, after < 0 ? s.length : after);
}
