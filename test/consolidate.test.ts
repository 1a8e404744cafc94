/**
 * Addenda and consolidation: an addendum's `wijziging { … }` (vervang, voeg na/voor/aan, vervalt) applied to
 * the document it amends gives exactly the hand-consolidated text, which then checks clean; what cannot be
 * applied is reported, and the CLI exits accordingly.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { consolidateFile } from '../compiler/consolidate/cli.js';
import { diffPaths } from '../compiler/diff/cli.js';
import { CLI, ensureBundle } from './bundle.js';
import { buildSet } from './helpers.js';

const RAAM = `raamovereenkomst Raam "Raamovereenkomst" {
    partijen {
        gemeente Stad "Gemeente Stad"
        contractant Aanbieder "Aanbieder"
    }

    artikel Duur "Duur" {
        lid Looptijd: "Deze overeenkomst loopt twee jaar."
            looptijd { ingang 2021-01-01 einde 2022-12-31 }
        lid Verlenging: "De overeenkomst kan worden verlengd."
    }

    artikel Tarieven "Tarieven" {
        lid Hoogte: "De tarieven staan in [bijlage Tarief]."
        lid Indexatie: "De tarieven worden jaarlijks geïndexeerd."
        lid Vervoer: "Vervoer wordt apart vergoed."
    }

    artikel Weigering "Weigering" {
        lid Geen: "Aanbieder weigert geen opdracht."
    }

    artikel Slot "Slot" {
        lid Recht: "Op deze overeenkomst is Nederlands recht van toepassing; zie ook [artikel Weigering]."
    }

    bijlage Tarief "Tarieven" extern
}
`;

const ADDENDUM = `importeer "./raam.ovk"

addendum EersteAddendum "Eerste addendum bij de raamovereenkomst" {
    wijzigt Raam
    wijziging "De gemeente en de aanbieder komen overeen:" {
        // "artikel 2.2 komt te luiden: …"
        vervang Tarieven.Indexatie door leden {
            lid Indexatie: "De tarieven worden per 1 januari geïndexeerd met de OVA."
                termijn Indexeren: Stad "indexeert de tarieven" jaarlijks op 1 januari
        }
        // "artikel 2.3 vervalt"
        vervalt Tarieven.Vervoer
        // "na artikel 3 wordt een artikel ingevoegd"
        voeg na Weigering in artikel Evaluatie "Evaluatie" {
            lid Jaarlijks: "De overeenkomst wordt jaarlijks geëvalueerd; zie [artikel Tarieven]."
        }
        // "aan artikel 1 wordt een lid toegevoegd"
        voeg aan Duur toe leden {
            lid Opzegging: "Opzegging geschiedt schriftelijk."
        }
        // "artikel 4 komt te luiden: …"
        vervang Raam.Slot door artikel Slot "Slotbepaling" {
            lid Recht: "Op deze overeenkomst is Nederlands recht van toepassing."
        }
    }
}
`;

/** Consolidated by hand: what a drafter would write after applying the addendum. */
const EXPECTED = `raamovereenkomst Raam "Raamovereenkomst" {
    partijen {
        gemeente Stad "Gemeente Stad"
        contractant Aanbieder "Aanbieder"
    }

    artikel Duur "Duur" {
        lid Looptijd: "Deze overeenkomst loopt twee jaar."
            looptijd { ingang 2021-01-01 einde 2022-12-31 }
        lid Verlenging: "De overeenkomst kan worden verlengd."
        lid Opzegging: "Opzegging geschiedt schriftelijk."
    }

    artikel Tarieven "Tarieven" {
        lid Hoogte: "De tarieven staan in [bijlage Tarief]."
        lid Indexatie: "De tarieven worden per 1 januari geïndexeerd met de OVA."
            termijn Indexeren: Stad "indexeert de tarieven" jaarlijks op 1 januari
    }

    artikel Weigering "Weigering" {
        lid Geen: "Aanbieder weigert geen opdracht."
    }

    artikel Evaluatie "Evaluatie" {
        lid Jaarlijks: "De overeenkomst wordt jaarlijks geëvalueerd; zie [artikel Tarieven]."
    }

    artikel Slot "Slotbepaling" {
        lid Recht: "Op deze overeenkomst is Nederlands recht van toepassing."
    }

    bijlage Tarief "Tarieven" extern
}
`;

let tmp: string;

beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-consolidate-'));
});

afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

function set(name: string, addendum: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'raam.ovk'), RAAM);
    fs.writeFileSync(path.join(dir, 'addendum.ovk'), addendum);
    return path.join(dir, 'addendum.ovk');
}

suite('consolidation', () => {
    test('the addendum parses and links, the amended raam is untouched by it', async () => {
        const { docs } = await buildSet({ 'raam.ovk': RAAM, 'addendum.ovk': ADDENDUM });
        expect(docs['addendum.ovk'].parseResult.parserErrors).toEqual([]);
        expect(docs['addendum.ovk'].diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        expect(docs['raam.ovk'].diagnostics?.filter(d => d.severity === 1)).toEqual([]);
    });

    test('a consolidated addendum matches the hand-consolidated text, and checks clean', async () => {
        const run = await consolidateFile(set('ok', ADDENDUM));
        expect(run.consolidation.problems).toEqual([]);
        expect(run.consolidation.text).toBe(EXPECTED);
        expect(run.consolidation.applied.map(a => `${a.action} ${a.place ?? ''} ${a.kind} ${a.target} ${a.added.join(',')}`)).toEqual([
            'vervangen  lid Tarieven.Indexatie Indexatie',
            'vervallen  lid Tarieven.Vervoer ',
            'ingevoegd na artikel Weigering Evaluatie',
            'ingevoegd aan artikel Duur Opzegging',
            'vervangen  artikel Raam.Slot Slot'
        ]);
        // Only the information that the default rangorde applies, as for the raam itself.
        expect(run.findings.filter(f => f.severity === 'error' || f.severity === 'warning')).toEqual([]);
        expect(run.exitCode).toBe(0);
    });

    test('diffing the original with the consolidation shows what the addendum changed', async () => {
        const dir = path.join(tmp, 'diff');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'oud.ovk'), RAAM);
        fs.writeFileSync(path.join(dir, 'nieuw.ovk'), EXPECTED);
        const { result } = await diffPaths(path.join(dir, 'oud.ovk'), path.join(dir, 'nieuw.ovk'));
        const lines = result.documents[0].changes.map(c => `${c.type} ${c.kind} ${c.name}`);
        expect(lines).toEqual([
            'added lid Duur.Opzegging',
            'text lid Tarieven.Indexatie',
            'added artikel Evaluatie',
            'renumbered artikel Slot',
            'title artikel Slot',
            'text lid Slot.Recht',
            'removed lid Tarieven.Vervoer',
            'provision-added termijn Indexeren'
        ]);
    });

    test('instructions that cannot be applied are reported, and nothing is written', async () => {
        const broken = ADDENDUM
            .replace('vervalt Tarieven.Vervoer', 'vervalt Tarieven.Bestaatniet')
            .replace('vervang Raam.Slot door artikel Slot', 'vervang Slot.Recht door artikel Slot');
        const run = await consolidateFile(set('broken', broken));
        expect(run.exitCode).toBe(1);
        expect(run.consolidation.problems.map(p => p.message)).toEqual([
            'Tarieven.Bestaatniet bestaat niet in raamovereenkomst Raam.',
            'een lid wordt vervangen door leden { … }, niet door een artikel.'
        ]);
    });

    test('two instructions on the same lid conflict', async () => {
        const twice = ADDENDUM.replace('vervalt Tarieven.Vervoer', 'vervalt Tarieven.Indexatie');
        const run = await consolidateFile(set('twice', twice));
        expect(run.consolidation.problems.map(p => p.message)).toEqual(['deze wijziging raakt hetzelfde deel van de tekst als een andere wijziging van dit addendum.']);
    });

    test('the checks run on the consolidated text: a reference to a repealed lid is an error', async () => {
        const dangling = ADDENDUM.replace('vervalt Tarieven.Vervoer', 'vervalt Weigering.Geen')
            .replace('lid Recht: "Op deze overeenkomst is Nederlands recht van toepassing."', 'lid Recht: "Zie [lid Weigering.Geen]."');
        const run = await consolidateFile(set('dangling', dangling));
        expect(run.consolidation.problems).toEqual([]);
        expect(run.findings.map(f => `${f.severity} ${f.code}`)).toContain('error ref-unresolved');
        expect(run.exitCode).toBe(1);
    });
});

suite('CLI', () => {
    beforeAll(() => ensureBundle(), 180_000);

    function cli(args: string[]) {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    test('writes the consolidated file and reports what it applied; exit 2 for what is not an addendum', { timeout: 240_000 }, () => {
        const addendum = set('cli', ADDENDUM);
        const out = path.join(tmp, 'cli', 'geconsolideerd', 'raam.ovk');
        const r = cli(['consolidate', addendum, '-o', out]);
        expect(r.status, r.stderr).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toBe(EXPECTED);
        expect(r.stderr).toContain('raamovereenkomst Raam');
        expect(r.stderr).toContain('vervallen: lid Tarieven.Vervoer');
        expect(r.stderr).toContain('ingevoegd na artikel Weigering: Evaluatie');
        const stdout = cli(['consolidate', addendum]);
        expect(stdout.stdout).toBe(EXPECTED);
        const json = cli(['consolidate', addendum, '-o', out, '--format', 'json']);
        expect(JSON.parse(json.stdout)).toMatchObject({ target: { document: 'Raam' }, problems: [], applied: expect.arrayContaining([expect.objectContaining({ action: 'vervallen' })]) });
        const notAddendum = cli(['consolidate', path.join(tmp, 'cli', 'raam.ovk')]);
        expect(notAddendum.status).toBe(2);
        expect(notAddendum.stderr.trim()).toMatch(/^contractspraak: .*raam\.ovk: is geen addendum maar een raamovereenkomst\.$/);
    });
});
