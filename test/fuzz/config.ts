/**
 * The fuzz budget. In the test suite: a fixed seed and a small number of cases, so CI is repeatable and quick.
 * `npm run fuzz` (scripts/fuzz.mjs) sets FUZZ_SEED to a random seed it prints and FUZZ_SCALE to a bigger budget;
 * FUZZ_SEED=<seed> reproduces a run.
 */
const env = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && process.env[name] !== '' && process.env[name] !== undefined ? value : fallback;
};

export const FUZZ_SEED = env('FUZZ_SEED', 20251125);
/** Multiplies every property's number of cases. */
export const FUZZ_SCALE = env('FUZZ_SCALE', 1);
/**
 * Per case, CPU milliseconds of this process (wall time on this shared 2-vCPU machine varies 5× with load).
 * A case takes 0.05–1 s of CPU; the limit catches run-away work (a quadratic check, a loop that never ends
 * returns no earlier than this), not slowness.
 */
export const FUZZ_CASE_CPU_MS = env('FUZZ_CASE_CPU_MS', 20_000);

export function runs(base: number): number {
    return Math.max(1, Math.round(base * FUZZ_SCALE));
}

/** Test timeout for a property of `n` cases: generous, as a loaded machine runs 5× slower than an idle one. */
export function timeoutFor(n: number, msPerCase: number): number {
    return 60_000 + n * msPerCase;
}
