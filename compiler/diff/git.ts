/**
 * `diff --git <rev1>..<rev2> <path>`: both versions of a path read with `git show` into a temporary folder, so
 * the ordinary loader sees two document sets. A file path brings its whole folder along (its imports and
 * bijlagen usually live next to it). `rev..` means rev..HEAD; a single rev compares it with the work tree.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../workspace.js';

export interface GitVersions {
    /** Paths to pass to the loader: the old and the new version of `path`. */
    old: string;
    new: string;
    /** How the report names them: "HEAD~1:examples/x", "werkmap:examples/x". */
    oldLabel: string;
    newLabel: string;
    /** Removes the temporary folder. */
    cleanup(): void;
}

function git(cwd: string, args: string[]): Buffer {
    try {
        return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    } catch (err) {
        const e = err as { stderr?: Buffer; code?: string };
        if (e.code === 'ENOENT') throw new UsageError('git is niet gevonden; installeer git of vergelijk twee paden.');
        const first = (e.stderr?.toString() ?? '').split('\n').find(l => l.trim()) ?? 'onbekende fout';
        throw new UsageError(`git ${args[0]} mislukt: ${first.replace(/^fatal: /, '')}`);
    }
}

export function parseRange(range: string): { from: string; to?: string } {
    const at = range.indexOf('..');
    if (at < 0) return { from: range };
    const from = range.slice(0, at);
    const to = range.slice(at + 2);
    if (!from || to.startsWith('.')) throw new UsageError(`ongeldig bereik '${range}'; gebruik <rev1>..<rev2>.`);
    return { from, to: to || 'HEAD' };
}

export function gitVersions(range: string, target: string): GitVersions {
    const { from, to } = parseRange(range);
    const abs = path.resolve(target);
    const probe = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    if (!fs.existsSync(probe)) throw new UsageError(`${target}: map bestaat niet.`);
    const top = git(probe, ['rev-parse', '--show-toplevel']).toString().trim();
    const rel = path.relative(top, abs).split(path.sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${target}: ligt buiten de git-repository.`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-diff-'));
    const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
    try {
        const isFile = rel.endsWith('.ovk');
        const folder = isFile ? path.posix.dirname(rel) : rel;
        const exportRev = (rev: string, dir: string) => {
            git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
            const listed = git(top, ['ls-tree', '-r', '--name-only', rev, '--', folder === '.' || folder === '' ? '.' : folder])
                .toString().split('\n').filter(f => f.endsWith('.ovk'));
            for (const file of listed) {
                const dest = path.join(dir, ...file.split('/'));
                fs.mkdirSync(path.dirname(dest), { recursive: true });
                fs.writeFileSync(dest, git(top, ['show', `${rev}:${file}`]));
            }
            return path.join(dir, ...rel.split('/'));
        };
        const oldPath = exportRev(from, path.join(tmp, 'oud'));
        if (!fs.existsSync(oldPath)) throw new UsageError(`${rel}: bestaat niet in ${from}.`);
        const newPath = to ? exportRev(to, path.join(tmp, 'nieuw')) : abs;
        if (!fs.existsSync(newPath)) throw new UsageError(`${rel}: bestaat niet in ${to ?? 'de werkmap'}.`);
        return { old: oldPath, new: newPath, oldLabel: `${from}:${rel}`, newLabel: `${to ?? 'werkmap'}:${rel}`, cleanup };
    } catch (err) {
        cleanup();
        throw err;
    }
}
