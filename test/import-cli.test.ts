/**
 * `contractspraak import` as a drafter runs it (bin/contractspraak.mjs → dist/cli/main.mjs): files written,
 * findings as text or JSON with 1-based positions in the input, exit 0 on success and 2 with a one-line message
 * for a missing file, an unsupported extension or an existing output without --force.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, ensureBundle, expectOneLineFailure } from './bundle.js';

const SEED = '/work/shared/seeds/001_100d3315203c98cd.txt';
const hasSeed = fs.existsSync(SEED);

const SMALL = `# Deelovereenkomst Proef

Artikel 1 Duur

1. De Deelovereenkomst gaat in op 1 januari 2021.
3. Zie artikel 1.1 en bijlage 1.
`;

let dir: string;

function run(args: string[], cwd = dir) {
    const result = spawnSync(process.execPath, [CLI, 'import', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}


beforeAll(() => {
    ensureBundle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-import-cli-'));
    fs.writeFileSync(path.join(dir, 'proef.md'), SMALL);
    fs.writeFileSync(path.join(dir, 'proef.docx'), 'geen tekst');
}, 180_000);

afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('contractspraak import', () => {
    test('writes the document next to the input by default and reports findings as text', () => {
        const r = run(['proef.md']);
        expect(r.status, r.stderr).toBe(0);
        const out = path.join(dir, 'proef', 'proef.ovk');
        expect(fs.existsSync(out)).toBe(true);
        const text = fs.readFileSync(out, 'utf8');
        expect(text).toMatch(/^deelovereenkomst DeelovereenkomstProef "Deelovereenkomst Proef" \{$/m);
        // The source's numbering is kept (lid 3 pinned after the missing lid 2), references become names.
        expect(text).toContain('lid Zie nummer 3: "Zie [lid Duur.DeelovereenkomstGaat] en bijlage 1."');
        // Text findings: file:line:column severity code message
        expect(r.stdout).toMatch(/^proef\.md:6:1 warning import-numbering-gap Lid 2 van artikel 1 ontbreekt/m);
        expect(r.stdout).toMatch(/^proef\.md:6:23 error import-ref-unresolved Verwijzing 'bijlage 1' wijst naar niets/m);
        expect(r.stderr).toMatch(/1 bestand geschreven naar proef; \d+ bevindingen over de bron/);
    });

    test('--format json gives findings with 1-based positions', () => {
        const r = run(['proef.md', '-o', 'json-uit', '--format', 'json']);
        expect(r.status, r.stderr).toBe(0);
        const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
        expect(findings.length).toBeGreaterThan(0);
        for (const f of findings) {
            expect(Object.keys(f).sort()).toEqual(['code', 'column', 'line', 'message', 'severity']);
            expect(f.line as number).toBeGreaterThanOrEqual(1);
            expect(f.column as number).toBeGreaterThanOrEqual(1);
            expect(f.code).toMatch(/^import-[a-z-]+$/);
        }
        expect(findings).toContainEqual(expect.objectContaining({ code: 'import-numbering-gap', line: 6, column: 1 }));
    });

    test('an existing output is kept without --force and replaced with it', () => {
        const out = path.join(dir, 'keep', 'proef.ovk');
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, 'eigen werk');
        expectOneLineFailure(run(['proef.md', '-o', 'keep']), /^contractspraak: keep\/proef\.ovk: bestaat al; gebruik --force/);
        expect(fs.readFileSync(out, 'utf8')).toBe('eigen werk');
        const forced = run(['proef.md', '-o', 'keep', '--force']);
        expect(forced.status, forced.stderr).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toMatch(/^deelovereenkomst /m);
    });

    test('usage problems exit 2 with one line', () => {
        expectOneLineFailure(run(['bestaat-niet.txt']), /^contractspraak: bestaat-niet\.txt: bestand bestaat niet\.$/);
        expectOneLineFailure(run(['proef.docx']), /^contractspraak: proef\.docx: niet ondersteund; verwacht een \.txt- of \.md-bestand\.$/);
        expectOneLineFailure(run(['proef.md', '--format', 'xml']), /'xml'.*text, json/);
        expect(run([]).status).toBe(2);
    });

    test.runIf(hasSeed)('imports a real agreement in seconds', () => {
        const t0 = Date.now();
        const r = run([SEED, '-o', 'seed001', '--format', 'json']);
        expect(r.status, r.stderr).toBe(0);
        expect(Date.now() - t0).toBeLessThan(15_000);
        expect(fs.existsSync(path.join(dir, 'seed001', '001_100d3315203c98cd.ovk'))).toBe(true);
        const findings = JSON.parse(r.stdout) as Array<{ code: string; line: number }>;
        expect(findings).toContainEqual(expect.objectContaining({ code: 'import-numbering-gap', line: 234 }));
        expect(findings).toContainEqual(expect.objectContaining({ code: 'import-ref-stale', line: 211 }));
    });
});
