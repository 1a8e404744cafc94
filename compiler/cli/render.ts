/**
 * `contractspraak render`: the text people sign, as HTML, Markdown or DOCX, with every number, reference and
 * the table of contents computed. A set with errors still renders what it can, with a warning (exit 0); usage
 * and I/O problems are main.ts's exit 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { buildView } from '../render/build.js';
import { SetLayout, outputName } from '../render/layout.js';
import type { RenderFormat } from '../render/render.js';
import { RENDER_FORMATS, renderView } from '../render/render.js';
import { UsageError, loadWorkspace } from '../workspace.js';

export interface RenderOptions {
    /** Comma-separated formats: "html", "md,docx". */
    format: string;
    output: string;
    /** Render every entry document under a folder, the outputs mirroring its subfolders. */
    all?: boolean;
    root?: string;
}

export interface RenderResult {
    written: string[];
    warnings: string[];
    exitCode: number;
}

export function parseFormats(value: string): RenderFormat[] {
    const formats = value.split(',').map(f => f.trim().toLowerCase()).filter(Boolean);
    const wrong = formats.find(f => !RENDER_FORMATS.includes(f as RenderFormat));
    if (wrong !== undefined || formats.length === 0) {
        throw new UsageError(`onbekend formaat '${wrong ?? value}'; kies uit ${RENDER_FORMATS.join(', ')}.`);
    }
    return [...new Set(formats)] as RenderFormat[];
}

export async function runRender(entry: string, options: RenderOptions): Promise<RenderResult> {
    const formats = parseFormats(options.format);
    const abs = path.resolve(entry);
    const isDir = fs.existsSync(abs) && fs.statSync(abs).isDirectory();
    if (isDir && !options.all) throw new UsageError(`${entry}: is een map; geef één .ovk-bestand op, of gebruik --all.`);
    const ws = await loadWorkspace([entry], { root: options.root });
    const layout = new SetLayout(ws.all);
    const base = isDir ? abs : path.dirname(abs);
    const entries = options.all ? layout.entries : ws.requested.filter(d => layout.entries.includes(d));
    if (!options.all && entries.length === 0) {
        throw new UsageError(`${entry}: bevat geen document om te renderen.`);
    }

    const warnings: string[] = [];
    for (const doc of ws.all) {
        const errors = (doc.diagnostics ?? []).filter(d => d.severity === 1).length;
        if (errors > 0) warnings.push(`${display(doc)}: ${errors} ${errors === 1 ? 'fout' : 'fouten'}; wat te renderen is, is gerenderd.`);
    }
    const written: string[] = [];
    for (const doc of entries) {
        const view = buildView(doc, layout);
        for (const w of view.warnings) warnings.push(`${display(doc)}: ${w}`);
        const folder = options.all ? path.relative(base, path.dirname(doc.uri.fsPath)) : '';
        for (const format of formats) {
            const file = path.join(options.output, folder, `${outputName(doc)}.${format}`);
            fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
            fs.writeFileSync(file, await renderView(view, format));
            written.push(file);
        }
    }
    for (const w of warnings) process.stderr.write(`contractspraak: waarschuwing: ${w}\n`);
    process.stderr.write(`${written.length} ${written.length === 1 ? 'bestand' : 'bestanden'} geschreven naar ${options.output}\n`);
    return { written, warnings, exitCode: 0 };
}

function display(doc: LangiumDocument): string {
    return path.relative(process.cwd(), doc.uri.fsPath) || doc.uri.fsPath;
}
