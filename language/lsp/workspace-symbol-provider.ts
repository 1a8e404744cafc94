/**
 * Workspace symbols as the outline shows them, across every document of the workspace: "Artikel 4 —
 * Totstandkoming", "4.3 Aanvaarding", "Bijlage 2 — All-in tarieven", with the artikel or the document as the
 * container. A query matches the heading or the name the element is referred to by (Totstandkoming.Aanvaarding).
 */
import type { LangiumDocument, LangiumDocuments, ServiceRegistry } from 'langium';
import { Cancellation, DocumentCache, UriUtils, interruptAndCheck } from 'langium';
import type { FuzzyMatcher, LangiumServices, LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import { documentTitle } from './presentation.js';

/** A workspace symbol with the extra text a query may match. */
interface IndexedSymbol {
    symbol: WorkspaceSymbol;
    /** The identifier, when the heading does not contain it. */
    name?: string;
}

export class ContractspraakWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly registry: ServiceRegistry;
    protected readonly fuzzyMatcher: FuzzyMatcher;
    protected readonly cache: DocumentCache<string, IndexedSymbol[]>;

    constructor(shared: LangiumSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.registry = shared.ServiceRegistry;
        this.fuzzyMatcher = shared.lsp.FuzzyMatcher;
        this.cache = new DocumentCache(shared);
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = Cancellation.CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = params.query.trim().toLowerCase();
        const result: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            for (const { symbol, name } of this.symbolsOf(document)) {
                if (!query || this.matches(query, symbol.name) || (name !== undefined && this.matches(query, name))) {
                    result.push(symbol);
                }
            }
        }
        return result;
    }

    /** Langium's fuzzy match, from the start of any word: "totstand" finds "Artikel 4 — Totstandkoming". */
    protected matches(query: string, text: string): boolean {
        for (let i = 0; i < text.length; i++) {
            const wordStart = i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]);
            if (wordStart && /[\p{L}\p{N}]/u.test(text[i]) && this.fuzzyMatcher.match(query, text.slice(i))) return true;
        }
        return false;
    }

    protected symbolsOf(document: LangiumDocument): IndexedSymbol[] {
        return this.cache.get(document.uri, 'symbols', () => this.computeSymbols(document));
    }

    protected computeSymbols(document: LangiumDocument): IndexedSymbol[] {
        const root = document.parseResult.value as Document;
        const services = this.registry.getServices(document.uri) as LangiumServices;
        const provider = services.lsp.DocumentSymbolProvider;
        if (!root?.name || !provider) return [];
        const uri = document.textDocument.uri;
        const title = documentTitle(root);
        const nameNode = services.references.NameProvider.getNameNode(root);
        const out: IndexedSymbol[] = [{
            symbol: {
                name: `${capitalise(root.soort)} ${root.name} — ${title}`, kind: SymbolKind.File,
                location: { uri, range: (nameNode ?? root.$cstNode)?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
                containerName: UriUtils.basename(document.uri)
            }
        }];
        const visit = (symbols: DocumentSymbol[], container: string) => {
            for (const s of symbols) {
                // The outline puts the identifier of a heading in its detail ("Totstandkoming", "Tarieven · extern").
                const id = s.detail?.split(' · ')[0];
                out.push({
                    symbol: { name: s.name, kind: s.kind, location: { uri, range: s.selectionRange }, containerName: container },
                    name: id && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(id) && !s.name.includes(id) ? id : undefined
                });
                if (s.children) visit(s.children, s.name);
            }
        };
        const outline = provider.getSymbols(document, { textDocument: { uri } });
        // The outline provider of this language answers synchronously.
        if (Array.isArray(outline)) visit(outline, title);
        return out;
    }
}

function capitalise(s: string): string {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
}
