/**
 * AST node paths that share their container's path. Langium's locator builds the whole path again for every
 * node, so every stored path (node and reference descriptions) keeps its own chain of concatenated strings,
 * one per ancestor (≈ 4 MB of a 49 MB workspace in a heap snapshot). Here a container's path is computed once
 * and kept with the container; a node's path is that string plus one segment. ASTs are not mutated after
 * parsing, so a kept path cannot go stale; a new parse has new nodes.
 */
import type { AstNode } from 'langium';
import { DefaultAstNodeLocator } from 'langium';

export class ContractspraakNodeLocator extends DefaultAstNodeLocator {
    /** A container's path with the separator after it: a node's path is then one concatenation. */
    private readonly prefixes = new WeakMap<AstNode, string>();
    private readonly segments = new Map<string, string[]>();

    override getAstNodePath(node: AstNode): string {
        const container = node.$container;
        if (!container) return '';
        let prefix = this.prefixes.get(container);
        if (prefix === undefined) {
            prefix = this.getAstNodePath(container) + this.segmentSeparator;
            this.prefixes.set(container, prefix);
        }
        return prefix + this.getPathSegment(node);
    }

    /** Segments are few distinct strings ("leden@2"); one copy of each. */
    protected override getPathSegment(node: AstNode): string {
        const property = node.$containerProperty;
        const index = node.$containerIndex;
        if (!property || index === undefined || index > 1023) return super.getPathSegment(node);
        let byIndex = this.segments.get(property);
        if (!byIndex) this.segments.set(property, byIndex = []);
        return byIndex[index] ??= super.getPathSegment(node);
    }
}
