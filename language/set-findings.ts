/**
 * Set-level findings on other documents that one document's content feeds: rangorde findings of every set that
 * contains it, and termijn conflicts between it and the documents of its sets. The document builder compares
 * them before and after an edit and re-validates only the documents whose findings changed, so a keystroke in a
 * deelovereenkomst does not re-validate the algemene voorwaarden that 199 documents import.
 */
import type { LangiumDocument } from 'langium';
import { AstUtils, URI } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { locate } from './checks/termijn-checks.js';
import type { ContractspraakServices } from './contractspraak-module.js';
import type { Document } from './generated/ast.js';
import { isDocument } from './generated/ast.js';
import { rangordeAnalyzer } from './rangorde/extract.js';
import { conflictFindings } from './termijnen/findings.js';

/** Findings per document URI (only URIs in `others`), each as one comparable string, sorted. */
export type CrossFindings = Map<string, string[]>;

const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/**
 * The set-level findings located in `others` that involve `document`: every rangorde finding in a set that
 * contains it (a finding elsewhere in such a set may change when it changes) and every termijn conflict between
 * one of its termijnen and one of theirs. Positions are part of a finding: related information points into
 * `document`, so a shifted termijn changes the other document's diagnostic too.
 */
export function crossFindings(services: ContractspraakServices, document: LangiumDocument, others: ReadonlySet<string>): CrossFindings {
    const out: CrossFindings = new Map();
    if (others.size === 0 || !isDocument(document.parseResult?.value)) return out;
    const add = (uri: string, key: string) => {
        let list = out.get(uri);
        if (!list) out.set(uri, list = []);
        list.push(key);
    };
    const sets = services.references.DocumentSets;
    const uri = document.uri.toString();
    const documents = services.shared.workspace.LangiumDocuments;
    // The sets that contain the document are seen from itself and from each document that sees it; only those
    // that also contain one of `others` matter.
    const tops = [document, ...[...sets.viewersOf(uri)].map(v => documents.getDocument(URI.parse(v))).filter(d => d !== undefined)]
        .filter(top => others.has(top.uri.toString()) || [...sets.visibleFrom(top)].some(v => others.has(v)));
    const analyzer = rangordeAnalyzer(services);
    const seen = new Set<unknown>();
    for (const top of tops) {
        const { set, analysis } = analyzer.analysisOf(top);
        if (seen.has(analysis)) continue;
        seen.add(analysis);
        for (const finding of analysis.findings) {
            const loc = set.locations.get(finding.at);
            if (!loc || !others.has(loc.uri)) continue;
            const related = finding.related.map(r => {
                const l = set.locations.get(r.at);
                return `${l?.uri}@${l ? at(l.range) : ''}:${r.message}`;
            });
            add(loc.uri, ['rangorde', finding.code, at(loc.range), finding.message, ...related].join('\u0000'));
        }
    }
    const own = document.parseResult.value as Document;
    const inSet = new Set([...sets.visibleFrom(document), ...sets.viewersOf(uri)]);
    for (const key of others) {
        const other = inSet.has(key) ? documents.getDocument(URI.parse(key)) : undefined;
        if (!other || !isDocument(other.parseResult?.value)) continue;
        for (const f of conflictFindings(other.parseResult.value, [own])) {
            if (!f.related.some(r => AstUtils.getDocument(r.node) === document)) continue;
            const related = f.related.map(r => {
                const l = locate(r);
                return `${l.uri}@${at(l.range)}:${r.message}`;
            });
            add(key, ['termijn', f.code, at(locate(f).range), f.message, ...related].join('\u0000'));
        }
    }
    for (const list of out.values()) list.sort();
    return out;
}

/** URIs whose findings differ between two results (a missing URI has none). */
export function changedFindings(before: CrossFindings, after: CrossFindings): Set<string> {
    const changed = new Set<string>();
    for (const uri of new Set([...before.keys(), ...after.keys()])) {
        const a = before.get(uri) ?? [], b = after.get(uri) ?? [];
        if (a.length !== b.length || a.some((x, i) => x !== b[i])) changed.add(uri);
    }
    return changed;
}
