/**
 * The checks the fuzzer runs on every mutated input: build with validation, every LSP provider at random
 * positions, the renderer and the reports; and the importer on mutated plain text. Each returns the problems it
 * found as strings (empty = fine) and throws only when the code under test throws, so a failing case says what
 * broke and where.
 */
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { ResponseError } from 'vscode-languageserver';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { buildView } from '../../compiler/render/build.js';
import { renderDocx } from '../../compiler/render/docx.js';
import { renderHtml } from '../../compiler/render/html.js';
import { SetLayout } from '../../compiler/render/layout.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';
import { viewText } from '../../compiler/render/text.js';
import { importAgreement } from '../../compiler/importer/importer.js';
import { sortFindings, toFinding } from '../../compiler/report/findings.js';
import { formatJson } from '../../compiler/report/json.js';
import { formatJunit } from '../../compiler/report/junit.js';
import { formatSarif } from '../../compiler/report/sarif.js';
import { formatText } from '../../compiler/report/text.js';
import type { ContractspraakServices } from '../../language/contractspraak-module.js';
import { createContractspraakServices } from '../../language/contractspraak-module.js';
import { sarifProblems } from '../sarif-schema.js';

// ---------------------------------------------------------------- ranges

/** Length of a line without its line end. */
function lineLength(doc: TextDocument, line: number): number {
    const start = doc.offsetAt({ line, character: 0 });
    const next = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
    return doc.getText().slice(start, next).replace(/\r?\n$|\r$/, '').length;
}

function validPosition(doc: TextDocument, p: Position | undefined): boolean {
    return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0
        && p.line < doc.lineCount && p.character <= lineLength(doc, p.line);
}

/** Why a range does not lie inside the document, or undefined when it does. */
export function rangeProblem(doc: TextDocument, range: Range | undefined): string | undefined {
    if (!range) return 'no range';
    const show = `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
    if (!validPosition(doc, range.start) || !validPosition(doc, range.end)) return `${show} outside the document (${doc.lineCount} lines)`;
    if (doc.offsetAt(range.start) > doc.offsetAt(range.end)) return `${show} ends before it starts`;
    return undefined;
}

/** Problems with edits meant for one document: outside it, or overlapping (applyEdits throws on overlap). */
export function editProblems(doc: TextDocument, edits: readonly TextEdit[] | undefined, what: string): string[] {
    const problems: string[] = [];
    for (const e of edits ?? []) {
        const p = rangeProblem(doc, e.range);
        if (p) problems.push(`${what}: edit ${p}`);
    }
    if (problems.length === 0 && edits?.length) {
        try {
            TextDocument.applyEdits(doc, [...edits]);
        } catch (err) {
            problems.push(`${what}: edits do not apply: ${(err as Error).message}`);
        }
    }
    return problems;
}

// ---------------------------------------------------------------- the workspace

/** One set of services for a whole fuzz run (as one language server lives long); each case gets a folder. */
export class FuzzWorkspace {
    readonly vfs = new VirtualFileSystemProvider();
    readonly services: ContractspraakServices;
    protected counter = 0;

    constructor() {
        this.services = createContractspraakServices({ ...EmptyFileSystem, fileSystemProvider: () => this.vfs }).Contractspraak;
    }

    /**
     * Builds a set in a fresh folder. With `previous`, the set is first built as `previous` and then the first file
     * is changed to its text and updated, as an editor does after a keystroke.
     */
    async build(files: Record<string, string>, previous?: Record<string, string>): Promise<LangiumDocument[]> {
        const shared = this.services.shared;
        const folder = `file:///fuzz/${++this.counter}`;
        this.services.references.DocumentSets.roots = [folder];
        const uris = Object.keys(files).map(name => URI.parse(`${folder}/${name}`));
        const initial = previous ?? files;
        const docs = Object.entries(initial).map(([name, text]) => {
            this.vfs.insert(`${folder}/${name}`, text);
            const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`${folder}/${name}`));
            shared.workspace.LangiumDocuments.addDocument(doc);
            return doc;
        });
        await shared.workspace.DocumentBuilder.build(docs, { validation: true });
        if (previous) {
            const [name, text] = Object.entries(files)[0];
            this.vfs.insert(`${folder}/${name}`, text);
            await shared.workspace.DocumentBuilder.update([uris[0]], []);
        }
        return uris.map(uri => shared.workspace.LangiumDocuments.getDocument(uri)!);
    }

    /** Forgets a case's documents, so the next case starts from an empty workspace. */
    async dispose(docs: readonly LangiumDocument[]): Promise<void> {
        await this.services.shared.workspace.DocumentBuilder.update([], docs.map(d => d.uri));
    }
}

// ---------------------------------------------------------------- build and diagnostics

export function diagnosticProblems(docs: readonly LangiumDocument[]): string[] {
    const problems: string[] = [];
    for (const doc of docs) {
        for (const d of doc.diagnostics ?? []) {
            const p = rangeProblem(doc.textDocument, d.range);
            if (p) problems.push(`diagnostic ${d.code} "${d.message}": ${p}`);
            // Langium catches an exception in a check and reports it as a diagnostic: that is a crash.
            const message = typeof d.message === 'string' ? d.message : d.message.value;
            if (/^An error occurred/.test(message)) problems.push(`a check crashed: ${message}`);
            for (const r of d.relatedInformation ?? []) {
                const target = docs.find(x => x.uri.toString() === URI.parse(r.location.uri).toString());
                const q = target && rangeProblem(target.textDocument, r.location.range);
                if (q) problems.push(`related information of ${d.code}: ${q}`);
            }
        }
    }
    return problems;
}

// ---------------------------------------------------------------- LSP providers

export interface LspCase {
    /** Offsets (taken modulo the text length) where hover, completion, definition … are asked. */
    offsets: number[];
    /** Ask once at a position past the end of the document as well, as a confused client might. */
    outOfRange: boolean;
    newName: string;
    query: string;
}

/** Calls every provider of the language at the case's positions; returns the problems with their results. */
export async function exerciseLsp(services: ContractspraakServices, docs: readonly LangiumDocument[], c: LspCase): Promise<string[]> {
    const doc = docs[0];
    const lsp = services.lsp;
    const text = doc.textDocument.getText();
    const textDocument = { uri: doc.uri.toString() };
    const problems: string[] = [];
    const positions: Position[] = c.offsets.map(o => doc.textDocument.positionAt(o % (text.length + 1)));
    if (c.outOfRange) positions.push({ line: doc.textDocument.lineCount + 3, character: 7 });
    const whole: Range = { start: { line: 0, character: 0 }, end: doc.textDocument.positionAt(text.length) };
    const checkWorkspaceEdit = (edit: WorkspaceEdit | undefined, what: string) => {
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const target = docs.find(d => d.uri.toString() === URI.parse(uri).toString());
            if (!target) problems.push(`${what}: edit for a document outside the set: ${uri}`);
            else problems.push(...editProblems(target.textDocument, edits, what));
        }
    };

    for (const position of positions) {
        const at = { textDocument, position };
        await lsp.HoverProvider?.getHoverContent(doc, at);
        await lsp.CompletionProvider?.getCompletion(doc, at);
        await lsp.CompletionProvider?.getCompletion(doc, { ...at, context: { triggerKind: 2, triggerCharacter: '[' } });
        await lsp.DefinitionProvider?.getDefinition(doc, at);
        await lsp.ReferencesProvider?.findReferences(doc, { ...at, context: { includeDeclaration: true } });
        await lsp.DocumentHighlightProvider?.getDocumentHighlight(doc, at);
        const prepared = await lsp.RenameProvider?.prepareRename(doc, at);
        if (prepared && 'start' in prepared) {
            const p = rangeProblem(doc.textDocument, prepared);
            if (p) problems.push(`prepareRename: ${p}`);
        }
        checkWorkspaceEdit(await refusable(() => lsp.RenameProvider?.rename(doc, { ...at, newName: c.newName })), 'rename');
        const range: Range = { start: positions[0], end: position };
        if (!c.outOfRange) {
            await lsp.SemanticTokenProvider?.semanticHighlightRange(doc, { textDocument, range: ordered(doc, range) });
            await lsp.InlayHintProvider?.getInlayHints(doc, { textDocument, range: ordered(doc, range) });
            problems.push(...editProblems(doc.textDocument, await lsp.Formatter?.formatDocumentRange(doc, {
                textDocument, range: ordered(doc, range), options: { tabSize: 4, insertSpaces: true }
            }), 'range formatting'));
            const actions = await lsp.CodeActionProvider?.getCodeActions(doc, { textDocument, range: ordered(doc, range), context: { diagnostics: [] } });
            for (const a of actions ?? []) if ('edit' in a) checkWorkspaceEdit(a.edit, `code action '${a.title}'`);
        }
    }
    await lsp.DocumentSymbolProvider?.getSymbols(doc, { textDocument });
    await lsp.SemanticTokenProvider?.semanticHighlight(doc, { textDocument });
    await lsp.FoldingRangeProvider?.getFoldingRanges(doc, { textDocument });
    await lsp.CodeLensProvider?.provideCodeLens(doc, { textDocument });
    for (const hint of await lsp.InlayHintProvider?.getInlayHints(doc, { textDocument, range: whole }) ?? []) {
        if (!validPosition(doc.textDocument, hint.position)) problems.push(`inlay hint at ${hint.position.line}:${hint.position.character} outside the document`);
    }
    problems.push(...editProblems(doc.textDocument, await lsp.Formatter?.formatDocument(doc, {
        textDocument, options: { tabSize: 4, insertSpaces: true }
    }), 'formatting'));
    // Every diagnostic's quick fixes, one at a time (as the editor asks) and all together.
    const diagnostics = doc.diagnostics ?? [];
    for (const diagnostic of diagnostics.slice(0, 40)) {
        const actions = await lsp.CodeActionProvider?.getCodeActions(doc, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        for (const a of actions ?? []) if ('edit' in a) checkWorkspaceEdit(a.edit, `code action '${a.title}'`);
    }
    await lsp.CodeActionProvider?.getCodeActions(doc, { textDocument, range: whole, context: { diagnostics } });
    await services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: c.query });
    return problems;
}

/** A provider may refuse a request with a ResponseError (rename to a keyword): that is an answer, not a crash. */
async function refusable<T>(request: () => Promise<T> | T): Promise<T | undefined> {
    try {
        return await request();
    } catch (err) {
        if (err instanceof ResponseError && typeof err.message === 'string' && err.message.length > 0) return undefined;
        throw err;
    }
}

function ordered(doc: LangiumDocument, r: Range): Range {
    return doc.textDocument.offsetAt(r.start) <= doc.textDocument.offsetAt(r.end) ? r : { start: r.end, end: r.start };
}

// ---------------------------------------------------------------- render and reports

/** Renders every entry of the set as HTML and Markdown (and DOCX when asked); the outputs must not be empty. */
export async function exerciseRender(docs: readonly LangiumDocument[], docx: boolean): Promise<string[]> {
    const problems: string[] = [];
    const layout = new SetLayout(docs);
    for (const entry of layout.entries) {
        const view = buildView(entry, layout);
        viewText(view);
        if (!renderHtml(view).includes('</html>')) problems.push('HTML output is cut short');
        renderMarkdown(view);
        if (docx && (await renderDocx(view)).length === 0) problems.push('DOCX output is empty');
    }
    return problems;
}

/** The CLI's reports of the diagnostics; the SARIF log must validate against the schema. */
export function exerciseReports(docs: readonly LangiumDocument[]): string[] {
    const findings = sortFindings(docs.flatMap(doc => (doc.diagnostics ?? []).map(d => toFinding(doc, d, '/fuzz'))));
    formatText(findings);
    JSON.parse(formatJson(findings));
    formatJunit(findings, [...new Set(findings.map(f => f.file))]);
    return sarifProblems(JSON.parse(formatSarif(findings, '0.0.0-fuzz'))).map(p => `SARIF: ${p}`);
}

// ---------------------------------------------------------------- importer

/** The importer on mutated text: finding positions inside the input, output files named without a path. */
export function exerciseImporter(text: string): { problems: string[]; files: Record<string, string> } {
    const problems: string[] = [];
    const result = importAgreement(text, { sourceName: 'fuzz.txt', baseName: 'fuzz' });
    const lines = text.split(/\r\n|\r|\n/).length;
    for (const f of result.findings) {
        if (!(f.line >= 1 && f.line <= lines + 1 && f.column >= 1)) problems.push(`import finding ${f.code} at ${f.line}:${f.column} outside the input (${lines} lines)`);
    }
    const files: Record<string, string> = {};
    for (const f of result.files) {
        if (!/^[^/\\]+\.ovk$/.test(f.name) || f.name.startsWith('.')) problems.push(`import output file name '${f.name}' is not a plain file name`);
        files[f.name] = f.content;
    }
    if (result.files.length === 0) problems.push('import wrote no file');
    return { problems, files };
}

// ---------------------------------------------------------------- everything at once

/**
 * The whole language pipeline on one set: build (optionally as an edit of `previous`), diagnostics, reports, every
 * LSP provider at `lsp`'s positions, and the renderer. Returns the problems, including what Langium swallowed and
 * logged; throws what the code under test throws.
 */
export async function checkLanguage(workspace: FuzzWorkspace, files: Record<string, string>, lsp: LspCase,
    options: { previous?: Record<string, string>; docx?: boolean } = {}): Promise<string[]> {
    const { value, logged } = await loggingErrors(async () => {
        const docs = await workspace.build(files, options.previous);
        try {
            return [
                ...diagnosticProblems(docs),
                ...exerciseReports(docs),
                ...await exerciseLsp(workspace.services, docs, lsp),
                ...await exerciseRender(docs, options.docx ?? false)
            ];
        } finally {
            await workspace.dispose(docs);
        }
    });
    return [...value, ...logged.map(l => `logged: ${l}`)];
}

// ---------------------------------------------------------------- time and swallowed errors

/** Runs `action` and collects what it logs with console.error: Langium logs an exception it swallows there. */
export async function loggingErrors<T>(action: () => Promise<T>): Promise<{ value: T; logged: string[] }> {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
        logged.push(args.map(a => a instanceof Error ? a.stack ?? a.message : String(a)).join(' '));
    };
    try {
        return { value: await action(), logged };
    } finally {
        console.error = original;
    }
}

/** Runs `action` and measures the CPU time of this process (not wall time: the machine is shared) and wall time. */
export async function timed<T>(action: () => Promise<T>): Promise<{ value: T; cpuMs: number; wallMs: number }> {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const value = await action();
    const used = process.cpuUsage(cpu);
    return { value, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}
