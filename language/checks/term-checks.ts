/**
 * Defined terms: capitalised words that nearly match a begrip (a slip), undeclared inflections, and begrippen
 * that nothing uses.
 */
import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils, DocumentState, WorkspaceCache } from 'langium';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { ContractspraakScopeProvider } from '../contractspraak-scope.js';
import { Codes } from '../diagnostics.js';
import type { AutoTerm, Begrip, Prose } from '../generated/ast.js';
import { isText } from '../generated/ast.js';
import { TermMatcher } from '../model/similarity.js';
import { TermUses } from './term-uses.js';

export class TermChecks {
    protected readonly scopeProvider: ContractspraakScopeProvider;
    protected readonly uses: TermUses;
    protected readonly termNames: WorkspaceCache<string, TermMatcher>;
    /**
     * The last matcher of each document, kept across updates: an edit rarely changes what a document sees, and a
     * matcher remembers its answers. It is used again while the document's names are the same.
     */
    protected readonly matchers = new Map<string, TermMatcher>();

    constructor(services: ContractspraakServices) {
        this.scopeProvider = services.references.ScopeProvider as ContractspraakScopeProvider;
        this.uses = new TermUses(services);
        this.termNames = new WorkspaceCache(services.shared, DocumentState.IndexedReferences);
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) this.matchers.delete(uri.toString());
        });
    }

    /** Unresolved capitalised words are silent, unless they look like a slip of a defined term. */
    checkAutoTerm(node: AutoTerm, accept: ValidationAcceptor): void {
        if (node.term.ref || !node.term.error) return;
        const word = node.term.$refText;
        if (ordinalBeforeLid(node, word)) return;
        const similar = this.matcherFor(node).closest(word);
        if (!similar) return;
        if (similar.kind === 'inflection') {
            accept('info', `'${word}' is een vervoeging van '${similar.name}'. Declareer het als variant (begrip ${similar.name} / ${word}) of schrijf {${similar.name}}.`, {
                node, property: 'term', code: Codes.TermVariantUndeclared, data: { term: similar.name, variant: word }
            });
        } else {
            accept('warning', `'${word}' is geen gedefinieerd begrip. Bedoelt u '${similar.name}'?`, {
                node, property: 'term', code: Codes.TermNearMiss, data: { suggestion: similar.name }
            });
        }
    }

    checkUnused(begrip: Begrip, accept: ValidationAcceptor): void {
        const targets: AstNode[] = [begrip, ...begrip.varianten];
        const used = targets.some(t => this.uses.isReferenced(t));
        if (!used) {
            accept('warning', `Begrip '${begrip.name}' wordt nergens in de documentset gebruikt.`, {
                node: begrip, property: 'name', code: Codes.TermUnused
            });
        }
    }

    /** Names of begrippen, variants and actors the node's document can see. */
    namesVisibleFrom(node: AstNode): readonly string[] {
        return this.matcherFor(node).names;
    }

    /** The names the node's document can see, indexed for the slip and inflection search (cached per build). */
    protected matcherFor(node: AstNode): TermMatcher {
        const document: LangiumDocument = AstUtils.getDocument(node);
        const uri = document.uri.toString();
        return this.termNames.get(uri, () => {
            const names = new Set<string>();
            for (const d of document.localSymbols?.getStream(document.parseResult.value) ?? []) {
                if (['Begrip', 'Variant', 'Partij', 'Groep', 'Rol'].includes(d.type)) names.add(d.name);
            }
            for (const d of this.scopeProvider.setScope(document, 'Term').getAllElements()) {
                if (!d.name.includes('.')) names.add(d.name);
            }
            const list = [...names];
            const last = this.matchers.get(uri);
            if (last && last.names.length === list.length && last.names.every((n, i) => n === list[i])) return last;
            const matcher = new TermMatcher(list);
            this.matchers.set(uri, matcher);
            return matcher;
        });
    }
}

/** Dutch ordinals as they open a heading or a sentence: "Derde lid", "Eerste lid". */
const ORDINAL = /^(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde)$/i;

/**
 * "Derde lid" (seed 004, the artikelsgewijze toelichting) counts leden; it is no use of a begrip "Derden" (third
 * parties), so an ordinal followed by "lid" or "leden" is never a slip of a defined term.
 */
function ordinalBeforeLid(node: AutoTerm, word: string): boolean {
    if (!ORDINAL.test(word)) return false;
    const delen = (node.$container as Prose).delen;
    const next = delen[delen.indexOf(node) + 1];
    return next !== undefined && isText(next) && /^\s+(?:lid|leden)\b/.test(next.waarde);
}
