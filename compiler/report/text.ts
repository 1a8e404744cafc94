import type { Finding } from './findings.js';

/** `file:line:col severity code message`, one finding a line. */
export function formatText(findings: Finding[]): string {
    return findings.map(f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message.replace(/\r?\n/g, ' ')}`).join('\n')
        + (findings.length ? '\n' : '');
}
