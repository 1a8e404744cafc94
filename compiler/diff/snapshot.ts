/**
 * A comparable snapshot of one version of a document set: per document its elements keyed by kind and symbolic
 * name (the stable identity across versions, so renumbering never looks like new content), their computed
 * number, citation and eId, their title and own prose as written (references stay symbolic), and the values of
 * the structured provisions (termijn, looptijd, opzegtermijn, verlenging, tarief, boete, aansprakelijkheid, rangorde,
 * voorrang).
 */
import * as path from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type {
    Aansprakelijkheid, Boete, Document, Looptijd, Opzegging, Prose, Rangorde, Schakel, Tabel, Tarief, Termijn, Verlenging, Voorrang
} from '../../language/generated/ast.js';
import {
    isAansprakelijkheid, isArtikel, isBegrip, isBijlage, isBoete, isCiteertitel, isDocument, isHoofdstuk, isKop, isLid, isLooptijd, isOnderdeel,
    isOndertekend, isOverweging, isPartij, isRangorde, isStatus, isTabel, isTarief, isTekst, isTermijn, isToelichting,
    isVastgesteld, isVerlenging, isVersie, isVoorrang, isWijzigt
} from '../../language/generated/ast.js';
import { importLinks } from '../../language/document-set.js';
import type { ElementInfo } from '../../language/model/structure.js';
import { documentStructure } from '../../language/model/structure.js';
import { qualifiedName } from '../../language/contractspraak-names.js';
import { proseText } from '../../language/prose.js';

export type ElementKind = 'hoofdstuk' | 'artikel' | 'lid' | 'onderdeel' | 'bijlage' | 'overweging' | 'begrip' | 'partij' | 'tabel';
export type ProvisionKind = 'termijn' | 'looptijd' | 'opzegtermijn' | 'verlenging' | 'tarief' | 'boete' | 'aansprakelijkheid' | 'rangorde' | 'voorrang';

/** Where an element is: its computed number as printed and its element id. */
export interface Place {
    /** "artikel 4.3", "bijlage 2"; absent for unnumbered elements (begrip, partij). */
    citation?: string;
    /** "4.3" */
    label?: string;
    eId?: string;
}

export interface ElementSnapshot {
    /** kind:QualifiedName, e.g. "lid:Duur.Verlenging". */
    key: string;
    kind: ElementKind;
    /** The symbolic name: "Duur.Verlenging". */
    name: string;
    /** Key of the structural parent (hoofdstuk, artikel, lid, onderdeel, bijlage); undefined at top level. */
    parent?: string;
    /** Position number in its sequence (pins respected); 0 for unnumbered elements. */
    number: number;
    place: Place;
    title?: string;
    /** Own prose as written, whitespace folded: a lid's text, list closing and unnamed text of an artikel. */
    text: string;
    node: AstNode;
}

export interface ProvisionSnapshot {
    /** kind:identity, e.g. "termijn:Weigeren", "opzegtermijn:Duur.Verlenging/Contractant". */
    key: string;
    kind: ProvisionKind;
    /** How the text output names it: "Weigeren", "looptijd", "opzegtermijn door Contractant". */
    name: string;
    /** Field → value as written, in a fixed order; a value absent in the source is ''. */
    fields: Array<[string, string]>;
    /** The element the provision belongs to (lid, artikel, onderdeel, bijlage); undefined for the document. */
    element?: string;
    node: AstNode;
}

export interface DocumentSnapshot {
    /** The document's symbolic name (Maatwerk2021): its identity across versions. */
    name: string;
    soort: string;
    /** Path relative to the set's root folder, with '/' separators. */
    file: string;
    title: string;
    meta: Array<[string, string]>;
    elements: Map<string, ElementSnapshot>;
    /** Element keys in document order. */
    order: string[];
    provisions: Map<string, ProvisionSnapshot>;
    /** Files of the set this document imports or loads (relative paths), direct only. */
    imports: string[];
    document: LangiumDocument;
}

export interface SetSnapshot {
    root: string;
    documents: DocumentSnapshot[];
}

export function snapshotSet(documents: readonly LangiumDocument[], root: string): SetSnapshot {
    return { root, documents: documents.map(d => snapshotDocument(d, root)) };
}

/** Whitespace folded, as a reader compares text. */
export function fold(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

function prose(p: Prose | undefined): string {
    return fold(proseText(p));
}

/** The source text of a node, whitespace folded. */
function cst(node: AstNode | undefined): string {
    return fold(node?.$cstNode?.text ?? '');
}

export function relativeFile(root: string, doc: LangiumDocument): string {
    return path.relative(root, doc.uri.fsPath).split(path.sep).join('/');
}

export function snapshotDocument(doc: LangiumDocument, root: string): DocumentSnapshot {
    const ast = doc.parseResult.value as Document;
    const structure = documentStructure(ast);
    const elements = new Map<string, ElementSnapshot>();
    const order: string[] = [];
    const provisions = new Map<string, ProvisionSnapshot>();
    const keyOf = new Map<AstNode, string>();

    const place = (info: ElementInfo | undefined): Place =>
        info ? { citation: info.citation, label: info.label, eId: info.eId } : {};
    const parentKey = (node: AstNode): string | undefined => {
        for (let c = node.$container; c && !isDocument(c); c = c.$container) {
            const k = keyOf.get(c);
            if (k) return k;
        }
        return undefined;
    };
    const addElement = (node: AstNode, kind: ElementKind, name: string, title: string | undefined, text: string) => {
        const key = `${kind}:${name}`;
        if (elements.has(key)) return;   // a duplicate name is the checks' business; the first one counts
        const info = structure.info(node);
        keyOf.set(node, key);
        elements.set(key, {
            key, kind, name, parent: parentKey(node), number: info?.number ?? 0, place: place(info), title, text, node
        });
        order.push(key);
    };

    for (const node of AstUtils.streamAllContents(ast)) {
        if (isHoofdstuk(node)) {
            addElement(node, 'hoofdstuk', node.name, prose(node.titel), unnamedText(node.leden));
        } else if (isArtikel(node)) {
            // An addendum's `leden { … }` is an unnamed artikel: its leden are no elements of their own here.
            if (node.name) addElement(node, 'artikel', qualifiedName(node) ?? node.name, prose(node.titel), unnamedText(node.inhoud));
        } else if (isLid(node)) {
            addElement(node, 'lid', qualifiedName(node) ?? node.name, undefined, joinTexts([prose(node.tekst), prose(node.slot)]));
        } else if (isOnderdeel(node)) {
            addElement(node, 'onderdeel', qualifiedName(node) ?? node.name, undefined, joinTexts([prose(node.tekst), prose(node.slot)]));
        } else if (isBijlage(node)) {
            const source = node.extern ? `extern ${prose(node.bron)}` : node.pad ? `uit ${prose(node.pad)}` : '';
            addElement(node, 'bijlage', node.name, prose(node.titel), joinTexts([source, unnamedText(node.leden)]));
        } else if (isOverweging(node)) {
            addElement(node, 'overweging', node.name, undefined, prose(node.tekst));
        } else if (isBegrip(node)) {
            addElement(node, 'begrip', node.name, undefined,
                node.definitie ? prose(node.definitie) : node.bron ? `uit ${node.bron.$refText}` : '');
        } else if (isPartij(node)) {
            addElement(node, 'partij', node.name, prose(node.titel), prose(node.omschrijving));
        } else if (isTabel(node)) {
            const holder = parentKey(node);
            addElement(node, 'tabel', holder ? `${holder.replace(/^[a-z]+:/, '')}.${node.name}` : node.name, prose(node.titel), tableText(node));
        }
    }

    const where = (node: AstNode) => parentKey(node) ?? undefined;
    const addProvision = (p: Omit<ProvisionSnapshot, 'key'> & { id: string }) => {
        let key = `${p.kind}:${p.id}`;
        for (let i = 2; provisions.has(key); i++) key = `${p.kind}:${p.id}#${i}`;
        const { id: _id, ...rest } = p;
        provisions.set(key, { key, ...rest });
    };
    const counters = new Map<string, number>();
    const nth = (kind: string, holder: string | undefined) => {
        const k = `${kind}@${holder ?? ''}`;
        const n = (counters.get(k) ?? 0) + 1;
        counters.set(k, n);
        return n === 1 ? '' : `#${n}`;
    };
    const holderName = (holder: string | undefined) => holder ? holder.replace(/^[a-z]+:/, '') : 'document';

    for (const node of AstUtils.streamAllContents(ast)) {
        if (isTermijn(node)) {
            addProvision({ id: node.name, kind: 'termijn', name: node.name, fields: termijnFields(node), element: where(node), node });
        } else if (isLooptijd(node)) {
            const holder = where(node);
            const id = `${holderName(holder)}${nth('looptijd', holder)}`;
            addProvision({ id, kind: 'looptijd', name: 'looptijd', fields: looptijdFields(node), element: holder, node });
            for (const o of node.opzeggingen) {
                const by = o.partij?.$refText ?? '';
                addProvision({
                    id: `${id}/${by || 'ieder'}`, kind: 'opzegtermijn', name: by ? `door ${by}` : 'opzegtermijn',
                    fields: opzeggingFields(o), element: holder, node: o
                });
            }
        } else if (isVerlenging(node) && !isLooptijd(node.$container)) {
            const holder = where(node);
            addProvision({ id: `${holderName(holder)}${nth('verlenging', holder)}`, kind: 'verlenging', name: 'verlenging', fields: verlengingFields(node), element: holder, node });
        } else if (isTarief(node)) {
            addProvision({ id: node.name, kind: 'tarief', name: node.name, fields: tariefFields(node), element: where(node), node });
        } else if (isBoete(node)) {
            addProvision({ id: node.name, kind: 'boete', name: node.name, fields: boeteFields(node), element: where(node), node });
        } else if (isAansprakelijkheid(node)) {
            addProvision({ id: node.name, kind: 'aansprakelijkheid', name: node.name, fields: capFields(node), element: where(node), node });
        } else if (isRangorde(node)) {
            const holder = where(node);
            addProvision({ id: `${holderName(holder)}${nth('rangorde', holder)}`, kind: 'rangorde', name: 'rangorde', fields: rangordeFields(node), element: holder, node });
        } else if (isVoorrang(node)) {
            const holder = where(node);
            addProvision({ id: `${holderName(holder)}${nth('voorrang', holder)}`, kind: 'voorrang', name: 'voorrang', fields: voorrangFields(node), element: holder, node });
        }
    }

    const meta: Array<[string, string]> = [];
    for (const m of ast.meta) {
        if (isVersie(m)) meta.push(['versie', prose(m.waarde)]);
        else if (isStatus(m)) meta.push(['status', m.waarde]);
        else if (isVastgesteld(m)) meta.push(['vastgesteld', m.datum ?? prose(m.tekst)]);
        else if (isOndertekend(m)) meta.push(['ondertekend', m.datum ?? prose(m.tekst)]);
        else if (isCiteertitel(m)) meta.push(['citeertitel', prose(m.waarde)]);
        else if (isWijzigt(m)) meta.push(['wijzigt', m.doel?.$refText ?? '']);
    }
    const rootText = unnamedText(ast.leden);
    if (rootText) meta.push(['tekst', rootText]);

    const imports = importLinks(ast, doc.uri).map(l => path.relative(root, l.uri.fsPath).split(path.sep).join('/'));
    return {
        name: ast.name ?? '', soort: ast.soort ?? '', file: relativeFile(root, doc), title: prose(ast.titel), meta,
        elements, order, provisions, imports, document: doc
    };
}

/** The unnamed text of a body (tekst, kop, toelichting), one paragraph per item. */
function unnamedText(members: readonly AstNode[]): string {
    const parts: string[] = [];
    for (const m of members) {
        if (isTekst(m)) parts.push(prose(m.tekst));
        else if (isKop(m)) parts.push(`kop: ${prose(m.tekst)}`);
        else if (isToelichting(m)) parts.push(`toelichting: ${prose(m.tekst)}`);
    }
    return joinTexts(parts);
}

/** Paragraphs joined with a pilcrow, so a diff shows where one ends. */
function joinTexts(parts: string[]): string {
    return parts.filter(Boolean).join(' ¶ ');
}

function tableText(t: Tabel): string {
    const rows = [t.kolommen.map(prose).join(' | '), ...t.rijen.map(r => r.cellen.map(prose).join(' | '))];
    return joinTexts(rows.filter(Boolean));
}

function duur(d: { aantal?: string | number; eenheid?: string } | undefined): string {
    return d && d.aantal !== undefined ? `${d.aantal} ${d.eenheid ?? ''}`.trim() : '';
}

function termijnFields(t: Termijn): Array<[string, string]> {
    const maat = t.maat;
    let termijn = '';
    if (t.kwalitatief) termijn = maat ? `${t.kwalitatief}, ${[maat.grens, duur(maat.duur)].filter(Boolean).join(' ')}` : t.kwalitatief;
    else if (maat) termijn = [maat.grens, duur(maat.duur)].filter(Boolean).join(' ');
    else if (t.herhaling) termijn = cst(t.herhaling);
    return [
        ['drager', t.drager?.$refText ?? ''],
        ['handeling', prose(t.handeling)],
        ['termijn', termijn],
        ['trigger', maat?.richting ? `${maat.richting} ${cst(maat.trigger)}` : ''],
        ['start', cst(maat?.start)],
        ['wettelijk', t.wettelijk ? 'ja' : ''],
        ['gevolg', prose(t.gevolg)]
    ];
}

function verlengingFields(v: Verlenging | undefined): Array<[string, string]> {
    if (!v) return [];
    return [
        ['wijze', v.wijze ?? ''],
        ['aantal', v.aantal !== undefined ? `${v.aantal} x` : ''],
        ['duur', duur(v.duur)],
        ['door', v.partij?.$refText ?? ''],
        ['tenzij', v.opzegger ? `${v.opzegger.$refText} opzegt ${duur(v.opzegtermijn)} voor einde` : '']
    ];
}

function looptijdFields(l: Looptijd): Array<[string, string]> {
    return [
        ['ingang', l.ingang ?? ''],
        ['einde', l.einde ?? (l.onbepaald ? 'onbepaald' : '')],
        ['duur', duur(l.duur)],
        ['verlenging', l.verlenging ? cst(l.verlenging).replace(/^verlenging /, '') : ''],
        ['uiterste einde', l.uiterste ?? '']
    ];
}

function opzeggingFields(o: Opzegging): Array<[string, string]> {
    return [
        ['door', o.partij?.$refText ?? ''],
        ['opzegtermijn', [o.grens, duur(o.termijn)].filter(Boolean).join(' ')],
        ['start', cst(o.start)],
        ['vorm', prose(o.vorm)]
    ];
}

function tariefFields(t: Tarief): Array<[string, string]> {
    return [
        ['product', prose(t.product)],
        ['bedrag', t.bedrag ?? ''],
        ['eenheid', t.eenheid ?? ''],
        ['vanaf', t.vanaf ?? ''],
        ['btw', t.btw ?? '']
    ];
}

function capFields(c: Aansprakelijkheid): Array<[string, string]> {
    return [
        ['partij', c.partij?.$refText ?? ''],
        ['bedrag', c.bedrag ?? ''],
        ['eenheid', c.eenheid ?? ''],
        ['voorwaarde', prose(c.voorwaarde)]
    ];
}

function boeteFields(b: Boete): Array<[string, string]> {
    return [
        ['bedrag', b.bedrag ?? ''],
        ['eenheid', b.eenheid ?? ''],
        ['voorwaarde', prose(b.voorwaarde)]
    ];
}

function schakel(s: Schakel | undefined): string {
    if (!s) return '';
    return s.deze ? 'deze' : s.addenda ? 'addenda' : s.bijlagen ? 'bijlagen' : s.doel?.$refText ?? '';
}

function rangordeFields(r: Rangorde): Array<[string, string]> {
    return [
        ['volgorde', r.ketens.map(k => k.niveaus.map(n => n.schakels.map(schakel).join(' = ')).join(' > ')).join('; ')],
        ['uitzonderingen', r.uitzonderingen.map(u => `tenzij ${u.uitdrukkelijk ? 'uitdrukkelijk ' : ''}${schakel(u.lager)} afwijkt van ${schakel(u.hoger)}`).join('; ')]
    ];
}

function voorrangFields(v: Voorrang): Array<[string, string]> {
    return [
        ['wie', schakel(v.wie)],
        ['boven', v.alles ? 'alles' : v.boven.map(schakel).join(', ')]
    ];
}

/** One line: the values that are set, "binnen 3 werkdagen, na Dagtekening". */
export function provisionValue(fields: Array<[string, string]>): string {
    return fields.filter(([, v]) => v !== '').map(([k, v]) => `${k} ${v}`).join(', ');
}
