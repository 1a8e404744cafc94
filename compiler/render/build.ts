/**
 * Builds the document view of an entry document: title page, cover text, parties, overwegingen, the body in
 * source order (hoofdstukken, artikelen, leden, onderdelen, tekst, toelichting, definitions, tables, signature
 * blocks, bijlagen — those loaded with `uit` rendered from their own file), and the table of contents.
 * Structured meaning that has no wording of its own (termijn, looptijd, rangorde, tarief, …) is not shown: the
 * prose it belongs to says it.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type {
    Artikel, Bijlage, Document, Hoofdstuk, Lid, Lijst, Ondertekening, Overwegingen, Partijen, Prose, Tabel
} from '../../language/generated/ast.js';
import {
    isArtikel, isBegrip, isBijlage, isCiteertitel, isGroep, isHoofdstuk, isKop, isLid, isOndertekend, isOndertekening,
    isOverwegingen, isPartij, isPartijen, isStatus, isTabel, isTekst, isToelichting, isVastgesteld, isVersie
} from '../../language/generated/ast.js';
import type { ListStyle } from '../../language/model/numbering.js';
import { documentStructure } from '../../language/model/structure.js';
import { proseText } from '../../language/prose.js';
import type { SetLayout } from './layout.js';
import { outputName } from './layout.js';
import type { RenderContext } from './references.js';
import { linkTo, locate } from './references.js';
import { proseRuns, proseString } from './runs.js';
import type {
    Block, DocumentView, ListBlock, ListItem, MetaItem, NumberFormat, Numbering, PartiesBlock, RecitalsBlock, Run,
    SectionBlock, SignaturesBlock, TableBlock, TocEntry
} from './view.js';
import { runsText } from './view.js';

const KIND_LABELS: Record<string, string> = { bijlagedocument: 'Bijlage', voorwaarden: 'Algemene voorwaarden' };

export function buildView(entry: LangiumDocument, layout: SetLayout): DocumentView {
    const root = entry.parseResult.value as Document;
    const vastgesteld = root.meta.find(isVastgesteld);
    const ctx: RenderContext = { layout, entry, referenceDate: vastgesteld?.datum, warnings: [] };
    const builder = new ViewBuilder(ctx);
    const { cover, body } = builder.documentBody(root, 0);
    const view: DocumentView = {
        name: outputName(entry),
        kindLabel: KIND_LABELS[root.soort] ?? capitalise(root.soort ?? 'overeenkomst'),
        title: titleRuns(root.titel, ctx),
        meta: builder.meta(root),
        cover,
        toc: tableOfContents(body),
        body,
        warnings: [...new Set(ctx.warnings)]
    };
    return view;
}

class ViewBuilder {
    protected readonly signers = new Map<AstNode, Array<{ name: string; capacity?: string }>>();

    constructor(protected readonly ctx: RenderContext) {
        for (const doc of ctx.layout.documents) {
            if (ctx.layout.placement(doc)?.entry !== ctx.entry) continue;
            for (const node of AstUtils.streamAllContents(doc.parseResult.value)) {
                if (!isOndertekening(node)) continue;
                for (const h of node.handtekeningen) {
                    const party = h.partij?.ref;
                    if (!party) continue;
                    const list = this.signers.get(party) ?? [];
                    list.push({ name: proseString(h.naam, ctx), capacity: h.functie ? proseString(h.functie, ctx) : undefined });
                    this.signers.set(party, list);
                }
            }
        }
    }

    meta(root: Document): MetaItem[] {
        const out: MetaItem[] = [{ label: 'Soort', value: KIND_LABELS[root.soort] ?? capitalise(root.soort ?? 'overeenkomst') }];
        for (const m of root.meta) {
            if (isCiteertitel(m)) out.push({ label: 'Citeertitel', value: proseString(m.waarde, this.ctx) });
            else if (isVersie(m)) out.push({ label: 'Versie', value: proseString(m.waarde, this.ctx) });
            else if (isStatus(m) && m.waarde) out.push({ label: 'Status', value: m.waarde });   // `status` alone: nothing to show
            else if (isVastgesteld(m)) out.push({ label: 'Vastgesteld', value: m.datum ? dutchDate(m.datum) : proseString(m.tekst, this.ctx) });
            else if (isOndertekend(m)) out.push({ label: 'Ondertekend', value: m.datum ? dutchDate(m.datum) : proseString(m.tekst, this.ctx) });
        }
        return out;
    }

    /** The members of a document; leading unnumbered text is its cover page when structure follows. */
    documentBody(root: Document, depth: number): { cover: Block[]; body: Block[] } {
        const blocks = root.leden.map(m => ({ node: m as AstNode, blocks: this.member(m, depth) }));
        let i = 0;
        while (i < blocks.length && (blocks[i].blocks.length === 0 || isTekst(blocks[i].node) || isToelichting(blocks[i].node))) i++;
        const hasStructure = i < blocks.length;
        const split = hasStructure && depth === 0 ? i : 0;
        return {
            cover: blocks.slice(0, split).flatMap(b => b.blocks),
            body: blocks.slice(split).flatMap(b => b.blocks)
        };
    }

    protected member(node: AstNode, depth: number): Block[] {
        if (isPartijen(node)) return [this.parties(node)];
        if (isOverwegingen(node)) return [this.recitals(node)];
        if (isHoofdstuk(node)) return [this.hoofdstuk(node, depth)];
        if (isArtikel(node)) return [this.artikel(node, depth)];
        if (isBijlage(node)) return [this.bijlage(node, depth)];
        if (isOndertekening(node)) return [this.signatures(node)];
        if (isTabel(node)) return [this.table(node)];
        if (isTekst(node)) return [{ kind: 'paragraph', role: 'tekst', runs: proseRuns(node.tekst, this.ctx) }];
        if (isToelichting(node)) return [{ kind: 'paragraph', role: 'toelichting', runs: proseRuns(node.tekst, this.ctx) }];
        // A sub-heading is text people sign too; it was dropped (found by test/no-loss.test.ts).
        if (isKop(node)) return [{ kind: 'paragraph', role: 'kop', runs: proseRuns(node.tekst, this.ctx) }];
        if (isBegrip(node) && node.definitie) {
            return [{
                kind: 'paragraph', role: 'begrip', id: this.id(node),
                term: [node.name, ...node.varianten.map(v => v.name)].join(' / '),
                runs: proseRuns(node.definitie, this.ctx)
            }];
        }
        return [];
    }

    protected id(node: AstNode): string {
        return locate(node, this.ctx.layout)?.id ?? '';
    }

    protected info(node: AstNode) {
        return documentStructure(AstUtils.getDocument(node).parseResult.value as Document).info(node);
    }

    protected hoofdstuk(node: Hoofdstuk, depth: number): SectionBlock {
        const info = this.info(node);
        const id = this.id(node);
        const n = info?.number ?? 0;
        return {
            kind: 'section', role: 'hoofdstuk', id, level: depth + 1, label: `Hoofdstuk ${n}.`,
            numbering: { sequence: id.replace(/chp_\d+$/, 'chp'), number: n, format: 'decimal', prefix: 'Hoofdstuk ', suffix: '.' },
            title: titleRuns(node.titel, this.ctx),
            children: node.leden.flatMap(m => this.member(m, depth))
        };
    }

    protected artikel(node: Artikel, depth: number): SectionBlock {
        const info = this.info(node);
        const id = this.id(node);
        const n = info?.number ?? 0;
        const children: Block[] = [];
        for (const m of node.inhoud) {
            if (isLid(m)) children.push(this.lid(m, n));
            else if (isTabel(m)) children.push(this.table(m));
            else children.push(...this.member(m, depth));
        }
        return {
            kind: 'section', role: 'artikel', id, level: depth + artikelDepth(node), label: `Artikel ${n}.`,
            numbering: { sequence: id.replace(/art_\d+$/, 'art'), number: n, format: 'decimal', prefix: 'Artikel ', suffix: '.' },
            title: titleRuns(node.titel, this.ctx),
            children
        };
    }

    protected lid(node: Lid, artikelNumber: number): Block {
        const info = this.info(node);
        const id = this.id(node);
        const n = info?.number ?? 0;
        const compound = documentStructure(AstUtils.getDocument(node).parseResult.value as Document).compoundLeden;
        const numbering: Numbering = {
            sequence: `${id.replace(/__para_\d+$/, '')}__para`, number: n, format: 'decimal',
            prefix: compound ? `${artikelNumber}.` : '', suffix: compound ? '' : '.'
        };
        return {
            kind: 'lid', id, label: labelOf(numbering), numbering,
            runs: proseRuns(node.tekst, this.ctx),
            list: node.lijst ? this.list(node.lijst, info?.label ?? '') : undefined,
            closing: node.slot ? proseRuns(node.slot, this.ctx) : undefined,
            extra: node.bepalingen.filter(isTabel).map(t => this.table(t))
        };
    }

    protected list(lijst: Lijst, parentLabel: string): ListBlock {
        const style = (lijst.stijl ?? 'letters') as ListStyle;
        const items: ListItem[] = lijst.onderdelen.map(o => {
            const info = this.info(o);
            const id = this.id(o);
            const numbering = listNumbering(style, info?.number ?? 0, parentLabel, `${id.replace(/__point_[^_]+$/, '')}__list`);
            return {
                id, label: labelOf(numbering), numbering,
                runs: proseRuns(o.tekst, this.ctx),
                list: o.lijst ? this.list(o.lijst, info?.label ?? '') : undefined,
                closing: o.slot ? proseRuns(o.slot, this.ctx) : undefined
            };
        });
        return { kind: 'list', style, items };
    }

    protected bijlage(node: Bijlage, depth: number): SectionBlock {
        const info = this.info(node);
        const id = this.id(node);
        const label = info?.label ?? '';
        const numbering: Numbering = /^\d+$/.test(label)
            ? { sequence: id.replace(/annex_\d+$/, 'annex'), number: info?.number ?? 0, format: 'decimal', prefix: 'Bijlage ', suffix: '.' }
            : { sequence: id, number: info?.number ?? 0, format: 'text', prefix: `Bijlage ${label}.`, suffix: '' };
        const section: SectionBlock = {
            kind: 'section', role: 'bijlage', id, level: depth + 1, label: `Bijlage ${label}.`, numbering,
            title: titleRuns(node.titel, this.ctx), children: []
        };
        if (node.extern) {
            section.external = { source: node.bron ? proseRuns(node.bron, this.ctx) : undefined };
        } else if (node.pad) {
            const part = this.ctx.layout.loadedFrom(node);
            if (part && this.ctx.layout.placement(part)?.bijlage === node) {
                const root = part.parseResult.value as Document;
                section.children = this.documentBody(root, depth + 1).body;
            } else {
                const pad = proseText(node.pad).trim();
                this.ctx.warnings.push(`${pad}: bestand van bijlage ${label} is niet geladen.`);
                section.children = [{ kind: 'paragraph', role: 'note', runs: [{ kind: 'text', text: `Niet gevonden: ${pad}` }] }];
            }
        } else {
            section.children = node.leden.flatMap(m => this.member(m, depth + 1));
        }
        return section;
    }

    protected parties(node: Partijen): PartiesBlock {
        const block: PartiesBlock = {
            kind: 'parties',
            intro: node.inleiding ? proseRuns(node.inleiding, this.ctx) : undefined,
            parties: [], groups: [],
            closing: node.slot ? proseRuns(node.slot, this.ctx) : undefined
        };
        for (const m of node.leden) {
            if (isPartij(m)) {
                block.parties.push({
                    id: this.id(m), role: m.soort, name: m.name,
                    title: titleRuns(m.titel, this.ctx),
                    description: m.omschrijving ? proseRuns(m.omschrijving, this.ctx) : undefined,
                    representatives: this.signers.get(m) ?? []
                });
            } else if (isGroep(m)) {
                block.groups.push({
                    id: this.id(m), name: m.name,
                    members: m.leden.map(l => l.ref ? actorName(l.ref, this.ctx) : l.$refText),
                    acting: m.handelwijze === 'afzonderlijk' ? 'ieder afzonderlijk' : m.handelwijze
                });
            }
        }
        return block;
    }

    protected recitals(node: Overwegingen): RecitalsBlock {
        const style = (node.stijl ?? 'romeins') as ListStyle;
        const first = node.leden[0] ? this.id(node.leden[0]) : '';
        return {
            kind: 'recitals', id: first.replace(/recital_[^_]+$/, 'recitals'),
            intro: node.inleiding ? proseRuns(node.inleiding, this.ctx) : undefined,
            items: node.leden.map(o => {
                const id = this.id(o);
                const numbering = listNumbering(style, this.info(o)?.number ?? 0, '', id.replace(/recital_[^_]+$/, 'recital'));
                return { id, label: labelOf(numbering), numbering, runs: proseRuns(o.tekst, this.ctx) };
            }),
            closing: node.slot ? proseRuns(node.slot, this.ctx) : undefined
        };
    }

    protected signatures(node: Ondertekening): SignaturesBlock {
        const prefix = this.ctx.layout.placement(AstUtils.getDocument(node))?.prefix ?? '';
        const index = node.$container.leden.filter(isOndertekening).indexOf(node);
        return {
            kind: 'signatures', id: `${prefix}signatures${index > 0 ? `_${index + 1}` : ''}`,
            intro: node.inleiding ? proseRuns(node.inleiding, this.ctx) : undefined,
            signatures: node.handtekeningen.map((h, i) => {
                const party = h.partij?.ref;
                const partyRun: Run = party
                    ? { kind: 'term', text: actorName(party, this.ctx), link: linkTo(party, this.ctx) }
                    : { kind: 'text', text: h.partij?.$refText ?? '' };
                return {
                    id: `${prefix}signature_${i + 1}`,
                    // `namens Grootegast "Gemeente Grootegast"`: the prose names the party as the text prints it.
                    party: h.weergave ? proseRuns(h.weergave, this.ctx) : [partyRun],
                    name: h.naam ? proseRuns(h.naam, this.ctx) : undefined,
                    capacity: h.functie ? proseRuns(h.functie, this.ctx) : undefined,
                    place: h.plaats ? proseRuns(h.plaats, this.ctx) : undefined,
                    date: h.datum ? [{ kind: 'text', text: dutchDate(h.datum) }] : h.datumTekst ? proseRuns(h.datumTekst, this.ctx) : undefined
                };
            })
        };
    }

    protected table(node: Tabel): TableBlock {
        const holder = AstUtils.getContainerOfType(node.$container, (n): n is AstNode => this.info(n) !== undefined);
        const base = holder ? `${this.id(holder)}__` : this.ctx.layout.placement(AstUtils.getDocument(node))?.prefix ?? '';
        return {
            kind: 'table', id: `${base}table_${node.name}`,
            title: node.titel ? proseRuns(node.titel, this.ctx) : undefined,
            columns: node.kolommen.length ? node.kolommen.map(k => proseRuns(k, this.ctx)) : undefined,
            rows: node.rijen.map(r => r.cellen.map(c => proseRuns(c, this.ctx)))
        };
    }
}

/** Titles are names, not sentences: a capitalised word in them is not marked as a term use. */
function titleRuns(prose: Prose | undefined, ctx: RenderContext): Run[] {
    const out: Run[] = [];
    for (const r of proseRuns(prose, ctx)) {
        const last = out[out.length - 1];
        if (r.kind === 'term' || r.kind === 'text') {
            if (last?.kind === 'text') last.text += r.text;
            else out.push({ kind: 'text', text: r.text });
        } else {
            out.push(r);
        }
    }
    return out;
}

/** Below a hoofdstuk, or beside one, an artikel is a level deeper than where no body has hoofdstukken. */
function artikelDepth(node: Artikel): number {
    const container = node.$container as AstNode & { leden?: AstNode[] };
    return isHoofdstuk(container) || (container.leden ?? []).some(isHoofdstuk) ? 2 : 1;
}

/** A party as the reader knows it mid-sentence: a partij by its title ("de gemeente Stad"), a group or role by its name. */
function actorName(node: AstNode, ctx: RenderContext): string {
    if (isPartij(node)) return proseString(node.titel, ctx).replace(/^(De|Het) /, a => a.toLowerCase());
    return (node as AstNode & { name?: string }).name ?? '';
}

const LIST_FORMATS: Record<ListStyle, { format: NumberFormat; suffix: string }> = {
    letters: { format: 'lowerLetter', suffix: '.' },
    cijfers: { format: 'decimal', suffix: '.' },
    romeins: { format: 'upperRoman', suffix: '.' },
    graden: { format: 'decimal', suffix: '°' },
    decimaal: { format: 'decimal', suffix: '' },
    streepjes: { format: 'bullet', suffix: '' }
};

function listNumbering(style: ListStyle, number: number, parentLabel: string, sequence: string): Numbering {
    const { format, suffix } = LIST_FORMATS[style];
    return { sequence, number, format, prefix: style === 'decimaal' && parentLabel ? `${parentLabel}.` : '', suffix };
}

/** The label every writer shows: "4.3", "b.", "IV.", "2°", "–". */
export function labelOf(n: Numbering): string {
    return n.prefix + formatNumber(n.number, n.format) + n.suffix;
}

export function formatNumber(n: number, format: NumberFormat): string {
    switch (format) {
        case 'lowerLetter': {
            let s = '';
            for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + (k - 1) % 26) + s;
            return s;
        }
        case 'upperRoman': {
            const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
                [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
            let s = '';
            let k = n;
            for (const [v, r] of table) while (k >= v) { s += r; k -= v; }
            return s;
        }
        case 'bullet': return '–';
        case 'text': return '';
        default: return String(n);
    }
}

/** The table of contents of a body: also what the renvooi of a diff shows for its merged body. */
export function tableOfContents(body: Block[]): TocEntry[] {
    const out: TocEntry[] = [];
    // Hoofdstukken, their artikelen one level deeper, artikelen outside a hoofdstuk, and bijlagen (not their contents).
    const walk = (blocks: Block[], level: number) => {
        for (const b of blocks) {
            if (b.kind !== 'section') continue;
            const entry = { id: b.id, label: b.label, title: runsText(b.title) };
            if (b.role === 'bijlage') {
                out.push({ ...entry, level: 1 });
            } else {
                out.push({ ...entry, level });
                if (b.role === 'hoofdstuk') walk(b.children, level + 1);
            }
        }
    };
    walk(body, 1);
    return out;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 2021-01-01 → "1 januari 2021". */
export function dutchDate(iso: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : iso;
}

function capitalise(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
