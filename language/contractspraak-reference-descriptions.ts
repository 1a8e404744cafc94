/**
 * The references of a document as the index stores them (find references, rename, which documents an edit
 * affects). Langium's provider walks the tree with a stream per node and looks up the document and the source
 * path of every reference from scratch; here one walk (ast-walk.ts) and the document at hand. A description
 * keeps the reference's CST node (alive with its tree anyway) and computes its segment when asked, instead of
 * four objects per reference held by the index for the life of the document.
 */
import type { AstNodeLocator, CstNode, DocumentSegment, LangiumDocument, ReferenceDescription, URI } from 'langium';
import { Cancellation, CstUtils, DefaultReferenceDescriptionProvider, OperationCancelled, UriUtils, interruptAndCheck } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { collectReferences } from './ast-walk.js';

class IndexedReference implements ReferenceDescription {
    constructor(
        readonly sourceUri: URI,
        readonly sourcePath: string,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean,
        private readonly refNode: CstNode
    ) { }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.refNode);
    }
}

export class ContractspraakReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    protected readonly locator: AstNodeLocator;

    constructor(services: LangiumServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        const sites = collectReferences(document.parseResult.value);
        for (let i = 0; i < sites.length; i++) {
            if ((i & 255) === 0) await interruptAndCheck(cancelToken);
            else if (cancelToken.isCancellationRequested) throw OperationCancelled;
            const { reference, container } = sites[i];
            // As Langium's: resolved references with a source in the text.
            if (reference.error || !reference.$refNode) continue;
            const target = reference.$nodeDescription;
            if (!target) continue;
            descriptions.push(new IndexedReference(sourceUri, this.locator.getAstNodePath(container), target.documentUri, target.path,
                UriUtils.equals(target.documentUri, sourceUri), reference.$refNode));
        }
        return descriptions;
    }
}
