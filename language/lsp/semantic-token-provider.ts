/**
 * Semantic tokens. The TextMate grammar colours structure keywords and scopes prose as a string; these tokens
 * add what only the linker knows: which names in prose are resolved references and defined terms. A reference
 * gets the colour of what it points to (an artikel like its declaration). Unresolved capitalised words get
 * nothing, so ordinary prose stays prose.
 */
import type { AstNode, Reference } from 'langium';
import { GrammarUtils } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isArtikel, isArtikelRef, isAutoTerm, isBegrip, isBegripRef, isBijlage, isBijlageRef, isDocument, isDocumentRef,
    isDocumentVerwijzing, isTrigger, isGroep, isHandtekening, isHoofdstuk, isLid, isLidRef, isOnderdeel,
    isOnderdeelRef, isOverweging, isOverwegingRef, isPartij, isRelatieveRef, isRol, isSchakel, isTermijn, isTermUse, isUnknownRef,
    isVariant, isVerlenging, isWetRef
} from '../generated/ast.js';
import { findRegulation } from '../model/legislation.js';

/** The colour of an element, shared by its declaration and every reference to it. */
export function tokenTypeOf(node: AstNode): string | undefined {
    if (isArtikel(node) || isHoofdstuk(node)) return SemanticTokenTypes.class;
    if (isLid(node) || isOverweging(node)) return SemanticTokenTypes.property;
    if (isOnderdeel(node)) return SemanticTokenTypes.enumMember;
    if (isBijlage(node) || isDocumentVerwijzing(node) || isDocument(node)) return SemanticTokenTypes.namespace;
    if (isBegrip(node) || isVariant(node) || isPartij(node) || isGroep(node) || isRol(node)) return SemanticTokenTypes.type;
    if (isTermijn(node)) return SemanticTokenTypes.event;
    return undefined;
}

export class ContractspraakSemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const declared = tokenTypeOf(node);
        const nameNode = declared && GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (declared && nameNode) acceptor({ cst: nameNode, type: declared, modifier: SemanticTokenModifiers.declaration });
        if (isArtikelRef(node) || isLidRef(node) || isOnderdeelRef(node) || isBijlageRef(node) || isBegripRef(node)
            || isDocumentRef(node) || isOverwegingRef(node)) {
            acceptor({ node, keyword: keywordOf(node.$type), type: SemanticTokenTypes.keyword });
            this.highlightReference(node, 'target', node.target, acceptor);
        } else if (isAutoTerm(node) || isTermUse(node)) {
            // Only a capitalised word that is a defined term is one; the rest is ordinary prose.
            this.highlightReference(node, 'term', node.term, acceptor);
        } else if (isRelatieveRef(node)) {
            acceptor({ node, property: 'relatie', type: SemanticTokenTypes.keyword });
            acceptor({ node, property: 'soort', type: SemanticTokenTypes.keyword });
        } else if (isWetRef(node)) {
            acceptor({ node, keyword: 'artikel', type: SemanticTokenTypes.keyword });
            acceptor({ node, property: 'artikel', type: SemanticTokenTypes.number });
            if (node.lid) {
                acceptor({ node, keyword: 'lid', type: SemanticTokenTypes.keyword });
                acceptor({ node, property: 'lid', type: SemanticTokenTypes.number });
            }
            if (node.onderdeel) acceptor({ node, keyword: 'onder', type: SemanticTokenTypes.keyword });
            const known = findRegulation(node.wet.join(' ')) !== undefined;
            acceptor({
                node, property: 'wet', type: SemanticTokenTypes.namespace,
                modifier: known ? SemanticTokenModifiers.defaultLibrary : undefined
            });
        } else if (isUnknownRef(node) && node.$cstNode) {
            // A placeholder such as [naam] or [datum]: text still to be filled in.
            acceptor({ cst: node.$cstNode, type: SemanticTokenTypes.comment });
        } else if (isGroep(node)) {
            node.leden.forEach((ref, index) => this.highlightReference(node, 'leden', ref, acceptor, index));
        } else if (isRol(node)) {
            this.highlightReference(node, 'doel', node.doel, acceptor);
        } else if (isHandtekening(node)) {
            this.highlightReference(node, 'partij', node.partij, acceptor);
        } else if (isTermijn(node) && node.drager) {
            this.highlightReference(node, 'drager', node.drager, acceptor);
        } else if (isVerlenging(node) && node.opzegger) {
            this.highlightReference(node, 'opzegger', node.opzegger, acceptor);
        } else if (isTrigger(node) && node.gebeurtenis) {
            this.highlightReference(node, 'gebeurtenis', node.gebeurtenis, acceptor);
            if (node.onderwerp) this.highlightReference(node, 'onderwerp', node.onderwerp, acceptor);
        } else if (isSchakel(node) && node.doel) {
            this.highlightReference(node, 'doel', node.doel, acceptor);
        } else if (isBegrip(node) && node.bron) {
            this.highlightReference(node, 'bron', node.bron, acceptor);
        }
    }

    /** A resolved reference in the colour of its target; an unresolved one is left to the TextMate grammar. */
    protected highlightReference(node: AstNode, property: string, ref: Reference | undefined, acceptor: SemanticTokenAcceptor, index?: number): void {
        const target = ref?.ref;
        const type = target && tokenTypeOf(target);
        const cst = type && (ref.$refNode ?? GrammarUtils.findNodeForProperty(node.$cstNode, property, index));
        if (type && cst) acceptor({ cst, type });
    }
}

function keywordOf(type: string): string {
    switch (type) {
        case 'ArtikelRef': return 'artikel';
        case 'LidRef': return 'lid';
        case 'OnderdeelRef': return 'onderdeel';
        case 'BijlageRef': return 'bijlage';
        case 'BegripRef': return 'begrip';
        case 'OverwegingRef': return 'overweging';
        default: return 'document';
    }
}
