/**
 * The VS Code extension package: the manifest fields VS Code needs, and the file list vsce would pack
 * (`vsce ls`, which lists without building; `npx vsce package --no-dependencies` builds and packs the same list).
 * A real .vsix is packed from the current bundles (vsce's `pack`, which skips the prepublish build) and read back;
 * the client bundle is activated against a stub `vscode` module.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { beforeAll, describe as suite, expect, test } from 'vitest';
import { Catalogue } from '../language/diagnostics.js';
import { createContractspraakServices } from '../language/contractspraak-module.js';
import { ServerCommands } from '../language/lsp/commands.js';
import { contentSecurityPolicy, errorPage, previewPage } from '../extension/preview-page.js';
import { ensureBundle, ROOT } from './bundle.js';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

beforeAll(() => ensureBundle(), 120_000);

suite('extension package', () => {
    test('manifest: client entry, language, grammar and configuration exist', () => {
        expect(manifest.main).toBe('./dist/extension/main.cjs');
        expect(manifest.engines.vscode).toMatch(/^\^1\./);
        expect(manifest.activationEvents).toContain('onLanguage:contractspraak');
        const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'contractspraak');
        expect(language.extensions).toContain('.ovk');
        expect(fs.existsSync(path.join(ROOT, language.configuration))).toBe(true);
        const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'contractspraak');
        expect(grammar.scopeName).toBe('source.contractspraak');
        expect(JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), 'utf8')).scopeName).toBe('source.contractspraak');
        expect(manifest.license).toBe('MIT');
        expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    });

    test('manifest: snippets, commands (with menus) and settings are contributed', () => {
        const c = manifest.contributes;
        expect(c.snippets).toEqual([{ language: 'contractspraak', path: './extension/snippets/contractspraak.json' }]);
        expect(c.commands.map((x: { command: string }) => x.command)).toEqual([
            'contractspraak.preview', 'contractspraak.renderDocx', 'contractspraak.showLooptijd', 'contractspraak.compileRules',
            'contractspraak.showSlotValue'
        ]);
        for (const command of c.commands) expect(command.category).toBe('Contractspraak');
        // The commands need the node server (the renderer); the web extension (main-browser.ts) does not offer them.
        const when = 'editorLangId == contractspraak && !isWeb';
        expect(c.menus['editor/title']).toEqual([{ command: 'contractspraak.preview', when, group: 'navigation' }]);
        expect(c.menus.commandPalette.map((m: { when: string }) => m.when)).toEqual(Array(5).fill(when));
        const settings = c.configuration.properties;
        expect(Object.keys(settings)).toEqual(['contractspraak.kalender', 'contractspraak.diagnostics.severity', 'contractspraak.trace.server']);
        expect(settings['contractspraak.kalender'].enum).toEqual(['atw', 'atw-zonder-kb', 'cao-lustrum']);
        expect(settings['contractspraak.diagnostics.severity'].additionalProperties.enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
        expect(settings['contractspraak.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
        // The example in the description names real codes.
        for (const code of settings['contractspraak.diagnostics.severity'].markdownDescription.match(/"([a-z-]+)": "/g) ?? []) {
            expect(Object.keys(Catalogue)).toContain(code.slice(1, code.indexOf('"', 1)));
        }
    });

    test('every snippet, expanded with its defaults, is valid Contractspraak', async () => {
        const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'snippets', 'contractspraak.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
        expect(Object.values(snippets).map(s => s.prefix)).toEqual(expect.arrayContaining(
            ['artikel', 'lid', 'begrip', 'termijn', 'looptijd', 'rangorde', 'bijlage', 'partijen']));
        const { shared } = createContractspraakServices(EmptyFileSystem);
        for (const [name, snippet] of Object.entries(snippets)) {
            const body = snippet.body.join('\n').replace(/\t/g, '    ')
                .replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
            const inArtikel = snippet.prefix.startsWith('lid');
            const text = `basisovereenkomst Proef "Proef" {\n${inArtikel ? `artikel Houder "Houder" {\n${body}\n}` : body}\n}\n`;
            const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///snippets/${snippet.prefix}.ovk`));
            const { lexerErrors, parserErrors } = doc.parseResult;
            expect([...lexerErrors, ...parserErrors].map(e => e.message), `${name}:\n${text}`).toEqual([]);
        }
    });

    test('vsce packs the server and client bundles, the grammar, the language configuration and the licence, and no sources', () => {
        const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
            cwd: ROOT, encoding: 'utf8', timeout: 60_000
        });
        expect(result.status, result.stderr).toBe(0);
        const files = result.stdout.split('\n').map(l => l.trim()).filter(Boolean);
        expect(files).toEqual(expect.arrayContaining([
            'package.json', 'README.md', 'LICENSE',
            'dist/language/main.cjs', 'dist/extension/main.cjs',
            'extension/syntaxes/contractspraak.tmLanguage.json', 'extension/language-configuration.json'
        ]));
        expect(files.filter(f => f.endsWith('.ts') || f.startsWith('test/') || f.startsWith('node_modules/'))).toEqual([]);
    }, 60_000);

    test('the .vsix: exactly the bundles and resources, its manifest with the contributions, under 3 MB', async () => {
        const require = createRequire(import.meta.url);
        const { pack } = require('@vscode/vsce/out/package.js') as { pack(o: object): Promise<{ files: unknown[] }> };
        const { readZip } = require('@vscode/vsce/out/zip.js') as { readZip(p: string, f: (name: string) => boolean): Promise<Map<string, Buffer>> };
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-vsix-'));
        const vsix = path.join(folder, 'contractspraak.vsix');
        try {
            const log = console.log;
            console.log = () => undefined;   // vsce prints the file tree
            try {
                await pack({ cwd: ROOT, packagePath: vsix, dependencies: false, baseContentUrl: manifest.vsce.baseContentUrl });
            } finally {
                console.log = log;
            }
            const entries = await readZip(vsix, () => true);
            expect([...entries.keys()].sort()).toEqual([
                '[content_types].xml', 'extension.vsixmanifest',
                'extension/bin/contractspraak.mjs', 'extension/dist/cli/main.mjs', 'extension/dist/extension/main-browser.cjs',
                'extension/dist/extension/main.cjs', 'extension/dist/language/main-browser.js', 'extension/dist/language/main.cjs',
                'extension/extension/language-configuration.json',
                'extension/extension/snippets/contractspraak.json', 'extension/extension/syntaxes/contractspraak.tmlanguage.json',
                'extension/license.txt', 'extension/package.json', 'extension/readme.md'
            ]);
            const packed = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
            expect(packed.main).toBe('./dist/extension/main.cjs');
            expect(packed.contributes).toEqual(manifest.contributes);
            // The server in the package is the one with the renderer (compiler/server/main.ts).
            expect(entries.get('extension/dist/language/main.cjs')!.toString('utf8')).toContain('contractspraak.renderHtml');
            const size = fs.statSync(vsix).size;
            console.info(`vsix: ${entries.size} entries, ${(size / 1024 / 1024).toFixed(2)} MB`);
            expect(size).toBeLessThan(3 * 1024 * 1024);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    }, 60_000);

    test('the client bundle loads with only the vscode module from outside', () => {
        // A child process, so the stub for `vscode` never touches the test runner's module loader.
        const script = `
            const Module = require('module');
            const load = Module._load;
            Module._load = function (request) {
                // every export a constructible stand-in: the client subclasses some vscode classes at load time
                if (request === 'vscode') return new Proxy({}, { get: () => class { } });
                return load.apply(this, arguments);
            };
            const client = require(${JSON.stringify(path.join(ROOT, 'dist', 'extension', 'main.cjs'))});
            process.stdout.write(Object.keys(client).sort().join(','));`;
        const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe('ClientCommands,ServerCommands,activate,deactivate');
    });

    test('the client bundle activates against a stub vscode and registers every contributed command', () => {
        // A deep stand-in for the vscode API that records registerCommand; the language client then fails to start
        // against it, which is after the commands are registered.
        const script = `
            const Module = require('module');
            const registered = [];
            const stub = (where) => new Proxy(function () { }, {
                get(_t, p) {
                    if (p === 'then') return undefined;
                    if (p === Symbol.iterator) return function* () { };
                    if (p === Symbol.toPrimitive) return () => '';
                    if (where === '' && p === 'version') return '1.95.0';
                    if (where === 'commands' && p === 'registerCommand') return name => { registered.push(name); return { dispose() { } }; };
                    return stub(where ? where + '.' + String(p) : String(p));
                },
                apply: () => stub(where + '()'),
                construct: () => stub('new ' + where)
            });
            // esbuild's ESM interop copies the module's own properties: list the namespaces the client uses.
            const names = ['version', 'commands', 'window', 'workspace', 'env', 'languages', 'Uri', 'ViewColumn', 'Disposable'];
            const vscode = new Proxy({}, {
                get: (_t, p) => stub('')[p],
                ownKeys: () => names,
                getOwnPropertyDescriptor: (_t, p) => names.includes(p) ? { value: stub('')[p], enumerable: true, configurable: true } : undefined
            });
            const load = Module._load;
            Module._load = function (request) { return request === 'vscode' ? vscode : load.apply(this, arguments); };
            const client = require(${JSON.stringify(path.join(ROOT, 'dist', 'extension', 'main.cjs'))});
            const context = { subscriptions: [], asAbsolutePath: p => require('path').join('/nonexistent', p) };
            const done = () => {
                process.stdout.write(JSON.stringify({ registered, subscriptions: context.subscriptions.length, server: client.ServerCommands }));
                process.exit(0);
            };
            Promise.resolve().then(() => client.activate(context)).then(done, done);
            setTimeout(done, 5000);`;
        const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
        const { registered, subscriptions, server } = JSON.parse(result.stdout);
        const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
        expect(registered.sort()).toEqual([...contributed, 'contractspraak.showReferences'].sort());
        expect(subscriptions).toBe(registered.length + 1);   // and the preview panel
        // The client asks the server for exactly the commands the server has.
        expect(server).toEqual(ServerCommands);
    });

    test('the client stays thin and language/ never imports the compiler or the client', () => {
        const imports = (dir: string) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
            .filter(f => f.endsWith('.ts'))
            .flatMap(f => [...fs.readFileSync(path.join(ROOT, dir, f), 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)]
                .map(m => ({ file: `${dir}/${f}`, target: path.relative(ROOT, path.resolve(ROOT, dir, path.dirname(f), m[1])) })));
        const outOf = (dir: string, forbidden: string[]) =>
            imports(dir).filter(i => forbidden.some(f => i.target.startsWith(`${f}/`))).map(i => `${i.file} → ${i.target}`);
        expect(outOf('language', ['compiler', 'extension'])).toEqual([]);
        expect(outOf('extension', ['language', 'compiler'])).toEqual([]);
    });

    test('the preview page: a strict Content-Security-Policy, one nonce script, and errors escaped', () => {
        const page = previewPage('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>T</title></head><body><p>x</p></body></html>', 'N0nce');
        expect(page).toContain(`<head>\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('N0nce')}">`);
        expect(contentSecurityPolicy('N0nce')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-N0nce'; form-action 'none'; base-uri 'none'");
        expect(page.match(/<script/g)).toHaveLength(1);
        expect(page).toContain('<script nonce="N0nce">');
        expect(page.indexOf('<script')).toBeGreaterThan(page.indexOf('<p>x</p>'));
        const error = errorPage('<img src=x onerror=alert(1)>', 'N0nce');
        expect(error).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(error).not.toContain('<img');
    });
});
