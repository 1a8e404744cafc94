/**
 * `contractspraak diff <oud> <nieuw>` and `contractspraak diff --git <rev1>..<rev2> <pad>`: what changed between
 * two versions of a document set, as text, JSON, or a renvooi (HTML, DOCX with Word's tracked changes).
 * Exit 0 without differences, 1 with differences (as diff(1) does); usage and I/O problems are main.ts's 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, loadWorkspace } from '../workspace.js';
import type { DiffResult } from './compare.js';
import { compareSets } from './compare.js';
import { diffJson, diffText } from './format.js';
import { gitVersions } from './git.js';
import type { RenvooiOptions } from './renvooi.js';
import { renvooiDocx, renvooiHtml } from './renvooi.js';
import type { SetSnapshot } from './snapshot.js';
import { snapshotSet } from './snapshot.js';

export type DiffFormat = 'text' | 'json' | 'html' | 'docx';
export const DIFF_FORMATS: DiffFormat[] = ['text', 'json', 'html', 'docx'];

export interface DiffCliOptions {
    format: DiffFormat;
    output?: string;
    git?: string;
    /** Author and date of the tracked changes in a DOCX renvooi. */
    auteur?: string;
    datum?: string;
}

export interface DiffRun {
    result: DiffResult;
    old: SetSnapshot;
    new: SetSnapshot;
}

/** Loads both versions and compares them. */
export async function diffPaths(oldPath: string, newPath: string, labels = { old: oldPath, new: newPath }): Promise<DiffRun> {
    const load = async (p: string) => {
        const ws = await loadWorkspace([p]);
        return snapshotSet(ws.all, ws.root);
    };
    const oldSet = await load(oldPath);
    const newSet = await load(newPath);
    return { result: compareSets(oldSet, newSet, labels), old: oldSet, new: newSet };
}

export async function runDiff(paths: string[], options: DiffCliOptions): Promise<number> {
    if (!DIFF_FORMATS.includes(options.format)) throw new UsageError(`onbekend formaat '${options.format}'; kies uit ${DIFF_FORMATS.join(', ')}.`);
    if (options.format === 'docx' && !options.output) throw new UsageError('--format docx schrijft een bestand; geef het op met -o <bestand.docx>.');
    if (options.datum !== undefined && Number.isNaN(Date.parse(options.datum))) {
        throw new UsageError(`ongeldige datum '${options.datum}'; gebruik JJJJ-MM-DD of JJJJ-MM-DDTUU:MM:SSZ.`);
    }
    let run: DiffRun;
    if (options.git) {
        if (paths.length !== 1) throw new UsageError('met --git geef je één pad op: contractspraak diff --git <rev1>..<rev2> <pad>.');
        const versions = gitVersions(options.git, paths[0]);
        try {
            run = await diffPaths(versions.old, versions.new, { old: versions.oldLabel, new: versions.newLabel });
            return await write(run, options);
        } finally {
            versions.cleanup();
        }
    }
    if (paths.length !== 2) throw new UsageError('geef twee paden op: contractspraak diff <oud> <nieuw> (of --git <rev1>..<rev2> <pad>).');
    run = await diffPaths(paths[0], paths[1]);
    return write(run, options);
}

async function write(run: DiffRun, options: DiffCliOptions): Promise<number> {
    const renvooi: RenvooiOptions = { author: options.auteur ?? 'Contractspraak', date: normaliseDate(options.datum) };
    let output: string | Buffer;
    switch (options.format) {
        case 'json': output = diffJson(run.result); break;
        case 'html': output = renvooiHtml(run, renvooi); break;
        case 'docx': {
            // One entry document → the file named by -o; several → a folder with one file per entry.
            const files = await renvooiDocx(run, renvooi);
            const target = options.output!;
            if (files.size === 1 && target.toLowerCase().endsWith('.docx')) {
                output = [...files.values()][0];
                break;
            }
            fs.mkdirSync(target, { recursive: true });
            for (const [name, buffer] of files) fs.writeFileSync(path.join(target, `${name}.docx`), buffer);
            return exitCode(run);
        }
        default: output = diffText(run.result);
    }
    if (options.output) {
        fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
        fs.writeFileSync(options.output, output);
    } else {
        process.stdout.write(output);
    }
    return exitCode(run);
}

function exitCode(run: DiffRun): number {
    const s = run.result.summary;
    return s.documents.added + s.documents.removed + s.documents.changed > 0 ? 1 : 0;
}

/** ISO 8601 without milliseconds, as Word writes w:date. */
function normaliseDate(value: string | undefined): string {
    const date = value ? new Date(value) : new Date();
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
