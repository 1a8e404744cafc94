/**
 * `contractspraak rangorde` end to end: runs the built bundle (bin/contractspraak.mjs) on a small document set
 * and checks the order with the clause behind each step, every conflict with winner, loser and the R5.3 step,
 * the JSON equivalent, exit codes, and usage problems (one Dutch line on stderr, exit 2, never a stack trace).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle } from './bundle.js';

const root = path.resolve(__dirname, '..');
let dir = '';


const basis = `basisovereenkomst Basis "Basisovereenkomst Wmo" {
    vastgesteld 2015-08-18
    partijen {
        gemeente Gemeente "Gemeente Gouda"
        contractant Aanbieder "Aanbieder"
    }
    gebeurtenis Ontvangst "ontvangst van de factuur"
    voorwaarden AIV "Algemene inkoopvoorwaarden" extern
    rangorde: deze > AIV
    artikel Betaling "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen dertig dagen."
            termijn Betalen: Gemeente "betaalt" binnen 30 kalenderdagen na Ontvangst
    }
}
`;

const deel = (bijlageTarief: string) => `importeer "./basis.ovk"
deelovereenkomst Deel "Deelovereenkomst Hulp bij het huishouden" {
    vastgesteld 2015-11-10
    bijlage Tarieven "Tarieven" {
        tarief HH: "Hulp bij het huishouden" ${bijlageTarief} per uur
    }
    artikel Rangorde "Rangorde" {
        lid Volgorde: "Bij tegenstrijdigheid gaan de Deelovereenkomst en de bijlagen voor, dan de Basisovereenkomst, dan de inkoopvoorwaarden."
            rangorde: deze = bijlagen > Basis > AIV
    }
    artikel Prijs "Prijs" {
        lid Tarief: "Het tarief is € 28,00 per uur."
            tarief HH: "Hulp bij het huishouden" € 28,00 per uur
        lid Betaling: "In afwijking van de Basisovereenkomst betaalt de Gemeente binnen veertien dagen."
            afwijking van Basis.Betaling
            termijn Betalen: Gemeente "betaalt" binnen 14 kalenderdagen na Ontvangst
    }
}
`;

beforeAll(() => {
    ensureBundle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rangorde-cli-'));
    for (const [name, text] of Object.entries({
        'conflict/basis.ovk': basis, 'conflict/deel.ovk': deel('€ 27,50'),
        'eens/basis.ovk': basis, 'eens/deel.ovk': deel('€ 28,00'),
        'eens/notitie.txt': 'geen overeenkomst'
    })) {
        fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
}, 120_000);

afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/contractspraak.mjs'), 'rangorde', ...args], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('contractspraak rangorde: text', () => {
    test('the order with the clause behind each step, and each conflict with winner, loser and reason', () => {
        const r = run('conflict/deel.ovk');
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(`Rangorde van deelovereenkomst Deel (conflict/deel.ovk)

Volgorde, hoogste eerst:
  1. deelovereenkomst Deel, bijlage Tarieven
  2. basisovereenkomst Basis
  3. voorwaarden AIV

Wie gaat voor op wie, en welke bepaling dat beslist:
  deelovereenkomst Deel > basisovereenkomst Basis: de rangorde van deelovereenkomst Deel, artikel 1.1 (conflict/deel.ovk:9:23)
  bijlage Tarieven > basisovereenkomst Basis: de rangorde van deelovereenkomst Deel, artikel 1.1 (conflict/deel.ovk:9:23)
  basisovereenkomst Basis > voorwaarden AIV: de rangorde van basisovereenkomst Basis (conflict/basis.ovk:9:15); de rangorde van deelovereenkomst Deel, artikel 1.1 (conflict/deel.ovk:9:23)
  deelovereenkomst Deel = bijlage Tarieven: de rangorde van deelovereenkomst Deel, artikel 1.1 (conflict/deel.ovk:9:23)

Strijdige bepalingen (R5.3):
  termijn 'Betalen': opgelost
    geldt:  binnen 14 kalenderdagen na Ontvangst — deelovereenkomst Deel, artikel 2.2 (conflict/deel.ovk:16:21)
    wijkt:  binnen 30 kalenderdagen na Ontvangst — basisovereenkomst Basis, artikel 1.1 (conflict/basis.ovk:12:21)
            R5.3 stap 2 (uitdrukkelijke wijziging of afwijking): deelovereenkomst Deel wijkt uitdrukkelijk af van basisovereenkomst Basis (artikel 2.2), in een document dat beide partijen ondertekenden
  tarief 'HH': onopgelost
    lezing: € 28,00 per uur — deelovereenkomst Deel, artikel 2.1 (conflict/deel.ovk:13:20)
    lezing: € 27,50 per uur — bijlage Tarieven (conflict/deel.ovk:5:16)
            R5.3 stap 5 (onopgelost): gelijke rang volgens de rangorde van deelovereenkomst Deel, artikel 1.1 en geen latere datum
            let op: Bijlage Tarieven is specifieker dan deelovereenkomst Deel, maar dat beslist niet vanzelf (geen lex specialis, HR 13 juni 2003, Vos/Heipro); leg het vast in de rangorde of met 'afwijking van'.

Bevindingen:
  conflict/basis.ovk:12:21 info slot-conflict-resolved Termijn 'Betalen' krijgt in deelovereenkomst Deel (artikel 2.2) een andere waarde: binnen 14 kalenderdagen na Ontvangst in plaats van binnen 30 kalenderdagen na Ontvangst hier. Die bepaling gaat voor (R5.3 stap 2, uitdrukkelijke wijziging of afwijking: deelovereenkomst Deel wijkt uitdrukkelijk af van basisovereenkomst Basis (artikel 2.2), in een document dat beide partijen ondertekenden).
  conflict/deel.ovk:5:16 error slot-conflict-unresolved Tarief 'HH' is hier € 27,50 per uur, maar in deelovereenkomst Deel (artikel 2.1) € 28,00 per uur; de rangorde beslist niet welke voorgaat (R5.3 stap 5: gelijke rang volgens de rangorde van deelovereenkomst Deel, artikel 1.1 en geen latere datum). Bijlage Tarieven is specifieker dan deelovereenkomst Deel, maar dat beslist niet vanzelf (geen lex specialis, HR 13 juni 2003, Vos/Heipro); leg het vast in de rangorde of met 'afwijking van'. Maak de waarden gelijk of leg vast welke voorgaat.
  conflict/deel.ovk:13:20 error slot-conflict-unresolved Tarief 'HH' is hier € 28,00 per uur, maar in bijlage Tarieven € 27,50 per uur; de rangorde beslist niet welke voorgaat (R5.3 stap 5: gelijke rang volgens de rangorde van deelovereenkomst Deel, artikel 1.1 en geen latere datum). Bijlage Tarieven is specifieker dan deelovereenkomst Deel, maar dat beslist niet vanzelf (geen lex specialis, HR 13 juni 2003, Vos/Heipro); leg het vast in de rangorde of met 'afwijking van'. Maak de waarden gelijk of leg vast welke voorgaat.
`);
        // An unresolved conflict is an error: exit 1, as `check` does.
        expect(r.status).toBe(1);
    });
    test('exit 0 when nothing in the set is wrong', () => {
        const r = run('eens/deel.ovk');
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain("  termijn 'Betalen': opgelost\n");
        expect(r.stdout).not.toContain("tarief 'HH'");
    });
    test('seen from the basis, the set is the basis and what it sees: the deel is not part of it', () => {
        const r = run('conflict/basis.ovk');
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('  1. basisovereenkomst Basis\n  2. voorwaarden AIV\n');
        expect(r.stdout).toContain('Strijdige bepalingen (R5.3):\n  (geen)\n');
    });
});

describe('contractspraak rangorde: json', () => {
    test('the same report as data: levels, decided edges, conflicts with winner, losing alternatives and rule', () => {
        const r = run('conflict/deel.ovk', '--format', 'json');
        expect(r.status).toBe(1);
        const report = JSON.parse(r.stdout);
        expect(report.document).toBe(path.join('conflict', 'deel.ovk'));
        expect(report.levels).toEqual([['Deel', 'Deel.Tarieven'], ['Basis'], ['Basis.AIV']]);
        expect(report.documents.find((d: { id: string }) => d.id === 'Basis')).toEqual({
            id: 'Basis', kind: 'basisovereenkomst', label: 'basisovereenkomst Basis', rank: 1, datum: '2015-08-18',
            file: path.join('conflict', 'basis.ovk'), line: 1, column: 19
        });
        expect(report.edges[0]).toEqual({
            higher: 'Deel', lower: 'Basis',
            decidedBy: [{
                origin: 'rangorde', document: 'Deel', where: 'artikel 1.1', description: 'de rangorde van deelovereenkomst Deel, artikel 1.1',
                file: path.join('conflict', 'deel.ovk'), line: 9, column: 23
            }]
        });
        const betalen = report.conflicts.find((c: { name: string }) => c.name === 'Betalen');
        expect(betalen).toMatchObject({
            slot: 'termijn:Betalen', status: 'opgelost',
            winner: { document: 'Deel', value: 'binnen 14 kalenderdagen na Ontvangst', where: 'artikel 2.2', line: 16, column: 21 },
            losing: [{ document: 'Basis', value: 'binnen 30 kalenderdagen na Ontvangst', step: 2, rule: 'R5.3 stap 2' }],
            unresolved: []
        });
        const hh = report.conflicts.find((c: { name: string }) => c.name === 'HH');
        expect(hh).toMatchObject({ status: 'onopgelost', winner: null, losing: [], unresolved: [{ rule: 'R5.3 stap 5', a: { value: '€ 28,00 per uur' }, b: { value: '€ 27,50 per uur' } }] });
        expect(hh.unresolved[0].hint).toContain('Vos/Heipro');
        expect(report.findings.map((f: { code: string; severity: string }) => `${f.severity} ${f.code}`)).toEqual([
            'info slot-conflict-resolved', 'error slot-conflict-unresolved', 'error slot-conflict-unresolved'
        ]);
    });
});

describe('contractspraak rangorde: the seed 001 example', () => {
    test('art. 2.2 (voorrang van het programma van eisen) against art. 1.4 (rangorde) is reported', () => {
        const r = spawnSync(process.execPath, [path.join(root, 'bin/contractspraak.mjs'), 'rangorde', 'examples/raamovereenkomst-maatwerk-2021/raamovereenkomst.ovk'],
            { cwd: root, encoding: 'utf8' });
        expect(r.stdout).toMatch(/error rangorde-claim-conflict Deze bepaling geeft bijlage Aanbesteding voorrang boven alles, maar dat gaat in tegen de rangorde/);
        expect(r.status).toBe(1);
    });
});

describe('contractspraak rangorde: usage problems', () => {
    test.each([
        [['ontbreekt.ovk'], 'contractspraak: ontbreekt.ovk: bestand of map bestaat niet.'],
        [['eens/notitie.txt'], 'contractspraak: eens/notitie.txt: geen Contractspraak-bestand (verwacht de extensie .ovk).'],
        [['eens'], 'contractspraak: eens: is een map; geef één .ovk-bestand op (de documentset wordt vanuit dat document bepaald).'],
        [['eens/deel.ovk', '--format', 'xml'], "contractspraak: Onbekend formaat 'xml'; kies uit text, json."]
    ])('%j: one Dutch line, exit 2', (args, message) => {
        const r = run(...args);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`${message}\n`);
    });
});
