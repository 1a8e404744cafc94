/**
 * Text that remembers where each of its characters stood in the input file, so that every finding of the
 * importer points at the line and column the drafter sees in the original agreement, however much markup
 * was stripped or how many lines were joined.
 */

/** 1-based, as editors show them. */
export interface Position {
    line: number;
    column: number;
}

export class SourceText {

    private constructor(
        readonly text: string,
        private readonly lines: Int32Array,
        private readonly columns: Int32Array,
        /** Where an empty text stands. */
        private readonly anchor: Position
    ) { }

    static empty(at: Position): SourceText {
        return new SourceText('', new Int32Array(0), new Int32Array(0), at);
    }

    /** A run of characters on one line, starting at `column`. */
    static of(text: string, line: number, column = 1): SourceText {
        const lines = new Int32Array(text.length).fill(line);
        const columns = new Int32Array(text.length);
        for (let i = 0; i < text.length; i++) columns[i] = column + i;
        return new SourceText(text, lines, columns, { line, column });
    }

    static fromChars(chars: Array<{ ch: string; line: number; column: number }>, anchor: Position): SourceText {
        const lines = new Int32Array(chars.length);
        const columns = new Int32Array(chars.length);
        chars.forEach((c, i) => {
            lines[i] = c.line;
            columns[i] = c.column;
        });
        return new SourceText(chars.map(c => c.ch).join(''), lines, columns, anchor);
    }

    /** Joins texts; the separator takes the position of the character before it. */
    static concat(parts: readonly SourceText[], separator = ' '): SourceText {
        const nonEmpty = parts.filter(p => p.length > 0);
        if (nonEmpty.length === 0) return parts[0] ?? SourceText.empty({ line: 1, column: 1 });
        if (nonEmpty.length === 1) return nonEmpty[0];
        const total = nonEmpty.reduce((n, p) => n + p.length, 0) + separator.length * (nonEmpty.length - 1);
        const lines = new Int32Array(total);
        const columns = new Int32Array(total);
        let text = '';
        let k = 0;
        nonEmpty.forEach((p, i) => {
            if (i > 0) {
                for (let s = 0; s < separator.length; s++, k++) {
                    lines[k] = lines[k - 1];
                    columns[k] = columns[k - 1] + 1;
                }
                text += separator;
            }
            lines.set(p.lines, k);
            columns.set(p.columns, k);
            k += p.length;
            text += p.text;
        });
        return new SourceText(text, lines, columns, nonEmpty[0].anchor);
    }

    get length(): number {
        return this.text.length;
    }

    position(index: number): Position {
        if (this.text.length === 0) return this.anchor;
        const i = Math.max(0, Math.min(index, this.text.length - 1));
        return { line: this.lines[i], column: this.columns[i] };
    }

    get start(): Position {
        return this.position(0);
    }

    slice(start: number, end = this.text.length): SourceText {
        const s = Math.max(0, Math.min(start, this.text.length));
        const e = Math.max(s, Math.min(end, this.text.length));
        return new SourceText(this.text.slice(s, e), this.lines.slice(s, e), this.columns.slice(s, e), this.position(s));
    }

    trim(): SourceText {
        const start = this.text.length - this.text.trimStart().length;
        const end = this.text.trimEnd().length;
        return start === 0 && end === this.text.length ? this : this.slice(start, Math.max(start, end));
    }

    toString(): string {
        return this.text;
    }
}
