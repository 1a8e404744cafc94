/**
 * `contractspraak looptijd` end to end: runs the built bundle (bin/contractspraak.mjs) on the seed 001 example and
 * on small agreements, and checks the timeline (periods, renewal and notice dates, opzegging rules, derivations),
 * the JSON equivalent, exit codes and usage problems (one Dutch line on stderr, exit 2, never a stack trace).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle } from './bundle.js';

const root = path.resolve(__dirname, '..');
const example = 'examples/raamovereenkomst-maatwerk-2021/raamovereenkomst.ovk';
let dir = '';


const party = `    partijen {
        gemeente Gemeente "Gemeente"
        contractant Contractant "Contractant"
    }`;

beforeAll(() => {
    ensureBundle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'looptijd-cli-'));
    for (const [name, text] of Object.entries({
        // Seed 002 art. 3.2: "twee jaar (van 1 januari 2021 tot en met 31 december 2021)".
        'fout.ovk': `deelovereenkomst Deel "Deelovereenkomst" {\n${party}\n    looptijd { ingang 2021-01-01 einde 2021-12-31 duur 2 jaren }\n}\n`,
        // Seed 000 art. 3.1: "voor onbepaalde tijd, ingaande op 9 juli 2014", opzegging with a start rule (seed 002 art. 5.3).
        'onbepaald.ovk': `ontwikkelovereenkomst Ontwikkel "Ontwikkelovereenkomst" {\n${party}\n    looptijd {\n        ingang 2014-07-09\n        onbepaald\n`
            + '        opzegging door Gemeente opzegtermijn tenminste 6 kalendermaanden ingaande eerste dag volgende kalendermaand\n    }\n}\n',
        'zonder.ovk': `raamovereenkomst Zonder "Zonder looptijd" {\n${party}\n}\n`,
        'notitie.txt': 'geen overeenkomst'
    })) fs.writeFileSync(path.join(dir, name), text);
}, 120_000);

afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function run(cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/contractspraak.mjs'), 'looptijd', ...args], { cwd, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('contractspraak looptijd: text', () => {
    test('the example: periods with how each ends, the uiterste einde, the 3.4 extension, the opzegging and dated termijnen', () => {
        const r = run(root, example);
        expect(r.stderr).toBe('');
        // Only warnings: exit 0.
        expect(r.status).toBe(0);
        const lines = r.stdout.split('\n');
        expect(lines.slice(0, 4)).toEqual([
            `Looptijd van raamovereenkomst Maatwerk2021 — Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder (${example})`,
            'Kalender: atw, versie 2025.1+kb2023-2028',
            '',
            'Perioden:'
        ]);
        // termijnen.md §1.6 #16: ends 2024-12-31 (given), 2026-12-31, 2028-12-31; notice by 2024-08-31 and 2026-08-31 (R1.12).
        expect(lines.filter(l => /^ {2}\d\. /.test(l))).toEqual([
            '  1. de aanvangsperiode: vrijdag 2021-01-01 t/m dinsdag 2024-12-31 — wordt stilzwijgend verlengd, tenzij Gemeente uiterlijk zaterdag 2024-08-31 opzegt (R1.12, R1.15)',
            '  2. verlenging 1: woensdag 2025-01-01 t/m donderdag 2026-12-31 — wordt stilzwijgend verlengd, tenzij Gemeente uiterlijk maandag 2026-08-31 opzegt (R1.12, R1.15)',
            '  3. verlenging 2: vrijdag 2027-01-01 t/m zondag 2028-12-31 — eindigt van rechtswege; opzeggen is niet nodig (R1.15)'
        ]);
        expect(r.stdout).toContain('     opzeggen om verlenging te voorkomen: uiterlijk zaterdag 2024-08-31 (advies: vrijdag 2024-08-30)\n');
        expect(r.stdout).toContain('De laatste dag D waarvoor D + 4 maanden niet na 2024-12-31 valt: zaterdag 2024-08-31');
        expect(r.stdout).toContain('Verlenging 2: vrijdag 2027-01-01 tot en met zondag 2028-12-31 = (2021-01-01 − 1 dag) + 96 maanden, gerekend vanaf de ingangsdatum');
        expect(r.stdout).toContain('\nUiterste einde: zondag 2028-12-31 (= einde van de laatste periode)\n');
        expect(r.stdout).toContain('\nExtra verlengingen:\n  optie 1 x 6 maanden door Gemeente (artikel 3.4): vanaf maandag 2029-01-01 tot uiterlijk zaterdag 2029-06-30 — NA DE UITERSTE EINDDATUM\n');
        expect(r.stdout).toContain([
            'Opzegging:',
            '  door Contractant, opzegtermijn minimaal 6 maanden, vorm "aangetekende brief" (artikel 3.2)',
            '    om te eindigen op dinsdag 2024-12-31: uiterlijk ontvangen op zondag 2024-06-30 (advies: vrijdag 2024-06-28)',
            '    om te eindigen op donderdag 2026-12-31: uiterlijk ontvangen op dinsdag 2026-06-30',
            '    om te eindigen op zondag 2028-12-31: uiterlijk ontvangen op vrijdag 2028-06-30'
        ].join('\n'));
        expect(r.stdout).toContain([
            'Termijnen vanaf de looptijd:',
            '  MededelingContinuiteitsverlenging (artikel 3.4): Gemeente deelt de verlenging onder opgaaf van redenen mee aan contractanten uiterlijk 30 dagen vóór het einde van de looptijd.',
            '    vanaf dinsdag 2024-12-31: uiterlijk zondag 2024-12-01 (advies: vrijdag 2024-11-29)'
        ].join('\n'));
        const findings = r.stdout.slice(r.stdout.indexOf('\nBevindingen:\n')).split('\n').filter(l => l.startsWith('  '))
            .map(l => l.trim().split(' ').slice(0, 3).join(' '));
        expect(findings).toEqual([
            `${example}:98:66 warning notice-impossible`,
            `${example}:102:13 warning verlenging-past-uiterste`,
            `${example}:103:147 warning termijn-unit-ambiguous`,
            `${example}:161:83 warning termijn-unit-ambiguous`,
            `${example}:178:109 warning termijn-unit-ambiguous`,
            `${example}:189:144 warning termijn-unit-ambiguous`,
            `${example}:214:73 warning termijn-unit-ambiguous`
        ]);
    });
    test('dates that contradict each other are an error: exit 1, the finding printed', () => {
        const r = run(dir, 'fout.ovk');
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('  1. de aanvangsperiode: vrijdag 2021-01-01 t/m vrijdag 2021-12-31 — eindigt van rechtswege\n');
        expect(r.stdout).toContain('\nEinde: vrijdag 2021-12-31\n');
        expect(r.stdout).toContain('fout.ovk:6:56 error looptijd-dates-contradict Een duur van 2 jaren ingaande vrijdag 2021-01-01 loopt tot en met '
            + 'zaterdag 2022-12-31 (R1.14), maar de einddatum is vrijdag 2021-12-31: van 2021-01-01 tot en met 2021-12-31 is 1 jaar.');
    });
    test('onbepaalde tijd: one open period, and when notice received on the ingang would end it (R1.13, start rule R1.14)', () => {
        const r = run(dir, 'onbepaald.ovk');
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain('  1. de aanvangsperiode: woensdag 2014-07-09 t/m (onbepaalde tijd) — loopt voor onbepaalde tijd; eindigt door opzegging (R1.13)\n');
        // Received 2014-07-09: the term starts 2014-08-01, six months from 2014-07-31 end on 2015-01-31.
        expect(r.stdout).toContain('    ontvangen op de ingangsdatum: de overeenkomst eindigt op zaterdag 2015-01-31\n');
        expect(r.stdout).toContain('De termijn gaat in op de eerste dag van de kalendermaand volgend op 2014-07-09: vrijdag 2014-08-01');
    });
    test('a document without a looptijd says so', () => {
        const r = run(dir, 'zonder.ovk');
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('\nDit document heeft geen looptijd.\n');
    });
});

describe('contractspraak looptijd: json', () => {
    test('the same timeline as data, with the derivation of every date', () => {
        const r = run(root, example, '--format', 'json');
        expect(r.status, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.document).toBe(example);
        expect(report.kalender.id).toBe('atw');
        const l = report.looptijd;
        expect(l.ingang).toBe('2021-01-01');
        expect(l.perioden.map((p: { begin: string; einde: string; afloop: string }) => [p.begin, p.einde, p.afloop])).toEqual([
            ['2021-01-01', '2024-12-31', 'renews-unless-notice'],
            ['2025-01-01', '2026-12-31', 'renews-unless-notice'],
            ['2027-01-01', '2028-12-31', 'ends']
        ]);
        expect(l.perioden[0].opzeggenUiterlijk.datum).toBe('2024-08-31');
        expect(l.perioden[0].opzeggenUiterlijk.adviesDatum).toBe('2024-08-30');
        expect(l.perioden[0].opzeggenUiterlijk.afleiding.some((s: { regels: string[] }) => s.regels.includes('R1.12'))).toBe(true);
        expect(l.uitersteEinde).toBe('2028-12-31');
        expect(l.eindeNaLaatsteVerlenging).toBe('2028-12-31');
        expect(l.verlenging).toEqual({ wijze: 'stilzwijgend', aantal: 2, duur: '2 jaren', tenzijOpzegtDoor: 'Gemeente', opzegtermijn: '4 maanden', plaats: 'artikel 3.2' });
        expect(l.extraVerlengingen.map((x: { plaats: string; van: string; totUiterlijk: string; naUitersteEinde: boolean }) => [x.plaats, x.van, x.totUiterlijk, x.naUitersteEinde]))
            .toEqual([['artikel 3.4', '2029-01-01', '2029-06-30', true]]);
        expect(l.opzeggingen[0].door).toBe('Contractant');
        expect(l.opzeggingen[0].perEindeVanPeriode.map((d: { einde: string; datum: string }) => [d.einde, d.datum]))
            .toEqual([['2024-12-31', '2024-06-30'], ['2026-12-31', '2026-06-30'], ['2028-12-31', '2028-06-30']]);
        expect(l.termijnen[0].naam).toBe('MededelingContinuiteitsverlenging');
        expect(l.termijnen[0].data.map((d: { datum: string }) => d.datum)).toEqual(['2024-12-01', '2026-12-01', '2028-12-01']);
        expect(report.bevindingen.map((f: { code: string }) => f.code)).toEqual([
            'notice-impossible', 'verlenging-past-uiterste', 'termijn-unit-ambiguous', 'termijn-unit-ambiguous', 'termijn-unit-ambiguous',
            'termijn-unit-ambiguous', 'termijn-unit-ambiguous'
        ]);
    });
});

describe('contractspraak looptijd: usage problems', () => {
    test('a missing file: exit 2 and one Dutch line', () => {
        const r = run(dir, 'bestaat-niet.ovk');
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe('contractspraak: bestaat-niet.ovk: bestand of map bestaat niet.\n');
    });
    test('not an .ovk file, a folder, an unknown format: exit 2', () => {
        expect(run(dir, 'notitie.txt').stderr).toBe('contractspraak: notitie.txt: geen Contractspraak-bestand (verwacht de extensie .ovk).\n');
        const folder = run(dir, '.');
        expect(folder.status).toBe(2);
        expect(folder.stderr).toBe('contractspraak: .: is een map; geef één .ovk-bestand op.\n');
        const format = run(dir, 'zonder.ovk', '--format', 'xml');
        expect(format.status).toBe(2);
        expect(format.stderr).toBe("contractspraak: Onbekend formaat 'xml'; kies uit text, json.\n");
    });
});
