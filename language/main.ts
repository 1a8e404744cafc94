/**
 * The language server over node (stdio, IPC or socket, chosen from argv by vscode-languageserver).
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createContractspraakServices } from './contractspraak-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createContractspraakServices({ connection, ...NodeFileSystem });
// Validate every document at start-up, so problems in unopened files show at once (performance.md P7).
shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
startLanguageServer(shared);
