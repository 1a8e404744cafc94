/**
 * The document view: what a reader of the published agreement sees, independent of the output format. Numbers,
 * labels, citations and element ids are computed here once (from model/structure.ts), so the HTML, Markdown and
 * DOCX writers cannot disagree about "artikel 4.3". Every string in it is plain text (never markup): writers
 * escape it for their format.
 */

/** A piece of prose as it is shown. */
export type Run =
    | TextRun
    | RefRun
    | TermRun
    | LawRun
    | UrlRun
    | PlaceholderRun;

export interface TextRun {
    kind: 'text';
    text: string;
}

/** A reference to an element of the document set, shown with the target's current citation. */
export interface RefRun {
    kind: 'ref';
    text: string;
    link?: Link;
    /** The target could not be found; `text` is the reference as written. */
    broken?: boolean;
}

/** A use of a defined term or a party name, linked to its definition when it has one. */
export interface TermRun {
    kind: 'term';
    text: string;
    link?: Link;
}

/** A citation of legislation, linked to the official source when the regulation is known. */
export interface LawRun {
    kind: 'law';
    text: string;
    url?: string;
    /** The regulation's full title, e.g. "Burgerlijk Wetboek". */
    title?: string;
    /** The link's BWB/CELEX id is not verified against the source (model/legislation.ts). */
    unverified?: boolean;
}

export interface UrlRun {
    kind: 'url';
    text: string;
    /** Always http(s). */
    url: string;
}

/** An open spot of a draft, e.g. "[naam]": kept visibly. */
export interface PlaceholderRun {
    kind: 'placeholder';
    text: string;
}

/** Where a reference points: an element id, in this output or in the output of another document of the set. */
export interface Link {
    id: string;
    /** Path of the other output, relative to this output's folder and without extension ("basis"). */
    file?: string;
}

/**
 * The numbering of an item: label = prefix + number in `format` + suffix. Items with the same `sequence` form one
 * list, which lets the DOCX writer use real Word numbering; `label` is what every writer shows otherwise.
 */
export interface Numbering {
    sequence: string;
    number: number;
    format: NumberFormat;
    prefix: string;
    suffix: string;
}

export type NumberFormat = 'decimal' | 'lowerLetter' | 'upperRoman' | 'bullet' | 'text';

export interface DocumentView {
    /** Output name, e.g. "raamovereenkomst" (the entry file's name without .ovk). */
    name: string;
    /** The document kind as a reader names it, e.g. "Raamovereenkomst". */
    kindLabel: string;
    title: Run[];
    /** Title-page facts as label/value pairs, in Dutch: Soort, Versie, Status, Vastgesteld, … */
    meta: MetaItem[];
    /** Unnumbered text written before the first structural element (the cover page). */
    cover: Block[];
    toc: TocEntry[];
    body: Block[];
    /** Problems met while building the view (unresolved references, missing files), in Dutch. */
    warnings: string[];
}

export interface MetaItem {
    label: string;
    value: string;
}

export interface TocEntry {
    id: string;
    /** "Artikel 4.", "Hoofdstuk 2.", "Bijlage 1." */
    label: string;
    title: string;
    level: number;
    /** In another output (a bijlage loaded from its own file is rendered inline, so this is rare). */
    file?: string;
}

export type Block =
    | SectionBlock
    | ParagraphBlock
    | LidBlock
    | ListBlock
    | TableBlock
    | PartiesBlock
    | RecitalsBlock
    | SignaturesBlock;

/** A hoofdstuk, artikel or bijlage with its heading. */
export interface SectionBlock {
    kind: 'section';
    role: 'hoofdstuk' | 'artikel' | 'bijlage';
    id: string;
    /** Heading depth: 1 for hoofdstuk and bijlage, 2 for an artikel (3 for an artikel in a hoofdstuk of a bijlage). */
    level: number;
    /** "Artikel 4." */
    label: string;
    numbering?: Numbering;
    title: Run[];
    children: Block[];
    /** An external bijlage: only its title (and source) is shown. */
    external?: { source?: Run[] };
}

export interface ParagraphBlock {
    kind: 'paragraph';
    /** tekst: unnumbered normative text; kop: an unnumbered sub-heading; toelichting: non-normative; begrip: a definition; note: a remark of the renderer. */
    role: 'tekst' | 'kop' | 'toelichting' | 'begrip' | 'note';
    id?: string;
    /** For a begrip: the term (and its variants) being defined. */
    term?: string;
    runs: Run[];
}

export interface LidBlock {
    kind: 'lid';
    id: string;
    /** "4.3" (ledennummering samengesteld) or "3." (los). */
    label: string;
    numbering: Numbering;
    runs: Run[];
    list?: ListBlock;
    /** Text after the list. */
    closing?: Run[];
    /** Tables attached to the lid. */
    extra: Block[];
}

export interface ListBlock {
    kind: 'list';
    style: string;
    items: ListItem[];
}

export interface ListItem {
    id: string;
    /** "a.", "1°", "I.", "–", "6.3.1" */
    label: string;
    numbering: Numbering;
    runs: Run[];
    list?: ListBlock;
    closing?: Run[];
}

export interface TableBlock {
    kind: 'table';
    id: string;
    title?: Run[];
    columns?: Run[][];
    rows: Run[][][];
}

export interface PartiesBlock {
    kind: 'parties';
    intro?: Run[];
    parties: PartyView[];
    groups: GroupView[];
    closing?: Run[];
}

export interface PartyView {
    id: string;
    /** gemeente, contractant, … */
    role: string;
    name: string;
    title: Run[];
    /** The comparitie: who the party is and who represents it. */
    description?: Run[];
    /** Who signs for it (from the signature blocks). */
    representatives: Array<{ name: string; capacity?: string }>;
}

/** "De Gemeente" = Raalte and Olst-Wijhe, acting each on its own. */
export interface GroupView {
    id: string;
    name: string;
    members: string[];
    /** "ieder afzonderlijk", "gezamenlijk" */
    acting?: string;
}

export interface RecitalsBlock {
    kind: 'recitals';
    id: string;
    intro?: Run[];
    items: Array<{ id: string; label: string; numbering: Numbering; runs: Run[] }>;
    closing?: Run[];
}

export interface SignaturesBlock {
    kind: 'signatures';
    id: string;
    intro?: Run[];
    signatures: SignatureView[];
}

export interface SignatureView {
    id: string;
    /** "namens" whom, as the reader knows the party: "De Gemeente Raalte", "Gemeente". */
    party: Run[];
    name?: Run[];
    capacity?: Run[];
    place?: Run[];
    date?: Run[];
}

/** The visible text of runs. */
export function runsText(runs: readonly Run[] | undefined): string {
    return (runs ?? []).map(r => r.text).join('');
}
