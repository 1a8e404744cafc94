/**
 * The lexer with positions that stay right after a lexing error. Chevrotain's error recovery skips characters
 * without counting the line breaks among them, so after `{` and Enter in prose (the term mode has no token for a
 * line break) every later token sat one line too high and ever further to the right: diagnostics, hovers and
 * rename edits landed in the wrong place. When that happens, lines and columns are recomputed from the offsets.
 */
import type { LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';

const LINE_BREAK = /\r\n?|\n/g;

export class ContractspraakLexer extends DefaultLexer {

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        if (result.errors.some(e => /[\r\n]/.test(text.substring(e.offset, e.offset + e.length)))) relocate(text, result);
        return result;
    }
}

/** Sets line and column (1-based, as chevrotain) of every token and error from its offsets. */
function relocate(text: string, result: LexerResult): void {
    const starts = [0];
    for (const m of text.matchAll(LINE_BREAK)) starts.push(m.index + m[0].length);
    // A line break belongs to the line it ends, as in chevrotain: the largest line start at or before the offset.
    const at = (offset: number) => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (starts[mid] <= offset) low = mid;
            else high = mid - 1;
        }
        return { line: low + 1, column: offset - starts[low] + 1 };
    };
    for (const token of [...result.tokens, ...result.hidden]) {
        const start = at(token.startOffset);
        const end = at(token.endOffset ?? token.startOffset + token.image.length - 1);
        token.startLine = start.line;
        token.startColumn = start.column;
        token.endLine = end.line;
        token.endColumn = end.column;
    }
    for (const error of result.errors) {
        const position = at(error.offset);
        error.line = position.line;
        error.column = position.column;
    }
}
