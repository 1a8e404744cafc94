/**
 * `contractspraak import <bestand.txt|.md> [-o MAP] [--format text|json] [--force]`: turns an agreement in plain
 * text or Markdown into a Contractspraak document set and reports findings about the source on stdout.
 * Usage and I/O problems throw UsageError (main.ts prints one line and exits 2); existing files are only
 * overwritten with --force.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatFindingsJson, formatFindingsText } from '../importer/findings.js';
import { importAgreement } from '../importer/importer.js';
import { UsageError } from '../workspace.js';

export type ImportFormat = 'text' | 'json';
export const IMPORT_FORMATS: ImportFormat[] = ['text', 'json'];

export interface ImportCliOptions {
    output?: string;
    format: ImportFormat;
    force?: boolean;
}

export function runImport(input: string, options: ImportCliOptions): number {
    const file = path.resolve(input);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new UsageError(`${input}: bestand bestaat niet.`);
    }
    if (!stat.isFile()) throw new UsageError(`${input}: is geen bestand.`);
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.txt' && ext !== '.md') throw new UsageError(`${input}: niet ondersteund; verwacht een .txt- of .md-bestand.`);
    let content: string;
    try {
        content = fs.readFileSync(file, 'utf8');
    } catch {
        throw new UsageError(`${input}: bestand is niet leesbaar.`);
    }
    const base = path.basename(file, path.extname(file));
    const outDir = path.resolve(options.output ?? path.join(path.dirname(file), base));
    if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) throw new UsageError(`${options.output ?? outDir}: bestaat al en is geen map.`);

    const result = importAgreement(content, { sourceName: path.basename(file), baseName: base });
    const targets = result.files.map(f => path.join(outDir, f.name));
    if (!options.force) {
        const existing = targets.find(t => fs.existsSync(t));
        if (existing) throw new UsageError(`${path.relative(process.cwd(), existing) || existing}: bestaat al; gebruik --force om het te overschrijven.`);
    }
    fs.mkdirSync(outDir, { recursive: true });
    result.files.forEach((f, i) => fs.writeFileSync(targets[i], f.content));

    const shown = path.relative(process.cwd(), file) || file;
    process.stdout.write(options.format === 'json' ? formatFindingsJson(result.findings) : formatFindingsText(shown, result.findings));
    const count = (severity: string, one: string, many: string) => {
        const n = result.findings.filter(f => f.severity === severity).length;
        return `${n} ${n === 1 ? one : many}`;
    };
    process.stderr.write(`${result.files.length} ${result.files.length === 1 ? 'bestand' : 'bestanden'} geschreven naar ${path.relative(process.cwd(), outDir) || '.'}; `
        + `${result.findings.length} bevindingen over de bron (${count('error', 'fout', 'fouten')}, ${count('warning', 'waarschuwing', 'waarschuwingen')}, `
        + `${count('info', 'melding', 'meldingen')}).\n`);
    return 0;
}
