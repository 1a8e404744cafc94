/**
 * DOCX writer (docx 9.15, web-and-docx.md B). Real heading styles (Title, Heading 1–3), real Word numbering:
 * every numbered sequence of the view (artikelen of a body, leden of an artikel, onderdelen of a list,
 * overwegingen, bijlagen) is a Word list whose level text carries the computed label ("Artikel %1.", "4.%1",
 * "%1.", "%1°"), restarted at a pinned number, so Word shows exactly the numbers the references cite and a
 * lid added in Word continues the sequence. Element ids become bookmarks; references are internal hyperlinks;
 * the table of contents is generated from the view (hyperlinked entries, no field to update).
 */
import { createHash } from 'node:crypto';
import type { ILevelsOptions, INumberingOptions, ParagraphChild } from 'docx';
import {
    AlignmentType, Bookmark, Document, ExternalHyperlink, HeadingLevel, InternalHyperlink, LeaderType, LevelFormat, LevelSuffix,
    Packer, PageReference, Paragraph, ShadingType, Tab, Table, TableCell, TableRow, TabStopType, TextRun, WidthType
} from 'docx';
import { safeUrl } from './html.js';
import { groupLine } from './text.js';
import type { Block, DocumentView, Link, ListBlock, Numbering, Run, SectionBlock } from './view.js';
import { runsText } from './view.js';

/** Word bookmark names: letters, digits and _, at most 40 characters, starting with a letter. */
export function bookmarkName(id: string): string {
    let name = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(name)) name = `x${name}`;
    if (name.length > 40) name = `${name.slice(0, 31)}_${createHash('sha1').update(id).digest('hex').slice(0, 8)}`;
    return name;
}

const INDENT = 850;   // twips: the hanging indent of a lid's number (1.5 cm)
const STEP = 567;     // each list level (1 cm)
const TOC_TAB = 9638; // right edge of the text on A4 with 2 cm margins

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];

export async function renderDocx(view: DocumentView): Promise<Buffer> {
    const lists = new WordLists();
    const writer = new DocxWriter(lists);
    const children: Array<Paragraph | Table> = [];
    children.push(new Paragraph({ style: 'Soort', children: [bookmark('document', [new TextRun(view.kindLabel)])] }));
    children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: writer.runs(view.title) }));
    for (const m of view.meta.filter(m => m.label !== 'Soort')) {
        children.push(new Paragraph({ style: 'Metadata', children: [new TextRun({ text: `${m.label}: `, bold: true }), new TextRun(m.value)] }));
    }
    writer.blocks(view.cover, children, 0);
    if (view.toc.length) {
        children.push(new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: [bookmark('toc', [new TextRun('Inhoudsopgave')])] }));
        for (const t of view.toc) {
            const text = [new TextRun(`${t.label} ${t.title}`)];
            children.push(new Paragraph({
                style: `TOC${Math.min(t.level, 3)}`,
                tabStops: [{ type: TabStopType.RIGHT, position: TOC_TAB, leader: LeaderType.DOT }],
                // The page number is a PAGEREF field: Word fills it in when it updates fields (updateFields below).
                children: t.file
                    ? [new ExternalHyperlink({ link: fileLink({ id: t.id, file: t.file }), children: text })]
                    : [new InternalHyperlink({ anchor: bookmarkName(t.id), children: text }), new TextRun({ children: [new Tab()] }), new PageReference(bookmarkName(t.id))]
            }));
        }
        children.push(new Paragraph({ children: [], pageBreakBefore: true }));
    }
    writer.blocks(view.body, children, 0);
    const doc = new Document({
        creator: 'Contractspraak',
        title: runsText(view.title),
        description: view.kindLabel,
        features: { updateFields: true },
        styles: STYLES,
        numbering: { config: lists.config() },
        sections: [{ properties: { page: { margin: { top: 1418, bottom: 1418, left: 1134, right: 1134 } } }, children }]
    });
    return Packer.toBuffer(doc);
}

/**
 * One Word list per run of consecutive numbers in a sequence: a pin ("nummer 25" after 22) starts a new list at
 * the pinned number, so Word never shows a number the references do not use.
 */
class WordLists {
    protected readonly definitions: INumberingOptions['config'][number][] = [];
    protected readonly last = new Map<string, { reference: string; number: number }>();

    reference(n: Numbering, indent: { left: number; hanging: number } | undefined, heading: boolean): string | undefined {
        if (n.format === 'text') return undefined;
        const previous = this.last.get(n.sequence);
        if (previous && previous.number + 1 === n.number) {
            this.last.set(n.sequence, { reference: previous.reference, number: n.number });
            return previous.reference;
        }
        const reference = `list${this.definitions.length + 1}`;
        const level: ILevelsOptions = {
            level: 0,
            format: n.format === 'lowerLetter' ? LevelFormat.LOWER_LETTER : n.format === 'upperRoman' ? LevelFormat.UPPER_ROMAN
                : n.format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
            text: n.format === 'bullet' ? '–' : `${n.prefix.replace(/%/g, '%%')}%1${n.suffix}`,
            start: n.format === 'bullet' ? 1 : n.number,
            alignment: AlignmentType.LEFT,
            suffix: heading ? LevelSuffix.SPACE : LevelSuffix.TAB,
            style: indent ? { paragraph: { indent } } : undefined
        };
        this.definitions.push({ reference, levels: [level] });
        this.last.set(n.sequence, { reference, number: n.number });
        return reference;
    }

    config(): INumberingOptions['config'] {
        return this.definitions;
    }
}

class DocxWriter {
    constructor(protected readonly lists: WordLists) { }

    blocks(list: Block[], out: Array<Paragraph | Table>, depth: number): void {
        for (const b of list) this.block(b, out, depth);
    }

    protected block(b: Block, out: Array<Paragraph | Table>, depth: number): void {
        switch (b.kind) {
            case 'section': return this.section(b, out, depth);
            case 'paragraph': {
                if (b.role === 'toelichting') {
                    out.push(new Paragraph({ style: 'Toelichting', children: [new TextRun({ text: 'Toelichting: ', bold: true }), ...this.runs(b.runs)] }));
                } else if (b.role === 'begrip') {
                    out.push(new Paragraph({ style: 'Begripsbepaling', children: [bookmark(b.id, [new TextRun({ text: b.term ?? '', bold: true })]), new TextRun(': '), ...this.runs(b.runs)] }));
                } else {
                    out.push(new Paragraph({ style: b.role === 'note' ? 'Opmerking' : 'Tekst', children: withBookmark(b.id, this.runs(b.runs)) }));
                }
                return;
            }
            case 'lid': {
                const indent = { left: INDENT, hanging: INDENT };
                const reference = this.lists.reference(b.numbering, indent, false);
                out.push(new Paragraph({
                    style: 'Lid',
                    numbering: reference ? { reference, level: 0 } : undefined,
                    children: withBookmark(b.id, reference ? this.runs(b.runs) : [labelRun(b.label), ...this.runs(b.runs)])
                }));
                if (b.list) this.list(b.list, out, 1);
                if (b.closing) out.push(new Paragraph({ style: 'Slot', children: this.runs(b.closing) }));
                this.blocks(b.extra, out, depth);
                return;
            }
            case 'list': return this.list(b, out, 1);
            case 'table': return this.table(b, out);
            case 'parties':
                if (b.intro) out.push(new Paragraph({ style: 'Tekst', children: this.runs(b.intro) }));
                for (const p of b.parties) {
                    out.push(new Paragraph({
                        style: 'Partij',
                        children: [bookmark(p.id, [new TextRun({ text: runsText(p.title), bold: true })]),
                            ...(p.description ? [new TextRun(', '), ...this.runs(p.description)] : [])]
                    }));
                }
                for (const g of b.groups) {
                    out.push(new Paragraph({ style: 'Partij', children: [bookmark(g.id, [new TextRun(groupLine(g.name, g.members, g.acting))])] }));
                }
                if (b.closing) out.push(new Paragraph({ style: 'Tekst', children: this.runs(b.closing) }));
                return;
            case 'recitals':
                if (b.intro) out.push(new Paragraph({ style: 'Tekst', children: withBookmark(b.id, this.runs(b.intro)) }));
                for (const i of b.items) {
                    const reference = this.lists.reference(i.numbering, { left: INDENT, hanging: INDENT }, false);
                    out.push(new Paragraph({
                        style: 'Overweging', numbering: reference ? { reference, level: 0 } : undefined,
                        children: withBookmark(i.id, reference ? this.runs(i.runs) : [labelRun(i.label), ...this.runs(i.runs)])
                    }));
                }
                if (b.closing) out.push(new Paragraph({ style: 'Tekst', children: this.runs(b.closing) }));
                return;
            case 'signatures':
                if (b.intro) out.push(new Paragraph({ style: 'Tekst', keepNext: true, children: withBookmark(b.id, this.runs(b.intro)) }));
                for (const s of b.signatures) {
                    out.push(new Paragraph({ style: 'Handtekening', keepNext: true, spacing: { before: 480 }, children: withBookmark(s.id, [new TextRun('namens '), ...this.runs(s.party)]) }));
                    out.push(new Paragraph({ style: 'Handtekening', keepNext: true, spacing: { before: 720 }, children: [new TextRun('______________________________')] }));
                    const who = [s.name, s.capacity].filter((r): r is Run[] => r !== undefined);
                    if (who.length) out.push(new Paragraph({ style: 'Handtekening', keepNext: true, children: this.join(who) }));
                    const where = [s.place, s.date].filter((r): r is Run[] => r !== undefined);
                    if (where.length) out.push(new Paragraph({ style: 'Handtekening', children: this.join(where) }));
                }
                return;
        }
    }

    protected join(parts: Run[][]): ParagraphChild[] {
        return parts.flatMap((p, i) => i === 0 ? this.runs(p) : [new TextRun(', '), ...this.runs(p)]);
    }

    protected section(b: SectionBlock, out: Array<Paragraph | Table>, depth: number): void {
        const heading = HEADINGS[Math.min(b.level, HEADINGS.length) - 1];
        const reference = b.numbering ? this.lists.reference(b.numbering, undefined, true) : undefined;
        const title = this.runs(b.title);
        out.push(new Paragraph({
            heading,
            pageBreakBefore: b.role === 'bijlage',
            numbering: reference ? { reference, level: 0 } : undefined,
            children: withBookmark(b.id, reference ? title : [new TextRun(`${b.label} `), ...title])
        }));
        if (b.external) {
            out.push(new Paragraph({ style: 'Opmerking', children: [new TextRun('Extern document'), ...(b.external.source ? [new TextRun(': '), ...this.runs(b.external.source)] : [])] }));
        }
        this.blocks(b.children, out, depth + 1);
    }

    protected list(l: ListBlock, out: Array<Paragraph | Table>, level: number): void {
        const indent = { left: INDENT + STEP * level, hanging: STEP };
        for (const item of l.items) {
            const reference = this.lists.reference(item.numbering, indent, false);
            out.push(new Paragraph({
                style: 'Onderdeel',
                numbering: reference ? { reference, level: 0 } : undefined,
                indent: reference ? undefined : indent,
                children: withBookmark(item.id, reference ? this.runs(item.runs) : [labelRun(item.label), ...this.runs(item.runs)])
            }));
            if (item.list) this.list(item.list, out, level + 1);
            if (item.closing) out.push(new Paragraph({ style: 'Slot', indent: { left: indent.left }, children: this.runs(item.closing) }));
        }
    }

    protected table(b: Extract<Block, { kind: 'table' }>, out: Array<Paragraph | Table>): void {
        if (b.title) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: withBookmark(b.id, this.runs(b.title)) }));
        else out.push(new Paragraph({ style: 'Caption', keepNext: true, children: withBookmark(b.id, []) }));
        const width = Math.max(b.columns?.length ?? 0, ...b.rows.map(r => r.length), 1);
        const row = (cells: Run[][], header: boolean) => new TableRow({
            tableHeader: header,
            children: Array.from({ length: width }, (_, i) => new TableCell({
                shading: header ? { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } : undefined,
                children: [new Paragraph({ style: 'Tabel', children: header ? [new TextRun({ text: runsText(cells[i]), bold: true })] : this.runs(cells[i] ?? []) })]
            }))
        });
        out.push(new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [...(b.columns ? [row(b.columns, true)] : []), ...b.rows.map(r => row(r, false))]
        }));
    }

    runs(list: readonly Run[]): ParagraphChild[] {
        return list.map(r => this.run(r));
    }

    protected run(r: Run): ParagraphChild {
        switch (r.kind) {
            case 'text': return new TextRun(r.text);
            case 'ref':
                if (r.broken) return new TextRun({ text: r.text, color: 'AA0000' });
                return r.link ? link(r.link, new TextRun({ text: r.text, style: 'Verwijzing' })) : new TextRun(r.text);
            case 'term':
                return r.link ? link(r.link, new TextRun({ text: r.text, style: 'Begrip' })) : new TextRun({ text: r.text, style: 'Begrip' });
            case 'law':
            case 'url': {
                const url = safeUrl(r.url);
                return url ? new ExternalHyperlink({ link: url, children: [new TextRun({ text: r.text, style: 'Verwijzing' })] }) : new TextRun(r.text);
            }
            case 'placeholder': return new TextRun({ text: r.text, highlight: 'yellow' });
        }
    }
}

/** A label written as text (when Word cannot number it) and the tab to the text. */
function labelRun(label: string): TextRun {
    return new TextRun({ children: [label, new Tab()] });
}

function fileLink(l: Link): string {
    return `${(l.file ?? '').split('/').map(encodeURIComponent).join('/')}.docx#${bookmarkName(l.id)}`;
}

function link(l: Link, child: TextRun): ParagraphChild {
    return l.file ? new ExternalHyperlink({ link: fileLink(l), children: [child] }) : new InternalHyperlink({ anchor: bookmarkName(l.id), children: [child] });
}

function bookmark(id: string | undefined, children: ParagraphChild[]): ParagraphChild {
    return id ? new Bookmark({ id: bookmarkName(id), children }) : children[0] ?? new TextRun('');
}

function withBookmark(id: string | undefined, children: ParagraphChild[]): ParagraphChild[] {
    if (!id) return children;
    return [new Bookmark({ id: bookmarkName(id), children: [] }), ...children];
}

const FONT = 'Calibri';
const ACCENT = '1F4E79';

const STYLES = {
    default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 120, line: 276 } } }
    },
    paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 40, bold: true, color: ACCENT }, paragraph: { spacing: { after: 360 } } },
        { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, bold: true, color: ACCENT }, paragraph: { keepNext: true, outlineLevel: 0, spacing: { before: 360, after: 160 } } },
        { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Lid', quickFormat: true, run: { size: 24, bold: true, color: ACCENT }, paragraph: { keepNext: true, outlineLevel: 1, spacing: { before: 280, after: 120 } } },
        { id: 'Heading3', name: 'heading 3', basedOn: 'Normal', next: 'Lid', quickFormat: true, run: { size: 22, bold: true, color: ACCENT }, paragraph: { keepNext: true, outlineLevel: 2, spacing: { before: 240, after: 100 } } },
        { id: 'Soort', name: 'Soort document', basedOn: 'Normal', run: { allCaps: true, color: '5A5A5A', size: 20 } },
        { id: 'Metadata', name: 'Metadata', basedOn: 'Normal', paragraph: { spacing: { after: 40 } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', run: { size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { after: 200 } } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', paragraph: { spacing: { after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', paragraph: { indent: { left: 440 }, spacing: { after: 40 } } },
        { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', paragraph: { indent: { left: 880 }, spacing: { after: 40 } } },
        { id: 'Tekst', name: 'Tekst', basedOn: 'Normal' },
        { id: 'Lid', name: 'Lid', basedOn: 'Normal', paragraph: { indent: { left: INDENT, hanging: INDENT } } },
        { id: 'Onderdeel', name: 'Onderdeel', basedOn: 'Normal', paragraph: { spacing: { after: 60 } } },
        { id: 'Slot', name: 'Slot van een lid', basedOn: 'Normal', paragraph: { indent: { left: INDENT } } },
        { id: 'Toelichting', name: 'Toelichting', basedOn: 'Normal', run: { italics: true, color: '5A5A5A' }, paragraph: { indent: { left: 284 } } },
        { id: 'Begripsbepaling', name: 'Begripsbepaling', basedOn: 'Normal' },
        { id: 'Opmerking', name: 'Opmerking', basedOn: 'Normal', run: { italics: true, color: '5A5A5A' } },
        { id: 'Partij', name: 'Partij', basedOn: 'Normal' },
        { id: 'Overweging', name: 'Overweging', basedOn: 'Normal', paragraph: { indent: { left: INDENT, hanging: INDENT } } },
        { id: 'Handtekening', name: 'Handtekening', basedOn: 'Normal', paragraph: { spacing: { after: 0 } } },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', run: { bold: true, size: 20 }, paragraph: { spacing: { before: 120, after: 60 } } },
        { id: 'Tabel', name: 'Tabeltekst', basedOn: 'Normal', paragraph: { spacing: { after: 0 } }, run: { size: 19 } }
    ],
    characterStyles: [
        { id: 'Verwijzing', name: 'Verwijzing', basedOn: 'DefaultParagraphFont', run: { color: ACCENT, underline: {} } },
        { id: 'Begrip', name: 'Begrip', basedOn: 'DefaultParagraphFont', run: { underline: { type: 'dotted' as const } } }
    ]
};
