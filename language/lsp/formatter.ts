/**
 * Formatting of the structure: blocks indented by one level, one declaration per line, one space between the
 * words of a declaration. Prose is never touched (prose.md §3.4, P8): nothing is registered inside a Prose node,
 * and as a safety net every edit that would reach into a prose is dropped. The continuation lines of multi-line
 * prose therefore keep their own indentation.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode } from 'langium';
import type { FormattingAction, NodeFormatter } from 'langium/lsp';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { isDocument, isDuur, isImport, isLid, isProse } from '../generated/ast.js';

/** A member of a block: its own line, one level deeper; one blank line before it is kept. */
const ITEM: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }, { tabs: 1, lines: 2 }] };
/** A top-level line (imports, the document header): its own line; one blank line before it is kept. */
const LINE: FormattingAction = { options: {}, moves: [{ lines: 1 }, { lines: 2 }] };

/** Keywords that start a line inside a block: list and table headers, looptijd and namens clauses. */
const CLAUSE_KEYWORDS = new Set([
    'nummering', 'kolommen', 'ingang', 'einde', 'onbepaald', 'duur', 'uiterste', 'naam', 'functie', 'plaats', 'datum'
]);

export class ContractspraakFormatter extends AbstractFormatter {

    protected override format(node: AstNode): void {
        if (isProse(node) || AstUtils.hasContainerOfType(node, isProse)) return;
        const parts = ownParts(node);
        if (parts.length === 0) return;
        const formatter = this.getNodeFormatter(node);
        // Formattings go on these parts, never on a child's $cstNode: that may sit inside a wrapper composite, and
        // two formattings on one gap would both apply.
        this.spaceWords(formatter, parts);
        if (isDocument(node)) {
            const imports = parts.filter(p => isImport(p.astNode));
            const header = parts.find(p => !p.hidden && p.astNode === node);
            formatter.cst(imports.slice(1)).prepend(LINE);
            if (imports.length && header) formatter.cst([header]).prepend(LINE);
        }
        this.formatBlock(formatter, parts, node);
        if (isLid(node)) {
            // termijnen, tarieven … of a lid: on their own lines under it
            formatter.cst(parts.filter(p => (node.bepalingen as AstNode[]).includes(p.astNode))).prepend(ITEM);
        }
    }

    /** One space between the words of a declaration; none before : , ; ) and around (. */
    protected spaceWords(formatter: NodeFormatter<AstNode>, parts: CstNode[]): void {
        let previous: CstNode | undefined;
        for (const part of parts) {
            if (part.hidden) continue;
            if (previous) {
                const tight = [':', ',', ';', ')', '('].includes(part.text) || previous.text === '(';
                formatter.cst([part]).prepend(tight ? Formatting.noSpace() : Formatting.oneSpace());
            }
            previous = part;
        }
    }

    /** `{` on the header line, each member on its own line one level deeper, `}` on a line of its own. */
    protected formatBlock(formatter: NodeFormatter<AstNode>, parts: CstNode[], node: AstNode): void {
        const open = parts.findIndex(p => isOwnLeaf(p, node) && p.text === '{');
        const close = parts.findLastIndex(p => isOwnLeaf(p, node) && p.text === '}');
        if (open < 0 || close <= open) return;
        let items = 0;
        for (let i = open + 1; i < close; i++) {
            const part = parts[i];
            if (!this.startsLine(part, parts[i - 1], node)) continue;
            formatter.cst([part]).prepend(items++ === 0 ? Formatting.indent() : ITEM);
        }
        formatter.cst([parts[close]]).prepend(items ? Formatting.newLine() : Formatting.oneSpace());
    }

    /** Whether a part inside a block starts a line: a member, a clause keyword, or a comment before one. */
    protected startsLine(part: CstNode, previous: CstNode, node: AstNode): boolean {
        if (part.hidden) return true;   // a comment goes with the member it precedes; one trailing a line stays put
        if (part.astNode !== node) {
            // a member; prose and durations are values within a clause (`kolommen "a" "b"`, `duur 2 jaren`)
            return !isProse(part.astNode) && !isDuur(part.astNode);
        }
        if (!isOwnLeaf(part, node) || !CLAUSE_KEYWORDS.has(part.text)) return false;
        return previous.text !== 'uiterste';   // `uiterste einde` is one clause
    }

    /** Drops any edit that would reach into a prose, whatever the rules above say. */
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const text = document.textDocument;
        const prose = proseSpans(document);
        const edits = super.doDocumentFormat(document, options, range)
            .filter(edit => !overlapsAny(prose, text.offsetAt(edit.range.start), text.offsetAt(edit.range.end)));
        // Langium breaks lines with \n; keep a Windows file's \r\n line ends consistent.
        if (!text.getText().includes('\r\n')) return edits;
        return edits.map(edit => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') }));
    }
}

/**
 * The CST pieces that belong to a node itself: its keywords and terminals, each data type value (`raamovereenkomst`,
 * `letters`) and qualified name as one piece, each child node as one piece, and comments (hidden).
 */
function ownParts(node: AstNode): CstNode[] {
    const parts: CstNode[] = [];
    const visit = (cst: CstNode) => {
        for (const child of isCompositeCstNode(cst) ? cst.content : []) {
            if (isCompositeCstNode(child) && !child.hidden && child.astNode === node && callsParserRule(child)) visit(child);
            else parts.push(child);
        }
    };
    if (node.$cstNode) visit(node.$cstNode);
    return parts;
}

/** A composite for a call of an ordinary parser rule or fragment (not a data type value or a cross-reference). */
function callsParserRule(cst: CstNode): boolean {
    const source = cst.grammarSource;
    if (!GrammarAST.isRuleCall(source)) return false;
    const rule = source.rule.ref;
    return GrammarAST.isParserRule(rule) && !GrammarUtils.isDataTypeRule(rule);
}

function isOwnLeaf(part: CstNode, node: AstNode): boolean {
    return !isCompositeCstNode(part) && !part.hidden && part.astNode === node;
}

/** Offsets [start, end) of every prose (quotes included), in document order. */
function proseSpans(document: LangiumDocument): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        if (isProse(node) && node.$cstNode) spans.push([node.$cstNode.offset, node.$cstNode.end]);
    }
    return spans.sort((a, b) => a[0] - b[0]);
}

/** Whether the edit [start, end) reaches into a span; an edit that only borders a quote is fine. */
function overlapsAny(spans: Array<[number, number]>, start: number, end: number): boolean {
    // The last span that starts before the edit ends is the only one that can overlap (spans are disjoint).
    let lo = 0;
    let hi = spans.length - 1;
    let candidate = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid][0] < end) {
            candidate = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (candidate < 0) return false;
    const [spanStart, spanEnd] = spans[candidate];
    return start === end ? start > spanStart && start < spanEnd : start < spanEnd && end > spanStart;
}
