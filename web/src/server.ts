/**
 * The playground's language-server worker: the language server of language/ with a browser renderer injected
 * (as compiler/server/main.ts injects the Node one), so the `contractspraak.renderHtml` command draws the preview;
 * plus loading a whole document set at once, and a request for the preview to follow the cursor. The page never
 * parses or renders itself.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils, EmptyFileSystem, URI } from 'langium';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { SetLayout } from '../../compiler/render/layout.js';
import { locate } from '../../compiler/render/references.js';
import { startContractspraakServer } from '../../language/lsp/server.js';
import { BrowserDocumentCompiler } from './document-compiler.js';
import { LocateRequest, OpenSetNotification } from './protocol.js';

// The page's tsconfig has the DOM lib, so the worker global is typed by what the transport needs of it.
const scope = self as unknown as Worker;

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const { shared, Contractspraak } = startContractspraakServer({ connection, ...EmptyFileSystem }, {
    lsp: {
        DocumentCompiler: () => new BrowserDocumentCompiler()
    }
});

connection.onNotification(OpenSetNotification, ({ files, closed }) => {
    // A set enters the workspace in one build, as a workspace folder's files do at start-up; the page's didOpen of
    // each file then updates a document that is already parsed. Opened one by one instead, each new file would be
    // an unparsed placeholder while the others relink, which the document builder's relink check cannot read.
    const reopened = new Set(files.map(f => f.uri));
    void shared.workspace.WorkspaceLock.write(token => {
        const documents = shared.workspace.LangiumDocuments;
        for (const f of files) {
            const uri = URI.parse(f.uri);
            if (!documents.hasDocument(uri)) documents.createDocument(uri, f.text);
        }
        const gone = closed.filter(u => !reopened.has(u)).map(u => URI.parse(u));
        return shared.workspace.DocumentBuilder.update([], gone, token);
    });
});

connection.onRequest(LocateRequest, ({ uri, position }) =>
    // A read of the workspace lock waits for the edits sent before it to be built, as the render command does.
    shared.workspace.WorkspaceLock.read(() => {
        const documents = shared.workspace.LangiumDocuments;
        const doc = documents.getDocument(URI.parse(uri));
        if (!doc) return null;
        // The same document set the render command lays out: the document and every document it can see.
        const set = [doc, ...[...Contractspraak.references.DocumentSets.visibleFrom(doc)]
            .map(u => documents.getDocument(URI.parse(u)))
            .filter((d): d is LangiumDocument => d !== undefined)];
        const layout = new SetLayout(set);
        const root = doc.parseResult.value;
        const leaf = root.$cstNode && CstUtils.findLeafNodeAtOffset(root.$cstNode, doc.textDocument.offsetAt(position));
        for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
            const located = locate(node, layout);
            if (located) return located.id;
        }
        return null;
    }));
