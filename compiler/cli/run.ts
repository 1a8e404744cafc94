/**
 * `contractspraak run <map>`: the main job of a contracts repository (and of `npm start` here). Every
 * sub-folder with .ovk files is a document set: it is checked, its findings are compared with the
 * `expected-findings.txt` kept next to it (agreements are kept as written, defects included), and its reports
 * go to the output folder. Exit 1 when a set's findings differ from what is expected, or when a set without
 * such a file has errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../report/findings.js';
import { sortFindings, summarise, summaryLine, toFinding } from '../report/findings.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { UsageError, loadWorkspace } from '../workspace.js';

export const EXPECTED_FINDINGS = 'expected-findings.txt';

export interface SetResult {
    name: string;
    folder: string;
    findings: Finding[];
    /** Lines of the text report, paths relative to the set's folder. */
    lines: string[];
    expected?: string[];
    ok: boolean;
}

/** The document sets under a folder: each sub-folder that holds .ovk files (or the folder itself). */
export function findSets(folder: string): string[] {
    const abs = path.resolve(folder);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new UsageError(`${folder}: map bestaat niet.`);
    const hasOvk = (dir: string) => fs.readdirSync(dir).some(f => f.endsWith('.ovk'));
    const subs = fs.readdirSync(abs, { withFileTypes: true })
        .filter(e => e.isDirectory() && !e.name.startsWith('.'))
        .map(e => path.join(abs, e.name))
        .filter(hasOvk)
        .sort();
    return subs.length ? subs : hasOvk(abs) ? [abs] : [];
}

export async function checkSet(folder: string): Promise<SetResult> {
    const ws = await loadWorkspace([folder], { root: folder });
    const findings: Finding[] = [];
    for (const doc of ws.all) {
        for (const d of doc.diagnostics ?? []) findings.push(toFinding(doc, d, folder));
    }
    const sorted = sortFindings(findings);
    const lines = formatText(sorted).split('\n').filter(Boolean);
    const expectedFile = path.join(folder, EXPECTED_FINDINGS);
    const expected = fs.existsSync(expectedFile)
        ? fs.readFileSync(expectedFile, 'utf8').split(/\r?\n/).filter(l => l.trim() && !l.startsWith('#'))
        : undefined;
    const ok = expected ? sameLines(lines, expected) : summarise(sorted, ws.all.length).errors === 0;
    return { name: path.basename(folder), folder, findings: sorted, lines, expected, ok };
}

function sameLines(a: string[], b: string[]): boolean {
    return a.length === b.length && a.every((l, i) => l === b[i]);
}

export interface RunOptions {
    out: string;
    version: string;
    /** Hook for further outputs per set (rendering, rule JSON); returns the files it wrote, and notes to print. */
    produce?: (set: SetResult, outDir: string) => Promise<string[] | Produced>;
}

export interface Produced {
    files: string[];
    /** One line each, e.g. why an output was skipped. */
    notes: string[];
}

export async function runExamples(folder: string, options: RunOptions): Promise<number> {
    const sets = findSets(folder);
    if (sets.length === 0) throw new UsageError(`${folder}: geen documentsets (.ovk-bestanden) gevonden.`);
    let failures = 0;
    for (const setFolder of sets) {
        const result = await checkSet(setFolder);
        const outDir = path.join(options.out, result.name);
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, 'check.txt'), result.lines.join('\n') + (result.lines.length ? '\n' : ''));
        fs.writeFileSync(path.join(outDir, 'check.json'), formatJson(result.findings));
        fs.writeFileSync(path.join(outDir, 'check.sarif'), formatSarif(result.findings, options.version));
        fs.writeFileSync(path.join(outDir, 'check.junit.xml'), formatJunit(result.findings, [...new Set(result.findings.map(f => f.file))]));
        const written = ['check.txt', 'check.json', 'check.sarif', 'check.junit.xml'];
        const produced = options.produce ? await options.produce(result, outDir) : [];
        const notes = Array.isArray(produced) ? [] : produced.notes;
        written.push(...(Array.isArray(produced) ? produced : produced.files));
        const summary = summarise(result.findings, new Set(result.findings.map(f => f.file)).size);
        process.stdout.write(`\n== ${result.name}\n`);
        for (const line of result.lines) process.stdout.write(`   ${line}\n`);
        process.stdout.write(`   ${summaryLine(summary).replace(/^\d+ bestand(en)? gecontroleerd: /, '')}\n`);
        if (result.expected) {
            process.stdout.write(result.ok
                ? `   komt overeen met ${EXPECTED_FINDINGS}\n`
                : `   WIJKT AF van ${EXPECTED_FINDINGS}:\n${diff(result.expected, result.lines)}`);
        } else if (!result.ok) {
            process.stdout.write(`   fouten, en geen ${EXPECTED_FINDINGS} die ze verwacht\n`);
        }
        process.stdout.write(`   uitvoer: ${written.map(f => path.join(outDir, f)).join(', ')}\n`);
        for (const note of notes) process.stdout.write(`   ${note}\n`);
        if (!result.ok) failures++;
    }
    process.stdout.write(`\n${sets.length} documentset${sets.length === 1 ? '' : 's'} verwerkt${failures ? `, ${failures} wijkt af` : ', alles zoals verwacht'}.\n`);
    return failures ? 1 : 0;
}

function diff(expected: string[], actual: string[]): string {
    const missing = expected.filter(l => !actual.includes(l)).map(l => `   - ${l}\n`);
    const extra = actual.filter(l => !expected.includes(l)).map(l => `   + ${l}\n`);
    return [...missing, ...extra].join('');
}
