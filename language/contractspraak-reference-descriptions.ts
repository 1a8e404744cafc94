/**
 * The references of a document as the index stores them (find references, rename, which documents an edit
 * affects). Langium's provider walks the tree with a stream per node and looks up the document and the source
 * path of every reference from scratch; here one walk (ast-walk.ts) and the document at hand.
 */
import type { AstNodeLocator, LangiumDocument, ReferenceDescription } from 'langium';
import { Cancellation, CstUtils, DefaultReferenceDescriptionProvider, OperationCancelled, UriUtils, interruptAndCheck } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { collectReferences } from './ast-walk.js';

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
            descriptions.push({
                sourceUri,
                sourcePath: this.locator.getAstNodePath(container),
                targetUri: target.documentUri,
                targetPath: target.path,
                segment: CstUtils.toDocumentSegment(reference.$refNode),
                local: UriUtils.equals(target.documentUri, sourceUri)
            });
        }
        return descriptions;
    }
}
