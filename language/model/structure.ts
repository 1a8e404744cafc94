/**
 * The computed structure of a document: the number, label, citation and element id of every artikel, lid,
 * onderdeel, bijlage, hoofdstuk and overweging, derived from position and the pins a document keeps for
 * legacy numbering. Shared by checks, hover, rendering and rule JSON, so every consumer shows the same number.
 */
import type { AstNode } from 'langium';
import type { Artikel, Bijlage, Document, Hoofdstuk, Lid, Lijst, Onderdeel } from '../generated/ast.js';
import { isArtikel, isBijlage, isHoofdstuk, isNummering, isOverwegingen } from '../generated/ast.js';
import type { ListStyle, Numberable, NumberingIssue } from './numbering.js';
import { listLabel, numberingIssues, sequence, toLetters } from './numbering.js';

export type ElementKind = 'artikel' | 'lid' | 'onderdeel' | 'bijlage' | 'hoofdstuk' | 'overweging';

export interface ElementInfo {
    node: AstNode;
    kind: ElementKind;
    /** Position number in its sequence (1-based, pins respected). */
    number: number;
    /** The number as printed: "4", "4.3", "b", "6.3.1", "2", "II". */
    label: string;
    /** How the text cites it: "artikel 4", "artikel 4.3", "artikel 12.1, onderdeel a", "bijlage 2". */
    citation: string;
    /** Akoma Ntoso style element id: art_4__para_3. */
    eId: string;
}

export interface PinnedIssue {
    node: AstNode;
    kind: ElementKind;
    issue: NumberingIssue;
    /** The element the duplicate repeats. */
    other?: AstNode;
}

export interface DocumentStructure {
    info(node: AstNode): ElementInfo | undefined;
    all(): Iterable<ElementInfo>;
    /** Lookup by normalised citation: "artikel 4.3", "bijlage 2". */
    byCitation(citation: string): ElementInfo | undefined;
    pinnedIssues: PinnedIssue[];
    /** True when leden print as "4.3"; false when as "lid 3" of artikel 4. */
    compoundLeden: boolean;
}

const cache = new WeakMap<Document, DocumentStructure>();

export function documentStructure(root: Document): DocumentStructure {
    let s = cache.get(root);
    if (!s) cache.set(root, s = computeStructure(root));
    return s;
}

function pinOf(node: { nummer?: string | number }): Numberable {
    return { pin: node.nummer === undefined ? undefined : String(node.nummer) };
}

function computeStructure(root: Document): DocumentStructure {
    const infos = new Map<AstNode, ElementInfo>();
    const citations = new Map<string, ElementInfo>();
    const pinnedIssues: PinnedIssue[] = [];
    const compoundLeden = !root.meta.some(m => isNummering(m) && m.stijl === 'los');

    const add = (info: ElementInfo) => {
        infos.set(info.node, info);
        const key = normaliseCitation(info.citation);
        if (!citations.has(key)) citations.set(key, info);
    };
    const numberSequence = <T extends AstNode & { nummer?: string | number }>(nodes: T[], kind: ElementKind): number[] => {
        const pins = nodes.map(pinOf);
        for (const issue of numberingIssues(pins)) {
            pinnedIssues.push({
                node: nodes[issue.index], kind, issue,
                other: issue.kind === 'duplicate' ? nodes[issue.firstIndex] : undefined
            });
        }
        return sequence(pins);
    };

    const numberOnderdelen = (lijst: Lijst | undefined, parent: ElementInfo, lidCitation: string) => {
        if (!lijst) return;
        const style = (lijst.stijl ?? 'letters') as ListStyle;
        const numbers = numberSequence(lijst.onderdelen, 'onderdeel');
        lijst.onderdelen.forEach((o: Onderdeel, i) => {
            const label = listLabel(numbers[i], style, parent.label);
            const citation = style === 'decimaal' ? `artikel ${label}` : `${lidCitation}, onderdeel ${label}`;
            const info: ElementInfo = {
                node: o, kind: 'onderdeel', number: numbers[i], label, citation,
                eId: `${parent.eId}__point_${style === 'streepjes' ? numbers[i] : label.replace(/[^\w]/g, '_')}`
            };
            add(info);
            numberOnderdelen(o.lijst, info, citation);
        });
    };

    const numberArtikelen = (artikelen: Artikel[], prefix: string, suffix: string) => {
        const numbers = numberSequence(artikelen, 'artikel');
        artikelen.forEach((a, i) => {
            const artInfo: ElementInfo = {
                node: a, kind: 'artikel', number: numbers[i], label: String(numbers[i]),
                citation: `artikel ${numbers[i]}${suffix}`, eId: `${prefix}art_${numbers[i]}`
            };
            add(artInfo);
            const leden = a.inhoud.filter((x): x is Lid => x.$type === 'Lid');
            const lidNumbers = numberSequence(leden, 'lid');
            leden.forEach((l, j) => {
                const n = lidNumbers[j];
                const label = compoundLeden ? `${numbers[i]}.${n}` : String(n);
                const citation = compoundLeden ? `artikel ${numbers[i]}.${n}${suffix}` : `artikel ${numbers[i]} lid ${n}${suffix}`;
                const lidInfo: ElementInfo = { node: l, kind: 'lid', number: n, label, citation, eId: `${artInfo.eId}__para_${n}` };
                add(lidInfo);
                numberOnderdelen(l.lijst, lidInfo, citation);
            });
        });
    };

    const numberBody = (members: AstNode[], prefix: string, suffix: string) => {
        const hoofdstukken = members.filter(isHoofdstuk) as Hoofdstuk[];
        const hNumbers = numberSequence(hoofdstukken, 'hoofdstuk');
        hoofdstukken.forEach((h, i) => add({
            node: h, kind: 'hoofdstuk', number: hNumbers[i], label: String(hNumbers[i]),
            citation: `hoofdstuk ${hNumbers[i]}${suffix}`, eId: `${prefix}chp_${hNumbers[i]}`
        }));
        const artikelen: Artikel[] = [];
        for (const m of members) {
            if (isArtikel(m)) artikelen.push(m);
            else if (isHoofdstuk(m)) artikelen.push(...m.leden.filter(isArtikel));
        }
        numberArtikelen(artikelen, prefix, suffix);
    };

    const numberBijlagen = (bijlagen: Bijlage[], parent?: ElementInfo) => {
        const numbers = numberSequence(bijlagen, 'bijlage');
        bijlagen.forEach((b, i) => {
            const label = parent ? `${parent.label}${toLetters(numbers[i]).toUpperCase()}` : String(numbers[i]);
            const info: ElementInfo = {
                node: b, kind: 'bijlage', number: numbers[i], label, citation: `bijlage ${label}`, eId: `annex_${label}`
            };
            add(info);
            numberBody(b.leden, `${info.eId}__`, ` van bijlage ${label}`);
            numberBijlagen(b.leden.filter(isBijlage), info);
        });
    };

    numberBody(root.leden, '', '');
    numberBijlagen(root.leden.filter(isBijlage));
    for (const ow of root.leden.filter(isOverwegingen)) {
        const style = (ow.stijl ?? 'romeins') as ListStyle;
        const numbers = sequence(ow.leden.map(() => ({})));
        ow.leden.forEach((o, i) => {
            const label = listLabel(numbers[i], style);
            add({ node: o, kind: 'overweging', number: numbers[i], label, citation: `overweging ${label}`, eId: `recital_${label}` });
        });
    }

    return {
        info: node => infos.get(node),
        all: () => infos.values(),
        byCitation: c => citations.get(normaliseCitation(c)),
        pinnedIssues,
        compoundLeden
    };
}

/** "Artikel  4.3" → "artikel 4.3"; "annex 2" → "bijlage 2". */
export function normaliseCitation(citation: string): string {
    return citation.toLowerCase().replace(/\s+/g, ' ').replace(/^annex\b/, 'bijlage').trim();
}
