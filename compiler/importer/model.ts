/**
 * What the importer recognised in an agreement, before it is written as Contractspraak: a tree of the
 * document's elements with their source text and positions. Numbers are kept as the source wrote them;
 * the emitter pins those that the computed numbering would not reproduce.
 */
import type { Label } from './lines.js';
import type { Position, SourceText } from './source.js';

export type ListStyle = 'letters' | 'cijfers' | 'graden' | 'romeins' | 'decimaal' | 'streepjes';

/** One or more paragraphs of prose; each paragraph may span several source lines. */
export type Paras = SourceText[];

export interface TekstNode {
    kind: 'tekst' | 'toelichting' | 'kop';
    paras: Paras;
}

/** Source lines kept as comments: the table of contents, metadata lines, struck numbers. */
export interface CommentNode {
    kind: 'comment';
    lines: string[];
}

export interface TabelNode {
    kind: 'tabel';
    rows: SourceText[][];
    line: number;
    name?: string;
}

export interface BegripNode {
    kind: 'begrip';
    /** The term as written ("Algemene voorziening", "Opdrachtgever(s)"). */
    term: SourceText;
    /** An abbreviation written with it: "(AVG)". */
    abbreviation?: SourceText;
    /** The definition; undefined for a declaration next to a lid that keeps the definition as text. */
    definition?: Paras;
    /** The list label of the source ("1)", "1.2"), dropped as numbering. */
    label?: string;
    line: number;
    name?: string;
    variants: string[];
}

export interface OnderdeelNode {
    kind: 'onderdeel';
    label: Label;
    /** The number the source gives it (letter c → 3). */
    number: number;
    paras: Paras;
    lijst?: ListNode;
    slot: Paras;
    line: number;
    name?: string;
    pin?: number;
}

export interface ListNode {
    style: ListStyle;
    items: OnderdeelNode[];
}

export interface LidNode {
    kind: 'lid';
    label?: Label;
    number: number;
    paras: Paras;
    lijst?: ListNode;
    slot: Paras;
    tables: TabelNode[];
    line: number;
    name?: string;
    pin?: number;
    /** A defined term the lid states ("1.2 Inwoner: …"), declared as a begrip next to it. */
    begrip?: BegripNode;
}

export type ArtikelContent = LidNode | TekstNode | TabelNode | BegripNode | CommentNode;

export interface ArtikelNode {
    kind: 'artikel';
    /** As the source numbers it; undefined when struck out or missing. */
    number?: number;
    title: SourceText;
    line: number;
    /** Position of the number in the heading (for findings). */
    numberPosition: Position;
    content: ArtikelContent[];
    /** Lines kept as comments before the artikel (a struck-out number). */
    comments: string[];
    /** Leden numbered "4.3" (compound) or "3" (los) in the source. */
    ledenStyle?: 'samengesteld' | 'los';
    name?: string;
    pin?: number;
    /** The artikel lists defined terms. */
    begrippen: boolean;
    /** Lettered items kept as text (a list without a lid to hang on): their labels are still checked. */
    looseLabels: Label[];
}

export interface HoofdstukNode {
    kind: 'hoofdstuk';
    number?: number;
    title: SourceText;
    line: number;
    members: Array<ArtikelNode | TekstNode | CommentNode | BegripNode | TabelNode>;
    name?: string;
    pin?: number;
}

export interface PartijNode {
    kind: 'partij';
    soort: 'gemeente' | 'contractant' | 'aanbieder' | 'dienstverlener' | 'partij';
    title: SourceText;
    description: Paras;
    label?: string;
    line: number;
    name?: string;
}

export interface GroepNode {
    kind: 'groep';
    name: string;
    variants: string[];
    /** Filled in when the parties have names. */
    members: string[];
    of: 'gemeenten' | 'alle';
}

export interface PartijenNode {
    kind: 'partijen';
    intro: Paras;
    parties: PartijNode[];
    groups: GroepNode[];
    slot: Paras;
    line: number;
}

export interface OverwegingNode {
    label: Label;
    number: number;
    paras: Paras;
    line: number;
    name?: string;
}

export interface OverwegingenNode {
    kind: 'overwegingen';
    intro: Paras;
    style: ListStyle;
    items: OverwegingNode[];
    slot: Paras;
    line: number;
}

export type SignatoryItem =
    | { kind: 'comment'; text: SourceText }
    | { kind: 'naam' | 'functie' | 'plaats' | 'datum'; value: SourceText; label: boolean };

export interface Signatory {
    /** Name of the party or group. */
    party: string;
    /** The party as printed in the block ("GEMEENTE OEGSTGEEST"). */
    weergave?: SourceText;
    items: SignatoryItem[];
}

export interface OndertekeningNode {
    kind: 'ondertekening';
    /** Every line of the block, as written. */
    paras: Paras;
    line: number;
    /** When the signatories could be read: the opening lines, the signatories, and lines after the last one. */
    intro?: Paras;
    signatories?: Signatory[];
    trailing?: SignatoryItem[];
}

export interface BijlageNode {
    kind: 'bijlage';
    /** "2", "2A"; undefined for "Bijlage:" without a number and for a bijlage of a bijlage with its own numbering. */
    numberText?: string;
    /** The number by which the text cites it ("bijlage 1" of a protocol). */
    citeNumber?: string;
    number?: number;
    title: SourceText;
    line: number;
    numberPosition: Position;
    members: Member[];
    /** Written to its own file (large annexes). */
    file?: string;
    /** Declared from the table of contents only: the source has no body for it. */
    fromToc?: boolean;
    ledenStyle: 'samengesteld' | 'los';
    name?: string;
    pin?: number;
    /** Last line of the bijlage in the source. */
    endLine: number;
}

export type Member =
    | TekstNode | CommentNode | TabelNode | BegripNode | ArtikelNode | HoofdstukNode | PartijenNode
    | OverwegingenNode | OndertekeningNode | BijlageNode;

export interface Meta {
    versie?: string;
    status?: 'concept' | 'definitief';
    vastgesteld?: string;
    ondertekend?: string;
    citeertitel?: string;
}

export interface TocEntry {
    kind: 'artikel' | 'bijlage' | 'overig';
    number?: string;
    title: string;
    line: number;
    column: number;
}

export interface ImportedDocument {
    soort: string;
    title: SourceText;
    name?: string;
    meta: Meta;
    ledenStyle: 'samengesteld' | 'los';
    members: Member[];
    toc: TocEntry[];
}
