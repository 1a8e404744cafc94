/**
 * `contractspraak evaluate <rules.json> --events <events.json> [--op YYYY-MM-DD] [--format text|json]`: runs
 * the engine on compiled rules, without the sources. Exit 0 with a result; input that cannot be read is a
 * usage problem (UsageError: one line, exit 2).
 */
import * as fs from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { EngineInputError, evaluate, formatEvaluation, parseEvents, parseOp, parseRuleSet } from '../engine/index.js';
import { UsageError } from '../workspace.js';

export const EVALUATE_FORMATS = ['text', 'json'] as const;

export interface EvaluateCliOptions {
    events?: string;
    op?: string;
    format?: string;
}

/** Reads and parses a JSON file; any problem is a one-line usage error naming the file. */
export function readJson(file: string, what: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(`${file}: ${code === 'ENOENT' ? `${what} bestaat niet` : code === 'EISDIR' ? 'is een map, geen bestand' : `${what} is niet leesbaar`}.`);
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new UsageError(`${file}: geen geldige JSON (${(e as Error).message.split('\n')[0]}).`);
    }
}

export function todayInAmsterdam(): string {
    return Temporal.Now.plainDateISO('Europe/Amsterdam').toString();
}

export function runEvaluate(rulesFile: string, options: EvaluateCliOptions): number {
    const format = (options.format ?? 'text').toLowerCase();
    if (!(EVALUATE_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`Onbekend formaat '${options.format}'; kies uit ${EVALUATE_FORMATS.join(', ')}.`);
    }
    if (!options.events) throw new UsageError('Geef de gebeurtenissen op met --events <bestand.json>.');
    try {
        const rules = parseRuleSet(readJson(rulesFile, 'regelbestand'), rulesFile);
        const events = parseEvents(readJson(options.events, 'gebeurtenissenbestand'), options.events);
        const op = parseOp(options.op ?? todayInAmsterdam());
        const result = evaluate(rules, events, op);
        process.stdout.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatEvaluation(result));
        return 0;
    } catch (e) {
        if (e instanceof EngineInputError) throw new UsageError(e.message);
        throw e;
    }
}
