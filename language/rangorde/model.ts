/**
 * The input of rangorde resolution (termijnen.md §5): the documents of a set, the precedence they declare, the
 * clauses that claim or derogate, and the provisions that fill slots. Pure data with string ids; whoever builds
 * it (extract.ts for parsed documents, tests by hand) keeps its own map from ids to source locations.
 */

export type DocumentKind =
    | 'ontwikkelovereenkomst' | 'samenwerkingsovereenkomst' | 'basisovereenkomst' | 'raamovereenkomst'
    | 'deelovereenkomst' | 'resultaatovereenkomst' | 'dienstverleningsovereenkomst' | 'addendum' | 'bijlage'
    | 'voorwaarden' | 'protocol' | 'verwerkersovereenkomst' | 'overeenkomst' | 'document';

/** The two sides of a Wmo agreement; R5.4 needs to know whose algemene voorwaarden a document is. */
export type Side = 'gemeente' | 'aanbieder';

/** R5.1: a document of the set. */
export interface RangDocument {
    id: string;
    kind: DocumentKind;
    /** How messages name it: "raamovereenkomst Raam", "bijlage Tarieven". */
    label: string;
    /**
     * The level in the resolved order, 0 = highest. Filled by resolution (order.ts), never read from input:
     * R5.1 takes rank from the contract's own rangorde clause, or from the default order where there is none.
     */
    rank?: number;
    /** ISO date (ondertekend, else vastgesteld): R5.3 step 4. */
    datum?: string;
    /** Documents this one amends as a whole (an addendum that `wijzigt Raam`): R5.3 step 2. */
    amends?: string[];
    /** The rangorde lets this document derogate from any document above it (R5.3 step 2). */
    derogationAllowed?: boolean;
    /** Signed by both parties (an agreement, an addendum), so its explicit derogations count (R5.3 step 2). */
    signedByBoth?: boolean;
    /** The document this one belongs to: a bijlage, or voorwaarden a document declares. */
    parent?: string;
    /** Declared as a bijlage of its parent, so `bijlagen` in the parent's rangorde includes it. */
    annex?: boolean;
    /** Documents it rests on (`importeer`): a deelovereenkomst on its raam- or basisovereenkomst. */
    imports?: string[];
    /** Algemene voorwaarden of this side (R5.4). */
    conditionsOf?: Side;
    /** Known by citation only; its text is not in the set. */
    external?: boolean;
}

/** A link of a rangorde chain: `deze`, `addenda`, `bijlagen` or a named document. */
export type MemberRef =
    | { kind: 'deze' }
    | { kind: 'addenda' }
    | { kind: 'bijlagen' }
    | { kind: 'document'; id: string };

export interface Member {
    /** Location id of the link as written. */
    id: string;
    ref: MemberRef;
}

/** Documents of equal rank: `deze = bijlagen`. */
export interface Level {
    members: Member[];
}

/** `addenda > deze > bijlagen`: levels in decreasing precedence. */
export interface Chain {
    id: string;
    levels: Level[];
}

/** `tenzij uitdrukkelijk deze afwijkt van Basis`: the lower document may derogate from the higher one. */
export interface RankException {
    id: string;
    lower: MemberRef;
    higher: MemberRef;
    /** `uitdrukkelijk`: only by an explicit derogation clause. */
    explicit: boolean;
}

/** One rangorde clause. */
export interface Declaration {
    id: string;
    /** The document whose clause it is; `deze` means this document. */
    by: string;
    /** Where in that document, for messages: "artikel 1.4". */
    where?: string;
    chains: Chain[];
    exceptions: RankException[];
}

/** `voorrang X boven Y, Z` / `voorrang X boven alles`: a clause claiming precedence. */
export interface Claim {
    id: string;
    by: string;
    where?: string;
    who: MemberRef;
    over: MemberRef[] | 'alles';
}

/** An artikel or lid, so derogations and `bindend`/`open` markers can point at it. */
export interface Element {
    id: string;
    document: string;
    /** The enclosing element (a lid's artikel). */
    parent?: string;
    binding?: 'bindend' | 'open';
    /** "artikel 7.2". */
    label?: string;
}

/** `afwijking van …` / `aanvulling op …` in a lid or artikel. */
export interface Derogation {
    id: string;
    kind: 'afwijking' | 'aanvulling';
    /** The document of the clause. */
    by: string;
    /** The lid or artikel it stands in; it covers the provisions inside. */
    scope?: string;
    where?: string;
    target: {
        document: string;
        /** An element id, or undefined for the whole document; an id no element has matches nothing. */
        element?: string;
        label?: string;
    };
}

/** `verwerpt voorwaarden van Contractant` (R5.4). */
export interface Rejection {
    id: string;
    by: string;
    where?: string;
    /** Whose conditions are rejected. */
    side: Side;
    party: string;
}

export type SlotKind = 'termijn' | 'tarief' | 'boete' | 'aansprakelijkheid' | 'looptijd';

/** A provision filling a slot (R5.2): two provisions with the same slot and different values conflict. */
export interface Provision {
    id: string;
    kind: SlotKind;
    /** The slot's name; the slot is kind + name across the set. */
    name: string;
    document: string;
    /** Normalised value, compared for equality. */
    value: string;
    /** The value as a drafter reads it. */
    display: string;
    /** Enclosing elements, innermost first. */
    elements: string[];
    where?: string;
    /** R5.3 step 1: mandatory law voids or caps this provision; the text says which. */
    voidBy?: string;
}

/** R5.3 step 1: mandatory law that fixes a slot's value (e.g. BW 6:119b lid 5 for a payment term). */
export interface Statute {
    slot: string;
    value: string;
    display: string;
    source: string;
}

export interface RangordeInput {
    documents: RangDocument[];
    declarations: Declaration[];
    claims: Claim[];
    derogations: Derogation[];
    rejections: Rejection[];
    elements: Element[];
    provisions: Provision[];
    statutes?: Statute[];
}

export function slotKey(p: { kind: SlotKind; name: string }): string {
    return `${p.kind}:${p.name}`;
}
