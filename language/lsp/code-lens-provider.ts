/**
 * The one code lens provider of the language: "3 verwijzingen" above every artikel, lid, bijlage and begrip
 * (a begrip counts the uses of its variants too), plus the rangorde lenses of rangorde-code-lens.ts. A count
 * opens the references through the client command `contractspraak.showReferences`, because VS Code's own
 * `editor.action.showReferences` takes editor types that cannot travel over LSP.
 */
import type { AstNode, LangiumDocument, NameProvider, References } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Location } from 'vscode-languageserver';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { Document } from '../generated/ast.js';
import { isArtikel, isBegrip, isBijlage, isLid } from '../generated/ast.js';
import { ContractspraakRangordeCodeLensProvider } from './rangorde-code-lens.js';

/** The client command that shows a list of locations (extension/main.ts). */
export const SHOW_REFERENCES_COMMAND = 'contractspraak.showReferences';

/** "geen verwijzingen", "1 verwijzing", "3 verwijzingen" */
export function referenceCountTitle(count: number): string {
    if (count === 0) return 'geen verwijzingen';
    return count === 1 ? '1 verwijzing' : `${count} verwijzingen`;
}

export class ContractspraakCodeLensProvider implements CodeLensProvider {
    protected readonly references: References;
    protected readonly nameProvider: NameProvider;
    protected readonly rangorde: CodeLensProvider;

    constructor(services: ContractspraakServices) {
        this.references = services.references.References;
        this.nameProvider = services.references.NameProvider;
        this.rangorde = new ContractspraakRangordeCodeLensProvider(services);
    }

    async provideCodeLens(document: LangiumDocument, params: CodeLensParams, cancelToken = Cancellation.CancellationToken.None): Promise<CodeLens[]> {
        const lenses = [...await this.rangorde.provideCodeLens(document, params, cancelToken) ?? []];
        lenses.push(...await this.referenceLenses(document, cancelToken));
        // Stable: at one position the rangorde lens keeps its place before the count.
        return lenses.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }

    protected async referenceLenses(document: LangiumDocument, cancelToken: Cancellation.CancellationToken): Promise<CodeLens[]> {
        const lenses: CodeLens[] = [];
        const uri = document.textDocument.uri;
        for (const node of AstUtils.streamAllContents(document.parseResult.value as Document)) {
            if (!isArtikel(node) && !isLid(node) && !isBijlage(node) && !isBegrip(node)) continue;
            await interruptAndCheck(cancelToken);
            const nameNode = this.nameProvider.getNameNode(node);
            if (!nameNode) continue;
            const locations = this.referencesTo(node);
            const title = referenceCountTitle(locations.length);
            const command = locations.length
                ? { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, nameNode.range.start, locations] }
                : { title, command: '' };
            lenses.push({ range: nameNode.range, command });
        }
        return lenses;
    }

    /** Where the element is referred to, across the document set; a begrip together with its variants. */
    protected referencesTo(node: AstNode): Location[] {
        const targets: AstNode[] = isBegrip(node) ? [node, ...node.varianten] : [node];
        const locations: Location[] = [];
        for (const target of targets) {
            for (const ref of this.references.findReferences(target, { includeDeclaration: false })) {
                locations.push({ uri: ref.sourceUri.toString(), range: ref.segment.range });
            }
        }
        return locations.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line
            || a.range.start.character - b.range.start.character);
    }
}
