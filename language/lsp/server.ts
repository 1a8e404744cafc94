/**
 * Starting the language server on a connection: the services (with an optional module that adds to them, such
 * as the compiler's renderer), validation of the whole workspace at start-up, diagnostics published through the
 * editor settings, and the settings' default calendar. language/main.ts and compiler/server/main.ts start it.
 */
import type { DefaultSharedModuleContext, LangiumSharedServices } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { createContractspraakServices } from '../contractspraak-module.js';
import { setDefaultCalendar } from '../termijnen/model.js';
import type { ContractspraakModuleExtension } from './lsp-module.js';
import { ContractspraakSettings, publishWithSettings } from './settings.js';

export interface StartedServer {
    shared: LangiumSharedServices;
    Contractspraak: ContractspraakServices;
    settings: ContractspraakSettings;
}

/**
 * `contractspraak.kalender`: the calendar of documents without a `kalender` line. When it changes, every document
 * is built again, so the termijn checks, hovers and inlay hints count with it.
 */
function followDefaultCalendar(shared: LangiumSharedServices, settings: ContractspraakSettings): void {
    const apply = () => {
        if (!setDefaultCalendar(settings.defaultCalendar)) return;
        const uris = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
        if (uris.length) void shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token));
    };
    void settings.ready.then(apply);
    settings.onDidChange(apply);
}

export function startContractspraakServer(context: DefaultSharedModuleContext, extension?: ContractspraakModuleExtension): StartedServer {
    const { shared, Contractspraak } = createContractspraakServices(context, extension);
    // Validate every document at start-up, so problems in unopened files show at once (performance.md P7).
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const settings = new ContractspraakSettings(shared);
    publishWithSettings(shared, settings);
    followDefaultCalendar(shared, settings);
    startLanguageServer(shared);
    return { shared, Contractspraak, settings };
}
