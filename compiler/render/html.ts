/**
 * HTML writer: one self-contained file (inline CSS for screen and print, no scripts, no external resources, and a
 * Content-Security-Policy that forbids them).
 * Every string from the source is escaped, in text and in attributes; only http(s) URLs become links, so
 * `<script>`, `"><img onerror=…>` or `javascript:` in prose come out as inert text. Element ids are the eIds.
 */
import { labelOf } from './build.js';
import { groupLine } from './text.js';
import type { Block, DocumentView, Link, ListBlock, Run, SectionBlock } from './view.js';
import { runsText } from './view.js';

/**
 * The page may do nothing but show itself: no scripts, no network, no forms, no <base>; only its own inline CSS.
 * A viewer that adds a script (the preview webview) replaces this policy with its own.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!);
}

/** Only http(s) may become a link target. */
export function safeUrl(url: string | undefined): string | undefined {
    return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

function href(link: Link): string {
    const file = link.file ? `${link.file.split('/').map(encodeURIComponent).join('/')}.html` : '';
    return `${file}#${link.id}`;
}

function attr(name: string, value: string | undefined): string {
    return value ? ` ${name}="${escapeHtml(value)}"` : '';
}

export function renderHtml(view: DocumentView): string {
    const out: string[] = [];
    out.push('<!DOCTYPE html>', '<html lang="nl">', '<head>', '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Contractspraak">',
        `<title>${escapeHtml(runsText(view.title))}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', '<main class="document">');
    out.push('<header id="document" class="titelpagina">');
    out.push(`<p class="soort">${escapeHtml(view.kindLabel)}</p>`);
    out.push(`<h1>${runs(view.title)}</h1>`);
    const meta = view.meta.filter(m => m.label !== 'Soort');
    if (meta.length) {
        out.push('<dl class="metadata">');
        for (const m of meta) out.push(`<dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd>`);
        out.push('</dl>');
    }
    blocks(view.cover, out);
    out.push('</header>');
    if (view.toc.length) {
        out.push('<nav id="toc" class="inhoud" aria-labelledby="toc-kop">', '<h2 id="toc-kop">Inhoudsopgave</h2>', '<ol>');
        for (const t of view.toc) {
            out.push(`<li class="niveau-${t.level}"><a href="${escapeHtml(href({ id: t.id, file: t.file }))}"><span class="nummer">${escapeHtml(t.label)}</span> ${escapeHtml(t.title)}</a></li>`);
        }
        out.push('</ol>', '</nav>');
    }
    blocks(view.body, out);
    out.push('</main>', '</body>', '</html>');
    return out.join('\n') + '\n';
}

function blocks(list: Block[], out: string[]): void {
    for (const b of list) block(b, out);
}

function block(b: Block, out: string[]): void {
    switch (b.kind) {
        case 'section': return section(b, out);
        case 'paragraph':
            if (b.role === 'toelichting') {
                out.push(`<aside class="toelichting"><p><span class="kop">Toelichting:</span> ${runs(b.runs)}</p></aside>`);
            } else if (b.role === 'begrip') {
                out.push(`<p class="begripsbepaling"${attr('id', b.id)}><dfn>${escapeHtml(b.term ?? '')}</dfn>: ${runs(b.runs)}</p>`);
            } else {
                out.push(`<p class="${b.role}"${attr('id', b.id)}>${runs(b.runs)}</p>`);
            }
            return;
        case 'lid':
            out.push(`<div class="lid" id="${escapeHtml(b.id)}">`);
            out.push(`<p><span class="nummer">${escapeHtml(b.label)}</span> ${runs(b.runs)}</p>`);
            if (b.list) list(b.list, out);
            if (b.closing) out.push(`<p class="slot">${runs(b.closing)}</p>`);
            blocks(b.extra, out);
            out.push('</div>');
            return;
        case 'list': return list(b, out);
        case 'table': {
            out.push(`<table id="${escapeHtml(b.id)}">`);
            if (b.title) out.push(`<caption>${runs(b.title)}</caption>`);
            if (b.columns) out.push(`<thead><tr>${b.columns.map(c => `<th>${runs(c)}</th>`).join('')}</tr></thead>`);
            out.push('<tbody>');
            for (const r of b.rows) out.push(`<tr>${r.map(c => `<td>${runs(c)}</td>`).join('')}</tr>`);
            out.push('</tbody>', '</table>');
            return;
        }
        case 'parties':
            out.push('<section class="partijen">');
            if (b.intro) out.push(`<p class="inleiding">${runs(b.intro)}</p>`);
            for (const p of b.parties) {
                out.push(`<p class="partij ${escapeHtml(p.role)}" id="${escapeHtml(p.id)}"><strong>${runs(p.title)}</strong>${p.description ? `, ${runs(p.description)}` : ''}</p>`);
            }
            for (const g of b.groups) {
                const line = groupLine(g.name, g.members, g.acting);
                out.push(`<p class="groep" id="${escapeHtml(g.id)}"><dfn>${escapeHtml(g.name)}</dfn>${escapeHtml(line.slice(g.name.length))}</p>`);
            }
            if (b.closing) out.push(`<p class="slot">${runs(b.closing)}</p>`);
            out.push('</section>');
            return;
        case 'recitals':
            out.push(`<section class="overwegingen" id="${escapeHtml(b.id)}">`);
            if (b.intro) out.push(`<p class="inleiding">${runs(b.intro)}</p>`);
            out.push('<ol>');
            for (const i of b.items) out.push(`<li id="${escapeHtml(i.id)}"><span class="nummer">${escapeHtml(i.label)}</span> ${runs(i.runs)}</li>`);
            out.push('</ol>');
            if (b.closing) out.push(`<p class="slot">${runs(b.closing)}</p>`);
            out.push('</section>');
            return;
        case 'signatures':
            out.push(`<section class="ondertekening" id="${escapeHtml(b.id)}">`);
            if (b.intro) out.push(`<p class="inleiding">${runs(b.intro)}</p>`);
            out.push('<div class="handtekeningen">');
            for (const s of b.signatures) {
                out.push(`<div class="handtekening" id="${escapeHtml(s.id)}">`);
                out.push(`<p class="namens">namens ${runs(s.party)}</p>`, '<div class="lijn"></div>');
                const who = [s.name, s.capacity].filter((r): r is Run[] => r !== undefined).map(runs).join(', ');
                if (who) out.push(`<p class="naam">${who}</p>`);
                const where = [s.place, s.date].filter((r): r is Run[] => r !== undefined).map(runs).join(', ');
                if (where) out.push(`<p class="plaats">${where}</p>`);
                out.push('</div>');
            }
            out.push('</div>', '</section>');
            return;
    }
}

function section(b: SectionBlock, out: string[]): void {
    const h = `h${Math.min(b.level + 1, 6)}`;
    out.push(`<section class="${b.role}" id="${escapeHtml(b.id)}">`);
    out.push(`<${h}><span class="nummer">${escapeHtml(b.label)}</span> ${runs(b.title)}</${h}>`);
    if (b.external) {
        out.push(`<p class="extern">Extern document${b.external.source ? `: ${runs(b.external.source)}` : ''}</p>`);
    }
    blocks(b.children, out);
    out.push('</section>');
}

function list(l: ListBlock, out: string[]): void {
    out.push(`<ol class="onderdelen ${escapeHtml(l.style)}">`);
    for (const item of l.items) {
        out.push(`<li id="${escapeHtml(item.id)}"><span class="nummer">${escapeHtml(labelOf(item.numbering))}</span> ${runs(item.runs)}`);
        if (item.list) list(item.list, out);
        if (item.closing) out.push(`<p class="slot">${runs(item.closing)}</p>`);
        out.push('</li>');
    }
    out.push('</ol>');
}

export function runs(list: readonly Run[]): string {
    return list.map(run).join('');
}

function run(r: Run): string {
    const text = escapeHtml(r.text);
    switch (r.kind) {
        case 'text': return text;
        case 'ref':
            if (r.broken) return `<span class="verwijzing kapot" title="Verwijzing niet gevonden">${text}</span>`;
            return r.link ? `<a class="verwijzing" href="${escapeHtml(href(r.link))}">${text}</a>` : `<span class="verwijzing">${text}</span>`;
        case 'term':
            return r.link ? `<a class="begrip" href="${escapeHtml(href(r.link))}">${text}</a>` : `<span class="begrip">${text}</span>`;
        case 'law': {
            const url = safeUrl(r.url);
            const title = r.title && r.unverified ? `${r.title} (bron-id niet geverifieerd)` : r.title;
            return url
                ? `<a class="wet${r.unverified ? ' onbevestigd' : ''}" href="${escapeHtml(url)}"${attr('title', title)} rel="external noopener noreferrer">${text}</a>`
                : `<span class="wet"${attr('title', title)}>${text}</span>`;
        }
        case 'url': {
            const url = safeUrl(r.url);
            return url ? `<a class="url" href="${escapeHtml(url)}" rel="external noopener noreferrer">${text}</a>` : text;
        }
        case 'placeholder': return `<mark class="invulplek">${text}</mark>`;
    }
}

const CSS = `
:root { --tekst: #1a1a1a; --zacht: #5a5a5a; --accent: #1f4e79; }
body { margin: 0; color: var(--tekst); font: 11pt/1.5 "Segoe UI", "DejaVu Sans", Arial, sans-serif; background: #f4f4f4; }
main.document { max-width: 46em; margin: 2em auto; padding: 3em 4em; background: #fff; box-shadow: 0 0 .5em rgba(0,0,0,.15); }
.titelpagina { margin-bottom: 3em; }
.titelpagina .soort { text-transform: uppercase; letter-spacing: .1em; color: var(--zacht); margin: 0; }
h1 { font-size: 1.8em; margin: .2em 0 1em; color: var(--accent); }
h2, h3, h4, h5, h6 { color: var(--accent); break-after: avoid; page-break-after: avoid; }
h2 { font-size: 1.35em; margin-top: 2em; }
h3 { font-size: 1.1em; margin-top: 1.5em; }
h4, h5, h6 { font-size: 1em; }
.nummer { font-variant-numeric: tabular-nums; }
dl.metadata { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dl.metadata dt { color: var(--zacht); }
dl.metadata dd { margin: 0; }
nav.inhoud ol { list-style: none; padding: 0; }
nav.inhoud li.niveau-2 { padding-left: 1.5em; }
nav.inhoud li.niveau-3 { padding-left: 3em; }
nav.inhoud a { color: inherit; text-decoration: none; }
.lid { position: relative; padding-left: 3.5em; margin: .6em 0; }
.lid > p:first-child > .nummer { position: absolute; left: 0; }
ol.onderdelen, .overwegingen ol { list-style: none; padding-left: 2.5em; }
ol.onderdelen > li, .overwegingen li { position: relative; margin: .3em 0; }
ol.onderdelen > li > .nummer, .overwegingen li > .nummer { position: absolute; left: -2.5em; }
.toelichting { border-left: 3px solid #c8c8c8; padding-left: 1em; color: var(--zacht); font-style: italic; }
.toelichting .kop { font-style: normal; font-weight: 600; }
dfn { font-style: normal; font-weight: 600; }
a.begrip { color: inherit; text-decoration: underline dotted; }
a.verwijzing, a.wet, a.url { color: var(--accent); }
.verwijzing.kapot { color: #a00; text-decoration: underline wavy; }
mark.invulplek { background: #fff3a0; }
.extern { color: var(--zacht); font-style: italic; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; font-size: .95em; }
caption { text-align: left; font-weight: 600; margin-bottom: .3em; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
.handtekeningen { display: flex; flex-wrap: wrap; gap: 2em 4em; margin-top: 1.5em; }
.handtekening { min-width: 14em; }
.handtekening .lijn { border-bottom: 1px solid var(--tekst); height: 3em; margin-bottom: .3em; }
.handtekening p { margin: .2em 0; }
section.bijlage { break-before: page; page-break-before: always; }
@page { size: A4; margin: 2.5cm 2cm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main.document { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  nav.inhoud { break-after: page; page-break-after: always; }
  a { color: inherit !important; text-decoration: none; }
  .lid, li, tr { break-inside: avoid; page-break-inside: avoid; }
  mark.invulplek { background: none; border-bottom: 1px dashed #000; }
}
`.trim();
