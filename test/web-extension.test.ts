/**
 * The extension for VS Code for the web: the manifest's `browser` entry, a client bundle that loads the way the
 * web extension host loads it (one CommonJS file run with only `vscode` to require), and a package that ships it
 * with the worker it starts. Running it in vscode.dev needs a download of VS Code (toolchain.md P15), so the
 * client is not activated here; the worker it starts is tested in test/browser-worker.test.ts.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe as suite, expect, test } from 'vitest';
import { ensureBundle, ROOT } from './bundle.js';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CLIENT = 'dist/extension/main-browser.cjs';
const WORKER = 'dist/language/main-browser.js';

beforeAll(() => ensureBundle(), 120_000);

suite('extension for VS Code for the web', () => {
    test('the manifest names the browser client, and the client names the worker that is packed', () => {
        expect(manifest.browser).toBe(`./${CLIENT}`);
        expect(manifest.files).toEqual(expect.arrayContaining([CLIENT, WORKER]));
        expect(fs.readFileSync(path.join(ROOT, CLIENT), 'utf8')).toContain('main-browser.js');
    });

    test('the client loads as the web extension host loads it: CommonJS with only vscode from outside', () => {
        const source = fs.readFileSync(path.join(ROOT, CLIENT), 'utf8');
        const required = new Set<string>();
        const module = { exports: {} as Record<string, unknown> };
        // As VS Code's web extension host runs an extension's code (extHostExtensionService.ts, _loadCommonJSModule).
        const load = new Function('module', 'exports', 'require', source);
        load(module, module.exports, (request: string) => {
            required.add(request);
            if (request !== 'vscode') throw new Error(`Cannot load module '${request}'`);
            // every export a constructible stand-in: the client subclasses some vscode classes at load time
            return new Proxy({}, { get: () => class { } });
        });
        expect([...required]).toEqual(['vscode']);
        expect(Object.keys(module.exports).sort()).toEqual(['activate', 'deactivate']);
    });

    test('vsce packs the browser client and its worker', () => {
        const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
            cwd: ROOT, encoding: 'utf8', timeout: 60_000
        });
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout.split('\n').map(l => l.trim())).toEqual(expect.arrayContaining([CLIENT, WORKER]));
    }, 60_000);
});
