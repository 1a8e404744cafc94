/**
 * The security guarantees of SECURITY.md, each with a test that fails when it breaks:
 *  - imports stay inside the workspace folder (`../..`, absolute paths, symbolic links to files and folders) and
 *    an address (`https://…`) is refused with a clear message and never fetched: the checks, the CLI loader, and
 *    the file system of the language server;
 *  - rendered HTML is inert whatever the source says, and carries a strict Content-Security-Policy;
 *  - no eval or Function constructor in our sources; the bundles are scanned and what third-party code holds is
 *    reported (not failed on: we cannot change it);
 *  - the CLI writes only where it may (compiler/cli/output-path.ts);
 *  - the SARIF report validates against the SARIF 2.1.0 schema (test/fixtures/sarif-2.1.0.json, a subset written
 *    after the OASIS schema, which cannot be downloaded here).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { parse } from 'parse5';
import { WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe as suite, expect, test, vi } from 'vitest';
import { ConfinedFileSystemProvider } from '../compiler/confined-file-system.js';
import { buildView } from '../compiler/render/build.js';
import { CONTENT_SECURITY_POLICY, renderHtml } from '../compiler/render/html.js';
import { SetLayout } from '../compiler/render/layout.js';
import { renderMarkdown } from '../compiler/render/markdown.js';
import { collectFiles, loadWorkspace, UsageError } from '../compiler/workspace.js';
import { createContractspraakServices } from '../language/contractspraak-module.js';
import { importLinks } from '../language/document-set.js';
import type { Document } from '../language/generated/ast.js';
import { CLI, ensureBundle, ROOT } from './bundle.js';
import { FUZZ_SEED } from './fuzz/config.js';
import { buildSet, createServices } from './helpers.js';
import { startStdioServer } from './lsp-client.js';
import { sarifProblems } from './sarif-schema.js';

let tmp: string;

beforeAll(() => {
    ensureBundle();
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-security-')));
}, 180_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function outsideImports(doc: LangiumDocument): string[] {
    return (doc.diagnostics ?? []).filter(d => d.code === 'import-outside-workspace').map(d => doc.textDocument.getText(d.range));
}

// ---------------------------------------------------------------- imports

const ESCAPES = `importeer "../buiten.ovk"
importeer "../../etc/passwd.ovk"
importeer "./sub/../../buiten.ovk"
importeer "/etc/buiten.ovk"
importeer "https://example.org/basis.ovk"
importeer "file:///etc/buiten.ovk"
importeer "//server/share/basis.ovk"
raamovereenkomst R "R" {
    bijlage A "A" uit "../buiten.ovk"
    voorwaarden V "V" uit "www.example.org/voorwaarden.ovk"
}
`;

/** A workspace on disk: set/ with a real import, a link to a file outside and a link to a folder outside. */
function onDisk(): { set: string; raam: string; outside: string } {
    const root = fs.mkdtempSync(path.join(tmp, 'ws-'));
    const outside = path.join(root, 'buiten.ovk');
    fs.writeFileSync(outside, 'basisovereenkomst Buiten "Buiten" {\n    artikel Geheim "Geheim" { lid Een: "niet voor de set" }\n}\n');
    fs.mkdirSync(path.join(root, 'elders'));
    fs.writeFileSync(path.join(root, 'elders', 'binnen.ovk'), 'basisovereenkomst Elders "Elders" {\n    artikel Verborgen "Verborgen" { lid Een: "x" }\n}\n');
    const set = path.join(root, 'set');
    fs.mkdirSync(set);
    fs.writeFileSync(path.join(set, 'echt.ovk'), 'basisovereenkomst Echt "Echt" {\n    artikel Open "Open" { lid Een: "x" }\n}\n');
    fs.symlinkSync(outside, path.join(set, 'link.ovk'));
    fs.symlinkSync(path.join(root, 'elders'), path.join(set, 'map'));
    const raam = path.join(set, 'raam.ovk');
    fs.writeFileSync(raam, `importeer "./echt.ovk"
importeer "./link.ovk"
importeer "./map/binnen.ovk"
importeer "../buiten.ovk"
importeer "${outside}"
importeer "https://example.org/basis.ovk"
raamovereenkomst R "R" {
    artikel A "A" { lid B: "Zie [artikel Open], [artikel Geheim] en [artikel Verborgen]." }
}
`);
    return { set, raam, outside };
}

suite('imports stay inside the workspace and are never fetched', () => {
    test('the check refuses ../.., absolute paths and addresses, for importeer and uit', async () => {
        const services = createServices();
        services.Contractspraak.references.DocumentSets.roots = ['file:///ws/set'];
        const { docs } = await buildSet({ 'set/raam.ovk': ESCAPES }, services);
        const doc = docs['set/raam.ovk'];
        expect(outsideImports(doc)).toEqual(['"../buiten.ovk"', '"../../etc/passwd.ovk"', '"./sub/../../buiten.ovk"', '"/etc/buiten.ovk"',
            '"https://example.org/basis.ovk"', '"file:///etc/buiten.ovk"', '"//server/share/basis.ovk"', '"../buiten.ovk"', '"www.example.org/voorwaarden.ovk"']);
        const address = doc.diagnostics!.find(d => doc.textDocument.getText(d.range) === '"https://example.org/basis.ovk"')!;
        expect(address.message).toBe("'https://example.org/basis.ovk' is een internetadres. Een documentset bestaat uit .ovk-bestanden in de werkmap; Contractspraak haalt nooit iets van internet.");
        // An address is never a link of the set, so no loader ever looks it up.
        const links = importLinks(doc.parseResult.value as Document, doc.uri).map(l => l.pad);
        expect(links).not.toContain('https://example.org/basis.ovk');
        expect(links).not.toContain('www.example.org/voorwaarden.ovk');
    });

    test('the CLI loader reads nothing outside the root: not by ../, an absolute path, a link to a file or to a folder', async () => {
        const { set, raam } = onDisk();
        const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network'));
        try {
            const ws = await loadWorkspace([raam]);
            expect(ws.all.map(d => path.relative(set, d.uri.fsPath)).sort()).toEqual(['echt.ovk', 'raam.ovk']);
            const doc = ws.requested[0];
            expect(outsideImports(doc)).toEqual(['"./link.ovk"', '"./map/binnen.ovk"', '"../buiten.ovk"', `"${path.join(path.dirname(set), 'buiten.ovk')}"`,
                '"https://example.org/basis.ovk"']);
            const link = doc.diagnostics!.find(d => doc.textDocument.getText(d.range) === '"./link.ovk"')!;
            expect(link.message).toMatch(/symbolische koppeling naar een bestand buiten de werkmap/);
            // Names from outside never resolve.
            const unresolved = doc.diagnostics!.filter(d => d.code === 'ref-unresolved').map(d => doc.textDocument.getText(d.range));
            expect(unresolved).toEqual(['Geheim', 'Verborgen']);
            expect(fetch).not.toHaveBeenCalled();
        } finally {
            fetch.mockRestore();
        }
    });

    test('a folder argument with a link that leads outside is a usage error, in-process and from the CLI (exit 2)', () => {
        const { set } = onDisk();
        expect(() => collectFiles([set])).toThrow(UsageError);
        expect(() => collectFiles([set])).toThrow(/link\.ovk: symbolische koppeling naar een bestand buiten de map/);
        const r = cli(['check', 'set'], path.dirname(set));
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^contractspraak: set\/link\.ovk: symbolische koppeling naar een bestand buiten de map/);
    });

    test('the language server\'s file system sees no file or folder behind a link that leads outside, and reads none', async () => {
        const { set, outside } = onDisk();
        const provider = new ConfinedFileSystemProvider(() => [set]);
        expect((await provider.stat(URI.file(path.join(set, 'link.ovk')))).isFile).toBe(false);
        expect((await provider.stat(URI.file(path.join(set, 'map')))).isDirectory).toBe(false);
        expect(provider.statSync(URI.file(path.join(set, 'echt.ovk'))).isFile).toBe(true);
        await expect(provider.readFile(URI.file(path.join(set, 'link.ovk')))).rejects.toThrow(/buiten de werkmap/);
        expect(() => provider.readFileSync(URI.file(outside))).toThrow(/buiten de werkmap/);
        expect(await provider.readDirectory(URI.file(path.join(set, 'map')))).toEqual([]);
        // The workspace as the server loads it, and a file-watcher event for the link afterwards.
        const { shared } = createContractspraakServices({ fileSystemProvider: () => provider });
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'set', uri: URI.file(set).toString() }]);
        await shared.workspace.DocumentBuilder.update([URI.file(path.join(set, 'link.ovk')), URI.file(path.join(set, 'map'))], []);
        expect(shared.workspace.LangiumDocuments.all.map(d => path.relative(set, d.uri.fsPath)).toArray().sort()).toEqual(['echt.ovk', 'raam.ovk']);
    });

    test('the shipped server: a file-watcher event for a link that leads outside loads nothing from outside', async () => {
        const { set } = onDisk();
        const { server, client } = startStdioServer();
        try {
            await client.initialize(set);
            await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
                changes: [{ uri: URI.file(path.join(set, 'link.ovk')).toString(), type: 1 }, { uri: URI.file(path.join(set, 'map')).toString(), type: 1 }]
            });
            const names = async (query: string) => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? []).map(s => s.name);
            // The real file is there (the server is answering), the linked ones are not.
            await expect.poll(() => names('Open'), { timeout: 60_000 }).toEqual(expect.arrayContaining([expect.stringContaining('Open')]));
            expect(await names('Geheim')).toEqual([]);
            expect(await names('Verborgen')).toEqual([]);
        } finally {
            await client.stop(server).catch(() => server.kill());
        }
    }, 120_000);

    test('language/ and compiler/ hold no network call', () => {
        const NETWORK = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bhttps?\.(?:request|get)\s*\(|\bnet\.connect\b|\btls\.connect\b|from 'node:(?:http|https|net|tls|dgram|dns)'/;
        const found = sources(['language', 'compiler']).filter(({ text }) => NETWORK.test(text)).map(({ file }) => file);
        expect(found).toEqual([]);
    });
});

// ---------------------------------------------------------------- rendered HTML

/** Escapes what prose syntax would read: quote, brackets, braces, backslash. */
function prose(text: string): string {
    return text.replace(/[\\"[\]{}]/g, c => `\\${c}`);
}

const ATTACKS = [
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", 'javascript:alert(1)',
    '</title><script>x()</script>', '<iframe src=//evil.example>', '<a href="javascript:x()">', '&lt;script&gt;', '<!--', ']]>',
    '<style>body{display:none}</style>', '<meta http-equiv="refresh" content="0;url=//evil.example">', '<base href=//evil.example/>',
    '{{constructor.constructor("x")()}}', '${alert(1)}', '\u2028\u2029', '\u0000'
];

function document(attack: string): string {
    const a = prose(attack);
    return `raamovereenkomst R "${a}" {
    versie "${a}"
    citeertitel "${a}"
    partijen "${a}" { gemeente G "${a}": "${a}" }
    overwegingen { overweging O: "${a}" }
    begrip Begrip: "${a}"
    artikel A "${a}" {
        lid L: "${a} [artikel A] [https://example.org/x] [javascript:alert(1)] [${a.replace(/\\./g, '')}]" { onderdeel a: "${a}" } "${a}"
        tekst: "${a}"
        kop: "${a}"
        toelichting: "${a}"
        tabel T "${a}" { kolommen "${a}" rij "${a}" }
    }
    bijlage X "${a}" extern "${a}"
    ondertekening "${a}" { namens G "${a}" { naam "${a}" functie "${a}" plaats "${a}" datum "${a}" } }
}
`;
}

const ELEMENTS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'nav', 'section', 'aside', 'div', 'p', 'h1', 'h2',
    'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'ol', 'li', 'a', 'span', 'dfn', 'strong', 'mark', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td']);
const ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'http-equiv', 'class', 'id', 'href', 'title', 'rel', 'aria-labelledby']);

interface Node { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[]; content?: Node }

/** What in a page is not inert: unknown elements, event handlers, scripts by URL, a second policy or style. */
function activeParts(html: string): string[] {
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    const walk = (node: Node) => {
        if (node.tagName) {
            counts[node.tagName] = (counts[node.tagName] ?? 0) + 1;
            if (!ELEMENTS.has(node.tagName)) problems.push(`element <${node.tagName}>`);
            for (const { name, value } of node.attrs ?? []) {
                if (!ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${node.tagName}>`);
                if (name === 'href' && !/^(?:#|[\w%.-]+\.html#|https?:\/\/)/.test(value)) problems.push(`href ${value}`);
                if (node.tagName === 'meta' && name === 'http-equiv' && value.toLowerCase() !== 'content-security-policy') problems.push(`meta ${value}`);
            }
        }
        for (const child of node.childNodes ?? []) walk(child);
    };
    walk(parse(html) as unknown as Node);
    if (counts.style !== 1) problems.push(`${counts.style ?? 0} style elements`);
    return problems;
}

suite('rendered HTML is inert and carries a strict Content-Security-Policy', () => {
    test('the policy: nothing but the page\'s own inline CSS, first in its head', async () => {
        expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
        const { docs } = await buildSet({ 'a.ovk': document('x') });
        const html = renderHtml(buildView(docs['a.ovk'], new SetLayout(Object.values(docs))));
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">\n/);
    });

    test('script, markup and URLs in every text of the source come out as text (fast-check)', async () => {
        const attack = fc.oneof(
            fc.constantFrom(...ATTACKS),
            fc.array(fc.constantFrom(...ATTACKS, ' ', '"', "'", '<', '>', '&', '=', '/'), { minLength: 1, maxLength: 5 }).map(p => p.join('')),
            fc.string({ unit: 'grapheme', maxLength: 20 })
        );
        await fc.assert(fc.asyncProperty(attack, async text => {
            const { docs } = await buildSet({ 'a.ovk': document(text) });
            const doc = docs['a.ovk'];
            const view = buildView(doc, new SetLayout([doc]));
            const html = renderHtml(view);
            expect(activeParts(html)).toEqual([]);
            // Markdown escapes < too, so a viewer that allows HTML in Markdown sees text; only the anchors are tags.
            expect(renderMarkdown(view).replace(/<a id="[\w-]*"><\/a>/g, '')).not.toMatch(/(?<!\\)</);
        }), { seed: FUZZ_SEED, numRuns: 25 });
    }, 180_000);
});

// ---------------------------------------------------------------- eval

/** eval, the Function constructor (called with or without new), string timers, node:vm. */
const DYNAMIC_CODE = /(?<![\w$.])eval\s*\(|(?<![\w$.])(?:new\s+)?Function\s*\(|\bset(?:Timeout|Interval)\s*\(\s*['"`]|\bvm\.(?:runIn\w*|compileFunction|Script)\b|from 'node:vm'/g;

function sources(folders: string[]): Array<{ file: string; text: string }> {
    return folders.flatMap(folder => fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter(f => /\.(?:ts|mts|cts|js|mjs|cjs)$/.test(f) && !f.split(path.sep).includes('node_modules'))
        .map(f => ({ file: path.join(folder, f), text: fs.readFileSync(path.join(ROOT, folder, f), 'utf8') })));
}

suite('no eval or new Function', () => {
    test('in our sources (language/, compiler/, extension/)', () => {
        const found = sources(['language', 'compiler', 'extension'])
            .flatMap(({ file, text }) => [...text.matchAll(DYNAMIC_CODE)].map(m => `${file}: ${m[0]}`));
        expect(found).toEqual([]);
    });

    test('in the bundles: none from our code; the third-party code that has one is reported', () => {
        const bundles = ['language/main.cjs', 'language/main-browser.js', 'cli/main.mjs', 'extension/main.cjs', 'extension/main-browser.cjs']
            .map(f => path.join(ROOT, 'dist', f)).filter(f => fs.existsSync(f));
        expect(bundles.length).toBeGreaterThanOrEqual(4);
        const report: string[] = [];
        for (const bundle of bundles) {
            const text = fs.readFileSync(bundle, 'utf8');
            // esbuild (not minified) starts every module with a `// path/of/the/module.js` line (indented in an IIFE).
            const markers = [...text.matchAll(/^\s*\/\/ (\S+\.[cm]?[jt]s)$/gm)].map(m => ({ at: m.index, module: m[1] }));
            for (const m of text.matchAll(DYNAMIC_CODE)) {
                const module = markers.filter(x => x.at < m.index).pop()?.module ?? '(start of the bundle)';
                report.push(`${path.relative(ROOT, bundle)}: ${m[0]} in ${module}`);
            }
        }
        console.info(`dynamic code in the bundles (third party, reported, not failed on):\n  ${report.join('\n  ') || 'none'}`);
        expect(report.filter(r => / in (?:language|compiler|extension)\//.test(r))).toEqual([]);
        expect(report.every(r => / in node_modules\//.test(r))).toBe(true);
    });
});

// ---------------------------------------------------------------- output paths

suite('the CLI writes only where it may', () => {
    let cwd: string;

    beforeAll(() => {
        cwd = fs.mkdtempSync(path.join(tmp, 'cwd-'));
        fs.writeFileSync(path.join(cwd, 'raam.ovk'), 'raamovereenkomst R "R" {\n    artikel A "A" { lid B: "Zie [artikel A]." }\n}\n');
    });

    test.each([
        ['a relative path out of the working folder', ['check', 'raam.ovk', '-f', 'json', '-o', '../uit.json'], /\.\.\/uit\.json: ligt buiten de huidige map/],
        ['the same through a folder', ['render', 'raam.ovk', '-o', 'sub/../../uit'], /ligt buiten de huidige map/],
        ['a system folder', ['check', 'raam.ovk', '-f', 'sarif', '-o', '/etc/contractspraak.sarif'], /schrijft niet in systeemmap \/etc/],
        ['a report over an agreement', ['check', 'raam.ovk', '-f', 'json', '-o', 'raam.ovk'], /raam\.ovk: een \.ovk-bestand is een overeenkomst/],
        ['a report folder out of the working folder', ['check', 'raam.ovk', '--report-dir', '../rapport'], /ligt buiten de huidige map/],
        ['run into a system folder', ['run', '.', '-o', '/usr/share/contractspraak'], /systeemmap \/usr/]
    ])('refused: %s (exit 2, nothing written)', (_name, args, message) => {
        const before = fs.readFileSync(path.join(cwd, 'raam.ovk'), 'utf8');
        const r = cli(args as string[], cwd);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(message as RegExp);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(fs.readFileSync(path.join(cwd, 'raam.ovk'), 'utf8')).toBe(before);
        expect(fs.existsSync(path.join(path.dirname(cwd), 'uit.json'))).toBe(false);
    });

    test('allowed: a path inside the working folder, and an absolute path given explicitly', () => {
        expect(cli(['check', 'raam.ovk', '-f', 'json', '-o', 'rapporten/check.json'], cwd).status).toBe(0);
        expect(fs.existsSync(path.join(cwd, 'rapporten', 'check.json'))).toBe(true);
        const elsewhere = path.join(tmp, 'elders', 'check.json');
        expect(cli(['check', 'raam.ovk', '-f', 'json', '-o', elsewhere], cwd).status).toBe(0);
        expect(fs.existsSync(elsewhere)).toBe(true);
    });
});

// ---------------------------------------------------------------- SARIF

suite('SARIF validates against the SARIF 2.1.0 schema', () => {
    test('the schema file rejects what is not SARIF (it is not a schema that accepts anything)', () => {
        expect(sarifProblems({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal', message: {} }] }] }).length).toBeGreaterThan(2);
    });

    test('check --format sarif on every example set, and on file names with spaces, # and accents', () => {
        const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter(d => fs.statSync(path.join(ROOT, 'examples', d)).isDirectory());
        for (const set of examples) {
            const r = cli(['check', path.join('examples', set), '-f', 'sarif'], ROOT);
            expect(r.stderr).not.toMatch(/interne fout/);
            expect(sarifProblems(JSON.parse(r.stdout)), set).toEqual([]);
        }
        const odd = fs.mkdtempSync(path.join(tmp, 'map met spatie #1 é-'));
        fs.writeFileSync(path.join(odd, 'overeenkomst 2021 #2 é.ovk'), 'raamovereenkomst R "R" {\n    artikel A "A" { lid B: "Zie [artikel Bestaatniet] en artikel 1.1 <script>." }\n}\n');
        const r = cli(['check', '.', '-f', 'sarif'], odd);
        const log = JSON.parse(r.stdout);
        expect(sarifProblems(log)).toEqual([]);
        expect(log.runs[0].results.length).toBeGreaterThan(0);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('overeenkomst%202021%20%232%20%C3%A9.ovk');
    }, 300_000);
});
