/**
 * Checks on references in prose: ambiguity across the document set, relative references without a target,
 * bracketed text that is not a known kind of reference, and external citations of unknown legislation.
 */
import type { AstNode, LangiumDocuments, Reference, ValidationAcceptor } from 'langium';
import { AstUtils, URI } from 'langium';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { ContractspraakScopeProvider } from '../contractspraak-scope.js';
import { Codes } from '../diagnostics.js';
import type { Document, RelatieveRef, StandaardRef, UnknownRef, WetRef } from '../generated/ast.js';
import { isDocumentVerwijzing } from '../generated/ast.js';
import { findRegulation } from '../model/legislation.js';
import { relativeProblem } from '../model/relative.js';
import { STANDARDS, findStandard } from '../model/standards.js';
import { editDistance } from '../model/similarity.js';

const REF_KINDS = ['artikel', 'lid', 'onderdeel', 'bijlage', 'begrip', 'document'];

/** Placeholder words drafters leave between brackets: [naam], [datum], [invullen], [...]. */
const PLACEHOLDER = /^(?:\.+|…|x+|naam|datum|plaats|adres|functie|bedrag|nummer|invullen|in te vullen|p\.m\.|pm|tbd|nnb|n\.n\.b\.)$/i;

export class ReferenceChecks {
    protected readonly scopeProvider: ContractspraakScopeProvider;
    protected readonly documents: LangiumDocuments;

    constructor(services: ContractspraakServices) {
        this.scopeProvider = services.references.ScopeProvider as ContractspraakScopeProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** A plain name that two other documents of the set both export is ambiguous; qualify it with the document. */
    checkAmbiguous(node: AstNode & { target?: Reference; term?: Reference }, accept: ValidationAcceptor): void {
        const property = node.target ? 'target' : 'term';
        const ref = node.target ?? node.term;
        if (!ref?.ref) return;
        const own = AstUtils.getDocument(node);
        const targetDoc = AstUtils.getDocument(ref.ref);
        if (targetDoc.uri.toString() === own.uri.toString()) return;
        const candidates = this.scopeProvider.globalCandidates({ container: node, property, reference: ref }, ref.$refText);
        const docs = new Set(candidates.map(c => c.documentUri.toString()));
        if (docs.size > 1) {
            const names = [...docs].map(uri => (this.documents.getDocument(URI.parse(uri))?.parseResult.value as Document | undefined)?.name ?? uri);
            accept('error', `'${ref.$refText}' komt voor in meer dan één document (${names.join(', ')}). Schrijf de documentnaam erbij, bijvoorbeeld '${names[0]}.${ref.$refText}'.`, {
                node, property, code: Codes.RefAmbiguous
            });
        }
    }

    checkRelative(node: RelatieveRef, accept: ValidationAcceptor): void {
        const problem = relativeProblem(node);
        if (problem) accept('error', problem, { node, code: Codes.RefRelativeInvalid });
    }

    checkUnknownRef(node: UnknownRef, accept: ValidationAcceptor): void {
        const words = joinRefWords(node.woorden);
        const first = node.woorden[0]?.toLowerCase() ?? '';
        const closeKind = REF_KINDS.find(k => first !== k && editDistance(first, k, 2) <= 2);
        if (closeKind) {
            accept('error', `Onbekende verwijzing [${words}]: bedoelt u [${closeKind} ${joinRefWords(node.woorden.slice(1))}]? Schrijf \\[ als u een gewone vierkante haak bedoelt.`, {
                node, code: Codes.RefMalformed, data: { suggestion: closeKind }
            });
        } else if (words === '' || PLACEHOLDER.test(words) || /^[a-z]/.test(words)) {
            accept('warning', `Invulplek [${words}] staat nog in de tekst.`, { node, code: Codes.Placeholder });
        } else {
            accept('error', `Onbekende verwijzing [${words}]. Gebruik [artikel …], [lid …], [onderdeel …], [bijlage …], [begrip …], [document …], [dit artikel] of [artikel 7:401 BW]; schrijf \\[ voor een gewone haak.`, {
                node, code: Codes.RefMalformed
            });
        }
    }

    checkStandard(node: StandaardRef, accept: ValidationAcceptor): void {
        if (findStandard(node.woorden)) return;
        accept('warning', `'${node.woorden[0] ?? ''}' is geen bekende standaard. Bekend zijn: ${STANDARDS.map(s => s.names[0]).join(', ')}.`, {
            node, property: 'woorden', index: 0, code: Codes.StandardUnknown
        });
    }

    /** [artikel 7:401 BW] or [artikel 18 AIV]: the last words must name known legislation or a document of the set. */
    checkLegislation(node: WetRef, accept: ValidationAcceptor): void {
        const name = node.wet.join(' ');
        if (findRegulation(name)) return;
        const root = AstUtils.getDocument(node).parseResult.value;
        const known = AstUtils.streamAllContents(root).some(n => isDocumentVerwijzing(n) && n.name === name)
            || this.scopeProvider.setScope(AstUtils.getDocument(node), 'Rangeerbaar').getElement(name) !== undefined;
        if (!known) {
            accept('warning', `'${name}' is geen bekende wet en geen document van de set. Bekende wetten zijn o.a. BW, Awb, Wmo 2015, Jeugdwet, Gemeentewet, AVG.`, {
                node, property: 'wet', code: Codes.LawUnknown
            });
        }
    }
}

/** Words of a bracketed text as written: "Weigering . Zwaar" → "Weigering.Zwaar", "7:401 BW" stays apart. */
function joinRefWords(words: string[]): string {
    return words.join(' ').replace(/ ?([.:]) ?/g, '$1').trim();
}
