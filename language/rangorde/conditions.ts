/**
 * R5.4: whose algemene voorwaarden apply. The aanbieder's conditions are ignored when a document of the set
 * rejects them (`verwerpt voorwaarden van Contractant`); when both sides refer to their own conditions and
 * nothing rejects either, the case goes to a human (battle of forms, BW 6:225 lid 3 — from memory in
 * termijnen.md §5.2, so the message says to have it checked rather than deciding it).
 */
import type { RangordeFinding } from './findings.js';
import { RangordeCodes } from './findings.js';
import type { DocumentTable } from './order.js';
import { cap } from './order.js';
import type { RangordeInput, Rejection, Side } from './model.js';

export interface ConditionsResult {
    /** Rejected conditions and the clause that rejects them. */
    rejected: Map<string, Rejection>;
    /** Both sides refer to their own conditions and neither is rejected. */
    battleOfForms: boolean;
    findings: RangordeFinding[];
}

const SIDE_NAME: Record<Side, string> = { gemeente: 'de gemeente', aanbieder: 'de aanbieder' };

export function resolveConditions(input: RangordeInput, table: DocumentTable): ConditionsResult {
    const rejected = new Map<string, Rejection>();
    const findings: RangordeFinding[] = [];
    const conditions = input.documents.filter(d => d.conditionsOf !== undefined);
    for (const c of conditions) {
        const by = input.rejections.find(r => r.side === c.conditionsOf);
        if (!by) continue;
        rejected.set(c.id, by);
        findings.push({
            code: RangordeCodes.ConditionsRejected, at: c.id,
            message: `De voorwaarden ${c.label} van ${by.party} gelden niet: ${table.label(by.by)}${by.where ? ` (${by.where})` : ''} verwerpt ze (R5.4). `
                + `Ze tellen niet mee in de rangorde en niet bij strijdige bepalingen.`,
            related: [{ at: by.id, message: `Hier worden de voorwaarden van ${by.party} verworpen` }]
        });
    }
    const live = conditions.filter(c => !rejected.has(c.id));
    const gemeente = live.filter(c => c.conditionsOf === 'gemeente');
    const aanbieder = live.filter(c => c.conditionsOf === 'aanbieder');
    const battleOfForms = gemeente.length > 0 && aanbieder.length > 0;
    if (battleOfForms) {
        for (const c of live) {
            const others = live.filter(o => o.conditionsOf !== c.conditionsOf);
            findings.push({
                code: RangordeCodes.BattleOfForms, at: c.id,
                message: `Beide partijen verwijzen naar hun eigen algemene voorwaarden: ${c.label} van ${SIDE_NAME[c.conditionsOf!]} `
                    + `en ${others.map(o => o.label).join(', ')} van ${SIDE_NAME[others[0].conditionsOf!]}, en geen document verwerpt een van beide. `
                    + `Welke gelden volgt uit BW 6:225 lid 3 (battle of forms, R5.4); laat dit beoordelen door een jurist, `
                    + `of neem 'verwerpt voorwaarden van …' op.`,
                related: others.map(o => ({ at: o.id, message: `${cap(o.label)} van ${SIDE_NAME[o.conditionsOf!]}` }))
            });
        }
    }
    return { rejected, battleOfForms, findings };
}
