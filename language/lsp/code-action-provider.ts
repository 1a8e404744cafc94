/**
 * Quick fixes for the diagnostics whose checks know the fix: the check puts what is needed on the diagnostic's
 * `data` (the replacement reference, the suggested term, the undeclared variant), so a fix never has to guess.
 */
import type {
    AstNode, AstNodeLocator, IndexManager, LangiumDocument, LangiumDocuments, MaybePromise, NameProvider
} from 'langium';
import { AstUtils, URI } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeActionParams, Command, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeAction, CodeActionKind } from 'vscode-languageserver';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { Codes } from '../diagnostics.js';
import type { DocumentSets } from '../document-set.js';
import type { Begrip, Document, Groep, Partij } from '../generated/ast.js';
import { isBegrip, isGroep, isPartij, isPartijen, isRangorde, isVariant } from '../generated/ast.js';

/** Declarations that take variants: `begrip Werkdag / Werkdagen`, `contractant Contractant / Contractanten`. */
type WithVariants = Begrip | Partij | Groep;

function hasVariants(node: unknown): node is WithVariants {
    return isBegrip(node) || isPartij(node) || isGroep(node);
}

export class ContractspraakCodeActionProvider implements CodeActionProvider {
    protected readonly indexManager: IndexManager;
    protected readonly documents: LangiumDocuments;
    protected readonly nodeLocator: AstNodeLocator;
    protected readonly documentSets: DocumentSets;
    protected readonly nameProvider: NameProvider;

    constructor(services: ContractspraakServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.nodeLocator = services.workspace.AstNodeLocator;
        this.documentSets = services.references.DocumentSets;
        this.nameProvider = services.references.NameProvider;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        // Every action here is a quick fix; a client asking only for refactorings gets none.
        const only = params.context.only;
        if (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) return undefined;
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            actions.push(...this.actionsFor(document, diagnostic));
        }
        return actions.length ? actions : undefined;
    }

    protected actionsFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as Record<string, unknown>;
        switch (diagnostic.code) {
            case Codes.NumberAsText:
                return this.replaceNumber(document, diagnostic, data);
            case Codes.NumberAsTextStale:
                return this.replaceStaleNumber(document, diagnostic, data);
            case Codes.TermNearMiss:
                return this.replaceTerm(document, diagnostic, data);
            case Codes.TermVariantUndeclared:
                return this.declareVariant(document, diagnostic, data);
            case Codes.RefMalformed:
                return this.fixReferenceKind(document, diagnostic, data);
            case Codes.TermUndefined:
                return this.createBegrip(document, diagnostic, data);
            case Codes.RangordeUnplaced:
                return this.placeInRangorde(document, diagnostic);
            default:
                // name-duplicate and the rest: the right fix needs the drafter's judgement.
                return [];
        }
    }

    /** "artikel 10.4" typed as text → the reference that keeps its number current. */
    protected replaceNumber(document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>): CodeAction[] {
        const replacement = stringValue(data.replacement);
        // The diagnostic may be stale: only replace what still looks like a typed number.
        if (!replacement || !/^(?:artikel|art\.|lid|bijlage|annex)\s/i.test(document.textDocument.getText(diagnostic.range))) return [];
        return [this.quickFix(`Vervang door verwijzing ${replacement}`, diagnostic, document, diagnostic.range, replacement)];
    }

    /**
     * "conform artikel 10" where artikel 11 is meant: the likely intended artikel (preferred), or the typed one kept as a
     * reference — the drafter decides, so only the first is preferred.
     */
    protected replaceStaleNumber(document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>): CodeAction[] {
        const text = document.textDocument.getText(diagnostic.range);
        if (!/^(?:artikel|art\.|lid)\s/i.test(text)) return [];
        const actions: CodeAction[] = [];
        const intended = stringValue(data.replacement);
        const typed = stringValue(data.typed);
        if (intended) actions.push(this.quickFix(`Vervang door verwijzing ${intended} (waarschijnlijk bedoeld)`, diagnostic, document, diagnostic.range, intended));
        if (typed) {
            const keep = this.quickFix(`Vervang door verwijzing ${typed} (het getypte nummer)`, diagnostic, document, diagnostic.range, typed);
            keep.isPreferred = actions.length === 0;
            actions.push(keep);
        }
        return actions;
    }

    /** "Resultaatsovereenkomst" → the defined "Resultaatovereenkomst". */
    protected replaceTerm(document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>): CodeAction[] {
        const suggestion = stringValue(data.suggestion);
        if (!suggestion || document.textDocument.getText(diagnostic.range) === suggestion) return [];
        return [this.quickFix(`Vervang door '${suggestion}'`, diagnostic, document, diagnostic.range, suggestion)];
    }

    /** "Contractanten" as a use of "Contractant": declare it on the begrip or party, which may live in another file of the set. */
    protected declareVariant(document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>): CodeAction[] {
        const term = stringValue(data.term);
        const variant = stringValue(data.variant);
        if (!term || !variant) return [];
        const declaration = this.findDeclaration(document, term);
        if (!declaration || declaration.name === variant || declaration.varianten.some(v => v.name === variant)) return [];
        // Insert after the last variant, or after the name: `begrip Werkdag / Werkdagen`.
        const last = declaration.varianten.at(-1)?.$cstNode ?? this.nameProvider.getNameNode(declaration);
        if (!last) return [];
        const target = AstUtils.getDocument(declaration);
        const at = target.textDocument.positionAt(last.end);
        const kind = isBegrip(declaration) ? 'begrip' : isGroep(declaration) ? 'groep' : 'partij';
        return [this.quickFix(`Declareer '${variant}' als variant van ${kind} ${declaration.name}`, diagnostic, target, { start: at, end: at }, ` / ${variant}`)];
    }

    /** `[artikle Weigering]` → `[artikel Weigering]`: only the kind word changes. */
    protected fixReferenceKind(document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>): CodeAction[] {
        const kind = stringValue(data.suggestion);
        if (!kind) return [];
        const text = document.textDocument.getText(diagnostic.range);
        const match = /^\[(\s*)([^\s.:\]]+)/.exec(text);
        if (!match || match[2] === kind) return [];
        const start = document.textDocument.offsetAt(diagnostic.range.start) + 1 + match[1].length;
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(start + match[2].length) };
        return [this.quickFix(`Vervang '${match[2]}' door '${kind}'`, diagnostic, document, range, kind)];
    }

    /**
     * `{Zorgplan}` without a definition: add `begrip Zorgplan: ""` after the document's last begrip, else after
     * the partijen, else at the top of the document. Not preferred: the drafter may have meant another term.
     */
    protected createBegrip(document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>): CodeAction[] {
        const name = stringValue(data.refText) ?? document.textDocument.getText(diagnostic.range).trim();
        if (!ID.test(name) || this.findDeclaration(document, name)) return [];
        const root = document.parseResult.value as Document;
        const text = document.textDocument;
        const begrippen = AstUtils.streamAllContents(root).filter(isBegrip).toArray();
        const after = begrippen.at(-1)?.$cstNode ?? root.leden.find(isPartijen)?.$cstNode ?? root.meta.at(-1)?.$cstNode;
        let offset: number;
        let indent: string;
        if (after) {
            offset = after.end;
            indent = lineIndent(text.getText(), after.offset);
        } else {
            // Right after the `{` that opens the document.
            const open = root.$cstNode?.text.indexOf('{', (root.titel?.$cstNode?.end ?? 0) - (root.$cstNode?.offset ?? 0));
            if (open === undefined || open < 0) return [];
            offset = root.$cstNode!.offset + open + 1;
            indent = '    ';
        }
        const at = text.positionAt(offset);
        const action = this.quickFix(`Maak begrip '${name}' aan`, diagnostic, document, { start: at, end: at }, `\n${indent}begrip ${name}: ""`);
        action.isPreferred = false;
        return [action];
    }

    /**
     * A bijlage or document that the rangorde leaves out: place it at the bottom of the chain that holds `deze`
     * (or the first chain). The name comes from the related location the check points at.
     */
    protected placeInRangorde(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const related = diagnostic.relatedInformation?.[0]?.location;
        if (!related) return [];
        const target = this.documents.getDocument(URI.parse(related.uri));
        const name = target?.textDocument.getText(related.range).trim();
        if (!name || !ID.test(name)) return [];
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const rangorde = AstUtils.streamAllContents(document.parseResult.value).filter(isRangorde)
            .find(r => r.$cstNode && r.$cstNode.offset <= offset && offset < r.$cstNode.end);
        if (!rangorde) return [];
        if (rangorde.ketens.some(k => k.niveaus.some(n => n.schakels.some(s => s.doel?.$refText === name)))) return [];
        const keten = rangorde.ketens.find(k => k.niveaus.some(n => n.schakels.some(s => s.deze))) ?? rangorde.ketens[0];
        const last = keten?.niveaus.at(-1)?.$cstNode;
        if (!last) return [];
        const kind = /plaatst (\S+) \S+ niet/.exec(diagnostic.message as string)?.[1] ?? 'document';
        const at = document.textDocument.positionAt(last.end);
        return [this.quickFix(`Plaats ${kind} ${name} onderaan de rangorde`, diagnostic, document, { start: at, end: at }, ` > ${name}`)];
    }

    /** The begrip or party named `term` (or owning a variant of that name) that the document can see; its own first. */
    protected findDeclaration(document: LangiumDocument, term: string): WithVariants | undefined {
        const uris = [document.uri.toString(), ...this.documentSets.visibleFrom(document)];
        for (const uri of uris) {
            for (const description of this.indexManager.allElements('Term', new Set([uri]))) {
                if (description.name !== term) continue;
                const node = description.node ?? this.loadNode(description.documentUri, description.path);
                if (hasVariants(node)) return node;
                if (isVariant(node) && hasVariants(node.$container)) return node.$container;
            }
        }
        return undefined;
    }

    protected loadNode(uri: URI, path: string): AstNode | undefined {
        const doc = this.documents.getDocument(uri);
        return doc ? this.nodeLocator.getAstNode(doc.parseResult.value, path) : undefined;
    }

    /** A preferred quick fix that replaces `range` of `document` (which may be another file than the diagnostic's). */
    protected quickFix(title: string, diagnostic: Diagnostic, document: LangiumDocument, range: Range, newText: string): CodeAction {
        const edit: TextEdit = { range, newText };
        const workspaceEdit: WorkspaceEdit = { changes: { [document.textDocument.uri]: [edit] } };
        const action = CodeAction.create(title, workspaceEdit, CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return action;
    }
}

/** The ID terminal of the grammar, whole-string. */
const ID = /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F][A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]*$/;

/** The indentation of the line that holds `offset`. */
function lineIndent(text: string, offset: number): string {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(start))![0];
}

function stringValue(value: unknown): string | undefined {
    return typeof value === 'string' && value.length > 0 ? value : undefined;
}
