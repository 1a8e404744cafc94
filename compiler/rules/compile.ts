/**
 * From a linked document set to the rule JSON (DESIGN.md §6, schema/rules.schema.json). The meaning comes from
 * the language's own models — termijnen and looptijd (language/termijnen), the rangorde analysis with its
 * provenance (language/rangorde), numbers and element ids (language/model/structure.ts and the set layout) — so
 * the rules say what the editor and the checks say. The output depends only on the sources: documents in a
 * fixed order, clauses in source order, paths relative to the entry document, no dates of today.
 */
import * as path from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, URI } from 'langium';
import type { WorkdayCalendar } from '../../language/calendar/index.js';
import { getCalendar } from '../../language/calendar/index.js';
import type { ContractspraakServices } from '../../language/contractspraak-module.js';
import type {
    Actor, Artikel, Bijlage, Boete, Document, Gebeurtenis, KalenderKeuze, Lid, Looptijd, Tarief, Termijn, Verlenging
} from '../../language/generated/ast.js';
import {
    isBijlage, isBijlageRef, isBoete, isDocumentVerwijzing, isGebeurtenis, isGroep, isLid,
    isLooptijd, isPartij, isProse, isRol, isStatus, isTarief, isTermijn, isVerlenging
} from '../../language/generated/ast.js';
import { proseText } from '../../language/prose.js';
import type { ExtractedSet } from '../../language/rangorde/extract.js';
import { extractSet, normaliseAmount, rangordeAnalyzer, sideOf } from '../../language/rangorde/extract.js';
import type { MemberRef } from '../../language/rangorde/model.js';
import type { EdgeSource } from '../../language/rangorde/order.js';
import { describeSource } from '../../language/rangorde/order.js';
import type { RangordeAnalysis } from '../../language/rangorde/analyse.js';
import { analyseRangorde } from '../../language/rangorde/analyse.js';
import { statuteId } from '../../language/rangorde/resolve.js';
import type { TermijnModel } from '../../language/termijnen/model.js';
import {
    documentCalendar, durationOf, eventLabel, holderOf, looptijdModel, monthNumber, termijnModel, termijnSpec, triggerKindOf
} from '../../language/termijnen/model.js';
import { looptijdTimeline } from '../../language/termijnen/timeline.js';
import { OPTIONAL_ACT, isDiscretionary, readConsequence } from './consequences.js';
import type {
    BoeteRule, CalendarInfo, CalendarUse, Clause, Consequence, Diagnostic, DocumentInfo, DocumentKind, EventInfo,
    Extension, IndexatieRule, LooptijdRule, OpzeggingRule, PartyInfo, RangordeRule, Rule, RuleSet, Source, TariefRule,
    TermijnRule, Trigger
} from './model.js';
import { RULES_SCHEMA_ID, RULES_SCHEMA_VERSION } from './model.js';
import { SourceMapper } from './source.js';

export interface CompileOptions {
    /** The generator version written into the JSON. */
    version: string;
    /** Write the set's errors into the JSON (`--force`). */
    includeErrors?: boolean;
}

export interface CompileResult {
    ruleSet: RuleSet;
    /** The errors of the set, relative to the entry's folder; compile refuses to emit rules while there are any. */
    errors: Diagnostic[];
}

/** The documents of the set seen from `entry`: itself first, then the others by file. */
export function setDocuments(services: ContractspraakServices, entry: LangiumDocument): LangiumDocument[] {
    const all = services.shared.workspace.LangiumDocuments;
    const folder = path.dirname(entry.uri.fsPath);
    const others = [...services.references.DocumentSets.visibleFrom(entry)]
        .map(uri => all.getDocument(URI.parse(uri)))
        .filter((d): d is LangiumDocument => d !== undefined)
        .sort((a, b) => compare(path.relative(folder, a.uri.fsPath), path.relative(folder, b.uri.fsPath)));
    return [entry, ...others];
}

/** Errors of the set, as `file:line:column code message` relative to the entry's folder. */
export function setErrors(documents: readonly LangiumDocument[], folder: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const doc of documents) {
        for (const d of doc.diagnostics ?? []) {
            if ((d.severity ?? 1) !== 1) continue;
            out.push({
                file: path.relative(folder, doc.uri.fsPath).split(path.sep).join('/'),
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                code: String(d.code ?? (d.data as { code?: string } | undefined)?.code ?? 'unknown'),
                message: typeof d.message === 'string' ? d.message : String(d.message)
            });
        }
    }
    return out.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message));
}

export function compileRules(services: ContractspraakServices, entry: LangiumDocument, options: CompileOptions): CompileResult {
    const documents = setDocuments(services, entry);
    const folder = path.dirname(entry.uri.fsPath);
    const { set, analysis } = rangorde(services, entry, documents);
    const compiler = new RuleCompiler(documents, folder, set, analysis);
    const errors = setErrors(documents, folder);
    const ruleSet = compiler.run(entry, options.version);
    if (!options.includeErrors || !errors.length) return { ruleSet, errors };
    // Forced rules say so at the top, right after who made them, where a reader (or a program) looks first.
    const { $schema, schemaVersion, generator, ...rest } = ruleSet;
    return { ruleSet: { $schema, schemaVersion, generator, errors, ...rest }, errors };
}

/**
 * The rangorde analysis of the set. A file that does not parse can leave a clause the analysis cannot read; with
 * --force the rules are then compiled without the rangorde rather than not at all.
 */
function rangorde(services: ContractspraakServices, entry: LangiumDocument, documents: readonly LangiumDocument[]): { set: ExtractedSet; analysis: RangordeAnalysis } {
    try {
        return rangordeAnalyzer(services).analysisOf(entry);
    } catch (e) {
        if (!documents.some(d => d.parseResult.parserErrors.length || d.parseResult.lexerErrors.length)) throw e;
        const set = extractSet([]);
        return { set, analysis: analyseRangorde(set.input) };
    }
}

/** Locale-independent string order, so the output does not depend on the machine. */
function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function text(prose: Parameters<typeof proseText>[0]): string | undefined {
    const t = proseText(prose).replace(/\s+/g, ' ').trim();
    return t || undefined;
}

const DOCUMENT_KINDS: ReadonlySet<string> = new Set<DocumentKind>([
    'ontwikkelovereenkomst', 'samenwerkingsovereenkomst', 'basisovereenkomst', 'raamovereenkomst', 'deelovereenkomst',
    'resultaatovereenkomst', 'dienstverleningsovereenkomst', 'addendum', 'bijlage', 'voorwaarden', 'protocol',
    'verwerkersovereenkomst', 'overeenkomst', 'document'
]);

class RuleCompiler {
    protected readonly mapper: SourceMapper;
    /** Rule id of every clause node; all looptijd blocks and loose verlengingen of a document map to one rule. */
    protected readonly ruleIds = new Map<AstNode, string>();
    protected readonly usedIds = new Set<string>();
    protected readonly calendars = new Map<string, CalendarInfo>();
    /** Boete rules by name, for consequences that name one. */
    protected readonly boeteIds = new Map<string, string>();
    protected readonly rules: Rule[] = [];

    constructor(
        readonly documents: readonly LangiumDocument[],
        readonly folder: string,
        readonly set: ExtractedSet,
        readonly analysis: RangordeAnalysis
    ) {
        this.mapper = new SourceMapper(documents, folder, set.ids);
    }

    run(entry: LangiumDocument, version: string): RuleSet {
        const roots = this.documents.map(d => d.parseResult.value as Document).filter(r => r?.name);
        const nodes = new Map<Document, AstNode[]>(roots.map(r => [r, clauses(r)]));
        // With --force a file may not parse: a clause the parser left half-built is skipped, the errors say why.
        for (const [root, list] of nodes) if (broken(root)) nodes.set(root, list.filter(complete));
        // Ids first, so rules can point at each other whatever their order.
        for (const root of roots) this.assignIds(root, nodes.get(root)!);
        const rangorde = this.rangorde();
        if (rangorde) this.rules.push(rangorde);
        for (const root of roots) this.compileDocument(root, nodes.get(root)!);
        this.markSuperseded();
        this.linkIndexations();
        const entryRoot = entry.parseResult.value as Document;
        return {
            $schema: RULES_SCHEMA_ID,
            schemaVersion: RULES_SCHEMA_VERSION,
            generator: { name: 'contractspraak', version },
            entry: this.set.ids.get(entryRoot) ?? entryRoot.name,
            documents: this.documentInfos(),
            calendars: [...this.calendars.values()],
            parties: this.parties(roots),
            events: roots.flatMap(r => nodes.get(r)!.filter(isGebeurtenis).map(e => this.event(e))),
            rules: this.rules
        };
    }

    // ---------------------------------------------------------------- ids

    protected newId(base: string): string {
        let id = base;
        for (let n = 2; this.usedIds.has(id); n++) id = `${base}~${n}`;
        this.usedIds.add(id);
        return id;
    }

    protected assignIds(root: Document, nodes: AstNode[]): void {
        let looptijdId: string | undefined;
        for (const node of nodes) {
            const doc = this.mapper.documentId(node);
            if (isTermijn(node)) {
                const kind = isIndexation(termijnModel(node)) ? 'indexatie' : 'termijn';
                this.ruleIds.set(node, this.newId(`${doc}/${kind}/${node.name}`));
            } else if (isTarief(node)) {
                this.ruleIds.set(node, this.newId(`${doc}/tarief/${node.name}`));
            } else if (isBoete(node)) {
                const id = this.newId(`${doc}/boete/${node.name}`);
                this.ruleIds.set(node, id);
                if (!this.boeteIds.has(node.name)) this.boeteIds.set(node.name, id);
            } else if (isLooptijd(node) || (isVerlenging(node) && !isLooptijd(node.$container))) {
                looptijdId ??= this.newId(`${this.set.ids.get(root) ?? root.name}/looptijd`);
                this.ruleIds.set(node, looptijdId);
            }
        }
    }

    // ---------------------------------------------------------------- per document

    protected compileDocument(root: Document, nodes: AstNode[]): void {
        let looptijdDone = false;
        for (const node of nodes) {
            if (isTermijn(node)) {
                this.rules.push(isIndexation(termijnModel(node)) ? this.indexatie(node) : this.termijn(node, root));
            } else if (isTarief(node)) {
                this.rules.push(this.tarief(node));
            } else if (isBoete(node)) {
                this.rules.push(this.boete(node));
            } else if (!looptijdDone && (isLooptijd(node) || isVerlenging(node) && !isLooptijd(node.$container))) {
                looptijdDone = true;
                this.rules.push(...this.looptijd(root, node));
            }
        }
    }

    protected calendarUse(root: Document): CalendarUse {
        const choice = documentCalendar(root);
        const calendar = choice.calendar;
        if (!this.calendars.has(calendar.id)) this.calendars.set(calendar.id, calendarInfo(calendar, choice.node));
        return { id: calendar.id, version: calendar.version };
    }

    protected termijn(node: Termijn, root: Document): TermijnRule {
        const model = termijnModel(node);
        const calendar = this.calendarUse(root);
        const spec = termijnSpec(model, documentCalendar(root).calendar);
        const m = model.measure;
        const consequences = model.consequence ? [this.consequence(model.consequence)] : [];
        // Counting back from the einde, the act that exercises an optie is the holder's choice: written next to the
        // optie, or by the party the looptijd gives the optie to (`verlenging optie … door Gemeente`).
        const optionNotice = m?.trigger?.kind === 'looptijd'
            && (siblings(node).some(n => isVerlenging(n) && n.wijze === 'optie') || optionHeldBy(root, model.drager));
        const rule: TermijnRule = {
            id: this.ruleIds.get(node)!,
            kind: 'termijn',
            name: model.name,
            source: this.mapper.source(node),
            norm: optionNotice || consequences.some(c => OPTIONAL_ACT.has(c.kind)) ? 'power' : 'obligation',
            ...(model.drager ? { bearer: model.drager } : {}),
            ...(model.side ? { bearerSide: model.side } : {}),
            ...(model.handeling ? { action: model.handeling } : {}),
            statutory: model.statutory,
            ...(model.qualitative ? { qualitative: model.qualitative } : {}),
            ...(m ? {
                deadline: {
                    amount: m.amount, unit: m.unit, unitWritten: m.written,
                    ...(m.bound ? { bound: m.bound } : {}),
                    direction: m.direction ?? 'na',
                    ...(spec?.start ? { start: { ...spec.start } } : {})
                }
            } : {}),
            ...(m?.trigger ? { trigger: this.trigger(m.trigger, root) } : {}),
            ...(model.recurrence ? { recurrence: recurrenceOf(model) } : {}),
            calendar,
            reference: spec?.reference ?? (model.citation ? `termijn ${model.name}, ${model.citation}` : `termijn ${model.name}`),
            consequences
        };
        return rule;
    }

    protected trigger(t: NonNullable<TermijnModel['measure']>['trigger'] & object, root: Document): Trigger {
        switch (t.kind) {
            case 'gebeurtenis':
                return {
                    kind: 'event', event: t.name,
                    ...(t.subject ? { subject: t.subject } : {}),
                    ...(t.core.kind ? { triggerKind: t.core.kind } : {}),
                    ...(t.core.label ? { label: t.core.label } : {})
                };
            case 'looptijd': {
                const looptijd = this.looptijdIdOf(root);
                return { kind: 'looptijd', edge: t.edge, ...(looptijd ? { looptijd } : {}) };
            }
            case 'afloop': {
                const rule = t.termijn ? this.ruleIds.get(t.termijn) : undefined;
                return { kind: 'termijn', name: t.name, ...(rule ? { rule } : {}) };
            }
        }
    }

    protected looptijdIdOf(root: Document): string | undefined {
        for (const [node, id] of this.ruleIds) {
            if ((isLooptijd(node) || isVerlenging(node)) && AstUtils.findRootNode(node) === root) return id;
        }
        return undefined;
    }

    protected consequence(written: string): Consequence {
        const reading = readConsequence(written);
        const named = [...this.boeteIds.keys()].find(name => namesWord(written, name));
        if (named) return { kind: 'penalty', text: written, automatic: reading.kind === 'penalty' ? reading.automatic : false, boete: this.boeteIds.get(named)! };
        return { kind: reading.kind, text: written, automatic: reading.automatic };
    }

    protected indexatie(node: Termijn): IndexatieRule {
        const model = termijnModel(node);
        return {
            id: this.ruleIds.get(node)!,
            kind: 'indexatie',
            name: model.name,
            source: this.mapper.source(node),
            ...(model.drager ? { bearer: model.drager } : {}),
            ...(model.handeling ? { action: model.handeling } : {}),
            schedule: recurrenceOf(model),
            tarieven: []
        };
    }

    protected tarief(node: Tarief): TariefRule {
        const vat = node.btw ? /inclusief/.test(node.btw) ? 'inclusief' : /exclusief/.test(node.btw) ? 'exclusief' : 'vrij' : undefined;
        const product = text(node.product);
        return {
            id: this.ruleIds.get(node)!,
            kind: 'tarief',
            name: node.name,
            source: this.mapper.source(node),
            ...(product ? { product } : {}),
            amount: amountOf(node.bedrag),
            per: node.eenheid,
            ...(node.vanaf ? { validFrom: node.vanaf } : {}),
            ...(vat ? { vat } : {})
        };
    }

    protected boete(node: Boete): BoeteRule {
        const condition = text(node.voorwaarde);
        const holder = holderOf(node);
        let related = holder ? termijnenIn(holder) : [];
        if (!related.length && holder && isLid(holder)) related = termijnenIn(holder.$container);
        const id = this.ruleIds.get(node)!;
        const ids = related.map(t => this.ruleIds.get(t)!).filter(Boolean);
        // Termijnen whose `anders` names the boete (the first boete of that name, as `consequence` links them).
        if (this.boeteIds.get(node.name) === id) {
            for (const [n, ruleId] of this.ruleIds) {
                if (isTermijn(n) && n.gevolg && namesWord(proseText(n.gevolg), node.name) && !ids.includes(ruleId)) ids.push(ruleId);
            }
        }
        return {
            id,
            kind: 'boete',
            name: node.name,
            source: this.mapper.source(node),
            amount: amountOf(node.bedrag),
            per: node.eenheid,
            ...(condition ? { condition } : {}),
            discretionary: isDiscretionary(condition),
            related: ids
        };
    }

    protected looptijd(root: Document, first: Looptijd | Verlenging): Rule[] {
        const model = looptijdModel(root);
        const timeline = looptijdTimeline(root);
        if (!model || !timeline) return [];
        const id = this.ruleIds.get(first)!;
        const calendar = this.calendarUse(root);
        const firstDate = (fields: typeof model.ingangen) => fields.find(f => f.date)?.date?.toString();
        const duration = model.duren.map(durationOf).find(d => d !== undefined);
        const v = model.verlenging;
        const block = model.blocks[0];
        const provision = block ? this.set.input.provisions.find(p => p.id === this.set.ids.get(block)) : undefined;
        const extensions: Extension[] = model.extra.filter(x => x.length).map(x => {
            const view = timeline.extra.find(e => e.verlenging === x);
            const notice = siblings(x.node).find(n => isTermijn(n) && termijnModel(n).measure?.trigger?.kind === 'looptijd');
            return {
                kind: x.kind,
                ...(x.count !== undefined ? { count: x.count } : {}),
                length: { ...x.length! },
                ...(x.party ? { by: x.party } : {}),
                ...(notice ? { noticeRule: this.ruleIds.get(notice)! } : {}),
                ...(view ? { reach: { from: view.from.toString(), end: view.end.toString(), pastLatestEnd: view.pastLatestEnd } } : {}),
                source: this.mapper.source(x.node)
            };
        });
        const start = firstDate(model.ingangen), end = firstDate(model.eindes), latestEnd = firstDate(model.uitersten);
        const rule: LooptijdRule = {
            id,
            kind: 'looptijd',
            source: this.mapper.source(first),
            document: provision?.name ?? this.set.ids.get(root) ?? root.name,
            ...(start ? { start } : {}),
            ...(end ? { end } : {}),
            ...(duration ? { duration: { ...duration } } : {}),
            indefinite: !!model.onbepaald,
            ...(v?.length ? {
                renewal: {
                    kind: v.kind,
                    ...(v.count !== undefined ? { count: v.count } : {}),
                    length: { ...v.length },
                    ...(v.party ? { by: v.party } : {}),
                    ...(v.notice ? { notice: { ...(v.noticeBy ? { by: v.noticeBy } : {}), amount: v.notice.amount, unit: v.notice.unit } } : {})
                }
            } : {}),
            ...(latestEnd ? { latestEnd } : {}),
            extensions,
            periods: timeline.periods.map(p => ({
                index: p.index, start: p.start.toString(), ...(p.end ? { end: p.end.toString() } : {}),
                // An optie renews only when its holder uses it; the timeline counts it as a renewal either way.
                ending: v?.kind === 'optie' && p.ending === 'renews-unless-notice' ? 'renews-if-exercised' as const : p.ending,
                ...(p.noticeDeadline ? { noticeDeadline: p.noticeDeadline.date.toString() } : {})
            })),
            ...(timeline.finalEnd ? { finalEnd: timeline.finalEnd.toString() } : {}),
            calendar,
            ...(timeline.problem ? { problem: timeline.problem } : {})
        };
        const opzeggingen: OpzeggingRule[] = model.opzeggingen.map(o => ({
            id: this.newId(`${id}/opzegging/${o.party ?? 'partij'}`),
            kind: 'opzegging',
            source: this.mapper.source(o.node),
            looptijd: id,
            ...(o.party ? { by: o.party } : {}),
            ...(o.side ? { bySide: o.side } : {}),
            ...(o.bound ? { bound: o.bound } : {}),
            period: { amount: o.amount, unit: o.unit },
            ...(o.start ? { start: { ...o.start } } : {}),
            ...(o.form ? { form: o.form.replace(/\s+/g, ' ') } : {}),
            calendar
        }));
        return [rule, ...opzeggingen];
    }

    /** Tarieven in the bijlagen the indexation's lid refers to; all tarieven of the set when it names none. */
    protected linkIndexations(): void {
        const tarieven = this.rules.filter((r): r is TariefRule => r.kind === 'tarief');
        for (const rule of this.rules) {
            if (rule.kind !== 'indexatie') continue;
            const node = [...this.ruleIds].find(([, id]) => id === rule.id)?.[0] as Termijn;
            const holder = holderOf(node);
            const targets = new Set<string>();
            if (holder) {
                for (const ref of AstUtils.streamAllContents(holder).filter(isBijlageRef)) {
                    const bijlage = ref.target.ref;
                    const id = bijlage ? this.set.ids.get(bijlage) : undefined;
                    if (id) targets.add(id);
                }
            }
            const indexed = targets.size ? tarieven.filter(t => targets.has(t.source.document)) : tarieven;
            rule.tarieven = indexed.map(t => t.id);
            for (const t of indexed) t.indexation ??= rule.id;
        }
    }

    protected markSuperseded(): void {
        const ruleOfProvision = this.ruleOfProvision();
        for (const slot of this.analysis.slots) {
            if (slot.status !== 'opgelost' || !slot.provenance) continue;
            const winner = slot.provenance.winner === statuteId(slot.slot) ? 'wet' : ruleOfProvision.get(slot.provenance.winner) ?? slot.provenance.winner;
            for (const l of slot.provenance.losing) {
                const id = ruleOfProvision.get(l.provision);
                const rule = id ? this.rules.find(r => r.id === id) : undefined;
                if (rule && l.step !== 5) rule.superseded = { by: winner, step: l.step, reason: l.reason };
            }
        }
    }

    protected ruleOfProvision(): Map<string, string> {
        const map = new Map<string, string>();
        for (const [node, ruleId] of this.ruleIds) {
            const provision = this.set.ids.get(node);
            if (provision && !map.has(provision)) map.set(provision, ruleId);
        }
        return map;
    }

    // ---------------------------------------------------------------- rangorde

    protected rangorde(): RangordeRule | undefined {
        const { input, locations } = this.set;
        const analysis = this.analysis;
        const table = analysis.table;
        const nodeOf = (id: string) => locations.get(id)?.node;
        const sourceOf = (id: string | undefined): Source | undefined => {
            const node = id ? nodeOf(id) : undefined;
            return node ? this.mapper.source(node) : undefined;
        };
        const first = input.declarations[0]?.id ?? input.claims[0]?.id ?? input.derogations[0]?.id;
        const conflicts = analysis.slots.filter(s => s.status === 'opgelost' || s.status === 'onopgelost');
        const anchor = sourceOf(first);
        if (!anchor) return undefined;
        const ruleOfProvision = this.ruleOfProvision();
        const clause = (s: EdgeSource): Clause => {
            const source = s.origin === 'standaard' ? undefined : sourceOf(s.chain ?? s.clause);
            return { origin: s.origin, document: s.document, ...(s.where ? { where: s.where } : {}), description: describeSource(table, s), ...(source ? { source } : {}) };
        };
        const rank = (id: string) => table.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
        const member = (ref: MemberRef, by: string) => ref.kind === 'document' ? ref.id : ref.kind === 'deze' ? by : ref.kind;
        return {
            id: 'rangorde',
            kind: 'rangorde',
            source: anchor,
            levels: analysis.levels.map(l => [...l]),
            unplaced: [...analysis.unplaced],
            rejected: [...analysis.rejected],
            edges: [...analysis.edges]
                .sort((x, y) => rank(x.higher) - rank(y.higher) || rank(x.lower) - rank(y.lower) || compare(x.higher, y.higher) || compare(x.lower, y.lower))
                .map(e => ({ higher: e.higher, lower: e.lower, decidedBy: e.sources.map(clause) })),
            equal: analysis.order.equalities()
                .filter(e => e.sources.some(s => s.strength === 'explicit'))
                .map(e => ({ a: e.a, b: e.b, decidedBy: e.sources.filter(s => s.strength === 'explicit').map(clause) })),
            derogations: input.derogations.map(d => ({
                kind: d.kind, document: d.by, ...(d.where ? { where: d.where } : {}),
                target: { document: d.target.document, ...(d.target.label ? { label: d.target.label } : {}) },
                source: sourceOf(d.id)!
            })),
            claims: input.claims.map(c => ({
                document: c.by, ...(c.where ? { where: c.where } : {}), who: member(c.who, c.by),
                over: c.over === 'alles' ? 'alles' as const : c.over.map(o => member(o, c.by)),
                source: sourceOf(c.id)!
            })),
            conflicts: conflicts.map(s => {
                const ruleOf = (p: string) => p === statuteId(s.slot) ? 'wet' : ruleOfProvision.get(p);
                const winner = s.provenance ? ruleOf(s.provenance.winner) : undefined;
                return {
                    slot: s.slot,
                    status: s.status as 'opgelost' | 'onopgelost',
                    ...(winner ? { winner } : {}),
                    losing: (s.provenance?.losing ?? []).filter(l => l.step !== 5).map(l => {
                        const rule = ruleOf(l.provision);
                        return { ...(rule ? { rule } : {}), value: l.display, step: l.step as 1 | 2 | 3 | 4, reason: l.reason };
                    }),
                    unresolved: s.undecided.map(u => {
                        const a = ruleOf(u.a), b = ruleOf(u.b);
                        return { ...(a ? { a } : {}), ...(b ? { b } : {}), reason: u.reason, ...(u.hint ? { hint: u.hint } : {}) };
                    })
                };
            })
        };
    }

    // ---------------------------------------------------------------- set-level facts

    protected documentInfos(): DocumentInfo[] {
        const files = new Map<string, LangiumDocument>();
        for (const doc of this.documents) {
            const root = doc.parseResult.value as Document;
            const id = this.set.ids.get(root);
            if (id) files.set(id, doc);
        }
        return this.analysis.documents.map(d => {
            const doc = files.get(d.id);
            const root = doc?.parseResult.value as Document | undefined;
            const node = this.set.locations.get(d.id)?.node;
            const title = root ? text(root.titel) : node && (isBijlage(node) || isDocumentVerwijzing(node)) ? text(node.titel) : undefined;
            const status = root?.meta.find(isStatus)?.waarde;
            const owner = root ?? (node ? AstUtils.findRootNode(node) as Document : undefined);
            const calendar = owner ? this.calendarUse(owner).id : undefined;
            return {
                id: d.id,
                kind: DOCUMENT_KINDS.has(d.kind) ? d.kind : 'document',
                label: d.label,
                ...(title ? { title } : {}),
                ...(doc ? { file: this.mapper.file(doc) } : {}),
                ...(status ? { status } : {}),
                external: !!d.external,
                ...(d.parent ? { parent: d.parent } : {}),
                ...(d.rank !== undefined ? { rank: d.rank } : {}),
                ...(calendar ? { calendar } : {})
            };
        });
    }

    protected parties(roots: Document[]): PartyInfo[] {
        const out = new Map<string, PartyInfo>();
        for (const root of roots) {
            for (const node of AstUtils.streamAllContents(root)) {
                if (isProse(node) || out.has((node as { name?: string }).name ?? '')) continue;
                if (isPartij(node)) {
                    const side = sideOf(node);
                    out.set(node.name, { id: node.name, kind: node.soort, ...(text(node.titel) ? { title: text(node.titel) } : {}), ...(side ? { side } : {}) });
                } else if (isGroep(node)) {
                    const side = sideOf(node);
                    out.set(node.name, {
                        id: node.name, kind: 'groep', ...(side ? { side } : {}),
                        members: node.leden.map(l => l.$refText), ...(node.handelwijze ? { mode: node.handelwijze } : {})
                    });
                } else if (isRol(node)) {
                    const side = sideOf(node as Actor);
                    out.set(node.name, { id: node.name, kind: 'rol', ...(side ? { side } : {}), members: [node.doel.$refText] });
                }
            }
        }
        return [...out.values()];
    }

    protected event(node: Gebeurtenis): EventInfo {
        const description = node.titel ? eventLabel(node, node.name) : undefined;
        const triggerKind = triggerKindOf(node, node.name);
        return {
            name: node.name,
            ...(description && description !== node.name ? { description } : {}),
            ...(triggerKind ? { triggerKind } : {}),
            ...(node.partij ? { by: node.partij.$refText } : {}),
            source: this.mapper.source(node)
        };
    }
}

/** The nodes the compiler reads, in source order; prose is never entered. */
function clauses(root: Document): AstNode[] {
    const out: AstNode[] = [];
    const walk = (node: AstNode) => {
        for (const child of AstUtils.streamContents(node)) {
            if (isProse(child)) continue;
            if (isTermijn(child) || isTarief(child) || isBoete(child) || isLooptijd(child) || isVerlenging(child) || isGebeurtenis(child)) out.push(child);
            if (!isLooptijd(child)) walk(child);
        }
    };
    walk(root);
    return out;
}

function broken(root: Document): boolean {
    const parsed = AstUtils.getDocument(root).parseResult;
    return parsed.parserErrors.length > 0 || parsed.lexerErrors.length > 0;
}

/** Every property a clause needs is there (a file that does not parse can leave them out). */
function complete(node: AstNode): boolean {
    if (isTarief(node) || isBoete(node)) return !!node.name && !!node.bedrag && !!node.eenheid;
    if (isTermijn(node)) {
        const m = node.maat;
        return !!node.name && (!m || (!!m.duur?.aantal && !!m.duur.eenheid && (!m.richting || !!m.trigger)))
            && (!node.herhaling || !!node.herhaling.maand || !!node.herhaling.eenheid) && (!!node.kwalitatief || !!m || !!node.herhaling);
    }
    if (isGebeurtenis(node)) return !!node.name;
    if (isLooptijd(node)) return (!node.verlenging || !!node.verlenging.duur?.eenheid) && node.opzeggingen.every(o => !!o.termijn?.eenheid) && (!node.duur || !!node.duur.eenheid);
    if (isVerlenging(node)) return !!node.duur?.eenheid;
    return true;
}

/** "Indexeert de tarieven jaarlijks op 1 januari": a recurring termijn about indexation. */
function isIndexation(model: TermijnModel): boolean {
    return !!model.recurrence && /index/i.test(model.handeling ?? '');
}

function recurrenceOf(model: TermijnModel): TermijnRule['recurrence'] & object {
    const r = model.recurrence!;
    return r.kind === 'jaarlijks' ? { kind: 'jaarlijks', month: r.month, day: r.day } : { kind: 'elke', amount: r.amount, unit: r.unit };
}

/** The other bepalingen of the lid or artikel a node stands in. */
/** The looptijd of the document gives an optie to extend to `bearer` by name. */
function optionHeldBy(root: Document, bearer: string | undefined): boolean {
    if (!bearer) return false;
    return AstUtils.streamAllContents(root).some(n => isLooptijd(n) && n.verlenging?.wijze === 'optie' && n.verlenging.partij?.$refText === bearer);
}

function siblings(node: AstNode): AstNode[] {
    const holder = holderOf(node);
    if (!holder) return [];
    const own = isLid(holder) ? holder.bepalingen : (holder as Artikel).inhoud;
    return (own as AstNode[]).filter(n => n !== node);
}

function termijnenIn(node: Lid | Artikel | Bijlage | Document | AstNode): Termijn[] {
    return AstUtils.streamAllContents(node).filter(isTermijn).toArray();
}

function amountOf(bedrag: string): { value: string; currency: 'EUR' } {
    return { value: normaliseAmount(bedrag).replace(',', '.'), currency: 'EUR' };
}

/** `text` has `word` as a whole word. */
function namesWord(text: string, word: string): boolean {
    return new RegExp(`(^|[^\\p{L}\\p{N}_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u').test(text);
}

/** A calendar as the engine needs it: a built-in by id, a declared one with its definition. */
function calendarInfo(calendar: WorkdayCalendar, node: KalenderKeuze | undefined): CalendarInfo {
    const builtIn = getCalendar(calendar.id) === calendar;
    const info: CalendarInfo = { id: calendar.id, version: calendar.version, description: calendar.description, builtIn };
    if (builtIn || !node) return info;
    const closed: Array<{ date: string; name?: string }> = [];
    const open: string[] = [];
    // As language/termijnen/model.ts declares it, so the engine's calendar gets the same version.
    for (const dag of node.dagen) {
        const name = text(dag.omschrijving);
        const date = dag.feestdag ? dag.feestdag.toLowerCase().replace(/_/g, '-')
            : dag.datum ?? `${String(monthNumber(dag.maand!)).padStart(2, '0')}-${String(dag.dag).padStart(2, '0')}`;
        if (dag.soort === 'gesloten') closed.push(name && !dag.feestdag ? { date, name } : { date });
        else open.push(date);
    }
    return { ...info, base: node.basis ?? 'atw', closed, open };
}
