/**
 * The compiler's side of the editor commands (language/lsp/commands.ts): the rendered HTML for the preview, the
 * DOCX written next to the agreement, and the looptijd timeline of `contractspraak looptijd`. The language server
 * gets it injected by compiler/server/main.ts, so `language/` never imports the compiler.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { DocumentCompiler, RenderedHtml } from '../../language/lsp/commands.js';
import { buildLooptijdReport, formatLooptijdText } from '../cli/looptijd.js';
import { buildView } from '../render/build.js';
import { renderDocx } from '../render/docx.js';
import { renderHtml } from '../render/html.js';
import { SetLayout, outputName } from '../render/layout.js';
import type { DocumentView } from '../render/view.js';
import { runsText } from '../render/view.js';

export class CompilerDocumentCompiler implements DocumentCompiler {

    async renderHtml(documents: readonly LangiumDocument[], document: LangiumDocument): Promise<RenderedHtml> {
        const { entry, view } = this.view(documents, document);
        return { entry: entry.uri.toString(), title: runsText(view.title), html: renderHtml(view), warnings: view.warnings };
    }

    async writeDocx(documents: readonly LangiumDocument[], document: LangiumDocument): Promise<string> {
        const { entry, view } = this.view(documents, document);
        if (entry.uri.scheme !== 'file') throw new Error(`${entry.uri.toString()} is geen bestand op schijf; de DOCX kan er niet naast.`);
        const file = path.join(path.dirname(entry.uri.fsPath), `${outputName(entry)}.docx`);
        await fs.writeFile(file, await renderDocx(view));
        return URI.file(file).toString();
    }

    looptijd(document: LangiumDocument): string {
        return formatLooptijdText(buildLooptijdReport(document));
    }

    /** A bijlage loaded with `uit` is shown inside the agreement that loads it, as it will be printed. */
    protected view(documents: readonly LangiumDocument[], document: LangiumDocument): { entry: LangiumDocument; view: DocumentView } {
        const layout = new SetLayout(documents);
        const entry = layout.placement(document)?.entry ?? document;
        return { entry, view: buildView(entry, layout) };
    }
}
