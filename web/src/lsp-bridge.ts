/**
 * A small LSP client for Monaco (web-and-docx.md A.4, variant 1): the page speaks JSON-RPC to the language-server
 * worker over postMessage and maps each LSP feature onto Monaco's provider API. Only what the playground shows is
 * wired: document sync, diagnostics, completion, hover, go to definition, formatting and semantic colouring.
 */
import * as monaco from 'monaco-editor/editor';
import type {
    CompletionItem, Diagnostic, Hover, InitializeResult, Location, LocationLink, MarkedString, MarkupContent,
    ProtocolConnection, Range as LspRange, SemanticTokensLegend, TextEdit
} from 'vscode-languageserver-protocol/browser';
import {
    BrowserMessageReader, BrowserMessageWriter, CompletionRequest, ConfigurationRequest, createProtocolConnection,
    DefinitionRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, HoverRequest, InitializedNotification,
    InitializeRequest, LSPErrorCodes, PublishDiagnosticsNotification, RegistrationRequest, SemanticTokensRefreshRequest,
    SemanticTokensRangeRequest, UnregistrationRequest, WorkDoneProgressCreateRequest
} from 'vscode-languageserver-protocol/browser';

export const LANGUAGE_ID = 'contractspraak';
const OWNER = 'contractspraak';

// LSP and Monaco number their enums differently.
const SEVERITY: Record<number, monaco.MarkerSeverity> = {
    1: monaco.MarkerSeverity.Error, 2: monaco.MarkerSeverity.Warning, 3: monaco.MarkerSeverity.Info, 4: monaco.MarkerSeverity.Hint
};
const KIND = monaco.languages.CompletionItemKind;
const COMPLETION_KIND: Record<number, monaco.languages.CompletionItemKind> = {
    1: KIND.Text, 2: KIND.Method, 3: KIND.Function, 4: KIND.Constructor, 5: KIND.Field, 6: KIND.Variable, 7: KIND.Class,
    8: KIND.Interface, 9: KIND.Module, 10: KIND.Property, 11: KIND.Unit, 12: KIND.Value, 13: KIND.Enum, 14: KIND.Keyword,
    15: KIND.Snippet, 16: KIND.Color, 17: KIND.File, 18: KIND.Reference, 19: KIND.Folder, 20: KIND.EnumMember,
    21: KIND.Constant, 22: KIND.Struct, 23: KIND.Event, 24: KIND.Operator, 25: KIND.TypeParameter
};

export function toMonacoRange(r: LspRange): monaco.IRange {
    return { startLineNumber: r.start.line + 1, startColumn: r.start.character + 1, endLineNumber: r.end.line + 1, endColumn: r.end.character + 1 };
}

function toLspRange(r: monaco.IRange): LspRange {
    return { start: { line: r.startLineNumber - 1, character: r.startColumn - 1 }, end: { line: r.endLineNumber - 1, character: r.endColumn - 1 } };
}

function toPosition(p: monaco.IPosition): { line: number; character: number } {
    return { line: p.lineNumber - 1, character: p.column - 1 };
}

function markdown(value: string | MarkupContent | MarkedString | undefined): monaco.IMarkdownString | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return { value };
    if ('kind' in value) return { value: value.kind === 'markdown' ? value.value : escapeMarkdown(value.value) };
    return { value: '```' + value.language + '\n' + value.value + '\n```' };
}

function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!<>]/g, c => '\\' + c);
}

/**
 * Monaco cancels a request when the text or the cursor moves on, and the server drops one whose document changed;
 * either way the answer is nothing, not an error for Monaco to log.
 */
async function unlessCancelled<T>(request: Promise<T>, token: monaco.CancellationToken): Promise<T | null> {
    try {
        return await request;
    } catch (e) {
        const code = (e as { code?: number } | undefined)?.code;
        if (token.isCancellationRequested || code === LSPErrorCodes.RequestCancelled || code === LSPErrorCodes.ContentModified) return null;
        throw e;
    }
}

export interface DiagnosticsEvent {
    uri: string;
    diagnostics: Diagnostic[];
}

export class LanguageClient {
    readonly connection: ProtocolConnection;
    /** Models synchronised with the server, by the URI string the server knows them by. */
    protected readonly models = new Map<string, monaco.editor.ITextModel>();
    protected readonly listeners = new Map<string, monaco.IDisposable>();
    protected readonly diagnosticsListeners: Array<(e: DiagnosticsEvent) => void> = [];
    protected capabilities: InitializeResult['capabilities'] = {};

    constructor(readonly worker: Worker) {
        this.connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
        // The server asks for configuration and registers capabilities; the playground has none to give.
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.onRequest(UnregistrationRequest.type, () => undefined);
        this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        this.connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            const model = this.models.get(params.uri);
            if (!model) return;
            monaco.editor.setModelMarkers(model, OWNER, params.diagnostics.map(d => ({
                ...toMonacoRange(d.range),
                severity: SEVERITY[d.severity ?? 1],
                message: typeof d.message === 'string' ? d.message : d.message.value,   // LSP 3.18: may be MarkupContent
                code: d.code === undefined ? undefined : String(d.code),
                source: d.source,
                tags: d.tags as monaco.MarkerTag[] | undefined                           // same numbers in both
            })));
            for (const l of this.diagnosticsListeners) l({ uri: params.uri, diagnostics: params.diagnostics });
        });
        this.connection.listen();
    }

    async start(): Promise<void> {
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: null, rootUri: null, workspaceFolders: null,
            capabilities: {
                textDocument: {
                    synchronization: { dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: false, tagSupport: { valueSet: [1, 2] } },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    definition: { linkSupport: true },
                    formatting: {},
                    semanticTokens: {
                        requests: { range: true }, formats: ['relative'], overlappingTokenSupport: false, multilineTokenSupport: false,
                        tokenTypes: [], tokenModifiers: []
                    }
                }
            }
        });
        this.capabilities = result.capabilities;
        await this.connection.sendNotification(InitializedNotification.type, {});
        this.registerProviders();
    }

    onDiagnostics(listener: (e: DiagnosticsEvent) => void): void {
        this.diagnosticsListeners.push(listener);
    }

    uriOf(model: monaco.editor.ITextModel): string {
        return model.uri.toString();
    }

    async open(model: monaco.editor.ITextModel): Promise<void> {
        const uri = this.uriOf(model);
        this.models.set(uri, model);
        this.listeners.set(uri, model.onDidChangeContent(e => {
            // Monaco lists the changes of one event so that applying them in order is right, as LSP expects.
            const contentChanges = e.isFlush
                ? [{ text: model.getValue() }]
                : e.changes.map(c => ({ range: toLspRange(c.range), rangeLength: c.rangeLength, text: c.text }));
            void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: model.getVersionId() }, contentChanges
            });
        }));
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: LANGUAGE_ID, version: model.getVersionId(), text: model.getValue() }
        });
    }

    async close(model: monaco.editor.ITextModel): Promise<void> {
        const uri = this.uriOf(model);
        this.listeners.get(uri)?.dispose();
        this.listeners.delete(uri);
        this.models.delete(uri);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    protected registerProviders(): void {
        const caps = this.capabilities;
        const client = this;
        const textDocument = (model: monaco.editor.ITextModel) => ({ uri: this.uriOf(model) });
        const languages = monaco.languages;

        languages.registerCompletionItemProvider(LANGUAGE_ID, {
            triggerCharacters: caps.completionProvider?.triggerCharacters,
            async provideCompletionItems(model, position, context, token) {
                const result = await unlessCancelled(client.connection.sendRequest(CompletionRequest.type, {
                    textDocument: textDocument(model), position: toPosition(position),
                    // Monaco counts trigger kinds from 0, LSP from 1
                    context: { triggerKind: (context.triggerKind + 1) as 1 | 2 | 3, triggerCharacter: context.triggerCharacter }
                }, token), token);
                const items: CompletionItem[] = Array.isArray(result) ? result : result?.items ?? [];
                const word = model.getWordUntilPosition(position);
                const fallback = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
                return {
                    incomplete: !Array.isArray(result) && !!result?.isIncomplete,
                    suggestions: items.map(item => {
                        const edit = item.textEdit;
                        const range = !edit ? fallback
                            : 'range' in edit ? toMonacoRange(edit.range)
                                : { insert: toMonacoRange(edit.insert), replace: toMonacoRange(edit.replace) };
                        return {
                            label: item.label,
                            kind: COMPLETION_KIND[item.kind ?? 1] ?? KIND.Text,
                            detail: item.detail,
                            documentation: markdown(item.documentation),
                            insertText: edit?.newText ?? item.insertText ?? item.label,
                            insertTextRules: item.insertTextFormat === 2 ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
                            filterText: item.filterText,
                            sortText: item.sortText,
                            range,
                            additionalTextEdits: item.additionalTextEdits?.map(e => ({ range: toMonacoRange(e.range), text: e.newText }))
                        };
                    })
                };
            }
        });

        languages.registerHoverProvider(LANGUAGE_ID, {
            async provideHover(model, position, token) {
                const hover: Hover | null = await unlessCancelled(client.connection.sendRequest(HoverRequest.type, {
                    textDocument: textDocument(model), position: toPosition(position)
                }, token), token);
                if (!hover) return null;
                const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
                return {
                    contents: parts.map(p => markdown(p)!).filter(p => p.value.trim()),
                    range: hover.range ? toMonacoRange(hover.range) : undefined
                };
            }
        });

        languages.registerDefinitionProvider(LANGUAGE_ID, {
            async provideDefinition(model, position, token) {
                const result = await unlessCancelled(client.connection.sendRequest(DefinitionRequest.type, {
                    textDocument: textDocument(model), position: toPosition(position)
                }, token), token);
                if (!result) return null;
                const list: Array<Location | LocationLink> = Array.isArray(result) ? result : [result];
                return list.map(l => 'targetUri' in l
                    ? {
                        uri: monaco.Uri.parse(l.targetUri), range: toMonacoRange(l.targetRange),
                        targetSelectionRange: toMonacoRange(l.targetSelectionRange),
                        originSelectionRange: l.originSelectionRange ? toMonacoRange(l.originSelectionRange) : undefined
                    }
                    : { uri: monaco.Uri.parse(l.uri), range: toMonacoRange(l.range) });
            }
        });

        languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
            displayName: 'Contractspraak',
            async provideDocumentFormattingEdits(model, options, token) {
                const edits: TextEdit[] | null = await unlessCancelled(client.connection.sendRequest(DocumentFormattingRequest.type, {
                    textDocument: textDocument(model), options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces }
                }, token), token);
                return (edits ?? []).map(e => ({ range: toMonacoRange(e.range), text: e.newText }));
            }
        });

        // By visible range: monaco-editor/features/register.all brings the viewport contribution only, and an
        // agreement is long.
        const legend: SemanticTokensLegend | undefined = caps.semanticTokensProvider?.legend;
        if (legend && caps.semanticTokensProvider?.range) {
            languages.registerDocumentRangeSemanticTokensProvider(LANGUAGE_ID, {
                getLegend: () => legend,
                async provideDocumentRangeSemanticTokens(model, range, token) {
                    const tokens = await unlessCancelled(client.connection.sendRequest(SemanticTokensRangeRequest.type, {
                        textDocument: textDocument(model), range: toLspRange(range)
                    }, token), token);
                    return tokens ? { resultId: tokens.resultId, data: Uint32Array.from(tokens.data) } : null;
                }
            });
        }
    }
}
