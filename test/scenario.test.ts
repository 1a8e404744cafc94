/**
 * Scenarios (compiler/scenario): the example's scenarios pass and follow schema/scenario.schema.json; a
 * deliberately wrong expectation fails with expected versus actual and the derivation, in text, JUnit and JSON;
 * a scenario can run on compiled rules alone; malformed scenarios are refused with a Dutch message.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EngineInputError } from '../compiler/engine/index.js';
import { formatScenarioJson, formatScenarioJunit, formatScenarioText } from '../compiler/scenario/report.js';
import type { ScenarioRun } from '../compiler/scenario/run.js';
import { findScenarioFiles, runScenarios } from '../compiler/scenario/run.js';
import { parseScenario } from '../compiler/scenario/scenario.js';
import { UsageError } from '../compiler/workspace.js';

const root = path.resolve(__dirname, '..');
const exampleScenarios = path.join(root, 'examples/raamovereenkomst-maatwerk-2021/scenarios');
const wrong = path.join(root, 'test/fixtures/scenarios/wrong-expectation.scenario.json');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schema/scenario.schema.json'), 'utf8')));
let dir = '';

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-'));
});

afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the example scenarios', () => {
    let runs: ScenarioRun[] = [];
    beforeAll(async () => {
        runs = await runScenarios([exampleScenarios], { version: 'test' });
    }, 120_000);

    test('follow the scenario schema', () => {
        for (const file of findScenarioFiles([exampleScenarios])) {
            const data = JSON.parse(fs.readFileSync(file, 'utf8'));
            expect(validate(data) ? [] : validate.errors, path.basename(file)).toEqual([]);
        }
    });

    test('all pass: Weigeren before Koningsdag and at the turn of the year, a late declaration with its boete, payment on a Sunday, the looptijd', () => {
        const failed = runs.flatMap(r => r.expectations.filter(e => !e.ok).map(e => `${r.file}: ${e.title} ${JSON.stringify(e.mismatches)}`));
        expect(failed).toEqual([]);
        expect(runs.map(r => path.basename(r.file))).toEqual([
            'betalen-zondag.scenario.json', 'declaratie-te-laat.scenario.json', 'looptijd-contractant-zegt-op.scenario.json',
            'looptijd-gemeente-verlengt-niet.scenario.json', 'looptijd-opzegdatum.scenario.json', 'weigeren-jaarwisseling.scenario.json',
            'weigeren-koningsdag.scenario.json'
        ]);
        expect(runs.flatMap(r => r.expectations).length).toBeGreaterThanOrEqual(17);
        // The set's rangorde error is said once, with the first scenario that compiles it.
        expect(runs.flatMap(r => r.notes)).toEqual([expect.stringContaining('heeft 1 fout')]);
    });

    test('the text report lists every expectation with what it expected', () => {
        const text = formatScenarioText(runs);
        expect(text).toContain('  ok   termijn Weigeren (DVO-2026-0424): uiterlijk 2026-04-30, status expired, gevolgen ["deemed-acceptance"]');
        expect(text).toContain('  ok   boete NagekomenDeclaratieregel (imposed): status imposed, totaal 180.00');
        expect(text.trimEnd().split('\n').at(-1)).toMatch(/^7 scenario's, \d+ verwachtingen: \d+ geslaagd, 0 mislukt\.$/);
    });
});

describe('a deliberately wrong expectation', () => {
    let run: ScenarioRun;
    beforeAll(async () => {
        [run] = await runScenarios([wrong], { version: 'test' });
    }, 60_000);

    test('fails with expected versus actual and the derivation; the right one next to it passes', () => {
        expect(run.ok).toBe(false);
        const [bad, good] = run.expectations;
        expect(bad).toMatchObject({ ok: false, title: 'termijn Weigeren (DVO-1)', mismatches: [{ field: 'uiterlijk', expected: '2026-05-01', actual: '2026-04-30' }] });
        expect(bad.derivation.map(s => s.text)).toContain('2026-04-27 is Koningsdag; telt niet als werkdag.');
        expect(good.ok).toBe(true);
    });

    test('in text, JUnit and JSON', () => {
        const text = formatScenarioText([run]);
        expect(text).toContain('MISLUKT  test/fixtures/scenarios/wrong-expectation.scenario.json');
        expect(text).toContain('  FOUT termijn Weigeren (DVO-1): uiterlijk 2026-05-01, status open\n         uiterlijk:\n           verwacht:  2026-05-01\n           werkelijk: 2026-04-30\n         afleiding:\n');
        expect(text).toContain('5. 2026-04-27 is Koningsdag; telt niet als werkdag. [R1.4, R1.10]');
        const junit = formatScenarioJunit([run]);
        expect(junit).toContain('<testsuites name="contractspraak test" tests="2" failures="1">');
        expect(junit).toContain('<failure message="uiterlijk: verwacht 2026-05-01, werkelijk 2026-04-30">');
        const json = JSON.parse(formatScenarioJson([run]));
        expect(json[0].expectations[0].mismatches).toEqual([{ field: 'uiterlijk', expected: '2026-05-01', actual: '2026-04-30' }]);
    });
});

describe('scenario files', () => {
    test('run on compiled rules alone (no sources)', async () => {
        const file = path.join(dir, 'regels.scenario.json');
        fs.copyFileSync(path.join(root, 'test/fixtures/rules/raamovereenkomst-maatwerk-2021.golden.json'), path.join(dir, 'rules.json'));
        fs.writeFileSync(file, JSON.stringify({
            naam: 'Op de regels alleen', regels: 'rules.json', op: '2026-05-04',
            gebeurtenissen: [{ event: 'Dagtekening', datum: '2026-04-24' }],
            verwacht: [{ termijn: 'Weigeren', uiterlijk: '2026-04-30', status: 'expired' }, { looptijd: true, volgendeOpzegdatum: '2026-06-30' }]
        }));
        const [run] = await runScenarios([file], { version: 'test' });
        expect(run.expectations.map(e => e.ok)).toEqual([true, true]);
        expect(run.notes).toEqual([]);
    });

    test('are refused with a Dutch message when malformed', () => {
        const at = 'x.scenario.json';
        expect(() => parseScenario({ naam: 'x', op: '2026-01-01', verwacht: [{ termijn: 'T' }] }, at)).toThrow('noem de overeenkomst');
        expect(() => parseScenario({ naam: 'x', overeenkomst: 'a.ovk', op: '1-1-2026', verwacht: [{ termijn: 'T' }] }, at)).toThrow(EngineInputError);
        expect(() => parseScenario({ naam: 'x', overeenkomst: 'a.ovk', op: '2026-01-01', verwacht: [] }, at)).toThrow('ten minste één verwachting');
        expect(() => parseScenario({ naam: 'x', overeenkomst: 'a.ovk', op: '2026-01-01', verwacht: [{ termijn: 'T', status: 'laat' }] }, at)).toThrow('onbekende status "laat"');
        expect(() => parseScenario({ naam: 'x', overeenkomst: 'a.ovk', op: '2026-01-01', verwacht: [{ iets: 1 }] }, at)).toThrow('een "termijn", de "looptijd"');
    });

    test('are found in folders; other files and empty folders are usage errors', () => {
        expect(findScenarioFiles([exampleScenarios]).length).toBe(7);
        expect(() => findScenarioFiles([path.join(root, 'README.md')])).toThrow(UsageError);
        const empty = fs.mkdtempSync(path.join(dir, 'leeg-'));
        expect(() => findScenarioFiles([empty])).toThrow('geen scenariobestanden');
        expect(() => findScenarioFiles([path.join(dir, 'weg')])).toThrow('bestaat niet');
    });
});
