/**
 * `contractspraak test <paden...> [--format text|junit|json]`: runs scenario files (`*.scenario.json`, or the
 * folders holding them). Exit 0 when every expectation holds, 1 when one fails; usage problems (no scenarios,
 * unreadable or invalid files) throw UsageError (one line, exit 2).
 */
import { SCENARIO_FORMATS, formatScenarioJson, formatScenarioJunit, formatScenarioText, summary } from '../scenario/report.js';
import { runScenarios } from '../scenario/run.js';
import { UsageError } from '../workspace.js';

export interface TestCliOptions {
    format?: string;
}

export async function runTest(paths: string[], options: TestCliOptions & { version: string }): Promise<number> {
    const format = (options.format ?? 'text').toLowerCase();
    if (!(SCENARIO_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`Onbekend formaat '${options.format}'; kies uit ${SCENARIO_FORMATS.join(', ')}.`);
    }
    const runs = await runScenarios(paths, { version: options.version });
    process.stdout.write(format === 'junit' ? formatScenarioJunit(runs) : format === 'json' ? formatScenarioJson(runs) : formatScenarioText(runs));
    if (format !== 'text') process.stderr.write(summary(runs) + '\n');
    return runs.every(r => r.ok) ? 0 : 1;
}
