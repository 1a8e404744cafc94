/**
 * The language server over node (stdio, IPC or socket, chosen from argv by vscode-languageserver), without the
 * compiler: it checks and navigates but does not render. The extension ships compiler/server/main.ts, which
 * adds the renderer.
 */
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startContractspraakServer } from './lsp/server.js';

startContractspraakServer({ connection: createConnection(ProposedFeatures.all), ...NodeFileSystem });
