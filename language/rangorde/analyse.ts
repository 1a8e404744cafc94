/**
 * Rangorde resolution of one document set, end to end: R5.4 first (rejected conditions drop out of the set),
 * then the partial order (R5.1), then every slot (R5.2, R5.3) with its provenance (R5.5), the raam→deel
 * conformance checks and the check of derogation clauses against the order.
 */
import { resolveConditions } from './conditions.js';
import type { RangordeFinding } from './findings.js';
import type { RangDocument, RangordeInput } from './model.js';
import type { DefaultUse, OrderEdge, PrecedenceOrder } from './order.js';
import { DocumentTable, resolveOrder } from './order.js';
import type { SlotResolution } from './resolve.js';
import { conformanceFindings, derogationFindings, slotFindings, SlotResolver } from './resolve.js';

export interface RangordeAnalysis {
    table: DocumentTable;
    /** The documents with their resolved `rank` (R5.1). */
    documents: RangDocument[];
    order: PrecedenceOrder;
    /** Levels of the resolved order, highest first. */
    levels: string[][];
    /** Direct edges, each with the clauses that decided it. */
    edges: OrderEdge[];
    /** Documents of the set that nothing places (rejected conditions aside). */
    unplaced: string[];
    defaults: DefaultUse[];
    /** Conditions that do not apply (R5.4). */
    rejected: string[];
    battleOfForms: boolean;
    slots: SlotResolution[];
    resolver: SlotResolver;
    findings: RangordeFinding[];
}

export function analyseRangorde(input: RangordeInput): RangordeAnalysis {
    const table = new DocumentTable(input.documents);
    const conditions = resolveConditions(input, table);
    const rejected = new Set(conditions.rejected.keys());
    const ordered = resolveOrder(input, table, rejected);
    const resolver = new SlotResolver(input, table, ordered.order, rejected);
    const slots = resolver.resolveAll();
    const placed = ordered.order.placed();
    return {
        table,
        documents: [...table.byId.values()],
        order: ordered.order,
        levels: ordered.order.levels(),
        edges: ordered.order.edges(),
        unplaced: table.ids().filter(id => !placed.has(id) && !rejected.has(id)),
        defaults: ordered.defaults,
        rejected: [...rejected],
        battleOfForms: conditions.battleOfForms,
        slots,
        resolver,
        findings: [
            ...conditions.findings,
            ...ordered.findings,
            ...derogationFindings(resolver),
            ...slotFindings(resolver, slots),
            ...conformanceFindings(resolver)
        ]
    };
}
