/**
 * The end-to-end tests run the shipped bundles in dist/. `npm test` builds them first; when a test file is run on
 * its own, this builds them if they are missing or older than the sources. Test files run in parallel workers,
 * so the build is serialised with a lock directory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER = path.join(ROOT, 'dist', 'language', 'main.cjs');
export const WORKER = path.join(ROOT, 'dist', 'language', 'main-browser.js');
export const CLI = path.join(ROOT, 'bin', 'contractspraak.mjs');
const OUTPUTS = [SERVER, WORKER, path.join(ROOT, 'dist', 'cli', 'main.mjs'), path.join(ROOT, 'dist', 'extension', 'main.cjs')];
const SOURCES = ['language', 'compiler', 'extension'];

function newestSource(): number {
    let newest = fs.statSync(path.join(ROOT, 'esbuild.mjs')).mtimeMs;
    for (const dir of SOURCES) {
        for (const entry of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
            if (entry.endsWith('.ts')) newest = Math.max(newest, fs.statSync(path.join(ROOT, dir, entry)).mtimeMs);
        }
    }
    return newest;
}

function fresh(): boolean {
    if (!OUTPUTS.every(f => fs.existsSync(f))) return false;
    const built = Math.min(...OUTPUTS.map(f => fs.statSync(f).mtimeMs));
    return built >= newestSource();
}

function sleep(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBundle(): void {
    if (fresh()) return;
    const lock = path.join(ROOT, 'dist', '.build-lock');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    const deadline = Date.now() + 120_000;
    for (;;) {
        try {
            fs.mkdirSync(lock);
            break;
        } catch {
            // Another worker is building; a lock older than a minute is left over from a killed run.
            if (fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 60_000) fs.rmSync(lock, { recursive: true, force: true });
            if (Date.now() > deadline) throw new Error('Timed out waiting for the bundle build lock (dist/.build-lock).');
            sleep(200);
            if (fresh()) return;
        }
    }
    try {
        if (fresh()) return;
        const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`node esbuild.mjs failed:\n${result.stderr}`);
    } finally {
        fs.rmSync(lock, { recursive: true, force: true });
    }
}

/** A usage failure of the CLI: exit 2 and exactly one Dutch line on stderr, never a stack trace. */
export function expectOneLineFailure(result: { status: number | null; stderr: string }, pattern: RegExp): void {
    expect(result.status).toBe(2);
    const lines = result.stderr.split('\n').filter(l => l.trim() !== '');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/^\s*at /m);
    expect(result.stderr).not.toMatch(/Error:|node:internal/);
}
