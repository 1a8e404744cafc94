/**
 * Linking. Most references of a contract fail on purpose: every capitalised word in prose is tried as a begrip
 * (AutoTerm) and about half name none. Langium's linker keeps, for each failure, an error object with its message
 * already built (several concatenated strings); here the message is built only when somebody reads it.
 */
import type { AstNodeDescription, LinkingError, ReferenceInfo } from 'langium';
import { AstUtils, DefaultLinker, DocumentState } from 'langium';

class UnresolvedReference implements LinkingError {
    constructor(readonly info: ReferenceInfo, readonly targetDescription: AstNodeDescription | undefined, private readonly referenceType: string) { }

    get message(): string {
        return `Could not resolve reference to ${this.referenceType} named '${this.info.reference.$refText}'.`;
    }
}

export class ContractspraakLinker extends DefaultLinker {

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const document = AstUtils.findRootNode(refInfo.container).$document;
        if (document && document.state < DocumentState.ComputedScopes) {
            console.warn(`Attempted reference resolution before document reached ComputedScopes state (${document.uri}).`);
        }
        return new UnresolvedReference(refInfo, targetDescription, this.reflection.getReferenceType(refInfo));
    }
}
