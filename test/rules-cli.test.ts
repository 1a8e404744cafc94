/**
 * `contractspraak compile`, `evaluate`, `test` and the rule JSON of `run` end to end, on the built bundle
 * (bin/contractspraak.mjs): exit codes (0 done, 1 errors in the set or a failed expectation, 2 usage and I/O
 * problems with one Dutch line and no stack trace), the JSON written, and the text people read.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle } from './bundle.js';

const root = path.resolve(__dirname, '..');
const example = 'examples/raamovereenkomst-maatwerk-2021/raamovereenkomst.ovk';
const golden = path.join(root, 'test/fixtures/rules/raamovereenkomst-maatwerk-2021.golden.json');
let dir = '';


const clean = `raamovereenkomst Schoon "Schone overeenkomst" {
    partijen {
        gemeente Gemeente "Gemeente"
        contractant Contractant "Contractant"
    }
    artikel Opdracht "Opdracht" {
        lid Weigeren: "Contractant kan binnen drie werkdagen na dagtekening weigeren."
            gebeurtenis Dagtekening "dagtekening van de opdracht" door Gemeente
            termijn Weigeren: Contractant "weigert de opdracht" binnen 3 werkdagen na Dagtekening anders "geacht aanvaard"
    }
}
`;

beforeAll(() => {
    ensureBundle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-cli-'));
    fs.mkdirSync(path.join(dir, 'sets/schoon'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'sets/fout'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sets/schoon/schoon.ovk'), clean);
    fs.writeFileSync(path.join(dir, 'sets/fout/fout.ovk'), clean.replace('Schoon', 'Fout').replace('na Dagtekening', 'na Dagtekenig'));
    fs.writeFileSync(path.join(dir, 'events.json'), JSON.stringify([
        { event: 'Dagtekening', datum: '2026-04-24', kenmerk: 'DVO-1' },
        { event: 'Dagtekening', datum: '2026-04-24', kenmerk: 'DVO-2' },
        { event: 'vervuld', termijn: 'Weigeren', datum: '2026-04-29', kenmerk: 'DVO-2' }
    ]));
    fs.writeFileSync(path.join(dir, 'kapot.json'), '[{"event": ');
}, 120_000);

afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function run(cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/contractspraak.mjs'), ...args], { cwd, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage problem: exit 2, one Dutch line on stderr, no stack trace. */
function expectUsage(r: ReturnType<typeof run>, message: string | RegExp) {
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('contractspraak compile', () => {
    test('a set with errors: no rules, the errors listed, exit 1', () => {
        const out = path.join(dir, 'niet.json');
        const r = run(root, 'compile', example, '-o', out);
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.split('\n')[0]).toMatch(/^examples\/raamovereenkomst-maatwerk-2021\/raamovereenkomst\.ovk:80:13 error rangorde-claim-conflict Deze bepaling geeft bijlage Aanbesteding voorrang/);
        expect(r.stderr).toContain('de documentset heeft 1 fout; er zijn geen regels geschreven. Herstel de fouten, of schrijf de regels toch met --force.');
        expect(fs.existsSync(out)).toBe(false);
    });

    test('--force writes them anyway, the errors inside, byte for byte the golden file', () => {
        const out = path.join(dir, 'uit/rules.json');
        const r = run(root, 'compile', example, '--force', '-o', out);
        expect(r.status).toBe(0);
        expect(r.stderr).toContain('31 regels geschreven naar');
        expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(golden, 'utf8'));
    });

    test('a clean set to stdout, the same from any working folder', () => {
        const here = run(path.join(dir, 'sets/schoon'), 'compile', 'schoon.ovk');
        const there = run(root, 'compile', path.join(dir, 'sets/schoon/schoon.ovk'));
        expect(here.status).toBe(0);
        expect(there.stdout).toBe(here.stdout);
        const json = JSON.parse(here.stdout);
        expect(json.rules.map((r: { id: string }) => r.id)).toEqual(['Schoon/termijn/Weigeren']);
        expect(json.rules[0].source).toMatchObject({ file: 'schoon.ovk', eId: 'art_1__para_1', number: 'artikel 1.1' });
    });

    test('usage problems: a missing file, a folder, no argument', () => {
        expectUsage(run(root, 'compile', 'nergens.ovk'), /^contractspraak: nergens\.ovk: bestand of map bestaat niet\./);
        expectUsage(run(root, 'compile', 'examples/raamovereenkomst-maatwerk-2021'), /is een map; geef het \.ovk-bestand van de overeenkomst op/);
        expectUsage(run(root, 'compile'), /argument 'bestand' ontbreekt/);
    });
});

describe('contractspraak evaluate', () => {
    test('text: due dates with state, consequences and derivation', () => {
        const r = run(root, 'evaluate', golden, '--events', path.join(dir, 'events.json'), '--op', '2026-05-04');
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('Evaluatie op maandag 2026-05-04 — regels van Maatwerk2021 (schema 1.0.0)');
        expect(r.stdout).toContain('  > verlenging 1: woensdag 2025-01-01 t/m donderdag 2026-12-31');
        expect(r.stdout).toContain('  volgende opzegdatum: dinsdag 2026-06-30 — Contractant, om de overeenkomst op donderdag 2026-12-31 te laten eindigen');
        expect(r.stdout).toContain('    #1 DVO-1: Dagtekening (DVO-1) op vrijdag 2026-04-24 → uiterlijk donderdag 2026-04-30: verstreken\n'
            + '       gevolg (volgt): geacht aanvaard [deemed-acceptance], vanaf vrijdag 2026-05-01');
        expect(r.stdout).toContain('    #2 DVO-2: Dagtekening (DVO-2) op vrijdag 2026-04-24 → uiterlijk donderdag 2026-04-30: vervuld');
        expect(r.stdout).toContain('5. 2026-04-27 is Koningsdag; telt niet als werkdag. [R1.4, R1.10]');
    });

    test('json: the evaluation as data', () => {
        const r = run(root, 'evaluate', golden, '--events', path.join(dir, 'events.json'), '--op', '2026-05-04', '--format', 'json');
        expect(r.status).toBe(0);
        const ev = JSON.parse(r.stdout);
        expect(ev.obligations.filter((o: { name: string }) => o.name === 'Weigeren').map((o: { kenmerk: string; due: string; state: string }) => `${o.kenmerk} ${o.due} ${o.state}`))
            .toEqual(['DVO-1 2026-04-30 expired', 'DVO-2 2026-04-30 fulfilled']);
        expect(ev.agreements[0].nextNoticeDeadline).toMatchObject({ date: '2026-06-30', by: 'Contractant', purpose: 'terminate' });
    });

    test('usage problems: no events, unreadable or broken files, a bad date or format', () => {
        expectUsage(run(root, 'evaluate', golden), /Geef de gebeurtenissen op met --events/);
        expectUsage(run(root, 'evaluate', 'weg.json', '--events', path.join(dir, 'events.json')), /weg\.json: regelbestand bestaat niet\./);
        expectUsage(run(root, 'evaluate', golden, '--events', path.join(dir, 'kapot.json')), /kapot\.json: geen geldige JSON/);
        expectUsage(run(root, 'evaluate', path.join(dir, 'events.json'), '--events', path.join(dir, 'events.json')), /geen regel-JSON van Contractspraak/);
        expectUsage(run(root, 'evaluate', golden, '--events', path.join(dir, 'events.json'), '--op', '4 mei'), /Ongeldige peildatum '4 mei'/);
        expectUsage(run(root, 'evaluate', golden, '--events', path.join(dir, 'events.json'), '--format', 'xml'), /Onbekend formaat 'xml'/);
    });
});

describe('contractspraak test', () => {
    test('the example scenarios pass: exit 0', () => {
        const r = run(root, 'test', 'examples/raamovereenkomst-maatwerk-2021/scenarios');
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/7 scenario's, \d+ verwachtingen: \d+ geslaagd, 0 mislukt\.\n$/);
    });

    test('a wrong expectation fails: exit 1, expected versus actual and the derivation', () => {
        const r = run(root, 'test', 'test/fixtures/scenarios/wrong-expectation.scenario.json');
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('           verwacht:  2026-05-01\n           werkelijk: 2026-04-30');
        expect(r.stdout).toContain('Koningsdag; telt niet als werkdag');
        const junit = run(root, 'test', 'test/fixtures/scenarios', '--format', 'junit');
        expect(junit.status).toBe(1);
        expect(junit.stdout).toContain('failures="1"');
        expect(junit.stderr).toBe('1 scenario, 2 verwachtingen: 1 geslaagd, 1 mislukt.\n');
    });

    test('usage problems: nothing to run, a file that is no scenario, a broken scenario', () => {
        expectUsage(run(root, 'test', path.join(dir, 'sets')), /geen scenariobestanden \(\.scenario\.json\) gevonden/);
        expectUsage(run(root, 'test', 'README.md'), /README\.md: geen scenariobestand/);
        const broken = path.join(dir, 'kapot.scenario.json');
        fs.writeFileSync(broken, JSON.stringify({ naam: 'x', overeenkomst: 'weg.ovk', op: '2026-01-01', verwacht: [{ termijn: 'T' }] }));
        expectUsage(run(root, 'test', broken), /de overeenkomst .*weg\.ovk bestaat niet/);
        expectUsage(run(root, 'test', 'test/fixtures/scenarios', '--format', 'tap'), /Onbekend formaat 'tap'/);
    });
});

describe('contractspraak run: the rule JSON per set', () => {
    test('rules.json for a clean set; unexpected errors get none, expected ones (expected-findings.txt) forced rules, marked', () => {
        const out = path.join(dir, 'out');
        const sets = path.join(dir, 'run-sets');
        fs.cpSync(path.join(dir, 'sets'), sets, { recursive: true });
        fs.cpSync(path.join(sets, 'fout'), path.join(sets, 'bekend'), { recursive: true });
        const first = run(root, 'run', sets, '-o', out);
        expect(first.stdout).toContain(path.join(out, 'schoon', 'rules.json'));
        expect(JSON.parse(fs.readFileSync(path.join(out, 'schoon/rules.json'), 'utf8')).entry).toBe('Schoon');
        expect(fs.existsSync(path.join(out, 'fout/rules.json'))).toBe(false);
        expect(first.stdout).toContain('   rules.json: niet geschreven, de documentset van fout.ovk heeft 1 fout die expected-findings.txt niet verwacht (contractspraak compile --force schrijft de regels toch).\n');
        // The repository acknowledges the errors of one set: its findings become its expected findings.
        const findings = fs.readFileSync(path.join(out, 'bekend/check.txt'), 'utf8');
        expect(findings).toContain('error ref-unresolved');
        fs.writeFileSync(path.join(sets, 'bekend/expected-findings.txt'), findings);
        const second = run(root, 'run', sets, '-o', out);
        expect(second.stdout).toContain('   rules.json: geforceerd geschreven (als compile --force): de documentset van fout.ovk heeft 1 fout, zoals expected-findings.txt verwacht; ze staan bovenaan de regels onder "errors".\n');
        const forced = fs.readFileSync(path.join(out, 'bekend/rules.json'), 'utf8');
        expect(Object.keys(JSON.parse(forced)).slice(2, 4)).toEqual(['generator', 'errors']);
        expect(JSON.parse(forced).errors.map((e: { code: string }) => e.code)).toEqual(['ref-unresolved']);
        // The same as compile --force writes.
        expect(forced).toBe(run(path.join(sets, 'bekend'), 'compile', 'fout.ovk', '--force').stdout);
        expect(fs.existsSync(path.join(out, 'fout/rules.json'))).toBe(false);
    }, 120_000);
});
