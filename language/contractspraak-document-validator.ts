/**
 * Built-in diagnostics in Dutch with stable codes: lexer and parser errors become `syntax-error` (with a hint
 * when an ASCII quote closed the prose too early, prose.md §2.1.4), linking errors become `ref-unresolved` or
 * `term-undefined`, and unresolved capitalised words (soft term references) stay silent.
 */
import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationCheck, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, DocumentValidator, OperationCancelled, interruptAndCheck } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Codes } from './diagnostics.js';
import { translateSyntaxMessage } from './syntax-messages.js';
import { collectNodes } from './ast-walk.js';

const REF_KIND: Record<string, string> = {
    ArtikelRef: 'artikel', LidRef: 'lid', OnderdeelRef: 'onderdeel', BijlageRef: 'bijlage', BegripRef: 'begrip',
    DocumentRef: 'document', Schakel: 'document of bijlage', Groep: 'partij', Rol: 'partij', Verlenging: 'partij',
    Termijn: 'partij', Handtekening: 'partij', Gebeurtenis: 'begrip', Begrip: 'bijlage of document'
};

export class ContractspraakDocumentValidator extends DefaultDocumentValidator {

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const text = document.textDocument.getText();
        for (const d of diagnostics) {
            // Quick fixes (and langium/test's testCodeAction) read the code from data.code.
            if (d.code !== undefined && (d.data as { code?: unknown } | undefined)?.code === undefined) {
                d.data = { ...(d.data as object | undefined), code: d.code };
            }
            const code = (d.data as { code?: string } | undefined)?.code;
            if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
                const offset = document.textDocument.offsetAt(d.range.start);
                if (code === DocumentValidator.LexingError) {
                    // Langium puts the end on the start line; skipped line breaks end on a later one.
                    d.range.end = document.textDocument.positionAt(offset + d.range.end.character - d.range.start.character);
                }
                d.message = translateSyntaxMessage(String(d.message), text, offset);
                d.code = Codes.SyntaxError;
                d.data = { ...(d.data as object), code: Codes.SyntaxError };
            }
        }
        return diagnostics;
    }

    /**
     * Langium's walk, with its per-node costs taken out: it awaited a cancellation check and built a stream of
     * checks for every node, though most nodes (the words of prose) have no check; and it walked with a stream
     * per node (ast-walk.ts). A 500-line document has
     * ≈ 5,000 nodes; a hub edit re-validates 200 of them. Checks per type are looked up once per document,
     * cancellation is still seen at every node, and the event loop is given its turn every 64 nodes.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const byType = new Map<string, ValidationCheck[]>();
        // The nodes first (one walk without a stream per node, ast-walk.ts), with whether each is validated.
        const validated: boolean[] = [];
        const nodes = collectNodes(rootNode, [], node => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            validated.push(nodeOptions.validateNode);
            return nodeOptions.validateChildren;
        });
        for (let i = 0; i < nodes.length; i++) {
            if ((i & 63) === 0) await interruptAndCheck(cancelToken);
            else if (cancelToken.isCancellationRequested) throw OperationCancelled;
            if (!validated[i]) continue;
            const node = nodes[i];
            let checks = byType.get(node.$type);
            if (!checks) byType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            for (const check of checks) {
                // Checks are plain calls (contractspraak-validation-registry.ts): await only a promise.
                const pending = check(node, acceptor, cancelToken);
                if (pending) await pending;
            }
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const container = error.info.container;
            if (container.$type === 'AutoTerm') continue;   // a capitalised word that is no begrip: ordinary prose
            const refText = error.info.reference.$refText;
            const isTerm = container.$type === 'TermUse';
            const code = isTerm ? Codes.TermUndefined : Codes.RefUnresolved;
            const message = isTerm
                ? `Begrip '${refText}' is niet gedefinieerd in de documentset.`
                : `Er is geen ${REF_KIND[container.$type] ?? 'element'} met de naam '${refText}' in de documentset.`;
            diagnostics.push(this.toDiagnostic('error', message, {
                node: container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code,
                data: { code, refText }
            }));
        }
    }
}
