/**
 * Gives every element its symbolic name and builds the lookup from source numbers ("artikel 12.3",
 * "bijlage 2A", "overweging f") to qualified names, per output document: the main agreement and each annex
 * large enough for a file of its own.
 */
import type {
    ArtikelNode, BegripNode, BijlageNode, HoofdstukNode, ImportedDocument, LidNode, ListNode, Member, Meta, OnderdeelNode,
    PartijenNode, PartijNode, TabelNode
} from './model.js';
import { camelName, NameScope, termName } from './naming.js';
import type { ArtikelEntry, LidEntry, Target } from './references.js';
import { RefScope } from './references.js';
import type { SourceText } from './source.js';

export interface OutputDocument {
    name: string;
    file: string;
    soort: string;
    title: SourceText;
    meta: Meta;
    ledenStyle: 'samengesteld' | 'los';
    members: Member[];
    /** The bijlage this document holds, for a bijlagedocument. */
    bijlage?: BijlageNode;
}

export interface Index {
    main: RefScope;
    scopeOf: Map<BijlageNode, RefScope>;
    artikelen: Map<ArtikelNode, ArtikelEntry>;
    leden: Map<LidNode, LidEntry>;
    /** The output document each bijlage's content is written in. */
    contentDocument: Map<BijlageNode, OutputDocument>;
}

/** Splits the import into output documents and names every element. */
export function nameDocuments(doc: ImportedDocument, baseFile: string, text: string): OutputDocument[] {
    const allText = new Set(text.match(/\p{L}+/gu) ?? []);
    const docNames = new NameScope();
    const main: OutputDocument = {
        name: docNames.take(camelName(doc.title.text, 3), 'Overeenkomst'), file: `${baseFile}.ovk`, soort: doc.soort,
        title: doc.title, meta: doc.meta, ledenStyle: doc.ledenStyle, members: doc.members
    };
    const documents = [main];
    const collect = (members: Member[]) => {
        for (const m of members) {
            if (m.kind !== 'bijlage') continue;
            if (m.file) {
                documents.push({
                    name: docNames.take(camelName(m.title.text.replace(/^bijlage\s*\d*\w?:?/i, ''), 3), `Bijlage${m.numberText ?? ''}`),
                    file: m.file, soort: 'bijlagedocument', title: m.title, meta: {}, ledenStyle: m.ledenStyle, members: m.members, bijlage: m
                });
            }
            collect(m.members);
        }
    };
    collect(doc.members);
    for (const d of documents) nameDocument(d, documents, allText);
    return documents;
}

interface Scopes {
    structure: NameScope;
    bijlagen: NameScope;
    terms: NameScope;
    overwegingen: NameScope;
    other: NameScope;
}

function nameDocument(d: OutputDocument, all: OutputDocument[], allText: ReadonlySet<string>): void {
    const scopes: Scopes = {
        structure: new NameScope(), bijlagen: new NameScope(), terms: new NameScope(), overwegingen: new NameScope(), other: new NameScope()
    };
    // Terms first, in order of authority: defined begrippen, parties, begrippen declared next to a lid, groups, variants.
    const begrippen: BegripNode[] = [];
    const declared: BegripNode[] = [];
    const parties: PartijenNode[] = [];
    walk(d.members, all, node => {
        if (node.kind === 'begrip') begrippen.push(node);
        if (node.kind === 'lid' && node.begrip) declared.push(node.begrip);
        if (node.kind === 'partijen') parties.push(node);
    });
    for (const b of begrippen) b.name = scopes.terms.take(termName(pluralForm(b.term.text).base), 'Begrip');
    for (const p of parties) for (const x of p.parties) x.name = scopes.terms.take(partyName(x), 'Partij');
    for (const b of declared) {
        const name = termName(b.term.text);
        if (scopes.terms.tryTake(name)) b.name = name;
    }
    for (const p of parties) {
        p.groups = p.groups.filter(g => {
            g.members = (g.of === 'gemeenten' ? p.parties.filter(x => x.soort === 'gemeente') : p.parties).map(x => x.name!);
            return g.members.length > 0 && scopes.terms.tryTake(g.name);
        });
        for (const g of p.groups) g.variants = g.variants.filter(v => scopes.terms.tryTake(v));
    }
    for (const b of [...begrippen, ...declared].filter(x => x.name)) {
        const variants: string[] = [];
        const plural = pluralForm(b.term.text).plural;
        if (plural) variants.push(termName(plural));
        if (b.abbreviation) variants.push(termName(b.abbreviation.text));
        variants.push(...pluralsUsed(b.name!, allText));
        b.variants = variants.filter(v => v !== b.name && scopes.terms.tryTake(v));
    }
    nameMembers(d.members, all, scopes, scopes.structure);
}

/** "Opdrachtgever(s)": the term and its plural. */
export function pluralForm(term: string): { base: string; plural?: string } {
    const m = /^(.*\p{L})\((s|n|en|e)\)$/u.exec(term.trim());
    return m ? { base: m[1], plural: m[1] + m[2] } : { base: term };
}

/** Walks members of this document only (annexes in their own file are separate documents). */
function walk(members: Member[], all: OutputDocument[], visit: (node: Member | LidNode) => void): void {
    for (const m of members) {
        visit(m);
        if (m.kind === 'artikel') m.content.forEach(c => visit(c as Member | LidNode));
        if (m.kind === 'hoofdstuk') walk(m.members, all, visit);
        if (m.kind === 'bijlage' && !m.file) walk(m.members, all, visit);
    }
}

function nameMembers(members: Member[], all: OutputDocument[], scopes: Scopes, artikelScope: NameScope): void {
    for (const m of members) {
        switch (m.kind) {
            case 'artikel':
                nameArtikel(m, artikelScope, scopes);
                break;
            case 'hoofdstuk':
                nameHoofdstuk(m, artikelScope, scopes);
                break;
            case 'bijlage':
                m.name = scopes.bijlagen.take(camelName(m.title.text.replace(/^.*?\bbijlage\s*\d*\w?\s*:?/i, ''), 2), `Bijlage${m.numberText ?? ''}`);
                if (!m.file) nameMembers(m.members, all, scopes, new NameScope());
                break;
            case 'overwegingen':
                for (const o of m.items) o.name = scopes.overwegingen.take(camelName(o.paras[0]?.text.replace(/^dat\b/i, '') ?? '', 2), `Overweging${o.label.text}`);
                break;
            case 'tabel':
                nameTable(m, scopes);
                break;
            default:
                break;
        }
    }
}

function nameHoofdstuk(h: HoofdstukNode, artikelScope: NameScope, scopes: Scopes): void {
    h.name = scopes.other.take(camelName(h.title.text, 2), 'Hoofdstuk');
    for (const m of h.members) if (m.kind === 'artikel') nameArtikel(m, artikelScope, scopes);
}

function nameArtikel(a: ArtikelNode, artikelScope: NameScope, scopes: Scopes): void {
    a.name = artikelScope.take(camelName(a.title.text, 3), `Artikel${a.number ?? ''}`);
    const leden = new NameScope();
    for (const c of a.content) {
        if (c.kind === 'lid') {
            c.name = leden.take(lidBase(c), `Lid${c.number}`);
            if (c.lijst) nameList(c.lijst);
            c.tables.forEach(t => nameTable(t, scopes));
        }
        if (c.kind === 'tabel') nameTable(c, scopes);
    }
}

function nameList(list: ListNode): void {
    const names = new NameScope();
    for (const o of list.items) {
        o.name = names.take(camelName(o.paras[0]?.text ?? '', 2), `Onderdeel${o.label.text.replace(/[^A-Za-z0-9]/g, '') || o.number}`);
        if (o.lijst) nameList(o.lijst);
    }
}

function nameTable(t: TabelNode, scopes: Scopes): void {
    t.name = scopes.other.take(`Tabel${camelName(t.rows[0]?.map(c => c.text).join(' ') ?? '', 2)}`, 'Tabel');
}

function lidBase(l: LidNode): string {
    const first = l.paras[0]?.text ?? '';
    if (l.begrip) return camelName(l.begrip.term.text, 4);
    const lead = /^([^:]{2,40}):[ \t]/.exec(first);
    if (lead && lead[1].split(/\s+/).length <= 4) return camelName(lead[1], 3);
    return camelName(first, 2);
}

function partyName(p: PartijNode): string {
    const all = [p.title.text, ...p.description.map(d => d.text)].join(' ');
    const alias = /hierna[^“"'‘]{0,20}["“'‘][ \t]*(\p{Lu}[\p{L}]+)[ \t]*["”'’]/u.exec(all);
    if (alias) return camelName(alias[1], 1);
    if (p.soort === 'gemeente') {
        const place = p.title.text.replace(/^(?:de\s+)?gemeenten?\s+/i, '');
        return camelName(place, 4) || 'Gemeente';
    }
    const kind = /\b(contractant|dienstverleners?|aanbieders?)\b/i.exec(p.title.text);
    return kind ? camelName(kind[1], 1) : camelName(p.title.text, 2);
}

/** Plural or inflected forms of a one-word term that the text uses capitalised (Werkdag → Werkdagen). */
function pluralsUsed(name: string, allText: ReadonlySet<string>): string[] {
    if (!/^\p{Lu}\p{Ll}+$/u.test(name)) return [];
    return ['en', 's', 'n'].map(suffix => name + suffix).filter(form => allText.has(form));
}

// ------------------------------------------------------------------ the reference index

export function buildIndex(documents: OutputDocument[]): Index {
    const main = documents[0];
    const index: Index = {
        main: new RefScope(), scopeOf: new Map(), artikelen: new Map(), leden: new Map(), contentDocument: new Map()
    };
    for (const d of documents.slice(1)) if (d.bijlage) index.contentDocument.set(d.bijlage, d);
    indexMembers(main.members, index.main, main, '', '', index);
    for (const m of main.members) {
        if (m.kind !== 'overwegingen') continue;
        for (const o of m.items) {
            index.main.overwegingen.set(o.label.text.toLowerCase(), {
                kind: 'overweging', path: o.name!, document: main.name, citation: `overweging ${o.label.text}`, title: '', about: ''
            });
        }
    }
    return index;
}

function indexMembers(members: Member[], scope: RefScope, doc: OutputDocument, prefix: string, suffix: string, index: Index): void {
    const artikelen: ArtikelNode[] = [];
    for (const m of members) {
        if (m.kind === 'artikel') artikelen.push(m);
        if (m.kind === 'hoofdstuk') artikelen.push(...m.members.filter((x): x is ArtikelNode => x.kind === 'artikel'));
    }
    let previous = 0;
    for (const a of artikelen) {
        const n = a.number ?? previous + 1;
        previous = n;
        const path = `${prefix}${a.name}`;
        const text = a.content.flatMap(c => c.kind === 'lid' || c.kind === 'tekst' ? c.paras.map(p => p.text) : []).join(' ');
        const entry: ArtikelEntry = {
            target: { kind: 'artikel', path, document: doc.name, citation: `artikel ${n}${suffix}`, title: a.title.text, about: a.title.text, text },
            leden: new Map()
        };
        const compound = (a.ledenStyle ?? doc.ledenStyle) === 'samengesteld';
        const leden = a.content.filter((c): c is LidNode => c.kind === 'lid');
        leden.forEach((l, i) => {
            const lidPath = `${path}.${l.name}`;
            const citation = compound ? `artikel ${n}.${l.number}${suffix}` : `artikel ${n} lid ${l.number}${suffix}`;
            const lid: LidEntry = {
                target: {
                    kind: 'lid', path: lidPath, document: doc.name, citation, title: a.title.text,
                    about: `${l.paras.map(p => p.text).join(' ')} ${a.title.text}`
                },
                onderdelen: new Map(), index: i, count: leden.length
            };
            if (l.lijst) indexList(l.lijst, lidPath, citation, doc.name, lid.onderdelen, a.title.text, `${n}.${l.number}`);
            if (!entry.leden.has(l.number)) entry.leden.set(l.number, lid);
            index.leden.set(l, lid);
        });
        if (!scope.artikelen.has(n)) scope.artikelen.set(n, entry);
        index.artikelen.set(a, entry);
    }
    for (const m of members) {
        if (m.kind !== 'bijlage') continue;
        const key = (m.citeNumber ?? m.numberText ?? '1').toUpperCase();
        const target: Target = { kind: 'bijlage', path: m.name!, document: doc.name, citation: `bijlage ${key}`, title: m.title.text, about: m.title.text };
        scope.bijlagen.set(key, [...(scope.bijlagen.get(key) ?? []), target]);
        const child = new RefScope(scope);
        index.scopeOf.set(m, child);
        if (!scope.children.has(key)) scope.children.set(key, child);
        const own = index.contentDocument.get(m);
        const contentDoc = own ?? doc;
        indexMembers(m.members, child, contentDoc, own ? '' : `${m.name}.`, ` van bijlage ${key}`, index);
    }
}

function indexList(list: ListNode, path: string, citation: string, document: string, out: Map<string, Target>, title: string, decimalPrefix: string): void {
    for (const o of list.items) {
        const p = `${path}.${o.name}`;
        const label = o.label.text.toLowerCase();
        const target: Target = {
            kind: 'onderdeel', path: p, document, citation: `${citation}, onderdeel ${o.label.text}`, title,
            about: `${o.paras.map(x => x.text).join(' ')} ${title}`
        };
        const keys = list.style === 'decimaal' ? [`${decimalPrefix}.${o.number}`, String(o.number)] : [label];
        if (list.style === 'letters' || list.style === 'romeins') keys.push(label.toLowerCase());
        for (const k of keys) if (!out.has(k)) out.set(k, target);
        if (o.lijst) indexList(o.lijst, p, citation, document, out, title, `${decimalPrefix}.${o.number}`);
    }
}

export type { OnderdeelNode };
