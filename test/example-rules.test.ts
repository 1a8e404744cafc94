/**
 * Golden rule JSON for the example agreements (issue 6: "the examples compile"): each set compiles — with its
 * errors at the top under "errors" where the example, kept as written, has them (as `run` and `compile --force`
 * write it) — to JSON the schema accepts, byte for byte the reviewed golden file, and compiling twice in two
 * workspaces gives identical bytes. The seed 001 golden is in rules.test.ts.
 *
 * After a deliberate change of an example or the compiler: UPDATE_GOLDEN=1 npx vitest run test/example-rules.test.ts,
 * then review the diff of each golden file line by line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { compileRules, serializeRules } from '../compiler/rules/index.js';
import { loadWorkspace } from '../compiler/workspace.js';

const root = path.resolve(__dirname, '..');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schema/rules.schema.json'), 'utf8')));

/** Example folder, entry document, and the errors the set has as written (its expected-findings.txt). */
const EXAMPLES: Array<[string, string, number]> = [
    ['model-raamovereenkomst', 'raamovereenkomst.ovk', 0],
    ['samenwerkingsovereenkomst-maastricht-heuvelland', 'samenwerkingsovereenkomst.ovk', 0],
    ['deelovereenkomst-hbh-midden-holland', 'deelovereenkomst.ovk', 4],
    ['ontwikkelovereenkomst-leidse-regio', 'ontwikkelovereenkomst.ovk', 14],
    ['deelovereenkomst-maatwerk-westerkwartier', 'deelovereenkomst.ovk', 5]
];

async function compile(file: string): Promise<{ json: string; errors: number }> {
    const ws = await loadWorkspace([file]);
    const { ruleSet, errors } = compileRules(ws.services, ws.requested[0], { version: '0.1.0', includeErrors: true });
    return { json: serializeRules(ruleSet), errors: errors.length };
}

describe.each(EXAMPLES)('examples/%s', (example, entry, errorCount) => {
    const file = path.join(root, 'examples', example, entry);
    const golden = path.join(root, 'test/fixtures/rules', `${example}.golden.json`);

    test('compiles to the reviewed golden rule JSON, byte for byte, valid against the schema', async () => {
        const { json, errors } = await compile(file);
        expect(errors).toBe(errorCount);
        const data = JSON.parse(json);
        expect(validate(data) ? [] : validate.errors).toEqual([]);
        // Forced rules say so first: the errors right after the generator; rules without errors have none.
        expect(Object.keys(data)[3]).toBe(errorCount ? 'errors' : 'entry');
        expect(data.errors?.length ?? 0).toBe(errorCount);
        if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, json);
        expect(json).toBe(fs.readFileSync(golden, 'utf8'));
    }, 60_000);

    test('compiling twice, in two workspaces, gives identical bytes without absolute paths', async () => {
        const a = await compile(file);
        const b = await compile(file);
        expect(b.json).toBe(a.json);
        expect(a.json).not.toContain(root);
        expect(a.json).not.toContain('file://');
    }, 60_000);
});
