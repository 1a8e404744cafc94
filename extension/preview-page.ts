/**
 * The page the preview webview shows: the HTML the language server rendered, under a strict Content-Security-
 * Policy (no network, no scripts but the one below, styles inline only) and one small script that keeps the
 * scroll position when the page is replaced after an edit. The rendered HTML has every word escaped already;
 * this file only adds to its head and body. No vscode import, so tests can load it.
 */
import { randomBytes } from 'node:crypto';

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!);
}

export function contentSecurityPolicy(nonce: string): string {
    return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none'`;
}

/** Restores the scroll position from the webview state and saves it while scrolling. */
function scrollScript(nonce: string): string {
    return `<script nonce="${nonce}">(function () {
    const vscode = acquireVsCodeApi();
    const state = vscode.getState();
    if (state && typeof state.y === 'number') window.scrollTo(0, state.y);
    let pending = false;
    window.addEventListener('scroll', function () {
        if (pending) return;
        pending = true;
        setTimeout(function () { pending = false; vscode.setState({ y: window.scrollY }); }, 100);
    });
}());</script>`;
}

/** `html` (a whole page) with the policy first in its head and the scroll script last in its body. */
export function previewPage(html: string, nonce: string): string {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">`;
    // The rendered page carries its own policy without scripts; two policies would both apply, so this one replaces it.
    html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi, '');
    const head = /<head[^>]*>/i.exec(html);
    let page = head ? `${html.slice(0, head.index + head[0].length)}\n${meta}${html.slice(head.index + head[0].length)}` : `<!DOCTYPE html><html lang="nl"><head>${meta}</head><body>${html}</body></html>`;
    const body = page.toLowerCase().lastIndexOf('</body>');
    page = body >= 0 ? `${page.slice(0, body)}${scrollScript(nonce)}\n${page.slice(body)}` : `${page}${scrollScript(nonce)}`;
    return page;
}

/** A page for when rendering failed: the message, escaped. */
export function errorPage(message: string, nonce: string): string {
    return previewPage(`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Voorbeeld</title></head><body>`
        + `<p><strong>Het voorbeeld kan niet worden getoond.</strong></p><p>${escapeHtml(message)}</p></body></html>`, nonce);
}

/** A fresh nonce for every page. */
export function makeNonce(): string {
    return randomBytes(18).toString('base64url');
}
