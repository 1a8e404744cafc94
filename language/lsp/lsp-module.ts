/**
 * The editor-facing providers (hover, completion, code actions, semantic tokens, formatting).
 */
import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { ContractspraakCodeActionProvider } from './code-action-provider.js';
import { ContractspraakCompletionProvider } from './completion-provider.js';
import { ContractspraakDocumentSymbolProvider } from './document-symbol-provider.js';
import { ContractspraakFormatter } from './formatter.js';
import { ContractspraakHoverProvider } from './hover-provider.js';
import { ContractspraakInlayHintProvider } from './inlay-hint-provider.js';
import { ContractspraakRangordeCodeLensProvider } from './rangorde-code-lens.js';
import { ContractspraakRenameProvider } from './rename-provider.js';
import { ContractspraakSemanticTokenProvider } from './semantic-token-provider.js';

export const contractspraakLspModule: Module<ContractspraakServices, PartialLangiumServices> = {
    lsp: {
        CodeActionProvider: (services) => new ContractspraakCodeActionProvider(services),
        CodeLensProvider: (services) => new ContractspraakRangordeCodeLensProvider(services),
        CompletionProvider: (services) => new ContractspraakCompletionProvider(services),
        DocumentSymbolProvider: (services) => new ContractspraakDocumentSymbolProvider(services),
        Formatter: () => new ContractspraakFormatter(),
        HoverProvider: (services) => new ContractspraakHoverProvider(services),
        InlayHintProvider: () => new ContractspraakInlayHintProvider(),
        RenameProvider: (services) => new ContractspraakRenameProvider(services),
        SemanticTokenProvider: (services) => new ContractspraakSemanticTokenProvider(services)
    }
};
