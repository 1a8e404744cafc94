/**
 * `contractspraak check`: parse, link and check document sets; report in text, JSON, SARIF or JUnit.
 * Exit 0 without errors, 1 with errors (exit 2 for usage and I/O problems is main.ts's job).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../report/findings.js';
import { sortFindings, summarise, summaryLine, toFinding } from '../report/findings.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { loadWorkspace } from '../workspace.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'junit';
export const REPORT_FORMATS: ReportFormat[] = ['text', 'json', 'sarif', 'junit'];

export interface CheckOptions {
    format: ReportFormat;
    output?: string;
    root?: string;
    /** Also write every format into this folder (npm start uses it). */
    reportDir?: string;
    version: string;
}

export interface CheckResult {
    findings: Finding[];
    files: string[];
    exitCode: number;
}

export async function runCheck(args: string[], options: CheckOptions): Promise<CheckResult> {
    const ws = await loadWorkspace(args, { root: options.root });
    const findings: Finding[] = [];
    const files: string[] = [];
    for (const doc of ws.all) {
        files.push(path.relative(process.cwd(), doc.uri.fsPath) || doc.uri.fsPath);
        for (const d of doc.diagnostics ?? []) findings.push(toFinding(doc, d));
    }
    const sorted = sortFindings(findings);
    const render = (format: ReportFormat) => {
        switch (format) {
            case 'json': return formatJson(sorted);
            case 'sarif': return formatSarif(sorted, options.version);
            case 'junit': return formatJunit(sorted, files);
            default: return formatText(sorted);
        }
    };
    const report = render(options.format);
    if (options.output) writeFile(options.output, report);
    else process.stdout.write(report);
    if (options.reportDir) {
        writeFile(path.join(options.reportDir, 'check.txt'), render('text'));
        writeFile(path.join(options.reportDir, 'check.json'), render('json'));
        writeFile(path.join(options.reportDir, 'check.sarif'), render('sarif'));
        writeFile(path.join(options.reportDir, 'check.junit.xml'), render('junit'));
    }
    const summary = summarise(sorted, files.length);
    process.stderr.write(summaryLine(summary) + '\n');
    return { findings: sorted, files, exitCode: summary.errors > 0 ? 1 : 0 };
}

function writeFile(file: string, content: string): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, content);
}
