/**
 * The index, plus which other documents each document's references lead to. Langium's `isAffected` walks every
 * reference description of a document on every update (41,000 in the 200-file workspace, for each keystroke);
 * one set of target documents per document, kept with its references, answers the same question at once.
 */
import type { LangiumDocument, ReferenceDescription, URI } from 'langium';
import { Cancellation, DefaultIndexManager } from 'langium';

const NONE: ReadonlySet<string> = new Set();

export class ContractspraakIndexManager extends DefaultIndexManager {
    /** Source document URI → URIs of the other documents its references resolve into. */
    protected readonly targetDocuments = new Map<string, Set<string>>();

    override async updateReferences(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        const targets = new Set<string>();
        for (const r of this.referenceIndex.get(uri) ?? []) {
            if (!r.local) targets.add(r.targetUri.toString());
        }
        targets.delete(uri);
        this.targetDocuments.set(uri, targets);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.targetDocuments.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targetDocuments.get(document.uri.toString());
        if (!targets) return false;
        for (const changed of changedUris) if (targets.has(changed)) return true;
        return false;
    }

    /** URIs of the other documents the document's references resolve into. */
    targetDocumentsOf(uri: string): ReadonlySet<string> {
        return this.targetDocuments.get(uri) ?? NONE;
    }

    /** The reference descriptions of one document (empty before it is linked). */
    referencesOf(uri: string): readonly ReferenceDescription[] {
        return this.referenceIndex.get(uri) ?? [];
    }

    /** Whether a document other than `except` has a reference to the element (the owner's own uses count). */
    isReferencedOutside(targetUri: string, targetPath: string, except: string): boolean {
        for (const [source, refs] of this.referenceIndex) {
            if (source === except) continue;
            for (const r of refs) if (r.targetPath === targetPath && r.targetUri.toString() === targetUri) return true;
        }
        return false;
    }
}
