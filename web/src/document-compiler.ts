/**
 * The compiler's side of the editor commands (language/lsp/commands.ts) in the browser: the rendered HTML only.
 * compiler/server/document-compiler.ts does the same for Node, but also writes the DOCX and reads the looptijd
 * report, which need the file system, so the worker cannot bundle it.
 */
import type { LangiumDocument } from 'langium';
import { buildView } from '../../compiler/render/build.js';
import { renderHtml } from '../../compiler/render/html.js';
import { SetLayout } from '../../compiler/render/layout.js';
import { runsText } from '../../compiler/render/view.js';
import type { DocumentCompiler, RenderedHtml, RulesStatus } from '../../language/lsp/commands.js';

export class BrowserDocumentCompiler implements DocumentCompiler {

    async renderHtml(documents: readonly LangiumDocument[], document: LangiumDocument): Promise<RenderedHtml> {
        // A bijlage loaded with `uit` is shown inside the agreement that loads it, as it will be printed.
        const layout = new SetLayout(documents);
        const entry = layout.placement(document)?.entry ?? document;
        const view = buildView(entry, layout);
        return { entry: entry.uri.toString(), title: runsText(view.title), html: renderHtml(view), warnings: view.warnings };
    }

    writeDocx(): Promise<string> {
        throw new Error('De speeltuin schrijft geen DOCX; gebruik `contractspraak render -f docx`.');
    }

    looptijd(): string {
        throw new Error('De speeltuin toont de looptijd niet; gebruik `contractspraak looptijd`.');
    }

    rulesJson(): RulesStatus {
        return { available: false, message: 'De speeltuin compileert geen regels; gebruik `contractspraak compile`.' };
    }
}
