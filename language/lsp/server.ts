/**
 * Starting the language server on a connection: the services (with an optional module that adds to them, such
 * as the compiler's renderer), validation of the whole workspace at start-up, and diagnostics published through
 * the editor settings. language/main.ts and compiler/server/main.ts both start it.
 */
import type { DefaultSharedModuleContext, LangiumSharedServices } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { createContractspraakServices } from '../contractspraak-module.js';
import type { ContractspraakModuleExtension } from './lsp-module.js';
import { ContractspraakSettings, publishWithSettings } from './settings.js';

export interface StartedServer {
    shared: LangiumSharedServices;
    Contractspraak: ContractspraakServices;
    settings: ContractspraakSettings;
}

export function startContractspraakServer(context: DefaultSharedModuleContext, extension?: ContractspraakModuleExtension): StartedServer {
    const { shared, Contractspraak } = createContractspraakServices(context, extension);
    // Validate every document at start-up, so problems in unopened files show at once (performance.md P7).
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const settings = new ContractspraakSettings(shared);
    publishWithSettings(shared, settings);
    startLanguageServer(shared);
    return { shared, Contractspraak, settings };
}
