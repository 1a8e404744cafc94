/**
 * Relinking only where it can matter (performance.md P5, prose.md P11). Langium relinks every document that
 * has any linking error on every change anywhere; with capitalised words as soft term references every
 * document has such errors (`De`, `Raalte`), so each keystroke would relink the whole workspace. A document is
 * relinked when it depends on a changed document, or when a changed document now declares a name that one of
 * its unresolved references asks for.
 */
import type { LangiumDocument } from 'langium';
import { DefaultDocumentBuilder } from 'langium';

/** Declaration sites in source text: `artikel Naam`, `begrip Naam / Variant`, `gemeente Naam`, …  */
const DECLARATION = /\b(?:[a-z]+overeenkomst|addendum|bijlage|voorwaarden|protocol|document|artikel|lid|onderdeel|begrip|gemeente|contractant|aanbieder|dienstverlener|toezichthouder|actor|partij|groep|rol|termijn)\s+([\p{L}_][\p{L}\p{N}_]*)|\/\s*([\p{L}_][\p{L}\p{N}_]*)/gu;

export class ContractspraakDocumentBuilder extends DefaultDocumentBuilder {

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.indexManager.isAffected(document, changedUris)) return true;
        const unresolved = document.references.filter(ref => ref.error !== undefined);
        if (unresolved.length === 0) return false;
        const declared = this.declaredNames(changedUris);
        if (declared === undefined) return true;   // a changed file we cannot read: stay conservative
        return unresolved.some(ref => ref.$refText.split('.').some(segment => declared.has(segment)));
    }

    /** Names declared in the new text of the changed documents, or undefined when a text is unavailable. */
    protected declaredNames(changedUris: Set<string>): Set<string> | undefined {
        const names = new Set<string>();
        for (const uri of changedUris) {
            const text = this.textDocuments?.get(uri)?.getText() ?? this.knownText(uri);
            if (text === undefined) return undefined;
            for (const m of text.matchAll(DECLARATION)) names.add(m[1] ?? m[2]);
        }
        return names;
    }

    /** Text of a document changed on disk is not loaded yet; a document removed has no new names. */
    protected knownText(uri: string): string | undefined {
        const doc = this.langiumDocuments.all.find(d => d.uri.toString() === uri);
        return doc ? undefined : '';
    }
}

