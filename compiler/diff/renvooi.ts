/**
 * Renvooi: the new version of an agreement with what was inserted and deleted marked, through the ordinary
 * renderer. The old and new document views (render/build.ts) are merged: blocks are matched by the symbolic
 * identity of their element (so a renumbered lid is the same lid), prose word by word, a reference by its
 * target. Marks travel through the writers as private-use characters in the view's text, and are turned into
 * <ins>/<del> in HTML and into Word's tracked changes (w:ins/w:del, web-and-docx.md B) in DOCX afterwards.
 *
 * In DOCX a whole inserted or deleted paragraph also gets a revision on its paragraph mark, and deleted
 * numbered paragraphs stay in their Word list, so Word renumbers on accept (the new numbers) and on reject
 * (the old ones).
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Document } from '../../language/generated/ast.js';
import { isTabel } from '../../language/generated/ast.js';
import { documentStructure } from '../../language/model/structure.js';
import { buildView, tableOfContents } from '../render/build.js';
import { renderDocx } from '../render/docx.js';
import { escapeHtml, renderHtml } from '../render/html.js';
import { SetLayout, relativeOutput } from '../render/layout.js';
import { locate } from '../render/references.js';
import type {
    Block, DocumentView, Link, ListBlock, ListItem, MetaItem, Numbering, Run, SectionBlock
} from '../render/view.js';
import { runsText } from '../render/view.js';
import type { DiffRun } from './cli.js';
import { changeLine } from './format.js';
import { diffSequences, wordTokens } from './sequence.js';
import type { DocumentSnapshot, SetSnapshot } from './snapshot.js';
import { readZip, writeZip } from './zip.js';

export const INS_OPEN = '\uE000';
export const INS_CLOSE = '\uE001';
export const DEL_OPEN = '\uE002';
export const DEL_CLOSE = '\uE003';
/** The paragraph this text is in was inserted / deleted as a whole. */
export const PARA_INS = '\uE004';
export const PARA_DEL = '\uE005';
/** The old number of a renumbered element (HTML only). */
const WAS_OPEN = '\uE006';
const WAS_CLOSE = '\uE007';
const MARKERS = /[\uE000-\uE00F]/g;

export interface RenvooiOptions {
    /** w:author of the tracked changes. */
    author: string;
    /** w:date, ISO 8601. */
    date: string;
}

type Op = 'ins' | 'del';
type Mode = 'html' | 'docx';

function wrap(text: string, op: Op): string {
    return text === '' ? '' : op === 'ins' ? INS_OPEN + text + INS_CLOSE : DEL_OPEN + text + DEL_CLOSE;
}

/** What the text reads once every change is accepted (titles, document properties). */
export function acceptedText(text: string): string {
    return text.replace(/\uE002[\s\S]*?\uE003/g, '').replace(/\uE006[\s\S]*?\uE007/g, '').replace(MARKERS, '');
}

// ---------------------------------------------------------------- identities of view ids

interface Side {
    layout: SetLayout;
    /** Per entry: view id → identity of the element (the same string in both versions for a matched element). */
    ids: Map<LangiumDocument, Map<string, string>>;
}

function viewId(node: AstNode, layout: SetLayout): string | undefined {
    if (isTabel(node)) {
        const root = AstUtils.getDocument(node).parseResult.value as Document;
        const holder = AstUtils.getContainerOfType(node.$container, (n): n is AstNode => documentStructure(root).info(n) !== undefined);
        const base = holder ? `${locate(holder, layout)?.id ?? ''}__` : layout.placement(AstUtils.getDocument(node))?.prefix ?? '';
        return `${base}table_${node.name}`;
    }
    return locate(node, layout)?.id;
}

function side(set: SetSnapshot, identity: (d: DocumentSnapshot, key: string) => string): Side {
    const layout = new SetLayout(set.documents.map(d => d.document));
    const ids = new Map<LangiumDocument, Map<string, string>>();
    for (const d of set.documents) {
        const placement = layout.placement(d.document);
        if (!placement) continue;
        const map = ids.get(placement.entry) ?? new Map<string, string>();
        ids.set(placement.entry, map);
        for (const e of d.elements.values()) {
            const id = viewId(e.node, layout);
            if (id) map.set(id, identity(d, e.key));
        }
    }
    return { layout, ids };
}

// ---------------------------------------------------------------- merging two views

class Merger {
    /** Blocks, list items and recitals that were deleted (their numbers stay in the Word list). */
    readonly deleted = new WeakSet<object>();

    constructor(
        readonly mode: Mode,
        readonly oldSide: Side, readonly oldEntry: LangiumDocument | undefined,
        readonly newSide: Side, readonly newEntry: LangiumDocument | undefined
    ) { }

    protected linkIdentity(link: Link, which: 'old' | 'new'): string {
        const s = which === 'old' ? this.oldSide : this.newSide;
        const current = which === 'old' ? this.oldEntry : this.newEntry;
        const entry = link.file && current ? s.layout.entries.find(e => relativeOutput(current, e) === link.file) : current;
        return (entry && s.ids.get(entry)?.get(link.id)) ?? `${which}:${link.file ?? ''}#${link.id}`;
    }

    protected idIdentity(id: string | undefined, which: 'old' | 'new'): string {
        if (!id) return '';
        return this.linkIdentity({ id }, which);
    }

    // ---------------------------------------------------------------- marking whole blocks

    markRuns(runs: Run[] | undefined, op: Op, para: boolean): Run[] | undefined {
        if (!runs) return undefined;
        const out: Run[] = runs.map(r => op === 'del' && (r.kind === 'ref' || r.kind === 'term')
            ? { kind: 'text', text: wrap(r.text, op) }   // a deleted reference must not link into the new text
            : { ...r, text: wrap(r.text, op) } as Run);
        if (para) {
            if (out.length === 0) out.push({ kind: 'text', text: '' });
            out[0] = { ...out[0], text: (op === 'ins' ? PARA_INS : PARA_DEL) + out[0].text } as Run;
        }
        return out;
    }

    protected markLabel(label: string, op: Op): string {
        return wrap(label, op);
    }

    protected markNumbering(n: Numbering, op: Op, rename: Rename): Numbering {
        const out = { ...n, sequence: rename(n.sequence) };
        if (this.mode === 'html') {
            out.prefix = (op === 'ins' ? INS_OPEN : DEL_OPEN) + out.prefix;
            out.suffix = out.suffix + (op === 'ins' ? INS_CLOSE : DEL_CLOSE);
        }
        return out;
    }

    markBlock(b: Block, op: Op, rename: Rename): Block {
        const del = <T extends object>(x: T): T => {
            if (op === 'del') this.deleted.add(x);
            return x;
        };
        // Below the block itself, deleted numbers form their own sequences (old ids can equal new ones).
        const inner: Rename = op === 'del' ? s => `del:${s}` : s => s;
        switch (b.kind) {
            case 'section':
                return del({
                    ...b, label: this.markLabel(b.label, op), title: this.markRuns(b.title, op, true)!,
                    numbering: b.numbering ? this.markNumbering(b.numbering, op, rename) : undefined,
                    children: b.children.map(c => this.markBlock(c, op, inner)),
                    external: b.external ? { source: this.markRuns(b.external.source, op, true) ?? this.markRuns([], op, true) } : undefined
                });
            case 'paragraph':
                return { ...b, term: b.term !== undefined ? wrap(b.term, op) : undefined, runs: this.markRuns(b.runs, op, true)! };
            case 'lid':
                return del({
                    ...b, label: this.markLabel(b.label, op), numbering: this.markNumbering(b.numbering, op, rename),
                    runs: this.markRuns(b.runs, op, true)!,
                    list: b.list ? this.markList(b.list, op, inner) : undefined,
                    closing: this.markRuns(b.closing, op, true),
                    extra: b.extra.map(x => this.markBlock(x, op, inner))
                });
            case 'list':
                return this.markList(b, op, rename);
            case 'table':
                return {
                    ...b, title: this.markRuns(b.title, op, true),
                    columns: b.columns?.map(c => this.markRuns(c, op, true)!),
                    rows: b.rows.map(r => r.map(c => this.markRuns(c, op, true)!))
                };
            case 'parties':
                return {
                    ...b, intro: this.markRuns(b.intro, op, true), closing: this.markRuns(b.closing, op, true),
                    parties: b.parties.map(p => ({ ...p, title: this.markRuns(p.title, op, true)!, description: this.markRuns(p.description, op, false) })),
                    groups: b.groups.map(g => ({
                        ...g, name: (op === 'ins' ? PARA_INS : PARA_DEL) + wrap(g.name, op), members: g.members.map(m => wrap(m, op)),
                        acting: g.acting !== undefined ? wrap(g.acting, op) : undefined
                    }))
                };
            case 'recitals':
                return {
                    ...b, intro: this.markRuns(b.intro, op, true), closing: this.markRuns(b.closing, op, true),
                    items: b.items.map(i => del({
                        ...i, label: this.markLabel(i.label, op), numbering: this.markNumbering(i.numbering, op, rename),
                        runs: this.markRuns(i.runs, op, true)!
                    }))
                };
            case 'signatures':
                return {
                    ...b, intro: this.markRuns(b.intro, op, true),
                    signatures: b.signatures.map(s => ({
                        ...s, party: this.markRuns(s.party, op, true)!, name: this.markRuns(s.name, op, true),
                        capacity: this.markRuns(s.capacity, op, false), place: this.markRuns(s.place, op, true),
                        date: this.markRuns(s.date, op, false)
                    }))
                };
        }
    }

    markList(l: ListBlock, op: Op, rename: Rename): ListBlock {
        return { ...l, items: l.items.map(i => this.markItem(i, op, rename)) };
    }

    protected markItem(i: ListItem, op: Op, rename: Rename): ListItem {
        const item: ListItem = {
            ...i, label: this.markLabel(i.label, op), numbering: this.markNumbering(i.numbering, op, rename),
            runs: this.markRuns(i.runs, op, true)!,
            list: i.list ? this.markList(i.list, op, op === 'del' ? s => `del:${s}` : s => s) : undefined,
            closing: this.markRuns(i.closing, op, true)
        };
        if (op === 'del') this.deleted.add(item);
        return item;
    }

    // ---------------------------------------------------------------- merging prose

    protected tokenId(r: Run, which: 'old' | 'new'): string {
        switch (r.kind) {
            case 'ref': return r.link ? `r:${this.linkIdentity(r.link, which)}` : `r:${r.text}`;
            case 'term': return `g:${r.text}`;
            case 'law': return `w:${r.text}`;
            case 'url': return `u:${r.url}`;
            case 'placeholder': return `p:${r.text}`;
            default: return `t:${r.text}`;
        }
    }

    protected tokens(runs: Run[], which: 'old' | 'new'): Array<{ run: Run; id: string }> {
        const out: Array<{ run: Run; id: string }> = [];
        for (const r of runs) {
            if (r.kind === 'text') for (const w of wordTokens(r.text)) out.push({ run: { kind: 'text', text: w }, id: `t:${w}` });
            else out.push({ run: r, id: this.tokenId(r, which) });
        }
        return out;
    }

    mergeRuns(o: Run[] | undefined, n: Run[] | undefined, para: boolean): Run[] | undefined {
        if (!o && !n) return undefined;
        if (!o) return this.markRuns(n, 'ins', para);
        if (!n) return this.markRuns(o, 'del', para);
        const a = this.tokens(o, 'old');
        const b = this.tokens(n, 'new');
        let pieces: Array<{ op: '=' | Op; run: Run }> = diffSequences(a.map(t => t.id), b.map(t => t.id), x => x).map(e =>
            e.op === '=' ? { op: '=', run: b[e.newIndex!].run } : e.op === '-' ? { op: 'del', run: a[e.oldIndex!].run } : { op: 'ins', run: b[e.newIndex!].run });
        pieces = absorbSpaces(pieces);
        // Group before wrapping, so a changed phrase is one <ins>/<del>.
        const groups: Array<{ op: '=' | Op; run: Run }> = [];
        for (const p of pieces) {
            const last = groups[groups.length - 1];
            if (last && last.op === p.op && last.run.kind === 'text' && p.run.kind === 'text') {
                last.run = { kind: 'text', text: last.run.text + p.run.text };
            } else {
                groups.push({ op: p.op, run: { ...p.run } as Run });
            }
        }
        return joinText(groups.map(g => g.op === '=' ? g.run : this.markRuns([g.run], g.op, false)![0]));
    }

    // ---------------------------------------------------------------- merging blocks

    protected blockIdentity(b: Block, which: 'old' | 'new'): string {
        switch (b.kind) {
            case 'section': return `S:${this.idIdentity(b.id, which)}`;
            case 'lid': return `L:${this.idIdentity(b.id, which)}`;
            case 'table': return `T:${this.idIdentity(b.id, which)}`;
            case 'paragraph': return b.id ? `P:${this.idIdentity(b.id, which)}` : `A:${b.role}:${runsText(b.runs)}`;
            case 'list': return 'list';
            case 'parties': return 'parties';
            case 'recitals': return 'recitals';
            case 'signatures': return `G:${b.id}`;
        }
    }

    mergeBlocks(o: Block[], n: Block[], rename: Rename): Block[] {
        const ok = o.map(b => this.blockIdentity(b, 'old'));
        const nk = n.map(b => this.blockIdentity(b, 'new'));
        const out: Block[] = [];
        const edits = diffSequences(ok, nk, x => x);
        for (let i = 0; i < edits.length;) {
            if (edits[i].op === '=') {
                out.push(this.mergeBlock(o[edits[i].oldIndex!], n[edits[i].newIndex!], rename));
                i++;
                continue;
            }
            let j = i;
            while (j < edits.length && edits[j].op !== '=') j++;
            const removed = edits.slice(i, j).filter(e => e.op === '-').map(e => o[e.oldIndex!]);
            const added = edits.slice(i, j).filter(e => e.op === '+').map(e => n[e.newIndex!]);
            // Unnamed text that changed: the same kind of paragraph in the same gap, in order.
            const partner = new Map<Block, Block>();
            const used = new Set<Block>();
            for (const r of removed) {
                const match = added.find(a => !used.has(a) && sameKindOfAnon(r, a));
                if (match) {
                    used.add(match);
                    partner.set(match, r);
                }
            }
            const paired = new Set(partner.values());
            for (const r of removed) if (!paired.has(r)) out.push(this.markBlock(r, 'del', rename));
            for (const a of added) {
                const r = partner.get(a);
                out.push(r ? this.mergeBlock(r, a, rename) : this.markBlock(a, 'ins', s => s));
            }
            i = j;
        }
        return out;
    }

    /** HTML shows the old number of an element whose own number changed (not one that follows its artikel). */
    protected label(o: string, n: string, oldNumber: number | undefined, newNumber: number | undefined): string {
        return this.mode === 'html' && oldNumber !== newNumber ? `${n}${WAS_OPEN}${o}${WAS_CLOSE}` : n;
    }

    protected mergeBlock(o: Block, n: Block, rename: Rename): Block {
        switch (n.kind) {
            case 'section': {
                const old = o as SectionBlock;
                return {
                    ...n, label: this.label(old.label, n.label, old.numbering?.number, n.numbering?.number), title: this.mergeRuns(old.title, n.title, true)!,
                    children: this.mergeBlocks(old.children, n.children, renamer(old.id, n.id)),
                    external: n.external ? { source: this.mergeRuns(old.external?.source, n.external.source, true) } : undefined
                };
            }
            case 'paragraph': {
                const old = o as typeof n;
                const term = old.term === n.term ? n.term : `${wrap(old.term ?? '', 'del')}${wrap(n.term ?? '', 'ins')}`;
                return { ...n, term, runs: this.mergeRuns(old.runs, n.runs, true)! };
            }
            case 'lid': {
                const old = o as typeof n;
                const inner = renamer(old.id, n.id);
                return {
                    ...n, label: this.label(old.label, n.label, old.numbering.number, n.numbering.number), runs: this.mergeRuns(old.runs, n.runs, true)!,
                    list: this.mergeList(old.list, n.list, inner), closing: this.mergeRuns(old.closing, n.closing, true),
                    extra: this.mergeBlocks(old.extra, n.extra, inner)
                };
            }
            case 'list':
                return this.mergeList(o as ListBlock, n, rename)!;
            case 'table': {
                const old = o as typeof n;
                const width = Math.max(old.columns?.length ?? 0, n.columns?.length ?? 0);
                const columns = n.columns || old.columns
                    ? Array.from({ length: width }, (_, i) => this.mergeRuns(old.columns?.[i], n.columns?.[i], true) ?? [])
                    : undefined;
                const rowKey = (r: Run[][]) => r.map(c => runsText(c)).join('\u0001');
                const rows: Run[][][] = [];
                const edits = diffSequences(old.rows.map(rowKey), n.rows.map(rowKey), x => x);
                for (let i = 0; i < edits.length;) {
                    if (edits[i].op === '=') {
                        rows.push(n.rows[edits[i].newIndex!]);
                        i++;
                        continue;
                    }
                    let j = i;
                    while (j < edits.length && edits[j].op !== '=') j++;
                    const del = edits.slice(i, j).filter(e => e.op === '-').map(e => old.rows[e.oldIndex!]);
                    const ins = edits.slice(i, j).filter(e => e.op === '+').map(e => n.rows[e.newIndex!]);
                    // Rows changed in place: cell by cell; the rest as whole rows.
                    const both = Math.min(del.length, ins.length);
                    for (let k = 0; k < both; k++) {
                        const cells = Math.max(del[k].length, ins[k].length);
                        rows.push(Array.from({ length: cells }, (_, c) => this.mergeRuns(del[k][c], ins[k][c], true) ?? []));
                    }
                    for (const r of del.slice(both)) rows.push(r.map(c => this.markRuns(c, 'del', true)!));
                    for (const r of ins.slice(both)) rows.push(r.map(c => this.markRuns(c, 'ins', true)!));
                    i = j;
                }
                return { ...n, title: this.mergeRuns(old.title, n.title, true), columns, rows };
            }
            case 'parties': {
                const old = o as typeof n;
                const parties = mergeById(old.parties, n.parties, p => p.id,
                    (a, b) => ({ ...b, title: this.mergeRuns(a.title, b.title, true)!, description: this.mergeRuns(a.description, b.description, false) }),
                    a => ({ ...a, title: this.markRuns(a.title, 'del', true)!, description: this.markRuns(a.description, 'del', false) }),
                    b => ({ ...b, title: this.markRuns(b.title, 'ins', true)!, description: this.markRuns(b.description, 'ins', false) }));
                const groupText = (g: typeof n.groups[number]) => `${g.name}|${g.members.join(',')}|${g.acting ?? ''}`;
                const groups = mergeById(old.groups, n.groups, g => groupText(g), (_a, b) => b,
                    a => (this.markBlock({ ...old, parties: [], groups: [a] }, 'del', rename) as typeof n).groups[0],
                    b => (this.markBlock({ ...n, parties: [], groups: [b] }, 'ins', rename) as typeof n).groups[0]);
                return {
                    ...n, intro: this.mergeRuns(old.intro, n.intro, true), closing: this.mergeRuns(old.closing, n.closing, true), parties, groups
                };
            }
            case 'recitals': {
                const old = o as typeof n;
                const items = mergeById(old.items, n.items, (i, which) => this.idIdentity(i.id, which),
                    (a, b) => ({ ...b, label: this.label(a.label, b.label, a.numbering.number, b.numbering.number), runs: this.mergeRuns(a.runs, b.runs, true)! }),
                    a => {
                        const d = { ...a, label: wrap(a.label, 'del'), numbering: this.markNumbering(a.numbering, 'del', rename), runs: this.markRuns(a.runs, 'del', true)! };
                        this.deleted.add(d);
                        return d;
                    },
                    b => ({ ...b, label: wrap(b.label, 'ins'), numbering: this.markNumbering(b.numbering, 'ins', s => s), runs: this.markRuns(b.runs, 'ins', true)! }));
                return { ...n, intro: this.mergeRuns(old.intro, n.intro, true), closing: this.mergeRuns(old.closing, n.closing, true), items };
            }
            case 'signatures': {
                const old = o as typeof n;
                const signatures = mergeById(old.signatures, n.signatures, s => runsText(s.party),
                    (a, b) => ({
                        ...b, name: this.mergeRuns(a.name, b.name, true), capacity: this.mergeRuns(a.capacity, b.capacity, false),
                        place: this.mergeRuns(a.place, b.place, true), date: this.mergeRuns(a.date, b.date, false)
                    }),
                    a => (this.markBlock({ ...old, intro: undefined, signatures: [a] }, 'del', rename) as typeof n).signatures[0],
                    b => (this.markBlock({ ...n, intro: undefined, signatures: [b] }, 'ins', rename) as typeof n).signatures[0]);
                return { ...n, intro: this.mergeRuns(old.intro, n.intro, true), signatures };
            }
        }
    }

    mergeList(o: ListBlock | undefined, n: ListBlock | undefined, rename: Rename): ListBlock | undefined {
        if (!o && !n) return undefined;
        if (!o) return this.markList(n!, 'ins', s => s);
        if (!n) return this.markList(o, 'del', rename);
        const items = mergeById(o.items, n.items, (i, which) => this.idIdentity(i.id, which),
            (a, b) => this.mergeItem(a, b),
            a => this.markItem(a, 'del', rename),
            b => this.markItem(b, 'ins', s => s));
        return { ...n, items };
    }

    protected mergeItem(o: ListItem, n: ListItem): ListItem {
        const numbering = { ...n.numbering };
        if (this.mode === 'html' && o.numbering.number !== n.numbering.number) numbering.suffix += `${WAS_OPEN}${o.label}${WAS_CLOSE}`;
        return {
            ...n, numbering, runs: this.mergeRuns(o.runs, n.runs, true)!,
            list: this.mergeList(o.list, n.list, renamer(o.id, n.id)), closing: this.mergeRuns(o.closing, n.closing, true)
        };
    }

    mergeMeta(o: MetaItem[], n: MetaItem[]): MetaItem[] {
        return mergeById(o, n, m => m.label,
            (a, b) => a.value === b.value ? b : { ...b, value: wrap(a.value, 'del') + wrap(b.value, 'ins') },
            a => ({ label: PARA_DEL + wrap(a.label, 'del'), value: wrap(a.value, 'del') }),
            b => ({ label: PARA_INS + wrap(b.label, 'ins'), value: wrap(b.value, 'ins') }));
    }

    /**
     * DOCX: numbers of a merged sequence count deleted items too, as Word does while it shows the changes; a
     * kept or inserted item's number is its new one plus the deletions before it, so one Word list holds them.
     */
    renumber(blocks: Block[]): void {
        const state = new Map<string, { last: number; deleted: number }>();
        const visit = (n: Numbering | undefined, owner: object) => {
            if (!n || n.format === 'text' || n.format === 'bullet') return;
            const s = state.get(n.sequence);
            if (this.deleted.has(owner)) {
                const number = s ? s.last + 1 : n.number;
                state.set(n.sequence, { last: number, deleted: (s?.deleted ?? 0) + 1 });
                n.number = number;
            } else {
                n.number += s?.deleted ?? 0;
                state.set(n.sequence, { last: n.number, deleted: s?.deleted ?? 0 });
            }
        };
        const list = (l: ListBlock | undefined) => {
            for (const i of l?.items ?? []) {
                i.numbering = { ...i.numbering };
                visit(i.numbering, i);
                list(i.list);
            }
        };
        const walk = (bs: Block[]) => {
            for (const b of bs) {
                if (b.kind === 'section') {
                    if (b.numbering) {
                        b.numbering = { ...b.numbering };
                        visit(b.numbering, b);
                    }
                    walk(b.children);
                } else if (b.kind === 'lid') {
                    b.numbering = { ...b.numbering };
                    visit(b.numbering, b);
                    list(b.list);
                    walk(b.extra);
                } else if (b.kind === 'list') {
                    list(b);
                } else if (b.kind === 'recitals') {
                    for (const i of b.items) {
                        i.numbering = { ...i.numbering };
                        visit(i.numbering, i);
                    }
                }
            }
        };
        walk(blocks);
    }
}

type Rename = (sequence: string) => string;

/** Sequences below an element follow its id: those of the old element continue those of the new one. */
function renamer(oldId: string, newId: string): Rename {
    return s => s.startsWith(oldId) ? newId + s.slice(oldId.length) : s;
}

function sameKindOfAnon(a: Block, b: Block): boolean {
    return a.kind === 'paragraph' && b.kind === 'paragraph' && !a.id && !b.id && a.role === b.role;
}

/** Merges two lists of items matched by identity, keeping the new order; deletions stay where they were. */
function mergeById<T>(
    o: T[], n: T[], key: (x: T, which: 'old' | 'new') => string,
    both: (a: T, b: T) => T, del: (a: T) => T, ins: (b: T) => T
): T[] {
    const out: T[] = [];
    for (const e of diffSequences(o.map(x => key(x, 'old')), n.map(x => key(x, 'new')), x => x)) {
        if (e.op === '=') out.push(both(o[e.oldIndex!], n[e.newIndex!]));
        else if (e.op === '-') out.push(del(o[e.oldIndex!]));
        else out.push(ins(n[e.newIndex!]));
    }
    return out;
}

/** A space kept between two changes belongs to both sides of the change; removals come before insertions. */
function absorbSpaces(pieces: Array<{ op: '=' | Op; run: Run }>): Array<{ op: '=' | Op; run: Run }> {
    const out: Array<{ op: '=' | Op; run: Run }> = [];
    for (let i = 0; i < pieces.length; i++) {
        const p = pieces[i];
        const before = out[out.length - 1];
        const after = pieces[i + 1];
        if (p.op === '=' && p.run.kind === 'text' && /^\s+$/.test(p.run.text) && before && before.op !== '=' && after && after.op !== '=') {
            out.push({ op: 'del', run: p.run }, { op: 'ins', run: { ...p.run } });
        } else {
            out.push(p);
        }
    }
    // Within each stretch of changes: deletions first.
    const sorted: typeof out = [];
    for (let i = 0; i < out.length;) {
        if (out[i].op === '=') {
            sorted.push(out[i++]);
            continue;
        }
        let j = i;
        while (j < out.length && out[j].op !== '=') j++;
        const gap = out.slice(i, j);
        sorted.push(...gap.filter(x => x.op === 'del'), ...gap.filter(x => x.op === 'ins'));
        i = j;
    }
    return sorted;
}

/** Adjacent text runs joined (their marks are inline). */
function joinText(runs: Run[]): Run[] {
    const out: Run[] = [];
    for (const r of runs) {
        const last = out[out.length - 1];
        if (r.kind === 'text' && last?.kind === 'text') last.text += r.text;
        else out.push({ ...r });
    }
    return out;
}

/** Strips the private-use characters the marks use from everything the source said. */
function sanitise<T>(view: T): T {
    return JSON.parse(JSON.stringify(view).replace(MARKERS, '')) as T;
}

// ---------------------------------------------------------------- the views of a diff run

export interface RenvooiView {
    /** Output name of the entry ("raamovereenkomst"). */
    name: string;
    view: DocumentView;
}

/** One merged view per entry document of the new version (and of an old entry that no longer exists). */
export function renvooiViews(run: DiffRun, mode: Mode): RenvooiView[] {
    const reverse = new Map<DocumentSnapshot, DocumentSnapshot>();
    for (const [o, { other }] of run.result.pairs) reverse.set(other, o);
    const newSide = side(run.new, (d, key) => `${d.name}|${key}`);
    const oldSide = side(run.old, (d, key) => {
        const pair = run.result.pairs.get(d);
        const mapped = pair?.elements.get(key);
        return pair && mapped ? `${pair.other.name}|${mapped}` : `old:${d.name}|${key}`;
    });
    const out: RenvooiView[] = [];
    const usedOld = new Set<LangiumDocument>();
    for (const entry of newSide.layout.entries) {
        const snap = run.new.documents.find(d => d.document === entry);
        const oldSnap = snap ? reverse.get(snap) : undefined;
        const oldEntry = oldSnap && oldSide.layout.entries.includes(oldSnap.document) ? oldSnap.document : undefined;
        if (oldEntry) usedOld.add(oldEntry);
        const newView = sanitise(buildView(entry, newSide.layout));
        const oldView = oldEntry ? sanitise(buildView(oldEntry, oldSide.layout)) : undefined;
        out.push({ name: newView.name, view: merge(new Merger(mode, oldSide, oldEntry, newSide, entry), oldView, newView, mode) });
    }
    for (const entry of oldSide.layout.entries) {
        if (usedOld.has(entry)) continue;
        const oldView = sanitise(buildView(entry, oldSide.layout));
        out.push({ name: oldView.name, view: merge(new Merger(mode, oldSide, entry, newSide, undefined), oldView, undefined, mode) });
    }
    return out;
}

function merge(m: Merger, o: DocumentView | undefined, n: DocumentView | undefined, mode: Mode): DocumentView {
    const base = n ?? o!;
    const cover = m.mergeBlocks(o?.cover ?? [], n?.cover ?? [], s => s);
    const body = m.mergeBlocks(o?.body ?? [], n?.body ?? [], s => s);
    if (mode === 'docx') m.renumber([...cover, ...body]);
    return {
        ...base,
        title: m.mergeRuns(o?.title, n?.title, true) ?? [],
        meta: m.mergeMeta(o?.meta ?? [], n?.meta ?? []),
        cover, body, toc: tableOfContents(body),
        warnings: n?.warnings ?? []
    };
}

// ---------------------------------------------------------------- HTML

const RENVOOI_CSS = `
ins { background: #e3f6e3; color: #135e13; text-decoration: underline; }
del { background: #fbe4e4; color: #8a1414; text-decoration: line-through; }
.was { color: #8a1414; font-size: .8em; margin-left: .3em; }
.wijzigingen { max-width: 46em; margin: 2em auto 0; padding: 1.5em 4em; background: #fffbe6; border: 1px solid #e6d87a; }
.wijzigingen h2 { margin-top: 0; font-size: 1.2em; color: #5a4a00; }
.wijzigingen ul { padding-left: 1.2em; }
.wijzigingen li { margin: .2em 0; }
`.trim();

/** Marks → <ins>/<del>; the text is already escaped, and the marks were stripped from the source. */
export function finishHtml(html: string): string {
    return html
        .replace(/<title>([\s\S]*?)<\/title>/, (_m, t: string) => `<title>${acceptedText(t)}</title>`)
        .replace(/[\uE000-\uE007]/g, c => ({
            [INS_OPEN]: '<ins>', [INS_CLOSE]: '</ins>', [DEL_OPEN]: '<del>', [DEL_CLOSE]: '</del>',
            [PARA_INS]: '', [PARA_DEL]: '', [WAS_OPEN]: '<span class="was">(was ', [WAS_CLOSE]: ')</span>'
        })[c] ?? '');
}

/** One self-contained HTML file: the list of changes, then the renvooi of every entry document. */
export function renvooiHtml(run: DiffRun, _options: RenvooiOptions): string {
    const views = renvooiViews(run, 'html');
    const summary: string[] = ['<section class="wijzigingen" id="wijzigingen">', '<h2>Wijzigingen</h2>',
        `<p>${escapeHtml(`${run.result.old} (oud) → ${run.result.new} (nieuw)`)}</p>`];
    for (const d of run.result.documents) {
        if (d.status === 'unchanged') continue;
        const status = d.status === 'added' ? 'nieuw document' : d.status === 'removed' ? 'document verwijderd' : `${d.changes.length} ${d.changes.length === 1 ? 'wijziging' : 'wijzigingen'}`;
        summary.push(`<h3>${escapeHtml(`${d.file ?? d.oldFile} (${d.soort} ${d.document})`)}: ${escapeHtml(status)}</h3>`);
        if (d.changes.length) summary.push('<ul>', ...d.changes.map(c => `<li>${escapeHtml(changeLine(c))}</li>`), '</ul>');
        if (d.affects.length) summary.push(`<p>Geraakt: ${escapeHtml(d.affects.join(', '))}</p>`);
    }
    if (run.result.documents.every(d => d.status === 'unchanged')) summary.push('<p>Geen verschillen.</p>');
    summary.push('</section>');
    const pages = views.map(v => finishHtml(renderHtml(v.view)));
    const first = pages[0] ?? finishHtml(renderHtml({ name: '', kindLabel: '', title: [], meta: [], cover: [], toc: [], body: [], warnings: [] }));
    const mains = pages.map(p => /<main class="document">[\s\S]*<\/main>/.exec(p)?.[0] ?? '');
    return first
        .replace('</style>', `\n${RENVOOI_CSS}</style>`)
        .replace(/<title>/, '<title>Renvooi: ')
        .replace(/<main class="document">[\s\S]*<\/main>/, () => [summary.join('\n'), ...mains].join('\n'));
}

// ---------------------------------------------------------------- DOCX

/** One DOCX per entry document, with the changes as Word revisions. */
export async function renvooiDocx(run: DiffRun, options: RenvooiOptions): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    for (const v of renvooiViews(run, 'docx')) {
        out.set(v.name, finishDocx(await renderDocx(v.view), options));
    }
    return out;
}

export function finishDocx(docx: Buffer, options: RenvooiOptions): Buffer {
    const entries = readZip(docx).map(e => {
        if (!e.name.endsWith('.xml') && !e.name.endsWith('.rels')) return e;
        let xml = e.data.toString('utf8');
        if (e.name === 'word/document.xml') xml = trackChanges(xml, options);
        else if (e.name === 'word/settings.xml') xml = xml.replace('<w:defaultTabStop', '<w:trackRevisions/><w:defaultTabStop');
        else xml = acceptedText(xml);
        return { name: e.name, data: Buffer.from(xml, 'utf8') };
    });
    return writeZip(entries);
}

function escapeAttr(s: string): string {
    return s.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** Rewrites the marked runs of document.xml into w:ins / w:del, and whole paragraphs' marks into revisions. */
export function trackChanges(xml: string, options: RenvooiOptions): string {
    let id = Math.max(0, ...[...xml.matchAll(/w:id="(\d+)"/g)].map(m => Number(m[1]))) + 1;
    const who = `w:author="${escapeAttr(options.author)}" w:date="${escapeAttr(options.date)}"`;
    const revision = (op: Op, inner: string) => `<w:${op} w:id="${id++}" ${who}>${inner}</w:${op}>`;
    return xml.replace(/<w:p\b(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/w:p>)/g, p => {
        if (!/[\uE000-\uE005]/.test(p)) return p;
        const whole: Op | undefined = p.includes(PARA_INS) ? 'ins' : p.includes(PARA_DEL) ? 'del' : undefined;
        let mode: Op | undefined;
        let body = p.replace(/<w:r\b(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g, (_run, inner: string) => {
            const rPr = /^<w:rPr>[\s\S]*?<\/w:rPr>/.exec(inner)?.[0] ?? '';
            const rest = inner.slice(rPr.length);
            const pieces: Array<{ op?: Op; xml: string; text?: string }> = [];
            for (const m of rest.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:instrText(?:\s[^>]*)?>[\s\S]*?<\/w:instrText>|<[^>]*\/>|<[^>]+>[\s\S]*?<\/[^>]+>/g)) {
                if (m[1] !== undefined) {
                    for (const part of m[1].split(/([\uE000-\uE005])/)) {
                        if (part === INS_OPEN) mode = 'ins';
                        else if (part === DEL_OPEN) mode = 'del';
                        else if (part === INS_CLOSE || part === DEL_CLOSE) mode = undefined;
                        else if (part === PARA_INS || part === PARA_DEL || part === '') continue;
                        else pieces.push({ op: whole ?? mode, xml: '', text: part });
                    }
                } else {
                    pieces.push({ op: whole ?? mode, xml: m[0] });
                }
            }
            let out = '';
            for (let i = 0; i < pieces.length;) {
                let j = i;
                let content = '';
                while (j < pieces.length && pieces[j].op === pieces[i].op) {
                    const piece = pieces[j];
                    if (piece.text !== undefined) {
                        content += pieces[i].op === 'del'
                            ? `<w:delText xml:space="preserve">${piece.text}</w:delText>`
                            : `<w:t xml:space="preserve">${piece.text}</w:t>`;
                    } else {
                        content += pieces[i].op === 'del' ? piece.xml.replace(/<(\/?)w:instrText\b/g, '<$1w:delInstrText') : piece.xml;
                    }
                    j++;
                }
                const runXml = `<w:r>${rPr}${content}</w:r>`;
                const op = pieces[i].op;
                out += op ? revision(op, runXml) : runXml;
                i = j;
            }
            return out;
        });
        if (whole) {
            const mark = `<w:${whole} w:id="${id++}" ${who}/>`;
            const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(body)?.[0];
            if (pPr?.includes('<w:rPr>')) body = body.replace(pPr, pPr.replace('<w:rPr>', `<w:rPr>${mark}`));
            else if (pPr) body = body.replace(pPr, pPr.replace('</w:pPr>', `<w:rPr>${mark}</w:rPr></w:pPr>`));
            else body = body.replace(/^<w:p\b[^>]*>/, t => `${t}<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`);
        }
        return body.replace(/[\uE000-\uE007]/g, '');
    });
}
