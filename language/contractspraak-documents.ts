/**
 * The workspace's documents, with the list of all of them kept between changes. Langium collects `all` from its
 * URI trie on every call (an array per trie level, spread into its parent); an edit asks for it several times
 * (Langium's update twice, the document sets, the checks of the edited document), which at 600 documents cost
 * ≈ 4 ms per keystroke (CPU profile). The list is the trie's, in its order, made again after a document comes
 * or goes.
 */
import type { AstNode, LangiumDocument, Stream, URI } from 'langium';
import { DefaultLangiumDocuments, stream } from 'langium';

export interface Positioned {
    at: number;
    document: LangiumDocument;
}

export class ContractspraakDocuments extends DefaultLangiumDocuments {
    private snapshot: LangiumDocument[] | undefined;
    private positionMap: Map<string, Positioned> | undefined;
    private comings = 0;

    /** Counts the documents that came or went: caches over the whole workspace compare it (document-set.ts). */
    get membership(): number {
        return this.comings;
    }

    override get all(): Stream<LangiumDocument> {
        return stream(this.snapshot ??= this.documentTrie.all());
    }

    /** Every document by URI with its position in `all` (checks compare a set's documents in that order). */
    positions(): ReadonlyMap<string, Positioned> {
        return this.positionMap ??= new Map(this.all.toArray().map((document, at) => [document.uri.toString(), { at, document }]));
    }

    override addDocument(document: LangiumDocument): void {
        super.addDocument(document);
        this.changedMembership();
    }

    override deleteDocument(uri: URI): LangiumDocument<AstNode> | undefined {
        this.changedMembership();
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument<AstNode>[] {
        this.changedMembership();
        return super.deleteDocuments(folder);
    }

    protected changedMembership(): void {
        this.snapshot = this.positionMap = undefined;
        this.comings++;
    }
}
