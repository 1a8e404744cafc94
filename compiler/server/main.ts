/**
 * The language server the extension ships (bundled as dist/language/main.cjs): the language server of
 * language/ with the compiler's renderer and reports injected, for the preview, DOCX and looptijd commands.
 */
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startContractspraakServer } from '../../language/lsp/server.js';
import { CompilerDocumentCompiler } from './document-compiler.js';

startContractspraakServer({ connection: createConnection(ProposedFeatures.all), ...NodeFileSystem }, {
    lsp: {
        DocumentCompiler: () => new CompilerDocumentCompiler()
    }
});
