/**
 * `contractspraak compile <entry.ovk> [-o rules.json] [--force]`: the rule JSON of the document set seen from
 * one document (schema/rules.schema.json). A set with errors gets no rules: the errors are listed and the exit
 * code is 1, unless --force, which writes the rules with the errors inside. Usage problems throw UsageError,
 * which main.ts prints as one line (exit 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, RuleSet } from '../rules/index.js';
import { SetLayout, outputName } from '../render/layout.js';
import { compileRules, serializeRules } from '../rules/index.js';
import { UsageError, loadWorkspace } from '../workspace.js';

export interface CompileCliOptions {
    output?: string;
    force?: boolean;
    root?: string;
}

export interface CompiledSet {
    ruleSet: RuleSet;
    errors: Diagnostic[];
    /** Folder of the entry document; the paths in `errors` are relative to it. */
    folder: string;
}

/** Loads the set of `entry` and compiles it; throws UsageError for a missing, unreadable or non-.ovk entry. */
export async function compileEntry(entry: string, options: { root?: string; force?: boolean; version: string }): Promise<CompiledSet> {
    if (fs.existsSync(entry) && fs.statSync(entry).isDirectory()) {
        throw new UsageError(`${entry}: is een map; geef het .ovk-bestand van de overeenkomst op (de documentset wordt vanuit dat document bepaald).`);
    }
    const ws = await loadWorkspace([entry], { root: options.root });
    const doc = ws.requested[0];
    const { ruleSet, errors } = compileRules(ws.services, doc, { version: options.version, includeErrors: options.force });
    return { ruleSet, errors, folder: path.dirname(doc.uri.fsPath) };
}

/** An error line as `check` prints it, with the path relative to the working folder. */
export function errorLine(folder: string, e: Diagnostic): string {
    const file = path.relative(process.cwd(), path.join(folder, e.file)) || e.file;
    return `${file}:${e.line}:${e.column} error ${e.code} ${e.message}`;
}

export async function runCompile(entry: string, options: CompileCliOptions & { version: string }): Promise<number> {
    const { ruleSet, errors, folder } = await compileEntry(entry, options);
    const count = `${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'}`;
    if (errors.length && !options.force) {
        for (const e of errors) process.stderr.write(`${errorLine(folder, e)}\n`);
        process.stderr.write(`contractspraak compile: de documentset heeft ${count}; er zijn geen regels geschreven. Herstel de fouten, of schrijf de regels toch met --force.\n`);
        return 1;
    }
    const json = serializeRules(ruleSet);
    if (options.output) {
        fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
        fs.writeFileSync(options.output, json);
        process.stderr.write(`${ruleSet.rules.length} regels geschreven naar ${options.output}.\n`);
    } else {
        process.stdout.write(json);
    }
    if (errors.length) {
        process.stderr.write(`let op: de documentset heeft ${count}; de regels zijn toch geschreven (--force) en noemen de fouten onder "errors".\n`);
    }
    return 0;
}

/**
 * For `contractspraak run` (npm start): the rule JSON of a set folder, `rules.json`, written for its entry
 * document (one not loaded or imported by another; with several, `rules-<name>.json` each). A set with errors gets
 * rules only when those errors are the expected ones (`errorsExpected`: the set matches its expected-findings.txt,
 * the repository's own acknowledgement of them, as `--force` is on the command line): then the rules are forced,
 * their errors at the top under `"errors"`, and a note says so. Unexpected errors get no rules, only a note.
 */
export async function compileSetFolder(folder: string, outDir: string, version: string, options: { errorsExpected?: boolean } = {}): Promise<{ files: string[]; notes: string[] }> {
    const ws = await loadWorkspace([folder], { root: folder });
    const sets = ws.services.references.DocumentSets;
    const layout = new SetLayout(ws.all);
    const entries = layout.entries.filter(doc => !layout.entries.some(other => other !== doc && sets.visibleFrom(other).has(doc.uri.toString())));
    const files: string[] = [], notes: string[] = [];
    for (const entry of entries) {
        const name = entries.length === 1 ? 'rules.json' : `rules-${outputName(entry)}.json`;
        const { ruleSet, errors } = compileRules(ws.services, entry, { version, includeErrors: options.errorsExpected });
        const count = `${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'}`;
        if (errors.length && !options.errorsExpected) {
            notes.push(`${name}: niet geschreven, de documentset van ${path.basename(entry.uri.fsPath)} heeft ${count} die ${EXPECTED} niet verwacht (contractspraak compile --force schrijft de regels toch).`);
            continue;
        }
        fs.writeFileSync(path.join(outDir, name), serializeRules(ruleSet));
        files.push(name);
        if (errors.length) {
            notes.push(`${name}: geforceerd geschreven (als compile --force): de documentset van ${path.basename(entry.uri.fsPath)} heeft ${count}, zoals ${EXPECTED} verwacht; ze staan bovenaan de regels onder "errors".`);
        }
    }
    return { files, notes };
}

const EXPECTED = 'expected-findings.txt';
