/**
 * Prose to runs: text unescaped and with its line breaks and indentation folded to single spaces, references
 * replaced by the target's current citation (references.ts), term uses marked and linked, legislation linked to
 * wetten.overheid.nl, URLs linked, placeholders kept as written. A reference at the start of a sentence is
 * capitalised ("Bijlage 1: …"); an article the drafter already wrote is not repeated ("het [vorig lid]").
 */
import type { AstNode, Reference } from 'langium';
import { AstUtils } from 'langium';
import type { Document, Prose, WetRef } from '../../language/generated/ast.js';
import {
    isAutoTerm, isBegripRef, isBijlage, isDocumentRef, isDocumentVerwijzing, isRelatieveRef, isTermUse, isText,
    isStandaardRef, isUnknownRef, isUrlRef, isWetRef
} from '../../language/generated/ast.js';
import { citeLegislation, findRegulation, legislationUrl } from '../../language/model/legislation.js';
import { findStandard } from '../../language/model/standards.js';
import { documentStructure } from '../../language/model/structure.js';
import { unescapeProse } from '../../language/prose.js';
import type { RenderContext } from './references.js';
import { citationOf, documentRefText, linkTo, relativeTarget } from './references.js';
import type { Link, Run } from './view.js';

export function proseRuns(prose: Prose | undefined, ctx: RenderContext): Run[] {
    if (!prose) return [];
    const runs: Run[] = [];
    for (const deel of prose.delen) {
        const run = deelRun(deel, ctx, runs);
        if (run) push(runs, run);
    }
    return trimRuns(runs);
}

function deelRun(deel: AstNode, ctx: RenderContext, before: Run[]): Run | undefined {
    if (isText(deel)) return { kind: 'text', text: fold(unescapeProse(deel.waarde)) };
    if (isAutoTerm(deel) || isTermUse(deel)) {
        const target = deel.term?.ref;
        const text = deel.term?.$refText ?? '';
        return target ? { kind: 'term', text, link: linkTo(target, ctx) } : { kind: 'text', text };
    }
    if (isWetRef(deel)) return lawRun(deel, ctx, before);
    if (isUrlRef(deel)) {
        const url = /^https?:\/\//i.test(deel.url) ? deel.url : `https://${deel.url}`;
        return { kind: 'url', text: deel.url, url };
    }
    if (isUnknownRef(deel)) return { kind: 'placeholder', text: written(deel) };
    if (isStandaardRef(deel)) {
        // A standard reads as written; a known one links to its publisher.
        const text = written(deel).replace(/^\[\s*standaard\s+/, '').replace(/\s*\]$/, '');
        const standard = findStandard(deel.woorden);
        return standard ? { kind: 'url', text, url: standard.url } : { kind: 'text', text };
    }
    if (isRelatieveRef(deel)) {
        const { target, text } = relativeTarget(deel, ctx);
        if (!target) {
            ctx.warnings.push(`${written(deel)} heeft geen doel.`);
            return { kind: 'ref', text: written(deel), broken: true };
        }
        return refRun(phrase(text, before), linkTo(target, ctx));
    }
    const ref = (deel as AstNode & { target?: Reference }).target;
    if (ref) {
        const target = ref.ref;
        if (!target) {
            ctx.warnings.push(`verwijzing ${written(deel)} is niet gevonden.`);
            return { kind: 'ref', text: written(deel), broken: true };
        }
        if (isBegripRef(deel)) return { kind: 'term', text: ref.$refText.split('.').pop() ?? '', link: linkTo(target, ctx) };
        const text = isDocumentRef(deel)
            ? documentRefText(target, deel, ctx)
            : citationOf(target, deel, ctx) ?? ref.$refText;
        return refRun(phrase(text, before), linkTo(target, ctx));
    }
    return { kind: 'text', text: fold(written(deel)) };
}

function refRun(text: string, link: Link | undefined): Run {
    return link ? { kind: 'ref', text, link } : { kind: 'ref', text };
}

/** [artikel 7:401 BW] → "artikel 7:401 BW" linked to wetten.overheid.nl; [artikel 18 AIV] → artikel 18 of that document. */
function lawRun(node: WetRef, ctx: RenderContext, before: Run[]): Run {
    const name = (node.wet ?? []).join(' ');
    const text = phrase(`artikel ${node.artikel ?? ''}${node.lid ? ` lid ${node.lid}` : ''}${node.onderdeel ? ` onder ${node.onderdeel}` : ''} ${name}`, before);
    const citation = node.artikel ? citeLegislation(name, node.artikel, node.lid, node.onderdeel) : undefined;
    if (citation) {
        const url = legislationUrl(citation, ctx.referenceDate);
        return url && !citation.verified
            ? { kind: 'law', text, url, title: citation.regulation, unverified: true }
            : { kind: 'law', text, url, title: citation.regulation };
    }
    if (findRegulation(name)) return { kind: 'law', text, title: findRegulation(name)?.title };
    const target = setDocumentArtikel(node, name, ctx);
    return target ? refRun(text, linkTo(target, ctx)) : { kind: 'law', text };
}

/** The artikel of a document of the set cited as [artikel 18 AIV], when that document is loaded. */
function setDocumentArtikel(node: WetRef, name: string, ctx: RenderContext): AstNode | undefined {
    const own = AstUtils.getDocument(node).parseResult.value as Document;
    let loaded = undefined;
    for (const n of AstUtils.streamAllContents(own)) {
        if ((isDocumentVerwijzing(n) || isBijlage(n)) && n.name === name) {
            loaded = ctx.layout.loadedFrom(n);
            break;
        }
    }
    loaded ??= ctx.layout.documents.find(d => (d.parseResult.value as Document).name === name);
    if (!loaded) return undefined;
    const cite = node.lid ? `artikel ${node.artikel}.${node.lid}` : `artikel ${node.artikel}`;
    return documentStructure(loaded.parseResult.value as Document).byCitation(cite)?.node;
}

/** Capitalise at the start of a sentence; drop "het"/"de" when the text before already ends with it. */
function phrase(text: string, before: Run[]): string {
    const prev = before.length ? before[before.length - 1] : undefined;
    const prevText = prev?.text ?? '';
    let out = text;
    const article = /^(het|de) /.exec(out);
    if (article && new RegExp(`(^|\\s)${article[1]}\\s*$`, 'i').test(prevText)) out = out.slice(article[0].length);
    const startsSentence = before.every(r => r.text.trim() === '') || /[.!?]\s*$/.test(prevText);
    return startsSentence ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** The reference exactly as written, whitespace folded. */
function written(node: AstNode): string {
    return fold(node.$cstNode?.text ?? '');
}

function fold(text: string): string {
    return text.replace(/\s+/g, ' ');
}

function push(runs: Run[], run: Run): void {
    const last = runs[runs.length - 1];
    if (run.kind === 'text' && last?.kind === 'text') last.text += run.text;
    else if (run.text !== '' || run.kind !== 'text') runs.push(run);
}

function trimRuns(runs: Run[]): Run[] {
    const first = runs[0];
    if (first?.kind === 'text') first.text = first.text.trimStart();
    const last = runs[runs.length - 1];
    if (last?.kind === 'text') last.text = last.text.trimEnd();
    return runs.filter(r => r.kind !== 'text' || r.text !== '');
}

/** Plain text of a prose (titles, metadata), references resolved. */
export function proseString(prose: Prose | undefined, ctx: RenderContext): string {
    return proseRuns(prose, ctx).map(r => r.text).join('');
}
