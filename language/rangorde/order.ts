/**
 * The resolved precedence of a document set as a partial order (termijnen.md R5.1). Every document's own
 * rangorde clauses give the edges; `deze`, `bijlagen` and `addenda` are expanded to concrete documents; clauses
 * claiming precedence (`voorrang`) add what the declarations leave open and are reported where they contradict
 * them; the default order of §5.1 fills in only for a document that declares none. Contradictions are never
 * settled by picking a side: the documents involved become `contested` and the conflict is reported.
 */
import type { RangordeFinding, RelatedFinding } from './findings.js';
import { RangordeCodes } from './findings.js';
import type { Claim, Declaration, DocumentKind, MemberRef, RangDocument, RangordeInput } from './model.js';

export type EdgeOrigin = 'rangorde' | 'voorrang' | 'standaard';

/** Which clause put one document above another (or on one level with it). */
export interface EdgeSource {
    origin: EdgeOrigin;
    /** The document whose clause decided (for `standaard`: the document without a rangorde). */
    document: string;
    /** Declaration or claim id. */
    clause: string;
    /** For `rangorde`: the chain; findings about the edge are reported there. */
    chain?: string;
    where?: string;
}

export interface OrderEdge {
    higher: string;
    lower: string;
    sources: EdgeSource[];
}

export type Relation = 'higher' | 'lower' | 'equal' | 'unordered' | 'contested';

export interface EqualSource extends EdgeSource {
    /** `deze = bijlagen` is explicit; two bijlagen that share the `bijlagen` link are collectively equal. */
    strength: 'explicit' | 'collective';
}

export interface Comparison {
    relation: Relation;
    /** higher/lower: the edges from the higher document down to the lower one. */
    path?: OrderEdge[];
    /** equal: the clause that put both on one level; undefined for one and the same document. */
    equal?: EqualSource;
    /** contested: why the order cannot say. */
    contested?: string;
}

/**
 * The default order of §5.1 ("a typical order in sociaal-domein contracts"): Overeenkomst (raam/basis) →
 * deelovereenkomst or bijlagen → nota van inlichtingen → aanbestedingsdocument → algemene inkoopvoorwaarden of
 * the gemeente → inschrijving of the aanbieder. Kinds the language cannot tell apart (a nota van inlichtingen is
 * a `document`) and addenda (R5.3 step 2 decides for them) get no default place.
 */
const DEFAULT_LEVEL: Partial<Record<DocumentKind, number>> = {
    raamovereenkomst: 0, basisovereenkomst: 0, overeenkomst: 0, ontwikkelovereenkomst: 0, samenwerkingsovereenkomst: 0,
    deelovereenkomst: 1, resultaatovereenkomst: 1, dienstverleningsovereenkomst: 1, bijlage: 1, protocol: 1,
    verwerkersovereenkomst: 1,
    voorwaarden: 4
};

export function defaultLevel(doc: RangDocument): number | undefined {
    if (doc.kind === 'voorwaarden' && doc.conditionsOf === 'aanbieder') return undefined;   // excluded (§5.1, R5.4)
    return DEFAULT_LEVEL[doc.kind];
}

const pairKey = (a: string, b: string) => a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;

/** The documents of a set and how they relate: labels, parts, addenda, imports. */
export class DocumentTable {
    readonly byId = new Map<string, RangDocument>();
    protected readonly parts = new Map<string, string[]>();
    protected readonly addenda = new Map<string, string[]>();
    protected readonly closures = new Map<string, Set<string>>();

    constructor(documents: readonly RangDocument[]) {
        // Copies: resolution fills in `rank`, the caller's input stays as it was.
        for (const d of documents) if (!this.byId.has(d.id)) this.byId.set(d.id, { ...d });
        for (const d of this.byId.values()) {
            if (d.parent) this.parts.set(d.parent, [...(this.parts.get(d.parent) ?? []), d.id]);
            if (d.kind === 'addendum') for (const a of d.amends ?? []) this.addenda.set(a, [...(this.addenda.get(a) ?? []), d.id]);
        }
    }

    get(id: string): RangDocument | undefined {
        return this.byId.get(id);
    }

    label(id: string): string {
        return this.byId.get(id)?.label ?? id;
    }

    ids(): string[] {
        return [...this.byId.keys()];
    }

    /** The bijlagen of a document: what `bijlagen` in its rangorde stands for. */
    annexesOf(id: string): string[] {
        return (this.parts.get(id) ?? []).filter(p => this.byId.get(p)?.annex);
    }

    /** Its addenda: documents of kind addendum that amend it. */
    addendaOf(id: string): string[] {
        return this.addenda.get(id) ?? [];
    }

    /** What a document brings into the set: its bijlagen and other parts, and the documents it imports. */
    broughtBy(id: string): string[] {
        const imports = (this.byId.get(id)?.imports ?? []).filter(i => this.byId.has(i));
        return [...new Set([...(this.parts.get(id) ?? []), ...imports])].filter(x => x !== id);
    }

    /** The outermost document a part belongs to. */
    top(id: string): string {
        const seen = new Set<string>();
        let cur = id;
        while (!seen.has(cur)) {
            seen.add(cur);
            const parent = this.byId.get(cur)?.parent;
            if (!parent || !this.byId.has(parent)) break;
            cur = parent;
        }
        return cur;
    }

    /** Every document `id` imports, directly or through others (and through its wholes). */
    importClosure(id: string): Set<string> {
        const start = this.top(id);
        let out = this.closures.get(start);
        if (out) return out;
        out = new Set<string>();
        const queue = [start];
        while (queue.length) {
            const cur = queue.shift()!;
            for (const i of this.byId.get(cur)?.imports ?? []) {
                if (!out.has(i)) {
                    out.add(i);
                    queue.push(this.top(i));
                }
            }
        }
        this.closures.set(start, out);
        return out;
    }

    expand(ref: MemberRef, by: string): string[] {
        switch (ref.kind) {
            case 'deze': return this.byId.has(by) ? [by] : [];
            case 'bijlagen': return this.annexesOf(by);
            case 'addenda': return this.addendaOf(by);
            case 'document': return this.byId.has(ref.id) ? [ref.id] : [];
        }
    }

    /** How a rangorde names a link: `deze`, `bijlagen`, or the document. */
    refText(ref: MemberRef): string {
        return ref.kind === 'document' ? this.label(ref.id) : `'${ref.kind}'`;
    }
}

/** The resolved order: edges, equal levels, contested pairs and the comparisons slot resolution needs. */
export class PrecedenceOrder {
    readonly table: DocumentTable;
    protected readonly down = new Map<string, Map<string, EdgeSource[]>>();
    protected readonly equalPairs = new Map<string, EqualSource[]>();
    protected readonly contestedPairs = new Map<string, string>();
    protected readonly contestedSets: Array<{ members: Set<string>; reason: string }> = [];
    protected reachCache = new Map<string, OrderEdge[] | null>();

    constructor(table: DocumentTable) {
        this.table = table;
    }

    addEdge(higher: string, lower: string, source: EdgeSource): void {
        if (higher === lower) return;
        let m = this.down.get(higher);
        if (!m) this.down.set(higher, m = new Map());
        const sources = m.get(lower) ?? [];
        if (!sources.some(s => s.clause === source.clause && s.chain === source.chain)) sources.push(source);
        m.set(lower, sources);
        this.reachCache.clear();
    }

    removeEdge(higher: string, lower: string): void {
        this.down.get(higher)?.delete(lower);
        this.reachCache.clear();
    }

    sourcesOf(higher: string, lower: string): EdgeSource[] {
        return this.down.get(higher)?.get(lower) ?? [];
    }

    addEqual(a: string, b: string, source: EqualSource): void {
        if (a === b) return;
        const key = pairKey(a, b);
        const list = this.equalPairs.get(key) ?? [];
        if (!list.some(s => s.clause === source.clause && s.chain === source.chain && s.strength === source.strength)) list.push(source);
        this.equalPairs.set(key, list);
    }

    equalSources(a: string, b: string): EqualSource[] {
        return this.equalPairs.get(pairKey(a, b)) ?? [];
    }

    removeEqual(a: string, b: string): void {
        this.equalPairs.delete(pairKey(a, b));
    }

    contest(a: string, b: string, reason: string): void {
        this.contestedPairs.set(pairKey(a, b), reason);
    }

    contestAll(members: Iterable<string>, reason: string): void {
        this.contestedSets.push({ members: new Set(members), reason });
    }

    contestedReason(a: string, b: string): string | undefined {
        const direct = this.contestedPairs.get(pairKey(a, b));
        if (direct) return direct;
        return this.contestedSets.find(s => s.members.has(a) && s.members.has(b))?.reason;
    }

    /** All edges, each pair once, in a stable order. */
    edges(): OrderEdge[] {
        const out: OrderEdge[] = [];
        for (const [higher, m] of this.down) {
            for (const [lower, sources] of m) if (sources.length) out.push({ higher, lower, sources });
        }
        return out.sort((x, y) => x.higher.localeCompare(y.higher) || x.lower.localeCompare(y.lower));
    }

    /** Equal-level pairs, each once. */
    equalities(): Array<{ a: string; b: string; sources: EqualSource[] }> {
        return [...this.equalPairs.entries()].map(([k, sources]) => {
            const [a, b] = k.split('\u0000');
            return { a, b, sources };
        });
    }

    successors(id: string): string[] {
        return [...(this.down.get(id)?.entries() ?? [])].filter(([, s]) => s.length).map(([l]) => l);
    }

    /** The edges of a path from `from` down to `to`, or undefined (breadth first: the shortest). */
    path(from: string, to: string): OrderEdge[] | undefined {
        const key = `${from}\u0000${to}`;
        const cached = this.reachCache.get(key);
        if (cached !== undefined) return cached ?? undefined;
        const previous = new Map<string, string>();
        const queue = [from];
        const seen = new Set([from]);
        let found = false;
        while (queue.length && !found) {
            const cur = queue.shift()!;
            for (const next of this.successors(cur)) {
                if (seen.has(next)) continue;
                seen.add(next);
                previous.set(next, cur);
                if (next === to) {
                    found = true;
                    break;
                }
                queue.push(next);
            }
        }
        let result: OrderEdge[] | null = null;
        if (found) {
            result = [];
            for (let cur = to; cur !== from; cur = previous.get(cur)!) {
                const prev = previous.get(cur)!;
                result.unshift({ higher: prev, lower: cur, sources: this.sourcesOf(prev, cur) });
            }
        }
        this.reachCache.set(key, result);
        return result ?? undefined;
    }

    /** How `a` relates to `b`: higher means `a` prevails. */
    compare(a: string, b: string): Comparison {
        if (a === b) return { relation: 'equal' };
        const contested = this.contestedReason(a, b);
        if (contested) return { relation: 'contested', contested };
        const down = this.path(a, b);
        if (down) return { relation: 'higher', path: down };
        const up = this.path(b, a);
        if (up) return { relation: 'lower', path: up };
        const eq = this.equalSources(a, b);
        if (eq.length) return { relation: 'equal', equal: eq.find(s => s.strength === 'explicit') ?? eq[0] };
        return { relation: 'unordered' };
    }

    /** Documents that some clause or the default places. */
    placed(): Set<string> {
        const out = new Set<string>();
        for (const e of this.edges()) {
            out.add(e.higher);
            out.add(e.lower);
        }
        for (const e of this.equalities()) {
            out.add(e.a);
            out.add(e.b);
        }
        return out;
    }

    /** Levels for display: the longest path from the top; documents on one level are listed together. */
    levels(): string[][] {
        const placed = [...this.placed()].sort();
        const depth = new Map<string, number>();
        const visiting = new Set<string>();
        const predecessors = new Map<string, string[]>();
        for (const e of this.edges()) predecessors.set(e.lower, [...(predecessors.get(e.lower) ?? []), e.higher]);
        const depthOf = (id: string): number => {
            const known = depth.get(id);
            if (known !== undefined) return known;
            if (visiting.has(id)) return 0;   // cycles were removed; stay safe anyway
            visiting.add(id);
            const d = Math.max(-1, ...(predecessors.get(id) ?? []).map(depthOf)) + 1;
            visiting.delete(id);
            depth.set(id, d);
            return d;
        };
        const levels: string[][] = [];
        for (const id of placed) (levels[depthOf(id)] ??= []).push(id);
        return levels.filter(l => l && l.length);
    }
}

/** What the default order did for a document without a rangorde. */
export interface DefaultUse {
    document: string;
    edges: Array<{ higher: string; lower: string }>;
    equal: Array<{ a: string; b: string }>;
    /** Documents it brings in that the default cannot place. */
    unplaceable: string[];
}

export interface OrderResult {
    order: PrecedenceOrder;
    findings: RangordeFinding[];
    defaults: DefaultUse[];
    /** Per document with a rangorde: the documents its clauses place. */
    placedBy: Map<string, Set<string>>;
}

/** Describes who decided: "de rangorde van raamovereenkomst Raam (artikel 1.4)". */
export function describeSource(table: DocumentTable, s: EdgeSource): string {
    const where = s.where ? `, ${s.where}` : '';
    switch (s.origin) {
        case 'rangorde': return `de rangorde van ${table.label(s.document)}${where}`;
        case 'voorrang': return `de voorrangsbepaling in ${table.label(s.document)}${where}`;
        case 'standaard': return `de standaardvolgorde (R5.1), want ${table.label(s.document)} heeft geen rangorde`;
    }
}

/** "raamovereenkomst Raam boven bijlage Tarieven (de rangorde van …)", grouping edges of one clause. */
export function describePath(table: DocumentTable, path: readonly OrderEdge[]): string {
    const parts: string[] = [];
    let i = 0;
    while (i < path.length) {
        const source = path[i].sources[0];
        const chain = [table.label(path[i].higher), table.label(path[i].lower)];
        let j = i + 1;
        while (j < path.length && path[j].sources[0]?.clause === source?.clause) chain.push(table.label(path[j++].lower));
        parts.push(`${chain.join(' boven ')}${source ? ` (${describeSource(table, source)})` : ''}`);
        i = j;
    }
    return parts.join(', en ');
}

/** The distinct chains (or clauses) behind a path: where findings about it go. */
function pathAnchors(path: readonly OrderEdge[]): EdgeSource[] {
    const out: EdgeSource[] = [];
    for (const e of path) {
        for (const s of e.sources) if (!out.some(o => (o.chain ?? o.clause) === (s.chain ?? s.clause))) out.push(s);
    }
    return out;
}

const anchor = (s: EdgeSource) => s.chain ?? s.clause;

export function resolveOrder(input: RangordeInput, table: DocumentTable, rejected: ReadonlySet<string>): OrderResult {
    const order = new PrecedenceOrder(table);
    const findings: RangordeFinding[] = [];
    const placedBy = new Map<string, Set<string>>();
    const label = (id: string) => table.label(id);

    // 1. Expand every declaration; a document reached twice within one chain is a duplicate and counts once.
    for (const decl of input.declarations) {
        const placed = placedBy.get(decl.by) ?? new Set<string>();
        placedBy.set(decl.by, placed);
        for (const chain of decl.chains) {
            const seen = new Map<string, { member: string; ref: MemberRef }>();
            const source: EdgeSource = { origin: 'rangorde', document: decl.by, clause: decl.id, chain: chain.id, where: decl.where };
            const levels: string[][] = [];
            for (const level of chain.levels) {
                const ids: string[] = [];
                for (const member of level.members) {
                    const own: string[] = [];
                    for (const id of table.expand(member.ref, decl.by)) {
                        const earlier = seen.get(id);
                        if (earlier) {
                            findings.push(duplicateFinding(table, decl, member.id, member.ref, id, earlier));
                            continue;
                        }
                        seen.set(id, { member: member.id, ref: member.ref });
                        placed.add(id);
                        own.push(id);
                    }
                    // Members of one collective link share a level without being declared equal one by one.
                    for (let i = 0; i < own.length; i++) {
                        for (let j = i + 1; j < own.length; j++) order.addEqual(own[i], own[j], { ...source, strength: 'collective' });
                    }
                    for (const a of ids) for (const b of own) order.addEqual(a, b, { ...source, strength: 'explicit' });
                    ids.push(...own);
                }
                if (ids.length) levels.push(ids);
            }
            for (let i = 0; i + 1 < levels.length; i++) {
                for (const higher of levels[i]) for (const lower of levels[i + 1]) order.addEdge(higher, lower, source);
            }
        }
    }

    // 2. Two documents that declare opposite orders for one pair: error on both, and the pair stays undecided.
    const pairs = new Set<string>();
    for (const e of order.edges()) pairs.add(pairKey(e.higher, e.lower));
    for (const key of [...pairs].sort()) {
        const [a, b] = key.split('\u0000');
        const ab = order.sourcesOf(a, b);
        const ba = order.sourcesOf(b, a);
        const eq = order.equalSources(a, b).filter(s => s.strength === 'explicit');
        const clashes: Array<[EdgeSource, string, EdgeSource, string]> = [];
        for (const s of ab) for (const t of ba) if (s.document !== t.document) clashes.push([s, `${label(a)} boven ${label(b)}`, t, `${label(b)} boven ${label(a)}`]);
        for (const [list, hi, lo] of [[ab, a, b], [ba, b, a]] as const) {
            for (const s of list) for (const t of eq) if (s.document !== t.document) clashes.push([s, `${label(hi)} boven ${label(lo)}`, t, `${label(hi)} en ${label(lo)} op gelijk niveau`]);
        }
        if (!clashes.length) continue;
        const reported = new Set<string>();
        for (const [s, says, t, other] of clashes) {
            for (const [x, xSays, y, ySays] of [[s, says, t, other], [t, other, s, says]] as const) {
                const k = `${anchor(x)}\u0000${anchor(y)}`;
                if (reported.has(k)) continue;
                reported.add(k);
                findings.push({
                    code: RangordeCodes.Opposite, at: anchor(x),
                    message: `${cap(describeSource(table, x))} plaatst ${xSays}, maar ${describeSource(table, y)} plaatst ${ySays}. `
                        + `De documenten van de set spreken elkaar tegen; welke voorgaat is zo niet te bepalen. Maak beide rangordes gelijk.`,
                    related: [{ at: anchor(y), message: `${cap(describeSource(table, y))}: ${ySays}` }]
                });
            }
        }
        order.removeEdge(a, b);
        order.removeEdge(b, a);
        order.removeEqual(a, b);
        order.contest(a, b, `${describeSource(table, clashes[0][0])} en ${describeSource(table, clashes[0][2])} spreken elkaar tegen`);
    }

    // 3. Cycles, within a document or across the set: report the path, and leave its documents undecided.
    for (const component of stronglyConnected(order)) {
        const start = [...component].sort()[0];
        const cycle = cyclePath(order, start, component);
        const anchors = pathAnchors(cycle);
        const documents = new Set(anchors.map(s => s.document));
        const route = [label(start), ...cycle.map(e => label(e.lower))].join(' > ');
        const scope = documents.size === 1 ? `binnen ${label([...documents][0])}` : `over de documenten van de set`;
        for (const s of anchors) {
            findings.push({
                code: RangordeCodes.Cycle, at: anchor(s),
                message: `De rangorde draait rond ${scope}: ${route} (${[...new Set(anchors.map(x => describeSource(table, x)))].join('; ')}). `
                    + `Dan gaat geen van deze documenten voor; haal een van de schakels weg.`,
                related: anchors.filter(x => anchor(x) !== anchor(s)).map(x => ({ at: anchor(x), message: `${cap(describeSource(table, x))} maakt deel uit van de kring` }))
            });
        }
        for (const a of component) for (const b of component) if (a !== b) order.removeEdge(a, b);
        order.contestAll(component, `de rangorde draait rond: ${route}`);
    }
    // `A = B` together with A above B: a contradiction, also a cycle (A ≥ B > A).
    for (const { a, b, sources } of order.equalities()) {
        const explicit = sources.filter(s => s.strength === 'explicit');
        if (!explicit.length) continue;
        const path = order.path(a, b) ?? order.path(b, a);
        if (!path) continue;
        const anchors = [...explicit, ...pathAnchors(path)].filter((s, i, all) => all.findIndex(x => anchor(x) === anchor(s)) === i);
        const route = `${label(path[0].higher)} boven ${label(path[path.length - 1].lower)} (${describePath(table, path)})`;
        for (const s of anchors) {
            findings.push({
                code: RangordeCodes.Cycle, at: anchor(s),
                message: `De rangorde spreekt zichzelf tegen: ${label(a)} en ${label(b)} staan op gelijk niveau (${describeSource(table, explicit[0])}), maar ook ${route}. Kies één van beide.`,
                related: anchors.filter(x => anchor(x) !== anchor(s)).map(x => ({ at: anchor(x), message: `${cap(describeSource(table, x))}` }))
            });
        }
        order.removeEqual(a, b);
        order.contest(a, b, `de rangorde zet ${label(a)} en ${label(b)} op gelijk niveau en ook onder elkaar`);
    }

    // 4. Precedence claims: against the declared order they are reported; otherwise they add to it.
    for (const claim of input.claims) findings.push(...applyClaim(claim, order, table, rejected));

    // 5. The default order, only for documents that declare none (R5.1), and only where nothing else decides.
    const defaults: DefaultUse[] = [];
    const declaring = new Set(input.declarations.map(d => d.by));
    for (const id of table.ids()) {
        if (declaring.has(id) || rejected.has(id)) continue;
        const members = [id, ...table.broughtBy(id)].filter(x => !rejected.has(x));
        if (members.length < 2) continue;
        const use: DefaultUse = { document: id, edges: [], equal: [], unplaceable: [] };
        const source: EdgeSource = { origin: 'standaard', document: id, clause: `standaard:${id}` };
        for (const x of members) {
            if (defaultLevel(table.get(x)!) === undefined) use.unplaceable.push(x);
        }
        for (const x of members) {
            for (const y of members) {
                if (x >= y) continue;
                const lx = defaultLevel(table.get(x)!);
                const ly = defaultLevel(table.get(y)!);
                if (lx === undefined || ly === undefined || order.compare(x, y).relation !== 'unordered') continue;
                if (lx === ly) {
                    order.addEqual(x, y, { ...source, strength: 'collective' });
                    use.equal.push({ a: x, b: y });
                } else {
                    const [higher, lower] = lx < ly ? [x, y] : [y, x];
                    order.addEdge(higher, lower, source);
                    use.edges.push({ higher, lower });
                }
            }
        }
        if (use.edges.length || use.equal.length) {
            defaults.push(use);
            findings.push(defaultFinding(table, use));
        }
    }

    // 6. Every document a rangorde's owner brings into the set must be placed by it (rejected conditions aside).
    for (const [by, placed] of placedBy) {
        const first = input.declarations.find(d => d.by === by)!;
        for (const id of [by, ...table.broughtBy(by)]) {
            if (placed.has(id) || rejected.has(id)) continue;
            const what = id === by ? `${label(by)} zelf ('deze')` : label(id);
            const hint = table.get(id)?.annex ? ` Neem haar op, bijvoorbeeld met 'bijlagen'.` : ` Neem het op in de rangorde.`;
            findings.push({
                code: RangordeCodes.Unplaced, at: first.id,
                message: `De rangorde van ${label(by)}${first.where ? ` (${first.where})` : ''} plaatst ${what} niet; bij strijdigheid is dan niet te bepalen wat voorgaat.${hint}`,
                related: [{ at: id, message: `${cap(label(id))} hoort bij de set` }]
            });
        }
    }

    // R5.1: the rank of a document is its level in the resolved order.
    order.levels().forEach((level, rank) => level.forEach(id => {
        const doc = table.get(id);
        if (doc) doc.rank = rank;
    }));
    return { order, findings, defaults, placedBy };
}

function duplicateFinding(table: DocumentTable, decl: Declaration, at: string, ref: MemberRef, id: string,
    earlier: { member: string; ref: MemberRef }): RangordeFinding {
    const how = (r: MemberRef) => r.kind === 'document' ? `als ${table.label(id)}` : `via '${r.kind}'`;
    return {
        code: RangordeCodes.Duplicate, at,
        message: `${cap(table.label(id))} staat twee keer in de rangorde van ${table.label(decl.by)}${decl.where ? ` (${decl.where})` : ''}: `
            + `eerst ${how(earlier.ref)}, hier opnieuw ${how(ref)}. Een document hoort op één niveau; haal een van beide weg.`,
        related: [{ at: earlier.member, message: `eerste plaats van ${table.label(id)}` }]
    };
}

function defaultFinding(table: DocumentTable, use: DefaultUse): RangordeFinding {
    const members = new Set<string>();
    for (const e of use.edges) members.add(e.higher).add(e.lower);
    for (const e of use.equal) members.add(e.a).add(e.b);
    const byLevel = new Map<number, string[]>();
    for (const m of [...members].sort()) {
        const l = defaultLevel(table.get(m)!)!;
        byLevel.set(l, [...(byLevel.get(l) ?? []), table.label(m)]);
    }
    const shown = [...byLevel.entries()].sort((a, b) => a[0] - b[0]).map(([, names]) => names.join(' = ')).join(' > ');
    const missing = use.unplaceable.length ? ` Niet te plaatsen: ${use.unplaceable.map(u => table.label(u)).join(', ')}.` : '';
    return {
        code: RangordeCodes.DefaultUsed, at: use.document,
        message: `${cap(table.label(use.document))} heeft geen rangorde; daarom geldt de standaardvolgorde (R5.1, termijnen.md §5.1): ${shown}.${missing} `
            + `Leg de rangorde vast met 'rangorde: …' als partijen iets anders bedoelen.`,
        related: []
    };
}

function applyClaim(claim: Claim, order: PrecedenceOrder, table: DocumentTable, rejected: ReadonlySet<string>): RangordeFinding[] {
    const who = table.expand(claim.who, claim.by);
    const over = claim.over === 'alles'
        ? table.ids().filter(id => !who.includes(id) && !rejected.has(id))
        : claim.over.flatMap(ref => table.expand(ref, claim.by));
    const against: Array<{ w: string; x: string; comparison: Comparison }> = [];
    const source: EdgeSource = { origin: 'voorrang', document: claim.by, clause: claim.id, where: claim.where };
    const adds: Array<[string, string]> = [];
    for (const w of who) {
        for (const x of over) {
            if (x === w) continue;
            const c = order.compare(x, w);
            if (c.relation === 'higher' || (c.relation === 'equal' && c.equal?.strength === 'explicit')) against.push({ w, x, comparison: c });
            else if (c.relation === 'unordered' || c.relation === 'equal') adds.push([w, x]);
        }
    }
    // A claim the order contradicts decides nothing, not even where the order is silent.
    if (!against.length) {
        for (const [w, x] of adds) order.addEdge(w, x, source);
        return [];
    }
    const whoText = table.refText(claim.who);
    const overText = claim.over === 'alles' ? 'alles' : claim.over.map(r => table.refText(r)).join(', ');
    const reasons = against.map(({ w, x, comparison }) => comparison.relation === 'equal'
        ? `${describeSource(table, comparison.equal!)} zet ${table.label(x)} en ${table.label(w)} op gelijk niveau`
        : describePath(table, comparison.path!));
    const related: RelatedFinding[] = [];
    for (const { comparison } of against) {
        const anchors = comparison.relation === 'equal' ? [comparison.equal!] : pathAnchors(comparison.path!);
        for (const s of anchors) {
            if (!related.some(r => r.at === anchor(s))) related.push({ at: anchor(s), message: `${cap(describeSource(table, s))}` });
        }
    }
    return [{
        code: RangordeCodes.ClaimConflict, at: claim.id,
        message: `Deze bepaling geeft ${whoText} voorrang boven ${overText}, maar dat gaat in tegen de rangorde: ${[...new Set(reasons)].join('; ')}. `
            + `Een bepaling kan zich niet boven de verklaarde rangorde plaatsen; pas de rangorde aan of beperk de voorrang.`,
        related
    }];
}

/** Strongly connected components with more than one document (Tarjan). */
function stronglyConnected(order: PrecedenceOrder): Array<Set<string>> {
    const nodes = new Set<string>();
    for (const e of order.edges()) nodes.add(e.higher).add(e.lower);
    let index = 0;
    const indices = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const out: Array<Set<string>> = [];
    const visit = (v: string) => {
        indices.set(v, index);
        low.set(v, index++);
        stack.push(v);
        onStack.add(v);
        for (const w of order.successors(v)) {
            if (!indices.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) {
                low.set(v, Math.min(low.get(v)!, indices.get(w)!));
            }
        }
        if (low.get(v) === indices.get(v)) {
            const component = new Set<string>();
            let w: string;
            do {
                w = stack.pop()!;
                onStack.delete(w);
                component.add(w);
            } while (w !== v);
            if (component.size > 1) out.push(component);
        }
    };
    for (const n of [...nodes].sort()) if (!indices.has(n)) visit(n);
    return out;
}

/** A shortest cycle through `start` inside its component. */
function cyclePath(order: PrecedenceOrder, start: string, component: Set<string>): OrderEdge[] {
    const previous = new Map<string, string>();
    const queue = [start];
    const seen = new Set<string>();
    while (queue.length) {
        const cur = queue.shift()!;
        for (const next of order.successors(cur).sort()) {
            if (!component.has(next)) continue;
            if (next === start) {
                const edges: OrderEdge[] = [{ higher: cur, lower: start, sources: order.sourcesOf(cur, start) }];
                for (let c = cur; c !== start; c = previous.get(c)!) {
                    const p = previous.get(c)!;
                    edges.unshift({ higher: p, lower: c, sources: order.sourcesOf(p, c) });
                }
                return edges;
            }
            if (seen.has(next)) continue;
            seen.add(next);
            previous.set(next, cur);
            queue.push(next);
        }
    }
    return [];
}

export function cap(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
