/**
 * Checks on termijnen, the looptijd and the dates of a document (termijnen.md §1). The analysis is in
 * termijnen/findings.ts; this file reports it on the document being validated. Conflicts between termijnen are
 * looked for in the document set: the documents it sees and those that see it, so both sides hear of them.
 */
import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { ContractspraakDocuments } from '../contractspraak-documents.js';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { Code } from '../diagnostics.js';
import type { DocumentSets } from '../document-set.js';
import type { Document } from '../generated/ast.js';
import { isDocument } from '../generated/ast.js';
import type { Place, TermijnCode } from '../termijnen/findings.js';
import { conflictFindings, documentFindings } from '../termijnen/findings.js';

// Every code the analysis reports is in the catalogue.
const inCatalogue: Record<TermijnCode, Code> = {
    'termijn-unit-ambiguous': 'termijn-unit-ambiguous', 'termijn-trigger-missing': 'termijn-trigger-missing',
    'termijn-conflict': 'termijn-conflict', 'looptijd-dates-contradict': 'looptijd-dates-contradict',
    'signature-before-text': 'signature-before-text', 'verlenging-past-uiterste': 'verlenging-past-uiterste',
    'notice-impossible': 'notice-impossible', 'payment-term-too-long': 'payment-term-too-long',
    'calendar-year-uncovered': 'calendar-year-uncovered', 'calendar-invalid': 'calendar-invalid'
};

export class TermijnChecks {
    protected readonly documents: ContractspraakDocuments;
    protected readonly documentSets: DocumentSets;

    constructor(services: ContractspraakServices) {
        this.documents = services.shared.workspace.LangiumDocuments as ContractspraakDocuments;
        this.documentSets = services.references.DocumentSets;
    }

    checkDocument(root: Document, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(root);
        const findings = [...documentFindings(root), ...conflictFindings(root, this.setOf(document))]
            .map(f => ({ f, at: locate(f).range.start }))
            .sort((x, y) => x.at.line - y.at.line || x.at.character - y.at.character)
            .map(x => x.f);
        for (const f of findings) {
            accept(f.severity, f.message, {
                node: f.node, property: f.property as never, keyword: f.keyword, code: inCatalogue[f.code],
                relatedInformation: f.related.length ? f.related.map(r => ({ location: locate(r), message: r.message })) : undefined
            });
        }
    }

    /** The other documents of the sets this document is in. */
    protected setOf(document: LangiumDocument): Document[] {
        const uri = document.uri.toString();
        // Compared in the order of LangiumDocuments, kept until a document comes or goes.
        const order = this.documents.positions();
        // The set's documents, not every document of the workspace: a deel sees two, the hub is seen by all.
        const members = new Set([...this.documentSets.visibleFrom(document), ...this.documentSets.viewersOf(uri)]);
        members.delete(uri);
        return [...members].map(m => order.get(m)).filter(e => e !== undefined).sort((a, b) => a.at - b.at)
            .map(e => e.document.parseResult?.value).filter(isDocument);
    }
}

/** The location of a node, or of one of its properties or keywords. */
export function locate(place: Place): { uri: string; range: NonNullable<AstNode['$cstNode']>['range'] } {
    const { node } = place;
    const cst = place.property ? GrammarUtils.findNodeForProperty(node.$cstNode, place.property)
        : place.keyword ? GrammarUtils.findNodeForKeyword(node.$cstNode, place.keyword) : undefined;
    const range = (cst ?? node.$cstNode)?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri: AstUtils.getDocument(node).uri.toString(), range };
}
