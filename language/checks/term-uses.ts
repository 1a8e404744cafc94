/**
 * Which elements are referenced, for begrip-unused. Langium's `findAllReferences` scans every reference of the
 * workspace for one element, so checking each begrip that way is O(begrippen × references): 1,834 × 41,000 in the
 * 200-file workspace (bench/RESULTS.md, problem 4). References resolve only inside a document set
 * (contractspraak-scope.ts), so only the element's own document and the documents that see it can use it; the
 * targets of each of those are collected once per update.
 */
import type { AstNode, AstNodeDescription, AstNodeLocator, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, DocumentState, URI, WorkspaceCache, isMultiReference, isReference } from 'langium';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { DocumentSets } from '../document-set.js';

export class TermUses {
    protected readonly documents: LangiumDocuments;
    protected readonly documentSets: DocumentSets;
    protected readonly nodeLocator: AstNodeLocator;
    /**
     * Per source document: every element its resolved references lead to, as the index describes it (target
     * document URI → node paths; the paths are the descriptions' own strings, so nothing new is kept per use).
     */
    protected readonly targets: WorkspaceCache<string, ReadonlyMap<string, ReadonlySet<string>>>;
    /** Per document: the documents that see it. */
    protected readonly viewers: WorkspaceCache<string, readonly LangiumDocument[]>;

    constructor(services: ContractspraakServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.documentSets = services.references.DocumentSets;
        this.nodeLocator = services.workspace.AstNodeLocator;
        this.targets = new WorkspaceCache(services.shared, DocumentState.IndexedReferences);
        this.viewers = new WorkspaceCache(services.shared, DocumentState.IndexedReferences);
    }

    /** Whether a reference in the workspace resolves to the node (as `findAllReferences(node).isEmpty()` is not). */
    isReferenced(node: AstNode): boolean {
        const document = AstUtils.getDocument(node);
        const uri = document.uri.toString();
        const path = this.nodeLocator.getAstNodePath(node);
        const uses = (source: LangiumDocument) => this.targetsOf(source).get(uri)?.has(path) ?? false;
        return uses(document) || this.viewersOf(document).some(uses);
    }

    protected targetsOf(document: LangiumDocument): ReadonlyMap<string, ReadonlySet<string>> {
        return this.targets.get(document.uri.toString(), () => {
            const keys = new Map<string, Set<string>>();
            const add = (d: AstNodeDescription | undefined) => {
                if (!d) return;
                const uri = d.documentUri.toString();
                let paths = keys.get(uri);
                if (!paths) keys.set(uri, paths = new Set());
                paths.add(d.path);
            };
            // As the index describes them (DefaultReferenceDescriptionProvider): resolved references only.
            for (const ref of document.references) {
                if (ref.error || !ref.$refNode) continue;
                if (isReference(ref)) add(ref.$nodeDescription);
                else if (isMultiReference(ref)) ref.items.forEach(i => add(i.$nodeDescription));
            }
            return keys;
        });
    }

    protected viewersOf(document: LangiumDocument): readonly LangiumDocument[] {
        const uri = document.uri.toString();
        return this.viewers.get(uri, () => [...this.documentSets.viewersOf(uri)]
            .map(v => this.documents.getDocument(URI.parse(v)))
            .filter((d): d is LangiumDocument => d !== undefined));
    }
}
