/**
 * Checks on the rangorde of a document set (termijnen.md §5): documents not placed or placed twice, cycles,
 * opposite orders, claims against the order, conflicting provisions (resolved or not), raam→deel conformance
 * and the other party's algemene voorwaarden. The analysis is rangorde/; this file reports what falls in the
 * document being validated, seen from every set that contains it.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { Code } from '../diagnostics.js';
import { Catalogue } from '../diagnostics.js';
import type { Document } from '../generated/ast.js';
import type { RangordeCode, RangordeFinding } from '../rangorde/findings.js';
import type { RangordeAnalyzer, SourceLocation } from '../rangorde/extract.js';
import { rangordeAnalyzer } from '../rangorde/extract.js';

// Every code the core reports is in the catalogue.
const inCatalogue: Record<RangordeCode, Code> = {
    'rangorde-unplaced': 'rangorde-unplaced', 'rangorde-duplicate': 'rangorde-duplicate', 'rangorde-cycle': 'rangorde-cycle',
    'rangorde-opposite': 'rangorde-opposite', 'rangorde-claim-conflict': 'rangorde-claim-conflict',
    'rangorde-default-used': 'rangorde-default-used', 'slot-conflict-resolved': 'slot-conflict-resolved',
    'slot-conflict-unresolved': 'slot-conflict-unresolved', 'deel-not-open': 'deel-not-open',
    'deel-contradicts-binding': 'deel-contradicts-binding', 'conditions-rejected': 'conditions-rejected',
    'battle-of-forms': 'battle-of-forms'
};

export class RangordeChecks {
    protected readonly analyzer: RangordeAnalyzer;

    constructor(services: ContractspraakServices) {
        this.analyzer = rangordeAnalyzer(services);
    }

    checkDocument(root: Document, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(root);
        const uri = document.uri.toString();
        const reported = new Map<string, { at: SourceLocation; finding: RangordeFinding; related: DiagnosticRelatedInformation[] }>();
        for (const { set, analysis } of this.analyzer.analysesFor(document)) {
            for (const finding of analysis.findings) {
                const at = set.locations.get(finding.at);
                if (!at || at.uri !== uri) continue;
                // Seen from several sets, one finding may come back; report it once.
                const key = `${finding.code}\u0000${at.range.start.line}:${at.range.start.character}\u0000${finding.message}`;
                if (reported.has(key)) continue;
                const related: DiagnosticRelatedInformation[] = [];
                for (const r of finding.related) {
                    const loc = set.locations.get(r.at);
                    if (loc) related.push({ location: { uri: loc.uri, range: loc.range }, message: r.message });
                }
                reported.set(key, { at, finding, related });
            }
        }
        const inOrder = [...reported.values()].sort((x, y) =>
            x.at.range.start.line - y.at.range.start.line || x.at.range.start.character - y.at.range.start.character);
        for (const { at, finding, related } of inOrder) {
            const code = inCatalogue[finding.code];
            accept(Catalogue[code].severity, finding.message, {
                node: at.node as AstNode, property: at.property as never, keyword: at.keyword, code,
                relatedInformation: related.length ? related : undefined
            });
        }
    }
}
