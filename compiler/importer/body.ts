/**
 * The body of an agreement or of a bijlage, line by line: artikelen, leden ("1.1" and "1." style), onderdelen
 * (a/b/c, 1°, i/ii, I/II, 6.3.1, bullets) nested by label style rather than by the (often broken) indentation,
 * hoofdstukken, begrippen lists, tables, footnotes, a signature block and a toelichting section.
 *
 * Every line lands in exactly one element and elements are only ever appended at the end, so the source
 * order of the words is the order of the output.
 */
import type { FindingCollector } from './findings.js';
import { ImportCodes } from './findings.js';
import type { Label } from './lines.js';
import {
    continues, endsSentence, isCapsHeading, isSignatureStart, isSubheading, isToelichtingHeading, readArtikelHeading,
    readBareNumber, readFootnote, readHoofdstukHeading, readLabel, romanValue, tableCells
} from './lines.js';
import type { CleanLine } from './markup.js';
import type {
    ArtikelContent, ArtikelNode, BegripNode, HoofdstukNode, LidNode, ListNode, ListStyle, Member, OndertekeningNode,
    OnderdeelNode, Paras, TabelNode, TekstNode
} from './model.js';
import type { SourceText } from './source.js';

export interface BodyOptions {
    scope: 'document' | 'bijlage';
    findings: FindingCollector;
    /** Line indexes where a signature block starts without an opening phrase. */
    signatureStarts?: ReadonlySet<number>;
    /** Line indexes of numbered section headings that act as artikelen ("1. Wijze van …" in a bijlage). */
    sectionHeadings?: ReadonlySet<number>;
    /** The whole body is a list of definitions (a bijlage "Definities"). */
    begrippen?: boolean;
}

interface Frame {
    list: ListNode;
}

const BEGRIPPEN_TITLE = /\b(?:begrip|begrippen|definitie|definities|begripsbepalingen)\b/i;
/** "Term: definitie" with a short term. */
const TERM_DEFINITION = /^(["“”'‘]?[\p{Lu}"“][^:]{0,70}?["”’]?)[ \t]*(?:\(([^)]{1,20})\))?[ \t]*:[ \t]+(?=\S)/u;

export class BodyParser {
    readonly members: Member[] = [];
    private hoofdstuk?: HoofdstukNode;
    private artikel?: ArtikelNode;
    private lid?: LidNode;
    private stack: Frame[] = [];
    private table?: TabelNode;
    private mode: 'body' | 'signature' | 'toelichting' = 'body';
    private signature?: OndertekeningNode;
    /** The paragraphs the last line went into, and that line's text. */
    private target?: Paras;
    private lastText = '';
    private lastArtikelNumber = 0;
    private definitionsOpen: boolean;
    /** Text before the signature block, to recognise a sentence it interrupts. */
    private beforeSignature = '';
    private blankBefore = true;
    /** The line being read follows a blank line. */
    private afterBlank = false;

    constructor(readonly options: BodyOptions) {
        this.definitionsOpen = !!options.begrippen;
    }

    feedAll(lines: readonly CleanLine[]): Member[] {
        for (const line of lines) this.feed(line);
        return this.finish();
    }

    finish(): Member[] {
        this.closeTable();
        return this.members;
    }

    feed(line: CleanLine): void {
        const t = line.text;
        if (t.length === 0) {
            this.closeTable();
            this.blankBefore = true;
            return;
        }
        const blank = this.blankBefore;
        this.blankBefore = false;
        if (this.mode === 'signature') {
            if (!this.endsSignature(line)) {
                this.signature!.paras.push(t);
                this.lastText = t.text;
                return;
            }
            this.mode = 'body';
            if (continues(this.beforeSignature, t.text)) {
                this.options.findings.add(ImportCodes.TextSplit, 'warning',
                    `De tekst vóór het ondertekeningsblok (regel ${this.signature!.line}) loopt hier door: '${clip(t.text)}'. `
                    + 'Het ondertekeningsblok staat midden in een bepaling.', t.start);
            }
        }
        if (this.mode === 'toelichting') {
            this.feedToelichting(line);
            return;
        }
        if (readFootnote(t)) {
            this.addLoose(t, 'tekst');
            return;
        }
        if (this.options.scope === 'document' && (isSignatureStart(t) || this.options.signatureStarts?.has(line.index))) {
            this.startSignature(line);
            return;
        }
        if (isToelichtingHeading(t) && (this.options.scope === 'bijlage' || this.lastArtikelNumber > 0)) {
            this.closeArtikel();
            this.hoofdstuk = undefined;
            this.mode = 'toelichting';
            this.feedToelichting(line);
            return;
        }
        const heading = readArtikelHeading(t);
        if (heading) {
            this.startArtikel(line, heading.number, heading.title, t.position(heading.numberStart));
            if (heading.number === undefined) {
                this.artikel!.comments.push(`Artikel ${heading.numberText}`);
            }
            return;
        }
        if (this.options.sectionHeadings?.has(line.index)) {
            const label = readLabel(t)!;
            this.startArtikel(line, label.numbers[0], label.rest.trim(), t.position(label.start));
            return;
        }
        const bare = readBareNumber(t);
        if (bare && this.lastArtikelNumber > 0 && bare.number === this.lastArtikelNumber + 1 && !endsSentence(t.text)
            && bare.rest.length <= 100 && !t.text.includes('\t')) {
            this.options.findings.add(ImportCodes.HeadingIncomplete, 'info',
                `Artikelkop zonder het woord 'Artikel': '${clip(t.text)}' is gelezen als artikel ${bare.number}.`, t.start);
            this.startArtikel(line, bare.number, bare.rest.trim(), t.start);
            return;
        }
        const hoofdstuk = readHoofdstukHeading(t);
        if (hoofdstuk || isCapsHeading(t) && this.lastArtikelNumber > 0 && !tableCells(line)) {
            this.startHoofdstuk(line, hoofdstuk?.number, hoofdstuk?.title ?? t);
            return;
        }
        const cells = tableCells(line);
        if (cells && this.definitionsOpen && this.tabDefinition(cells, line)) return;
        if (cells) {
            this.addTableRow(cells, line);
            return;
        }
        this.closeTable();
        if (this.definitionLine(line)) return;
        const label = readLabel(t);
        if (label && this.addLabelled(label, line)) return;
        this.afterBlank = blank;
        this.addText(t);
    }

    // ------------------------------------------------------------------ elements

    private startArtikel(line: CleanLine, number: number | undefined, title: SourceText, numberPosition: { line: number; column: number }): void {
        this.closeArtikel();
        const artikel: ArtikelNode = {
            kind: 'artikel', number, title, line: line.line, numberPosition, content: [], comments: [],
            begrippen: BEGRIPPEN_TITLE.test(title.text), looseLabels: []
        };
        this.artikel = artikel;
        this.definitionsOpen = artikel.begrippen;
        this.lastArtikelNumber = number ?? this.lastArtikelNumber + 1;
        if (this.hoofdstuk) this.hoofdstuk.members.push(artikel);
        else this.members.push(artikel);
        this.target = undefined;
        this.lastText = title.text;
    }

    private startHoofdstuk(line: CleanLine, number: number | undefined, title: SourceText): void {
        this.closeArtikel();
        this.hoofdstuk = { kind: 'hoofdstuk', number, title, line: line.line, members: [] };
        this.members.push(this.hoofdstuk);
        this.target = undefined;
        this.lastText = title.text;
    }

    private closeArtikel(): void {
        this.closeTable();
        this.artikel = undefined;
        this.lid = undefined;
        this.stack = [];
        this.target = undefined;
    }

    private startSignature(line: CleanLine): void {
        this.beforeSignature = this.lastText;
        this.closeArtikel();
        this.hoofdstuk = undefined;
        this.signature = { kind: 'ondertekening', paras: [line.text], line: line.line };
        this.members.push(this.signature);
        this.mode = 'signature';
        this.lastText = line.text.text;
    }

    private endsSignature(line: CleanLine): boolean {
        const t = line.text;
        return !!readArtikelHeading(t) || !!readHoofdstukHeading(t) || isToelichtingHeading(t)
            || continues(this.beforeSignature, t.text) && /^\p{Ll}/u.test(t.text) && t.text.split(/\s+/).length >= 4;
    }

    private feedToelichting(line: CleanLine): void {
        const cells = tableCells(line);
        if (cells) {
            this.addTableRow(cells, line);
            return;
        }
        this.closeTable();
        const last = this.members[this.members.length - 1];
        if (last?.kind === 'toelichting' && this.target === last.paras && continues(this.lastText, line.text.text)) {
            this.join(last.paras, line.text);
            return;
        }
        const node: TekstNode = { kind: 'toelichting', paras: [line.text] };
        this.members.push(node);
        this.target = node.paras;
        this.lastText = line.text.text;
    }

    // ------------------------------------------------------------------ begrippen

    /** "1) Term: definitie", "Term:\tdefinitie" in a list of definitions; false when the line is something else. */
    private definitionLine(line: CleanLine): boolean {
        const t = line.text;
        if (!this.definitionsOpen) {
            if (!this.artikel && /^(?:definities|begrippen|begripsbepalingen)$|verstaan onder:?$/i.test(t.text)) this.definitionsOpen = true;
            return false;
        }
        const label = readLabel(t);
        // Leden that define terms stay leden (see addLid); an unnumbered line is text, not a definition.
        if (!label || !['number', 'bullet'].includes(label.style)) return false;
        const body = label.rest;
        const m = TERM_DEFINITION.exec(body.text);
        if (!m || m[1].split(/\s+/).length > 8) return false;
        const term = body.slice(0, m[1].length);
        const begrip: BegripNode = {
            kind: 'begrip', term, line: line.line, variants: [],
            abbreviation: m[2] ? body.slice(m[0].indexOf('(' + m[2]) + 1, m[0].indexOf('(' + m[2]) + 1 + m[2].length) : undefined,
            definition: [body.slice(m[0].length)], label: label.text
        };
        this.addContent(begrip);
        this.target = begrip.definition;
        this.lastText = t.text;
        return true;
    }

    /** "Aannemer:\tDe Opdrachtnemer …": a definition laid out as a two-column table. */
    private tabDefinition(cells: SourceText[], line: CleanLine): boolean {
        if (cells.length !== 2 || cells[1].length === 0) return false;
        const term = cells[0].text.replace(/:$/, '');
        if (!/^\p{Lu}/u.test(term) || term.split(/\s+/).length > 5) return false;
        this.closeTable();
        const begrip: BegripNode = {
            kind: 'begrip', term: cells[0].slice(0, term.length), line: line.line, variants: [], definition: [cells[1]]
        };
        this.addContent(begrip);
        this.target = begrip.definition;
        this.lastText = line.text.text;
        return true;
    }

    // ------------------------------------------------------------------ labelled lines

    private addLabelled(label: Label, line: CleanLine): boolean {
        const artikel = this.artikel;
        if (!artikel) return false;
        const lidIsLast = !!this.lid && artikel.content[artikel.content.length - 1] === this.lid;
        switch (label.style) {
            case 'compound': {
                const [a, b, c] = label.numbers;
                if (label.numbers.length === 2 && (artikel.number === undefined || a === artikel.number)) {
                    this.addLid(label, b, 'samengesteld', line);
                    return true;
                }
                if (label.numbers.length === 3 && this.lid && lidIsLast && a === artikel.number && b === this.lid.number) {
                    this.addOnderdeel(label, 'decimaal', c, line);
                    return true;
                }
                if (label.numbers.length === 2 && artikel.ledenStyle === 'samengesteld') {
                    this.options.findings.add(ImportCodes.NumberingDuplicate, 'warning',
                        `Lid ${label.text} staat in artikel ${artikel.number ?? '?'}: het artikelnummer in het lidnummer klopt niet.`,
                        line.text.position(label.start));
                    this.addLid(label, b, 'samengesteld', line);
                    return true;
                }
                return false;
            }
            case 'number':
            case 'degree': {
                const n = label.numbers[0];
                if (label.style === 'degree') return this.addOnderdeel(label, 'graden', n, line);
                const cijfers = this.openList('cijfers');
                if (cijfers && lidIsLast && n === lastNumber(cijfers.list) + 1) return this.addOnderdeel(label, 'cijfers', n, line);
                if (!this.lid) {
                    if (artikel.ledenStyle === 'samengesteld') return false;
                    this.addLid(label, n, 'los', line);
                    return true;
                }
                if (artikel.ledenStyle === 'samengesteld') return lidIsLast ? this.addOnderdeel(label, 'cijfers', n, line) : false;
                if (n === 1 && lidIsLast && /:$/.test(this.lastText.trim()) && this.lid.number >= 1 && this.stack.length === 0 && !this.lid.lijst) {
                    return this.addOnderdeel(label, 'cijfers', n, line);
                }
                this.addLid(label, n, 'los', line);
                return true;
            }
            case 'letter':
            case 'upper':
            case 'roman':
            case 'ROMAN': {
                if (!this.lid) {
                    // i) alone starts a roman list, not the ninth letter.
                    const previous = artikel.looseLabels[artikel.looseLabels.length - 1];
                    if (label.style === 'letter' && !(/^[ivx]$/.test(label.text) && (!previous || previous.numbers[0] + 1 !== label.numbers[0]))) {
                        artikel.looseLabels.push(label);
                    }
                    return false;
                }
                if (!lidIsLast) return false;
                const { style, n } = this.listStyleOf(label);
                return this.addOnderdeel(label, style, n, line);
            }
            case 'bullet': {
                if (!this.lid || !lidIsLast) return false;
                if (/^\p{Ll}/u.test(label.rest.text) && continues(this.lastText, label.rest.text)) {
                    this.addText(label.rest);
                    return true;
                }
                if (this.stack.length > 0 || /:$/.test(this.lastText.trim())) return this.addOnderdeel(label, 'streepjes', 0, line);
                return false;
            }
        }
    }

    /** Letters that are roman numerals (i, v, x) are letters when a letters list expects them. */
    private listStyleOf(label: Label): { style: ListStyle; n: number } {
        const text = label.text;
        if (label.style === 'roman' || label.style === 'ROMAN') return { style: 'romeins', n: label.numbers[0] };
        const letters = this.openList('letters');
        const roman = this.openList('romeins');
        const asLetter = label.numbers[0];
        if (/^[ivxIVX]$/.test(text)) {
            if (letters && lastNumber(letters.list) + 1 === asLetter) return { style: 'letters', n: asLetter };
            if (roman && lastNumber(roman.list) + 1 === romanValue(text)) return { style: 'romeins', n: romanValue(text) };
            if (/^[iI]$/.test(text) && !letters) return { style: 'romeins', n: 1 };
        }
        return { style: 'letters', n: asLetter };
    }

    private openList(style: ListStyle): Frame | undefined {
        for (let k = this.stack.length - 1; k >= 0; k--) if (this.stack[k].list.style === style) return this.stack[k];
        return undefined;
    }

    private addLid(label: Label, n: number, style: 'samengesteld' | 'los', line: CleanLine): void {
        const artikel = this.artikel!;
        this.closeTable();
        artikel.ledenStyle ??= style;
        const lid: LidNode = {
            kind: 'lid', label, number: n, paras: [label.rest], slot: [], tables: [], line: line.line
        };
        if (artikel.begrippen) {
            const m = TERM_DEFINITION.exec(label.rest.text);
            if (m && m[1].split(/\s+/).length <= 8) {
                lid.begrip = { kind: 'begrip', term: label.rest.slice(0, m[1].length), line: line.line, variants: [] };
                if (m[2]) {
                    const at = m[0].indexOf('(' + m[2]) + 1;
                    lid.begrip.abbreviation = label.rest.slice(at, at + m[2].length);
                }
            }
        }
        artikel.content.push(lid);
        this.lid = lid;
        this.stack = [];
        this.target = lid.paras;
        this.lastText = line.text.text;
        const first = readLabel(label.rest);
        if (first && !first.bullet && first.style === 'letter' && first.text === 'a') {
            lid.paras = [];
            this.addOnderdeel(first, 'letters', 1, line);
        }
    }

    private addOnderdeel(label: Label, style: ListStyle, n: number, line: CleanLine): boolean {
        const lid = this.lid!;
        const item: OnderdeelNode = { kind: 'onderdeel', label, number: n, paras: [label.rest], slot: [], line: line.line };
        // A continuation of an open list of the same style (the nearest one wins); a gap still continues it.
        for (let k = this.stack.length - 1; k >= 0; k--) {
            const list = this.stack[k].list;
            if (list.style !== style) continue;
            if (style === 'streepjes' || n > lastNumber(list) || k === this.stack.length - 1) {
                this.stack.length = k + 1;
                list.items.push(item);
                this.afterOnderdeel(item, line);
                return true;
            }
        }
        const list: ListNode = { style, items: [item] };
        const owner = this.stack.length ? lastItem(this.stack[this.stack.length - 1].list) : lid;
        if (owner.lijst || owner.slot.length > 0) {
            if (owner === lid) return false;
            // The owner already has a list (of another style): start the list at the outer level instead.
            return false;
        }
        owner.lijst = list;
        this.stack.push({ list });
        this.afterOnderdeel(item, line);
        return true;
    }

    private afterOnderdeel(item: OnderdeelNode, line: CleanLine): void {
        this.target = item.paras;
        this.lastText = line.text.text;
    }

    // ------------------------------------------------------------------ plain text

    private addText(t: SourceText): void {
        const artikel = this.artikel;
        const lid = this.lid;
        const follows = continues(this.lastText, t.text);
        if (artikel && lid && artikel.content[artikel.content.length - 1] === lid && lid.tables.length === 0) {
            if (this.stack.length > 0) {
                const item = lastItem(this.stack[this.stack.length - 1].list);
                if (follows && this.target === item.paras) {
                    this.join(item.paras, t);
                    return;
                }
                this.stack = [];
                lid.slot.push(t);
                this.target = lid.slot;
            } else if (lid.lijst || this.target === lid.slot) {
                if (follows && this.target === lid.slot) this.join(lid.slot, t);
                else lid.slot.push(t);
                this.target = lid.slot;
            } else if (follows && this.target === lid.paras) {
                this.join(lid.paras, t);
            } else {
                lid.paras.push(t);
                this.target = lid.paras;
            }
            this.lastText = t.text;
            return;
        }
        const last = this.lastContent();
        if (last?.kind === 'begrip' && last.definition && this.target === last.definition) {
            if (follows) this.join(last.definition, t);
            else last.definition.push(t);
            this.lastText = t.text;
            return;
        }
        if (last?.kind === 'tekst' && this.target === last.paras && follows) {
            this.join(last.paras, t);
            this.lastText = t.text;
            return;
        }
        // A short line of its own between paragraphs, outside a lid, is a sub-heading.
        this.addLoose(t, this.afterBlank && isSubheading(t.text) ? 'kop' : 'tekst');
    }

    /** A paragraph of its own at the current level (artikel, hoofdstuk or body). */
    private addLoose(t: SourceText, kind: TekstNode['kind']): void {
        this.closeTable();
        const node: TekstNode = { kind, paras: [t] };
        this.addContent(node);
        this.target = node.paras;
        this.lastText = t.text;
    }

    private addContent(node: TekstNode | BegripNode): void {
        if (this.artikel) this.artikel.content.push(node);
        else if (this.hoofdstuk) this.hoofdstuk.members.push(node);
        else this.members.push(node);
    }

    private lastContent(): ArtikelContent | Member | undefined {
        if (this.artikel) return this.artikel.content[this.artikel.content.length - 1];
        if (this.hoofdstuk) return this.hoofdstuk.members[this.hoofdstuk.members.length - 1];
        return this.members[this.members.length - 1];
    }

    /** A continuation is a new source line of the same paragraph; the emitter keeps every line as written. */
    private join(paras: Paras, t: SourceText): void {
        // A sentence that goes on after a blank line: a page break of the export, or text lost between the two.
        if (this.afterBlank && splitSentence(this.lastText, t.text)) {
            const before = this.lastText.trim().split(/\s+/).slice(-3).join(' ');
            this.options.findings.add(ImportCodes.TextSplit, 'info',
                `De zin van de vorige alinea ('…${clip(before)}') loopt hier na een lege regel door: '${clip(t.text)}'. `
                + 'De twee zijn samengevoegd tot één alinea; controleer of er niets tussen ontbreekt (een paginaovergang in de bron?).', t.start);
        }
        paras.push(t);
        this.lastText = t.text;
    }

    // ------------------------------------------------------------------ tables

    private addTableRow(cells: SourceText[], line: CleanLine): void {
        if (!this.table) {
            const table: TabelNode = { kind: 'tabel', rows: [], line: line.line };
            const artikel = this.artikel;
            const lid = this.lid;
            if (artikel && lid && artikel.content[artikel.content.length - 1] === lid) {
                lid.tables.push(table);
                this.stack = [];
            } else if (artikel) {
                artikel.content.push(table);
            } else if (this.hoofdstuk) {
                this.hoofdstuk.members.push(table);
            } else {
                this.members.push(table);
            }
            this.table = table;
        }
        this.table.rows.push(cells);
        this.target = undefined;
        this.lastText = line.text.text;
    }

    private closeTable(): void {
        this.table = undefined;
    }
}

function lastItem(list: ListNode): OnderdeelNode {
    return list.items[list.items.length - 1];
}

function lastNumber(list: ListNode): number {
    return lastItem(list)?.number ?? 0;
}

export function clip(s: string, n = 60): string {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

/** Words a sentence cannot end on: articles, prepositions, conjunctions. */
const OPEN_END = /\b(?:de|het|een|van|en|of|te|dat|die|om|op|in|aan|met|voor|door|tussen|bij|naar|uit|tot|als|zijn|wordt|worden)$/i;

/**
 * The text after a blank line goes on with the sentence before it: it starts in lower case (not a bullet "o "), or the
 * sentence before stopped on a word no sentence ends on ("… De Gemeente zet de" / "Deelovereenkomst voort …").
 */
function splitSentence(before: string, next: string): boolean {
    const p = before.trim(), n = next.trim();
    if (/-$/.test(p)) return false;
    return (/^\p{Ll}/u.test(n) && !/^o\s/.test(n)) || OPEN_END.test(p);
}
