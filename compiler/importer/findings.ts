/**
 * Findings about the source agreement: what the importer noticed while reading it. Positions are 1-based and
 * refer to the input file; codes are stable, messages are Dutch.
 */
import type { Position } from './source.js';

export type ImportSeverity = 'error' | 'warning' | 'info';

export const ImportCodes = {
    RefUnresolved: 'import-ref-unresolved',
    RefStale: 'import-ref-stale',
    RefAmbiguous: 'import-ref-ambiguous',
    TocMismatch: 'import-toc-mismatch',
    NumberingGap: 'import-numbering-gap',
    NumberingDuplicate: 'import-numbering-duplicate',
    HeadingIncomplete: 'import-heading-incomplete',
    TextSplit: 'import-text-split',
    TrackedChange: 'import-tracked-change',
    Placeholder: 'import-placeholder',
    AnnexEmpty: 'import-annex-empty',
    TermVariant: 'import-term-variant',
    TermUndefined: 'import-term-undefined',
    TermUnused: 'import-term-unused',
    DateInconsistent: 'import-date-inconsistent',
    FootnoteOrphan: 'import-footnote-orphan'
} as const;

export type ImportCode = typeof ImportCodes[keyof typeof ImportCodes];

export interface ImportFinding {
    code: ImportCode;
    severity: ImportSeverity;
    message: string;
    line: number;
    column: number;
}

export class FindingCollector {
    private readonly items: ImportFinding[] = [];
    private readonly seen = new Set<string>();

    add(code: ImportCode, severity: ImportSeverity, message: string, at: Position): void {
        const key = `${code}\u0000${at.line}\u0000${at.column}\u0000${message}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.items.push({ code, severity, message, line: at.line, column: at.column });
    }

    all(): ImportFinding[] {
        return [...this.items].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
    }
}

export function formatFindingsText(file: string, findings: readonly ImportFinding[]): string {
    return findings.map(f => `${file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}\n`).join('');
}

export function formatFindingsJson(findings: readonly ImportFinding[]): string {
    return JSON.stringify(findings.map(f => ({
        code: f.code, severity: f.severity, message: f.message, line: f.line, column: f.column
    })), null, 2) + '\n';
}
