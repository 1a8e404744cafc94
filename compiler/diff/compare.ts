/**
 * Comparing two snapshots of a document set. Documents are matched by their symbolic name (then by file),
 * elements by kind and qualified name. What is left over is paired by name and text similarity, so a lid that
 * moved to another artikel, or an artikel that was renamed, is a move and not a removal plus an addition.
 * A changed number alone is a renumbering, never a content change; descendants that only follow their
 * parent's new number are not reported one by one.
 */
import type { ElementKind, ElementSnapshot, Place, ProvisionKind, ProvisionSnapshot, DocumentSnapshot, SetSnapshot } from './snapshot.js';
import type { WordOp } from './sequence.js';
import { diffSequences, diffWords, similarity } from './sequence.js';

export type ChangeType =
    | 'added' | 'removed' | 'moved' | 'renamed' | 'renumbered' | 'title' | 'text'
    | 'provision-added' | 'provision-removed' | 'provision-changed' | 'metadata';

export interface Located extends Place {
    /** Symbolic name of the element (for a provision: the element it belongs to). */
    name?: string;
    kind?: string;
    /** Title of an artikel, hoofdstuk or bijlage. */
    title?: string;
}

export interface FieldChange {
    field: string;
    old: string;
    new: string;
}

export interface Change {
    type: ChangeType;
    kind: ElementKind | ProvisionKind | 'document';
    /** Symbolic name (element), provision name, or metadata field. */
    name: string;
    old?: Located;
    new?: Located;
    /** title and text: the word-level diff. */
    words?: WordOp[];
    /** provision-*: one-line values; metadata: the values. */
    oldValue?: string;
    newValue?: string;
    /** provision-changed: the fields that differ. */
    fields?: FieldChange[];
}

export type DocumentStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DocumentDiff {
    /** Symbolic name of the document. */
    document: string;
    soort: string;
    /** File in the new version (relative to its set's root); absent when removed. */
    file?: string;
    /** File in the old version; absent when added. */
    oldFile?: string;
    status: DocumentStatus;
    changes: Change[];
    /** Documents of the set that import or load this one, directly or through others (new version's files). */
    affects: string[];
}

export interface DiffSummary {
    documents: { added: number; removed: number; changed: number; unchanged: number };
    /** Count per change type over all documents. */
    changes: Partial<Record<ChangeType, number>>;
}

export interface DiffResult {
    old: string;
    new: string;
    documents: DocumentDiff[];
    summary: DiffSummary;
    /** Pairs of old → new document and element keys, for the renvooi. */
    pairs: Map<DocumentSnapshot, { other: DocumentSnapshot; elements: Map<string, string> }>;
}

const NUMBERED: ReadonlySet<ElementKind> = new Set<ElementKind>(['hoofdstuk', 'artikel', 'lid', 'onderdeel', 'bijlage', 'overweging']);

export function compareSets(oldSet: SetSnapshot, newSet: SetSnapshot, labels: { old: string; new: string }): DiffResult {
    const pairs: DiffResult['pairs'] = new Map();
    const documents: DocumentDiff[] = [];
    const matched = matchDocuments(oldSet.documents, newSet.documents);
    for (const [o, n] of matched) {
        if (o && n) {
            const { changes, elements } = compareDocuments(o, n);
            pairs.set(o, { other: n, elements });
            documents.push({
                document: n.name, soort: n.soort, file: n.file, oldFile: o.file,
                status: changes.length ? 'changed' : 'unchanged', changes, affects: []
            });
        } else if (n) {
            documents.push({ document: n.name, soort: n.soort, file: n.file, status: 'added', changes: [], affects: [] });
        } else if (o) {
            documents.push({ document: o.name, soort: o.soort, oldFile: o.file, status: 'removed', changes: [], affects: [] });
        }
    }
    for (const d of documents) {
        if (d.status === 'unchanged') continue;
        const set = d.status === 'removed' ? oldSet : newSet;
        d.affects = importers(set, d.status === 'removed' ? d.oldFile! : d.file!);
    }
    return { old: labels.old, new: labels.new, documents, summary: summarise(documents), pairs };
}

function summarise(documents: DocumentDiff[]): DiffSummary {
    const summary: DiffSummary = { documents: { added: 0, removed: 0, changed: 0, unchanged: 0 }, changes: {} };
    for (const d of documents) {
        summary.documents[d.status]++;
        for (const c of d.changes) summary.changes[c.type] = (summary.changes[c.type] ?? 0) + 1;
    }
    return summary;
}

/** By symbolic name first, then by file; the result keeps the new set's order, removed documents last. */
function matchDocuments(oldDocs: DocumentSnapshot[], newDocs: DocumentSnapshot[]): Array<[DocumentSnapshot | undefined, DocumentSnapshot | undefined]> {
    const left = new Set(oldDocs);
    const out: Array<[DocumentSnapshot | undefined, DocumentSnapshot | undefined]> = [];
    const byName = (n: DocumentSnapshot) => oldDocs.find(o => left.has(o) && o.name && o.name === n.name && o.soort === n.soort)
        ?? oldDocs.find(o => left.has(o) && o.name && o.name === n.name);
    const pending: DocumentSnapshot[] = [];
    const found = new Map<DocumentSnapshot, DocumentSnapshot>();
    for (const n of newDocs) {
        const o = byName(n);
        if (o) {
            left.delete(o);
            found.set(n, o);
        } else {
            pending.push(n);
        }
    }
    for (const n of pending) {
        const o = oldDocs.find(x => left.has(x) && x.file === n.file);
        if (o) {
            left.delete(o);
            found.set(n, o);
        }
    }
    for (const n of newDocs) out.push([found.get(n), n]);
    for (const o of oldDocs) if (left.has(o)) out.push([o, undefined]);
    return out;
}

/** Files of the set that import or load `file`, transitively. */
function importers(set: SetSnapshot, file: string): string[] {
    const out = new Set<string>();
    const queue = [file];
    while (queue.length) {
        const f = queue.shift()!;
        for (const d of set.documents) {
            if (d.file !== file && !out.has(d.file) && d.imports.includes(f)) {
                out.add(d.file);
                queue.push(d.file);
            }
        }
    }
    return [...out].sort();
}

function located(e: ElementSnapshot): Located {
    return { name: e.name, kind: e.kind, ...e.place, ...(e.title ? { title: e.title } : {}) };
}

function lastSegment(name: string): string {
    return name.split('.').pop() ?? name;
}

function content(e: ElementSnapshot): string {
    return `${e.title ?? ''} ${e.text}`;
}

export function compareDocuments(o: DocumentSnapshot, n: DocumentSnapshot): { changes: Change[]; elements: Map<string, string> } {
    const changes: Change[] = [];
    if (o.title !== n.title) {
        changes.push({ type: 'title', kind: 'document', name: n.name, words: diffWords(o.title, n.title), oldValue: o.title, newValue: n.title });
    }
    const oldMeta = new Map(o.meta);
    const newMeta = new Map(n.meta);
    for (const field of new Set([...oldMeta.keys(), ...newMeta.keys()])) {
        const a = oldMeta.get(field) ?? '';
        const b = newMeta.get(field) ?? '';
        if (a !== b) {
            changes.push({
                type: 'metadata', kind: 'document', name: field, oldValue: a, newValue: b,
                words: field === 'tekst' ? diffWords(a, b) : undefined
            });
        }
    }

    // old key → new key
    const pair = new Map<string, string>();
    for (const key of o.order) if (n.elements.has(key)) pair.set(key, key);
    const removed = o.order.filter(k => !pair.has(k));
    const pairedNew = new Set(pair.values());
    let added = n.order.filter(k => !pairedNew.has(k));
    // Leftovers of the same kind: the same name elsewhere (moved), or the same text under another name (renamed).
    const candidates: Array<{ from: string; to: string; score: number }> = [];
    for (const r of removed) {
        const re = o.elements.get(r)!;
        for (const a of added) {
            const ae = n.elements.get(a)!;
            if (ae.kind !== re.kind) continue;
            const sim = similarity(content(re), content(ae));
            const sameName = lastSegment(re.name) === lastSegment(ae.name);
            if ((sameName && sim >= 0.5) || sim >= 0.9) candidates.push({ from: r, to: a, score: sim + (sameName ? 1 : 0) });
        }
    }
    candidates.sort((x, y) => y.score - x.score);
    const usedNew = new Set<string>();
    for (const c of candidates) {
        if (pair.has(c.from) || usedNew.has(c.to)) continue;
        pair.set(c.from, c.to);
        usedNew.add(c.to);
    }
    added = added.filter(a => !usedNew.has(a));
    const stillRemoved = removed.filter(r => !pair.has(r));
    const reverse = new Map([...pair].map(([a, b]) => [b, a]));

    // Moves: a new parent, a new name, or a new place among the same siblings.
    const moved = new Set<string>();
    const renamed = new Set<string>();
    for (const [ok, nk] of pair) {
        const oe = o.elements.get(ok)!;
        const ne = n.elements.get(nk)!;
        const oldParent = oe.parent ? pair.get(oe.parent) ?? `removed:${oe.parent}` : undefined;
        if (oldParent !== ne.parent) moved.add(nk);
        else if (ok !== nk && lastSegment(oe.name) !== lastSegment(ne.name)) renamed.add(nk);
    }
    const siblings = new Map<string, string[]>();
    for (const nk of n.order) {
        if (!reverse.has(nk) || moved.has(nk)) continue;
        const parent = n.elements.get(nk)!.parent ?? '';
        const kind = n.elements.get(nk)!.kind;
        const group = `${parent}|${kind}`;
        siblings.set(group, [...(siblings.get(group) ?? []), nk]);
    }
    const oldIndex = new Map(o.order.map((k, i) => [k, i]));
    for (const list of siblings.values()) {
        const byOld = [...list].sort((a, b) => oldIndex.get(reverse.get(a)!)! - oldIndex.get(reverse.get(b)!)!);
        for (const e of diffSequences(byOld, list, x => x)) if (e.op === '+') moved.add(list[e.newIndex!]);
    }

    for (const nk of n.order) {
        const ok = reverse.get(nk);
        if (ok === undefined) {
            const ne = n.elements.get(nk)!;
            if (ne.parent && !reverse.has(ne.parent)) continue;   // inside an added element
            changes.push({ type: 'added', kind: ne.kind, name: ne.name, new: located(ne) });
            continue;
        }
        const oe = o.elements.get(ok)!;
        const ne = n.elements.get(nk)!;
        if (moved.has(nk)) {
            changes.push({ type: 'moved', kind: ne.kind, name: ne.name, old: located(oe), new: located(ne) });
        } else if (renamed.has(nk)) {
            changes.push({ type: 'renamed', kind: ne.kind, name: ne.name, old: located(oe), new: located(ne) });
        } else if (NUMBERED.has(ne.kind) && oe.number !== ne.number) {
            changes.push({ type: 'renumbered', kind: ne.kind, name: ne.name, old: located(oe), new: located(ne) });
        }
        if ((oe.title ?? '') !== (ne.title ?? '')) {
            changes.push({ type: 'title', kind: ne.kind, name: ne.name, old: located(oe), new: located(ne), words: diffWords(oe.title ?? '', ne.title ?? '') });
        }
        if (oe.text !== ne.text) {
            changes.push({ type: 'text', kind: ne.kind, name: ne.name, old: located(oe), new: located(ne), words: diffWords(oe.text, ne.text) });
        }
    }
    for (const ok of stillRemoved) {
        const oe = o.elements.get(ok)!;
        if (oe.parent && !pair.has(oe.parent)) continue;   // inside a removed element
        changes.push({ type: 'removed', kind: oe.kind, name: oe.name, old: located(oe) });
    }

    changes.push(...compareProvisions(o, n, pair));
    return { changes, elements: pair };
}

function provisionPlace(doc: DocumentSnapshot, p: ProvisionSnapshot): Located {
    const e = p.element ? doc.elements.get(p.element) : undefined;
    return e ? located(e) : { name: doc.name, kind: 'document' };
}

function sameFields(a: ProvisionSnapshot, b: ProvisionSnapshot): boolean {
    return JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

function compareProvisions(o: DocumentSnapshot, n: DocumentSnapshot, _pairs: Map<string, string>): Change[] {
    const changes: Change[] = [];
    const value = (p: ProvisionSnapshot) => p.fields.filter(([, v]) => v !== '').map(([k, v]) => `${k} ${v}`).join(', ');
    const removed = [...o.provisions.values()].filter(p => !n.provisions.has(p.key));
    const added = [...n.provisions.values()].filter(p => !o.provisions.has(p.key));
    // A provision whose holder was renamed keeps its values: not a change.
    const silent = new Set<ProvisionSnapshot>();
    for (const r of removed) {
        const a = added.find(x => !silent.has(x) && x.kind === r.kind && sameFields(x, r));
        if (a) {
            silent.add(a);
            silent.add(r);
        }
    }
    for (const np of n.provisions.values()) {
        const op = o.provisions.get(np.key);
        if (!op) {
            if (!silent.has(np)) changes.push({ type: 'provision-added', kind: np.kind, name: np.name, new: provisionPlace(n, np), newValue: value(np) });
            continue;
        }
        const oldFields = new Map(op.fields);
        const fields: FieldChange[] = [];
        for (const [field, v] of np.fields) {
            const before = oldFields.get(field) ?? '';
            if (before !== v) fields.push({ field, old: before, new: v });
        }
        if (fields.length) {
            changes.push({
                type: 'provision-changed', kind: np.kind, name: np.name, old: provisionPlace(o, op), new: provisionPlace(n, np),
                oldValue: value(op), newValue: value(np), fields
            });
        }
    }
    for (const op of removed) {
        if (!silent.has(op)) changes.push({ type: 'provision-removed', kind: op.kind, name: op.name, old: provisionPlace(o, op), oldValue: value(op) });
    }
    return changes;
}
