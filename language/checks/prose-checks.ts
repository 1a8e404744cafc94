/**
 * Checks on the words of prose: article numbers typed as text ("conform artikel 10.4") and draft residue
 * (xxx, <...>, 201X, an empty "Datum:").
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import { qualifiedName } from '../contractspraak-names.js';
import { Codes } from '../diagnostics.js';
import type { Artikel, Bijlage, Document, Handtekening, Prose } from '../generated/ast.js';
import { isArtikel, isBijlage, isDocument, isLid, isOnderdeel } from '../generated/ast.js';
import type { DocumentStructure, ElementInfo } from '../model/structure.js';
import { documentStructure } from '../model/structure.js';
import { findRegulation } from '../model/legislation.js';
import type { Candidate } from '../model/stale-reference.js';
import { betterTargets, staleReason, topicsNear } from '../model/stale-reference.js';
import { proseText } from '../prose.js';

export interface TypedNumber {
    /** Offsets relative to the prose node's source text (including the opening quote). */
    start: number;
    end: number;
    text: string;
    /** The element the number denotes today, if any. */
    target?: ElementInfo;
}

/** "artikel 10.4", "Artikel 6", "artikel 1 lid 5", "lid 2", "annex 2", "bijlage 3". */
const TYPED_NUMBER = /\b(artikel|art\.|lid|bijlage|annex)\s+(\d+(?:\.\d+)*)(?:\s*,?\s+lid\s+(\d+))?(?![\d.:]*\d)/giu;
/** Words that continue a citation before saying whose it is: "en artikel 23", ", eerste lid,", "onder a". */
const CONTINUATION = /^\s*(?:(?:,|en|of|t\/m|tot en met)\s*(?:artikel(?:en)?\s+)?\d+(?:[.:]\d+)*[a-z]?|,?\s*(?:(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)\s+lid|lid\s+\d+|(?:onder|sub)\s+[\p{L}\d]+)\s*,?)/u;
/** "… van de Algemene Inkoopvoorwaarden", "… van Boek 2", "… van de wet": a number of something else. */
const OF_SOMETHING = /^\s*,?\s*van\s+(?:(?:de|het|deze)\s+)?(?:(\p{Lu}[\p{L}-]*)|(?:wet|besluit|regeling|verordening|richtlijn|verdrag)\b)/u;
/** "… Gemeentewet", "… Wmo 2015", "… BW": a number of a law. */
const LAW_NAME = /^\s*(\p{Lu}[\p{L}-]*(?:\s+\d{4})?)/u;
/** "DOWR artikel 14", "AIV artikel 18": a document abbreviation right before the number. */
const ABBREVIATION_BEFORE = /\b\p{Lu}{2,}\s*$/u;

/** The words that name this document itself after "van de": its kind, or "Overeenkomst". */
function ownNames(root: Document): Set<string> {
    const soort = root.soort ?? 'overeenkomst';   // missing while the document header does not parse
    return new Set(['Overeenkomst', soort.charAt(0).toUpperCase() + soort.slice(1)]);
}

/** Whether the words around a typed number say it belongs to another document or a law. */
function citesElsewhere(before: string, after: string, own: Set<string>): boolean {
    if (ABBREVIATION_BEFORE.test(before)) return true;
    let rest = after;
    for (let m = CONTINUATION.exec(rest); m && m[0].length > 0; m = CONTINUATION.exec(rest)) rest = rest.slice(m[0].length);
    const of = OF_SOMETHING.exec(rest);
    if (of) return of[1] === undefined || !own.has(of[1]);
    const law = LAW_NAME.exec(rest);
    return !!law && (findRegulation(law[1]) !== undefined || findRegulation(law[1].split(/\s+/)[0]) !== undefined);
}

/** Source text of a prose with everything between [ ] and { } blanked out, offsets preserved. */
export function plainSource(prose: Prose): string {
    return (prose.$cstNode?.text ?? '').replace(/\\[\s\S]|\[[^\]]*\]?|\{[^}]*\}?/g, m => m.startsWith('\\') ? '  ' : ' '.repeat(m.length));
}

export function findTypedNumbers(prose: Prose, structure: DocumentStructure, source = plainSource(prose)): TypedNumber[] {
    // Every typed number has a digit; most prose has none.
    if (!/\d/.test(source)) return [];
    const own = ownNames(AstUtils.findRootNode(prose) as Document);
    const out: TypedNumber[] = [];
    for (const m of source.matchAll(TYPED_NUMBER)) {
        const before = source.slice(Math.max(0, m.index! - 12), m.index!);
        if (citesElsewhere(before, source.slice(m.index! + m[0].length, m.index! + m[0].length + 120), own)) continue;
        out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], target: resolveTyped(m, prose, structure) });
    }
    return out;
}

function resolveTyped(m: RegExpMatchArray, prose: Prose, structure: DocumentStructure): ElementInfo | undefined {
    const kind = m[1].toLowerCase();
    if (kind === 'bijlage' || kind === 'annex') return structure.byCitation(`bijlage ${m[2]}`);
    if (kind === 'lid') {
        // "lid 2" is relative to the artikel it stands in
        const artikel = AstUtils.getContainerOfType(prose, isArtikel);
        const artInfo = artikel && structure.info(artikel);
        if (!artInfo) return undefined;
        return structure.byCitation(structure.compoundLeden ? `artikel ${artInfo.label}.${m[2]}` : `artikel ${artInfo.label} lid ${m[2]}`);
    }
    if (m[3]) return structure.byCitation(structure.compoundLeden ? `artikel ${m[2]}.${m[3]}` : `artikel ${m[2]} lid ${m[3]}`);
    return structure.byCitation(`artikel ${m[2]}`);
}

/**
 * A typed artikel or lid number whose target is about something else than the sentence around it, while another
 * artikel of the same document (or bijlage) is about it: likely a number left behind by a renumbering
 * ("conform artikel 10" for the wijzigingen, now artikel 11). The importer uses the same heuristic.
 */
function staleTyped(typed: TypedNumber, target: ElementInfo, plain: string, structure: DocumentStructure): { reason: string; intended?: ElementInfo } | undefined {
    const artikel = isArtikel(target.node) ? target.node : isLid(target.node) ? AstUtils.getContainerOfType(target.node, isArtikel) : undefined;
    if (!artikel) return undefined;
    const title = proseText(artikel.titel);
    const about = isLid(target.node) ? `${title} ${proseText(target.node.tekst)}` : title;
    const sentenceStart = Math.max(plain.lastIndexOf('. ', typed.start) + 1, plain.lastIndexOf('; ', typed.start) + 1, 0);
    const next = [plain.indexOf('. ', typed.end), plain.indexOf('; ', typed.end)].filter(i => i >= 0);
    const sentence = plain.slice(sentenceStart, next.length ? Math.min(...next) : plain.length);
    const topics = topicsNear(sentence, typed.start - sentenceStart, typed.end - sentenceStart);
    if (topics.length === 0) return undefined;
    // The artikelen beside the target: those of the same container (the document, or the bijlage they are in).
    const candidates: Candidate[] = [];
    for (const sibling of siblingsOf(artikel)) {
        const info = structure.info(sibling);
        if (info) candidates.push({ citation: info.citation, title: proseText(sibling.titel) });
    }
    const targets = [{ citation: target.citation, about, title }];
    const reason = staleReason(topics, targets, candidates);
    if (!reason) return undefined;
    const [best] = betterTargets(topics, targets, candidates);
    return { reason, intended: best && structure.byCitation(best.citation) };
}

function siblingsOf(artikel: Artikel): Artikel[] {
    const container = AstUtils.getContainerOfType(artikel.$container, (n): n is Bijlage | Document => isBijlage(n) || isDocument(n));
    if (!container) return [];
    return AstUtils.streamAllContents(container).filter(isArtikel)
        .filter(a => AstUtils.getContainerOfType(a.$container, (n): n is Bijlage | Document => isBijlage(n) || isDocument(n)) === container)
        .toArray();
}

/** The reference a drafter should write instead of the typed number. */
export function referenceFor(info: ElementInfo): string | undefined {
    const name = qualifiedName(info.node);
    if (!name) return undefined;
    if (isArtikel(info.node)) return `[artikel ${name}]`;
    if (isLid(info.node)) return `[lid ${name}]`;
    if (isOnderdeel(info.node)) return `[onderdeel ${name}]`;
    if (isBijlage(info.node)) return `[bijlage ${name}]`;
    return undefined;
}

/** What every pattern of RESIDUE needs (xxx, <, a digit, d.d., Datum:): prose without any is skipped at once. */
const RESIDUE_HINT = /xxx|<|\d|d\.d\.|datum:/i;

const RESIDUE: Array<[RegExp, string]> = [
    [/\bx{3,}\b/gi, 'Invulplek \'$0\' staat nog in de tekst.'],
    [/<[^<>\n]{0,40}>/g, 'Invulplek \'$0\' staat nog in de tekst.'],
    [/\b(?:19|20)\d?X{1,2}\b/g, 'Onvolledig jaartal \'$0\'.'],
    [/\bd\.d\.\s*(?:\.{2,}|…)/gi, 'Datum ontbreekt: \'$0\'.'],
    [/\bDatum:[ \t]*(?=\r?\n|$)/gi, 'Lege \'Datum:\' staat nog in de tekst.']
];

export class ProseChecks {

    /** `naam ""`, `datum ""`: a field of a signature written and left empty, as an empty "Datum:" in prose. */
    checkSignature(h: Handtekening, accept: ValidationAcceptor): void {
        const fields = [['naam', h.naam], ['functie', h.functie], ['plaats', h.plaats], ['datum', h.datumTekst]] as const;
        for (const [field, value] of fields) {
            if (value && proseText(value).trim() === '') {
                accept('warning', `Lege ${field} in de ondertekening namens ${h.partij?.$refText ?? ''}; vul die in vóór ondertekening.`, {
                    node: value, code: Codes.Placeholder
                });
            }
        }
    }

    checkProse(prose: Prose, accept: ValidationAcceptor): void {
        const root = AstUtils.getDocument(prose).parseResult.value as Document;
        const structure = documentStructure(root);
        const plain = plainSource(prose);
        for (const typed of findTypedNumbers(prose, structure, plain)) {
            const range = rangeIn(prose, typed.start, typed.end);
            if (!range) continue;
            const stale = typed.target && staleTyped(typed, typed.target, plain, structure);
            if (stale) {
                // Both fixes for the editor: the likely intended artikel first, the typed one as a reference second.
                const data = { replacement: stale.intended && referenceFor(stale.intended), typed: referenceFor(typed.target!) };
                accept('warning', `'${typed.text}' past niet bij de zin: ${stale.reason}`, { node: prose, range, code: Codes.NumberAsTextStale, data });
            } else if (typed.target) {
                const replacement = referenceFor(typed.target);
                accept('warning', `'${typed.text}' is als tekst getypt; het nummer verandert niet mee bij hernummering. Verwijs naar ${replacement ?? typed.target.citation}.`, {
                    node: prose, range, code: Codes.NumberAsText, data: { replacement }
                });
            } else {
                accept('error', `'${typed.text}' bestaat niet in dit document.`, { node: prose, range, code: Codes.NumberAsTextUnknown });
            }
        }
        const source = plain.slice(0, -1) + ' ';
        if (!RESIDUE_HINT.test(source)) return;
        for (const [pattern, message] of RESIDUE) {
            for (const m of source.matchAll(pattern)) {
                const range = rangeIn(prose, m.index!, m.index! + Math.max(m[0].length, 1));
                if (range) accept('warning', message.replace('$0', m[0].trim()), { node: prose, range, code: Codes.Placeholder });
            }
        }
    }
}

function rangeIn(node: AstNode, start: number, end: number) {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const doc = AstUtils.getDocument(node).textDocument;
    return { start: doc.positionAt(cst.offset + start), end: doc.positionAt(cst.offset + end) };
}
