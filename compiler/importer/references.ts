/**
 * References in prose. Numeric references to this document ("conform artikel 11.4", "lid 2 van dit artikel",
 * "artikel 5.6 en 5.7", "lid 12.1 sub a", "bijlage 3", "annex 2", "het vorige lid", "overweging f") become
 * symbolic references when they resolve; citations of legislation known to the language ("artikel 171 lid 2
 * Gemeentewet", "artikel 7:401 BW") become [artikel … Wet] references; references to other documents
 * ("artikel 18 van de Algemene Inkoopvoorwaarden") and hyperlinked law text stay text. Every word of the
 * source stays: only the words "artikel 11.4" themselves are replaced by the reference that stands for them.
 */
import { findRegulation } from '../../language/model/legislation.js';
import { clip } from './body.js';
import type { FindingCollector } from './findings.js';
import { ImportCodes } from './findings.js';
import type { Position, SourceText } from './source.js';
import type { Candidate, ContextTarget } from '../../language/model/stale-reference.js';
import { quotedTitleMismatch, staleReason, topicsNear } from '../../language/model/stale-reference.js';

export type ProsePart = { kind: 'text'; text: string } | { kind: 'ref'; ref: string };

export interface Target {
    kind: 'artikel' | 'lid' | 'onderdeel' | 'bijlage' | 'overweging';
    /** Qualified name within its document. */
    path: string;
    /** Name of the output document it is declared in. */
    document: string;
    citation: string;
    title: string;
    /** What it is about, for the context check. */
    about: string;
    /** All its text (an artikel's leden), for the check of a named subject. */
    text?: string;
}

export interface LidEntry {
    target: Target;
    /** Onderdelen by label as written, lower case ("a", "ii", "3"). */
    onderdelen: Map<string, Target>;
    index: number;
    count: number;
}

export interface ArtikelEntry {
    target: Target;
    leden: Map<number, LidEntry>;
}

/** What "artikel 5" and "bijlage 2" mean in one part of the set: the main document or a bijlage. */
export class RefScope {
    readonly artikelen = new Map<number, ArtikelEntry>();
    readonly bijlagen = new Map<string, Target[]>();
    readonly overwegingen = new Map<string, Target>();
    /** The scope of each bijlage by the number the text cites it with. */
    readonly children = new Map<string, RefScope>();

    constructor(readonly parent?: RefScope) { }

    get root(): RefScope {
        return this.parent ? this.parent.root : this;
    }
}

export interface RefContext {
    scope: RefScope;
    /** The output document the prose is written in. */
    document: string;
    artikel?: ArtikelEntry;
    lid?: LidEntry;
    /** Inside the overwegingen: "onder (A)" names an overweging. */
    overwegingen?: boolean;
}

const KIND = /\b(artikelen|artikel|art\.|leden|lid|bijlagen|bijlage|annexen|annex)(?=[ \t]+\d)/giu;
const KIND_AT = /^(artikelen|artikel|art\.|leden|lid|bijlagen|bijlage|annexen|annex)[ \t]+(?=\d)/i;
const URL = /(?:https?:\/\/|www\.)[^\s\]"<>]+/g;
/** The word naming this kind of document: "van deze Overeenkomst", "uit de Deelovereenkomst". */
const OWN = /^(?:deze|dit)$|^(?:\p{L}+)?overeenkomst$/iu;
const ORDINAL = '(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)';

interface Item {
    kindWord: string;
    kind: 'artikel' | 'lid' | 'bijlage';
    start: number;
    /** End of the number (and lid part) only. */
    numberEnd: number;
    end: number;
    num: string;
    lid?: number;
    sub?: string;
    /** "sub", "onder" or "onderdeel": only "sub" and "onderdeel" are replaced with the reference, "onder x" stays text. */
    subWord?: string;
}

interface Span {
    start: number;
    end: number;
    ref: string;
}

function kindOf(word: string): Item['kind'] {
    const w = word.toLowerCase();
    if (w.startsWith('art')) return 'artikel';
    if (w === 'lid' || w === 'leden') return 'lid';
    return 'bijlage';
}

function parseChain(s: string, start: number): { items: Item[]; end: number } {
    const items: Item[] = [];
    let m = KIND_AT.exec(s.slice(start));
    let kindWord = m![1];
    let kind = kindOf(kindWord);
    let itemStart = start;
    let pos = start + m![0].length;
    for (;;) {
        const numRe = kind === 'bijlage' ? /^(\d{1,2}[A-Z]?)(?![\p{L}\d])/u : /^(\d{1,3}(?:[.:]\d{1,3})*[a-z]?)(?![\d\p{L}])/u;
        const n = numRe.exec(s.slice(pos));
        if (!n) break;
        const item: Item = { kindWord, kind, start: itemStart, num: n[1], numberEnd: 0, end: 0 };
        pos += n[1].length;
        if (kind !== 'bijlage') {
            const l = /^,?[ \t]+lid[ \t]+(\d{1,2})(?![\d.]*\d)/.exec(s.slice(pos));
            if (l) {
                item.lid = Number(l[1]);
                pos += l[0].length;
            }
        }
        item.numberEnd = pos;
        if (kind !== 'bijlage') {
            const sb = /^,?[ \t]+(sub|onder|onderdeel)[ \t]+\(?([a-z]|[ivx]{1,4})\)?(?![\p{L}\d])/u.exec(s.slice(pos));
            if (sb) {
                item.subWord = sb[1];
                item.sub = sb[2];
                pos += sb[0].length;
            }
        }
        item.end = pos;
        items.push(item);
        const sep = /^(?:[ \t]*,[ \t]*|[ \t]+(?:en|of|t\/m|tot en met|c\.q\.)[ \t]+)/.exec(s.slice(pos));
        if (!sep) break;
        const after = pos + sep[0].length;
        m = KIND_AT.exec(s.slice(after));
        if (m) {
            kindWord = m[1];
            kind = kindOf(kindWord);
            itemStart = after;
            pos = after + m[0].length;
            continue;
        }
        if (!/^\d/.test(s.slice(after))) break;
        itemStart = after;
        pos = after;
    }
    return { items, end: items.length ? items[items.length - 1].end : pos };
}

interface Law {
    /** Length of the law name (and connecting words) after the reference. */
    length: number;
    name?: string;
}

/** A law named right after the number: "Gemeentewet", "BW", "Wmo 2015", "e.v. BW", or something that looks like one. */
function lawAfter(after: string): Law | undefined {
    const m = /^([ \t]*,?[ \t]*(?:e\.v\.[ \t]+)?)((?:\p{Lu}[\p{L}-]*|[A-Z]{2,})(?:[ \t]+(?:\p{Lu}[\p{L}]*|\d{4}|op|de|het))*)/u.exec(after);
    if (!m) return undefined;
    const words = m[2].split(/[ \t]+/);
    for (let k = Math.min(words.length, 6); k >= 1; k--) {
        const name = words.slice(0, k).join(' ');
        if (findRegulation(name)) return { length: m[1].length + name.length, name };
    }
    const first = words[0];
    if (/^[A-Z]{2,}$/.test(first) || /(?:wet|wetboek)$/i.test(first) || /^(?:Wbp|Avg|Wmo|Awb|Wlz|Zvw|Wnt|Wet)$/.test(first)) {
        return { length: m[1].length + first.length };
    }
    return undefined;
}

/** "… van de Algemene Inkoopvoorwaarden", "… van de Basisovereenkomst", "… van Boek 2": another document. */
function otherDocumentAfter(after: string): 'other' | 'own' | undefined {
    const m = new RegExp(`^[ \\t]*,?[ \\t]*(?:${ORDINAL}[ \\t]+lid,?[ \\t]*)?(?:van|uit)[ \\t]+(?:(de|het|deze|dit)[ \\t]+)?([\\p{L}-]+)`, 'iu').exec(after);
    if (!m) return undefined;
    const word = m[2];
    if (/^(?:deze|dit)$/i.test(m[1] ?? '') || OWN.test(word) && !/^(?:basis|samenwerkings|raam|ontwikkel)overeenkomst$/i.test(word)) return 'own';
    if (/^boek$/i.test(word) || /^\p{Lu}/u.test(word) || /wet|voorwaarden|verordening|protocol|convenant/i.test(word)) return 'other';
    return undefined;
}

/** "… DOWR artikel 14": a capitalised document name right before the reference. */
function otherDocumentBefore(before: string): boolean {
    return /(?:^|[^.!?:;]\s)(?:[A-Z]{3,}|\p{L}*[Vv]oorwaarden|Basisovereenkomst|Samenwerkingsovereenkomst)[ \t]+$/u.test(before);
}

export interface ResolverFindings {
    findings: FindingCollector;
    /** Hyperlinks ([tekst](#)) by line, as raw column ranges: references in them are citations of law text. */
    links: ReadonlyMap<number, ReadonlyArray<[number, number]>>;
}

export class ReferenceResolver {
    constructor(readonly options: ResolverFindings) { }

    convert(text: SourceText, ctx: RefContext): ProsePart[] {
        const s = text.text;
        // "• Artikel 3.1" alone on a line in a bijlage without artikelen heads a quotation of legislation.
        if (/^[-•*\s]*artikel[ \t]+\d+(?:\.\d+)+[ \t]*$/i.test(s) && ctx.scope.artikelen.size === 0 && ctx.scope.parent) {
            return [{ kind: 'text', text: s }];
        }
        const spans: Span[] = [];
        for (const m of s.matchAll(URL)) {
            const url = m[0].replace(/[.,;:)]+$/, '');
            spans.push({ start: m.index!, end: m.index! + url.length, ref: url });
        }
        const taken = (a: number, b: number) => spans.some(x => a < x.end && x.start < b);
        let externalEnd = -1;
        let scanFrom = 0;
        for (const m of s.matchAll(KIND)) {
            if (m.index! < scanFrom || taken(m.index!, m.index! + 1)) continue;
            const chain = parseChain(s, m.index!);
            if (chain.items.length === 0) continue;
            scanFrom = chain.end;
            const after = s.slice(chain.end);
            const law = lawAfter(after);
            const other = otherDocumentAfter(after);
            const inherited = externalEnd >= 0 && /^[ \t]*(?:,|en|of|c\.q\.)?[ \t]*$/.test(s.slice(externalEnd, m.index!));
            const external = !!law || other === 'other' || otherDocumentBefore(s.slice(0, m.index!)) || inherited
                || this.inLink(text.position(m.index!)) || chain.items.some(i => i.num.includes(':'));
            if (external) {
                externalEnd = chain.end + (law?.length ?? 0);
                scanFrom = externalEnd;
                const item = chain.items[0];
                if (law?.name && chain.items.length === 1 && item.kindWord === 'artikel'
                    && /^\d+[a-z]?(?:[.:]\d+[a-z]?)*$/.test(item.num) && (!item.sub || /^[a-z]$/.test(item.sub)) && !this.inLink(text.position(m.index!))) {
                    const words = `artikel ${item.num}${item.lid !== undefined ? ` lid ${item.lid}` : ''}${item.sub ? ` onder ${item.sub}` : ''} ${law.name}`;
                    spans.push({ start: item.start, end: chain.end + law.length, ref: words });
                }
                continue;
            }
            // "artikel 1.6 (bijlage 2)", "artikel 3 van bijlage 2": an artikel of that bijlage.
            const inAnnex = /^[ \t]*(?:\([ \t]*|,?[ \t]+van[ \t]+(?:de[ \t]+)?)(?:bijlage|annex)[ \t]+(\d{1,2}[A-Z]?)/i.exec(after);
            const annexScope = inAnnex ? ctx.scope.root.children.get(inAnnex[1].toUpperCase()) : undefined;
            const scope = annexScope ?? (other === 'own' ? ctx.scope.root : ctx.scope);
            this.resolveChain(chain.items, s, text, ctx, scope, spans);
        }
        this.relative(s, text, ctx, spans, taken);
        this.overwegingen(s, ctx, spans, taken);
        spans.sort((a, b) => a.start - b.start);
        const parts: ProsePart[] = [];
        let pos = 0;
        for (const span of spans) {
            if (span.start < pos) continue;
            if (span.start > pos) parts.push({ kind: 'text', text: s.slice(pos, span.start) });
            parts.push({ kind: 'ref', ref: span.ref });
            pos = span.end;
        }
        if (pos < s.length) parts.push({ kind: 'text', text: s.slice(pos) });
        return parts;
    }

    private inLink(p: Position): boolean {
        return (this.options.links.get(p.line) ?? []).some(([a, b]) => a <= p.column && p.column <= b);
    }

    private resolveChain(items: Item[], s: string, text: SourceText, ctx: RefContext, scope: RefScope, spans: Span[]): void {
        const resolved: Array<{ item: Item; target: Target; end: number }> = [];
        for (const item of items) {
            const r = this.resolveItem(item, ctx, scope);
            const phrase = s.slice(item.start, item.end);
            if (r.target) {
                const end = r.withSub ? item.end : item.numberEnd;
                resolved.push({ item, target: r.target, end });
            } else if (!r.silent) {
                this.options.findings.add(ImportCodes.RefUnresolved, 'error',
                    `Verwijzing '${phrase.trim()}' wijst naar niets${r.why ? `: ${r.why}` : ''}.`, text.position(item.start));
            }
            if (r.ambiguous) {
                this.options.findings.add(ImportCodes.RefAmbiguous, 'warning',
                    `Verwijzing '${phrase.trim()}' past op meer dan één bijlage met dat nummer; de eerste is gekozen.`, text.position(item.start));
            }
        }
        for (const r of resolved) {
            const qualified = r.target.document === ctx.document ? r.target.path : `${r.target.document}.${r.target.path}`;
            spans.push({ start: r.item.start, end: r.end, ref: `${r.target.kind} ${qualified}` });
        }
        this.checkContext(resolved.map(r => r.target), items[0].start, resolved.length ? resolved[resolved.length - 1].end : items[0].end, s, text, scope);
    }

    private resolveItem(item: Item, ctx: RefContext, scope: RefScope): { target?: Target; why?: string; silent?: boolean; withSub?: boolean; ambiguous?: boolean } {
        if (item.kind === 'bijlage') {
            for (let sc: RefScope | undefined = scope; sc; sc = sc.parent) {
                const found = sc.bijlagen.get(item.num.toUpperCase());
                if (found?.length) return { target: found[0], ambiguous: found.length > 1 };
            }
            // "bijlage 49": an old and a new number run together by a tracked change.
            for (let k = 1; k < item.num.length; k++) {
                const [before, after] = [item.num.slice(0, k), item.num.slice(k)];
                const found = scope.root.bijlagen.get(after.toUpperCase());
                if (found?.length && /^\d+$/.test(before)) {
                    return { why: `er is geen bijlage ${item.num}; mogelijk een wijzigingsrest van ${before} → ${after} (bijlage ${after} '${clip(found[0].title)}')` };
                }
            }
            return { why: `er is geen bijlage ${item.num}` };
        }
        let artikelScope: RefScope | undefined = scope;
        while (artikelScope && artikelScope.artikelen.size === 0) artikelScope = artikelScope.parent;
        const parts = item.num.split('.').map(Number);
        let artikel: ArtikelEntry | undefined;
        let lidNumber: number | undefined;
        if (item.kind === 'lid') {
            if (parts.length === 1) {
                if (!ctx.artikel) return { silent: true };
                artikel = ctx.artikel;
                lidNumber = parts[0];
            } else if (parts.length === 2) {
                artikel = artikelScope?.artikelen.get(parts[0]);
                lidNumber = parts[1];
                if (!artikel) return { why: `er is geen artikel ${parts[0]}` };
            } else return { silent: true };
        } else {
            if (parts.length > 2) {
                const lid = artikelScope?.artikelen.get(parts[0])?.leden.get(parts[1]);
                const o = lid?.onderdelen.get(item.num);
                return o ? { target: o } : { silent: true };
            }
            artikel = artikelScope?.artikelen.get(parts[0]);
            if (!artikel) return artikelScope ? { why: `er is geen artikel ${parts[0]}` } : { silent: true };
            lidNumber = parts.length === 2 ? parts[1] : item.lid;
        }
        if (lidNumber === undefined) return { target: artikel.target };
        const lid = artikel.leden.get(lidNumber);
        if (!lid) {
            return {
                why: artikel.leden.size === 0 ? `${artikel.target.citation} heeft geen leden`
                    : `${artikel.target.citation} heeft geen lid ${lidNumber} (wel ${[...artikel.leden.keys()].join(', ')})`
            };
        }
        if (!item.sub) return { target: lid.target };
        const o = item.subWord === 'onder' ? undefined : lid.onderdelen.get(item.sub.toLowerCase());
        return o ? { target: o, withSub: true } : { target: lid.target };
    }

    private checkContext(targets: Target[], start: number, end: number, s: string, text: SourceText, scope: RefScope): void {
        const structural = targets.filter(t => t.kind === 'artikel' || t.kind === 'lid');
        if (structural.length === 0) return;
        const quoted = /^[ \t]*[:(]?[ \t]*['‘“"]([^'’”"]{3,80})['’”"]/.exec(s.slice(end));
        const at = text.position(start);
        if (quoted && structural.length === 1 && quotedTitleMismatch(quoted[1], structural[0].title)) {
            this.options.findings.add(ImportCodes.RefStale, 'warning',
                `Verwijzing '${clip(s.slice(start, end))}' noemt de titel '${clip(quoted[1])}', maar ${structural[0].citation} heet '${clip(structural[0].title)}'; een verouderd nummer?`, at);
            return;
        }
        const sentenceStart = Math.max(s.lastIndexOf('. ', start) + 1, s.lastIndexOf('; ', start) + 1, 0);
        // "een Deelovereenkomst, zoals genoemd in artikel 9": the artikel should be about what the sentence names.
        const named = /(\p{Lu}\p{Ll}{5,})(?:\([^)]*\))?,?[ \t]+(?:zoals[ \t]+)?(?:genoemd|bedoeld|omschreven|beschreven)[ \t]+(?:in|onder)[ \t]+$/u
            .exec(s.slice(sentenceStart, start));
        if (named && structural.length === 1 && structural[0].kind === 'artikel') {
            const stem = named[1].toLowerCase().slice(0, 6);
            const about = `${structural[0].title} ${structural[0].text ?? ''}`.toLowerCase();
            if (!about.includes(stem)) {
                this.options.findings.add(ImportCodes.RefStale, 'warning',
                    `Verwijzing '${clip(s.slice(start, end))}' zou over '${named[1]}' gaan, maar ${structural[0].citation} ('${clip(structural[0].title)}') noemt dat niet; een verouderd nummer?`, at);
                return;
            }
        }
        const next = [s.indexOf('. ', end), s.indexOf('; ', end)].filter(i => i >= 0);
        const sentenceEnd = next.length ? Math.min(...next) : s.length;
        const sentence = s.slice(sentenceStart, sentenceEnd);
        const topics = topicsNear(sentence, start - sentenceStart, end - sentenceStart);
        let artikelScope: RefScope | undefined = scope;
        while (artikelScope && artikelScope.artikelen.size === 0) artikelScope = artikelScope.parent;
        const candidates: Candidate[] = [...(artikelScope?.artikelen.values() ?? [])].map(a => ({ citation: a.target.citation, title: a.target.title }));
        const contextTargets: ContextTarget[] = structural.map(t => ({ citation: t.citation, about: t.about, title: t.title }));
        const reason = staleReason(topics, contextTargets, candidates);
        if (reason) {
            this.options.findings.add(ImportCodes.RefStale, 'warning', `Verwijzing '${clip(s.slice(start, end))}' past niet bij de zin: ${reason}`, at);
        }
    }

    /** "het vorige lid", "in vorige lid", "het volgende lid". */
    private relative(s: string, text: SourceText, ctx: RefContext, spans: Span[], taken: (a: number, b: number) => boolean): void {
        for (const m of s.matchAll(/\b(vorige?|volgende?)[ \t]+lid\b/g)) {
            if (taken(m.index!, m.index! + m[0].length)) continue;
            const lid = ctx.lid;
            if (!lid) continue;
            const ok = m[1].startsWith('vorig') ? lid.index > 0 : lid.index < lid.count - 1;
            if (ok) {
                spans.push({ start: m.index!, end: m.index! + m[0].length, ref: `${m[1]} lid` });
            } else {
                this.options.findings.add(ImportCodes.RefUnresolved, 'error',
                    `'${m[0]}' staat in het ${m[1].startsWith('vorig') ? 'eerste' : 'laatste'} lid van het artikel; er is geen ${m[0]}.`, text.position(m.index!));
            }
        }
    }

    /** "overweging f", and inside the overwegingen "onder (A)". */
    private overwegingen(s: string, ctx: RefContext, spans: Span[], taken: (a: number, b: number) => boolean): void {
        const table = ctx.scope.root.overwegingen;
        if (table.size === 0) return;
        const add = (start: number, end: number, label: string) => {
            const target = table.get(label.toLowerCase());
            if (target && !taken(start, end)) spans.push({ start, end, ref: `overweging ${target.path}` });
        };
        for (const m of s.matchAll(/\boverweging[ \t]+([a-zA-Z]{1,4})(?![\p{L}\d])/gu)) add(m.index!, m.index! + m[0].length, m[1]);
        if (!ctx.overwegingen) return;
        for (const m of s.matchAll(/\bonder[ \t]+\(([A-Za-z])\)/g)) {
            const start = m.index! + m[0].indexOf('(') + 1;
            add(start, start + 1, m[1]);
        }
    }
}
