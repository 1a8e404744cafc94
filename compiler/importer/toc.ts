/**
 * The table of contents. It is never emitted as text (the language computes it), but kept as a comment and
 * compared with the body: entries the body lacks, artikelen the table omits, titles and numbers that drifted.
 */
import { clip } from './body.js';
import type { FindingCollector } from './findings.js';
import { ImportCodes } from './findings.js';
import { isTocHeading } from './lines.js';
import type { CleanLine } from './markup.js';
import type { ArtikelNode, BijlageNode, TocEntry } from './model.js';

export interface Toc {
    start: number;
    /** Index after the last line of the table. */
    end: number;
    entries: TocEntry[];
    /** The lines as written (markup removed), for the comment. */
    lines: string[];
}

const PAGE = /(?:[ \t]*\.{2,}|…)?[ \t]*\t[ \t]*\d{1,3}$|(?:\.{3,}|…)[ \t]*\d{1,3}$/;
const ARTIKEL_ENTRY = /^artikel[ \t]+(\d{1,3})[ \t]*[.:]?[ \t]*(.*)$/i;
const BIJLAGE_ENTRY = /^(?:bijlage|annex)[ \t]+(\d{1,2}[A-Z]?)[ \t]*[:.]?[ \t]*(.*)$/i;

function entryOf(line: CleanLine): TocEntry | undefined {
    const raw = line.text.text;
    const hasPage = PAGE.test(raw);
    const text = raw.replace(PAGE, '').replace(/[ \t]*(?:\.{2,}|…)[ \t]*$/, '').trim();
    const column = line.text.start.column;
    let m = ARTIKEL_ENTRY.exec(text);
    if (m) return { kind: 'artikel', number: m[1], title: m[2].replace(/\t/g, ' ').trim(), line: line.line, column };
    m = BIJLAGE_ENTRY.exec(text);
    if (m) return { kind: 'bijlage', number: m[1], title: m[2].replace(/\t/g, ' ').trim(), line: line.line, column };
    if (hasPage || /^bijlagen$/i.test(text)) return { kind: 'overig', title: text, line: line.line, column };
    return undefined;
}

/** The table of contents starting at `start` (its heading), or undefined if there is none there. */
export function readToc(lines: readonly CleanLine[], start: number): Toc | undefined {
    if (!isTocHeading(lines[start].text)) return undefined;
    const entries: TocEntry[] = [];
    const kept: string[] = [lines[start].text.text];
    let end = start + 1;
    let blank = false;
    for (let i = start + 1; i < lines.length; i++) {
        const line = lines[i];
        if (line.text.length === 0) {
            blank = true;
            continue;
        }
        const entry = entryOf(line);
        if (!entry) break;
        // After a blank line only a sub-heading ("Bijlagen") or an entry with a page number continues the table;
        // a body heading looks like an entry but has no page number.
        if (blank && entries.length > 0 && !(PAGE.test(line.text.text) || /^bijlagen$/i.test(entry.title))) break;
        if (entries.length > 0 && entries[0].title === entry.title && entries[0].number === entry.number) break;
        entries.push(entry);
        kept.push(line.text.text);
        end = i + 1;
        blank = false;
    }
    return entries.length ? { start, end, entries, lines: kept } : undefined;
}

function normalise(title: string): string {
    return title.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
}

function words(title: string): Set<string> {
    return new Set(title.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(w => w.length > 3));
}

function similar(a: string, b: string): boolean {
    const x = words(a);
    const y = words(b);
    if (x.size === 0 || y.size === 0) return false;
    let shared = 0;
    for (const w of x) if (y.has(w) || [...y].some(v => v.startsWith(w.slice(0, 6)) || w.startsWith(v.slice(0, 6)))) shared++;
    return shared / Math.min(x.size, y.size) >= 0.6;
}

interface BodyEntry {
    kind: 'artikel' | 'bijlage';
    number: string;
    title: string;
    line: number;
    column: number;
}

/** Compares the table of contents with the artikelen and bijlagen of the body. */
export function compareToc(toc: Toc, artikelen: ArtikelNode[], bijlagen: BijlageNode[], findings: FindingCollector): void {
    const body: BodyEntry[] = [
        ...artikelen.filter(a => a.number !== undefined).map(a => ({
            kind: 'artikel' as const, number: String(a.number), title: a.title.text, line: a.line, column: a.numberPosition.column
        })),
        ...bijlagen.filter(b => !b.fromToc && b.numberText).map(b => ({
            kind: 'bijlage' as const, number: b.numberText!, title: b.title.text, line: b.line, column: b.numberPosition.column
        }))
    ];
    const matched = new Set<BodyEntry>();
    const label = (k: string) => k === 'artikel' ? 'Artikel' : 'Bijlage';
    for (const e of toc.entries) {
        if (e.kind === 'overig') continue;
        const same = body.filter(b => b.kind === e.kind);
        const byTitle = same.find(b => !matched.has(b) && normalise(b.title) === normalise(e.title))
            ?? same.find(b => !matched.has(b) && b.number !== e.number && similar(b.title, e.title) && !same.some(s => s.number === e.number && normalise(s.title) === normalise(e.title)));
        const byNumber = same.find(b => b.number === e.number);
        const at = { line: e.line, column: e.column };
        if (byNumber && normalise(byNumber.title) === normalise(e.title)) {
            matched.add(byNumber);
        } else if (byTitle && byTitle.number !== e.number) {
            matched.add(byTitle);
            findings.add(ImportCodes.TocMismatch, 'warning',
                `De inhoudsopgave noemt '${clip(e.title)}' als ${label(e.kind).toLowerCase()} ${e.number}, maar in de tekst is het ${label(e.kind).toLowerCase()} ${byTitle.number} (regel ${byTitle.line}).`, at);
        } else if (byNumber && (!byTitle || byTitle === byNumber)) {
            matched.add(byNumber);
            findings.add(ImportCodes.TocMismatch, 'warning',
                `De inhoudsopgave noemt ${label(e.kind).toLowerCase()} ${e.number} '${clip(e.title)}', maar in de tekst heet het '${clip(byNumber.title)}' (regel ${byNumber.line}).`, at);
        } else {
            findings.add(ImportCodes.TocMismatch, 'warning',
                `De inhoudsopgave noemt ${label(e.kind).toLowerCase()} ${e.number} '${clip(e.title)}', maar die staat niet in de tekst.`, at);
        }
    }
    for (const b of body) {
        if (matched.has(b)) continue;
        findings.add(ImportCodes.TocMismatch, 'warning',
            `${label(b.kind)} ${b.number} '${clip(b.title)}' staat niet in de inhoudsopgave (regels ${toc.start + 1}–${toc.end}).`,
            { line: b.line, column: b.column });
    }
}
