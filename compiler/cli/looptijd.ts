/**
 * `contractspraak looptijd <file> [--format text|json]`: the timeline of an agreement (termijnen.md R1.12–R1.15):
 * its periods and how each ends, the notice deadline of each renewal, the uiterste einde, extra extensions, the
 * opzegging rules with the latest receipt to end at each period end, the termijnen that count from the looptijd,
 * every date with its derivation, and the findings of the termijn checks on the document. Exit 0, or 1 when a
 * finding is an error; usage problems throw UsageError, which main.ts prints as one line (exit 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { CalendarJson, StepJson, TermijnResult } from '../../language/calendar/index.js';
import { formatDate, parseIsoDate, stepToJson } from '../../language/calendar/index.js';
import type { Code } from '../../language/diagnostics.js';
import type { Document } from '../../language/generated/ast.js';
import type { Timeline } from '../../language/termijnen/index.js';
import { proseText } from '../../language/prose.js';
import {
    citationOf, documentCalendar, endingText, looptijdTimeline, measureText, periodName, termijnSentence
} from '../../language/termijnen/index.js';
import { UsageError, loadWorkspace } from '../workspace.js';

export type LooptijdFormat = 'text' | 'json';
export const LOOPTIJD_FORMATS: readonly LooptijdFormat[] = ['text', 'json'];

export interface LooptijdCliOptions {
    format?: string;
    root?: string;
}

/** The codes of the termijn and looptijd checks (checks/termijn-checks.ts). */
export const LOOPTIJD_CODES: readonly Code[] = [
    'termijn-unit-ambiguous', 'termijn-trigger-missing', 'termijn-conflict', 'looptijd-dates-contradict', 'signature-before-text',
    'verlenging-past-uiterste', 'notice-impossible', 'payment-term-too-long', 'calendar-year-uncovered', 'calendar-invalid'
];

interface Place {
    file: string;
    line: number;
    column: number;
}

interface DatedJson {
    datum: string;
    adviesDatum?: string;
    afleiding: StepJson[];
    waarschuwingen: string[];
}

export interface LooptijdReport {
    document: string;
    soort: string;
    naam: string;
    titel: string;
    kalender: CalendarJson;
    looptijd: null | {
        plaats?: string;
        ingang?: string;
        probleem?: string;
        perioden: Array<{
            nummer: number; naam: string; begin: string; einde?: string; afloop: string; omschrijving: string;
            opzeggenUiterlijk?: DatedJson; naUitersteEinde: boolean; afleiding: StepJson[];
        }>;
        eindeNaLaatsteVerlenging?: string;
        uitersteEinde?: string;
        onbeperkt: boolean;
        verlenging?: { wijze: string; aantal?: number; duur?: string; door?: string; tenzijOpzegtDoor?: string; opzegtermijn?: string; plaats?: string };
        extraVerlengingen: Array<{ plaats?: string; wijze: string; aantal?: number; duur?: string; door?: string; van: string; totUiterlijk: string; naUitersteEinde: boolean; afleiding: StepJson[] }>;
        opzeggingen: Array<{
            door?: string; opzegtermijn: string; vorm?: string; plaats?: string;
            perEindeVanPeriode: Array<{ periode: number; einde: string } & DatedJson>;
            bijOpzeggingOpIngang?: DatedJson;
        }>;
        termijnen: Array<{ naam: string; plaats?: string; omschrijving: string; maat: string; data: Array<{ periode: number; vanaf: string } & DatedJson> }>;
    };
    bevindingen: Array<Place & { severity: string; code: string; message: string }>;
}

function dated(r: TermijnResult): DatedJson {
    return {
        datum: r.date.toString(), ...(r.advisoryDate ? { adviesDatum: r.advisoryDate.toString() } : {}),
        afleiding: r.steps.map(stepToJson), waarschuwingen: r.warnings.map(w => w.message)
    };
}

function relative(doc: LangiumDocument): string {
    const fsPath = doc.uri.fsPath;
    return path.relative(process.cwd(), fsPath) || fsPath;
}

/** The report as data; the JSON format prints exactly this. */
export function buildLooptijdReport(doc: LangiumDocument): LooptijdReport {
    const root = doc.parseResult.value as Document;
    const t = looptijdTimeline(root);
    const file = relative(doc);
    const calendar = documentCalendar(root).calendar;
    return {
        document: file, soort: root.soort, naam: root.name, titel: proseText(root.titel).replace(/\s+/g, ' ').trim(),
        kalender: { id: calendar.id, versie: calendar.version, omschrijving: calendar.description },
        looptijd: t ? looptijdJson(t) : null,
        bevindingen: (doc.diagnostics ?? [])
            .filter(d => (LOOPTIJD_CODES as readonly string[]).includes(String(d.code)))
            .map(d => ({
                file, line: d.range.start.line + 1, column: d.range.start.character + 1,
                severity: ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1],
                code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value
            }))
            .sort((a, b) => a.line - b.line || a.column - b.column)
    };
}

function looptijdJson(t: Timeline): NonNullable<LooptijdReport['looptijd']> {
    const m = t.model;
    const v = m.verlenging;
    const block = m.blocks[0];
    return {
        ...(block && citationOf(block) ? { plaats: citationOf(block) } : {}),
        ...(t.start ? { ingang: t.start.toString() } : {}),
        ...(t.problem ? { probleem: t.problem } : {}),
        perioden: t.periods.map(p => ({
            nummer: p.index + 1, naam: periodName(p.index), begin: p.start.toString(), ...(p.end ? { einde: p.end.toString() } : {}),
            afloop: t.option && p.ending === 'renews-unless-notice' ? 'optie' : p.ending, omschrijving: endingText(t, p),
            ...(p.noticeDeadline ? { opzeggenUiterlijk: dated(p.noticeDeadline) } : {}),
            naUitersteEinde: p.pastLatestEnd, afleiding: p.steps.map(stepToJson)
        })),
        ...(t.finalEnd ? { eindeNaLaatsteVerlenging: t.finalEnd.toString() } : {}),
        ...(t.latestEnd ? { uitersteEinde: t.latestEnd.toString() } : {}),
        onbeperkt: t.result?.unlimited ?? false,
        ...(v ? {
            verlenging: {
                wijze: v.kind, ...(v.count !== undefined ? { aantal: v.count } : {}), ...(v.length ? { duur: `${v.length.amount} ${v.length.unit}` } : {}),
                ...(v.party ? { door: v.party } : {}), ...(v.noticeBy ? { tenzijOpzegtDoor: v.noticeBy } : {}),
                ...(v.notice ? { opzegtermijn: `${v.notice.amount} ${v.notice.unit}` } : {}), ...(v.citation ? { plaats: v.citation } : {})
            }
        } : {}),
        extraVerlengingen: t.extra.map(x => ({
            ...(x.verlenging.citation ? { plaats: x.verlenging.citation } : {}), wijze: x.verlenging.kind,
            ...(x.verlenging.count !== undefined ? { aantal: x.verlenging.count } : {}),
            ...(x.verlenging.length ? { duur: `${x.verlenging.length.amount} ${x.verlenging.length.unit}` } : {}),
            ...(x.verlenging.party ? { door: x.verlenging.party } : {}),
            van: x.from.toString(), totUiterlijk: x.end.toString(), naUitersteEinde: x.pastLatestEnd, afleiding: x.steps.map(stepToJson)
        })),
        opzeggingen: t.notices.map(n => ({
            ...(n.opzegging.party ? { door: n.opzegging.party } : {}),
            opzegtermijn: `${n.opzegging.bound ? `${n.opzegging.bound} ` : ''}${n.opzegging.amount} ${n.opzegging.unit}`,
            ...(n.opzegging.form ? { vorm: n.opzegging.form } : {}), ...(n.opzegging.citation ? { plaats: n.opzegging.citation } : {}),
            perEindeVanPeriode: n.deadlines.map(d => ({ periode: d.period + 1, einde: d.end.toString(), ...dated(d.result) })),
            ...(n.fromStart ? { bijOpzeggingOpIngang: dated(n.fromStart) } : {})
        })),
        termijnen: t.anchored.map(a => ({
            naam: a.termijn.name, ...(a.termijn.citation ? { plaats: a.termijn.citation } : {}), omschrijving: termijnSentence(a.termijn),
            maat: measureText(a.termijn),
            data: a.dates.map(d => ({ periode: d.period + 1, vanaf: d.anchor.toString(), ...dated(d.result) }))
        }))
    };
}

// ---------------------------------------------------------------- text

const at = (plaats: string | undefined) => plaats ? ` (${plaats})` : '';

function date(iso: string): string {
    return formatDate(parseIsoDate(iso)!);
}

function steps(list: readonly StepJson[], indent: string): string[] {
    return list.map((s, i) => `${indent}${i + 1}. ${s.tekst}${s.regels.length ? ` [${s.regels.join(', ')}]` : ''}`);
}

function datedText(d: DatedJson): string {
    return `${date(d.datum)}${d.adviesDatum ? ` (advies: ${date(d.adviesDatum)})` : ''}`;
}

export function formatLooptijdText(report: LooptijdReport): string {
    const out: string[] = [];
    out.push(`Looptijd van ${report.soort} ${report.naam} — ${report.titel} (${report.document})`);
    out.push(`Kalender: ${report.kalender.id}${report.kalender.versie ? `, versie ${report.kalender.versie}` : ''}`);
    const l = report.looptijd;
    if (!l) {
        out.push('', 'Dit document heeft geen looptijd.');
        return out.join('\n') + '\n';
    }
    if (l.probleem) out.push('', `De looptijd is niet te berekenen: ${l.probleem}`);
    if (l.perioden.length) {
        out.push('', 'Perioden:');
        for (const p of l.perioden) {
            out.push(`  ${p.nummer}. ${p.naam}: ${date(p.begin)} t/m ${p.einde ? date(p.einde) : '(onbepaalde tijd)'} — ${p.omschrijving}${p.naUitersteEinde ? ' — NA DE UITERSTE EINDDATUM' : ''}`);
            out.push(...steps(p.afleiding, '       '));
            if (p.opzeggenUiterlijk) {
                out.push(`     opzeggen om verlenging te voorkomen: uiterlijk ${datedText(p.opzeggenUiterlijk)}`);
                out.push(...steps(p.opzeggenUiterlijk.afleiding, '       '));
            }
        }
    }
    if (l.uitersteEinde) {
        const same = l.eindeNaLaatsteVerlenging === l.uitersteEinde;
        out.push('', `Uiterste einde: ${date(l.uitersteEinde)}${same ? ' (= einde van de laatste periode)' : l.eindeNaLaatsteVerlenging ? ` (de laatste periode eindigt ${date(l.eindeNaLaatsteVerlenging)})` : ''}`);
    } else if (l.eindeNaLaatsteVerlenging) {
        out.push('', `${l.verlenging ? 'Einde na de laatste verlenging' : 'Einde'}: ${date(l.eindeNaLaatsteVerlenging)}`);
    } else if (l.onbeperkt) {
        out.push('', 'De verlenging is onbeperkt; alleen de eerste perioden zijn getoond.');
    }
    if (l.extraVerlengingen.length) {
        out.push('', 'Extra verlengingen:');
        for (const x of l.extraVerlengingen) {
            out.push(`  ${x.wijze}${x.aantal !== undefined ? ` ${x.aantal} x` : ''} ${x.duur ?? ''}${x.door ? ` door ${x.door}` : ''}${at(x.plaats)}: vanaf ${date(x.van)} tot uiterlijk ${date(x.totUiterlijk)}${x.naUitersteEinde ? ' — NA DE UITERSTE EINDDATUM' : ''}`);
            out.push(...steps(x.afleiding, '     '));
        }
    }
    if (l.opzeggingen.length) {
        out.push('', 'Opzegging:');
        for (const o of l.opzeggingen) {
            out.push(`  ${o.door ? `door ${o.door}, ` : ''}opzegtermijn ${o.opzegtermijn}${o.vorm ? `, vorm "${o.vorm}"` : ''}${at(o.plaats)}`);
            for (const d of o.perEindeVanPeriode) {
                out.push(`    om te eindigen op ${date(d.einde)}: uiterlijk ontvangen op ${datedText(d)}`);
            }
            if (o.perEindeVanPeriode.length) out.push(...steps(o.perEindeVanPeriode[0].afleiding, '      '));
            if (o.bijOpzeggingOpIngang) {
                out.push(`    ontvangen op de ingangsdatum: de overeenkomst eindigt op ${datedText(o.bijOpzeggingOpIngang)}`);
                out.push(...steps(o.bijOpzeggingOpIngang.afleiding, '      '));
            }
        }
    }
    if (l.termijnen.length) {
        out.push('', 'Termijnen vanaf de looptijd:');
        for (const t of l.termijnen) {
            out.push(`  ${t.naam}${at(t.plaats)}: ${t.omschrijving}`);
            for (const d of t.data) out.push(`    vanaf ${date(d.vanaf)}: uiterlijk ${datedText(d)}`);
            if (t.data.length) out.push(...steps(t.data[0].afleiding, '      '));
        }
    }
    out.push('', 'Bevindingen:');
    if (!report.bevindingen.length) out.push('  (geen)');
    for (const f of report.bevindingen) out.push(`  ${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
    return out.join('\n') + '\n';
}

export async function looptijdReport(file: string, options: LooptijdCliOptions): Promise<{ output: string; exitCode: number }> {
    const format = (options.format ?? 'text').toLowerCase();
    if (!(LOOPTIJD_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`Onbekend formaat '${options.format}'; kies uit ${LOOPTIJD_FORMATS.join(', ')}.`);
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
        throw new UsageError(`${file}: is een map; geef één .ovk-bestand op.`);
    }
    const ws = await loadWorkspace([file], { root: options.root });
    const report = buildLooptijdReport(ws.requested[0]);
    const output = format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatLooptijdText(report);
    return { output, exitCode: report.bevindingen.some(f => f.severity === 'error') ? 1 : 0 };
}

/** Entry point of the subcommand: writes the report to stdout and returns the exit code. */
export async function runLooptijd(file: string, options: LooptijdCliOptions): Promise<number> {
    const { output, exitCode } = await looptijdReport(file, options);
    process.stdout.write(output);
    return exitCode;
}

