/**
 * Measuring helpers for the benchmark: on-CPU time (wall minus the time the main thread waited for a CPU, from
 * /proc/self/task/<pid>/schedstat), an in-memory file system, the regex-scan and JSON.parse yardsticks, and
 * statistics (median of warm repetitions, cold first repetition).
 */
import * as fs from 'node:fs';
import type { AstNode, FileSystemNode, FileSystemProvider, URI } from 'langium';
import { isAstNode, isReference } from 'langium';

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasSchedstat = fs.existsSync(SCHEDSTAT);

/** Milliseconds the main thread has spent runnable but waiting for a CPU (field 2 of schedstat, in ns). */
export function runDelayMs(): number {
    if (!hasSchedstat) return 0;
    return Number(fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[1]) / 1e6;
}

export interface Timing {
    /** Wall time minus the time the thread waited for a CPU. */
    onCpu: number;
    wall: number;
}

export function gc(): void {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) g();
}

/** Times fn after a full GC. */
export async function time<T>(fn: () => T | Promise<T>): Promise<Timing & { result: T }> {
    gc();
    const d0 = runDelayMs();
    const t0 = performance.now();
    const result = await fn();
    const wall = performance.now() - t0;
    const waited = runDelayMs() - d0;
    return { onCpu: Math.max(0, wall - waited), wall, result };
}

export function median(values: number[]): number {
    if (values.length === 0) return NaN;
    const s = [...values].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function min(values: number[]): number {
    return values.length ? Math.min(...values) : NaN;
}

/** Cold = first repetition; warm = the others (or the first when there is only one). */
export interface Summary { cold: number; median: number; min: number; max: number; n: number }

export function summarise(values: number[]): Summary {
    const warm = values.length > 1 ? values.slice(1) : values;
    return { cold: values[0], median: median(warm), min: min(warm), max: Math.max(...warm), n: warm.length };
}

// ---------------------------------------------------------------- in-memory file system

/** A FileSystemProvider over a Map from URI string to text, so that DocumentBuilder.update re-reads edits. */
export class MemoryFileSystem implements FileSystemProvider {
    constructor(readonly files: Map<string, string>) { }
    protected node(uri: URI): FileSystemNode {
        const key = uri.toString();
        if (this.files.has(key)) return { isFile: true, isDirectory: false, uri };
        const prefix = key.endsWith('/') ? key : `${key}/`;
        for (const k of this.files.keys()) if (k.startsWith(prefix)) return { isFile: false, isDirectory: true, uri };
        throw new Error(`No such file: ${key}`);
    }
    async stat(uri: URI): Promise<FileSystemNode> { return this.node(uri); }
    statSync(uri: URI): FileSystemNode { return this.node(uri); }
    async exists(uri: URI): Promise<boolean> { return this.existsSync(uri); }
    existsSync(uri: URI): boolean { try { this.node(uri); return true; } catch { return false; } }
    async readBinary(uri: URI): Promise<Uint8Array> { return this.readBinarySync(uri); }
    readBinarySync(uri: URI): Uint8Array { return new TextEncoder().encode(this.readFileSync(uri)); }
    async readFile(uri: URI): Promise<string> { return this.readFileSync(uri); }
    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`No such file: ${uri.toString()}`);
        return text;
    }
    async readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.readDirectorySync(uri); }
    readDirectorySync(_uri: URI): FileSystemNode[] { return []; }
}

// ---------------------------------------------------------------- yardsticks

/**
 * One sticky regex with the token classes of the language, counting tokens: whitespace, comments, the
 * delimiters of prose, references and term uses, words (IDs and prose words alike), numbers and dates, and
 * runs of other characters. Every prose word is a token here, so it finds more tokens than the Langium lexer
 * (which keeps a run of lower-case prose as one PROSE_TEXT): a lower bound on the cost of looking at every byte.
 */
const TOKEN = /(\s+)|(\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)|(["\[\]{}])|([\p{L}_][\p{L}\p{N}_]*)|(\d+(?:[-.:,]\d+)*)|([^\s"\[\]{}\p{L}\d]+)/uy;

export function regexScan(text: string): number {
    let pos = 0;
    let n = 0;
    while (pos < text.length) {
        TOKEN.lastIndex = pos;
        const m = TOKEN.exec(text);
        if (!m) { pos++; continue; }
        if (m[1] === undefined) n++;
        pos = TOKEN.lastIndex;
    }
    return n;
}

/**
 * The same content as JSON: the AST with its primitive properties, child nodes and references (as their text),
 * pretty-printed with two spaces, as in performance.md's JSON.parse yardstick.
 */
export function astToJson(root: AstNode): string {
    const convert = (node: AstNode): Record<string, unknown> => {
        const out: Record<string, unknown> = { $type: node.$type };
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            if (isReference(value)) out[key] = { ref: value.$refText };
            else if (isAstNode(value)) out[key] = convert(value);
            else if (Array.isArray(value)) {
                out[key] = value.map(v => isAstNode(v) ? convert(v) : isReference(v) ? { ref: v.$refText } : v);
            } else if (value !== undefined) out[key] = value;
        }
        return out;
    };
    return JSON.stringify(convert(root), null, 2);
}

// ---------------------------------------------------------------- machine

export function loadAverage(): string {
    try {
        return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    } catch {
        return 'n/a';
    }
}
