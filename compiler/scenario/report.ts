/**
 * Scenario results as text (for people), JUnit XML (for CI: a testsuite per scenario file, a testcase per
 * expectation) and JSON (the runs as data). A failure shows expected versus actual and the derivation.
 */
import { escapeXml } from '../report/junit.js';
import type { ScenarioRun } from './run.js';
import type { ExpectationResult } from './scenario.js';

export const SCENARIO_FORMATS = ['text', 'junit', 'json'] as const;
export type ScenarioFormat = typeof SCENARIO_FORMATS[number];

export function summary(runs: readonly ScenarioRun[]): string {
    const all = runs.flatMap(r => r.expectations);
    const failed = all.filter(e => !e.ok).length;
    const scen = `${runs.length} scenario${runs.length === 1 ? '' : "'s"}`;
    return `${scen}, ${all.length} verwachting${all.length === 1 ? '' : 'en'}: ${all.length - failed} geslaagd, ${failed} mislukt.`;
}

function failureText(e: ExpectationResult, indent: string): string[] {
    const out: string[] = [];
    for (const m of e.mismatches) {
        out.push(`${indent}${m.field}:`, `${indent}  verwacht:  ${m.expected}`, `${indent}  werkelijk: ${m.actual}`);
    }
    if (e.derivation.length) {
        out.push(`${indent}afleiding:`);
        e.derivation.forEach((s, i) => out.push(`${indent}  ${i + 1}. ${s.text}${s.rules.length ? ` [${s.rules.join(', ')}]` : ''}`));
    }
    return out;
}

export function formatScenarioText(runs: readonly ScenarioRun[]): string {
    const out: string[] = [];
    for (const run of runs) {
        out.push(`${run.ok ? 'GESLAAGD' : 'MISLUKT '} ${run.file} — ${run.naam} (peildatum ${run.op}, ${run.rules})`);
        for (const n of run.notes) out.push(`  let op: ${n}`);
        for (const e of run.expectations) {
            out.push(`  ${e.ok ? 'ok  ' : 'FOUT'} ${e.title}${e.expected ? `: ${e.expected}` : ''}`);
            if (!e.ok) out.push(...failureText(e, '         '));
        }
    }
    out.push('', summary(runs));
    return out.join('\n') + '\n';
}

export function formatScenarioJunit(runs: readonly ScenarioRun[]): string {
    let tests = 0, failures = 0;
    const suites = runs.map(run => {
        const cases = run.expectations.map(e => {
            const name = escapeXml(e.expected ? `${e.title}: ${e.expected}` : e.title);
            if (e.ok) return `    <testcase classname="${escapeXml(run.naam)}" name="${name}"/>`;
            const message = e.mismatches.map(m => `${m.field}: verwacht ${m.expected}, werkelijk ${m.actual}`).join('; ');
            return `    <testcase classname="${escapeXml(run.naam)}" name="${name}"><failure message="${escapeXml(message)}">${escapeXml(failureText(e, '').join('\n'))}</failure></testcase>`;
        });
        const fails = run.expectations.filter(e => !e.ok).length;
        tests += cases.length;
        failures += fails;
        const notes = run.notes.length ? `\n    <system-out>${escapeXml(run.notes.join('\n'))}</system-out>` : '';
        return `  <testsuite name="${escapeXml(run.file)}" tests="${cases.length}" failures="${fails}" errors="0">\n${cases.join('\n')}${notes}\n  </testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="contractspraak test" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export function formatScenarioJson(runs: readonly ScenarioRun[]): string {
    return JSON.stringify(runs, null, 2) + '\n';
}
