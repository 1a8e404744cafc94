/**
 * What rangorde resolution reports. Findings point at ids of the input (a declaration, a chain, a link, a
 * provision …); the caller maps them to source ranges. The codes are the ones in diagnostics.ts.
 */

export const RangordeCodes = {
    Unplaced: 'rangorde-unplaced',
    Duplicate: 'rangorde-duplicate',
    Cycle: 'rangorde-cycle',
    Opposite: 'rangorde-opposite',
    ClaimConflict: 'rangorde-claim-conflict',
    DefaultUsed: 'rangorde-default-used',
    SlotResolved: 'slot-conflict-resolved',
    SlotUnresolved: 'slot-conflict-unresolved',
    DeelNotOpen: 'deel-not-open',
    DeelContradictsBinding: 'deel-contradicts-binding',
    ConditionsRejected: 'conditions-rejected',
    BattleOfForms: 'battle-of-forms'
} as const;

export type RangordeCode = typeof RangordeCodes[keyof typeof RangordeCodes];

export interface RelatedFinding {
    at: string;
    message: string;
}

export interface RangordeFinding {
    code: RangordeCode;
    /** Id of the input element the finding is about. */
    at: string;
    /** Dutch, for the drafter. */
    message: string;
    related: RelatedFinding[];
}
