/**
 * End to end: `contractspraak check` as CI runs it (bin/contractspraak.mjs → dist/cli/main.mjs), on temporary
 * files. Exit codes: 0 clean, 1 errors, 2 usage or I/O problems with a one-line message and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { CLI, ensureBundle, expectOneLineFailure } from './bundle.js';

const BASIS = `basisovereenkomst Basis "Basis" {
    artikel Weigering "Weigering" {
        lid Zwaarwegend: "Het staat de aanbieder niet vrij te weigeren."
    }
}
`;

const DEEL = `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    artikel Start "Start" {
        lid Een: "Zie [artikel Weigering] en [lid Weigering.Zwaarwegend]."
    }
}
`;

// Line 4 has a typed number (warning), line 5 an unresolved reference and a malformed one (errors), line 7 an
// unknown typed number (error).
const BROKEN = `raamovereenkomst Raam "Raam" {
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Eerst."
        lid Start: "Zie artikel 1.1 voor de termijn."
        lid Weigering: "Zie [artikel Weigerring] en [artikle Totstandkoming]."
    }
    tekst: "Zie artikel 9."
}
`;

const EXPECTED = [
    'broken.ovk:4:25 warning number-as-text',
    'broken.ovk:5:38 error ref-unresolved',
    'broken.ovk:5:53 error ref-malformed',
    'broken.ovk:7:17 error number-as-text-unknown'
];

let dir: string;

function run(args: string[], cwd = dir, user: { uid?: number; gid?: number } = {}) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...user });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}


/** Minimal XML well-formedness: one root, balanced tags, quoted attributes, only the five named entities. */
function expectWellFormedXml(xml: string): void {
    const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
    const stack: string[] = [];
    let roots = 0;
    const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
    for (const m of body.matchAll(token)) {
        if (m[6]) throw new Error(`stray < at ${m.index}`);
        if (m[5] !== undefined) {
            if (stack.length === 0 && m[5].trim() !== '') throw new Error('text outside the root');
            continue;
        }
        const [, closing, name, attributes, selfClosing] = m;
        for (const entity of `${attributes}`.matchAll(/&[^;\s"]*;?/g)) expect(entity[0]).toMatch(/^&(?:lt|gt|amp|quot|apos);$/);
        if (closing) {
            expect(stack.pop(), `</${name}>`).toBe(name);
        } else if (!selfClosing) {
            if (stack.length === 0) roots++;
            stack.push(name);
        } else if (stack.length === 0) {
            roots++;
        }
    }
    for (const entity of body.replace(/<[^>]*>/g, '').matchAll(/&[^;\s]*;?/g)) expect(entity[0]).toMatch(/^&(?:lt|gt|amp|quot|apos);$/);
    expect(stack).toEqual([]);
    expect(roots).toBe(1);
}

beforeAll(() => {
    ensureBundle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-cli-'));
    fs.mkdirSync(path.join(dir, 'clean'));
    fs.writeFileSync(path.join(dir, 'clean', 'basis.ovk'), BASIS);
    fs.writeFileSync(path.join(dir, 'clean', 'deel.ovk'), DEEL);
    fs.writeFileSync(path.join(dir, 'broken.ovk'), BROKEN);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'geen overeenkomst\n');
}, 120_000);

afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

suite('contractspraak check', () => {
    test('a clean set: exit 0, nothing on stdout, a summary on stderr', () => {
        const result = run(['check', 'clean']);
        // advisory remarks (info) may come and go as the language grows; errors and warnings may not
        expect(result.stderr).toMatch(/^2 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen, \d+ opmerking(?:en)?\.\n$/);
        expect(result.stdout.split('\n').filter(l => / (?:error|warning) /.test(l))).toEqual([]);
        expect(result.status).toBe(0);
        // the deelovereenkomst alone loads its import too
        expect(run(['check', 'clean/deel.ovk']).status).toBe(0);
    });

    test('a broken file: exit 1 and every problem as file:line:col severity code message', () => {
        const result = run(['check', 'broken.ovk']);
        expect(result.status).toBe(1);
        const lines = result.stdout.trimEnd().split('\n').filter(l => !/^\S+ (?:info|hint) /.test(l));
        expect(lines.map(l => l.split(' ').slice(0, 3).join(' '))).toEqual(EXPECTED);
        for (const line of lines) expect(line.split(' ').slice(3).join(' ')).not.toBe('');
        expect(result.stderr).toMatch(/^1 bestand gecontroleerd: 3 fouten, 1 waarschuwing, \d+ opmerking(?:en)?\.\n$/);
    });

    test('--format json parses, with 1-based positions that cover the problem text', () => {
        const result = run(['check', 'broken.ovk', '--format', 'json']);
        expect(result.status).toBe(1);
        const findings = (JSON.parse(result.stdout) as Array<Record<string, unknown>>).filter(f => f.severity === 'error' || f.severity === 'warning');
        expect(findings.map(f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}`)).toEqual(EXPECTED);
        const sourceLines = BROKEN.split('\n');
        const covered = (f: Record<string, unknown>) =>
            sourceLines[(f.line as number) - 1].slice((f.column as number) - 1, (f.endColumn as number) - 1);
        expect(findings.map(covered)).toEqual(['artikel 1.1', 'Weigerring', '[artikle Totstandkoming]', 'artikel 9']);
        for (const f of findings) {
            expect(Object.keys(f)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
            expect(f.endLine).toBe(f.line);
        }
    });

    test('--format sarif is SARIF 2.1.0 with a rule per code', () => {
        const result = run(['check', 'broken.ovk', '--format', 'sarif']);
        expect(result.status).toBe(1);
        const sarif = JSON.parse(result.stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
        const run0 = sarif.runs[0];
        const rules = run0.tool.driver.rules as Array<{ id: string }>;
        const ruleIds = rules.map(r => r.id);
        expect(ruleIds).toEqual(expect.arrayContaining(['ref-unresolved', 'ref-malformed', 'number-as-text', 'number-as-text-unknown']));
        expect(new Set(ruleIds).size).toBe(ruleIds.length);
        type Result = { ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> };
        const all = run0.results as Result[];
        const results = all.filter(r => r.level !== 'note');
        expect(results.map(r => {
            const loc = r.locations[0].physicalLocation;
            return `${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn} ${r.level} ${r.ruleId}`;
        })).toEqual(EXPECTED);
        for (const r of all) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    });

    test('--format junit is well-formed XML with a failure per error', () => {
        const result = run(['check', 'broken.ovk', '--format', 'junit']);
        expect(result.status).toBe(1);
        expectWellFormedXml(result.stdout);
        const failures = [...result.stdout.matchAll(/<failure type="([^"]+)"/g)].map(m => m[1]);
        expect(failures).toEqual(['ref-unresolved', 'ref-malformed', 'number-as-text-unknown']);
        expect(result.stdout).toMatch(/<testsuites [^>]*failures="3"/);
        const clean = run(['check', 'clean', '--format', 'junit']);
        expectWellFormedXml(clean.stdout);
        expect(clean.stdout).not.toContain('<failure');
    });

    test('--output writes the report to the file and not to stdout', () => {
        const out = path.join(dir, 'reports', 'check.sarif');
        const result = run(['check', 'broken.ovk', '--format', 'sarif', '--output', out]);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(JSON.parse(fs.readFileSync(out, 'utf8')).version).toBe('2.1.0');
    });

    test('exit 2 with one line for a missing file', () => {
        expectOneLineFailure(run(['check', 'missing.ovk']), /missing\.ovk/);
    });

    test('exit 2 with one line for a file that is not .ovk', () => {
        expectOneLineFailure(run(['check', 'notes.txt']), /notes\.txt.*\.ovk/);
    });

    test('exit 2 with one line for an unknown option', () => {
        expectOneLineFailure(run(['check', 'broken.ovk', '--frobnicate']), /--frobnicate/);
    });

    test('exit 2 with one line for an unknown format', () => {
        expectOneLineFailure(run(['check', 'broken.ovk', '--format', 'xml']), /xml/);
    });

    test('exit 2 with one line for an unreadable folder', ctx => {
        const locked = path.join(dir, 'locked');
        fs.mkdirSync(locked, { recursive: true });
        fs.writeFileSync(path.join(locked, 'a.ovk'), BASIS);
        fs.chmodSync(locked, 0o000);
        // Root reads a chmod-000 folder anyway; as root, run the CLI as nobody instead, and skip when even
        // that cannot tell (nobody cannot reach the CLI, or can read the folder after all).
        const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        fs.chmodSync(dir, 0o755);
        const probe = (code: string) => spawnSync(process.execPath, ['-e', code], { ...user, timeout: 20_000 }).status === 0;
        try {
            const reachesCli = probe(`require('fs').accessSync(${JSON.stringify(CLI)}, require('fs').constants.R_OK)`);
            const readsFolder = probe(`require('fs').readdirSync(${JSON.stringify(locked)})`);
            if (!reachesCli || readsFolder) ctx.skip();
            expectOneLineFailure(run(['check', 'locked'], dir, user), /locked/);
        } finally {
            fs.chmodSync(locked, 0o755);
        }
    });
});
