/**
 * Scoping. Every referenceable element is exported under its qualified path and under `Document.path`;
 * inside a document it is also known relative to each naming container (so `[lid Aanvaarding]` works
 * inside its own artikel). Lookups are hashed (performance.md P2: the default local scope is a linear scan
 * per reference, quadratic when any clause may cite any other), and the global part is limited to the
 * document set (document-set.ts).
 */
import type {
    AstNode, AstNodeDescription, AstNodeLocator, LangiumDocument, LocalSymbols, ReferenceInfo, Scope, Stream
} from 'langium';
import {
    AstUtils, Cancellation, DefaultScopeComputation, DefaultScopeProvider, MultiMap, MultiMapScope,
    WorkspaceCache, interruptAndCheck, stream
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { ContractspraakServices } from './contractspraak-module.js';
import type { DocumentSets } from './document-set.js';
import type { Document } from './generated/ast.js';
import { namedElements } from './contractspraak-names.js';
import { ContractspraakNodeDescriptionProvider } from './contractspraak-node-descriptions.js';

export class ContractspraakScopeComputation extends DefaultScopeComputation {
    protected readonly locator: AstNodeLocator;

    constructor(services: LangiumServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as Document;
        const out: AstNodeDescription[] = [];
        if (!root.name) return out;
        out.push(this.describe(root, root.name, document, ''));
        await interruptAndCheck(cancelToken);
        for (const { node, path } of namedElements(root)) {
            const name = path.segments.join('.');
            const at = this.locator.getAstNodePath(node);
            out.push(this.describe(node, name, document, at));
            out.push(this.describe(node, `${root.name}.${name}`, document, at));
        }
        return out;
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const root = document.parseResult.value as Document;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        if (root.name) symbols.add(root, this.describe(root, root.name, document, ''));
        await interruptAndCheck(cancelToken);
        for (const { node, path } of namedElements(root)) {
            const at = this.locator.getAstNodePath(node);
            symbols.add(root, this.describe(node, path.segments.join('.'), document, at));
            path.containers.forEach((container, i) => {
                symbols.add(container, this.describe(node, path.segments.slice(i + 1).join('.'), document, at));
            });
        }
        return symbols;
    }

    /** One path per node, shared by the descriptions of its names (this language's provider takes it). */
    protected describe(node: AstNode, name: string, document: LangiumDocument, path: string): AstNodeDescription {
        return this.descriptions instanceof ContractspraakNodeDescriptionProvider
            ? this.descriptions.describe(node, name, document, path)
            : this.descriptions.createDescription(node, name, document);
    }
}

const NO_WHOLE = new MultiMapScope([]);

/** Local scopes first (innermost container wins), then the document set. */
class ChainScope implements Scope {
    constructor(readonly locals: MultiMapScope[], readonly global: Scope) { }
    getElement(name: string): AstNodeDescription | undefined {
        for (const l of this.locals) {
            const e = l.getElement(name);
            if (e) return e;
        }
        return this.global.getElement(name);
    }
    getElements(name: string): Stream<AstNodeDescription> {
        let s: Stream<AstNodeDescription> = stream([]);
        for (const l of this.locals) s = s.concat(l.getElements(name));
        return s.concat(this.global.getElements(name));
    }
    getAllElements(): Stream<AstNodeDescription> {
        let s: Stream<AstNodeDescription> = stream([]);
        for (const l of this.locals) s = s.concat(l.getAllElements());
        return s.concat(this.global.getAllElements());
    }
}

export class ContractspraakScopeProvider extends DefaultScopeProvider {
    protected readonly documentSets: DocumentSets;
    protected readonly localCache = new WeakMap<LocalSymbols, WeakMap<AstNode, Map<string, MultiMapScope>>>();
    protected readonly setScopes: WorkspaceCache<string, MultiMapScope>;

    constructor(services: ContractspraakServices) {
        super(services);
        this.documentSets = services.references.DocumentSets;
        this.setScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const type = this.reflection.getReferenceType(context);
        const global = this.getGlobalScope(type, context);
        const local = AstUtils.getDocument(context.container).localSymbols;
        if (!local) return global;
        let perTable = this.localCache.get(local);
        if (!perTable) this.localCache.set(local, perTable = new WeakMap());
        const locals: MultiMapScope[] = [];
        for (let n: AstNode | undefined = context.container; n; n = n.$container) {
            if (!local.has(n)) continue;
            let perNode = perTable.get(n);
            if (!perNode) perTable.set(n, perNode = new Map());
            let scope = perNode.get(type);
            if (!scope) {
                scope = new MultiMapScope(local.getStream(n).filter(d => this.reflection.isSubtype(d.type, type)));
                perNode.set(type, scope);
            }
            locals.push(scope);
        }
        return locals.length ? new ChainScope(locals, global) : global;
    }

    /**
     * What the other documents of the set export, hashed per (document, type). A part loaded with `uit` (a
     * bijlage in a file of its own) reads the names of the document it belongs to first, as that document does
     * its own: the basisovereenkomst's Aanbieder, not the one of the voorwaarden it imports.
     */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        const whole = this.wholeScope(document, referenceType);
        const set = this.setScope(document, referenceType);
        return whole ? new ChainScope([whole], set) : set;
    }

    setScope(document: LangiumDocument, referenceType: string): Scope {
        const key = `${document.uri.toString()}\u0000${referenceType}`;
        return this.setScopes.get(key, () => {
            const uris = this.documentSets.visibleFrom(document);
            if (uris.size === 0) return new MultiMapScope([]);
            return new MultiMapScope(this.indexManager.allElements(referenceType, new Set(uris)));
        });
    }

    /** What the documents `document` is a part of export, or undefined when it is no part. */
    protected wholeScope(document: LangiumDocument, referenceType: string): MultiMapScope | undefined {
        const key = `${document.uri.toString()}\u0000${referenceType}\u0000whole`;
        const scope = this.setScopes.get(key, () => {
            const wholes = this.documentSets.wholesOf(document);
            return wholes.length ? new MultiMapScope(this.indexManager.allElements(referenceType, new Set(wholes))) : NO_WHOLE;
        });
        return scope === NO_WHOLE ? undefined : scope;
    }

    /**
     * The other documents that export `name` for this reference, when the name is not declared locally:
     * more than one means the reference is ambiguous. For a part, a name of its whole is the whole's.
     */
    globalCandidates(context: ReferenceInfo, name: string): AstNodeDescription[] {
        const type = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const whole = this.wholeScope(document, type)?.getElements(name).toArray();
        if (whole?.length) return whole;
        return this.setScope(document, type).getElements(name).toArray();
    }
}
