/**
 * Diagnostics as the CLI reports them: 1-based lines and columns, file paths relative to the working folder.
 */
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../../language/diagnostics.js';

export interface Finding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export function toFinding(document: LangiumDocument, d: Diagnostic, cwd = process.cwd()): Finding {
    return {
        file: path.relative(cwd, document.uri.fsPath) || document.uri.fsPath,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error',
        code: String(d.code ?? (d.data as { code?: string } | undefined)?.code ?? 'unknown'),
        message: typeof d.message === 'string' ? d.message : d.message.value
    };
}

/** Stable order: file, position, code. */
export function sortFindings(findings: Finding[]): Finding[] {
    return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
        || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
}

export interface Summary { errors: number; warnings: number; infos: number; files: number }

export function summarise(findings: Finding[], files: number): Summary {
    return {
        errors: findings.filter(f => f.severity === 'error').length,
        warnings: findings.filter(f => f.severity === 'warning').length,
        infos: findings.filter(f => f.severity === 'info' || f.severity === 'hint').length,
        files
    };
}

export function summaryLine(s: Summary): string {
    const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    return `${n(s.files, 'bestand', 'bestanden')} gecontroleerd: ${n(s.errors, 'fout', 'fouten')}, ${n(s.warnings, 'waarschuwing', 'waarschuwingen')}, ${n(s.infos, 'opmerking', 'opmerkingen')}.`;
}
