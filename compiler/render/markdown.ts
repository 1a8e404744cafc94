/**
 * Markdown writer: readable plain text. Headings for hoofdstukken, artikelen and bijlagen, leden as paragraphs
 * with their bold number, onderdelen as nested bullets with their own label ("- a. …"), tables as pipe tables.
 * An `<a id>` anchor precedes every element a reference can point to, so references, the table of contents and
 * links from other documents of the set work in any renderer that keeps inline HTML. Defined terms stay plain
 * words here: a link on every "Contractant" would make the text hard to read.
 */
import { labelOf } from './build.js';
import { escapeHtml, safeUrl } from './html.js';
import { groupLine } from './text.js';
import type { Block, DocumentView, Link, ListBlock, Run } from './view.js';

/** Escapes Markdown syntax and inline HTML in source text. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]<>|&#~]/g, c => `\\${c}`);
}

/** A line must not start as a list, heading or quote by accident: "1. ", "- ", "+ ", "> ". */
function guardLineStart(text: string): string {
    return text.replace(/^(\d+)([.)])(\s)/, '$1\\$2$3').replace(/^([-+=])(\s|$)/, '\\$1$2');
}

function anchor(id: string | undefined): string {
    return id ? `<a id="${escapeHtml(id)}"></a>` : '';
}

function href(link: Link): string {
    const file = link.file ? `${link.file.split('/').map(encodeURIComponent).join('/')}.md` : '';
    return `${file}#${encodeURIComponent(link.id)}`;
}

export function renderMarkdown(view: DocumentView): string {
    const out: string[] = [];
    out.push(`${anchor('document')}`, '', `# ${runs(view.title)}`, '', `*${escapeMarkdown(view.kindLabel)}*`, '');
    const meta = view.meta.filter(m => m.label !== 'Soort');
    for (const m of meta) out.push(`- ${escapeMarkdown(m.label)}: ${escapeMarkdown(m.value)}`);
    if (meta.length) out.push('');
    blocks(view.cover, out);
    if (view.toc.length) {
        out.push(anchor('toc'), '', '## Inhoudsopgave', '');
        for (const t of view.toc) {
            out.push(`${'  '.repeat(Math.max(0, t.level - 1))}- [${escapeMarkdown(`${t.label} ${t.title}`)}](${href({ id: t.id, file: t.file })})`);
        }
        out.push('');
    }
    blocks(view.body, out);
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function blocks(list: Block[], out: string[]): void {
    for (const b of list) block(b, out);
}

function paragraph(out: string[], text: string): void {
    out.push(text, '');
}

function block(b: Block, out: string[]): void {
    switch (b.kind) {
        case 'section':
            out.push(anchor(b.id), '', `${'#'.repeat(Math.min(b.level + 1, 6))} ${escapeMarkdown(b.label)} ${runs(b.title)}`, '');
            if (b.external) paragraph(out, `*Extern document${b.external.source ? `: ${runs(b.external.source)}` : ''}*`);
            blocks(b.children, out);
            return;
        case 'paragraph':
            if (b.role === 'toelichting') paragraph(out, `> *Toelichting:* ${runs(b.runs)}`);
            else if (b.role === 'begrip') paragraph(out, `${anchor(b.id)}**${escapeMarkdown(b.term ?? '')}**: ${runs(b.runs)}`);
            else if (b.role === 'note') paragraph(out, `*${runs(b.runs)}*`);
            else paragraph(out, `${anchor(b.id)}${guardLineStart(runs(b.runs))}`);
            return;
        case 'lid':
            paragraph(out, `${anchor(b.id)}**${escapeMarkdown(b.label)}** ${runs(b.runs)}`);
            if (b.list) list(b.list, out, 0);
            if (b.closing) paragraph(out, guardLineStart(runs(b.closing)));
            blocks(b.extra, out);
            return;
        case 'list':
            list(b, out, 0);
            return;
        case 'table': {
            out.push(anchor(b.id), '');
            if (b.title) paragraph(out, `**${runs(b.title)}**`);
            const width = Math.max(b.columns?.length ?? 0, ...b.rows.map(r => r.length), 1);
            const row = (cells: Run[][]) => `| ${Array.from({ length: width }, (_, i) => runs(cells[i] ?? [])).join(' | ')} |`;
            out.push(row(b.columns ?? []), `|${' --- |'.repeat(width)}`);
            for (const r of b.rows) out.push(row(r));
            out.push('');
            return;
        }
        case 'parties':
            if (b.intro) paragraph(out, guardLineStart(runs(b.intro)));
            for (const p of b.parties) {
                paragraph(out, `${anchor(p.id)}**${runs(p.title)}**${p.description ? `, ${runs(p.description)}` : ''}`);
            }
            for (const g of b.groups) {
                paragraph(out, `${anchor(g.id)}${escapeMarkdown(groupLine(g.name, g.members, g.acting))}`);
            }
            if (b.closing) paragraph(out, guardLineStart(runs(b.closing)));
            return;
        case 'recitals':
            out.push(anchor(b.id), '');
            if (b.intro) paragraph(out, guardLineStart(runs(b.intro)));
            for (const i of b.items) out.push(`- ${anchor(i.id)}${guardLineStart(`${escapeMarkdown(i.label)} ${runs(i.runs)}`)}`);
            out.push('');
            if (b.closing) paragraph(out, guardLineStart(runs(b.closing)));
            return;
        case 'signatures':
            out.push(anchor(b.id), '');
            if (b.intro) paragraph(out, guardLineStart(runs(b.intro)));
            for (const s of b.signatures) {
                const lines = [`namens ${runs(s.party)}`, '', '\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_'];
                const who = [s.name, s.capacity].filter((r): r is Run[] => r !== undefined).map(runs).join(', ');
                if (who) lines.push(who);
                const where = [s.place, s.date].filter((r): r is Run[] => r !== undefined).map(runs).join(', ');
                if (where) lines.push(where);
                paragraph(out, `${anchor(s.id)}${lines.filter(l => l !== '').join('  \n')}`);
            }
            return;
    }
}

function list(l: ListBlock, out: string[], depth: number): void {
    const indent = '  '.repeat(depth);
    for (const item of l.items) {
        out.push(`${indent}- ${anchor(item.id)}${guardLineStart(`${escapeMarkdown(labelOf(item.numbering))} ${runs(item.runs)}`)}`);
        if (item.list) list(item.list, out, depth + 1);
        // The closing words of a sublist belong to its item: a paragraph of that item, not of the last subitem.
        if (item.closing) out.push('', `${indent}  ${guardLineStart(runs(item.closing))}`, '');
    }
    if (depth === 0) out.push('');
}

export function runs(list: readonly Run[]): string {
    return list.map(run).join('');
}

function run(r: Run): string {
    const text = escapeMarkdown(r.text);
    switch (r.kind) {
        case 'text':
        case 'term':
            return text;
        case 'ref':
            return r.link && !r.broken ? `[${text}](${href(r.link)})` : text;
        case 'law':
        case 'url': {
            const url = safeUrl(r.url);
            return url ? `[${text}](${url.replace(/[()<> ]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : text;
        }
        case 'placeholder': return `**${text}**`;
    }
}
