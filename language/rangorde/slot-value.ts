/**
 * The effective value of a slot across a document set (termijnen.md R5.2, R5.3, R5.5): which provisions compete
 * for the termijn, tarief, boete or looptijd a provision fills, which one applies and by which step of R5.3, or
 * that the rangorde cannot decide (step 5). It reads the rangorde analysis the checks and the code lens use.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isAansprakelijkheid, isBoete, isLooptijd, isTarief, isTermijn } from '../generated/ast.js';
import type { ExtractedAnalysis, RangordeAnalyzer } from './extract.js';
import type { SlotKind } from './model.js';
import type { SlotResolution, Step } from './resolve.js';
import { STEP_NAMES } from './resolve.js';

export interface SlotCompetitor {
    /** "deelovereenkomst Deel (artikel 1.2)", or "dwingend recht". */
    label: string;
    /** The value as written: "14 kalenderdagen na Ontvangst". */
    value: string;
    uri?: string;
    range?: Range;
    /** `geldt`: the effective value; `wijkt`: gives way; `eensluidend`: agrees with it; `onbeslist`: step 5. */
    role: 'geldt' | 'wijkt' | 'eensluidend' | 'onbeslist';
    /** For a provision that gives way: to which one, by which step and why. */
    yieldsTo?: string;
    step?: Step;
    stepName?: string;
    reason?: string;
}

export interface SlotValue {
    /** `termijn:Betalen`. */
    slot: string;
    kind: SlotKind;
    name: string;
    /** The document the set is seen from: the largest set that includes the provision. */
    seenFrom: string;
    status: SlotResolution['status'];
    /** The effective value, or undefined when it is `onbeslist`. */
    winner?: SlotCompetitor;
    /** Every provision of the set for the slot, the effective one first. */
    competitors: SlotCompetitor[];
    /** Step 5: the pairs the rangorde cannot decide, with why. */
    undecided: Array<{ a: string; b: string; reason: string; hint?: string }>;
    /** The provision asked about. */
    asked?: SlotCompetitor;
}

const KIND_WORDS: Record<SlotKind, string> = {
    termijn: 'termijn', tarief: 'tarief', boete: 'boete', aansprakelijkheid: 'aansprakelijkheid', looptijd: 'looptijd'
};

/** The termijn, tarief, boete, aansprakelijkheid or looptijd at `offset`: anywhere in its declaration. */
export function provisionAt(document: LangiumDocument, offset: number): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        if (isTermijn(node) || isTarief(node) || isBoete(node) || isAansprakelijkheid(node) || isLooptijd(node)) return node;
    }
    return undefined;
}

/** The slot `node` fills, seen across the largest set that includes it; undefined for a node that fills none. */
export function slotValueOf(analyzer: RangordeAnalyzer, node: AstNode): SlotValue | undefined {
    const document = AstUtils.getDocument(node);
    let best: { result: ExtractedAnalysis; slot: SlotResolution; id: string } | undefined;
    for (const result of analyzer.analysesFor(document)) {
        const id = result.set.ids.get(node);
        const slot = id ? result.analysis.slots.find(s => s.provisions.includes(id)) : undefined;
        if (id && slot && (!best || slot.provisions.length > best.slot.provisions.length)) best = { result, slot, id };
    }
    return best && describeSlot(best.result, best.slot, best.id);
}

/** The slot named `kind:name` (or just its name) in the sets that include `document`. */
export function slotValueByName(analyzer: RangordeAnalyzer, document: LangiumDocument, name: string): SlotValue | undefined {
    let best: { result: ExtractedAnalysis; slot: SlotResolution } | undefined;
    for (const result of analyzer.analysesFor(document)) {
        const slot = result.analysis.slots.find(s => s.slot === name || s.name === name);
        if (slot && (!best || slot.provisions.length > best.slot.provisions.length)) best = { result, slot };
    }
    return best && describeSlot(best.result, best.slot);
}

function describeSlot(result: ExtractedAnalysis, slot: SlotResolution, asked?: string): SlotValue {
    const { analysis, set } = result;
    const resolver = analysis.resolver;
    const label = (id: string): string => {
        const p = resolver.provision(id);
        if (!p) return 'dwingend recht';
        return `${analysis.table.label(p.document)}${p.where ? ` (${p.where})` : ''}`;
    };
    const competitor = (id: string, role: SlotCompetitor['role']): SlotCompetitor => {
        const p = resolver.provision(id);
        const at = set.locations.get(id);
        return { label: label(id), value: p?.display ?? '', uri: at?.uri, range: at?.range, role };
    };
    const winnerId = slot.status === 'onopgelost' ? undefined : slot.provenance?.winner ?? slot.provisions[0];
    const winnerValue = winnerId ? resolver.provision(winnerId)?.value : undefined;
    const competitors = new Map<string, SlotCompetitor>();
    if (winnerId) {
        const statute = winnerId.startsWith('wet:') ? resolver.input.statutes?.find(s => s.slot === slot.slot) : undefined;
        competitors.set(winnerId, statute
            ? { label: `dwingend recht (${statute.source})`, value: statute.display, role: 'geldt' }
            : competitor(winnerId, 'geldt'));
    }
    const undecidedIds = new Set(slot.undecided.flatMap(u => [u.a, u.b]));
    for (const id of undecidedIds) competitors.set(id, competitor(id, 'onbeslist'));
    for (const d of slot.decisions) {
        competitors.set(d.loser, {
            ...competitor(d.loser, 'wijkt'),
            yieldsTo: competitors.get(d.winner)?.label ?? label(d.winner), step: d.step, stepName: STEP_NAMES[d.step], reason: d.reason
        });
    }
    for (const id of slot.provisions) {
        if (competitors.has(id)) continue;
        const agrees = winnerValue !== undefined && resolver.provision(id)?.value === winnerValue;
        competitors.set(id, competitor(id, agrees ? 'eensluidend' : 'onbeslist'));
    }
    return {
        slot: slot.slot,
        kind: slot.kind,
        name: slot.name,
        seenFrom: fileName(result.top.uri.toString()),
        status: slot.status,
        winner: winnerId ? competitors.get(winnerId) : undefined,
        competitors: [...competitors.values()],
        undecided: slot.undecided.map(u => ({ a: label(u.a), b: label(u.b), reason: u.reason, hint: u.hint })),
        asked: asked ? competitors.get(asked) : undefined
    };
}

function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The slot value as a drafter reads it, one fact a line. */
export function formatSlotValue(v: SlotValue): string {
    const lines = [`Geldende waarde van ${KIND_WORDS[v.kind]} ${v.name} (documentset gezien vanuit ${v.seenFrom})`, ''];
    if (v.winner) {
        lines.push(`Geldt: ${v.winner.value} — ${v.winner.label}`);
        if (v.status === 'enig') lines.push('Geen andere bepaling in de documentset vult deze plaats; er is niets te beslissen.');
        if (v.status === 'eensluidend') lines.push('Alle bepalingen in de documentset zeggen hetzelfde; er is niets te beslissen (R5.2).');
    } else {
        lines.push('Onbeslist: de rangorde kan niet kiezen tussen deze bepalingen (R5.3 stap 5).');
    }
    const others = v.competitors.filter(c => c.role !== 'geldt');
    if (others.length) lines.push('');
    for (const c of others) {
        if (c.role === 'wijkt') {
            lines.push(`Wijkt voor ${c.yieldsTo}: ${c.value} — ${c.label}`,
                `    R5.3 stap ${c.step}, ${c.stepName}: ${c.reason}`);
        } else if (c.role === 'eensluidend') {
            lines.push(`Eensluidend: ${c.value} — ${c.label}`);
        } else {
            lines.push(`Onbeslist: ${c.value} — ${c.label}`);
        }
    }
    for (const u of v.undecided) {
        lines.push(`    ${u.a} tegenover ${u.b}: ${u.reason}`);
        if (u.hint) lines.push(`    Ter informatie (niet toegepast): ${u.hint}`);
    }
    return lines.join('\n') + '\n';
}
