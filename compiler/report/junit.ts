/**
 * JUnit XML: a testsuite per file, a testcase per finding (errors fail, warnings pass with their text in
 * system-out), and one passing testcase for a clean file, as eslint's junit formatter does.
 */
import type { Finding } from './findings.js';

export function escapeXml(s: string): string {
    return s.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
        // characters XML 1.0 cannot carry at all
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export function formatJunit(findings: Finding[], files: string[]): string {
    const byFile = new Map<string, Finding[]>(files.map(f => [f, []]));
    for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    let tests = 0;
    let failures = 0;
    const suites: string[] = [];
    for (const [file, list] of [...byFile].sort((a, b) => a[0].localeCompare(b[0]))) {
        const cases: string[] = [];
        const shown = list.filter(f => f.severity === 'error' || f.severity === 'warning');
        for (const f of shown) {
            const name = escapeXml(`${f.code} ${f.line}:${f.column}`);
            const text = escapeXml(`${f.file}:${f.line}:${f.column} ${f.message}`);
            cases.push(f.severity === 'error'
                ? `    <testcase classname="${escapeXml(file)}" name="${name}"><failure type="${escapeXml(f.code)}" message="${escapeXml(f.message)}">${text}</failure></testcase>`
                : `    <testcase classname="${escapeXml(file)}" name="${name}"><system-out>${text}</system-out></testcase>`);
        }
        if (cases.length === 0) cases.push(`    <testcase classname="${escapeXml(file)}" name="contractspraak check"/>`);
        const fails = shown.filter(f => f.severity === 'error').length;
        tests += cases.length;
        failures += fails;
        suites.push(`  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${fails}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="contractspraak check" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
