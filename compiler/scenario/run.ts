/**
 * Running scenario files: find them, compile (or read) the rules each names, evaluate the events and check the
 * expectations. An agreement named by several scenarios is compiled once. A set with errors is still compiled
 * — a scenario tests termijnen, `check` polices the errors — and the run says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineInputError, evaluate, parseRuleSet } from '../engine/index.js';
import type { RuleSet } from '../rules/index.js';
import { compileEntry } from '../cli/compile.js';
import { readJson } from '../cli/evaluate.js';
import { UsageError } from '../workspace.js';
import type { ExpectationResult } from './scenario.js';
import { SCENARIO_SUFFIX, checkExpectation, parseScenario } from './scenario.js';

export interface ScenarioRun {
    /** The scenario file, relative to the working folder. */
    file: string;
    naam: string;
    op: string;
    /** The agreement or rule file it ran against, relative to the working folder. */
    rules: string;
    notes: string[];
    expectations: ExpectationResult[];
    ok: boolean;
}

/** Scenario files among the arguments: files ending in .scenario.json, and those found in folders. */
export function findScenarioFiles(args: readonly string[]): string[] {
    if (!args.length) throw new UsageError('Geef een of meer scenariobestanden (.scenario.json) of mappen op.');
    const files: string[] = [];
    for (const arg of args) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(arg);
        } catch {
            throw new UsageError(`${arg}: bestand of map bestaat niet.`);
        }
        if (stat.isDirectory()) {
            const found = fs.readdirSync(arg, { recursive: true, encoding: 'utf8' })
                .filter(f => f.endsWith(SCENARIO_SUFFIX) && !f.split(path.sep).includes('node_modules'))
                .sort()
                .map(f => path.join(arg, f));
            files.push(...found);
        } else if (arg.endsWith(SCENARIO_SUFFIX)) {
            files.push(arg);
        } else {
            throw new UsageError(`${arg}: geen scenariobestand (verwacht een naam op ${SCENARIO_SUFFIX}).`);
        }
    }
    if (!files.length) throw new UsageError(`${args.join(', ')}: geen scenariobestanden (${SCENARIO_SUFFIX}) gevonden.`);
    return [...new Set(files.map(f => path.resolve(f)))];
}

export async function runScenarios(args: readonly string[], options: { version: string }): Promise<ScenarioRun[]> {
    const files = findScenarioFiles(args);
    const compiled = new Map<string, { ruleSet: RuleSet; notes: string[] }>();
    const runs: ScenarioRun[] = [];
    const rel = (f: string) => path.relative(process.cwd(), f) || f;
    for (const file of files) {
        let scenario;
        try {
            scenario = parseScenario(readJson(file, 'scenariobestand'), rel(file));
        } catch (e) {
            if (e instanceof EngineInputError) throw new UsageError(e.message);
            throw e;
        }
        const target = path.resolve(path.dirname(file), scenario.overeenkomst ?? scenario.regels!);
        let rules = compiled.get(target);
        // A note about the set is said once, with the first scenario that uses it.
        const first = !rules;
        if (!rules) {
            if (scenario.overeenkomst) {
                if (!fs.existsSync(target)) throw new UsageError(`${rel(file)}: de overeenkomst ${rel(target)} bestaat niet.`);
                const { ruleSet, errors } = await compileEntry(target, { version: options.version });
                const notes = errors.length
                    ? [`De documentset van ${rel(target)} heeft ${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'} (zie contractspraak check); de regels zijn toch gecompileerd.`]
                    : [];
                rules = { ruleSet, notes };
            } else {
                try {
                    rules = { ruleSet: parseRuleSet(readJson(target, 'regelbestand'), rel(target)), notes: [] };
                } catch (e) {
                    if (e instanceof EngineInputError) throw new UsageError(e.message);
                    throw e;
                }
            }
            compiled.set(target, rules);
        }
        const evaluation = evaluate(rules.ruleSet, scenario.gebeurtenissen, scenario.op);
        const expectations = scenario.verwacht.map(e => checkExpectation(evaluation, e));
        runs.push({
            file: rel(file), naam: scenario.naam, op: scenario.op, rules: rel(target), notes: first ? rules.notes : [],
            expectations, ok: expectations.every(x => x.ok)
        });
    }
    return runs;
}
