/**
 * Node descriptions as instances of one class. Langium's default provider returns an object literal with a getter
 * and two closures per description, which V8 keeps in dictionary mode (≈ 650 bytes each, measured with a heap
 * snapshot), and computes the selection segment up front; a workspace holds about four descriptions per named
 * element (exported twice, local to the document and to each naming container). Here a description is one
 * small object and both segments are computed when first asked, from the node it keeps anyway.
 */
import type { AstNode, AstNodeDescription, AstNodeDescriptionProvider, AstNodeLocator, DocumentSegment, LangiumDocument, NameProvider, URI } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';

const NOT_YET = Symbol('not computed');

export class ContractspraakNodeDescription implements AstNodeDescription {
    private segment: DocumentSegment | undefined | typeof NOT_YET = NOT_YET;
    private selection: DocumentSegment | undefined | typeof NOT_YET = NOT_YET;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly nameProvider: NameProvider
    ) { }

    get nameSegment(): DocumentSegment | undefined {
        if (this.segment === NOT_YET) this.segment = CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
        return this.segment;
    }

    get selectionSegment(): DocumentSegment | undefined {
        if (this.selection === NOT_YET) this.selection = CstUtils.toDocumentSegment(this.node.$cstNode);
        return this.selection;
    }
}

export class ContractspraakNodeDescriptionProvider implements AstNodeDescriptionProvider {
    protected readonly locator: AstNodeLocator;
    protected readonly nameProvider: NameProvider;

    constructor(services: LangiumServices) {
        this.locator = services.workspace.AstNodeLocator;
        this.nameProvider = services.references.NameProvider;
    }

    createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        return this.describe(node, name, document ?? AstUtils.getDocument(node), this.locator.getAstNodePath(node));
    }

    /** A description with a path the caller already has: scope computation describes a node under several names. */
    describe(node: AstNode, name: string | undefined, document: LangiumDocument, path: string): AstNodeDescription {
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        return new ContractspraakNodeDescription(node, name, node.$type, document.uri, path, this.nameProvider);
    }
}
