/**
 * Document updates for documents of this language only. Langium hands every opened text document to the builder;
 * one of another language (an editor that sends all its documents, an `untitled:` plaintext buffer) cannot be
 * built, and from then on every build failed on it and every request waited forever: the server stopped answering
 * (found by test/server-stress.test.ts).
 */
import { URI } from 'langium';
import type { TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

export class ContractspraakDocumentUpdateHandler extends DefaultDocumentUpdateHandler {

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (!this.serviceRegistry.hasServices(URI.parse(change.document.uri))) return;
        super.didChangeContent(change);
    }
}
