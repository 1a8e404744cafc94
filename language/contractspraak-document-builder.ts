/**
 * Rebuilding only what an edit can change (performance.md P5/P6, prose.md P11). Langium relinks every document
 * with any linking error on every change anywhere; with capitalised words as soft term references every document
 * has such errors (`De`, `Raalte`), so each keystroke would relink the whole workspace. Here the decision is taken
 * at symbol level, after the changed documents are parsed and indexed again:
 *
 * - relink the documents that reference a changed one (Langium's `isAffected`);
 * - relink the documents that see a changed one when its exported names changed (an unresolved word may resolve,
 *   a near miss or an ambiguity may appear), and those whose document set it enters or leaves (new, deleted, or
 *   its imports changed);
 * - after validation, re-validate the documents whose set-level findings involving a changed one differ
 *   (rangorde, termijn conflicts: set-findings.ts), and the owner of a begrip whose only use was added or removed.
 *
 * The state before an edit is taken when the update starts and kept until a build has used it, so an edit that
 * cancels a running build still compares with what the other documents last saw.
 */
import type { AstNodeDescription, BuildOptions, LangiumDocument } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import type { ContractspraakIndexManager } from './contractspraak-index-manager.js';
import type { ContractspraakServices } from './contractspraak-module.js';
import type { ImportLink } from './document-set.js';
import { importLinks } from './document-set.js';
import type { Document } from './generated/ast.js';
import { isDocument } from './generated/ast.js';
import type { CrossFindings } from './set-findings.js';
import { changedFindings, crossFindings } from './set-findings.js';

/** What other documents may depend on, taken from a changed document before the edit. */
interface Before {
    /** Whether it existed as a parsed document. */
    exists: boolean;
    /** Exported names with their type: what other documents' references and checks look up. */
    exports: Set<string>;
    /** Its file links (imports, `uit` parts). */
    links: string[];
    /** Documents that saw it. */
    viewers: Set<string>;
    /** Targets in other documents that its references resolved to (uri#path). */
    targets: Set<string>;
    /** Set-level findings in other documents that involve it; undefined when they could not be computed. */
    cross: CrossFindings | undefined;
    /** Documents whose set-level findings may involve it (those in `cross` were computed). */
    candidates: Set<string>;
    /** Exported elements with their paths (`type name path`): unchanged, references into it can be rebound. */
    exportKeys: string[];
    /** Documents that reference it, whose relinking waits for its new exports. */
    dependents: Set<string>;
    /** Dependents rebound to the new parse, to validate again. */
    rebound: Set<string>;
    /** The parse the relink decision was taken for (a new parse decides again). */
    decidedFor?: unknown;
}

/** Why the last update rebuilt a document, for tests and the benchmark. */
export type RebuildReason = 'changed' | 'references-changed' | 'names-changed' | 'set-changed' | 'set-findings' | 'begrip-use';

export class ContractspraakDocumentBuilder extends DefaultDocumentBuilder {
    /** Changed documents whose before-state has not been compared yet (URI → state). */
    protected readonly pending = new Map<string, Before>();
    /** Documents rebuilt by the last update and why (first reason); relinked ones are also re-validated. */
    readonly lastUpdate = { relinked: new Map<string, RebuildReason>(), revalidated: new Map<string, RebuildReason>() };

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.lastUpdate.relinked.clear();
        this.lastUpdate.revalidated.clear();
        const changedUris = (await Promise.all(changed.map(uri => this.findChangedUris(uri)))).flat().map(u => u.toString());
        const deletedUris = deleted.flatMap(d => {
            const prefix = d.toString();
            return this.langiumDocuments.all.map(doc => doc.uri.toString()).filter(u => u === prefix || u.startsWith(prefix + '/')).toArray();
        });
        const all = new Set([...changedUris, ...deletedUris]);
        for (const uri of all) {
            // The oldest state is what the other documents last saw (an earlier build may have been cancelled).
            if (!this.pending.has(uri)) this.pending.set(uri, this.takeBefore(uri, all));
        }
        return super.update(changed, deleted, cancelToken);
    }

    /**
     * Nothing relinks before the changed documents are parsed again: a document that references one of them waits
     * (it is relinked, or its references are rebound, once the new exports are known), unless that document is
     * new or deleted.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const uri = document.uri.toString();
        const targets = (this.indexManager as ContractspraakIndexManager).targetDocumentsOf(uri);
        let relink = false;
        for (const changed of changedUris) {
            if (!targets.has(changed)) continue;
            const before = this.pending.get(changed);
            if (before?.exists && this.langiumDocuments.hasDocument(URI.parse(changed))) before.dependents.add(uri);
            else relink = true;
        }
        if (relink) this.lastUpdate.relinked.set(uri, 'references-changed');
        return relink;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        documents = [...documents];
        this.prepareBuild(documents, options);
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, doc => this.langiumDocumentFactory.update(doc, cancelToken));
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, doc => this.indexManager.updateContent(doc, cancelToken));
        const more = this.relinkAfterIndexing(documents);
        if (more.length) {
            this.prepareBuild(more, options);
            documents.push(...more);
        }
        await this.runCancelable(documents, DocumentState.ComputedScopes, cancelToken, async doc => {
            const scopeComputation = this.serviceRegistry.getServices(doc.uri).references.ScopeComputation;
            doc.localSymbols = await scopeComputation.collectLocalSymbols(doc, cancelToken);
        });
        const toBeLinked = documents.filter(doc => this.shouldLink(doc));
        await this.runCancelable(toBeLinked, DocumentState.Linked, cancelToken, doc =>
            this.serviceRegistry.getServices(doc.uri).references.Linker.link(doc, cancelToken));
        await this.runCancelable(toBeLinked, DocumentState.IndexedReferences, cancelToken, doc => this.indexManager.updateReferences(doc, cancelToken));
        const toBeValidated = documents.filter(doc => {
            if (this.shouldValidate(doc)) return true;
            this.markAsCompleted(doc);
            return false;
        });
        await this.runCancelable(toBeValidated, DocumentState.Validated, cancelToken, async doc => {
            await this.validate(doc, cancelToken);
            this.markAsCompleted(doc);
        });
        if (this.pending.size === 0) return;
        // Set-level follow-up: documents outside this build whose findings involve a changed document.
        const validated = new Set(toBeValidated.map(d => d.uri.toString()));
        const revalidate = this.revalidateAfter(validated);
        if (revalidate.length === 0) return;
        for (const doc of revalidate) this.resetToState(doc, DocumentState.IndexedReferences);
        this.prepareBuild(revalidate, options);
        await this.runCancelable(revalidate, DocumentState.Validated, cancelToken, async doc => {
            await this.validate(doc, cancelToken);
            this.markAsCompleted(doc);
        });
    }

    // ------------------------------------------------------------------ before the edit

    protected takeBefore(uri: string, changed: ReadonlySet<string>): Before {
        const doc = this.langiumDocuments.getDocument(URI.parse(uri));
        const root = doc?.parseResult?.value;
        if (!doc || !isDocument(root)) {
            return {
                exists: false, exports: new Set(), links: [], viewers: new Set(), targets: new Set(), cross: new Map(), candidates: new Set(),
                exportKeys: [], dependents: new Set(), rebound: new Set()
            };
        }
        const sets = this.documentSets(doc);
        const viewers = new Set(sets?.viewersOf(uri) ?? []);
        const candidates = this.candidates(doc, changed);
        let cross: CrossFindings | undefined;
        if (doc.state === DocumentState.Validated) {
            try {
                cross = crossFindings(this.services(doc), doc, candidates);
            } catch {
                cross = undefined;   // a half-built set: re-validate every candidate afterwards
            }
        }
        return {
            exists: true, exports: this.exportedNames(uri), links: this.linksOf(doc), viewers, targets: this.targetsOf(uri),
            cross, candidates, exportKeys: this.exportKeys(uri), dependents: new Set(), rebound: new Set()
        };
    }

    /**
     * Documents whose set-level findings may involve `doc` and that no reference ties to a changed document
     * (those are rebuilt anyway): the members of every set that contains it.
     */
    protected candidates(doc: LangiumDocument, changed: ReadonlySet<string>): Set<string> {
        const sets = this.documentSets(doc);
        const out = new Set<string>();
        if (!sets) return out;
        const uri = doc.uri.toString();
        const tops = [doc, ...[...sets.viewersOf(uri)].map(v => this.langiumDocuments.getDocument(URI.parse(v))).filter(d => d !== undefined)];
        for (const top of tops) {
            out.add(top.uri.toString());
            for (const v of sets.visibleFrom(top)) out.add(v);
        }
        out.delete(uri);
        for (const c of [...out]) {
            const other = this.langiumDocuments.getDocument(URI.parse(c));
            if (changed.has(c) || !other || this.indexManager.isAffected(other, changed as Set<string>)) out.delete(c);
        }
        return out;
    }

    // ------------------------------------------------------------------ after indexing: relink by symbols

    /** Documents to relink because a changed document's names or place in the sets changed. */
    protected relinkAfterIndexing(building: LangiumDocument[]): LangiumDocument[] {
        const inBuild = new Set(building.map(d => d.uri.toString()));
        const more: LangiumDocument[] = [];
        const relink = (uri: string, reason: RebuildReason) => {
            if (inBuild.has(uri) || this.pending.has(uri)) return;
            const doc = this.langiumDocuments.getDocument(URI.parse(uri));
            if (!doc) return;
            inBuild.add(uri);
            this.resetToState(doc, DocumentState.ComputedScopes);
            this.lastUpdate.relinked.set(uri, reason);
            more.push(doc);
        };
        for (const [uri, before] of this.pending) {
            const doc = this.langiumDocuments.getDocument(URI.parse(uri));
            const root = doc?.parseResult?.value;
            const exists = doc !== undefined && isDocument(root);
            if (exists && doc.state < DocumentState.IndexedContent) continue;   // not rebuilt in this build
            const parse = exists ? root : DELETED;
            if (before.decidedFor === parse) continue;
            before.decidedFor = parse;
            const viewersAfter = exists ? [...(this.documentSets(doc)?.viewersOf(uri) ?? [])] : [];
            const setChanged = !before.exists || !exists || !sameList(before.links, this.linksOf(doc!));
            if (setChanged) {
                for (const v of [...before.viewers, ...viewersAfter, ...before.dependents]) relink(v, 'set-changed');
            } else if (!sameSet(before.exports, this.exportedNames(uri))) {
                for (const v of [...before.viewers, ...viewersAfter, ...before.dependents]) relink(v, 'names-changed');
            } else if (!sameList(before.exportKeys, this.exportKeys(uri))) {
                for (const d of before.dependents) relink(d, 'references-changed');
            } else {
                // Same names at the same paths (an edit of prose): point the dependents' references at the new
                // nodes instead of linking all their references again; they are validated again afterwards.
                const fresh = new Map(this.indexManager.allElements(undefined, new Set([uri])).map(d => [`${d.name}\u0000${d.path}`, d]));
                for (const d of before.dependents) {
                    if (inBuild.has(d) || this.pending.has(d)) continue;
                    const dependent = this.langiumDocuments.getDocument(URI.parse(d));
                    if (!dependent) continue;
                    if (dependent.state < DocumentState.Linked || !rebind(dependent, uri, fresh)) relink(d, 'references-changed');
                    else before.rebound.add(d);
                }
            }
        }
        return more;
    }

    // ------------------------------------------------------------------ after validation: set-level findings

    /** Documents not validated in this build whose diagnostics a changed document's edit can still change. */
    protected revalidateAfter(validated: ReadonlySet<string>): LangiumDocument[] {
        const out = new Map<string, LangiumDocument>();
        const add = (uri: string, reason: RebuildReason) => {
            if (validated.has(uri) || this.pending.has(uri) || out.has(uri)) return;
            const doc = this.langiumDocuments.getDocument(URI.parse(uri));
            if (!doc || doc.state < DocumentState.IndexedReferences) return;   // waits for a later build anyway
            out.set(uri, doc);
            this.lastUpdate.revalidated.set(uri, reason);
        };
        const done: string[] = [];
        for (const [uri, before] of this.pending) {
            const doc = this.langiumDocuments.getDocument(URI.parse(uri));
            const exists = doc !== undefined && isDocument(doc.parseResult?.value);
            if (exists && doc.state < DocumentState.Validated) continue;   // a build that left it out: compare later
            done.push(uri);
            for (const d of before.rebound) add(d, 'references-changed');
            // Set-level findings: compare with the state before, for every candidate before or after.
            const candidates = new Set(before.candidates);
            if (exists) for (const c of this.candidates(doc, new Set(this.pending.keys()))) candidates.add(c);
            for (const c of candidates) if (validated.has(c)) candidates.delete(c);
            if (candidates.size > 0) {
                let after: CrossFindings | undefined;
                try {
                    after = exists ? crossFindings(this.services(doc), doc, candidates) : new Map();
                } catch {
                    after = undefined;
                }
                if (before.cross === undefined || after === undefined) {
                    for (const c of candidates) add(c, 'set-findings');
                } else {
                    for (const c of changedFindings(before.cross, after)) add(c, 'set-findings');
                    // A candidate that was not one before was not compared: its set now contains this document.
                    for (const c of candidates) if (!before.candidates.has(c)) add(c, 'set-findings');
                }
            }
            // Uses of begrippen: a target that gained or lost its only use changes `begrip-unused` in its owner.
            const targetsAfter = exists ? this.targetsOf(uri) : new Set<string>();
            for (const t of symmetricDifference(before.targets, targetsAfter)) {
                const owner = t.slice(0, t.indexOf('#'));
                if (validated.has(owner) || out.has(owner)) continue;
                if (!this.usedElsewhere(owner, t.slice(owner.length + 1), uri)) add(owner, 'begrip-use');
            }
        }
        for (const uri of done) this.pending.delete(uri);
        return [...out.values()];
    }

    // ------------------------------------------------------------------ helpers

    protected services(doc: LangiumDocument): ContractspraakServices {
        return this.serviceRegistry.getServices(doc.uri) as ContractspraakServices;
    }

    protected documentSets(doc: LangiumDocument) {
        return (this.serviceRegistry.getServices(doc.uri) as Partial<ContractspraakServices>).references?.DocumentSets;
    }

    protected exportKeys(uri: string): string[] {
        return this.indexManager.allElements(undefined, new Set([uri])).map(d => `${d.type}\u0000${d.name}\u0000${d.path}`).toArray().sort();
    }

    protected exportedNames(uri: string): Set<string> {
        return new Set(this.indexManager.allElements(undefined, new Set([uri])).map(d => `${d.type}\u0000${d.name}`));
    }

    protected linksOf(doc: LangiumDocument): string[] {
        const root = doc.parseResult?.value;
        return isDocument(root) ? importLinks(root as Document, doc.uri).map((l: ImportLink) => `${l.deel ? 'uit' : 'importeer'} ${l.uri.toString()}`) : [];
    }

    /** `uri#path` of every element in another document that the document's references resolve to. */
    protected targetsOf(uri: string): Set<string> {
        const out = new Set<string>();
        for (const r of (this.indexManager as ContractspraakIndexManager).referencesOf(uri)) {
            if (!r.local) out.add(`${r.targetUri.toString()}#${r.targetPath}`);
        }
        return out;
    }

    /** Whether a document other than `except` references the element (the owner's own uses count). */
    protected usedElsewhere(targetUri: string, targetPath: string, except: string): boolean {
        return (this.indexManager as ContractspraakIndexManager).isReferencedOutside(targetUri, targetPath, except);
    }
}

const DELETED = Symbol('deleted');

/**
 * Points every reference of `document` into `target` at the element with the same name and path in the target's
 * new exports (Langium loads the node from the description when the reference is next read). False when a
 * reference cannot be rebound that way; the caller relinks the document then.
 */
function rebind(document: LangiumDocument, target: string, fresh: Map<string, AstNodeDescription>): boolean {
    for (const ref of document.references) {
        const r = ref as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
        if (!('_ref' in r)) return false;
        const description = r._nodeDescription;
        if (!description || description.documentUri.toString() !== target) continue;
        const now = fresh.get(`${description.name}\u0000${description.path}`);
        if (!now) return false;
    }
    for (const ref of document.references) {
        const r = ref as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
        const description = r._nodeDescription;
        if (!description || description.documentUri.toString() !== target) continue;
        r._nodeDescription = fresh.get(`${description.name}\u0000${description.path}`);
        r._ref = undefined;
    }
    return true;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
    if (a.size !== b.size) return false;
    for (const x of a) if (!b.has(x)) return false;
    return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
    return [...[...a].filter(x => !b.has(x)), ...[...b].filter(x => !a.has(x))];
}
