/**
 * The compiler's side of the editor commands (language/lsp/commands.ts): the rendered HTML for the preview, the
 * DOCX written next to the agreement, the looptijd timeline of `contractspraak looptijd` and the rule JSON of
 * `contractspraak compile`. The language server gets it injected by compiler/server/main.ts, so `language/` never
 * imports the compiler.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { ContractspraakServices } from '../../language/contractspraak-module.js';
import type { DocumentCompiler, RenderedHtml, RulesStatus } from '../../language/lsp/commands.js';
import { buildLooptijdReport, formatLooptijdText } from '../cli/looptijd.js';
import { buildView } from '../render/build.js';
import { renderDocx } from '../render/docx.js';
import { renderHtml } from '../render/html.js';
import { SetLayout, outputName } from '../render/layout.js';
import type { DocumentView } from '../render/view.js';
import { runsText } from '../render/view.js';
import { compileRules, serializeRules } from '../rules/index.js';
import { VERSION } from '../version.js';

export class CompilerDocumentCompiler implements DocumentCompiler {

    /** `services` (the language instance) is needed for the rule JSON only; the server entry always passes it. */
    constructor(protected readonly services?: ContractspraakServices) { }

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

    /**
     * The rule JSON as `contractspraak compile` writes it, for the agreement the document belongs to. A set with
     * errors is compiled as `--force` would (the errors inside, under `"errors"`): the answer says so, and the client
     * shows it only when the drafter asks for the forced result.
     */
    rulesJson(documents: readonly LangiumDocument[], document: LangiumDocument): RulesStatus {
        if (!this.services) throw new Error('Deze server is gestart zonder taaldiensten; de regels kunnen niet worden gecompileerd.');
        const entry = new SetLayout(documents).placement(document)?.entry ?? document;
        const { ruleSet, errors } = compileRules(this.services, entry, { version: VERSION, includeErrors: true });
        const name = path.posix.basename(entry.uri.path);
        const lines = errors.map(e => `${e.file}:${e.line}:${e.column} error ${e.code} ${e.message}`);
        const count = `${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'}`;
        return {
            available: true,
            entry: entry.uri.toString(),
            json: serializeRules(ruleSet),
            errors: lines,
            message: errors.length
                ? `De documentset van ${name} heeft ${count}; regels uit een set met fouten kunnen onjuist zijn. `
                    + `De geforceerde regels (als \`contractspraak compile --force\`) noemen de fouten onder "errors".`
                : `${ruleSet.rules.length} regels gecompileerd uit de documentset van ${name}.`
        };
    }

    /** A bijlage loaded with `uit` is shown inside the agreement that loads it, as it will be printed. */
    protected view(documents: readonly LangiumDocument[], document: LangiumDocument): { entry: LangiumDocument; view: DocumentView } {
        const layout = new SetLayout(documents);
        const entry = layout.placement(document)?.entry ?? document;
        return { entry, view: buildView(entry, layout) };
    }
}
