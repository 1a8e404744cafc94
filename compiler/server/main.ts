/**
 * The language server the extension ships (bundled as dist/language/main.cjs): the language server of
 * language/ with the compiler's renderer and reports injected, for the preview, DOCX, looptijd and rules commands.
 */
import { URI } from 'langium';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startContractspraakServer } from '../../language/lsp/server.js';
import { ConfinedFileSystemProvider } from '../confined-file-system.js';
import { CompilerDocumentCompiler } from './document-compiler.js';

// Files are read only inside the workspace folders, symbolic links resolved (compiler/confined-file-system.ts).
let workspaceFolders = (): string[] => [];
const fileSystem = new ConfinedFileSystemProvider(() => workspaceFolders());
const { shared } = startContractspraakServer({ connection: createConnection(ProposedFeatures.all), fileSystemProvider: () => fileSystem }, {
    lsp: {
        DocumentCompiler: services => new CompilerDocumentCompiler(services)
    }
});
workspaceFolders = () => shared.workspace.WorkspaceManager.workspaceFolders?.map(f => URI.parse(f.uri).fsPath) ?? [];
