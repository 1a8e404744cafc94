/**
 * Folding for what a drafter wants out of sight: blocks (hoofdstuk, artikel, bijlage, partijen, overwegingen,
 * looptijd, lists, tables, signatures), leden and other prose that runs over three lines or more, the imports
 * and block comments. One range per start line, the outermost: a lid and its prose start on the same line.
 * The last line stays visible, so a closing `}` or `"` and what follows it on that line are never hidden.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import {
    isArtikel, isBegrip, isBijlage, isHandtekening, isHoofdstuk, isLid, isLijst, isLooptijd, isOnderdeel, isOndertekening,
    isOverweging, isOverwegingen, isPartij, isPartijen, isProse, isTabel, isTekst, isToelichting
} from '../generated/ast.js';

export class ContractspraakFoldingRangeProvider extends DefaultFoldingRangeProvider {

    override getFoldingRanges(document: LangiumDocument, params: FoldingRangeParams): FoldingRange[] {
        const ranges = super.getFoldingRanges(document, params) as FoldingRange[];
        const imports = this.importsRange(document);
        if (imports) ranges.push(imports);
        // VS Code keeps one range per start line; make it the outermost, in a stable order.
        const byLine = new Map<number, FoldingRange>();
        for (const range of ranges) {
            const known = byLine.get(range.startLine);
            if (!known || range.endLine > known.endLine) byLine.set(range.startLine, range);
        }
        return [...byLine.values()].sort((a, b) => a.startLine - b.startLine);
    }

    protected override shouldProcess(node: AstNode): boolean {
        return isHoofdstuk(node) || isArtikel(node) || isBijlage(node) || isPartijen(node) || isOverwegingen(node)
            || isLooptijd(node) || isLijst(node) || isTabel(node) || isOndertekening(node) || isHandtekening(node)
            || isLid(node) || isOnderdeel(node) || isBegrip(node) || isOverweging(node) || isPartij(node)
            || isTekst(node) || isToelichting(node) || isProse(node);
    }

    /** Nothing inside prose folds on its own: the prose does. */
    protected override shouldProcessContent(node: AstNode): boolean {
        return !isProse(node);
    }

    protected override includeLastFoldingLine(_node: CstNode, _kind?: FoldingRangeKind): boolean {
        return false;
    }

    /** The `importeer` lines before the document, when there are at least two. */
    protected importsRange(document: LangiumDocument): FoldingRange | undefined {
        const root = document.parseResult.value as Document;
        const first = root.imports[0]?.$cstNode;
        const last = root.imports.at(-1)?.$cstNode;
        if (!first || !last || last.range.end.line - first.range.start.line < 1) return undefined;
        return {
            startLine: first.range.start.line, startCharacter: first.range.start.character,
            endLine: last.range.end.line, endCharacter: last.range.end.character, kind: FoldingRangeKind.Imports
        };
    }
}
