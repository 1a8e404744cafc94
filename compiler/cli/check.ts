/**
 * `contractspraak check`: parse, link and check document sets; report in text, JSON, SARIF or JUnit.
 * Exit 0 without errors, 1 with errors (exit 2 for usage and I/O problems is main.ts's job).
 * With `--baseline FILE` only findings not in the baseline are reported and count (baseline/baseline.ts);
 * `--update-baseline` writes the baseline instead; `--max-warnings N` also fails on more than N warnings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyedFinding } from '../baseline/baseline.js';
import { compareWithBaseline, keyFinding, makeBaseline, readBaseline, writeBaseline } from '../baseline/baseline.js';
import type { Finding } from '../report/findings.js';
import { sortFindings, summarise, summaryLine, toFinding } from '../report/findings.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { UsageError, loadWorkspace } from '../workspace.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'junit';
export const REPORT_FORMATS: ReportFormat[] = ['text', 'json', 'sarif', 'junit'];

export interface CheckOptions {
    format: ReportFormat;
    output?: string;
    root?: string;
    /** Also write every format into this folder (npm start uses it). */
    reportDir?: string;
    version: string;
    /** Report and count only findings that are not in this baseline file. */
    baseline?: string;
    /** Write every current finding to the baseline file instead of comparing. */
    updateBaseline?: boolean;
    /** Fail when more warnings than this are reported. */
    maxWarnings?: number;
}

export interface CheckResult {
    findings: Finding[];
    files: string[];
    exitCode: number;
    /** With a baseline: the findings that are not in it (what the reports show). */
    newFindings?: Finding[];
}

export async function runCheck(args: string[], options: CheckOptions): Promise<CheckResult> {
    const ws = await loadWorkspace(args, { root: options.root });
    const findings: Finding[] = [];
    const files: string[] = [];
    if (options.updateBaseline && !options.baseline) throw new UsageError('--update-baseline schrijft naar het bestand van --baseline; geef dat op.');
    if (options.maxWarnings !== undefined && !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= 0)) {
        throw new UsageError(`--max-warnings verwacht een geheel getal van 0 of meer, niet '${options.maxWarnings}'.`);
    }
    const keyed: KeyedFinding[] = [];
    for (const doc of ws.all) {
        files.push(path.relative(process.cwd(), doc.uri.fsPath) || doc.uri.fsPath);
        for (const d of doc.diagnostics ?? []) {
            const finding = toFinding(doc, d);
            findings.push(finding);
            if (options.baseline) keyed.push(keyFinding(finding, doc, d, options.baseline));
        }
    }
    const all = sortFindings(findings);
    let sorted = all;
    let baselineLine: string | undefined;
    if (options.baseline && options.updateBaseline) {
        const baseline = makeBaseline(keyed);
        writeBaseline(options.baseline, baseline);
        baselineLine = `Baseline geschreven naar ${options.baseline}: ${all.length} ${all.length === 1 ? 'bevinding' : 'bevindingen'}.`;
    } else if (options.baseline) {
        const comparison = compareWithBaseline(keyed, readBaseline(options.baseline));
        sorted = sortFindings(comparison.fresh);
        baselineLine = `Baseline ${options.baseline}: ${comparison.known} bekend, ${sorted.length} nieuw, ${comparison.fixed} opgelost.`;
    }
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
    if (baselineLine) process.stderr.write(baselineLine + '\n');
    if (options.updateBaseline) return { findings: all, files, exitCode: 0, newFindings: [] };
    const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
    if (tooManyWarnings) process.stderr.write(`Te veel waarschuwingen: ${summary.warnings} (maximaal ${options.maxWarnings}).\n`);
    const exitCode = summary.errors > 0 || tooManyWarnings ? 1 : 0;
    return options.baseline ? { findings: all, files, exitCode, newFindings: sorted } : { findings: sorted, files, exitCode };
}

function writeFile(file: string, content: string): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, content);
}
