/**
 * The editor-facing providers (hover, completion, code actions, semantic tokens, formatting).
 */
import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { ContractspraakServices } from '../contractspraak-module.js';

export const contractspraakLspModule: Module<ContractspraakServices, PartialLangiumServices> = {
    lsp: {}
};
