/**
 * The few `node:path` functions the renderer's layout uses (basename, dirname, relative, sep), for the browser.
 * The worker only sees `file:///…` URIs, so POSIX semantics are exact.
 */
export const sep = '/';

function segments(p: string): string[] {
    const out: string[] = [];
    for (const s of p.split('/')) {
        if (s === '' || s === '.') continue;
        if (s === '..') out.pop();
        else out.push(s);
    }
    return out;
}

export function basename(p: string, ext?: string): string {
    const base = p.replace(/\/+$/, '').split('/').pop() ?? '';
    return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

export function dirname(p: string): string {
    const trimmed = p.replace(/\/+$/, '');
    const i = trimmed.lastIndexOf('/');
    if (i < 0) return '.';
    return i === 0 ? '/' : trimmed.slice(0, i);
}

export function relative(from: string, to: string): string {
    const a = segments(from);
    const b = segments(to);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export default { sep, basename, dirname, relative };
