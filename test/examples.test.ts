/**
 * Every example document set reports exactly what its expected-findings.txt says (issue 3: the agreements are
 * kept as written, defects included, and the checker's findings on them are part of the spec).
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkSet, findSets } from '../compiler/cli/run.js';

const sets = findSets(path.resolve('examples'));

describe('examples', () => {
    test('there are example sets', () => {
        expect(sets.length).toBeGreaterThan(0);
    });
    test.each(sets.map(s => [path.basename(s), s]))('%s matches its expected-findings.txt', async (_name, folder) => {
        const result = await checkSet(folder);
        expect(result.expected, 'expected-findings.txt ontbreekt').toBeDefined();
        expect(result.lines).toEqual(result.expected);
    });
});
