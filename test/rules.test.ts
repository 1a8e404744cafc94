/**
 * The rule JSON (issue 6): every example compiles to JSON that the schema (schema/rules.schema.json, checked
 * with ajv) accepts; the seed 001 example matches its reviewed golden file byte for byte; compiling twice gives
 * identical bytes; sources carry the renderer's element ids and numbers, also for a bijlage loaded from a file;
 * consequences, boetes, indexation and rangorde provenance are compiled as the language reads them.
 *
 * After a deliberate change of the example or the compiler: UPDATE_GOLDEN=1 npx vitest run test/rules.test.ts,
 * then review the diff of the golden file line by line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { findSets } from '../compiler/cli/run.js';
import type { LooptijdRule, RuleSet, TariefRule, TermijnRule } from '../compiler/rules/index.js';
import { compileRules, serializeRules } from '../compiler/rules/index.js';
import { buildView } from '../compiler/render/build.js';
import { renderHtml } from '../compiler/render/html.js';
import { SetLayout } from '../compiler/render/layout.js';
import { loadWorkspace } from '../compiler/workspace.js';
import { buildSet } from './helpers.js';

const root = path.resolve(__dirname, '..');
const example = path.join(root, 'examples/raamovereenkomst-maatwerk-2021/raamovereenkomst.ovk');
const golden = path.join(root, 'test/fixtures/rules/raamovereenkomst-maatwerk-2021.golden.json');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema/rules.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

async function compileFile(file: string, force = true): Promise<{ json: string; ruleSet: RuleSet; errors: number }> {
    const ws = await loadWorkspace([file]);
    const { ruleSet, errors } = compileRules(ws.services, ws.requested[0], { version: '0.1.0', includeErrors: force });
    return { json: serializeRules(ruleSet), ruleSet, errors: errors.length };
}

function schemaErrors(data: unknown): string[] {
    return validate(data) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

function rule<T extends RuleSet['rules'][number]>(ruleSet: RuleSet, id: string): T {
    const found = ruleSet.rules.find(r => r.id === id);
    if (!found) throw new Error(`no rule ${id}; have ${ruleSet.rules.map(r => r.id).join(', ')}`);
    return found as T;
}

describe('schema', () => {
    test('has a versioned $id and documents its rule kinds', () => {
        expect(schema.$id).toBe('https://contractspraak.invalid/schema/rules/1.0.0');
        for (const kind of ['termijnRule', 'indexatieRule', 'looptijdRule', 'opzeggingRule', 'tariefRule', 'boeteRule', 'rangordeRule']) {
            expect(schema.$defs[kind].description, kind).toBeTruthy();
        }
    });

    test('every example set compiles to rules the schema accepts', async () => {
        const sets = findSets(path.join(root, 'examples'));
        expect(sets.length).toBeGreaterThan(0);
        for (const folder of sets) {
            const ws = await loadWorkspace([folder], { root: folder });
            const layout = new SetLayout(ws.all);
            for (const entry of layout.entries) {
                const { ruleSet } = compileRules(ws.services, entry, { version: '0.1.0', includeErrors: true });
                expect(schemaErrors(JSON.parse(serializeRules(ruleSet))), `${path.basename(folder)}/${path.basename(entry.uri.fsPath)}`).toEqual([]);
            }
        }
    }, 120_000);

    test('rejects what it does not describe', () => {
        const bad = JSON.parse(fs.readFileSync(golden, 'utf8'));
        bad.rules[1].deadline = { amount: 6, unit: 'fortnights', unitWritten: 'x', direction: 'na' };
        bad.rules.push({ id: 'x', kind: 'tarief', name: 'X', source: bad.rules[1].source, amount: { value: '35.5', currency: 'EUR' }, per: 'uur' });
        const errors = schemaErrors(bad);
        expect(errors.length).toBeGreaterThan(0);
    });
});

describe('the seed 001 example', () => {
    test('matches the reviewed golden rule JSON byte for byte', async () => {
        const { json } = await compileFile(example);
        if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, json);
        expect(json).toBe(fs.readFileSync(golden, 'utf8'));
    }, 60_000);

    test('compiling twice, in two workspaces, gives identical bytes without absolute paths or dates of today', async () => {
        const a = await compileFile(example);
        const b = await compileFile(example);
        expect(b.json).toBe(a.json);
        expect(a.json).not.toContain(root);
        expect(a.json).not.toContain('file://');
        expect(a.json).not.toMatch(/"(generated|timestamp|date)"/);
    }, 60_000);

    test('has its errors listed when compiled with force, and none of them otherwise', async () => {
        const forced = await compileFile(example, true);
        expect(forced.errors).toBe(1);
        expect(forced.ruleSet.errors?.map(e => `${e.file}:${e.line} ${e.code}`)).toEqual(['raamovereenkomst.ovk:80 rangorde-claim-conflict']);
        expect((await compileFile(example, false)).ruleSet.errors).toBeUndefined();
    }, 60_000);

    test('sources use the element ids and numbers of the rendered text', async () => {
        const { ruleSet } = await compileFile(example);
        const ws = await loadWorkspace([example]);
        const html = renderHtml(buildView(ws.requested[0], new SetLayout(ws.all)));
        const weigeren = rule<TermijnRule>(ruleSet, 'Maatwerk2021/termijn/Weigeren');
        expect(weigeren.source).toEqual({
            document: 'Maatwerk2021', eId: 'art_4__para_3', number: 'artikel 4.3', file: 'raamovereenkomst.ovk',
            range: { start: { line: 112, column: 13 }, end: { line: 112, column: 151 } }
        });
        for (const r of ruleSet.rules) {
            if (r.source.eId) expect(html, `${r.id} → ${r.source.eId}`).toContain(`id="${r.source.eId}"`);
        }
        const line = fs.readFileSync(example, 'utf8').split('\n')[weigeren.source.range.start.line - 1];
        expect(line.slice(weigeren.source.range.start.column - 1)).toMatch(/^termijn Weigeren:/);
    }, 60_000);

    test('the main termijnen, looptijd, tarieven, indexation and boete as the text says', async () => {
        const { ruleSet } = await compileFile(example);
        const weigeren = rule<TermijnRule>(ruleSet, 'Maatwerk2021/termijn/Weigeren');
        expect(weigeren).toMatchObject({
            norm: 'power', bearer: 'Contractant', statutory: false,
            deadline: { amount: 3, unit: 'werkdagen', bound: 'binnen', direction: 'na' },
            trigger: { kind: 'event', event: 'Dagtekening', triggerKind: 'dagtekening' },
            calendar: { id: 'atw' },
            consequences: [{ kind: 'deemed-acceptance', text: 'geacht aanvaard', automatic: true }]
        });
        expect(rule<TermijnRule>(ruleSet, 'Maatwerk2021/termijn/Herstel').consequences).toEqual([{ kind: 'default', text: 'verzuim (fatale termijn)', automatic: true }]);
        expect(rule<TermijnRule>(ruleSet, 'Maatwerk2021/termijn/BeroepOvermacht').norm).toBe('power');
        expect(rule<TermijnRule>(ruleSet, 'Maatwerk2021/termijn/Nakomen').consequences[0]).toMatchObject({ kind: 'termination', automatic: false });
        expect(rule(ruleSet, 'Maatwerk2021/looptijd')).toMatchObject({
            start: '2021-01-01', end: '2024-12-31', latestEnd: '2028-12-31',
            renewal: { kind: 'stilzwijgend', count: 2, length: { amount: 2, unit: 'jaren' }, notice: { by: 'Gemeente', amount: 4, unit: 'maanden' } },
            extensions: [{ kind: 'optie', count: 1, by: 'Gemeente', noticeRule: 'Maatwerk2021/termijn/MededelingContinuiteitsverlenging', reach: { end: '2029-06-30', pastLatestEnd: true } }]
        });
        expect(rule(ruleSet, 'Maatwerk2021/looptijd/opzegging/Contractant')).toMatchObject({ by: 'Contractant', bound: 'minimaal', period: { amount: 6, unit: 'maanden' }, form: 'aangetekende brief' });
        const tarieven = ruleSet.rules.filter((r): r is TariefRule => r.kind === 'tarief');
        expect(tarieven.map(t => `${t.name} ${t.amount.value} per ${t.per} ${t.source.number}`)).toEqual([
            'Huishouden 35.48 per uur bijlage 2', 'IndividueelBasis 53.84 per uur bijlage 2', 'IndividueelPlus 67.47 per uur bijlage 2',
            'GroepsverbandBasis 10.53 per uur bijlage 2', 'GroepsverbandPlus 15.93 per uur bijlage 2', 'Respijtopvang 130.73 per uur bijlage 2'
        ]);
        expect(new Set(tarieven.map(t => t.indexation))).toEqual(new Set(['Maatwerk2021/indexatie/Indexatie']));
        expect(rule(ruleSet, 'Maatwerk2021/indexatie/Indexatie')).toMatchObject({ schedule: { kind: 'jaarlijks', month: 1, day: 1 }, tarieven: tarieven.map(t => t.id) });
        expect(rule(ruleSet, 'Maatwerk2021/boete/NagekomenDeclaratieregel')).toMatchObject({
            amount: { value: '15.00', currency: 'EUR' }, per: 'declaratieregel', discretionary: true, related: ['Maatwerk2021/termijn/Nadeclareren']
        });
        expect(rule(ruleSet, 'rangorde')).toMatchObject({
            levels: [['Maatwerk2021'], ['Maatwerk2021.AIV', 'Maatwerk2021.Aanbesteding'], ['Maatwerk2021.Tarieven'], ['Maatwerk2021.Leidraad'], ['Maatwerk2021.Toetsingskader']],
            claims: [{ who: 'Maatwerk2021.Aanbesteding', over: 'alles', where: 'artikel 2.2' }]
        });
        expect(ruleSet.calendars).toEqual([expect.objectContaining({ id: 'atw', builtIn: true })]);
    }, 60_000);
});

describe('compiling small sets', () => {
    const party = 'partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }';

    test('a bijlage loaded from a file gets the ids and numbers it has inside the agreement', async () => {
        const { docs, services } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {\n    ${party}\n    bijlage Info "Informatie" extern\n    bijlage Tarieven "Tarieven" uit "./tarieven.ovk"\n}\n`,
            'tarieven.ovk': 'bijlagedocument Tarieven "Tarieven" {\n    artikel Bedragen "Bedragen" {\n        tarief HH: "Huishouden" € 1.035,50 per maand vanaf 2025-01-01 btw-vrij\n    }\n}\n'
        });
        const { ruleSet, errors } = compileRules(services.Contractspraak, docs['raam.ovk'], { version: 'x' });
        expect(errors).toEqual([]);
        const tarief = ruleSet.rules.find((r): r is TariefRule => r.kind === 'tarief')!;
        expect(tarief).toMatchObject({
            id: 'Raam.Tarieven/tarief/HH', amount: { value: '1035.50', currency: 'EUR' }, per: 'maand', vat: 'vrij', validFrom: '2025-01-01',
            source: { document: 'Raam.Tarieven', eId: 'annex_2__art_1', number: 'artikel 1 van bijlage 2', file: 'tarieven.ovk' }
        });
        expect(schemaErrors(JSON.parse(serializeRules(ruleSet)))).toEqual([]);
    });

    test('a boete named after anders is a penalty consequence linked to the boete', async () => {
        const { docs, services } = await buildSet({
            'deel.ovk': `deelovereenkomst Deel "Deel" {\n    ${party}\n    artikel Melden "Melden" {\n        lid Start: "Startbericht binnen vijf werkdagen."\n`
                + '            gebeurtenis Aanvang "aanvang van de levering"\n'
                + '            termijn Startbericht: Contractant "stuurt het startbericht" binnen 5 werkdagen na Aanvang anders "boete TeLaat"\n'
                + '            boete TeLaat: € 40,00 per inwoner "per te laat gemelde inwoner"\n    }\n}\n'
        });
        const { ruleSet } = compileRules(services.Contractspraak, docs['deel.ovk'], { version: 'x' });
        expect(rule<TermijnRule>(ruleSet, 'Deel/termijn/Startbericht').consequences).toEqual([
            { kind: 'penalty', text: 'boete TeLaat', automatic: false, boete: 'Deel/boete/TeLaat' }
        ]);
        expect(rule(ruleSet, 'Deel/boete/TeLaat')).toMatchObject({ discretionary: false, related: ['Deel/termijn/Startbericht'] });
        expect(rule(ruleSet, 'Deel/termijn/Startbericht')).toMatchObject({ trigger: { kind: 'event', event: 'Aanvang', triggerKind: 'aanvang' } });
    });

    test('a termijn for exercising the optie of the looptijd is a power of its holder, wherever in the artikel it stands; the period before it renews only if exercised', async () => {
        const deel = (bearer: string) => `deelovereenkomst Deel "Deel" {\n    ${party}\n    artikel Duur "Duur" {\n`
            + '        looptijd {\n            ingang 2015-01-01\n            einde 2020-12-31\n            verlenging optie 1 x 2 jaren door Gemeente\n        }\n'
            + `        lid Verlengen: "De Gemeente kan verlengen, uiterlijk zes kalendermaanden voor het einde."\n`
            + `            termijn Verlengen: ${bearer} "verlengt de Deelovereenkomst" uiterlijk 6 kalendermaanden voor einde looptijd\n    }\n}\n`;
        const norm = async (bearer: string) => {
            const { docs, services } = await buildSet({ 'deel.ovk': deel(bearer) });
            return rule<TermijnRule>(compileRules(services.Contractspraak, docs['deel.ovk'], { version: 'x' }).ruleSet, 'Deel/termijn/Verlengen').norm;
        };
        expect(await norm('Gemeente')).toBe('power');
        // The period before the optie renews only if the optie is used, not tacitly.
        const { docs, services } = await buildSet({ 'deel.ovk': deel('Gemeente') });
        const looptijd = rule<LooptijdRule>(compileRules(services.Contractspraak, docs['deel.ovk'], { version: 'x' }).ruleSet, 'Deel/looptijd');
        expect(looptijd.periods.map(p => `${p.start} ${p.end} ${p.ending}`)).toEqual(['2015-01-01 2020-12-31 renews-if-exercised', '2021-01-01 2022-12-31 ends']);
        // The other party has no optie: for it, acting before the einde stays an obligation.
        expect(await norm('Contractant')).toBe('obligation');
    });

    test('a provision the rangorde sets aside is marked superseded, with the winner and the step', async () => {
        const { docs, services } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {\n    ${party}\n    rangorde: deze > bijlagen\n`
                + '    artikel Tarieven "Tarieven" {\n        lid AllIn: "Het tarief is € 35,48 per uur."\n            tarief HH: "Hulp bij het huishouden" € 35,48 per uur\n    }\n'
                + '    bijlage Bedragen "All-in tarieven" {\n        tarief HH: "Hulp bij het huishouden" € 36,00 per uur\n    }\n}\n'
        });
        const { ruleSet } = compileRules(services.Contractspraak, docs['raam.ovk'], { version: 'x' });
        expect(rule(ruleSet, 'Raam.Bedragen/tarief/HH').superseded).toMatchObject({ by: 'Raam/tarief/HH', step: 3 });
        expect(rule(ruleSet, 'Raam/tarief/HH').superseded).toBeUndefined();
        expect(rule(ruleSet, 'rangorde')).toMatchObject({
            conflicts: [{ slot: 'tarief:HH', status: 'opgelost', winner: 'Raam/tarief/HH', losing: [{ rule: 'Raam.Bedragen/tarief/HH', value: '€ 36,00 per uur', step: 3 }] }]
        });
    });

    test('with --force a file that does not parse still compiles: half-built clauses are left out, the errors listed', async () => {
        const { docs, services } = await buildSet({
            'b.ovk': `raamovereenkomst B "B" {\n    ${party}\n    looptijd { ingang 2021-01-01 verlenging stilzwijgend }\n    artikel A "A" {\n        lid L: "x"\n`
                + '            termijn T: Contractant "doet" binnen werkdagen na\n            tarief X: "p" per uur\n            boete Y: € 15,00\n'
                + '            termijn Goed: Contractant "doet" binnen 3 werkdagen\n    }\n}\n'
        });
        const { ruleSet, errors } = compileRules(services.Contractspraak, docs['b.ovk'], { version: 'x', includeErrors: true });
        expect(errors.length).toBeGreaterThan(0);
        expect(ruleSet.errors).toEqual(errors);
        expect(ruleSet.rules.filter(r => r.kind !== 'looptijd').map(r => r.id)).toEqual(['B/termijn/Goed']);
        expect(schemaErrors(JSON.parse(serializeRules(ruleSet)))).toEqual([]);
    });

    test('a declared calendar carries its definition, so the engine can rebuild it', async () => {
        const { docs, services } = await buildSet({
            'raam.ovk': `raamovereenkomst Raam "Raam" {\n    kalender Regio volgens atw { gesloten 24 december "Kerstavond" werkdag bevrijdingsdag }\n    ${party}\n`
                + '    gebeurtenis Ontvangst "ontvangst van het bericht"\n    termijn Retour: Gemeente "stuurt het retourbericht" binnen 3 werkdagen na Ontvangst\n}\n'
        });
        const { ruleSet } = compileRules(services.Contractspraak, docs['raam.ovk'], { version: 'x' });
        expect(ruleSet.calendars).toEqual([expect.objectContaining({
            id: 'Regio', builtIn: false, base: 'atw', closed: [{ date: '12-24', name: 'Kerstavond' }], open: ['bevrijdingsdag']
        })]);
        expect(rule<TermijnRule>(ruleSet, 'Raam/termijn/Retour').calendar.id).toBe('Regio');
        expect(schemaErrors(JSON.parse(serializeRules(ruleSet)))).toEqual([]);
    });
});
