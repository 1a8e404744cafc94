/**
 * Every node of a document outside its prose, in document order, listed once per parse (a new parse is a new
 * root). The rangorde extraction, the termijn model and the name checks each read a few kinds of node; prose is
 * most of the tree and holds none of them (only text, references and capitalised words). One plain walk here
 * replaces a Langium content stream per node in each of them.
 */
import type { AstNode } from 'langium';
import { isAstNode } from 'langium';
import { isProse } from './generated/ast.js';

const cache = new WeakMap<AstNode, readonly AstNode[]>();

export function structuralNodes(root: AstNode): readonly AstNode[] {
    let nodes = cache.get(root);
    if (!nodes) cache.set(root, nodes = collect(root));
    return nodes;
}

/** Pre-order, children in the order of AstUtils.streamContents (property order, then array order). */
function collect(root: AstNode): AstNode[] {
    const out: AstNode[] = [];
    const visit = (node: AstNode) => {
        if (isProse(node)) return;
        out.push(node);
        walk(node);
    };
    const walk = (node: AstNode) => {
        for (const key of Object.keys(node)) {
            if (key.startsWith('$')) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (isAstNode(value)) visit(value);
            else if (Array.isArray(value)) {
                for (const element of value) if (isAstNode(element)) visit(element);
            }
        }
    };
    walk(root);
    return out;
}
