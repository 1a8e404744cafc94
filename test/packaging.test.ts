/**
 * The VS Code extension package: the manifest fields VS Code needs, and the file list vsce would pack
 * (`vsce ls`, which lists without building; `npx vsce package --no-dependencies` builds and packs the same list).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe as suite, expect, test } from 'vitest';
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
        expect(result.stdout).toBe('activate,deactivate');
    });
});
