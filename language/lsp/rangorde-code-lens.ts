/**
 * Code lens on every provision that competes for a slot (termijnen.md R5.3, R5.5): "gaat voor op …" above the
 * winner, "wijkt voor …" above each loser, "onopgelost tegenover …" where the rangorde cannot decide, each
 * with the step of R5.3 that decided. The lenses only inform: they carry no command to run.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { ExtractedAnalysis, RangordeAnalyzer } from '../rangorde/extract.js';
import { rangordeAnalyzer } from '../rangorde/extract.js';
import { STEP_NAMES } from '../rangorde/resolve.js';

export class ContractspraakRangordeCodeLensProvider implements CodeLensProvider {
    protected readonly analyzer: RangordeAnalyzer;

    constructor(services: ContractspraakServices) {
        this.analyzer = rangordeAnalyzer(services);
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const uri = document.uri.toString();
        const lenses = new Map<string, CodeLens>();
        const add = (provision: string, result: ExtractedAnalysis, title: string) => {
            const at = result.set.locations.get(provision);
            if (!at || at.uri !== uri) return;
            const key = `${at.range.start.line}:${at.range.start.character}\u0000${title}`;
            if (!lenses.has(key)) lenses.set(key, { range: at.range, command: { title, command: '' } });
        };
        for (const result of this.analyzer.analysesFor(document)) {
            const { analysis } = result;
            const other = (id: string) => {
                const p = analysis.resolver.provision(id);
                if (!p) return 'dwingend recht';
                return `${analysis.table.label(p.document)}${p.where ? ` (${p.where})` : ''}`;
            };
            for (const slot of analysis.slots) {
                for (const d of slot.decisions) {
                    const step = `R5.3 stap ${d.step}, ${STEP_NAMES[d.step]}`;
                    add(d.winner, result, `gaat voor op ${other(d.loser)} — ${step}`);
                    add(d.loser, result, `wijkt voor ${other(d.winner)} — ${step}`);
                }
                for (const u of slot.undecided) {
                    add(u.a, result, `onopgelost tegenover ${other(u.b)} — R5.3 stap 5`);
                    add(u.b, result, `onopgelost tegenover ${other(u.a)} — R5.3 stap 5`);
                }
            }
        }
        return [...lenses.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
}
