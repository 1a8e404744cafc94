/**
 * The playground page: Monaco with the Contractspraak language server in a web worker, a live rendered preview
 * in a sandboxed iframe, the example agreements to pick from, and downloads. Everything is bundled; the page
 * needs nothing beyond the server it came from.
 */
import { serverWorker } from './server-worker.js';   // first: the worker starts before Monaco is evaluated
import 'monaco-editor/features/register.all';
import * as monaco from 'monaco-editor/editor';
import examples from 'virtual:examples';
import type { Diagnostic } from 'vscode-languageserver-protocol/browser';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/browser';
import languageConfiguration from '../../extension/language-configuration.json' with { type: 'json' };
import type { RenderedHtml, RulesStatus } from '../../language/lsp/commands.js';
import { LANGUAGE_ID, LanguageClient } from './lsp-bridge.js';
import { monarch, theme } from './monarch.js';
import type { ExampleFile, ExampleSet } from './protocol.js';
import { LocateRequest, OpenSetNotification } from './protocol.js';
import './playground.css';

// The preview inherits this page's policy (srcdoc) and adds its own: no scripts, no requests at all.
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
// Marks the element the cursor is in; added to the preview, never to the download.
const PREVIEW_STYLE = '<style>.cs-cursor { background: #f0f8ff; box-shadow: -6px 0 0 #54aeff; }</style>';
const OWN_SET = 'eigen-bestanden';
// The server's commands (ServerCommands in language/lsp/commands.ts; importing it would bundle the server here).
const RENDER_HTML = 'contractspraak.renderHtml';
const RULES_JSON = 'contractspraak.rulesJson';

window.MonacoEnvironment = { getWorker: () => new Worker('./editor.worker.js') };

function element<T extends HTMLElement>(id: string): T {
    return document.getElementById(id) as T;
}

const ui = {
    picker: element<HTMLSelectElement>('overeenkomst'),
    open: element<HTMLInputElement>('openen'),
    files: element<HTMLElement>('bestanden'),
    status: element<HTMLButtonElement>('status'),
    format: element<HTMLButtonElement>('opmaken'),
    downloadHtml: element<HTMLButtonElement>('download-html'),
    downloadRules: element<HTMLButtonElement>('download-regels'),
    preview: element<HTMLIFrameElement>('weergave'),
    previewInfo: element<HTMLElement>('weergave-info')
};

interface OpenSet {
    id: string;
    /** Folder path, for file labels. */
    path: string;
    models: monaco.editor.ITextModel[];
}

const sets: ExampleSet[] = [...examples];
/** Edits survive switching between sets (within the session). */
const edited = new Map<string, Map<string, string>>();
const diagnostics = new Map<string, Diagnostic[]>();
let current: OpenSet | undefined;
let lastRender: { name: string; html: string } | undefined;
let lastRules: { name: string; json: string } | undefined;
let renderSeq = 0;
let renderTimer: ReturnType<typeof setTimeout> | undefined;
let locateTimer: ReturnType<typeof setTimeout> | undefined;
/** Preview element id of what the cursor is in. */
let focusId: string | undefined;
let switching = Promise.resolve();

function setUri(id: string, path = ''): monaco.Uri {
    return monaco.Uri.from({ scheme: 'file', path: `/voorbeelden/${id}/${path}` });
}

function configureLanguage(): void {
    monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.ovk'], aliases: ['Contractspraak', 'contractspraak'] });
    const c = languageConfiguration;
    monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
        comments: { lineComment: c.comments.lineComment, blockComment: c.comments.blockComment as [string, string] },
        brackets: c.brackets as monaco.languages.CharacterPair[],
        autoClosingPairs: c.autoClosingPairs,
        surroundingPairs: c.surroundingPairs.map(([open, close]) => ({ open, close })),
        folding: { markers: { start: new RegExp(c.folding.markers.start), end: new RegExp(c.folding.markers.end) } },
        wordPattern: new RegExp(c.wordPattern, 'u')
    });
    monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarch);
    monaco.editor.defineTheme('contractspraak', theme);
}

configureLanguage();
const editor = monaco.editor.create(element('editor'), {
    language: LANGUAGE_ID,
    theme: 'contractspraak',
    automaticLayout: true,
    wordWrap: 'on',                     // clauses are long single-line prose
    wrappingIndent: 'indent',
    minimap: { enabled: false },
    fontSize: 13,
    tabSize: 4,
    insertSpaces: true,
    wordBasedSuggestions: 'off',
    'semanticHighlighting.enabled': true,
    fixedOverflowWidgets: true
});
const client = new LanguageClient(serverWorker);

// Go to definition in another file of the set: show that file, then let Monaco reveal the position.
monaco.editor.registerEditorOpener({
    openCodeEditor(source, resource, selectionOrPosition) {
        const model = current?.models.find(m => m.uri.toString() === resource.toString());
        if (!model) return false;
        showModel(model);
        if (selectionOrPosition && 'startLineNumber' in selectionOrPosition) {
            source.setSelection(selectionOrPosition);
            source.revealRangeInCenter(selectionOrPosition);
        } else if (selectionOrPosition) {
            source.setPosition(selectionOrPosition);
            source.revealPositionInCenter(selectionOrPosition);
        }
        return true;
    }
});

function showModel(model: monaco.editor.ITextModel): void {
    if (editor.getModel() !== model) {
        editor.setModel(model);
        focusId = undefined;   // an element id of the other file's output; the cursor move asks anew
    }
    for (const tab of ui.files.querySelectorAll<HTMLButtonElement>('button')) {
        tab.setAttribute('aria-pressed', String(tab.dataset.uri === model.uri.toString()));
    }
    schedulePreview(0);
}

function fileLabel(model: monaco.editor.ITextModel): string {
    return model.uri.path.slice(current!.path.length);
}

function renderTabs(): void {
    ui.files.replaceChildren(...(current?.models ?? []).map(model => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.dataset.uri = model.uri.toString();
        tab.textContent = fileLabel(model);
        tab.addEventListener('click', () => showModel(model));
        return tab;
    }));
    ui.files.hidden = (current?.models.length ?? 0) < 2;
}

/** Switches run one after the other, so a quick second pick never interleaves with the first. */
function switchTo(set: ExampleSet, fresh = false): Promise<void> {
    switching = switching.then(() => selectSet(set, fresh), () => selectSet(set, fresh));
    return switching;
}

/** `fresh`: newly opened files replace what was kept of a set by the same id. */
async function selectSet(set: ExampleSet, fresh: boolean): Promise<void> {
    if (current?.id === set.id && !fresh) return;
    const closed: string[] = [];
    if (current) {
        const texts = new Map(current.models.map(m => [fileLabel(m), m.getValue()]));
        edited.set(current.id, texts);
        const old = current.models;
        current = undefined;
        for (const m of old) {
            await client.close(m);
            closed.push(m.uri.toString());
            diagnostics.delete(m.uri.toString());
            m.dispose();
        }
    }
    const saved = fresh ? undefined : edited.get(set.id);
    const root = setUri(set.id);
    const models = entryFirst(set.files).map(f =>
        monaco.editor.createModel(saved?.get(f.path) ?? f.text, LANGUAGE_ID, setUri(set.id, f.path)));
    current = { id: set.id, path: root.path, models };
    lastRender = undefined;
    lastRules = undefined;
    ui.downloadRules.disabled = true;
    focusId = undefined;
    ui.downloadHtml.disabled = true;
    ui.picker.value = set.id;
    if (set.id !== OWN_SET) history.replaceState(null, '', `#${encodeURIComponent(set.id)}`);
    renderTabs();
    updateStatus();
    showModel(models[0]);
    await client.connection.sendNotification(OpenSetNotification, {
        files: models.map(m => ({ uri: m.uri.toString(), text: m.getValue() })), closed
    });
    for (const m of models) await client.open(m);
}

function updateStatus(): void {
    const models = current?.models ?? [];
    const reported = models.filter(m => diagnostics.has(m.uri.toString()));
    const all = reported.flatMap(m => diagnostics.get(m.uri.toString())!);
    const count = (severity: number) => all.filter(d => (d.severity ?? 1) === severity).length;
    const errors = count(1);
    const warnings = count(2);
    const ready = models.length > 0 && reported.length === models.length;
    ui.status.dataset.set = current?.id ?? '';
    ui.status.dataset.state = ready ? 'ready' : 'busy';
    ui.status.dataset.errors = String(errors);
    ui.status.dataset.warnings = String(warnings);
    ui.status.classList.toggle('fouten', ready && errors > 0);
    ui.status.textContent = ready
        ? `${errors} ${errors === 1 ? 'fout' : 'fouten'} · ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}`
        : 'Taalserver controleert…';
}

function schedulePreview(delay = 150): void {
    clearTimeout(renderTimer);
    renderTimer = setTimeout(() => void refreshPreview(), delay);
}

async function refreshPreview(): Promise<void> {
    const model = editor.getModel();
    // The first preview of a set waits for its first diagnostics: until then the server has not seen the files.
    if (!current || !model || !diagnostics.has(model.uri.toString())) return;
    const seq = ++renderSeq;
    ui.previewInfo.textContent = 'bijwerken…';
    try {
        const uri = model.uri.toString();
        const result = await run<RenderedHtml>(RENDER_HTML, uri);
        if (seq !== renderSeq) return;   // a newer edit asked for a newer render
        const name = decodeURIComponent(result.entry.split('/').pop() ?? 'overeenkomst').replace(/\.ovk$/, '');
        lastRender = { name, html: result.html };
        ui.downloadHtml.disabled = false;
        showPreview(result, name);
        await refreshRules(uri, name);
    } catch (e) {
        if (seq !== renderSeq) return;
        ui.previewInfo.textContent = `niet te renderen: ${e instanceof Error ? e.message : String(e)}`;
    }
}

function run<T>(command: string, ...args: unknown[]): Promise<T> {
    return client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
}

/** The rule JSON, once the server can compile it (another issue); until then the button stays off, saying so. */
async function refreshRules(uri: string, name: string): Promise<void> {
    const status = await run<RulesStatus & { json?: string }>(RULES_JSON, uri).catch(() => undefined);
    lastRules = status?.available && typeof status.json === 'string' ? { name, json: status.json } : undefined;
    ui.downloadRules.disabled = !lastRules;
    ui.downloadRules.title = lastRules ? 'De regels van deze overeenkomst als JSON downloaden' : 'Regel-JSON volgt';
    ui.downloadRules.parentElement!.title = ui.downloadRules.title;
}

function showPreview(result: RenderedHtml, name: string): void {
    const frame = ui.preview;
    const scroll = frame.contentWindow?.scrollY ?? 0;
    frame.addEventListener('load', () => {
        frame.contentWindow?.scrollTo(0, scroll);
        frame.contentDocument?.addEventListener('click', followLink);
        reveal();
    }, { once: true });
    frame.srcdoc = result.html
        .replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`)
        .replace('</head>', `${PREVIEW_STYLE}\n</head>`);
    const warnings = result.warnings.length ? ` · ${result.warnings.length} ${result.warnings.length === 1 ? 'waarschuwing' : 'waarschuwingen'}` : '';
    ui.previewInfo.textContent = `${name}.html${warnings}`;
    ui.previewInfo.title = result.warnings.join('\n');
}

/** The preview follows the cursor: ask the server which rendered element the cursor is in. */
async function locateCursor(): Promise<void> {
    const model = editor.getModel();
    const position = editor.getPosition();
    if (!current || !model || !position || !diagnostics.has(model.uri.toString())) return;
    try {
        focusId = await client.connection.sendRequest(LocateRequest, {
            uri: model.uri.toString(), position: { line: position.lineNumber - 1, character: position.column - 1 }
        }) ?? undefined;
    } catch {
        return;   // superseded by an edit; the next cursor move asks again
    }
    reveal();
}

/** Marks the focused element and scrolls to it when it is out of view. */
function reveal(): void {
    const doc = ui.preview.contentDocument;
    const view = ui.preview.contentWindow;
    if (!doc || !view) return;
    doc.querySelector('.cs-cursor')?.classList.remove('cs-cursor');
    const target = focusId ? doc.getElementById(focusId) : null;
    if (!target) return;
    target.classList.add('cs-cursor');
    const top = target.getBoundingClientRect().top;
    if (top < 0 || top > view.innerHeight * 0.7) target.scrollIntoView({ block: 'start' });
}

/** Links inside the preview: anchors scroll within it, web links open in a new tab, links to other outputs do nothing. */
function followLink(event: MouseEvent): void {
    const link = (event.target as Element | null)?.closest?.('a');
    const href = link?.getAttribute('href');
    if (!href) return;
    event.preventDefault();
    if (href.startsWith('#')) {
        ui.preview.contentDocument?.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    } else if (/^https?:\/\//i.test(href)) {
        window.open(href, '_blank', 'noopener,noreferrer');
    }
}

function download(name: string, type: string, text: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The files of a set with the entry documents first: a file another file names (`importeer "./basis.ovk"`, a
 * bijlage `uit "./tarieven.ovk"`) is not where a reader starts.
 */
function entryFirst(files: ExampleFile[]): ExampleFile[] {
    const loaded = new Set<string>();
    for (const f of files) {
        for (const m of f.text.matchAll(/"([^"\n]+\.ovk)"/g)) loaded.add(decodeURIComponent(new URL(m[1], `file:///${f.path}`).pathname.slice(1)));
    }
    const rank = (f: ExampleFile) => (loaded.has(f.path) ? 1 : 0);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}

async function openOwnFiles(list: FileList): Promise<void> {
    const files = await Promise.all([...list].filter(f => f.name.endsWith('.ovk'))
        .map(async f => ({ path: f.name, text: await f.text() })));
    if (!files.length) return;
    const set: ExampleSet = { id: OWN_SET, title: `Eigen bestanden (${files.length})`, files };
    const i = sets.findIndex(s => s.id === OWN_SET);
    if (i >= 0) sets[i] = set;
    else sets.push(set);
    fillPicker();
    await switchTo(set, true);
}

function fillPicker(): void {
    ui.picker.replaceChildren(...sets.map(s => new Option(s.title, s.id)));
    if (current) ui.picker.value = current.id;
}

client.onDiagnostics(({ uri, diagnostics: list }) => {
    if (!current?.models.some(m => m.uri.toString() === uri)) return;
    diagnostics.set(uri, list);
    updateStatus();
    schedulePreview();
});

editor.onDidChangeCursorPosition(() => {
    clearTimeout(locateTimer);
    locateTimer = setTimeout(() => void locateCursor(), 250);
});
ui.picker.addEventListener('change', () => {
    const set = sets.find(s => s.id === ui.picker.value);
    if (set) void switchTo(set);
});
ui.open.addEventListener('change', () => {
    if (ui.open.files) void openOwnFiles(ui.open.files);
    ui.open.value = '';
});
ui.status.addEventListener('click', () => {
    editor.focus();
    editor.trigger('status', 'editor.action.marker.next', null);
});
ui.format.addEventListener('click', () => void editor.getAction('editor.action.formatDocument')?.run());
ui.downloadHtml.addEventListener('click', () => {
    if (lastRender) download(`${lastRender.name}.html`, 'text/html;charset=utf-8', lastRender.html);
});
ui.downloadRules.addEventListener('click', () => {
    if (lastRules) download(`${lastRules.name}.regels.json`, 'application/json', lastRules.json);
});

// For the browser test and the devtools console.
Object.assign(globalThis, { __playground: { monaco, editor, client } });

async function main(): Promise<void> {
    fillPicker();
    await client.start();
    const wanted = decodeURIComponent(location.hash.slice(1));
    const first = sets.find(s => s.id === wanted) ?? sets[0];
    if (first) await switchTo(first);
    else ui.status.textContent = 'Geen voorbeelden ingebouwd';
}

void main();
