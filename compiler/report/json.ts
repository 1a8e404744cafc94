import type { Finding } from './findings.js';

export function formatJson(findings: Finding[]): string {
    return JSON.stringify(findings.map(f => ({
        file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
        severity: f.severity, code: f.code, message: f.message
    })), null, 2) + '\n';
}
