/**
 * The rule engine (compiler/engine) on rule JSON alone: the worked examples of termijnen.md §1.6, written as
 * rule JSON (validated against the schema) and evaluated against events; then the states, fulfilment by
 * kenmerk, consequences, boetes, ingebrekestelling, chains and recurrence; the agreement's periods, notice
 * deadlines, opzegging and extensions; and the input checks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { getCalendar } from '../language/calendar/index.js';
import type { EngineEvent, Evaluation, ObligationResult } from '../compiler/engine/index.js';
import { EngineInputError, evaluate, formatEvaluation, parseEvents, parseRuleSet } from '../compiler/engine/index.js';
import type { BoeteRule, LooptijdRule, OpzeggingRule, Rule, RuleSet, Source, TermijnRule } from '../compiler/rules/index.js';

const root = path.resolve(__dirname, '..');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schema/rules.schema.json'), 'utf8')));

const SOURCE: Source = { document: 'Test', eId: 'art_1__para_1', number: 'artikel 1.1', file: 'test.ovk', range: { start: { line: 3, column: 5 }, end: { line: 3, column: 60 } } };

function calendar(id: string) {
    const c = getCalendar(id)!;
    return { id: c.id, version: c.version };
}

/** A rule set as `compile` would write it; validated against the schema and passed through JSON text. */
function ruleSet(rules: Rule[], calendars: string[] = ['atw']): RuleSet {
    const set: RuleSet = {
        $schema: 'https://contractspraak.invalid/schema/rules/1.0.0', schemaVersion: '1.0.0', generator: { name: 'contractspraak', version: 'test' },
        entry: 'Test',
        documents: [{ id: 'Test', kind: 'overeenkomst', label: 'overeenkomst Test', file: 'test.ovk', external: false, calendar: calendars[0] }],
        calendars: calendars.map(id => ({ ...calendar(id), description: getCalendar(id)!.description, builtIn: true })),
        parties: [
            { id: 'Raalte', kind: 'gemeente', side: 'gemeente' }, { id: 'OlstWijhe', kind: 'gemeente', side: 'gemeente' },
            { id: 'Gemeente', kind: 'groep', side: 'gemeente', members: ['Raalte', 'OlstWijhe'], mode: 'afzonderlijk' },
            { id: 'Contractant', kind: 'contractant', side: 'aanbieder' }
        ],
        events: ['Dagtekening', 'Afloop', 'Ontvangst', 'Melding', 'Uitspraak', 'Verzoek', 'Ontdekking'].map(name => ({ name, source: SOURCE })),
        rules
    };
    const json = JSON.parse(JSON.stringify(set));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    return parseRuleSet(json);
}

type TermijnInput = Partial<TermijnRule> & { amount?: number; unit?: NonNullable<TermijnRule['deadline']>['unit']; event?: string; cal?: string };

function termijn(name: string, t: TermijnInput): TermijnRule {
    const { amount, unit, event, cal, ...rest } = t;
    return {
        id: `Test/termijn/${name}`, kind: 'termijn', name, source: SOURCE, norm: 'obligation', statutory: false,
        ...(amount !== undefined ? { deadline: { amount, unit: unit!, unitWritten: unit!, bound: 'binnen', direction: 'na' } } : {}),
        ...(event ? { trigger: { kind: 'event', event } } : {}),
        calendar: calendar(cal ?? 'atw'), reference: `termijn ${name}, artikel 1.1`, consequences: [],
        ...rest
    } as TermijnRule;
}

function events(list: Array<Omit<EngineEvent, 'index'>>): EngineEvent[] {
    return parseEvents(JSON.parse(JSON.stringify(list)));
}

function occurrences(ev: Evaluation, name: string): ObligationResult[] {
    return ev.obligations.filter(o => o.name === name);
}

/** The due date of one termijn for one trigger date, through rule JSON and the engine. */
function due(t: TermijnInput, at: string, calendars?: string[]): string | undefined {
    const ev = evaluate(ruleSet([termijn('T', { event: 'Ontvangst', ...t })], calendars), events([{ event: 'Ontvangst', datum: at }]), '2030-01-01');
    return occurrences(ev, 'T')[0].due;
}

describe('termijnen.md §1.6 worked examples, through rule JSON', () => {
    test('#1 binnen drie werkdagen na dagtekening, vr 2026-04-24: do 2026-04-30 (Koningsdag skipped)', () => {
        expect(due({ amount: 3, unit: 'werkdagen', trigger: { kind: 'event', event: 'Ontvangst', triggerKind: 'dagtekening', label: 'de opdracht' } }, '2026-04-24')).toBe('2026-04-30');
    });
    test('#3 the same from wo 2025-12-31: atw 2026-01-07, atw-zonder-kb 2026-01-06', () => {
        expect(due({ amount: 3, unit: 'werkdagen' }, '2025-12-31')).toBe('2026-01-07');
        expect(due({ amount: 3, unit: 'werkdagen', cal: 'atw-zonder-kb' }, '2025-12-31', ['atw-zonder-kb'])).toBe('2026-01-06');
    });
    test('#4 twintig werkdagen na afloop zo 2025-04-27: ma 2025-05-26', () => {
        expect(due({ amount: 20, unit: 'werkdagen' }, '2025-04-27')).toBe('2025-05-26');
    });
    test('#6 the same from zo 2026-04-26: atw vr 2026-05-29, zonder KB do 2026-05-28', () => {
        expect(due({ amount: 20, unit: 'werkdagen' }, '2026-04-26')).toBe('2026-05-29');
        expect(due({ amount: 20, unit: 'werkdagen', cal: 'atw-zonder-kb' }, '2026-04-26', ['atw-zonder-kb'])).toBe('2026-05-28');
    });
    test('#7 binnen 7 kalenderdagen: 2025-03-21; from 2025-03-09 zo 2025-03-16, no roll', () => {
        expect(due({ amount: 7, unit: 'kalenderdagen' }, '2025-03-14')).toBe('2025-03-21');
        expect(due({ amount: 7, unit: 'kalenderdagen' }, '2025-03-09')).toBe('2025-03-16');
    });
    test('#8 binnen dertig dagen na ontvangst 2025-03-14: zo 2025-04-13 (contract: no roll)', () => {
        expect(due({ amount: 30, unit: 'dagen' }, '2025-03-14')).toBe('2025-04-13');
    });
    test('#19 Wmo 2.3.5 lid 2, two weeks, statutory, from do 2026-04-30: ma 2026-05-18; zonder KB vr 2026-05-15', () => {
        expect(due({ amount: 2, unit: 'weken', statutory: true }, '2026-04-30')).toBe('2026-05-18');
        expect(due({ amount: 2, unit: 'weken', statutory: true, cal: 'atw-zonder-kb' }, '2026-04-30', ['atw-zonder-kb'])).toBe('2026-05-15');
    });
    test('#20 Wmo 2.3.2 lid 1, six weeks, statutory, from vr 2025-04-18: ma 2025-06-02', () => {
        expect(due({ amount: 6, unit: 'weken', statutory: true }, '2025-04-18')).toBe('2025-06-02');
    });
    test('#21 Awb 6:7/6:8 bezwaar, six weeks, from do 2025-11-13: ma 2025-12-29', () => {
        expect(due({ amount: 6, unit: 'weken', statutory: true }, '2025-11-13')).toBe('2025-12-29');
    });
    test('#23 HR 2017, three months, statutory, from 2016-02-29: ma 2016-05-30', () => {
        expect(due({ amount: 3, unit: 'maanden', statutory: true }, '2016-02-29')).toBe('2016-05-30');
    });
    test('#24 iWmo OP090 retour in 3 werkdagen from do 2026-04-30: atw wo 2026-05-06; with 5 May a werkdag di 2026-05-05', () => {
        expect(due({ amount: 3, unit: 'werkdagen' }, '2026-04-30')).toBe('2026-05-06');
        expect(due({ amount: 3, unit: 'werkdagen', cal: 'cao-lustrum' }, '2026-04-30', ['cao-lustrum'])).toBe('2026-05-05');
    });
    test('#27 OP274, 8 weeks after dagtekening 2026-03-20: vr 2026-05-15 (a standard, not a law: no roll)', () => {
        expect(due({ amount: 8, unit: 'weken' }, '2026-03-20')).toBe('2026-05-15');
    });
    test('#12 minimaal 4 maanden vóór de afloop, looptijd ends 2026-12-31: uiterlijk 2026-08-31', () => {
        const rules = ruleSet([looptijd({ start: '2025-01-01', end: '2026-12-31' }),
            termijn('Aankondigen', { deadline: { amount: 4, unit: 'maanden', unitWritten: 'maanden', bound: 'minimaal', direction: 'voor' }, trigger: { kind: 'looptijd', edge: 'einde', looptijd: 'Test/looptijd' } })]);
        const [o] = occurrences(evaluate(rules, [], '2026-01-01'), 'Aankondigen');
        expect(o).toMatchObject({ due: '2026-08-31', state: 'open' });
        expect(o.derivation.map(s => s.text)).toContain('Terugrekenen in maanden is een beleidskeuze van de referentie (termijnen.md §6.4): er is geen rechtspraak over gevonden.');
    });
    test('"minimaal 6 maanden" after an event is a minimum: the earliest day, not a deadline', () => {
        const rules = ruleSet([termijn('Opzeggen', { deadline: { amount: 6, unit: 'maanden', unitWritten: 'maanden', bound: 'minimaal', direction: 'na' } })]);
        const [o] = evaluate(rules, events([{ event: 'aanleiding', termijn: 'Opzeggen', datum: '2025-03-10' }]), '2026-01-01').obligations;
        expect(o).toMatchObject({ earliest: '2025-09-10', state: 'open' });
        expect(o.due).toBeUndefined();
    });
    test('#10 and #11 opzegtermijn of six months: received 2024-08-31 ends 2025-02-28, received 2025-03-10 ends 2025-09-10', () => {
        const rules = ruleSet([looptijd({ start: '2020-01-01', indefinite: true }), opzeggingRule('Contractant', 6)]);
        const a = evaluate(rules, events([{ event: 'opzegging', door: 'Contractant', datum: '2024-08-31' }]), '2024-09-01').agreements[0];
        expect(a.end).toBe('2025-02-28');
        const b = evaluate(rules, events([{ event: 'opzegging', door: 'Contractant', datum: '2025-03-10' }]), '2025-09-11').agreements[0];
        expect(b).toMatchObject({ status: 'ended', end: '2025-09-10' });
        expect(b.events[0].derivation.map(s => s.text).join('\n')).toContain('art. 3:37 lid 3 BW');
    });
    test('#16 two years from 2025-01-01, renewed tacitly by one year at most twice, notice four months before the end', () => {
        const rules = ruleSet([looptijd({ start: '2025-01-01', duration: { amount: 2, unit: 'jaren' }, renewal: { kind: 'stilzwijgend', count: 2, length: { amount: 1, unit: 'jaren' }, notice: { by: 'Gemeente', amount: 4, unit: 'maanden' } } })]);
        const ev = evaluate(rules, [], '2026-03-01');
        const a = ev.agreements[0];
        expect(a.periods.map(p => p.end)).toEqual(['2026-12-31', '2027-12-31', '2028-12-31']);
        expect(a.nextNoticeDeadline).toMatchObject({ date: '2026-08-31', by: 'Gemeente', purpose: 'prevent-renewal', periodEnd: '2026-12-31' });
        expect(evaluate(rules, [], '2027-03-01').agreements[0].nextNoticeDeadline?.date).toBe('2027-08-31');
        // The last period ends by itself: no notice is due any more.
        expect(evaluate(rules, [], '2028-03-01').agreements[0]).toMatchObject({ status: 'running', noticeDeadlines: [] });
    });
    test('#17 a looptijd of one month from 2025-01-31 ends 2025-02-28, not 02-27', () => {
        const rules = ruleSet([looptijd({ start: '2025-01-31', duration: { amount: 1, unit: 'maanden' } })]);
        expect(evaluate(rules, [], '2025-02-01').agreements[0]).toMatchObject({ end: '2025-02-28', currentPeriod: { start: '2025-01-31', end: '2025-02-28' } });
    });
    test('every due date comes with the derivation of the calendar core, naming calendar and rule', () => {
        const ev = evaluate(ruleSet([termijn('Weigeren', { amount: 3, unit: 'werkdagen', event: 'Dagtekening' })]), events([{ event: 'Dagtekening', datum: '2026-04-24' }]), '2026-04-28');
        const [o] = occurrences(ev, 'Weigeren');
        expect(o.calendar).toEqual(calendar('atw'));
        expect(o.derivation.map(s => s.text)).toEqual(expect.arrayContaining([
            expect.stringContaining('termijn Weigeren, artikel 1.1'),
            '2026-04-27 is Koningsdag; telt niet als werkdag.',
            'Uiterste datum: donderdag 2026-04-30, tot het einde van die dag (24:00 uur Nederlandse tijd).'
        ]));
    });
});

function looptijd(fields: Partial<LooptijdRule>): LooptijdRule {
    return { id: 'Test/looptijd', kind: 'looptijd', source: SOURCE, document: 'Test', indefinite: false, extensions: [], periods: [], calendar: calendar('atw'), ...fields };
}

function opzeggingRule(by: string, months: number): OpzeggingRule {
    return { id: `Test/looptijd/opzegging/${by}`, kind: 'opzegging', source: SOURCE, looptijd: 'Test/looptijd', by, period: { amount: months, unit: 'maanden' }, calendar: calendar('atw') };
}

describe('states and consequences', () => {
    const weigeren = termijn('Weigeren', {
        amount: 3, unit: 'werkdagen', event: 'Dagtekening', norm: 'power', bearer: 'Contractant',
        consequences: [{ kind: 'deemed-acceptance', text: 'geacht aanvaard', automatic: true }]
    });
    const start = termijn('Start', { amount: 5, unit: 'werkdagen', event: 'Dagtekening', bearer: 'Contractant' });
    const rules = ruleSet([weigeren, start]);

    test('not-applicable before the trigger; open until the last day; then late (obligation) or expired (power)', () => {
        expect(evaluate(rules, [], '2026-05-01').obligations.map(o => o.state)).toEqual(['not-applicable', 'not-applicable']);
        const opdracht = events([{ event: 'Dagtekening', datum: '2026-04-24', kenmerk: 'A' }]);
        expect(evaluate(rules, opdracht, '2026-04-30').obligations.map(o => `${o.name} ${o.due} ${o.state}`)).toEqual(['Weigeren 2026-04-30 open', 'Start 2026-05-04 open']);
        const later = evaluate(rules, opdracht, '2026-05-05');
        expect(later.obligations.map(o => `${o.name} ${o.state}`)).toEqual(['Weigeren expired', 'Start late']);
        expect(later.obligations[0].consequences).toEqual([{ kind: 'deemed-acceptance', text: 'geacht aanvaard', status: 'follows', from: '2026-05-01' }]);
        expect(later.obligations[1].consequences).toEqual([]);
    });

    test('an event after the evaluation date has not happened', () => {
        const ev = evaluate(rules, events([{ event: 'Dagtekening', datum: '2026-04-24' }]), '2026-04-23');
        expect(ev.obligations.map(o => o.state)).toEqual(['not-applicable', 'not-applicable']);
        expect(ev.warnings.map(w => w.code)).toEqual(['events-after-op']);
    });

    test('vervuld with a kenmerk fulfils that case; on the last day it is in time, the day after it is late', () => {
        const ev = evaluate(rules, events([
            { event: 'Dagtekening', datum: '2026-04-24', kenmerk: 'A' },
            { event: 'Dagtekening', datum: '2026-04-24', kenmerk: 'B' },
            { event: 'vervuld', termijn: 'Weigeren', datum: '2026-04-30', kenmerk: 'B' },
            { event: 'vervuld', termijn: 'Start', datum: '2026-05-05', kenmerk: 'A' },
            { event: 'vervuld', termijn: 'Start', datum: '2026-05-04', kenmerk: 'B' }
        ]), '2026-05-10');
        expect(ev.obligations.map(o => `${o.name} ${o.kenmerk} ${o.state}`)).toEqual([
            'Weigeren A expired', 'Weigeren B fulfilled', 'Start A late', 'Start B fulfilled'
        ]);
        expect(ev.obligations[2].fulfilment).toEqual({ datum: '2026-05-05', inTime: false });
        expect(ev.obligations[1].consequences).toEqual([]);
    });

    test('vervuld without a kenmerk goes to the earliest open occurrence started by then (5 May is no werkdag under atw)', () => {
        const ev = evaluate(rules, events([
            { event: 'Dagtekening', datum: '2026-04-24' },
            { event: 'Dagtekening', datum: '2026-05-01' },
            { event: 'vervuld', termijn: 'Start', datum: '2026-05-04' },
            { event: 'vervuld', termijn: 'Start', datum: '2026-05-06' },
            { event: 'vervuld', termijn: 'Nergens', datum: '2026-05-06' }
        ]), '2026-06-01');
        expect(occurrences(ev, 'Start').map(o => `${o.trigger?.datum} ${o.due} ${o.state}`)).toEqual(['2026-04-24 2026-05-04 fulfilled', '2026-05-01 2026-05-11 fulfilled']);
        expect(ev.warnings.map(w => w.code)).toEqual(['vervuld-unknown']);
    });

    test('a termijn in uren runs to the minute, and an act after that minute on the last day is late', () => {
        const melden = termijn('Melden', { amount: 48, unit: 'uren', event: 'Ontdekking' });
        const ev = evaluate(ruleSet([melden]), events([
            { event: 'Ontdekking', datum: '2026-05-01T10:15' }, { event: 'vervuld', termijn: 'Melden', datum: '2026-05-03T11:00' }
        ]), '2026-05-10');
        expect(ev.obligations[0]).toMatchObject({ due: '2026-05-03', dueTime: '10:15', state: 'late' });
    });

    test('a boete named after anders is possible when the termijn is missed, times the aantal of the late act', () => {
        const boete: BoeteRule = { id: 'Test/boete/TeLaat', kind: 'boete', name: 'TeLaat', source: SOURCE, amount: { value: '40.00', currency: 'EUR' }, per: 'inwoner', discretionary: false, related: ['Test/termijn/Startbericht'] };
        const startbericht = termijn('Startbericht', { amount: 5, unit: 'werkdagen', event: 'Melding', consequences: [{ kind: 'penalty', text: 'boete TeLaat', automatic: false, boete: 'Test/boete/TeLaat' }] });
        const ev = evaluate(ruleSet([startbericht, boete]), events([
            { event: 'Melding', datum: '2026-03-02' }, { event: 'vervuld', termijn: 'Startbericht', datum: '2026-03-20', aantal: 3 }
        ]), '2026-04-01');
        expect(ev.obligations[0].consequences).toEqual([expect.objectContaining({ kind: 'penalty', status: 'possible', penalty: expect.objectContaining({ perUnit: '40.00', count: 3, total: '120.00' }) })]);
        expect(ev.penalties.map(p => `${p.name} ${p.status} ${p.total}`)).toEqual(['TeLaat possible 120.00']);
    });

    test('a boete event imposes the amount per unit times its aantal, on the occurrence of the termijn written next to it', () => {
        const boete: BoeteRule = { id: 'Test/boete/Regel', kind: 'boete', name: 'Regel', source: SOURCE, amount: { value: '15.00', currency: 'EUR' }, per: 'declaratieregel', condition: 'naar besluit van de Gemeente', discretionary: true, related: ['Test/termijn/Nadeclareren'] };
        const nadeclareren = termijn('Nadeclareren', { amount: 4, unit: 'maanden', event: 'Afloop' });
        const ev = evaluate(ruleSet([nadeclareren, boete]), events([
            { event: 'Afloop', datum: '2026-06-05', kenmerk: 'P1' },
            { event: 'vervuld', termijn: 'Nadeclareren', datum: '2026-06-10', kenmerk: 'P1', aantal: 12 },
            { event: 'boete', boete: 'Regel', datum: '2026-06-19', kenmerk: 'P1', aantal: 12 }
        ]), '2026-07-01');
        expect(ev.obligations[0]).toMatchObject({ state: 'fulfilled', due: '2026-10-05' });
        expect(ev.obligations[0].consequences).toEqual([expect.objectContaining({ kind: 'penalty', status: 'imposed', from: '2026-06-19' })]);
        expect(ev.penalties).toEqual([expect.objectContaining({ name: 'Regel', status: 'imposed', count: 12, total: '180.00', discretionary: true, kenmerk: 'P1', termijn: 'Test/termijn/Nadeclareren' })]);
        expect(formatEvaluation(ev)).toContain('€ 15,00 per declaratieregel × 12 = € 180,00, opgelegd op vrijdag 2026-06-19');
    });

    test('an ingebrekestelling sets the redelijke termijn; missing it is verzuim', () => {
        const herstel = termijn('Herstel', { qualitative: 'redelijk', consequences: [{ kind: 'default', text: 'verzuim (fatale termijn)', automatic: true }] });
        const rules2 = ruleSet([herstel]);
        const notice = { event: 'ingebrekestelling', termijn: 'Herstel', datum: '2026-03-02', uiterlijk: '2026-03-31' };
        const open = evaluate(rules2, events([notice]), '2026-03-15').obligations[0];
        expect(open).toMatchObject({ due: '2026-03-31', state: 'open' });
        expect(open.consequences).toEqual([{ kind: 'notice-of-default', text: 'ingebrekestelling', status: 'imposed', from: '2026-03-02' }]);
        const late = evaluate(rules2, events([notice]), '2026-04-01').obligations[0];
        expect(late.state).toBe('late');
        expect(late.consequences.map(c => `${c.kind} ${c.status} ${c.from}`)).toEqual(['default follows 2026-04-01', 'notice-of-default imposed 2026-03-02']);
        const cured = evaluate(rules2, events([notice, { event: 'vervuld', termijn: 'Herstel', datum: '2026-03-30' }]), '2026-04-01').obligations[0];
        expect(cured.state).toBe('fulfilled');
    });

    test('an ingebrekestelling after a missed deadline gives a hersteltermijn; missing that too is verzuim', () => {
        const ev = evaluate(rules, events([
            { event: 'Dagtekening', datum: '2026-04-24' },
            { event: 'ingebrekestelling', termijn: 'Start', datum: '2026-05-06', uiterlijk: '2026-05-13' }
        ]), '2026-05-14');
        expect(occurrences(ev, 'Start')[0].consequences.map(c => `${c.kind} ${c.status} ${c.from}`)).toEqual(['notice-of-default imposed 2026-05-06', 'default follows 2026-05-14']);
    });

    test('aanleiding starts a termijn that counts from no gebeurtenis', () => {
        const waarschuwen = termijn('Waarschuwen', { qualitative: 'onverwijld' });
        const ev = evaluate(ruleSet([waarschuwen]), events([{ event: 'aanleiding', termijn: 'Waarschuwen', datum: '2026-02-02', kenmerk: 'fout-1' }]), '2026-02-03');
        expect(ev.obligations[0]).toMatchObject({ kenmerk: 'fout-1', state: 'open', notes: ['Onverwijld (zonder uitstel): zonder vaste uiterste datum.'] });
        expect(ev.obligations[0].due).toBeUndefined();
    });

    test('"na afloop van termijn X" counts from the last day of each occurrence of X, once it has passed', () => {
        const reactie = termijn('Reactie', { amount: 4, unit: 'weken', event: 'Verzoek' });
        const rapport = termijn('Rapport', { deadline: { amount: 4, unit: 'weken', unitWritten: 'weken', direction: 'na' }, trigger: { kind: 'termijn', name: 'Reactie', rule: 'Test/termijn/Reactie' } });
        const rules2 = ruleSet([reactie, rapport]);
        const list = events([{ event: 'Verzoek', datum: '2026-03-02', kenmerk: 'C1' }]);
        expect(occurrences(evaluate(rules2, list, '2026-03-30'), 'Rapport')[0].state).toBe('not-applicable');
        expect(occurrences(evaluate(rules2, list, '2026-04-01'), 'Rapport')[0]).toMatchObject({ kenmerk: 'C1', due: '2026-04-27', trigger: { datum: '2026-03-30' } });
    });

    test('a superseded rule is skipped; vervuld cannot reach it', () => {
        const loser = { ...termijn('Weigeren', { amount: 5, unit: 'werkdagen', event: 'Dagtekening' }), id: 'Bijlage/termijn/Weigeren', superseded: { by: 'Test/termijn/Weigeren', step: 3 as const, reason: 'hogere rang' } };
        const ev = evaluate(ruleSet([weigeren, loser]), events([{ event: 'Dagtekening', datum: '2026-04-24' }]), '2026-04-25');
        expect(ev.obligations.map(o => `${o.rule} ${o.due}`)).toEqual(['Test/termijn/Weigeren 2026-04-30']);
    });

    test('a calendar with another version than the compiler used is reported', () => {
        const set = ruleSet([start]);
        const changed = { ...set, calendars: [{ ...set.calendars[0], version: '2020.1+kb2019-2021' }] };
        expect(evaluate(changed, [], '2026-01-01').warnings.map(w => w.code)).toEqual(['calendar-version']);
    });
});

describe('the agreement', () => {
    const rules = ruleSet([
        looptijd({
            start: '2021-01-01', end: '2024-12-31', duration: { amount: 4, unit: 'jaren' }, latestEnd: '2028-12-31',
            renewal: { kind: 'stilzwijgend', count: 2, length: { amount: 2, unit: 'jaren' }, notice: { by: 'Gemeente', amount: 4, unit: 'maanden' } },
            extensions: [{ kind: 'optie', count: 1, length: { amount: 6, unit: 'maanden' }, by: 'Gemeente', source: SOURCE }]
        }),
        opzeggingRule('Contractant', 6)
    ]);

    test('current period and the next notice deadline, earliest first, with the derivation', () => {
        const a = evaluate(rules, [], '2026-05-04').agreements[0];
        expect(a).toMatchObject({ status: 'running', currentPeriod: { index: 1, start: '2025-01-01', end: '2026-12-31', label: 'verlenging 1' }, end: '2028-12-31' });
        expect(a.noticeDeadlines.map(d => `${d.date} ${d.by} ${d.purpose}`)).toEqual(['2026-06-30 Contractant terminate', '2026-08-31 Gemeente prevent-renewal']);
        expect(a.nextNoticeDeadline?.derivation.at(-1)?.text).toBe('Uiterste datum: dinsdag 2026-06-30, tot het einde van die dag (24:00 uur Nederlandse tijd).');
        expect(evaluate(rules, [], '2026-07-01').agreements[0].nextNoticeDeadline).toMatchObject({ date: '2026-08-31', by: 'Gemeente' });
        // In the last period only an opzegging can end it earlier.
        expect(evaluate(rules, [], '2027-02-01').agreements[0].nextNoticeDeadline).toMatchObject({ date: '2028-06-30', by: 'Contractant', purpose: 'terminate' });
    });

    test('a notice by a member of the Gemeente in time stops the renewal; one day late it stops the next one', () => {
        const inTime = evaluate(rules, events([{ event: 'opzegging', door: 'Raalte', datum: '2026-08-31' }]), '2027-01-02').agreements[0];
        expect(inTime).toMatchObject({ status: 'ended', end: '2026-12-31' });
        expect(inTime.events[0].effect).toContain('Geldt voor Raalte');
        const late = evaluate(rules, events([{ event: 'opzegging', door: 'Gemeente', datum: '2026-09-01' }]), '2027-01-02').agreements[0];
        expect(late).toMatchObject({ status: 'running', end: '2028-12-31' });
        expect(late.events[0].effect).toBe('Er is geen verlenging meer die deze opzegging kan voorkomen; zonder gevolg.');
        const early = evaluate(rules, events([{ event: 'opzegging', door: 'Gemeente', datum: '2024-09-01' }]), '2025-02-01').agreements[0];
        expect(early).toMatchObject({ end: '2026-12-31', currentPeriod: { index: 1 } });
    });

    test('the extra extension after the last period, and an opzegging that ends within a period', () => {
        const extended = evaluate(rules, events([{ event: 'verlenging', door: 'Gemeente', datum: '2028-11-15' }]), '2029-03-01').agreements[0];
        expect(extended).toMatchObject({ status: 'running', end: '2029-06-30', currentPeriod: { label: 'extra verlenging', start: '2029-01-01' } });
        expect(extended.events[0].derivation.map(s => s.text)).toContain('Let op: dit is na de uiterste einddatum zondag 2028-12-31.');
        const ended = evaluate(rules, events([{ event: 'opzegging', door: 'Contractant', datum: '2025-03-10' }]), '2025-06-01').agreements[0];
        expect(ended).toMatchObject({ end: '2025-09-10', currentPeriod: { start: '2025-01-01', end: '2025-09-10', ending: 'ends-by-termination' } });
    });

    test('a looptijd that names only its einde still ends then, and its opzegging counts (R1.12, R1.13)', () => {
        const endOnly = ruleSet([looptijd({ end: '2018-12-31' }), opzeggingRule('Contractant', 6)]);
        const running = evaluate(endOnly, [], '2018-05-01').agreements[0];
        expect(running).toMatchObject({ status: 'running', end: '2018-12-31', currentPeriod: { index: 0, end: '2018-12-31', ending: 'ends' } });
        expect(running.currentPeriod?.start).toBeUndefined();
        expect(running.warnings.map(w => w.code)).toEqual(['looptijd-no-start']);
        // 2018-06-30 + 6 maanden = 2018-12-30; 2018-07-01 + 6 maanden = 2019-01-01 is too late (R1.12).
        expect(running.nextNoticeDeadline).toMatchObject({ date: '2018-06-30', by: 'Contractant', purpose: 'terminate' });
        const early = evaluate(endOnly, events([{ event: 'opzegging', door: 'Contractant', datum: '2018-03-10' }]), '2018-10-01').agreements[0];
        expect(early).toMatchObject({ status: 'ended', end: '2018-09-10' });
        // Received 2018-08-31, the opzegtermijn runs to 2019-02-28: the agreement ends first, on its own einde.
        const late = evaluate(endOnly, events([{ event: 'opzegging', door: 'Contractant', datum: '2018-08-31' }]), '2019-01-02').agreements[0];
        expect(late).toMatchObject({ status: 'ended', end: '2018-12-31' });
        expect(formatEvaluation(evaluate(endOnly, [], '2018-05-01'))).toContain('ingang onbekend t/m');
    });

    test('termijnen from the einde of the looptijd follow the periods as the events leave them', () => {
        const mededeling = termijn('Mededeling', { norm: 'power', deadline: { amount: 30, unit: 'dagen', unitWritten: 'dagen', bound: 'uiterlijk', direction: 'voor' }, trigger: { kind: 'looptijd', edge: 'einde', looptijd: 'Test/looptijd' } });
        const set = ruleSet([...rules.rules, mededeling]);
        const ev = evaluate(set, events([{ event: 'opzegging', door: 'Contractant', datum: '2025-03-10' }]), '2025-06-01');
        expect(occurrences(ev, 'Mededeling').map(o => `${o.due} ${o.state}`)).toEqual(['2024-12-01 expired', '2025-08-11 open']);
    });
});

describe('input', () => {
    test('events: a list of objects with event and datum; the reserved events name their termijn or boete', () => {
        expect(() => parseEvents({})).toThrow(EngineInputError);
        expect(() => parseEvents([{ event: 'Dagtekening', datum: '24-04-2026' }])).toThrow('"datum" moet JJJJ-MM-DD zijn');
        expect(() => parseEvents([{ event: 'vervuld', datum: '2026-04-24' }])).toThrow('noemt de termijn');
        expect(() => parseEvents([{ event: 'boete', datum: '2026-04-24' }])).toThrow('noemt de boete');
        expect(() => parseEvents([{ event: 'X', datum: '2026-04-24', aantal: -1 }])).toThrow('"aantal"');
        expect(parseEvents({ gebeurtenissen: [{ event: 'X', datum: '2026-04-24', kenmerk: 7 }] })).toEqual([{ event: 'X', datum: '2026-04-24', kenmerk: '7', index: 0 }]);
    });
    test('rules: only rule JSON of major version 1', () => {
        expect(() => parseRuleSet({ foo: 1 })).toThrow('geen regel-JSON');
        expect(() => parseRuleSet({ schemaVersion: '2.0.0', rules: [] })).toThrow('schemaversie 2.0.0');
    });
    test('an unknown event name is reported, not an error', () => {
        const ev = evaluate(ruleSet([]), events([{ event: 'Dagtekenig', datum: '2026-01-05' }]), '2026-02-01');
        expect(ev.warnings).toEqual([{ code: 'event-unknown', message: "Gebeurtenis 'Dagtekenig' komt in de regels niet voor; geen termijn telt ervan." }]);
    });
});

describe('properties, on the seed 001 rules', () => {
    const golden = parseRuleSet(JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/rules/raamovereenkomst-maatwerk-2021.golden.json'), 'utf8')));
    const names = ['Dagtekening', 'AfloopPeriode', 'OntvangstDeclaratie', 'VerstrijkenPeriode', 'Ontdekking', 'vervuld', 'opzegging', 'verlenging', 'boete', 'ingebrekestelling', 'aanleiding'];
    const termijnen = golden.rules.filter((r): r is TermijnRule => r.kind === 'termijn').map(r => r.name);
    const day = fc.integer({ min: 0, max: 8 * 365 }).map(n => new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10));
    const event = fc.record({
        event: fc.constantFrom(...names), datum: day, kenmerk: fc.constantFrom('A', 'B', undefined),
        termijn: fc.constantFrom(...termijnen), aantal: fc.nat(50), door: fc.constantFrom('Gemeente', 'Raalte', 'Contractant'),
        boete: fc.constant('NagekomenDeclaratieregel'), uiterlijk: day
    }).map(e => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)));

    test('any events: no exception; a state agrees with the dates and the act', () => {
        fc.assert(fc.property(fc.array(event, { maxLength: 12 }), day, (list, op) => {
            const ev = evaluate(golden, parseEvents(list), op);
            for (const o of ev.obligations) {
                if (o.state === 'not-applicable') expect(o.occurrence).toBeUndefined();
                if (o.state === 'fulfilled') expect(o.fulfilment === undefined || o.fulfilment.inTime).toBe(true);
                if ((o.state === 'late' || o.state === 'expired') && !o.fulfilment) expect(o.due! < op).toBe(true);
                if (o.state === 'open' && o.due) expect(o.due >= op || o.fulfilment !== undefined).toBe(true);
                if (o.due && o.trigger && o.name !== 'MededelingContinuiteitsverlenging' && !o.trigger.event?.match(/ingebrekestelling/)) expect(o.due >= o.trigger.datum.slice(0, 10)).toBe(true);
            }
            const a = ev.agreements[0];
            if (a.currentPeriod) expect((a.currentPeriod.start ?? op) <= op && (!a.currentPeriod.end || op <= a.currentPeriod.end)).toBe(true);
            if (a.nextNoticeDeadline) expect(a.nextNoticeDeadline.date >= op).toBe(true);
        }), { numRuns: 150 });
    }, 120_000);
});
