/**
 * The web playground (web/) in headless Debian Chromium, driven with playwright-core: build it with
 * web/build.mjs, serve it with web/serve.mjs on a free 127.0.0.1 port, then use it as a drafter would — pick an
 * example, wait for the language server's diagnostics, break a reference, repair it with completion, and watch
 * the rendered preview follow. Screenshots go to test/artifacts/ (gitignored).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { ROOT } from './bundle.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const EXAMPLE = 'raamovereenkomst-maatwerk-2021';
// Generous: a loaded 2-core CI machine runs the other test files beside this one. Idle, each step takes seconds.
const STEP_TIMEOUT = 30_000;
const START_TIMEOUT = 60_000;

interface Range { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }

/** The page's test hook (web/src/app.ts), typed as far as this test uses it. */
interface Playground {
    monaco: { editor: { getModelMarkers(filter: object): Array<{ message: string; severity: number; startLineNumber: number }> } };
    editor: {
        getModel(): { getValue(): string; getLineContent(line: number): string };
        getPosition(): { lineNumber: number; column: number };
        setPosition(p: { lineNumber: number; column: number }): void;
        setSelection(r: Range): void;
        revealRangeInCenter(r: Range): void;
        updateOptions(o: object): void;
        trigger(source: string, id: string, payload: unknown): void;
        focus(): void;
    };
}

/** Where `text` first occurs in the editor's model (1-based, as Monaco counts). */
async function find(page: Page, text: string): Promise<Range> {
    const range = await page.evaluate(needle => {
        const model = (globalThis as unknown as { __playground: Playground }).__playground.editor.getModel();
        const lines = model.getValue().split('\n');
        const line = lines.findIndex(l => l.includes(needle));
        if (line < 0) return undefined;
        const column = lines[line].indexOf(needle) + 1;
        return { startLineNumber: line + 1, startColumn: column, endLineNumber: line + 1, endColumn: column + needle.length };
    }, text);
    if (!range) throw new Error(`'${text}' staat niet in de editor`);
    return range;
}

async function select(page: Page, range: Range): Promise<void> {
    await page.evaluate(r => {
        const { editor } = (globalThis as unknown as { __playground: Playground }).__playground;
        editor.focus();
        editor.setSelection(r);
        editor.revealRangeInCenter(r);
    }, range);
}

async function markers(page: Page): Promise<Array<{ message: string; severity: number; startLineNumber: number }>> {
    return page.evaluate(() => (globalThis as unknown as { __playground: Playground }).__playground.monaco.editor.getModelMarkers({}));
}

async function previewText(page: Page): Promise<string> {
    return page.frameLocator('#weergave').locator('body').innerText({ timeout: 1000 }).catch(() => '');
}

suite.skipIf(!fs.existsSync(CHROMIUM))('web playground in headless Chromium', () => {
    let server: ChildProcess | undefined;
    let browser: Browser;
    let origin: string;
    let page: Page;
    const problems: string[] = [];
    const foreign: string[] = [];
    const started = Date.now();
    const step = (what: string) => console.info(`playground: ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    beforeAll(async () => {
        const build = spawnSync(process.execPath, ['web/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
        expect(build.status, build.stderr).toBe(0);
        step('built');
        server = spawn(process.execPath, ['web/serve.mjs', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        origin = await new Promise<string>((resolve, reject) => {
            let out = '';
            server!.stdout!.on('data', chunk => {
                out += chunk;
                const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
                if (address) resolve(address[0]);
            });
            server!.stderr!.on('data', chunk => reject(new Error(String(chunk))));
            server!.on('exit', code => reject(new Error(`web/serve.mjs stopte met ${code}: ${out}`)));
        });
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--disable-dev-shm-usage']
        });
        page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
        page.on('pageerror', e => problems.push(`pageerror: ${e.message}`));
        page.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
        // Nothing may leave localhost: no CDN, no fonts, no telemetry.
        page.on('request', r => { if (!r.url().startsWith(origin) && !/^(data|blob|about):/.test(r.url())) foreign.push(r.url()); });
        await page.addInitScript(() => {
            globalThis.addEventListener('securitypolicyviolation', event => {
                const e = event as Event & { blockedURI: string; violatedDirective: string };
                console.error(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`);
            });
        });
        fs.mkdirSync(ARTIFACTS, { recursive: true });
    }, 180_000);

    afterAll(async () => {
        await browser?.close();
        server?.kill();
    });

    test('pick an example, break a reference, repair it with completion, and watch the preview follow', async () => {
        await page.goto(origin, { timeout: START_TIMEOUT });
        await page.locator(`#overeenkomst option[value="${EXAMPLE}"]`).waitFor({ state: 'attached' });
        await page.selectOption('#overeenkomst', EXAMPLE);
        const status = page.locator(`#status[data-state="ready"][data-set="${EXAMPLE}"]`);
        await status.waitFor({ timeout: START_TIMEOUT });
        expect(await status.innerText()).toMatch(/^\d+ fout(en)? · \d+ waarschuwing(en)?$/);
        const errorsBefore = Number(await status.getAttribute('data-errors'));
        step(`language server ready (${await status.innerText()})`);
        expect(await page.getAttribute('#download-regels', 'title')).toBe('Regel-JSON volgt');
        expect(await page.isDisabled('#download-regels')).toBe(true);

        // Deterministic typing: no auto-closing quotes or brackets, no suggest popping up on '[' (web-and-docx.md A.5.9).
        await page.evaluate(() => (globalThis as unknown as { __playground: Playground }).__playground.editor.updateOptions({
            autoClosingBrackets: 'never', autoClosingQuotes: 'never', autoIndent: 'none', suggestOnTriggerCharacters: false
        }));
        // The target of the reference, and its title, from the example itself: the last artikel of the body (declared
        // at the indentation of the first), typed up to a prefix no other artikel of the body shares.
        const text = await page.evaluate(() => (globalThis as unknown as { __playground: Playground }).__playground.editor.getModel().getValue());
        const all = [...text.matchAll(/^([ \t]*)artikel (\w+)(?: nummer \d+)? "([^"]+)"/gm)];
        const body = all.filter(m => m[1] === all[0][1]);
        const [first, [, , target, title]] = [body[0], body[body.length - 1]];
        const names = body.map(m => m[2]).filter(n => n !== target);
        let prefix = target.slice(0, 3);
        while (names.some(n => n.startsWith(prefix)) && prefix.length < target.length) prefix = target.slice(0, prefix.length + 1);

        // 1. An unresolved reference: a marker on it, and one error more in the status.
        const anchor = await find(page, first[0].trim());
        await page.evaluate(line => {
            const { editor } = (globalThis as unknown as { __playground: Playground }).__playground;
            editor.focus();
            editor.setPosition({ lineNumber: line, column: 1 });
        }, anchor.startLineNumber);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        // One input event, as a paste or an input method gives: every keystroke would re-validate the whole agreement.
        await page.keyboard.insertText('lid ProefLid: "Zie [artikel Bestaatniet] voor de proeftekst."');
        await page.waitForFunction(() => (globalThis as unknown as { __playground: Playground }).__playground.monaco.editor
            .getModelMarkers({}).some(m => m.severity === 8 && m.message.includes('Bestaatniet')), null, { timeout: STEP_TIMEOUT });
        const marker = (await markers(page)).find(m => m.message.includes('Bestaatniet'))!;
        expect(marker.startLineNumber).toBe(anchor.startLineNumber + 1);
        await page.locator(`#status[data-errors="${errorsBefore + 1}"]`).waitFor({ timeout: STEP_TIMEOUT });
        await page.locator('.squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT });
        step(`marker '${marker.message}'`);
        await page.screenshot({ path: path.join(ARTIFACTS, 'playground-fout.png') });

        // 2. Completion right after '[artikel ': the suggest widget lists the articles; accept the target.
        await select(page, await find(page, 'Bestaatniet'));
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Control+Space');
        const widget = page.locator('.suggest-widget.visible');
        await widget.waitFor({ timeout: STEP_TIMEOUT });
        await page.keyboard.type(prefix);
        await page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: target }).waitFor({ timeout: STEP_TIMEOUT });
        await page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
        const line = await page.evaluate(n => (globalThis as unknown as { __playground: Playground }).__playground.editor
            .getModel().getLineContent(n), anchor.startLineNumber + 1);
        expect(line.trim()).toBe(`lid ProefLid: "Zie [artikel ${target}] voor de proeftekst."`);
        await page.waitForFunction(() => !(globalThis as unknown as { __playground: Playground }).__playground.monaco.editor
            .getModelMarkers({}).some(m => m.message.includes('Bestaatniet')), null, { timeout: STEP_TIMEOUT });
        await page.locator(`#status[data-errors="${errorsBefore}"]`).waitFor({ timeout: STEP_TIMEOUT });
        step(`completion accepted ([artikel ${target}])`);

        // 3. The preview follows: the new lid cites the target by its computed number, as the table of contents numbers it.
        await expect.poll(() => previewText(page), { timeout: STEP_TIMEOUT, interval: 250 }).toContain('Zie artikel');
        const preview = await previewText(page);
        const number = new RegExp(`Artikel (\\d+)\\.? ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(preview)?.[1];
        expect(number, `"${title}" in de inhoudsopgave`).toBeDefined();
        await expect.poll(() => previewText(page), { timeout: STEP_TIMEOUT, interval: 250 })
            .toContain(`Zie artikel ${number} voor de proeftekst.`);
        step(`preview cites artikel ${number}`);
        await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });

        expect(problems).toEqual([]);
        expect(foreign).toEqual([]);
    }, 150_000);

    test('hover, go to definition, formatting and the HTML download work through the worker', async () => {
        const reference = await find(page, 'Zie [artikel ');
        const at = { lineNumber: reference.startLineNumber, column: reference.startColumn + 'Zie [artikel '.length + 1 };
        await page.evaluate(p => {
            const { editor } = (globalThis as unknown as { __playground: Playground }).__playground;
            editor.focus();
            editor.setPosition(p);
            editor.trigger('test', 'editor.action.showHover', null);
        }, at);
        const hover = page.locator('.monaco-hover-content').first();
        await expect.poll(() => hover.innerText().catch(() => ''), { timeout: STEP_TIMEOUT }).toMatch(/^artikel \d+/);

        await page.evaluate(p => {
            const { editor } = (globalThis as unknown as { __playground: Playground }).__playground;
            editor.setPosition(p);
            editor.trigger('test', 'editor.action.revealDefinition', null);
        }, at);
        await page.waitForFunction(line => (globalThis as unknown as { __playground: Playground }).__playground.editor
            .getPosition().lineNumber !== line, at.lineNumber, { timeout: STEP_TIMEOUT });
        const landed = await page.evaluate(() => {
            const { editor } = (globalThis as unknown as { __playground: Playground }).__playground;
            return editor.getModel().getLineContent(editor.getPosition().lineNumber);
        });
        expect(landed).toMatch(/^\s*artikel \w+/);

        // Formatting restores the indentation of a lid pushed to column 1.
        const lid = await find(page, 'lid ProefLid');
        await select(page, { ...lid, startColumn: 1, endColumn: lid.startColumn });
        await page.keyboard.press('Backspace');
        await page.click('#opmaken');
        await page.waitForFunction(n => /^\s+lid ProefLid/.test((globalThis as unknown as { __playground: Playground }).__playground.editor
            .getModel().getLineContent(n)), lid.startLineNumber, { timeout: STEP_TIMEOUT });

        await page.locator('#download-html:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
        expect(download.suggestedFilename()).toMatch(/\.html$/);
        const html = fs.readFileSync((await download.path())!, 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html.replace(/<[^>]+>/g, '')).toMatch(/Zie artikel \d+ voor de proeftekst\./);
        step('hover, definition, formatting, download');
        expect(problems).toEqual([]);
        expect(foreign).toEqual([]);
    }, 60_000);

    test('own files open as one set: the importing file first, references across files resolve, definition switches file', async () => {
        const basis = 'basisovereenkomst Basis "Basisovereenkomst" {\n    artikel Weigering "Weigering van opdrachten" {\n'
            + '        lid Zwaarwegend: "Het staat de aanbieder niet vrij te weigeren."\n    }\n}\n';
        const raam = 'importeer "./basis.ovk"\nraamovereenkomst Raam "Raamovereenkomst" {\n    artikel Totstandkoming "Totstandkoming" {\n'
            + '        lid Aanvaarding: "Overeenkomstig [artikel Weigering] wordt geweigerd."\n    }\n}\n';
        await page.setInputFiles('#openen', [
            { name: 'basis.ovk', mimeType: 'text/plain', buffer: Buffer.from(basis) },
            { name: 'raam.ovk', mimeType: 'text/plain', buffer: Buffer.from(raam) }
        ]);
        await page.locator('#status[data-state="ready"][data-set="eigen-bestanden"]').waitFor({ timeout: START_TIMEOUT });
        expect(await page.getAttribute('#status', 'data-errors')).toBe('0');
        expect(await page.locator('#bestanden button').allInnerTexts()).toEqual(['raam.ovk', 'basis.ovk']);
        expect(await page.getAttribute('#bestanden button[aria-pressed="true"]', 'data-uri')).toMatch(/raam\.ovk$/);
        await expect.poll(() => previewText(page), { timeout: STEP_TIMEOUT, interval: 250 }).toMatch(/Overeenkomstig artikel 1\b.* wordt geweigerd/);

        const reference = await find(page, 'Weigering]');
        await page.evaluate(p => {
            const { editor } = (globalThis as unknown as { __playground: Playground }).__playground;
            editor.focus();
            editor.setPosition(p);
            editor.trigger('test', 'editor.action.revealDefinition', null);
        }, { lineNumber: reference.startLineNumber, column: reference.startColumn + 2 });
        await page.locator('#bestanden button[aria-pressed="true"]', { hasText: 'basis.ovk' }).waitFor({ timeout: STEP_TIMEOUT });
        const landed = await page.evaluate(() => {
            const { editor } = (globalThis as unknown as { __playground: Playground }).__playground;
            return editor.getModel().getLineContent(editor.getPosition().lineNumber);
        });
        expect(landed.trim()).toMatch(/^artikel Weigering /);
        step('own files, definition across files');
        await page.screenshot({ path: path.join(ARTIFACTS, 'playground-eigen-bestanden.png') });
        expect(problems).toEqual([]);
        expect(foreign).toEqual([]);
    }, 90_000);
});
