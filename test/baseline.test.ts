/**
 * CI on legacy agreements: `check --baseline` fails only on findings that are not in the baseline. A baseline
 * run on the example (which has a real error) is green, also after edits above its findings and a
 * renumbering; a newly introduced broken reference turns it red; --max-warnings counts what is reported.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { normaliseMessage, readBaseline } from '../compiler/baseline/baseline.js';
import type { CheckOptions } from '../compiler/cli/check.js';
import { runCheck } from '../compiler/cli/check.js';
import { CLI, ROOT, ensureBundle } from './bundle.js';

const EXAMPLE = path.join(ROOT, 'examples', 'raamovereenkomst-maatwerk-2021');
const ENTRY = 'raamovereenkomst.ovk';

let tmp: string;

beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-baseline-'));
});

afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the example, its baseline written next to it. */
async function withBaseline(name: string): Promise<{ dir: string; baseline: string }> {
    const dir = path.join(tmp, name, 'contracten');
    fs.cpSync(EXAMPLE, dir, { recursive: true, filter: src => !src.includes(`${path.sep}bron`) });
    const baseline = path.join(tmp, name, '.contractspraak-baseline.json');
    const result = await check(dir, { baseline, updateBaseline: true });
    expect(result.exitCode).toBe(0);
    return { dir, baseline };
}

function check(dir: string, options: Partial<CheckOptions>) {
    return runCheck([dir], { format: 'text', output: path.join(tmp, 'report.txt'), version: 'test', ...options });
}

function edit(dir: string, change: (text: string) => string): void {
    const file = path.join(dir, ENTRY);
    const before = fs.readFileSync(file, 'utf8');
    const after = change(before);
    expect(after, 'the edit applies to the example').not.toBe(before);
    fs.writeFileSync(file, after);
}

suite('baseline', () => {
    test('the example has an error, so a plain check fails; with its baseline it is green', async () => {
        const { dir, baseline } = await withBaseline('groen');
        const plain = await check(dir, {});
        expect(plain.exitCode).toBe(1);
        const written = readBaseline(baseline);
        expect(written.findings.reduce((n, e) => n + e.count, 0)).toBe(plain.findings.length);
        expect(written.findings.every(e => e.file === `contracten/${ENTRY}`)).toBe(true);
        // Findings are tied to their element, not to a line.
        expect(written.findings.some(e => /^lid:[A-Z]\w*\.\w+$/.test(e.element))).toBe(true);
        const result = await check(dir, { baseline });
        expect(result.exitCode).toBe(0);
        expect(result.newFindings).toEqual([]);
        expect(fs.readFileSync(path.join(tmp, 'report.txt'), 'utf8')).toBe('');
    });

    test('still green after lines are added above the findings and the artikelen renumber', async () => {
        const { dir, baseline } = await withBaseline('verschoven');
        edit(dir, t => t.replace(/\n    artikel Onderwerp /,
            '\n    artikel Vooraf "Vooraf" {\n        lid Een: "Een nieuw eerste artikel,\n            over meerdere regels."\n    }\n\n    artikel Onderwerp '));
        const result = await check(dir, { baseline });
        expect(result.newFindings).toEqual([]);
        expect(result.exitCode).toBe(0);
        // The known error moved down and its message names other numbers now; it is still the known one.
        expect(result.findings.some(f => f.code === 'rangorde-claim-conflict')).toBe(true);
    });

    test('a newly introduced broken reference turns it red, and only the new finding is reported', async () => {
        const { dir, baseline } = await withBaseline('rood');
        edit(dir, t => t.replace('overeenkomstig [artikel Weigering]', 'overeenkomstig [artikel Weigerring]'));
        const result = await check(dir, { baseline });
        expect(result.exitCode).toBe(1);
        expect(result.newFindings!.map(f => `${f.severity} ${f.code}`)).toEqual(['error ref-unresolved']);
        const report = fs.readFileSync(path.join(tmp, 'report.txt'), 'utf8');
        expect(report.trim().split('\n')).toHaveLength(1);
        expect(report).toMatch(/raamovereenkomst\.ovk:\d+:\d+ error ref-unresolved /);
    });

    test('a second identical finding in the same element is new; a new warning fails only with --max-warnings', async () => {
        const { dir, baseline } = await withBaseline('tellen');
        // One more [naam] placeholder next to an existing one, in the same element.
        edit(dir, t => t.replace('[naam]', '[naam] [naam]'));
        const result = await check(dir, { baseline });
        expect(result.newFindings!.map(f => f.code)).toEqual(['placeholder']);
        expect(result.exitCode).toBe(0);   // a new warning alone does not fail …
        expect((await check(dir, { baseline, maxWarnings: 0 })).exitCode).toBe(1);   // … unless --max-warnings says so
        expect((await check(dir, { baseline, maxWarnings: 1 })).exitCode).toBe(0);
    });

    test('--max-warnings without a baseline counts every warning', async () => {
        const dir = path.join(tmp, 'warnings');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'a.ovk'), 'overeenkomst A "A" {\n    artikel Een "Een" {\n        lid Een: "Zie [naam] en [plaats]."\n    }\n}\n');
        expect((await check(dir, {})).exitCode).toBe(0);
        expect((await check(dir, { maxWarnings: 2 })).exitCode).toBe(0);
        expect((await check(dir, { maxWarnings: 1 })).exitCode).toBe(1);
    });

    test('numbers in messages do not identify a finding', () => {
        expect(normaliseMessage('Vaste nummering slaat over: lid 14.1 ontbreekt (vóór lid 14.2).'))
            .toBe(normaliseMessage('Vaste nummering slaat over: lid 15.1 ontbreekt (vóór lid 15.2).'));
        expect(normaliseMessage('lid 14.1 ontbreekt')).not.toBe(normaliseMessage('artikel 14 ontbreekt'));
    });
});

suite('CLI', () => {
    beforeAll(() => ensureBundle(), 180_000);

    function cli(args: string[]) {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    test('exit codes: green with the baseline, red on a new error, 2 for usage problems', { timeout: 300_000 }, () => {
        const dir = path.join(tmp, 'cli', 'contracten');
        fs.cpSync(EXAMPLE, dir, { recursive: true, filter: src => !src.includes(`${path.sep}bron`) });
        const baseline = path.join(tmp, 'cli', 'baseline.json');
        const update = cli(['check', dir, '--baseline', baseline, '--update-baseline']);
        expect(update.status, update.stderr).toBe(0);
        expect(update.stderr).toMatch(/Baseline geschreven naar .*baseline\.json: \d+ bevindingen\./);
        const green = cli(['check', dir, '--baseline', baseline, '-f', 'sarif']);
        expect(green.status, green.stderr).toBe(0);
        expect(JSON.parse(green.stdout).runs[0].results).toEqual([]);
        expect(green.stderr).toMatch(/Baseline .*: \d+ bekend, 0 nieuw, 0 opgelost\./);
        edit(dir, t => t.replace('overeenkomstig [artikel Weigering]', 'overeenkomstig [artikel Weigerring]'));
        const red = cli(['check', dir, '--baseline', baseline, '-f', 'sarif']);
        expect(red.status).toBe(1);
        expect(JSON.parse(red.stdout).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['ref-unresolved']);
        for (const [args, message] of [
            [['check', dir, '--update-baseline'], /--update-baseline schrijft naar het bestand van --baseline/],
            [['check', dir, '--max-warnings', 'veel'], /--max-warnings verwacht een geheel getal van 0 of meer, niet 'veel'\./],
            [['check', dir, '--baseline', path.join(tmp, 'geen.json')], /geen\.json: baseline bestaat niet/]
        ] as Array<[string[], RegExp]>) {
            const r = cli(args);
            expect(r.status, r.stderr).toBe(2);
            expect(r.stderr.trim().split('\n')).toHaveLength(1);
            expect(r.stderr).toMatch(message);
        }
    });
});
