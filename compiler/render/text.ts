/**
 * The document view as plain text, one block a line: what a reader reads, without markup. Used to measure
 * fidelity against the original wording (fidelity.ts).
 */
import type { Block, DocumentView, ListBlock, Run } from './view.js';
import { runsText } from './view.js';

export function viewText(view: DocumentView): string {
    const lines: string[] = [runsText(view.title), view.kindLabel];
    for (const m of view.meta) lines.push(`${m.label}: ${m.value}`);
    blocks(view.cover, lines);
    if (view.toc.length) {
        lines.push('Inhoudsopgave');
        for (const t of view.toc) lines.push(`${t.label} ${t.title}`);
    }
    blocks(view.body, lines);
    return lines.filter(l => l.trim() !== '').join('\n') + '\n';
}

function blocks(list: Block[], lines: string[]): void {
    for (const b of list) {
        switch (b.kind) {
            case 'section':
                lines.push(`${b.label} ${runsText(b.title)}`);
                if (b.external) lines.push(`Extern document${b.external.source ? `: ${runsText(b.external.source)}` : ''}`);
                blocks(b.children, lines);
                break;
            case 'paragraph':
                lines.push((b.role === 'toelichting' ? 'Toelichting: ' : b.term ? `${b.term}: ` : '') + runsText(b.runs));
                break;
            case 'lid':
                lines.push(`${b.label} ${runsText(b.runs)}`);
                if (b.list) list_(b.list, lines);
                text(b.closing, lines);
                blocks(b.extra, lines);
                break;
            case 'list':
                list_(b, lines);
                break;
            case 'table':
                text(b.title, lines);
                if (b.columns) lines.push(b.columns.map(runsText).join(' '));
                for (const r of b.rows) lines.push(r.map(runsText).join(' '));
                break;
            case 'parties':
                text(b.intro, lines);
                for (const p of b.parties) lines.push(runsText(p.title) + (p.description ? `, ${runsText(p.description)}` : ''));
                for (const g of b.groups) lines.push(groupLine(g.name, g.members, g.acting));
                text(b.closing, lines);
                break;
            case 'recitals':
                text(b.intro, lines);
                for (const i of b.items) lines.push(`${i.label} ${runsText(i.runs)}`);
                text(b.closing, lines);
                break;
            case 'signatures':
                text(b.intro, lines);
                for (const s of b.signatures) {
                    lines.push(`namens ${runsText(s.party)}`);
                    lines.push([s.name, s.capacity].filter(Boolean).map(r => runsText(r)).join(', '));
                    lines.push([s.place, s.date].filter(Boolean).map(r => runsText(r)).join(', '));
                }
                break;
        }
    }
}

function list_(list: ListBlock, lines: string[]): void {
    for (const item of list.items) {
        lines.push(`${item.label} ${runsText(item.runs)}`);
        if (item.list) list_(item.list, lines);
        text(item.closing, lines);
    }
}

function text(runs: Run[] | undefined, lines: string[]): void {
    if (runs) lines.push(runsText(runs));
}

/** "Gemeente: De Gemeente Raalte en Gemeente Olst-Wijhe, ieder afzonderlijk" */
export function groupLine(name: string, members: string[], acting?: string): string {
    return `${name}: ${joinDutch(members)}${acting ? `, ${acting}` : ''}`;
}

/** ["A", "B", "C"] → "A, B en C" */
export function joinDutch(items: string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
