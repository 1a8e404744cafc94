/**
 * Symbolic paths of referenceable elements: artikel `Totstandkoming`, lid `Totstandkoming.Aanvaarding`,
 * onderdeel `Beeindiging.Direct.Verzuim`, an artikel in a bijlage `Leidraad.Melding`. Numbers never appear in
 * names; they are computed (model/numbering.ts).
 */
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import {
    isArtikel, isBegrip, isBijlage, isDocument, isDocumentVerwijzing, isGebeurtenis, isGroep, isLid, isOnderdeel, isOverweging, isPartij, isProse,
    isRol, isTermijn, isVariant
} from './generated/ast.js';

/** Elements that other text can refer to by name. */
export function isReferenceable(node: AstNode): node is AstNode & { name: string } {
    return isArtikel(node) || isLid(node) || isOnderdeel(node) || isBijlage(node) || isBegrip(node) || isVariant(node)
        || isPartij(node) || isGroep(node) || isRol(node) || isDocumentVerwijzing(node) || isOverweging(node)
        || isGebeurtenis(node) || isTermijn(node);
}

/** Elements whose children are named relative to them (the chain of a qualified name). */
export function isNamingContainer(node: AstNode): boolean {
    return isArtikel(node) || isLid(node) || isOnderdeel(node) || isBijlage(node);
}

export interface NamePath {
    /** Name segments from the document down to the element. */
    segments: string[];
    /** The naming containers for segments[0..n-2], outermost first. */
    containers: AstNode[];
}

/** The qualified path of an element within its document, or undefined if it is not referenceable. */
export function namePath(node: AstNode): NamePath | undefined {
    if (!isReferenceable(node) || !node.name) return undefined;
    // Begrippen, parties and documents are named flat within the document, wherever they are declared.
    if (isBegrip(node) || isPartij(node) || isGroep(node) || isRol(node) || isDocumentVerwijzing(node) || isOverweging(node)
        || isGebeurtenis(node) || isTermijn(node)) {
        return { segments: [node.name], containers: [] };
    }
    if (isVariant(node)) return { segments: [node.name], containers: [] };
    if (isBijlage(node)) return { segments: [node.name], containers: [] };
    const segments: string[] = [node.name];
    const containers: AstNode[] = [];
    for (let c = node.$container; c && !isDocument(c); c = c.$container) {
        if (isNamingContainer(c)) {
            const named = c as AstNode & { name?: string };
            if (!named.name) return undefined;
            segments.unshift(named.name);
            containers.unshift(c);
            if (isBijlage(c)) break;   // bijlagen are named flat, so the chain stops there
        }
    }
    return { segments, containers };
}

/** The name under which an element is known, e.g. `Totstandkoming.Aanvaarding`. */
export function qualifiedName(node: AstNode): string | undefined {
    return namePath(node)?.segments.join('.');
}

export interface NamedElement {
    node: AstNode & { name: string };
    path: NamePath;
}

const namedCache = new WeakMap<AstNode, readonly NamedElement[]>();

/**
 * Every referenceable element of a document with its path, in document order. Prose (most of the tree: every
 * word and capitalised term is a node) declares nothing and is not entered; cached per parse, since the exported
 * and the local symbols both ask for it.
 */
export function namedElements(root: AstNode): readonly NamedElement[] {
    let list = namedCache.get(root);
    if (list) return list;
    const out: NamedElement[] = [];
    const walk = (node: AstNode) => {
        for (const child of AstUtils.streamContents(node)) {
            if (isProse(child)) continue;
            const path = namePath(child);
            if (path) out.push({ node: child as AstNode & { name: string }, path });
            walk(child);
        }
    };
    walk(root);
    namedCache.set(root, list = out);
    return list;
}
