/**
 * The scenarios of the example agreements (issue 6: "each has scenarios for its main termijnen"): every scenario
 * follows the schema and passes, and each expectation fails once its date, state or amount is changed — so the
 * scenarios test the engine, and do not merely repeat it. The dates were checked by hand against termijnen.md;
 * each scenario's omschrijving gives the derivation with its R-numbers.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findScenarioFiles, runScenarios } from '../compiler/scenario/run.js';

const root = path.resolve(__dirname, '..');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schema/scenario.schema.json'), 'utf8')));

/** Per example: its scenarios and how many expectations they hold. */
const EXAMPLES: Record<string, { scenarios: string[]; expectations: number }> = {
    'model-raamovereenkomst': {
        scenarios: ['contractant-zegt-op', 'declaraties', 'dienstverleningsopdrachten', 'gemeente-te-laat', 'gemeente-verlengt-niet', 'looptijd-opzegdatum'],
        expectations: 17
    },
    'samenwerkingsovereenkomst-maastricht-heuvelland': {
        scenarios: ['dienstverlener-zegt-op', 'looptijd-opzegdatum', 'opzegtermijn-na-het-einde'], expectations: 3
    },
    'deelovereenkomst-hbh-midden-holland': {
        scenarios: ['factureren-betalen', 'gemeente-verlengt-niet', 'gemeente-verlengt', 'gemeente-zegt-op', 'looptijd-verlengen'], expectations: 11
    },
    'ontwikkelovereenkomst-leidse-regio': {
        scenarios: ['documenten-overleggen', 'opschorting-herstel', 'opzegging', 'overlegtafel'], expectations: 8
    },
    // Seed 004: so far the termijnen of bijlagen 9 and 10 (BIJLAGEN.md).
    'deelovereenkomst-maatwerk-westerkwartier': {
        scenarios: ['calamiteit-van-melding-tot-rapport', 'klachtenrapportage-per-kwartaal', 'zorgweigering-rond-koningsdag'], expectations: 10
    }
};

let dir = '';
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-scenarios-'));
});
afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const shiftDay = (date: string) => {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
};
const OTHER_STATUS: Record<string, string> = {
    open: 'late', late: 'fulfilled', fulfilled: 'late', expired: 'fulfilled', 'not-applicable': 'open',
    running: 'ended', ended: 'running', 'not-started': 'running', imposed: 'possible', possible: 'imposed'
};

/** One expectation changed where it says something checkable: a date a day later, another state, another amount. */
function mutate(e: Record<string, unknown>): Record<string, unknown> {
    for (const field of ['uiterlijk', 'einde', 'volgendeOpzegdatum', 'volgende']) {
        if (typeof e[field] === 'string') return { ...e, [field]: shiftDay(e[field] as string) };
    }
    if (typeof e.totaal === 'string') return { ...e, totaal: (Number(e.totaal) + 1).toFixed(2) };
    if (typeof e.status === 'string') return { ...e, status: OTHER_STATUS[e.status as string] };
    const period = e.huidigePeriode as { begin?: string; einde?: string } | undefined;
    if (period?.einde) return { ...e, huidigePeriode: { ...period, einde: shiftDay(period.einde) } };
    throw new Error(`nothing to change in ${JSON.stringify(e)}`);
}

describe.each(Object.entries(EXAMPLES))('examples/%s/scenarios', (example, expected) => {
    const folder = path.join(root, 'examples', example, 'scenarios');

    test('follow the scenario schema', () => {
        const files = findScenarioFiles([folder]);
        expect(files.map(f => path.basename(f, '.scenario.json')).sort()).toEqual([...expected.scenarios].sort());
        for (const file of files) expect(validate(JSON.parse(fs.readFileSync(file, 'utf8'))) ? [] : validate.errors, path.basename(file)).toEqual([]);
    });

    test('all pass', async () => {
        const runs = await runScenarios([folder], { version: 'test' });
        const failed = runs.flatMap(r => r.expectations.filter(e => !e.ok).map(e => `${r.file}: ${e.title} ${JSON.stringify(e.mismatches)}`));
        expect(failed).toEqual([]);
        expect(runs.flatMap(r => r.expectations)).toHaveLength(expected.expectations);
    }, 120_000);

    test('every expectation fails once its date, state or amount is changed', async () => {
        const out = path.join(dir, example);
        fs.mkdirSync(out, { recursive: true });
        for (const file of findScenarioFiles([folder])) {
            const scenario = JSON.parse(fs.readFileSync(file, 'utf8'));
            scenario.overeenkomst = path.resolve(folder, scenario.overeenkomst);
            scenario.verwacht = scenario.verwacht.map(mutate);
            fs.writeFileSync(path.join(out, path.basename(file)), JSON.stringify(scenario));
        }
        const runs = await runScenarios([out], { version: 'test' });
        const passing = runs.flatMap(r => r.expectations.filter(e => e.ok).map(e => `${path.basename(r.file)}: ${e.title}`));
        expect(passing).toEqual([]);
        expect(runs.flatMap(r => r.expectations)).toHaveLength(expected.expectations);
    }, 120_000);
});
