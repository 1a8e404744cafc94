/**
 * Element ids and citations of reference targets, as the published text shows them.
 *
 * Conventions (Dutch, after the Aanwijzingen voor de regelgeving where they apply):
 * - an artikel, hoofdstuk, bijlage or overweging is cited by its current number: "artikel 11", "bijlage 2";
 * - a lid of another artikel by the computed citation: "artikel 11.4" (ledennummering samengesteld) or
 *   "artikel 11 lid 4" (los); a lid of the same artikel as "het vierde lid";
 * - an onderdeel of the same lid as "onderdeel b", of another lid of the same artikel as "het eerste lid,
 *   onderdeel b", otherwise "artikel 12.1, onderdeel b";
 * - an element of the same bijlage drops " van bijlage 2"; an element of another document of the set adds
 *   " van <citeertitel>" or " van de <titel>";
 * - relative references name the relation, with the right article and demonstrative: [vorig lid] → "het vorige
 *   lid", [volgend lid] → "het volgende lid", [dit artikel] → "dit artikel", [deze bijlage] → "deze bijlage",
 *   [deze overeenkomst] → "deze overeenkomst" (prose.ts drops the article when the drafter wrote it already).
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Artikel, Document, Lid, RelatieveRef } from '../../language/generated/ast.js';
import {
    isArtikel, isBegrip, isBijlage, isDocument, isDocumentVerwijzing, isGroep, isHoofdstuk, isLid, isLijst, isOnderdeel,
    isPartij, isRol, isVariant
} from '../../language/generated/ast.js';
import { ordinal } from '../../language/model/numbering.js';
import { documentStructure } from '../../language/model/structure.js';
import { proseText } from '../../language/prose.js';
import type { Placement, SetLayout } from './layout.js';
import { documentCitation, relativeOutput } from './layout.js';
import type { Link } from './view.js';

export interface RenderContext {
    layout: SetLayout;
    /** The entry being rendered. */
    entry: LangiumDocument;
    /** Date to pin legislation links to (the document's vastgesteld date), if any. */
    referenceDate?: string;
    warnings: string[];
}

export interface Located {
    id: string;
    placement: Placement;
}

/** The element id of a node in the output that contains it, or undefined when it is not shown anywhere. */
export function locate(node: AstNode, layout: SetLayout, depth = 0): Located | undefined {
    if (depth > 8) return undefined;
    const doc = AstUtils.getDocument(node);
    const placement = layout.placement(doc);
    if (!placement) return undefined;
    const at = (id: string): Located => ({ id: placement.prefix + id, placement });
    if (isDocument(node)) {
        return placement.bijlage ? locate(placement.bijlage, layout, depth + 1) : at('document');
    }
    const info = documentStructure(doc.parseResult.value as Document).info(node);
    if (info) return at(info.eId);
    if (isVariant(node)) return locate(node.$container, layout, depth + 1);
    if (isBegrip(node)) {
        if (node.definitie) return at(`term_${node.name}`);
        const bron = node.bron?.ref;
        return bron ? locate(bron, layout, depth + 1) : undefined;
    }
    if (isPartij(node) || isGroep(node)) return at(`party_${node.name}`);
    if (isRol(node)) {
        const doel = node.doel?.ref;
        return doel ? locate(doel, layout, depth + 1) : undefined;
    }
    if (isDocumentVerwijzing(node)) {
        const loaded = layout.loadedFrom(node);
        return loaded ? locate(loaded.parseResult.value, layout, depth + 1) : undefined;
    }
    return undefined;
}

/** A link from the output of `ctx.entry` to a node, if the node is shown in some output of the set. */
export function linkTo(node: AstNode, ctx: RenderContext): Link | undefined {
    const located = locate(node, ctx.layout);
    if (!located) return undefined;
    const entry = located.placement.entry;
    return entry === ctx.entry ? { id: located.id } : { id: located.id, file: relativeOutput(ctx.entry, entry) };
}

/** How the text at `from` cites a numbered element (artikel, lid, onderdeel, bijlage, hoofdstuk, overweging). */
export function citationOf(target: AstNode, from: AstNode, ctx: RenderContext): string | undefined {
    const targetDoc = AstUtils.getDocument(target);
    const info = documentStructure(targetDoc.parseResult.value as Document).info(target);
    if (!info) return undefined;
    const near = nearCitation(target, from, info.citation);
    if (near) return near;
    const targetPlace = ctx.layout.placement(targetDoc);
    if (!targetPlace) return info.citation;
    if (targetPlace.entry !== ctx.entry) {
        return `${info.citation}${targetPlace.suffix} van ${documentCitation(targetPlace.entry.parseResult.value as Document)}`;
    }
    const full = info.citation + targetPlace.suffix;
    const own = contextSuffix(from, ctx);
    return own && full.endsWith(own) ? full.slice(0, -own.length) : full;
}

/** " van bijlage 2" when `from` lies in bijlage 2 (inline, or a file loaded as bijlage 2), else ''. */
function contextSuffix(from: AstNode, ctx: RenderContext): string {
    const doc = AstUtils.getDocument(from);
    const placement = ctx.layout.placement(doc);
    const bijlage = AstUtils.getContainerOfType(from, isBijlage);
    const info = bijlage ? documentStructure(doc.parseResult.value as Document).info(bijlage) : undefined;
    return (info ? ` van ${info.citation}` : '') + (placement?.suffix ?? '');
}

/** "het tweede lid" and "onderdeel b" for targets in the same artikel as the reference. */
function nearCitation(target: AstNode, from: AstNode, citation: string): string | undefined {
    const fromArtikel = AstUtils.getContainerOfType(from, isArtikel);
    if (!fromArtikel) return undefined;
    if (isLid(target) && target.$container === fromArtikel) return `het ${lidOrdinal(target)} lid`;
    if (isOnderdeel(target)) {
        const lid = AstUtils.getContainerOfType(target, isLid);
        if (!lid || lid.$container !== fromArtikel) return undefined;
        const lidCitation = documentStructure(AstUtils.getDocument(lid).parseResult.value as Document).info(lid)?.citation;
        if (!lidCitation || !citation.startsWith(`${lidCitation}, `)) return undefined;
        const rest = citation.slice(lidCitation.length + 2);
        return AstUtils.getContainerOfType(from, isLid) === lid ? rest : `het ${lidOrdinal(lid)} lid, ${rest}`;
    }
    return undefined;
}

function lidOrdinal(lid: Lid): string {
    const info = documentStructure(AstUtils.getDocument(lid).parseResult.value as Document).info(lid);
    return ordinal(info?.number ?? 1);
}

/** Words whose article is "het" (dit/het vorige); the others take "deze"/"de". */
const HET_WORDS = new Set(['lid', 'artikel', 'onderdeel', 'hoofdstuk']);

export interface RelativeTarget {
    target?: AstNode;
    text: string;
}

/** The element a relative reference points to, and how it reads. */
export function relativeTarget(node: RelatieveRef, ctx: RenderContext): RelativeTarget {
    const soort = node.soort ?? '';
    const het = HET_WORDS.has(soort);
    const relatie = node.relatie ?? '';
    const direction = relatie.startsWith('vorig') ? -1 : relatie.startsWith('volgend') ? 1 : 0;
    const text = direction === 0
        ? `${het ? 'dit' : 'deze'} ${soort}`
        : `${het ? 'het' : 'de'} ${direction < 0 ? 'vorige' : 'volgende'} ${soort}`;
    const sibling = <T extends AstNode>(self: T | undefined, list: readonly AstNode[] | undefined): AstNode | undefined => {
        if (!self || !list) return undefined;
        if (direction === 0) return self;
        const same = list.filter(n => n.$type === self.$type);
        return same[same.indexOf(self) + direction];
    };
    let target: AstNode | undefined;
    switch (soort) {
        case 'lid': {
            const lid = AstUtils.getContainerOfType(node, isLid);
            target = sibling(lid, lid?.$container.inhoud);
            break;
        }
        case 'artikel': {
            const artikel = AstUtils.getContainerOfType(node, isArtikel);
            const container = artikel?.$container as (AstNode & { leden?: AstNode[] }) | undefined;
            target = sibling<Artikel>(artikel, container?.leden);
            break;
        }
        case 'onderdeel': {
            const onderdeel = AstUtils.getContainerOfType(node, isOnderdeel);
            target = sibling(onderdeel, isLijst(onderdeel?.$container) ? onderdeel.$container.onderdelen : undefined);
            break;
        }
        case 'hoofdstuk':
            target = direction === 0 ? AstUtils.getContainerOfType(node, isHoofdstuk) : undefined;
            break;
        case 'bijlage':
            target = direction === 0
                ? AstUtils.getContainerOfType(node, isBijlage) ?? ctx.layout.placement(AstUtils.getDocument(node))?.bijlage
                : undefined;
            break;
        case 'overeenkomst':
            target = direction === 0 ? ctx.entry.parseResult.value : undefined;
            break;
    }
    return { target, text };
}

/** The name a document reference shows: a bijlage's citation, else the document's title. */
export function documentRefText(target: AstNode, from: AstNode, ctx: RenderContext): string {
    const cited = citationOf(target, from, ctx);
    if (cited) return cited;
    if (isDocument(target)) return documentCitation(target);
    if (isDocumentVerwijzing(target)) {
        const title = proseText(target.titel).replace(/\s+/g, ' ').trim();
        return /^(de|het|een)\s/i.test(title) ? title : `de ${title}`;
    }
    return (target as AstNode & { name?: string }).name ?? '';
}
