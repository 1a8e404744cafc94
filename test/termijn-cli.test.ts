/**
 * `contractspraak termijn` end to end: runs the built bundle (bin/contractspraak.mjs) and checks text, JSON and
 * exit codes (usage problems: one Dutch line on stderr, exit 2, never a stack trace).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle } from './bundle.js';

const root = path.resolve(__dirname, '..');


beforeAll(() => {
    ensureBundle();
}, 120_000);

function run(...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/contractspraak.mjs'), 'termijn', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
    const r = run(...args, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
}

describe('contractspraak termijn: text', () => {
    test('example #1 (R1.4): the due date first, then the derivation in Dutch', () => {
        const r = run('2026-04-24', '3', 'werkdagen');
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
        const lines = r.stdout.split('\n');
        expect(lines[0]).toBe('Uiterste datum: donderdag 2026-04-30');
        expect(r.stdout).toContain('Kalender: atw, versie 2025.1+kb2023-2028');
        expect(r.stdout).toContain('Algemene termijnenwet: niet toegepast');
        expect(r.stdout).toContain('2026-04-27 is Koningsdag; telt niet als werkdag.');
    });
    test('example #19 with --atw (R1.8): each shift and why', () => {
        const r = run('2026-04-30', '2', 'weken', '--atw');
        expect(r.status).toBe(0);
        expect(r.stdout.split('\n')[0]).toBe('Uiterste datum: maandag 2026-05-18');
        expect(r.stdout).toContain('Datum vóór verschuiving: donderdag 2026-05-14');
        expect(r.stdout).toContain('2026-05-14 is Hemelvaartsdag; verschoven naar 2026-05-15 (art. 1 Atw).');
        expect(r.stdout).toContain('Algemene termijnenwet: toegepast');
    });
    test('singular units and uren with a time', () => {
        expect(run('2026-04-24', '1', 'werkdag').stdout.split('\n')[0]).toBe('Uiterste datum: dinsdag 2026-04-28');
        expect(run('2026-04-24T14:30', '48', 'uur').stdout.split('\n')[0]).toBe('Uiterste tijdstip: zondag 2026-04-26 om 14:30 (Nederlandse tijd)');
    });
});

describe('contractspraak termijn: JSON', () => {
    test('has datum, afleiding and the structured fields', () => {
        const out = json('2026-04-30', '2', 'weken', '--atw');
        expect(out.datum).toBe('2026-05-18');
        expect(out.ruweDatum).toBe('2026-05-14');
        expect(out).toMatchObject({ aantal: 2, eenheid: 'weken', richting: 'na', herkomst: 'wet', trigger: { datum: '2026-04-30' } });
        expect(out.kalender).toMatchObject({ id: 'atw', versie: '2025.1+kb2023-2028' });
        expect(out.atw.toegepast).toBe(true);
        expect(Array.isArray(out.afleiding)).toBe(true);
        expect(out.afleiding.map((s: { tekst: string }) => s.tekst)).toContain('2026-05-14 is Hemelvaartsdag; verschoven naar 2026-05-15 (art. 1 Atw).');
        expect(out.waarschuwingen).toEqual([]);
    });
    test('--voor (R1.12): example #12', () => {
        const out = json('2026-12-31', '4', 'maanden', '--voor');
        expect(out.datum).toBe('2026-08-31');
        expect(out.richting).toBe('voor');
    });
    test('--kalender (R1.10): example #3 without KB days', () => {
        expect(json('2025-12-31', '3', 'werkdagen').datum).toBe('2026-01-07');
        const out = json('2025-12-31', '3', 'werkdagen', '--kalender', 'atw-zonder-kb');
        expect(out.datum).toBe('2026-01-06');
        expect(out.kalender.id).toBe('atw-zonder-kb');
        expect(json('2026-04-30', '3', 'werkdagen', '--kalender', 'cao-lustrum').datum).toBe('2026-05-05');
    });
    test('a contract term on a Sunday is not moved but warned about (example #8, R1.7)', () => {
        const out = json('2025-03-14', '30', 'dagen');
        expect(out.datum).toBe('2025-04-13');
        expect(out.waarschuwingen.map((w: { code: string }) => w.code)).toEqual(['deadline-on-non-working-day']);
    });
    test('a year without KB data gives a warning, exit 0 (R1.10)', () => {
        const out = json('2030-05-01', '10', 'werkdagen');
        expect(out.datum).toBe('2030-05-15');
        expect(out.waarschuwingen.map((w: { code: string }) => w.code)).toEqual(['calendar-kb-not-covered']);
        expect(out.waarschuwingen[0].bericht).toContain('Voor 2030 is geen Koninklijk Besluit');
    });
});

describe('contractspraak termijn: usage errors exit 2 with one Dutch line', () => {
    test.each([
        [['2026-02-30', '3', 'werkdagen'], 'Ongeldige datum'],
        [['24-04-2026', '3', 'werkdagen'], 'Ongeldige datum'],
        [['2026-04-24', 'drie', 'werkdagen'], 'Ongeldig aantal'],
        [['2026-04-24', '-3', 'werkdagen'], 'Ongeldig aantal'],
        [['2026-04-24', '0', 'werkdagen'], '0 werkdagen'],
        [['2026-04-24', '3', 'fortnights'], 'Onbekende eenheid'],
        [['2026-04-24', '3', 'werkdagen', '--kalender', 'dh-public'], 'Onbekende kalender'],
        [['2026-04-24', '3', 'werkdagen', '--format', 'xml'], 'Onbekend formaat'],
        [['2026-04-24', '3', 'uren'], 'tijdstip']
    ])('%j', (args, message) => {
        const r = run(...args);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^contractspraak: /);
        expect(lines[0]).toContain(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
    });
    test('a missing argument is a usage error too', () => {
        expect(run('2026-04-24', '3').status).toBe(2);
    });
});
