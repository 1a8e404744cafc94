/**
 * Fuzzing (issue 11): random edits, truncations, garbage, dropped and doubled quotes and brackets, applied to
 * the real examples, the render fixtures, generated agreements and a snippet that uses every element. For every
 * case the parser, linker, all checks, every LSP provider at random positions, the renderer (view, HTML,
 * Markdown, DOCX), the reports (text, JSON, JUnit, SARIF validated against its schema) and the importer must not
 * throw; every diagnostic, edit and hint must lie inside its document; and a case must stay under a CPU limit.
 *
 * The suite runs a fixed seed and a small budget (test/fuzz/config.ts); `npm run fuzz` runs the same properties
 * with a random seed, which it prints, and a bigger budget. A failure prints the shrunk case: the seed set's
 * name and the list of mutations, which reproduce the input with applyMutations.
 */
import fc from 'fast-check';
import { afterAll, describe as suite, expect, test } from 'vitest';
import { exampleSets, importerSeeds, snippetSets } from './fuzz/corpus.js';
import type { SeedSet } from './fuzz/corpus.js';
import { FUZZ_CASE_CPU_MS, FUZZ_SCALE, FUZZ_SEED, runs, timeoutFor } from './fuzz/config.js';
import { applyMutations, garbage, mutations } from './fuzz/mutate.js';
import {
    checkLanguage, diagnosticProblems, exerciseImporter, exerciseRender, FuzzWorkspace, loggingErrors, timed
} from './fuzz/properties.js';

const SETS: SeedSet[] = [...snippetSets(), ...exampleSets()];
const BIG = new Set(SETS.filter(s => Object.values(s.files).some(t => t.length > 30_000)).map(s => s.name));
const IMPORT_SEEDS = importerSeeds();

const times: Record<string, number[]> = {};
function record(name: string, ms: number): void {
    (times[name] ??= []).push(ms);
}

afterAll(() => {
    const summary = Object.entries(times).map(([name, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return `${name}: ${list.length} cases, CPU median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`;
    });
    console.info(`fuzz seed ${FUZZ_SEED}, scale ${FUZZ_SCALE}, limit ${FUZZ_CASE_CPU_MS} ms CPU per case\n  ${summary.join('\n  ')}`);
});

function check<T>(details: fc.RunDetails<T>): void {
    if (!details.failed) return;
    const error = details.errorInstance as Error | undefined;
    throw new Error(`${fc.defaultReportMessage(details)}\n\n${error?.stack ?? String(error)}`);
}

// The big example costs ten small cases; it comes up in one case of eight.
const setName = fc.oneof(
    { weight: 7, arbitrary: fc.constantFrom(...SETS.filter(s => !BIG.has(s.name)).map(s => s.name)) },
    { weight: 1, arbitrary: fc.constantFrom(...(BIG.size ? [...BIG] : SETS.map(s => s.name))) }
);

const languageCase = fc.record({
    set: setName,
    mutations,
    offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    outOfRange: fc.nat(4).map(n => n === 4),
    newName: fc.oneof(fc.constantFrom('Nieuw', 'Afwijzing', 'x', 'Lid2', 'artikel', ''), garbage),
    query: fc.string({ maxLength: 4 }),
    incremental: fc.nat(3).map(n => n === 3),
    docx: fc.nat(3).map(n => n === 3)
});

const LANGUAGE_RUNS = runs(24);
const IMPORT_RUNS = runs(16);

suite('fuzz', () => {
    const workspace = new FuzzWorkspace();

    test(`language: parser, linker, checks, LSP providers, renderer and reports (${LANGUAGE_RUNS} cases)`, async () => {
        check(await fc.check(fc.asyncProperty(languageCase, async c => {
            const set = SETS.find(s => s.name === c.set)!;
            const [first, ...rest] = Object.entries(set.files);
            const files = { [first[0]]: applyMutations(first[1], c.mutations), ...Object.fromEntries(rest) };
            const { value: problems, cpuMs } = await timed(() => checkLanguage(workspace, files, c, {
                previous: c.incremental ? set.files : undefined, docx: c.docx
            }));
            record(BIG.has(c.set) ? 'language, big example' : 'language', cpuMs);
            if (problems.length) throw new Error(`${problems.length} problems:\n${problems.slice(0, 20).join('\n')}`);
            expect(cpuMs, 'CPU time of the case').toBeLessThan(FUZZ_CASE_CPU_MS);
        }), { seed: FUZZ_SEED, numRuns: LANGUAGE_RUNS }));
    }, timeoutFor(LANGUAGE_RUNS, 30_000));

    const importCase = fc.record({
        seed: fc.constantFrom(...IMPORT_SEEDS.map(s => s.name)),
        // A window of lines: the whole agreement is 1–4k lines; a window keeps a case quick and still has structure.
        start: fc.nat(),
        lines: fc.integer({ min: 1, max: 400 }),
        mutations,
        build: fc.nat(2).map(n => n === 2)
    });

    test(`importer: mutated agreements import, and what it writes builds (${IMPORT_RUNS} cases)`, async () => {
        check(await fc.check(fc.asyncProperty(importCase, async c => {
            const all = IMPORT_SEEDS.find(s => s.name === c.seed)!.text.split('\n');
            const start = c.start % all.length;
            const text = applyMutations(all.slice(start, start + c.lines).join('\n'), c.mutations);
            const { value: { value: found, logged }, cpuMs } = await timed(() => loggingErrors(async () => {
                const imported = exerciseImporter(text);
                if (!c.build || imported.problems.length) return imported.problems;
                const docs = await workspace.build(imported.files);
                try {
                    return [...diagnosticProblems(docs), ...await exerciseRender(docs, false)];
                } finally {
                    await workspace.dispose(docs);
                }
            }));
            const problems = [...found, ...logged.map(l => `logged: ${l}`)];
            record('importer', cpuMs);
            if (problems.length) throw new Error(`${problems.length} problems:\n${problems.slice(0, 20).join('\n')}`);
            expect(cpuMs, 'CPU time of the case').toBeLessThan(FUZZ_CASE_CPU_MS);
        }), { seed: FUZZ_SEED, numRuns: IMPORT_RUNS }));
    }, timeoutFor(IMPORT_RUNS, 30_000));
});
