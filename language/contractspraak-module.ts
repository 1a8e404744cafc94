/**
 * Dependency injection for the Contractspraak language: generated services plus the custom lexer, scoping,
 * document set, validation and LSP providers.
 */
import type { Module } from 'langium';
import { inject } from 'langium';
import type {
    DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices
} from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { ContractspraakDocumentBuilder } from './contractspraak-document-builder.js';
import { ContractspraakIndexManager } from './contractspraak-index-manager.js';
import { ContractspraakDocumentValidator } from './contractspraak-document-validator.js';
import { ContractspraakLexer } from './contractspraak-lexer.js';
import { ContractspraakScopeComputation, ContractspraakScopeProvider } from './contractspraak-scope.js';
import { ContractspraakNodeDescriptionProvider } from './contractspraak-node-descriptions.js';
import { ContractspraakNodeLocator } from './contractspraak-node-locator.js';
import { ContractspraakLinker } from './contractspraak-linker.js';
import { ContractspraakDocuments } from './contractspraak-documents.js';
import { ContractspraakValidationRegistry } from './contractspraak-validation-registry.js';
import { ContractspraakReferenceDescriptionProvider } from './contractspraak-reference-descriptions.js';
import { ContractspraakTokenBuilder } from './contractspraak-token-builder.js';
import { registerValidationChecks } from './contractspraak-validator.js';
import { DocumentSets } from './document-set.js';
import { ContractspraakGeneratedModule, ContractspraakGeneratedSharedModule } from './generated/module.js';
import type { ContractspraakLspAddedServices, ContractspraakModuleExtension } from './lsp/lsp-module.js';
import { contractspraakLspModule, contractspraakSharedLspModule } from './lsp/lsp-module.js';

export type ContractspraakAddedServices = {
    references: {
        DocumentSets: DocumentSets
    }
};

export type ContractspraakServices = LangiumServices & ContractspraakAddedServices & ContractspraakLspAddedServices;

export const ContractspraakModule: Module<ContractspraakServices, PartialLangiumServices & ContractspraakAddedServices> = {
    parser: {
        Lexer: (services) => new ContractspraakLexer(services),
        TokenBuilder: () => new ContractspraakTokenBuilder()
    },
    references: {
        DocumentSets: (services) => new DocumentSets(services.shared),
        ScopeComputation: (services) => new ContractspraakScopeComputation(services),
        ScopeProvider: (services) => new ContractspraakScopeProvider(services),
        Linker: (services) => new ContractspraakLinker(services)
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new ContractspraakNodeDescriptionProvider(services),
        AstNodeLocator: () => new ContractspraakNodeLocator(),
        ReferenceDescriptionProvider: (services) => new ContractspraakReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: (services) => new ContractspraakDocumentValidator(services),
        ValidationRegistry: (services) => new ContractspraakValidationRegistry(services)
    }
};

export const ContractspraakSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        LangiumDocuments: (services) => new ContractspraakDocuments(services),
        DocumentBuilder: (services) => new ContractspraakDocumentBuilder(services),
        IndexManager: (services) => new ContractspraakIndexManager(services)
    }
};

/** `extension` adds to or replaces language services, e.g. the compiler's renderer in compiler/server/main.ts. */
export function createContractspraakServices(context: DefaultSharedModuleContext, extension: ContractspraakModuleExtension = {}): {
    shared: LangiumSharedServices,
    Contractspraak: ContractspraakServices
} {
    const shared = inject(
        createDefaultSharedModule(context),
        ContractspraakGeneratedSharedModule,
        ContractspraakSharedModule,
        contractspraakSharedLspModule
    );
    const Contractspraak = inject(
        createDefaultModule({ shared }),
        ContractspraakGeneratedModule,
        ContractspraakModule,
        contractspraakLspModule,
        extension
    );
    shared.ServiceRegistry.register(Contractspraak);
    registerValidationChecks(Contractspraak);
    if (!context.connection) {
        // Without a language client nobody sends the configuration; mark it as initialised.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Contractspraak };
}
