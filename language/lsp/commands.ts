/**
 * Commands the editor asks the language server to run (workspace/executeCommand): the rendered HTML of an
 * agreement for the preview, the DOCX written next to the file, the looptijd timeline, the rule JSON, and the
 * effective value of a slot under the rangorde.
 * Rendering and the timeline report belong to the compiler, which `language/` must not import: they reach the
 * server through the `DocumentCompiler` service, which the server entry of the compiler (compiler/server/main.ts)
 * provides. A server started without it says so instead of rendering.
 */
import type { LangiumDocument, LangiumDocuments, ServiceRegistry, WorkspaceLock } from 'langium';
import { URI } from 'langium';
import type { ExecuteCommandAcceptor, LangiumSharedServices } from 'langium/lsp';
import { AbstractExecuteCommandHandler } from 'langium/lsp';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { rangordeAnalyzer } from '../rangorde/extract.js';
import type { SlotValue } from '../rangorde/slot-value.js';
import { formatSlotValue, provisionAt, slotValueByName, slotValueOf } from '../rangorde/slot-value.js';

/** Command ids the server answers; the client's own commands (package.json) have other names. */
export const ServerCommands = {
    RenderHtml: 'contractspraak.renderHtml',
    WriteDocx: 'contractspraak.writeDocx',
    Looptijd: 'contractspraak.looptijdText',
    CompileRules: 'contractspraak.rulesJson',
    SlotValue: 'contractspraak.slotValue'
} as const;

export interface RenderedHtml {
    /** The agreement the document belongs to: itself, or the document that loads it as a bijlage. */
    entry: string;
    title: string;
    /** One self-contained HTML page; the renderer escapes every word of the drafter. */
    html: string;
    warnings: string[];
}

/** What the compiler does for the editor. `documents` is the document set, `document` the one asked about. */
export interface DocumentCompiler {
    renderHtml(documents: readonly LangiumDocument[], document: LangiumDocument): Promise<RenderedHtml>;
    /** Writes the DOCX next to the agreement's source file; returns the URI of the file written. */
    writeDocx(documents: readonly LangiumDocument[], document: LangiumDocument): Promise<string>;
    /** The looptijd timeline as text, with every date derived. */
    looptijd(document: LangiumDocument): string;
    /** The rule JSON of the agreement the document belongs to (`contractspraak compile`; with errors as `--force`). */
    rulesJson(documents: readonly LangiumDocument[], document: LangiumDocument): RulesStatus;
}

/** The language server on its own (the browser worker, language/main.ts): no renderer. */
export class UnavailableDocumentCompiler implements DocumentCompiler {
    renderHtml(): Promise<RenderedHtml> {
        throw new Error('Deze taalserver kan niet renderen; gebruik de server van de extensie of `contractspraak render`.');
    }
    writeDocx(): Promise<string> {
        throw new Error('Deze taalserver kan geen DOCX schrijven; gebruik `contractspraak render -f docx`.');
    }
    looptijd(): string {
        throw new Error('Deze taalserver kan de looptijd niet tonen; gebruik `contractspraak looptijd`.');
    }
    rulesJson(): RulesStatus {
        return {
            available: false,
            message: 'Deze taalserver kan geen regels compileren; gebruik de server van de extensie of `contractspraak compile`.'
        };
    }
}

/** The answer to `contractspraak.rulesJson`. */
export interface RulesStatus {
    available: boolean;
    /** What to tell the drafter, in Dutch. */
    message: string;
    /** The rule JSON; for a set with errors compiled as `--force` would, with the errors under `"errors"`. */
    json?: string;
    /** The agreement compiled: the document itself, or the one that loads it as a bijlage. */
    entry?: string;
    /** The errors of the set, as `file:line:column code message` relative to the entry; empty when none. */
    errors?: string[];
}

export class ContractspraakCommandHandler extends AbstractExecuteCommandHandler {
    protected readonly documents: LangiumDocuments;
    protected readonly lock: WorkspaceLock;
    protected readonly registry: ServiceRegistry;

    constructor(shared: LangiumSharedServices) {
        super();
        this.documents = shared.workspace.LangiumDocuments;
        this.lock = shared.workspace.WorkspaceLock;
        this.registry = shared.ServiceRegistry;
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(ServerCommands.RenderHtml, args => this.withDocument(args, (document, services) =>
            services.lsp.DocumentCompiler.renderHtml(this.documentSet(document, services), document)));
        accept(ServerCommands.WriteDocx, args => this.withDocument(args, async (document, services) =>
            ({ uri: await services.lsp.DocumentCompiler.writeDocx(this.documentSet(document, services), document) })));
        accept(ServerCommands.Looptijd, args => this.withDocument(args, (document, services) =>
            ({ text: services.lsp.DocumentCompiler.looptijd(document) })));
        accept(ServerCommands.CompileRules, args => this.withDocument(args, (document, services) =>
            services.lsp.DocumentCompiler.rulesJson(this.documentSet(document, services), document)));
        accept(ServerCommands.SlotValue, args => this.withDocument(args, (document, services) => this.slotValue(document, services, args[1])));
    }

    /**
     * Runs `action` on the document named by the first argument (a URI). A read of the workspace lock waits for
     * the writes queued before it, so the edits the client sent before the command are built and validated.
     */
    protected withDocument<T>(args: unknown[], action: (document: LangiumDocument, services: ContractspraakServices) => T | Promise<T>): Promise<T> {
        const raw = args[0];
        const text = typeof raw === 'string' ? raw : (raw as { uri?: unknown } | undefined)?.uri;
        if (typeof text !== 'string') throw new Error('Geef de URI van een .ovk-bestand mee.');
        const uri = URI.parse(text);
        return this.lock.read(async () => {
            const document = this.documents.getDocument(uri);
            if (!document || !this.registry.hasServices(uri)) throw new Error(`${text} is geen geladen Contractspraak-document.`);
            return action(document, this.registry.getServices(uri) as ContractspraakServices);
        });
    }

    /**
     * The effective value of the slot filled by the provision at a position (`{ line, character }`, 0-based) or of
     * the slot named (`termijn:Betalen`, or `Betalen`), across the set: every competitor, the winner with the step
     * of R5.3 that decided, or `onbeslist`; `text` says it in Dutch. Pure analysis: no compiler needed.
     */
    protected slotValue(document: LangiumDocument, services: ContractspraakServices, at: unknown): SlotValue & { text: string } {
        const analyzer = rangordeAnalyzer(services);
        let value: SlotValue | undefined;
        if (typeof at === 'string') {
            value = slotValueByName(analyzer, document, at);
            if (!value) throw new Error(`Geen termijn, tarief, boete, aansprakelijkheid of looptijd ${at} in de documentset van ${document.uri.path.split('/').pop()}.`);
        } else {
            const position = at as { line?: unknown; character?: unknown } | undefined;
            if (typeof position?.line !== 'number' || typeof position.character !== 'number') {
                throw new Error('Geef een positie ({ line, character }) of de naam van een termijn, tarief, boete, aansprakelijkheid of looptijd mee.');
            }
            const node = provisionAt(document, document.textDocument.offsetAt({ line: position.line, character: position.character }));
            if (!node) throw new Error('Zet de cursor op een termijn, tarief, boete, aansprakelijkheid of looptijd: alleen die vullen een plaats die de rangorde beslist.');
            value = slotValueOf(analyzer, node);
            if (!value) throw new Error('Deze bepaling is onvolledig of valt buiten de documentset (verworpen voorwaarden, R5.4); er is geen geldende waarde.');
        }
        return { ...value, text: formatSlotValue(value) };
    }

    /** The document with every document it can see, in a stable order (as `contractspraak render` loads them). */
    protected documentSet(document: LangiumDocument, services: ContractspraakServices): LangiumDocument[] {
        const uris = [document.uri.toString(), ...services.references.DocumentSets.visibleFrom(document)];
        return uris.map(u => this.documents.getDocument(URI.parse(u)))
            .filter((d): d is LangiumDocument => d !== undefined)
            .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    }
}
