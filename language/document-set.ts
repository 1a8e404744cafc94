/**
 * The document set: which documents a document can see. A document sees what it imports (importeer, and the
 * `uit` files of its bijlagen and other documents), transitively; a part loaded with `uit` also sees the
 * whole it belongs to, and through it its siblings. A deelovereenkomst that imports the basisovereenkomst sees
 * the basis and its bijlagen; the basis does not see the deelovereenkomst.
 */
import type { AstNode, LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { AstUtils, DocumentState, URI, UriUtils } from 'langium';
import type { Document } from './generated/ast.js';
import { isBijlage, isDocument, isDocumentVerwijzing, isProse } from './generated/ast.js';
import type { ContractspraakDocuments } from './contractspraak-documents.js';
import { proseText } from './prose.js';

export interface ImportLink {
    /** The path as written. */
    pad: string;
    uri: URI;
    /** `uit`: the target is a part of this document (bijlage, voorwaarden); `importeer`: a document it relies on. */
    deel: boolean;
}

/** `https://…`, `file:///…`, `//host/…`, `www.…`: an address, never a path in the set; nothing is ever fetched. */
export function isExternalAddress(pad: string): boolean {
    return /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:data|mailto|javascript|urn):|\/\/|\\\\|www\.)/i.test(pad);
}

export function resolveImportUri(documentUri: URI, pad: string): URI {
    return UriUtils.resolvePath(UriUtils.dirname(documentUri), pad);
}

const EMPTY: ReadonlySet<string> = new Set();

const linkCache = new WeakMap<Document, ImportLink[]>();

/**
 * Every file link written in a document, in source order. Cached per parse (a new parse is a new root), since
 * every document-set computation walks the links of each document it reaches.
 */
export function importLinks(root: Document, documentUri: URI): ImportLink[] {
    let links = linkCache.get(root);
    if (!links) linkCache.set(root, links = computeImportLinks(root, documentUri));
    return links;
}

function computeImportLinks(root: Document, documentUri: URI): ImportLink[] {
    const links: ImportLink[] = [];
    for (const imp of root.imports ?? []) {
        const pad = proseText(imp.pad).trim();
        if (pad && !isExternalAddress(pad)) links.push({ pad, uri: resolveImportUri(documentUri, pad), deel: false });
    }
    // Prose (most of the tree) holds no bijlage or document reference: do not enter it.
    const walk = (node: AstNode) => {
        for (const child of AstUtils.streamContents(node)) {
            if (isProse(child)) continue;
            if ((isBijlage(child) || isDocumentVerwijzing(child)) && child.pad) {
                const pad = proseText(child.pad).trim();
                if (pad && !isExternalAddress(pad)) links.push({ pad, uri: resolveImportUri(documentUri, pad), deel: true });
            }
            walk(child);
        }
    };
    walk(root);
    return links;
}

export class DocumentSets {
    protected readonly documents: LangiumDocuments;
    /**
     * Visible sets, the part → whole map and the reverse index stay valid across edits as long as no document
     * was added or removed and no document's file links changed: a keystroke in prose keeps them (an edit used to
     * recompute the set of all 200 documents of the workspace). Checked once after every update and parse phase.
     */
    protected readonly visible = new Map<string, ReadonlySet<string>>();
    protected wholesMap: Map<string, string[]> | undefined;
    protected viewerIndex: Map<string, Set<string>> | undefined;
    /** Per document URI: the root the caches last saw and its links. */
    protected readonly known = new Map<string, { root: unknown; links: string }>();
    protected dirty = true;
    /** Documents changed or parsed again since the last check; the others kept their roots. */
    protected readonly touched = new Set<string>();
    /** `ContractspraakDocuments.membership` at the last check: a document came or went when it differs. */
    protected membership = NaN;
    /** Folders a document set must stay inside; the CLI sets them, the editor uses its workspace folders. */
    roots: string[] | undefined;
    /** Files inside the roots by name that a loader did not read: a symbolic link leads outside (URIs as strings). */
    readonly outside = new Set<string>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.touched.add(uri.toString());
            this.dirty = true;
        });
        builder.onBuildPhase(DocumentState.Parsed, documents => {
            for (const doc of documents) this.touched.add(doc.uri.toString());
            this.dirty = true;
        });
    }

    /**
     * Drops the caches when a document came or went or its links changed since they were filled. Only the
     * documents changed or parsed since the last check are looked at, unless a document came or went (or the
     * documents service cannot tell): then all of them.
     */
    protected refresh(): void {
        if (!this.dirty) return;
        this.dirty = false;
        const membership = (this.documents as Partial<ContractspraakDocuments>).membership ?? NaN;
        const everything = membership !== this.membership;
        this.membership = membership;
        let changed = false;
        const present = new Set<string>();
        const look = (doc: LangiumDocument) => {
            const uri = doc.uri.toString();
            present.add(uri);
            const root = doc.parseResult?.value;
            const known = this.known.get(uri);
            if (known && known.root === root) return;
            const links = isDocument(root) ? importLinks(root, doc.uri).map(l => `${l.deel ? 'uit' : 'importeer'} ${l.uri.toString()}`).join('\n') : '';
            if (!known || known.links !== links) changed = true;
            this.known.set(uri, { root, links });
        };
        if (everything) {
            for (const doc of this.documents.all) look(doc);
            for (const uri of [...this.known.keys()]) {
                if (!present.has(uri)) {
                    this.known.delete(uri);
                    changed = true;
                }
            }
        } else {
            for (const uri of this.touched) {
                const doc = this.documents.getDocument(URI.parse(uri));
                if (doc) look(doc);
                else if (this.known.delete(uri)) changed = true;
            }
        }
        this.touched.clear();
        if (changed) {
            this.visible.clear();
            this.wholesMap = undefined;
            this.viewerIndex = undefined;
        }
    }

    /** URIs (as strings) of the other documents visible from `document`, itself excluded. */
    visibleFrom(document: LangiumDocument): ReadonlySet<string> {
        this.refresh();
        const key = document.uri.toString();
        let set = this.visible.get(key);
        if (!set) this.visible.set(key, set = this.computeVisible(document));
        return set;
    }

    /**
     * URIs (as strings) of the documents that see `uri` (whose set contains it), itself excluded. One reverse
     * index, so asking for every document costs one pass instead of one per question.
     */
    viewersOf(uri: string): ReadonlySet<string> {
        this.refresh();
        if (!this.viewerIndex) {
            const map = new Map<string, Set<string>>();
            for (const doc of this.documents.all) {
                const viewer = doc.uri.toString();
                for (const seen of this.visibleFrom(doc)) {
                    let set = map.get(seen);
                    if (!set) map.set(seen, set = new Set());
                    set.add(viewer);
                }
            }
            this.viewerIndex = map;
        }
        return this.viewerIndex.get(uri) ?? EMPTY;
    }

    protected computeVisible(start: LangiumDocument): ReadonlySet<string> {
        const wholes = this.partToWholes();
        const seen = new Set<string>([start.uri.toString()]);
        const queue: string[] = [start.uri.toString()];
        while (queue.length) {
            const uri = queue.shift()!;
            const next: string[] = [...(wholes.get(uri) ?? [])];
            const doc = this.documents.getDocument(URI.parse(uri));
            const root = doc?.parseResult.value as Document | undefined;
            if (doc && root) next.push(...importLinks(root, doc.uri).map(l => l.uri.toString()));
            for (const n of next) {
                if (!seen.has(n) && this.documents.hasDocument(URI.parse(n))) {
                    seen.add(n);
                    queue.push(n);
                }
            }
        }
        seen.delete(start.uri.toString());
        return seen;
    }

    /**
     * The documents `document` is a part of (loaded with `uit`), and theirs in turn, nearest first: a part reads
     * the names of its whole as its own (contractspraak-scope.ts).
     */
    wholesOf(document: LangiumDocument): readonly string[] {
        this.refresh();
        const wholes = this.partToWholes();
        const out: string[] = [];
        const queue = [document.uri.toString()];
        while (queue.length) {
            for (const w of wholes.get(queue.shift()!) ?? []) {
                if (out.includes(w) || w === document.uri.toString() || !this.documents.hasDocument(URI.parse(w))) continue;
                out.push(w);
                queue.push(w);
            }
        }
        return out;
    }

    /** For every document loaded as a part (`uit`), the documents it is a part of. */
    protected partToWholes(): Map<string, string[]> {
        if (this.wholesMap) return this.wholesMap;
        const map = new Map<string, string[]>();
        for (const doc of this.documents.all) {
            const root = doc.parseResult?.value as Document | undefined;
            if (!root?.imports) continue;
            for (const link of importLinks(root, doc.uri)) {
                if (!link.deel) continue;
                const key = link.uri.toString();
                map.set(key, [...(map.get(key) ?? []), doc.uri.toString()]);
            }
        }
        return this.wholesMap = map;
    }
}
