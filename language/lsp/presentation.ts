/**
 * How the editor presents elements to a drafter: the computed citation ("artikel 4.3"), headings with titles,
 * excerpts of the text with references rendered as a reader sees them, and what a relative reference such as
 * [vorig lid] denotes. Hover, inlay hints, the outline and completion all use this, so they show the same numbers.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Document, Prose, WetRef } from '../generated/ast.js';
import {
    isArtikel, isArtikelRef, isAutoTerm, isBegrip, isBegripRef, isBijlage, isBijlageRef, isCiteertitel, isDocument,
    isDocumentRef, isDocumentVerwijzing, isGroep, isHoofdstuk, isLid, isLidRef, isLooptijd, isOnderdeel,
    isOnderdeelRef, isOndertekend, isOverwegingRef, isPartij, isRelatieveRef, isRol, isTekst, isTermUse, isText, isUrlRef,
    isVariant, isVastgesteld, isWetRef
} from '../generated/ast.js';
import { proseText, unescapeProse } from '../prose.js';
import type { ElementInfo } from '../model/structure.js';
import { documentStructure } from '../model/structure.js';

/** The document (root node) an element belongs to. */
export function rootOf(node: AstNode): Document {
    return AstUtils.findRootNode(node) as Document;
}

/** Number, label and citation of an artikel, lid, onderdeel, bijlage, hoofdstuk or overweging. */
export function elementInfo(node: AstNode): ElementInfo | undefined {
    return documentStructure(rootOf(node)).info(node);
}

/** The name under which a document is cited: its citeertitel, else its title. */
export function documentTitle(root: Document): string {
    const citeertitel = root.meta.find(isCiteertitel);
    return (citeertitel ? proseText(citeertitel.waarde) : proseText(root.titel)).trim() || root.name;
}

/** The file name of a document, for "in basis.ovk". */
export function fileName(document: LangiumDocument): string {
    return UriUtils.basename(document.uri);
}

/** Whether two nodes live in the same document. */
export function sameDocument(a: AstNode, b: AstNode): boolean {
    return rootOf(a) === rootOf(b);
}

/**
 * How a reference to `target` reads in `from`: "artikel 4.3" in the same document, "artikel 6 van
 * Basisovereenkomst Wmo 2021" for an element of another document of the set.
 */
export function citationFrom(target: AstNode, from: AstNode): string | undefined {
    if (isDocument(target)) return documentTitle(target);
    const info = elementInfo(target);
    if (!info) return undefined;
    return sameDocument(target, from) ? info.citation : `${info.citation} van ${documentTitle(rootOf(target))}`;
}

/** The title shown next to a citation: the element's own title, or for a lid/onderdeel that of its artikel. */
export function titleOf(node: AstNode): string | undefined {
    if (isArtikel(node) || isBijlage(node) || isHoofdstuk(node) || isDocument(node)) return proseText(node.titel).trim() || undefined;
    const artikel = AstUtils.getContainerOfType(node, isArtikel);
    return artikel ? proseText(artikel.titel).trim() || undefined : undefined;
}

/** "artikel 4.3 — Totstandkoming van Dienstverleningsopdrachten" */
export function heading(node: AstNode, from?: AstNode): string | undefined {
    const citation = from ? citationFrom(node, from) : elementInfo(node)?.citation;
    if (!citation) return undefined;
    const title = isDocument(node) ? undefined : titleOf(node);
    return title ? `${citation} — ${title}` : citation;
}

// ---------------------------------------------------------------- relative references

import { relativeWords } from '../model/relative.js';
export { relativeRefTarget, relativeTarget, relativeWords } from '../model/relative.js';

// ---------------------------------------------------------------- text

/** "[artikel 7:401 BW]" → "artikel 7:401 BW". */
export function wetCitation(ref: WetRef): string {
    let s = `artikel ${ref.artikel ?? ''}`;
    if (ref.lid) s += ` lid ${ref.lid}`;
    if (ref.onderdeel) s += ` onder ${ref.onderdeel}`;
    return `${s} ${(ref.wet ?? []).join(' ')}`;
}

/** Prose as the published text will read: references replaced by their current citation. */
export function renderProse(prose: Prose | undefined): string {
    if (!prose) return '';
    let out = '';
    // Tolerant of half-typed references: the parser leaves out what it could not read.
    for (const deel of prose.delen ?? []) {
        if (isText(deel)) out += unescapeProse(deel.waarde ?? '');
        else if (isAutoTerm(deel) || isTermUse(deel)) out += deel.term?.$refText ?? '';
        else if (isArtikelRef(deel) || isLidRef(deel) || isOnderdeelRef(deel) || isBijlageRef(deel) || isOverwegingRef(deel)) {
            const target = deel.target?.ref;
            out += (target && citationFrom(target, deel)) ?? deel.$cstNode?.text ?? '';
        } else if (isDocumentRef(deel)) {
            const target = deel.target?.ref;
            if (isBijlage(target)) out += citationFrom(target, deel) ?? deel.target.$refText;
            else if (isDocument(target) || isDocumentVerwijzing(target)) out += proseText(target.titel).trim();
            else out += deel.target?.$refText ?? '';
        } else if (isBegripRef(deel)) out += deel.target?.$refText ?? '';
        else if (isRelatieveRef(deel)) out += relativeWords(deel.relatie, deel.soort);
        else if (isWetRef(deel)) out += wetCitation(deel);
        else if (isUrlRef(deel)) out += deel.url ?? '';
        else out += deel.$cstNode?.text ?? '';
    }
    return out;
}

/** Normalised whitespace, cut at a word boundary near `max` characters. */
export function excerpt(text: string, max = 200): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')} …`;
}

/**
 * The running text of an element, with the numbers of its parts: an artikel's leden as "4.1 …", a lid with its
 * onderdelen, a bijlage's artikelen. Stops collecting once `max` characters are reached.
 */
export function elementText(node: AstNode, max = 200): string {
    const parts: string[] = [];
    let length = 0;
    const push = (s: string) => {
        const t = s.replace(/\s+/g, ' ').trim();
        if (!t) return;
        parts.push(t);
        length += t.length + 1;
    };
    const visit = (n: AstNode, labelled: boolean) => {
        if (length > max) return;
        if (isLid(n) || isOnderdeel(n)) {
            const label = labelled ? elementInfo(n)?.label : undefined;
            push(`${label ? label + ' ' : ''}${renderProse(n.tekst)}`);
            for (const o of n.lijst?.onderdelen ?? []) visit(o, true);
            if (n.slot) push(renderProse(n.slot));
        } else if (isTekst(n)) {
            push(renderProse(n.tekst));
        } else if (isArtikel(n)) {
            if (labelled) push(`${heading(n) ?? ''}.`);
            for (const c of n.inhoud) visit(c, true);
        } else if (isBijlage(n) || isHoofdstuk(n)) {
            for (const c of n.leden) visit(c, true);
        } else if (isBegrip(n)) {
            push(`${n.name}: ${renderProse(n.definitie)}`);
        }
    };
    if (isArtikel(node)) for (const c of node.inhoud) visit(c, true);
    else if (isLid(node) || isOnderdeel(node)) visit(node, false);
    else visit(node, true);
    return excerpt(parts.join(' '), max);
}

/** Makes text safe to show inside Markdown: no emphasis, links or HTML from the drafter's words. */
export function escapeMarkdown(text: string): string {
    return text.replace(/([\\`*_[\]{}()<>#+!|~])/g, '\\$1');
}

// ---------------------------------------------------------------- parties and terms

/** One line that says what a term or party is: "gemeente — De Gemeente Raalte", "variant van Werkdag". */
export function termSummary(node: AstNode): string | undefined {
    if (isBegrip(node)) {
        if (node.definitie) return `begrip — ${excerpt(renderProse(node.definitie), 60)}`;
        if (node.bron) return `begrip uit ${node.bron.$refText}`;
        return 'begrip';
    }
    if (isVariant(node)) return `variant van ${node.$container.name}`;
    if (isPartij(node)) return `${node.soort} — ${proseText(node.titel).trim()}`;
    if (isGroep(node)) return `groep van ${node.leden.map(l => l.$refText).join(', ')}`;
    if (isRol(node)) return `rol voor ${node.doel.$refText}`;
    return undefined;
}

// ---------------------------------------------------------------- legislation

/**
 * The date a Juriconnect link is pinned to (termijnen.md R4.4): the date of signing, else the looptijd's
 * ingang, else the date the document was adopted.
 */
export function referenceDate(root: Document): string | undefined {
    const ondertekend = root.meta.find(isOndertekend)?.datum;
    if (ondertekend) return ondertekend;
    const looptijd = root.leden.find(isLooptijd);
    if (looptijd?.ingang) return looptijd.ingang;
    return root.meta.find(isVastgesteld)?.datum;
}
