/**
 * `contractspraak rangorde <file> [--format text|json]`: the resolved precedence of the document set seen from
 * one document (termijnen.md §5) — its levels, which clause decided each step, and every conflict between
 * provisions with winner, loser and the R5.3 step that decided. Exit 0, or 1 when the set has rangorde errors;
 * usage problems throw UsageError, which main.ts prints as one line (exit 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { Catalogue } from '../../language/diagnostics.js';
import type { ExtractedAnalysis, SourceLocation } from '../../language/rangorde/extract.js';
import { rangordeAnalyzer } from '../../language/rangorde/extract.js';
import type { EdgeSource } from '../../language/rangorde/order.js';
import { describeSource } from '../../language/rangorde/order.js';
import type { SlotResolution, Step } from '../../language/rangorde/resolve.js';
import { STEP_NAMES, statuteId } from '../../language/rangorde/resolve.js';
import { UsageError, loadWorkspace } from '../workspace.js';

export type RangordeFormat = 'text' | 'json';
export const RANGORDE_FORMATS: readonly RangordeFormat[] = ['text', 'json'];

export interface RangordeCliOptions {
    format?: string;
    root?: string;
}

interface Place {
    file: string;
    line: number;
    column: number;
}

interface ClauseJson extends Partial<Place> {
    origin: EdgeSource['origin'];
    document: string;
    where?: string;
    description: string;
}

interface ProvisionJson extends Partial<Place> {
    document: string;
    label: string;
    where?: string;
    value: string;
}

export interface RangordeReport {
    document: string;
    documents: Array<{ id: string; kind: string; label: string; rank: number | null; datum: string | null } & Partial<Place>>;
    levels: string[][];
    unplaced: string[];
    edges: Array<{ higher: string; lower: string; decidedBy: ClauseJson[] }>;
    equal: Array<{ a: string; b: string; decidedBy: ClauseJson[] }>;
    rejected: string[];
    battleOfForms: boolean;
    conflicts: Array<{
        slot: string;
        kind: string;
        name: string;
        status: SlotResolution['status'];
        winner: ProvisionJson | null;
        losing: Array<ProvisionJson & { step: Step; rule: string; reason: string }>;
        unresolved: Array<{ a: ProvisionJson; b: ProvisionJson; rule: string; reason: string; hint: string | null }>;
    }>;
    findings: Array<Place & { severity: string; code: string; message: string }>;
}

function place(loc: SourceLocation | undefined): Partial<Place> {
    if (!loc) return {};
    const fsPath = URI.parse(loc.uri).fsPath;
    return { file: path.relative(process.cwd(), fsPath) || fsPath, line: loc.range.start.line + 1, column: loc.range.start.character + 1 };
}

const at = (p: Partial<Place>) => p.file ? ` (${p.file}:${p.line}:${p.column})` : '';

/** The report as data; the JSON format prints exactly this. */
export function buildReport(result: ExtractedAnalysis): RangordeReport {
    const { set, analysis, top } = result;
    const table = analysis.table;
    const loc = (id: string) => set.locations.get(id);
    const clause = (s: EdgeSource): ClauseJson => ({
        origin: s.origin, document: s.document, where: s.where, description: describeSource(table, s),
        ...place(loc(s.chain ?? s.clause) ?? (s.origin === 'standaard' ? loc(s.document) : undefined))
    });
    const provision = (id: string): ProvisionJson => {
        const p = analysis.resolver.provision(id);
        if (!p) return { document: 'wet', label: 'dwingend recht', value: '' };
        return { document: p.document, label: table.label(p.document), where: p.where, value: p.display, ...place(loc(p.id)) };
    };
    const statute = (slot: SlotResolution): ProvisionJson | null => {
        const s = set.input.statutes?.find(x => x.slot === slot.slot);
        return s ? { document: 'wet', label: s.source, value: s.display } : null;
    };
    const fsTop = top.uri.fsPath;
    const rank = (id: string) => table.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
    return {
        document: path.relative(process.cwd(), fsTop) || fsTop,
        documents: analysis.documents.map(d => ({
            id: d.id, kind: d.kind, label: d.label, rank: d.rank ?? null, datum: d.datum ?? null, ...place(loc(d.id))
        })),
        levels: analysis.levels,
        unplaced: analysis.unplaced,
        edges: [...analysis.edges]
            .sort((x, y) => rank(x.higher) - rank(y.higher) || rank(x.lower) - rank(y.lower) || x.higher.localeCompare(y.higher) || x.lower.localeCompare(y.lower))
            .map(e => ({ higher: e.higher, lower: e.lower, decidedBy: e.sources.map(clause) })),
        equal: analysis.order.equalities()
            .filter(e => e.sources.some(s => s.strength === 'explicit'))
            .map(e => ({ a: e.a, b: e.b, decidedBy: e.sources.filter(s => s.strength === 'explicit').map(clause) })),
        rejected: analysis.rejected,
        battleOfForms: analysis.battleOfForms,
        conflicts: analysis.slots.filter(s => s.status === 'opgelost' || s.status === 'onopgelost').map(s => ({
            slot: s.slot, kind: s.kind, name: s.name, status: s.status,
            winner: s.provenance ? (s.provenance.winner === statuteId(s.slot) ? statute(s) : provision(s.provenance.winner)) : null,
            losing: s.decisions.map(d => ({ ...provision(d.loser), step: d.step, rule: `R5.3 stap ${d.step}`, reason: d.reason })),
            unresolved: s.undecided.map(u => ({ a: provision(u.a), b: provision(u.b), rule: 'R5.3 stap 5', reason: u.reason, hint: u.hint ?? null }))
        })),
        findings: analysis.findings.map(f => {
            const p = place(loc(f.at));
            return { file: p.file ?? '', line: p.line ?? 0, column: p.column ?? 0, severity: Catalogue[f.code].severity, code: f.code, message: f.message };
        }).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
    };
}

export function formatText(report: RangordeReport): string {
    const label = (id: string) => report.documents.find(d => d.id === id)?.label ?? id;
    const out: string[] = [];
    const top = report.documents.find(d => d.file === report.document);
    out.push(`Rangorde van ${top?.label ?? report.document} (${report.document})`, '');
    out.push('Volgorde, hoogste eerst:');
    if (!report.levels.length) out.push('  (geen: geen enkel document is geplaatst)');
    report.levels.forEach((level, i) => out.push(`  ${i + 1}. ${level.map(label).join(', ')}`));
    if (report.unplaced.length) out.push(`  Niet geplaatst: ${report.unplaced.map(label).join(', ')}`);
    if (report.rejected.length) out.push(`  Verworpen (R5.4): ${report.rejected.map(label).join(', ')}`);
    out.push('', 'Wie gaat voor op wie, en welke bepaling dat beslist:');
    if (!report.edges.length && !report.equal.length) out.push('  (niets)');
    for (const e of report.edges) {
        out.push(`  ${label(e.higher)} > ${label(e.lower)}: ${e.decidedBy.map(c => `${c.description}${at(c)}`).join('; ')}`);
    }
    for (const e of report.equal) {
        out.push(`  ${label(e.a)} = ${label(e.b)}: ${e.decidedBy.map(c => `${c.description}${at(c)}`).join('; ')}`);
    }
    out.push('', 'Strijdige bepalingen (R5.3):');
    if (!report.conflicts.length) out.push('  (geen)');
    for (const c of report.conflicts) {
        const title = c.kind === 'looptijd' ? `looptijd van ${label(c.name)}` : `${c.kind} '${c.name}'`;
        out.push(`  ${title}: ${c.status}`);
        if (c.winner) out.push(`    geldt:  ${c.winner.value} — ${c.winner.label}${c.winner.where ? `, ${c.winner.where}` : ''}${at(c.winner)}`);
        for (const l of c.losing) {
            out.push(`    wijkt:  ${l.value} — ${l.label}${l.where ? `, ${l.where}` : ''}${at(l)}`);
            out.push(`            ${l.rule} (${STEP_NAMES[l.step]}): ${l.reason}`);
        }
        for (const u of c.unresolved) {
            out.push(`    lezing: ${u.a.value} — ${u.a.label}${u.a.where ? `, ${u.a.where}` : ''}${at(u.a)}`);
            out.push(`    lezing: ${u.b.value} — ${u.b.label}${u.b.where ? `, ${u.b.where}` : ''}${at(u.b)}`);
            out.push(`            ${u.rule} (${STEP_NAMES[5]}): ${u.reason}`);
            if (u.hint) out.push(`            let op: ${u.hint}`);
        }
    }
    out.push('', 'Bevindingen:');
    if (!report.findings.length) out.push('  (geen)');
    for (const f of report.findings) out.push(`  ${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
    return out.join('\n') + '\n';
}

/** Validates the arguments, loads the set and returns the report; throws UsageError with a one-line Dutch message. */
export async function rangordeReport(file: string, options: RangordeCliOptions): Promise<{ output: string; exitCode: number }> {
    const format = (options.format ?? 'text').toLowerCase();
    if (!(RANGORDE_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`Onbekend formaat '${options.format}'; kies uit ${RANGORDE_FORMATS.join(', ')}.`);
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
        throw new UsageError(`${file}: is een map; geef één .ovk-bestand op (de documentset wordt vanuit dat document bepaald).`);
    }
    const ws = await loadWorkspace([file], { root: options.root });
    const doc = ws.requested[0];
    const report = buildReport(rangordeAnalyzer(ws.services).analysisOf(doc));
    const output = format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatText(report);
    const errors = report.findings.some(f => f.severity === 'error');
    return { output, exitCode: errors ? 1 : 0 };
}

/** Entry point of the subcommand: writes the report to stdout and returns the exit code. */
export async function runRangorde(file: string, options: RangordeCliOptions): Promise<number> {
    const { output, exitCode } = await rangordeReport(file, options);
    process.stdout.write(output);
    return exitCode;
}
