/**
 * The web-worker language server (dist/language/main-browser.js) in headless Debian Chromium, driven with
 * playwright-core (toolchain.md §4.3). A local static server serves the worker bundle and a page whose script
 * (test/browser/client.ts, bundled here in memory) speaks LSP to the worker over postMessage.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import type { LspRun } from './browser/client.js';
import { ensureBundle, ROOT, WORKER } from './bundle.js';

const CHROMIUM = '/usr/bin/chromium';

const BASIS = `basisovereenkomst Basis "Basis" {
    artikel Weigering "Weigering van Dienstverleningsopdrachten" {
        lid Zwaarwegend: "Het staat de aanbieder niet vrij te weigeren."
    }
}`;

const RAAM = `importeer "./basis.ovk"
raamovereenkomst Raam "Raam" {
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Overeenkomstig [artikel Weigering] en [artikel Weigerring]."
    }
}`;

suite.skipIf(!fs.existsSync(CHROMIUM))('language server in a browser web worker (headless Chromium)', () => {
    let server: http.Server;
    let browser: Browser;
    let origin: string;

    beforeAll(async () => {
        ensureBundle();
        const client = await esbuild.build({
            entryPoints: [`${ROOT}/test/browser/client.ts`], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022'
        });
        const pages: Record<string, { type: string; body: string | Buffer }> = {
            '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>contractspraak</title><script src="/client.js"></script>' },
            '/client.js': { type: 'text/javascript', body: client.outputFiles[0].text }
        };
        server = http.createServer((req, res) => {
            const url = (req.url ?? '/').split('?')[0];
            const page = url === '/dist/language/main-browser.js'
                ? { type: 'text/javascript', body: fs.readFileSync(WORKER) }
                : pages[url];
            if (!page) {
                res.writeHead(404).end();
                return;
            }
            res.writeHead(200, { 'content-type': page.type }).end(page.body);
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--disable-dev-shm-usage']
        });
    }, 120_000);

    afterAll(async () => {
        await browser?.close();
        await new Promise(resolve => server?.close(resolve));
    });

    test('the worker answers initialize and publishes diagnostics for a broken reference across two opened documents', async () => {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', e => errors.push(e.message));
        await page.goto(origin + '/');
        await page.waitForFunction(() => '__runLsp' in globalThis);
        const raamLines = RAAM.split('\n');
        const completionLine = raamLines.findIndex(l => l.includes('[artikel Weigering]'));
        const result = await page.evaluate(([basis, raam, line, character]) =>
            (globalThis as unknown as { __runLsp: (...args: unknown[]) => Promise<LspRun> }).__runLsp(
                [{ uri: 'file:///ws/basis.ovk', text: basis }, { uri: 'file:///ws/raam.ovk', text: raam }],
                { uri: 'file:///ws/raam.ovk', code: 'ref-unresolved' },
                { uri: 'file:///ws/raam.ovk', line, character }),
        [BASIS, RAAM, completionLine, raamLines[completionLine].indexOf('[artikel Weigering]') + '[artikel '.length] as const);
        expect(errors).toEqual([]);
        expect(result.capabilities).toEqual(expect.arrayContaining(['completionProvider', 'definitionProvider', 'hoverProvider', 'textDocumentSync']));
        // errors and warnings only: advisory (info) checks come and go as the language grows
        const problems = (uri: string) => (result.diagnostics[uri] ?? []).filter(d => d.severity === 1 || d.severity === 2);
        const raam = problems('file:///ws/raam.ovk');
        // the reference into the other document resolves; only the misspelt one is reported, on its exact range
        expect(raam.map(d => d.code)).toEqual(['ref-unresolved']);
        const range = raam[0].range;
        expect(raamLines[range.start.line].slice(range.start.character, range.end.character)).toBe('Weigerring');
        expect(problems('file:///ws/basis.ovk')).toEqual([]);
        expect(result.completion).toContain('Weigering');
        console.info(`browser worker: start → diagnostics in ${result.millis.toFixed(0)} ms`);
        await page.close();
    }, 60_000);
});
