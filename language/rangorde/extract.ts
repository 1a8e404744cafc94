/**
 * From parsed and linked documents to the input of the pure rangorde core (model.ts), and back: every id the
 * core reports on maps to a source location. A document loaded as a part (`bijlage Tarieven "…" uit
 * "./tarieven.ovk"`) is one document with the bijlage that names it, so a rangorde may name either.
 *
 * A document set is seen from one document: itself and what it sees (document-set.ts). A document is checked
 * from its own point of view and from that of every document that sees it, so a conflict between a
 * deelovereenkomst and its basisovereenkomst is reported on both, though the basis does not see the deel.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, DocumentState, GrammarUtils, URI, WorkspaceCache } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { resolveImportUri } from '../document-set.js';
import type {
    Aansprakelijkheid, Actor, Afwijking, Artikel, Bijlage, Boete, Document, DocumentVerwijzing, Lid, Looptijd, Schakel, Tarief, Termijn,
    TermijnMaat
} from '../generated/ast.js';
import {
    isAansprakelijkheid, isAfwijking, isArtikel, isBijlage, isBoete, isDocument, isDocumentVerwijzing, isGroep, isHandtekening, isLid,
    isLooptijd, isOnderdeel, isOndertekend, isPartij, isRangorde, isRol, isTarief, isTermijn, isVastgesteld,
    isVerwerping, isVoorrang, isWijzigt
} from '../generated/ast.js';
import { documentStructure } from '../model/structure.js';
import { proseText } from '../prose.js';
import { structuralNodes } from '../structural-nodes.js';
import type { RangordeAnalysis } from './analyse.js';
import { analyseRangorde } from './analyse.js';
import type {
    Claim, Declaration, Derogation, DocumentKind, Element, MemberRef, Provision, RangDocument, RangordeInput,
    Rejection, Side
} from './model.js';

export interface SourceLocation {
    node: AstNode;
    property?: string;
    keyword?: string;
    uri: string;
    range: Range;
}

export interface ExtractedSet {
    input: RangordeInput;
    /** Source location of every id the core may report on. */
    locations: Locations;
    /** Core id of a document, bijlage or document reference; of a provision node. */
    ids: ReadonlyMap<AstNode, string>;
}

/** Agreements both parties sign; their explicit derogations count (R5.3 step 2). */
const SIGNED: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
    'ontwikkelovereenkomst', 'samenwerkingsovereenkomst', 'basisovereenkomst', 'raamovereenkomst', 'deelovereenkomst',
    'resultaatovereenkomst', 'dienstverleningsovereenkomst', 'addendum', 'verwerkersovereenkomst', 'overeenkomst'
]);

const UNIT: Record<string, string> = {
    uren: 'uur', werkdagen: 'werkdag', kalenderdagen: 'kalenderdag', dagen: 'dag', weken: 'week', maanden: 'maand',
    kalendermaanden: 'kalendermaand', kwartalen: 'kwartaal', jaren: 'jaar'
};

/** `werkdagen` and `werkdag` are one unit. */
export function normaliseUnit(unit: string): string {
    return UNIT[unit] ?? unit;
}

/** "€ 1.035,5" → "1035,50"; "€35" → "35,00". */
export function normaliseAmount(bedrag: string): string {
    const digits = bedrag.replace(/€/g, '').replace(/\s/g, '').replace(/\./g, '');
    const [whole, cents = ''] = digits.split(',');
    return `${whole.replace(/^0+(?=\d)/, '')},${cents.padEnd(2, '0')}`;
}

function kindOfSoort(soort: string): DocumentKind {
    return soort === 'bijlagedocument' ? 'bijlage' : soort as DocumentKind;
}

/** Which side of the agreement a party is on (R5.4); undefined for others (toezichthouder, actor). */
export function sideOf(actor: Actor | undefined, seen = new Set<Actor>()): Side | undefined {
    if (!actor || seen.has(actor)) return undefined;
    seen.add(actor);
    if (isPartij(actor)) {
        if (actor.soort === 'gemeente') return 'gemeente';
        if (actor.soort === 'contractant' || actor.soort === 'aanbieder' || actor.soort === 'dienstverlener') return 'aanbieder';
        return undefined;
    }
    if (isRol(actor)) return sideOf(actor.doel.ref, seen);
    if (isGroep(actor)) {
        const sides = new Set(actor.leden.map(l => sideOf(l.ref, seen)));
        return sides.size === 1 ? [...sides][0] : undefined;
    }
    return undefined;
}

interface LocationOptions {
    property?: string;
    keyword?: string;
}

/** Where each id is; ranges are computed when asked for, since most ids are never reported on. */
export class Locations {
    protected readonly found = new Map<string, SourceLocation>();

    /**
     * `entries` hold the nodes of the parses the set was extracted from; `moved` maps such a parse (root) to the
     * parse of the same structure that its nodes are now read from (movedNode).
     */
    constructor(
        protected readonly entries = new Map<string, { node: AstNode; opts: LocationOptions }>(),
        protected readonly moved: ReadonlyMap<Document, Document> = new Map()
    ) {}

    set(id: string, node: AstNode, opts: LocationOptions = {}): void {
        this.entries.set(id, { node, opts });
    }

    get(id: string): SourceLocation | undefined {
        let found = this.found.get(id);
        if (found) return found;
        const entry = this.entries.get(id);
        if (!entry) return undefined;
        this.found.set(id, found = location(movedNode(entry.node, this.moved), entry.opts));
        return found;
    }

    has(id: string): boolean {
        return this.entries.has(id);
    }

    /** The same ids, read from other parses of the same structure (a prose edit); nothing is copied. */
    rebased(moved: ReadonlyMap<Document, Document>): Locations {
        return new Locations(this.entries, moved);
    }
}

/** Position of each node outside prose in its parse (the root is -1): a node's counterpart in a parse of the same structure. */
const slots = new WeakMap<Document, Map<AstNode, number>>();

function slotsOf(root: Document): Map<AstNode, number> {
    let s = slots.get(root);
    if (!s) {
        s = new Map<AstNode, number>([[root, -1]]);
        structuralNodes(root).forEach((n, i) => s!.set(n, i));
        slots.set(root, s);
    }
    return s;
}

/** The node at the place of `node` in the parse its own parse moved to, or `node` itself. */
function movedNode(node: AstNode, moved: ReadonlyMap<Document, Document>): AstNode {
    if (moved.size === 0) return node;
    const root = AstUtils.findRootNode(node) as Document;
    const to = moved.get(root);
    if (!to) return node;
    const slot = slotsOf(root).get(node);
    return slot === undefined ? node : slot < 0 ? to : structuralNodes(to)[slot];
}

/** A set's ids read at the nodes of the parses it moved to (`moved`: parse extracted from → current parse). */
class MovedIds implements ReadonlyMap<AstNode, string> {
    protected readonly back = new Map<Document, Document>();

    constructor(protected readonly base: ReadonlyMap<AstNode, string>, protected readonly moved: ReadonlyMap<Document, Document>) {
        for (const [from, to] of moved) this.back.set(to, from);
    }

    get(node: AstNode): string | undefined {
        const root = AstUtils.findRootNode(node) as Document;
        const from = this.back.get(root);
        if (!from) return this.moved.has(root) ? undefined : this.base.get(node);   // a node of a parse left behind
        const slot = slotsOf(root).get(node);
        return slot === undefined ? undefined : this.base.get(slot < 0 ? from : structuralNodes(from)[slot]);
    }

    has(node: AstNode): boolean {
        return this.get(node) !== undefined;
    }

    get size(): number {
        return this.base.size;
    }

    *entries(): MapIterator<[AstNode, string]> {
        for (const [node, id] of this.base) yield [movedNode(node, this.moved), id];
    }

    *keys(): MapIterator<AstNode> {
        for (const [node] of this.entries()) yield node;
    }

    *values(): MapIterator<string> {
        yield* this.base.values();
    }

    forEach(callback: (value: string, key: AstNode, map: ReadonlyMap<AstNode, string>) => void): void {
        for (const [node, id] of this.entries()) callback(id, node, this);
    }

    [Symbol.iterator](): MapIterator<[AstNode, string]> {
        return this.entries();
    }
}

function location(node: AstNode, opts: LocationOptions): SourceLocation {
    const cst = opts.property ? GrammarUtils.findNodeForProperty(node.$cstNode, opts.property)
        : opts.keyword ? GrammarUtils.findNodeForKeyword(node.$cstNode, opts.keyword) : undefined;
    const range = (cst ?? node.$cstNode)?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { node, ...opts, uri: AstUtils.getDocument(node).uri.toString(), range };
}

/** The nodes extraction reads, in document order; prose (most of the tree) is never entered. */
interface DocumentNodes {
    nodes: AstNode[];
    datum?: string;
}

const collected = new WeakMap<Document, DocumentNodes>();

function collect(root: Document): DocumentNodes {
    let c = collected.get(root);
    if (c) return c;
    const nodes: AstNode[] = [];
    const signatures: string[] = [];
    for (const child of structuralNodes(root)) {
        if (isHandtekening(child) && child.datum) signatures.push(child.datum);
        if (isBijlage(child) || isDocumentVerwijzing(child) || isArtikel(child) || isLid(child) || isRangorde(child) || isVoorrang(child)
            || isAfwijking(child) || isVerwerping(child) || isTermijn(child) || isTarief(child) || isBoete(child) || isAansprakelijkheid(child) || isLooptijd(child)) {
            nodes.push(child);
        }
    }
    signatures.sort();
    const datum = root.meta.find(isOndertekend)?.datum ?? root.meta.find(isVastgesteld)?.datum ?? signatures[signatures.length - 1];
    collected.set(root, c = { nodes, datum });
    return c;
}

/** Builds the core's input from the documents of one set. */
export function extractSet(documents: readonly LangiumDocument[]): ExtractedSet {
    return new Extractor(documents).run();
}

class Extractor {
    protected readonly byUri = new Map<string, LangiumDocument>();
    protected readonly ids = new Map<AstNode, string>();
    protected readonly locations = new Locations();
    protected readonly rootOfId = new Map<string, Document>();
    protected readonly docs = new Map<string, RangDocument>();
    /** For a document loaded as a part: its whole and the bijlage or reference that loads it. */
    protected readonly partOf = new Map<string, { whole: LangiumDocument; node: Bijlage | DocumentVerwijzing }>();
    protected readonly input: RangordeInput = {
        documents: [], declarations: [], claims: [], derogations: [], rejections: [], elements: [], provisions: []
    };
    protected counter = 0;

    constructor(readonly documents: readonly LangiumDocument[]) {
        for (const d of [...documents].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()))) this.byUri.set(d.uri.toString(), d);
    }

    run(): ExtractedSet {
        const all = [...this.byUri.values()];
        for (const doc of all) {
            const root = this.root(doc);
            if (!root) continue;
            for (const node of collect(root).nodes) {
                if ((isBijlage(node) || isDocumentVerwijzing(node)) && node.pad) {
                    const target = this.loadedTarget(node);
                    if (target && target !== doc && !this.partOf.has(target.uri.toString())) this.partOf.set(target.uri.toString(), { whole: doc, node });
                }
            }
        }
        const used = new Set<string>();
        const rootId = (doc: LangiumDocument, visiting = new Set<string>()): string => {
            const root = this.root(doc)!;
            const known = this.ids.get(root);
            if (known) return known;
            const part = this.partOf.get(doc.uri.toString());
            let id: string;
            if (part && !visiting.has(doc.uri.toString())) {
                visiting.add(doc.uri.toString());
                id = `${rootId(part.whole, visiting)}.${part.node.name}`;
            } else {
                id = root.name || doc.uri.path;
                for (let n = 2; used.has(id); n++) id = `${root.name}~${n}`;
            }
            used.add(id);
            this.ids.set(root, id);
            this.rootOfId.set(id, root);
            return id;
        };
        for (const doc of all) if (this.root(doc)) rootId(doc);
        for (const doc of all) if (this.root(doc)) this.addRootDocument(doc);
        for (const doc of all) if (this.root(doc)) this.addContents(doc);
        this.input.documents = [...this.docs.values()];
        return { input: this.input, locations: this.locations, ids: this.ids };
    }

    protected root(doc: LangiumDocument): Document | undefined {
        const root = doc.parseResult?.value;
        return isDocument(root) && root.name ? root : undefined;
    }

    /** The document of the set a bijlage or reference loads with `uit "…"` (as document-set.ts resolves it). */
    protected loadedTarget(node: Bijlage | DocumentVerwijzing): LangiumDocument | undefined {
        const pad = node.pad ? proseText(node.pad).trim() : '';
        return pad ? this.byUri.get(resolveImportUri(AstUtils.getDocument(node).uri, pad).toString()) : undefined;
    }

    protected nextId(prefix: string): string {
        return `${prefix}:${this.counter++}`;
    }

    protected addRootDocument(doc: LangiumDocument): void {
        const root = this.root(doc)!;
        const id = this.ids.get(root)!;
        const part = this.partOf.get(doc.uri.toString());
        const kind = kindOfSoort(root.soort);
        const wholeRoot = part ? this.root(part.whole) : undefined;
        const imports = root.imports.map(i => proseText(i.pad).trim()).filter(pad => pad)
            .map(pad => this.byUri.get(resolveImportUri(doc.uri, pad).toString()))
            .filter((d): d is LangiumDocument => d !== undefined && this.root(d) !== undefined);
        const rangDoc: RangDocument = {
            id, kind,
            label: part ? labelOfPart(part.node) : `${kind} ${root.name}`,
            datum: collect(root).datum ?? (wholeRoot ? collect(wholeRoot).datum : undefined),
            signedByBoth: SIGNED.has(kind),
            imports: imports.map(d => this.ids.get(this.root(d)!)!),
            amends: root.meta.filter(isWijzigt).map(w => w.doel.ref ? this.idOfRangeerbaar(w.doel.ref) : undefined).filter((x): x is string => !!x)
        };
        if (part) {
            rangDoc.parent = this.ids.get(wholeRoot!)!;
            rangDoc.annex = isBijlage(part.node);
        }
        if (kind === 'voorwaarden') {
            const owner = part && isDocumentVerwijzing(part.node) ? part.node.eigenaar : undefined;
            rangDoc.conditionsOf = owner ? sideOf(owner.ref) : 'gemeente';
        }
        this.docs.set(id, rangDoc);
        this.locations.set(id, part?.node ?? root, { property: 'name' });
        if (part) this.ids.set(part.node, id);
    }

    /** The core id of what a rangorde link or `wijzigt` names. */
    protected idOfRangeerbaar(node: AstNode): string | undefined {
        const known = this.ids.get(node);
        if (known) return known;
        if (isBijlage(node) || isDocumentVerwijzing(node)) {
            const target = node.pad ? this.loadedTarget(node) : undefined;
            const targetRoot = target ? this.root(target) : undefined;
            if (targetRoot && this.ids.has(targetRoot)) return this.ids.get(targetRoot);
            const owner = AstUtils.getContainerOfType(node, isDocument);
            const ownerId = owner ? this.ids.get(owner) : undefined;
            return ownerId ? `${ownerId}.${node.name}` : undefined;
        }
        return undefined;
    }

    /** The document a clause belongs to: an inline bijlage, else the file's document. */
    protected documentOf(node: AstNode): string {
        for (let n: AstNode | undefined = node.$container; n; n = n.$container) {
            if (isBijlage(n) && n.leden.length) return this.idOfRangeerbaar(n)!;
            if (isDocument(n)) return this.ids.get(n)!;
        }
        return this.ids.get(AstUtils.findRootNode(node))!;
    }

    protected where(node: AstNode): string | undefined {
        const root = AstUtils.findRootNode(node) as Document;
        const holder = AstUtils.getContainerOfType(node, (n): n is Lid | Artikel => isLid(n) || isArtikel(n));
        return holder ? documentStructure(root).info(holder)?.citation : undefined;
    }

    protected elementId(node: Artikel | Lid): string {
        let id = this.ids.get(node);
        if (!id) {
            id = this.nextId('el');
            this.ids.set(node, id);
        }
        return id;
    }

    protected elementsOf(node: AstNode): string[] {
        const out: string[] = [];
        for (let n: AstNode | undefined = node.$container; n; n = n.$container) {
            if (isLid(n) || isArtikel(n)) out.push(this.elementId(n));
        }
        return out;
    }

    protected addContents(doc: LangiumDocument): void {
        const root = this.root(doc)!;
        const rootDocId = this.ids.get(root)!;
        const structure = documentStructure(root);
        const datum = this.docs.get(rootDocId)?.datum;
        for (const node of collect(root).nodes) {
            if (isBijlage(node) || isDocumentVerwijzing(node)) {
                const id = this.idOfRangeerbaar(node)!;
                this.ids.set(node, id);
                if (this.docs.has(id)) continue;   // loaded from a file: that document is the one
                const kind: DocumentKind = isBijlage(node) ? 'bijlage' : kindOfSoort(node.soort);
                const rangDoc: RangDocument = {
                    id, kind, label: labelOfPart(node), parent: rootDocId, annex: isBijlage(node),
                    external: node.extern || !!node.pad,
                    datum: isBijlage(node) && node.leden.length ? datum : undefined,
                    signedByBoth: isDocumentVerwijzing(node) && SIGNED.has(kind)
                };
                if (kind === 'voorwaarden') rangDoc.conditionsOf = isDocumentVerwijzing(node) && node.eigenaar ? sideOf(node.eigenaar.ref) : 'gemeente';
                this.docs.set(id, rangDoc);
                this.locations.set(id, node, { property: 'name' });
            } else if (isArtikel(node) || isLid(node)) {
                const id = this.elementId(node);
                const element: Element = { id, document: this.documentOf(node), binding: node.binding, label: structure.info(node)?.citation };
                if (isLid(node)) element.parent = this.elementId(node.$container);
                this.input.elements.push(element);
                this.locations.set(id, node, { property: node.binding ? 'binding' : 'name' });
            } else if (isRangorde(node)) {
                const declaration: Declaration = { id: this.nextId('rangorde'), by: this.documentOf(node), where: this.where(node), chains: [], exceptions: [] };
                this.locations.set(declaration.id, node, { keyword: 'rangorde' });
                node.ketens.forEach((keten, k) => {
                    const chainId = `${declaration.id}/${k}`;
                    this.locations.set(chainId, keten);
                    declaration.chains.push({
                        id: chainId,
                        levels: keten.niveaus.map((niveau, l) => ({
                            members: niveau.schakels.map((schakel, m) => {
                                const memberId = `${chainId}/${l}/${m}`;
                                this.locations.set(memberId, schakel);
                                return { id: memberId, ref: this.memberRef(schakel) };
                            })
                        }))
                    });
                });
                node.uitzonderingen.forEach((u, i) => {
                    const exceptionId = `${declaration.id}/tenzij/${i}`;
                    this.locations.set(exceptionId, u);
                    declaration.exceptions.push({ id: exceptionId, lower: this.memberRef(u.lager), higher: this.memberRef(u.hoger), explicit: u.uitdrukkelijk });
                });
                this.input.declarations.push(declaration);
            } else if (isVoorrang(node)) {
                const claim: Claim = {
                    id: this.nextId('voorrang'), by: this.documentOf(node), where: this.where(node),
                    who: this.memberRef(node.wie), over: node.alles ? 'alles' : node.boven.map(b => this.memberRef(b))
                };
                this.locations.set(claim.id, node);
                this.input.claims.push(claim);
            } else if (isAfwijking(node)) {
                const target = this.derogationTarget(node);
                if (!target) continue;
                const derogation: Derogation = {
                    id: this.nextId('afwijking'), kind: node.soort, by: this.documentOf(node), where: this.where(node),
                    scope: this.elementId(node.$container), target
                };
                this.locations.set(derogation.id, node);
                this.input.derogations.push(derogation);
            } else if (isVerwerping(node)) {
                const side = sideOf(node.partij.ref);
                if (!side) continue;
                const rejection: Rejection = { id: this.nextId('verwerping'), by: this.documentOf(node), where: this.where(node), side, party: node.partij.$refText };
                this.locations.set(rejection.id, node);
                this.input.rejections.push(rejection);
            } else if (isTermijn(node) || isTarief(node) || isBoete(node) || isAansprakelijkheid(node) || isLooptijd(node)) {
                const provision = this.provision(node, rootDocId);
                this.ids.set(node, provision.id);
                this.locations.set(provision.id, node, isLooptijd(node) ? { keyword: 'looptijd' } : { property: 'name' });
                this.input.provisions.push(provision);
            }
        }
    }

    protected memberRef(schakel: Schakel | undefined): MemberRef {
        if (!schakel) return { kind: 'document', id: '?' };   // a half-typed `tenzij … afwijkt van` or `voorrang`
        if (schakel.deze) return { kind: 'deze' };
        if (schakel.addenda) return { kind: 'addenda' };
        if (schakel.bijlagen) return { kind: 'bijlagen' };
        const target = schakel.doel?.ref;
        return { kind: 'document', id: (target && this.idOfRangeerbaar(target)) ?? `?${schakel.doel?.$refText ?? ''}` };
    }

    protected derogationTarget(node: Afwijking): Derogation['target'] | undefined {
        const element = node.bepaling?.ref;
        if (element) {
            const holder = isOnderdeel(element) ? AstUtils.getContainerOfType(element, isLid) : element;
            if (!holder) return undefined;
            const root = AstUtils.findRootNode(element) as Document;
            return {
                document: this.documentOf(holder),
                element: this.elementId(holder),
                label: documentStructure(root).info(element)?.citation
            };
        }
        const target = node.document?.ref;
        const document = target ? this.idOfRangeerbaar(target) : undefined;
        if (!document) return undefined;
        if (!node.artikel) return { document };
        const label = `artikel ${node.artikel}`;
        const root = this.rootOfId.get(document);
        const info = root ? documentStructure(root).byCitation(label) : undefined;
        const artikel = info && (isArtikel(info.node) || isLid(info.node)) ? info.node : undefined;
        // An artikel of a document outside the set, or one that does not exist, matches no provision.
        return { document, element: artikel ? this.elementId(artikel) : `?${document}:${label}`, label };
    }

    protected provision(node: Termijn | Tarief | Boete | Aansprakelijkheid | Looptijd, rootDocId: string): Provision {
        const base = { id: this.nextId('bepaling'), document: this.documentOf(node), elements: this.elementsOf(node), where: this.where(node) };
        if (isTermijn(node)) return { ...base, kind: 'termijn', name: node.name, ...termijnValue(node) };
        if (isTarief(node)) return { ...base, kind: 'tarief', name: node.name, ...amountValue(node) };
        if (isBoete(node)) return { ...base, kind: 'boete', name: node.name, ...amountValue(node) };
        if (isAansprakelijkheid(node)) return { ...base, kind: 'aansprakelijkheid', name: node.name, ...amountValue(node) };
        // A looptijd has no name: it is that of its document, or of the document an addendum amends.
        const amended = this.docs.get(rootDocId)?.amends?.[0];
        return { ...base, kind: 'looptijd', name: amended ?? rootDocId, ...looptijdValue(node) };
    }
}

function labelOfPart(node: Bijlage | DocumentVerwijzing): string {
    return isBijlage(node) ? `bijlage ${node.name}` : `${node.soort} ${node.name}`;
}

/** Amount, unit, direction and event: `3 werkdag na Dagtekening(Dienstverleningsopdracht)`; or a quality or recurrence. */
export function termijnValue(node: Termijn): { value: string; display: string } {
    const build = (normalise: boolean) => {
        const parts: string[] = [];
        if (node.kwalitatief) parts.push(node.kwalitatief);
        if (node.maat) parts.push(maatText(node.maat, normalise));
        const h = node.herhaling;
        if (h) parts.push(h.maand ? `jaarlijks op ${h.dag} ${h.maand}` : `elke ${h.aantal ? `${h.aantal} ` : ''}${normalise ? normaliseUnit(h.eenheid ?? '') : h.eenheid}`);
        return parts.join(', ');
    };
    return { value: build(true), display: build(false) };
}

function maatText(maat: TermijnMaat, normalise: boolean): string {
    // `binnen` and `uiterlijk` give the same last day; the bound is shown, not compared.
    const bound = !normalise && maat.grens ? `${maat.grens} ` : '';
    const t = maat.trigger;
    const trigger = !t ? '' : t.gebeurtenis ? `${t.gebeurtenis.$refText}${t.onderwerp ? `(${t.onderwerp.$refText})` : ''}`
        : t.looptijdGrens ? `${t.looptijdGrens} looptijd` : `afloop ${t.vorige?.$refText ?? ''}`;
    const start = maat.start ? ` ingaande eerste dag volgende ${maat.start.eenheid}` : '';
    const unit = normalise ? normaliseUnit(maat.duur.eenheid) : maat.duur.eenheid;
    return `${bound}${maat.duur.aantal} ${unit}${maat.richting ? ` ${maat.richting} ${trigger}` : ''}${start}`;
}

/** Amount and unit: `35,48 per uur`. */
export function amountValue(node: Tarief | Boete | Aansprakelijkheid): { value: string; display: string } {
    return {
        value: `${normaliseAmount(node.bedrag ?? '')} per ${normaliseUnit(node.eenheid)}`,   // no bedrag while it is being typed
        display: `${node.bedrag} per ${node.eenheid}`
    };
}

export function looptijdValue(node: Looptijd): { value: string; display: string } {
    const parts: string[] = [];
    // A duration the parser could not read is missing from the node (`verlenging stilzwijgend` alone).
    const duur = (d: { aantal: string; eenheid: string } | undefined, normalise: boolean) => d ? `${d.aantal} ${normalise ? normaliseUnit(d.eenheid) : d.eenheid}` : '';
    const build = (normalise: boolean) => {
        parts.length = 0;
        if (node.ingang) parts.push(`ingang ${node.ingang}`);
        if (node.einde) parts.push(`einde ${node.einde}`);
        if (node.onbepaald) parts.push('onbepaalde tijd');
        if (node.duur) parts.push(`duur ${duur(node.duur, normalise)}`);
        const v = node.verlenging;
        if (v) {
            parts.push(`verlenging ${v.wijze}${v.aantal ? ` ${v.aantal} x` : ''} ${duur(v.duur, normalise)}`
                + (v.opzegger ? `, tenzij ${v.opzegger.$refText} opzegt ${v.opzegtermijn ? duur(v.opzegtermijn, normalise) : ''} voor einde` : ''));
        }
        if (node.uiterste) parts.push(`uiterste einde ${node.uiterste}`);
        for (const o of node.opzeggingen) {
            parts.push(`opzegging${o.partij ? ` door ${o.partij.$refText}` : ''} opzegtermijn ${o.grens ? `${o.grens} ` : ''}${duur(o.termijn, normalise)}`
                + (o.start ? ` ingaande eerste dag volgende ${o.start.eenheid}` : '') + (!normalise && o.vorm ? ` vorm "${proseText(o.vorm)}"` : ''));
        }
        return parts.join(', ');
    };
    return { value: build(true), display: build(false) };
}

export interface ExtractedAnalysis {
    set: ExtractedSet;
    analysis: RangordeAnalysis;
    /** The document the set is seen from. */
    top: LangiumDocument;
}

/**
 * What extraction reads from one parse of a document, as text: its contribution to the core's input when it is
 * extracted alone (ids from a counter that starts at 0, so equal for equal structure) plus what the extraction of
 * another document of a set may read from it through a reference (its parties' sides, its imports and loaded
 * parts). Two parses with the same fingerprint and the same structural nodes give a set the same input.
 */
const fingerprints = new WeakMap<Document, string>();

function fingerprintOf(doc: LangiumDocument, root: Document): string | undefined {
    let print = fingerprints.get(root);
    if (print === undefined) {
        if (doc.parseResult?.value !== root) return undefined;   // extraction reads the document's current parse
        // Half-typed input leaves properties out (a `rol` without its target): read each one as optional.
        const reads: string[] = root.imports.map(i => `importeer ${i.pad ? proseText(i.pad).trim() : ''}`);
        for (const node of structuralNodes(root)) {
            if (isPartij(node)) reads.push(`partij ${node.name} ${node.soort}`);
            else if (isRol(node)) reads.push(`rol ${node.name} ${node.doel?.$refText}`);
            else if (isGroep(node)) reads.push(`groep ${node.name} ${node.leden.map(l => l?.$refText).join(',')}`);
            else if ((isBijlage(node) || isDocumentVerwijzing(node)) && node.pad) reads.push(`uit ${node.name} ${proseText(node.pad).trim()}`);
        }
        print = JSON.stringify(new Extractor([doc]).run().input) + '\u0000' + reads.join('\u0000');
        fingerprints.set(root, print);
    }
    return print;
}

/**
 * Whether two parses have the same nodes outside prose, in the same order (a prose edit). Not cached: both lists
 * are (structural-nodes.ts), and comparing them is one pass. A cache keyed by the older parse and holding the newer
 * one chained every parse of a document to the next, and the first is kept by its set's extraction, so every parse
 * since stayed in memory (≈ 1 MB per keystroke, found by the server stress test).
 */
function sameShape(from: Document, to: Document): boolean {
    const before = structuralNodes(from);
    const after = structuralNodes(to);
    return before.length === after.length && before.every((n, i) => n.$type === after[i].$type);
}

/** A hub edit asks for the documents of 200 sets: parse each URI once. */
const parsedUris = new Map<string, URI>();

function parsedUri(uri: string): URI {
    let parsed = parsedUris.get(uri);
    if (!parsed) parsedUris.set(uri, parsed = URI.parse(uri));
    return parsed;
}

/** A set's analysis and the parse results (roots) it was computed from, in the order of the set's URIs. */
interface CachedSet {
    uris: readonly string[];
    roots: ReadonlyArray<unknown>;
    value: ExtractedAnalysis;
    /** The set as extracted, from parses that `moved` maps to those of `roots` (empty when they are the same). */
    extracted: ExtractedSet;
    moved: ReadonlyMap<Document, Document>;
}

/**
 * Analyses per point of view. A set's analysis depends only on the parse results of its documents and on how
 * their references resolve, and references resolve only inside the set (contractspraak-scope.ts): so it stays
 * valid while every document of the set keeps its root. An edit re-analyses only the sets that contain the
 * edited document, not the 199 other sets that contain the hub (RESULTS.md, problem 1).
 */
export class RangordeAnalyzer {
    protected readonly services: ContractspraakServices;
    protected readonly sets = new Map<string, CachedSet>();
    /** Analyses of sets not yet linked throughout (a request during a build): kept until the next update only. */
    protected readonly unlinked: WorkspaceCache<string, CachedSet>;

    constructor(services: ContractspraakServices) {
        this.services = services;
        this.unlinked = new WorkspaceCache(services.shared);
        // Drop the sets of deleted documents, so a removed root is not kept alive. The set of a changed document
        // stays until it is asked for again: a prose edit keeps its analysis (rebase).
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            const gone = new Set(deleted.map(u => u.toString()));
            if (!gone.size) return;
            for (const u of gone) parsedUris.delete(u);
            for (const [key, entry] of this.sets) {
                if (entry.uris.some(u => gone.has(u))) this.sets.delete(key);
            }
        });
    }

    /** The set seen from `top`: itself and every document it sees. */
    analysisOf(top: LangiumDocument): ExtractedAnalysis {
        const documents = this.services.shared.workspace.LangiumDocuments;
        const uris = [top.uri.toString(), ...this.services.references.DocumentSets.visibleFrom(top)].sort();
        const docs = uris.map(uri => documents.getDocument(parsedUri(uri)));
        const roots = docs.map(d => d?.parseResult?.value);
        // Documents that see each other (a part and its whole, a ring of imports) share one set: analyse it once.
        const key = uris.join('\u0000');
        const present = docs.filter((d): d is LangiumDocument => d !== undefined);
        const linked = present.every(d => d.state >= DocumentState.Linked);
        const cache = linked ? this.sets : this.unlinked;
        let entry = cache.get(key);
        if (!entry || entry.roots.some((r, i) => r !== roots[i])) {
            const rebased = entry && linked ? this.rebase(entry, docs, roots) : undefined;
            if (rebased) entry = rebased;
            else {
                const set = extractSet(present);
                entry = { uris, roots, value: { set, analysis: analyseRangorde(set.input), top }, extracted: set, moved: new Map() };
                if (linked) docs.forEach((d, i) => { if (d && isDocument(roots[i]) && (roots[i] as Document).name) fingerprintOf(d, roots[i] as Document); });
            }
            // Before linking, references read as unresolved: such an analysis is not kept past this update.
            cache.set(key, entry);
        }
        const shared = entry.value;
        return shared.top === top ? shared : { ...shared, top };
    }

    /**
     * The set as it was before some of its documents were parsed again, at the nodes of the new parses, when each
     * new parse has the fingerprint and the structure of the old one (a prose edit of the hub): the input and its
     * analysis are kept, only the nodes behind the ids move. Undefined when anything extraction reads changed.
     */
    protected rebase(entry: CachedSet, docs: ReadonlyArray<LangiumDocument | undefined>, roots: ReadonlyArray<unknown>): CachedSet | undefined {
        const moved = new Map(entry.moved);
        for (let i = 0; i < roots.length; i++) {
            const before = entry.roots[i];
            const after = roots[i];
            if (before === after) continue;
            const doc = docs[i];
            if (!doc || !isDocument(before) || !isDocument(after) || !before.name || !after.name) return undefined;
            const old = fingerprints.get(before);
            if (old === undefined || old !== fingerprintOf(doc, after) || !sameShape(before, after)) return undefined;
            // The parse the set was extracted from: `before` itself, or the one `before` had replaced.
            const origin = [...entry.moved].find(([, to]) => to === before)?.[0] ?? before;
            moved.set(origin, after);
        }
        const { analysis, top } = entry.value;
        const { input, locations, ids } = entry.extracted;
        const set: ExtractedSet = { input, locations: locations.rebased(moved), ids: new MovedIds(ids, moved) };
        return { uris: entry.uris, roots, value: { set, analysis, top }, extracted: entry.extracted, moved };
    }

    /** Every point of view that includes `document`: its own first, then each document that sees it. */
    analysesFor(document: LangiumDocument): ExtractedAnalysis[] {
        const uri = document.uri.toString();
        const sets = this.services.references.DocumentSets;
        const documents = this.services.shared.workspace.LangiumDocuments;
        const viewers = [...sets.viewersOf(uri)].sort((a, b) => a.localeCompare(b))
            .map(v => documents.getDocument(parsedUri(v)))
            .filter((d): d is LangiumDocument => d !== undefined);
        const analyses = [document, ...viewers].map(d => this.analysisOf(d));
        return analyses.filter((a, i) => analyses.findIndex(b => b.analysis === a.analysis) === i);
    }
}

const analyzers = new WeakMap<ContractspraakServices, RangordeAnalyzer>();

/** One analyzer per language instance, shared by the checks, the code lens and the CLI. */
export function rangordeAnalyzer(services: ContractspraakServices): RangordeAnalyzer {
    let analyzer = analyzers.get(services);
    if (!analyzer) analyzers.set(services, analyzer = new RangordeAnalyzer(services));
    return analyzer;
}
