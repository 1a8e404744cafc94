/**
 * Linking. Most references of a contract fail on purpose: every capitalised word in prose is tried as a begrip
 * (AutoTerm) and about half name none. Langium's linker keeps, for each failure, an error object with its own message
 * (several concatenated strings). Nothing shows that message: the validator writes the Dutch diagnostics from the
 * reference itself (contractspraak-document-validator.ts), AutoTerm failures are silent. So the message is one
 * shared string per reference type, and the name is in `info.reference.$refText`.
 */
import type { AstNodeDescription, LangiumDocument, LinkingError, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, DocumentState, OperationCancelled, interruptAndCheck } from 'langium';
import { collectReferences } from './ast-walk.js';

export class ContractspraakLinker extends DefaultLinker {
    private readonly messages = new Map<string, string>();

    /** Langium's order (a node's references, then its children's), without a stream per node (ast-walk.ts). */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const sites = collectReferences(document.parseResult.value);
        for (let i = 0; i < sites.length; i++) {
            if ((i & 63) === 0) await interruptAndCheck(cancelToken);
            else if (cancelToken.isCancellationRequested) throw OperationCancelled;
            this.doLink(sites[i], document);
        }
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const document = AstUtils.findRootNode(refInfo.container).$document;
        if (document && document.state < DocumentState.ComputedScopes) {
            console.warn(`Attempted reference resolution before document reached ComputedScopes state (${document.uri}).`);
        }
        const type = this.reflection.getReferenceType(refInfo);
        let message = this.messages.get(type);
        if (!message) this.messages.set(type, message = `Could not resolve reference to ${type}.`);
        return { info: refInfo, message, targetDescription };
    }
}
