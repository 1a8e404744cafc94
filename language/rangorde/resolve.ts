/**
 * Conflicts between provisions (termijnen.md R5.2, R5.3, R5.5). Two provisions conflict when they fill the same
 * slot with different values. Resolution follows R5.3 in order:
 *   1. mandatory statute overrides (and voids or caps) the contract clause;
 *   2. an explicit amendment or derogation, in a document both parties signed or in a lower document the
 *      rangorde allows to derogate (an exception, or a raam/basis clause marked `open`);
 *   3. higher rank in the resolved order;
 *   4. equal rank: the later datum;
 *   5. otherwise unresolved: both readings are reported, with a "more specific" hint that is never applied
 *      (HR 13 June 2003, Vos/Heipro: no automatic lex specialis).
 * Every winner carries its provenance (R5.5). The raam→deel conformance checks (`bindend`, `open`) and the
 * check of derogation clauses against the rangorde live here too: they need the same facts.
 */
import type { RangordeFinding } from './findings.js';
import { RangordeCodes } from './findings.js';
import type { Comparison, DocumentTable, PrecedenceOrder } from './order.js';
import { cap, describePath, describeSource } from './order.js';
import type { Derogation, DocumentKind, Element, Provision, RangordeInput, SlotKind, Statute } from './model.js';
import { slotKey } from './model.js';

export type Step = 1 | 2 | 3 | 4 | 5;

/** What each step of R5.3 is called in messages and reports. */
export const STEP_NAMES: Record<Step, string> = {
    1: 'dwingend recht',
    2: 'uitdrukkelijke wijziging of afwijking',
    3: 'hogere rang',
    4: 'gelijke rang, latere datum',
    5: 'onopgelost'
};

/** A decided pair: the winner prevails over the loser by a step of R5.3. */
export interface Decision {
    /** Provision id, or `wet:<slot>` for mandatory statute. */
    winner: string;
    loser: string;
    step: 1 | 2 | 3 | 4;
    reason: string;
}

/** A pair R5.3 cannot decide (step 5). */
export interface Undecided {
    a: string;
    b: string;
    reason: string;
    /** Which one is more specific, as information only: never applied (Vos/Heipro). */
    hint?: string;
}

/** R5.5: the winning provision, the step that decided, and the alternatives that lost. */
export interface Provenance {
    winner: string;
    document: string;
    value: string;
    display: string;
    losing: Array<{ provision: string; document: string; value: string; display: string; step: Step; reason: string }>;
}

export interface SlotResolution {
    slot: string;
    kind: SlotKind;
    name: string;
    provisions: string[];
    /** `enig`: one provision; `eensluidend`: all agree; `opgelost`: R5.3 decided; `onopgelost`: step 5. */
    status: 'enig' | 'eensluidend' | 'opgelost' | 'onopgelost';
    provenance?: Provenance;
    decisions: Decision[];
    undecided: Undecided[];
}

const DEEL_KINDS: ReadonlySet<DocumentKind> = new Set(['deelovereenkomst', 'resultaatovereenkomst', 'dienstverleningsovereenkomst']);
const FRAMEWORK_KINDS: ReadonlySet<DocumentKind> = new Set(['raamovereenkomst', 'basisovereenkomst']);

export const statuteId = (slot: string) => `wet:${slot}`;

export class SlotResolver {
    protected readonly elements = new Map<string, Element>();
    protected readonly provisions = new Map<string, Provision>();
    protected readonly derogationsByScope = new Map<string, Derogation[]>();

    constructor(readonly input: RangordeInput, readonly table: DocumentTable, readonly order: PrecedenceOrder,
        readonly rejected: ReadonlySet<string>) {
        for (const e of input.elements) this.elements.set(e.id, e);
        for (const p of input.provisions) this.provisions.set(p.id, p);
        for (const d of input.derogations) {
            if (d.scope) this.derogationsByScope.set(d.scope, [...(this.derogationsByScope.get(d.scope) ?? []), d]);
        }
    }

    provision(id: string): Provision | undefined {
        return this.provisions.get(id);
    }

    /** Every slot filled by a provision outside rejected conditions, in a stable order. */
    resolveAll(): SlotResolution[] {
        const bySlot = new Map<string, Provision[]>();
        for (const p of this.input.provisions) {
            if (this.rejected.has(p.document) || this.rejected.has(this.table.top(p.document))) continue;
            const key = slotKey(p);
            bySlot.set(key, [...(bySlot.get(key) ?? []), p]);
        }
        return [...bySlot.entries()].map(([slot, ps]) => this.resolveSlot(slot, ps));
    }

    resolveSlot(slot: string, provisions: Provision[]): SlotResolution {
        const { kind, name } = provisions[0];
        const result: SlotResolution = { slot, kind, name, provisions: provisions.map(p => p.id), status: 'enig', decisions: [], undecided: [] };
        const statute = this.input.statutes?.find(s => s.slot === slot);
        if (statute) return this.byStatute(result, statute, provisions);
        const live = provisions.filter(p => !p.voidBy);
        const ranked = [...live].sort((a, b) => (this.table.get(a.document)?.rank ?? 1e9) - (this.table.get(b.document)?.rank ?? 1e9));
        const values = new Set(live.map(p => p.value));
        let winner: Provision | undefined;
        if (values.size <= 1) {
            winner = ranked[0];
            result.status = live.length > 1 ? 'eensluidend' : 'enig';
        } else {
            const outcome = new Map<string, Decision | Undecided>();
            for (const p of live) {
                for (const q of live) {
                    if (p.id < q.id && p.value !== q.value) outcome.set(`${p.id}\u0000${q.id}`, this.decide(p, q));
                }
            }
            const get = (p: Provision, q: Provision) => outcome.get(p.id < q.id ? `${p.id}\u0000${q.id}` : `${q.id}\u0000${p.id}`);
            const beats = (p: Provision, q: Provision) => {
                const o = get(p, q);
                return o !== undefined && 'winner' in o && o.winner === p.id;
            };
            winner = ranked.find(p => live.every(q => q.value === p.value || beats(p, q)));
            if (winner) {
                result.status = 'opgelost';
                for (const q of live) if (q.value !== winner.value) result.decisions.push(get(winner, q) as Decision);
            } else {
                result.status = 'onopgelost';
                // The undominated provisions compete; the rest lost to one of them.
                const top = live.filter(p => !live.some(q => q.value !== p.value && beats(q, p)));
                for (const p of top) {
                    for (const q of top) {
                        const o = p.id < q.id && p.value !== q.value ? get(p, q) : undefined;
                        if (o && !('winner' in o)) result.undecided.push(o);
                    }
                }
                for (const q of live.filter(x => !top.includes(x))) {
                    const by = top.find(p => beats(p, q));
                    if (by) result.decisions.push(get(by, q) as Decision);
                }
            }
        }
        for (const p of provisions.filter(x => x.voidBy)) {
            result.decisions.push({
                winner: winner?.id ?? statuteId(slot), loser: p.id, step: 1,
                reason: `dwingend recht maakt deze bepaling nietig of begrenst haar (${p.voidBy})`
            });
            if (result.status === 'enig' || result.status === 'eensluidend') result.status = 'opgelost';
        }
        if (winner && result.status !== 'onopgelost') result.provenance = this.provenance(winner, result.decisions);
        return result;
    }

    protected byStatute(result: SlotResolution, statute: Statute, provisions: Provision[]): SlotResolution {
        const id = statuteId(result.slot);
        for (const p of provisions) {
            if (p.value === statute.value && !p.voidBy) continue;
            result.decisions.push({
                winner: id, loser: p.id, step: 1,
                reason: `dwingend recht (${statute.source}) bepaalt ${statute.display}${p.voidBy ? `; ${p.voidBy}` : ''}`
            });
        }
        result.status = result.decisions.length ? 'opgelost' : 'eensluidend';
        result.provenance = {
            winner: id, document: 'wet', value: statute.value, display: statute.display,
            losing: result.decisions.map(d => this.losing(d))
        };
        return result;
    }

    protected provenance(winner: Provision, decisions: Decision[]): Provenance {
        return {
            winner: winner.id, document: winner.document, value: winner.value, display: winner.display,
            losing: decisions.map(d => this.losing(d))
        };
    }

    protected losing(d: Decision): Provenance['losing'][number] {
        const p = this.provisions.get(d.loser)!;
        return { provision: p.id, document: p.document, value: p.value, display: p.display, step: d.step, reason: d.reason };
    }

    /** R5.3 for two provisions with different values. */
    decide(p: Provision, q: Provision): Decision | Undecided {
        const pq = this.explicitStep(p, q);
        const qp = this.explicitStep(q, p);
        if (pq && !qp) return { winner: p.id, loser: q.id, step: 2, reason: pq };
        if (qp && !pq) return { winner: q.id, loser: p.id, step: 2, reason: qp };
        const c = this.order.compare(p.document, q.document);
        if (c.relation === 'higher') return { winner: p.id, loser: q.id, step: 3, reason: describePath(this.table, c.path!) };
        if (c.relation === 'lower') return { winner: q.id, loser: p.id, step: 3, reason: describePath(this.table, c.path!) };
        if (c.relation === 'equal') {
            const dp = this.table.get(p.document)?.datum;
            const dq = this.table.get(q.document)?.datum;
            const level = this.equalText(p, q, c);
            if (dp && dq && dp !== dq) {
                const [w, l, dw, dl] = dp > dq ? [p, q, dp, dq] : [q, p, dq, dp];
                return {
                    winner: w.id, loser: l.id, step: 4,
                    reason: `${level}; ${this.table.label(w.document)} is van later datum (${dw} tegen ${dl})`
                };
            }
            return this.undecided(p, q, `${level} en geen latere datum`, pq !== undefined && qp !== undefined);
        }
        const reason = c.relation === 'contested'
            ? `de rangorde is op dit punt tegenstrijdig (${c.contested})`
            : `de rangorde ordent ${this.table.label(p.document)} en ${this.table.label(q.document)} niet`;
        return this.undecided(p, q, reason, pq !== undefined && qp !== undefined);
    }

    protected equalText(p: Provision, q: Provision, c: Comparison): string {
        if (p.document === q.document) return `beide staan in ${this.table.label(p.document)}`;
        return c.equal ? `gelijke rang volgens ${describeSource(this.table, c.equal)}` : 'gelijke rang';
    }

    protected undecided(p: Provision, q: Provision, reason: string, mutual: boolean): Undecided {
        const why = mutual ? `${reason}; beide wijken uitdrukkelijk van elkaar af` : reason;
        const hint = this.specificityHint(p.document, q.document) ?? this.specificityHint(q.document, p.document);
        return { a: p.id, b: q.id, reason: why, hint };
    }

    /** "More specific" as information for the drafter (R5.3 step 5); resolution never uses it. */
    protected specificityHint(a: string, b: string): string | undefined {
        const ta = this.table.top(a);
        const tb = this.table.top(b);
        const docA = this.table.get(a);
        const docB = this.table.get(b);
        if (!docA || !docB || a === b) return undefined;
        const builds = (ta !== tb && this.table.importClosure(a).has(tb))
            || (ta === tb && this.table.top(a) !== a && b === tb)
            || (docB.kind === 'voorwaarden' && docA.kind !== 'voorwaarden');
        if (!builds) return undefined;
        return `${cap(docA.label)} is specifieker dan ${docB.label}, maar dat beslist niet vanzelf (geen lex specialis, HR 13 juni 2003, Vos/Heipro); `
            + `leg het vast in de rangorde of met 'afwijking van'.`;
    }

    /** R5.3 step 2: why `p` may set `q` aside, or undefined. */
    explicitStep(p: Provision, q: Provision): string | undefined {
        const qBinding = this.bindingOf(q.elements);
        const rests = this.restsOn(p.document, q.document);
        if (rests && qBinding?.binding === 'open') {
            return `${this.table.label(this.table.top(q.document))} laat dit punt open${qBinding.label ? ` (${qBinding.label})` : ''} voor de deelovereenkomst`;
        }
        if (rests && qBinding?.binding === 'bindend') return undefined;   // binding for every deelovereenkomst
        const derogation = this.derogationsOf(p).find(d => d.kind === 'afwijking' && this.targets(d, q));
        const topP = this.table.get(this.table.top(p.document));
        const wholeAmendment = [this.table.get(p.document), topP].some(d => d?.amends?.some(a => a === q.document || a === this.table.top(q.document)));
        if (derogation || wholeAmendment) {
            const what = derogation
                ? `${this.table.label(p.document)} wijkt uitdrukkelijk af van ${this.table.label(q.document)}${derogation.where ? ` (${derogation.where})` : ''}`
                : `${this.table.label(p.document)} wijzigt ${this.table.label(this.table.top(q.document))}`;
            if (this.signedByBoth(p.document)) return `${what}, in een document dat beide partijen ondertekenden`;
            const allowed = this.mayDerogate(p.document, q.document, true);
            return allowed ? `${what}, en ${allowed}` : undefined;
        }
        return this.mayDerogate(p.document, q.document, false);
    }

    protected signedByBoth(document: string): boolean {
        return this.table.get(document)?.signedByBoth === true;
    }

    /** Whether the rangorde lets `lower` derogate from `higher`: an exception, or a document-wide permission. */
    mayDerogate(lower: string, higher: string, explicitClause: boolean): string | undefined {
        const lowers = new Set([lower, this.table.top(lower)]);
        const highers = new Set([higher, this.table.top(higher)]);
        if (explicitClause && this.table.get(lower)?.derogationAllowed) return `de rangorde staat ${this.table.label(lower)} toe af te wijken`;
        for (const decl of this.input.declarations) {
            for (const e of decl.exceptions) {
                if (e.explicit && !explicitClause) continue;
                if (!this.table.expand(e.lower, decl.by).some(x => lowers.has(x))) continue;
                if (!this.table.expand(e.higher, decl.by).some(x => highers.has(x))) continue;
                return `de rangorde van ${this.table.label(decl.by)}${decl.where ? ` (${decl.where})` : ''} staat toe dat `
                    + `${this.table.refText(e.lower)} ${e.explicit ? 'uitdrukkelijk ' : ''}afwijkt van ${this.table.refText(e.higher)}`;
            }
        }
        return undefined;
    }

    /** A deelovereenkomst (or its bijlage) resting on the raam- or basisovereenkomst of `framework`. */
    restsOn(deel: string, framework: string): boolean {
        const d = this.table.get(this.table.top(deel));
        const f = this.table.get(this.table.top(framework));
        return !!d && !!f && DEEL_KINDS.has(d.kind) && FRAMEWORK_KINDS.has(f.kind) && this.table.importClosure(deel).has(f.id);
    }

    /** The innermost `bindend`/`open` marker on an element or its ancestors. */
    bindingOf(elements: readonly string[]): Element | undefined {
        for (const id of elements) {
            for (let e = this.elements.get(id); e; e = e.parent ? this.elements.get(e.parent) : undefined) {
                if (e.binding) return e;
            }
        }
        return undefined;
    }

    derogationsOf(p: Provision): Derogation[] {
        return p.elements.flatMap(e => this.derogationsByScope.get(e) ?? []);
    }

    targets(d: Derogation, q: Provision): boolean {
        if (d.target.element) return q.elements.includes(d.target.element) || this.ancestors(q.elements).has(d.target.element);
        return q.document === d.target.document || this.table.top(q.document) === d.target.document;
    }

    protected ancestors(elements: readonly string[]): Set<string> {
        const out = new Set<string>();
        for (const id of elements) {
            for (let e = this.elements.get(id); e; e = e.parent ? this.elements.get(e.parent) : undefined) out.add(e.id);
        }
        return out;
    }
}

export function slotTitle(table: DocumentTable, p: { kind: SlotKind; name: string }): string {
    return p.kind === 'looptijd' ? `de looptijd van ${table.label(p.name)}` : `${p.kind} '${p.name}'`;
}

function place(table: DocumentTable, p: Provision): string {
    return `${table.label(p.document)}${p.where ? ` (${p.where})` : ''}`;
}

/** Diagnostics of slot resolution: resolved conflicts on the loser (info), unresolved ones on both (error). */
export function slotFindings(resolver: SlotResolver, slots: readonly SlotResolution[]): RangordeFinding[] {
    const table = resolver.table;
    const out: RangordeFinding[] = [];
    for (const slot of slots) {
        for (const d of slot.decisions) {
            const loser = resolver.provision(d.loser)!;
            const winner = resolver.provision(d.winner);
            const title = cap(slotTitle(table, loser));
            const message = winner
                ? `${title} krijgt in ${place(table, winner)} een andere waarde: ${winner.display} in plaats van ${loser.display} hier. `
                    + `Die bepaling gaat voor (R5.3 stap ${d.step}, ${STEP_NAMES[d.step]}: ${d.reason}).`
                : `${title}: ${loser.display} wijkt voor dwingend recht (R5.3 stap 1: ${d.reason}).`;
            out.push({
                code: RangordeCodes.SlotResolved, at: loser.id, message,
                related: winner ? [{ at: winner.id, message: `Deze bepaling gaat voor: ${winner.display}` }] : []
            });
        }
        for (const u of slot.undecided) {
            const a = resolver.provision(u.a)!;
            const b = resolver.provision(u.b)!;
            for (const [x, y] of [[a, b], [b, a]]) {
                out.push({
                    code: RangordeCodes.SlotUnresolved, at: x.id,
                    message: `${cap(slotTitle(table, x))} is hier ${x.display}, maar in ${place(table, y)} ${y.display}; de rangorde beslist niet welke voorgaat `
                        + `(R5.3 stap 5: ${u.reason}).${u.hint ? ` ${u.hint}` : ''} Maak de waarden gelijk of leg vast welke voorgaat.`,
                    related: [{ at: y.id, message: `De andere lezing: ${y.display}` }]
                });
            }
        }
    }
    return out;
}

/**
 * Raam→deel conformance: a deelovereenkomst that sets a slot its raam- or basisovereenkomst fixes (not `open`)
 * without saying it derogates, or that contradicts a clause marked `bindend` for every deelovereenkomst.
 */
export function conformanceFindings(resolver: SlotResolver): RangordeFinding[] {
    const table = resolver.table;
    const out: RangordeFinding[] = [];
    const bySlot = new Map<string, Provision[]>();
    for (const p of resolver.input.provisions) {
        if (resolver.rejected.has(table.top(p.document))) continue;
        bySlot.set(slotKey(p), [...(bySlot.get(slotKey(p)) ?? []), p]);
    }
    const pairs = [...bySlot.values()].flatMap(ps => ps.flatMap(p => ps.map(q => [p, q] as const)));
    for (const [p, q] of pairs) {
        if (p === q || p.value === q.value || !resolver.restsOn(p.document, q.document)) continue;
        const binding = resolver.bindingOf(q.elements);
        const framework = table.label(table.top(q.document));
        const title = slotTitle(table, p);
        if (binding?.binding === 'bindend') {
            out.push({
                code: RangordeCodes.DeelContradictsBinding, at: p.id,
                message: `${cap(title)} is hier ${p.display}, maar ${place(table, q)} zegt ${q.display} en ${framework} maakt dat 'bindend' `
                    + `voor elke deelovereenkomst${binding.label ? ` (${binding.label})` : ''}. Volg ${framework} of laat het punt daar 'open' zetten.`,
                related: [{ at: q.id, message: `De bindende bepaling: ${q.display}` }, { at: binding.id, message: `Hier staat 'bindend'` }]
            });
        } else if (binding?.binding !== 'open' && !resolver.derogationsOf(p).some(d => d.kind === 'afwijking' && resolver.targets(d, q))) {
            out.push({
                code: RangordeCodes.DeelNotOpen, at: p.id,
                message: `${cap(table.label(table.top(p.document)))} regelt ${title} anders (${p.display}) dan ${place(table, q)} (${q.display}), `
                    + `terwijl ${framework} dit punt niet 'open' laat. Markeer het artikel of lid daar als 'open', of schrijf hier uitdrukkelijk 'afwijking van …'.`,
                related: [{ at: q.id, message: `${cap(framework)} legt hier vast: ${q.display}` }]
            });
        }
    }
    return out;
}

/**
 * Derogation clauses (`afwijking van …`) measured against the rangorde: from a document below the target that
 * neither both parties signed nor the rangorde allows to derogate, the clause claims a power it does not have;
 * from a deelovereenkomst against a `bindend` clause of its raam- or basisovereenkomst, it contradicts it.
 */
export function derogationFindings(resolver: SlotResolver): RangordeFinding[] {
    const table = resolver.table;
    const out: RangordeFinding[] = [];
    for (const d of resolver.input.derogations) {
        if (d.kind !== 'afwijking' || !table.get(d.target.document)) continue;
        const target = `${table.label(d.target.document)}${d.target.label ? ` ${d.target.label}` : ''}`;
        const binding = d.target.element ? resolver.bindingOf([d.target.element]) : undefined;
        if (binding?.binding === 'bindend' && resolver.restsOn(d.by, d.target.document)) {
            out.push({
                code: RangordeCodes.DeelContradictsBinding, at: d.id,
                message: `Deze afwijking raakt ${target}, en ${table.label(table.top(d.target.document))} maakt dat 'bindend' voor elke deelovereenkomst`
                    + `${binding.label ? ` (${binding.label})` : ''}. Een deelovereenkomst kan daar niet van afwijken.`,
                related: [{ at: binding.id, message: `Hier staat 'bindend'` }]
            });
            continue;
        }
        if (binding?.binding === 'open' || table.get(d.by)?.signedByBoth) continue;
        const c = resolver.order.compare(d.by, d.target.document);
        if (c.relation !== 'lower' || resolver.mayDerogate(d.by, d.target.document, true)) continue;
        out.push({
            code: RangordeCodes.ClaimConflict, at: d.id,
            message: `${cap(table.label(d.by))} wijkt hier af van ${target}, maar de rangorde plaatst ${table.label(d.target.document)} hoger `
                + `(${describePath(table, c.path!)}) en staat geen afwijking toe (R5.3 stap 2). Neem in de rangorde een uitzondering op `
                + `('tenzij uitdrukkelijk … afwijkt van …') of laat de afwijking vallen.`,
            related: c.path!.flatMap(e => e.sources).filter(s => s.chain).slice(0, 1).map(s => ({ at: s.chain!, message: cap(describeSource(table, s)) }))
        });
    }
    return out;
}
