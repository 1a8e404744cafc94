/**
 * Relinking only where it can matter (performance.md P5, prose.md P11). Langium relinks every document that
 * has any linking error on every change anywhere; with capitalised words as soft term references every
 * document has such errors (`De`, `Raalte`), so each keystroke would relink the whole workspace. A document is
 * relinked when it depends on a changed document, when a changed document now declares a name that one of
 * its unresolved references asks for, or when a changed document sees it: set-level checks (rangorde, termijnen)
 * on a basisovereenkomst depend on the deelovereenkomsten that import it.
 */
import type { LangiumDocument } from 'langium';
import { DefaultDocumentBuilder, URI } from 'langium';
import type { ContractspraakServices } from './contractspraak-module.js';
import { isDocument } from './generated/ast.js';

/** Declaration sites of names a capitalised word can resolve to: `begrip Naam / Variant`, `gemeente Naam`, … */
const TERM_DECLARATION = /\b(?:begrip|gemeente|contractant|aanbieder|dienstverlener|toezichthouder|actor|partij|groep|rol)\s+([\p{L}_][\p{L}\p{N}_]*)|\/\s*([\p{L}_][\p{L}\p{N}_]*)/gu;
/** Every other declaration site: `artikel Naam`, `bijlage Naam`, `raamovereenkomst Naam`, … */
const DECLARATION = /\b(?:[a-z]+overeenkomst|addendum|bijlage|voorwaarden|protocol|document|artikel|lid|onderdeel|termijn|gebeurtenis)\s+([\p{L}_][\p{L}\p{N}_]*)/gu;
const TERM_REFERENCES = new Set(['AutoTerm', 'TermUse']);

interface DeclaredNames { terms: Set<string>; all: Set<string> }

export class ContractspraakDocumentBuilder extends DefaultDocumentBuilder {

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.indexManager.isAffected(document, changedUris)) return true;
        if (this.seenByChanged(document, changedUris)) return true;
        const unresolved = document.references.filter(ref => ref.error !== undefined);
        if (unresolved.length === 0) return false;
        const declared = this.declaredNames(changedUris);
        if (declared === undefined) return true;   // a changed file we cannot read: stay conservative
        return unresolved.some(ref => {
            const names = TERM_REFERENCES.has(ref.error?.info.container.$type ?? '') ? declared.terms : declared.all;
            return ref.$refText.split('.').some(segment => names.has(segment));
        });
    }

    /** Whether a changed document has this one in its document set (by the changed document's last parse). */
    protected seenByChanged(document: LangiumDocument, changedUris: Set<string>): boolean {
        const uri = document.uri.toString();
        for (const changed of changedUris) {
            const doc = this.langiumDocuments.getDocument(URI.parse(changed));
            // A file Langium has not parsed yet is a placeholder without a Document root.
            if (!isDocument(doc?.parseResult?.value)) continue;
            const services = this.serviceRegistry.getServices(doc.uri) as Partial<ContractspraakServices>;
            if (services.references?.DocumentSets?.visibleFrom(doc).has(uri)) return true;
        }
        return false;
    }

    /** Names declared in the new text of the changed documents, or undefined when a text is unavailable. */
    protected declaredNames(changedUris: Set<string>): DeclaredNames | undefined {
        const terms = new Set<string>();
        const all = new Set<string>();
        for (const uri of changedUris) {
            const text = this.textDocuments?.get(uri)?.getText() ?? this.knownText(uri);
            if (text === undefined) return undefined;
            for (const m of text.matchAll(TERM_DECLARATION)) terms.add(m[1] ?? m[2]);
            for (const m of text.matchAll(DECLARATION)) all.add(m[1]);
        }
        for (const t of terms) all.add(t);
        return { terms, all };
    }

    /** A document changed on disk is not re-read yet: read it now (a deleted one declares nothing). */
    protected knownText(uri: string): string | undefined {
        try {
            return this.fileSystemProvider.readFileSync(URI.parse(uri));
        } catch {
            return this.langiumDocuments.hasDocument(URI.parse(uri)) ? undefined : '';
        }
    }
}

