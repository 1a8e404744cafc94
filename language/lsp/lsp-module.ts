/**
 * The editor-facing providers (hover, completion, code actions, code lens, folding, semantic tokens, formatting,
 * workspace symbols, commands).
 */
import type { DeepPartial, Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { ContractspraakCodeActionProvider } from './code-action-provider.js';
import { ContractspraakCodeLensProvider } from './code-lens-provider.js';
import type { DocumentCompiler } from './commands.js';
import { ContractspraakCommandHandler, UnavailableDocumentCompiler } from './commands.js';
import { ContractspraakCompletionProvider } from './completion-provider.js';
import { ContractspraakDocumentSymbolProvider } from './document-symbol-provider.js';
import { ContractspraakDocumentUpdateHandler } from './document-update-handler.js';
import { ContractspraakFoldingRangeProvider } from './folding-range-provider.js';
import { ContractspraakFormatter } from './formatter.js';
import { ContractspraakHoverProvider } from './hover-provider.js';
import { ContractspraakInlayHintProvider } from './inlay-hint-provider.js';
import { ContractspraakRenameProvider } from './rename-provider.js';
import { ContractspraakSemanticTokenProvider } from './semantic-token-provider.js';
import { ContractspraakWorkspaceSymbolProvider } from './workspace-symbol-provider.js';

export type ContractspraakLspAddedServices = {
    lsp: {
        /** Rendering and reports of the compiler; compiler/server/main.ts provides the real one. */
        DocumentCompiler: DocumentCompiler
    }
};

/** What a server entry may add to or replace in the language services. */
export type ContractspraakModuleExtension = Module<ContractspraakServices, PartialLangiumServices & DeepPartial<ContractspraakLspAddedServices>>;

export const contractspraakLspModule: Module<ContractspraakServices, PartialLangiumServices & ContractspraakLspAddedServices> = {
    lsp: {
        CodeActionProvider: (services) => new ContractspraakCodeActionProvider(services),
        // Reference counts and the rangorde lenses (rangorde-code-lens.ts) in one provider.
        CodeLensProvider: (services) => new ContractspraakCodeLensProvider(services),
        CompletionProvider: (services) => new ContractspraakCompletionProvider(services),
        DocumentCompiler: () => new UnavailableDocumentCompiler(),
        DocumentSymbolProvider: (services) => new ContractspraakDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new ContractspraakFoldingRangeProvider(services),
        Formatter: () => new ContractspraakFormatter(),
        HoverProvider: (services) => new ContractspraakHoverProvider(services),
        InlayHintProvider: () => new ContractspraakInlayHintProvider(),
        RenameProvider: (services) => new ContractspraakRenameProvider(services),
        SemanticTokenProvider: (services) => new ContractspraakSemanticTokenProvider(services)
    }
};

export const contractspraakSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: (shared) => new ContractspraakDocumentUpdateHandler(shared),
        ExecuteCommandHandler: (shared) => new ContractspraakCommandHandler(shared),
        WorkspaceSymbolProvider: (shared) => new ContractspraakWorkspaceSymbolProvider(shared)
    }
};
