/**
 * The source's numbering, kept faithfully: where the computed number (previous + 1) would differ from what
 * the source wrote, the element gets a pin (`nummer 14`), so the language reproduces the number and its
 * checks report the gap or duplicate. The importer reports the same defects as findings on the source.
 */
import type { FindingCollector } from './findings.js';
import { ImportCodes } from './findings.js';
import type {
    ArtikelNode, BegripNode, BijlageNode, HoofdstukNode, ImportedDocument, LidNode, ListNode, Member, OverwegingenNode,
    PartijenNode
} from './model.js';
import type { Position } from './source.js';

interface Numbered {
    /** The number the source gives, if any. */
    source?: number;
    at: Position;
    /** How the finding names the element with a given number: n → "lid 14.1", "lid 2 van artikel 21". */
    describe(n: number): string;
    /** The same within the sentence that already named the container: "lid 2". */
    short?(n: number): string;
}

/** Reports gaps and duplicates in one sequence; returns the pins each element needs. */
function sequence(items: Numbered[], findings: FindingCollector, container: string): Array<number | undefined> {
    const pins: Array<number | undefined> = [];
    let previous = 0;
    const seen = new Map<number, Position>();
    items.forEach((item, i) => {
        const computed = i === 0 ? 1 : previous + 1;
        const n = item.source ?? computed;
        const short = item.short ?? item.describe;
        pins.push(item.source !== undefined && item.source !== computed ? item.source : undefined);
        if (item.source !== undefined) {
            const earlier = seen.get(n);
            if (earlier) {
                findings.add(ImportCodes.NumberingDuplicate, 'warning',
                    `${capital(item.describe(n))} komt twee keer voor${container}: ook op regel ${earlier.line}.`, item.at);
            } else if (n > computed) {
                const missing = n - computed === 1 ? `${item.describe(computed)} ontbreekt`
                    : `${short(computed)} ${n - computed === 2 ? 'en' : 'tot en met'} ${item.describe(n - 1).replace(/^\S+ /, '')} ontbreken`;
                findings.add(ImportCodes.NumberingGap, 'warning', `${capital(missing)}${container}: na ${i === 0 ? 'het begin' : short(previous)} volgt ${short(n)}.`, item.at);
            } else if (n < computed) {
                findings.add(ImportCodes.NumberingDuplicate, 'warning',
                    `${capital(item.describe(n))} staat na ${short(previous)}: de nummering loopt terug${container}.`, item.at);
            }
            seen.set(n, item.at);
        }
        previous = n;
    });
    return pins;
}

function capital(s: string): string {
    return s[0].toUpperCase() + s.slice(1);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function listLabel(list: ListNode, n: number, prefix: string): string {
    switch (list.style) {
        case 'letters': return LETTERS[n - 1] ?? String(n);
        case 'romeins': return ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][n] ?? String(n);
        case 'graden': return `${n}°`;
        case 'decimaal': return `${prefix}.${n}`;
        default: return String(n);
    }
}

export function numberDocument(doc: ImportedDocument, findings: FindingCollector): void {
    numberBody(doc.members, findings, '', doc.ledenStyle);
    numberBijlagen(doc.members.filter((m): m is BijlageNode => m.kind === 'bijlage'), findings, undefined);
    for (const m of doc.members) {
        if (m.kind === 'overwegingen') numberOverwegingen(m, findings);
        if (m.kind === 'partijen') numberParties(m, findings);
    }
}

function numberBody(members: Member[], findings: FindingCollector, where: string, style: 'samengesteld' | 'los'): void {
    const artikelen: ArtikelNode[] = [];
    const hoofdstukken: HoofdstukNode[] = [];
    const begrippen: BegripNode[] = [];
    for (const m of members) {
        if (m.kind === 'artikel') artikelen.push(m);
        if (m.kind === 'hoofdstuk') {
            hoofdstukken.push(m);
            artikelen.push(...m.members.filter((x): x is ArtikelNode => x.kind === 'artikel'));
            begrippen.push(...m.members.filter((x): x is BegripNode => x.kind === 'begrip'));
        }
        if (m.kind === 'begrip') begrippen.push(m);
    }
    const pinnedHoofdstukken = hoofdstukken.filter(h => h.number !== undefined);
    if (pinnedHoofdstukken.length) {
        const items = hoofdstukken.map(h => ({ source: h.number, at: { line: h.line, column: 1 }, describe: (n: number) => `paragraaf ${n}`, h }));
        sequence(items, findings, where).forEach((pin, k) => items[k].h.pin = pin);
    }
    const items = artikelen.map(a => ({ source: a.number, at: a.numberPosition, describe: (n: number) => `artikel ${n}`, a }));
    sequence(items, findings, where).forEach((pin, k) => items[k].a.pin = pin);
    for (const a of artikelen) {
        numberLeden(a, findings, where, style);
        numberLoose(a, findings, where);
        begrippen.push(...a.content.filter((x): x is BegripNode => x.kind === 'begrip'));
    }
    numberBegrippen(begrippen, findings);
}

function numberLeden(a: ArtikelNode, findings: FindingCollector, where: string, style: 'samengesteld' | 'los'): void {
    const leden = a.content.filter((x): x is LidNode => x.kind === 'lid');
    const art = a.number ?? '?';
    const compound = (a.ledenStyle ?? style) === 'samengesteld';
    const items = leden.map(l => ({
        source: l.number, at: l.label?.at ?? { line: l.line, column: 1 },
        describe: (n: number) => compound ? `lid ${art}.${n}` : `lid ${n} van artikel ${art}`,
        short: (n: number) => compound ? `lid ${art}.${n}` : `lid ${n}`, l
    }));
    sequence(items, findings, where).forEach((pin, k) => items[k].l.pin = pin);
    for (const l of leden) {
        if (l.lijst) numberList(l.lijst, compound ? `${art}.${l.number}` : `${l.number}`, findings, ` in artikel ${art}${where}`);
    }
}

/** Lettered items without a lid (kept as text): each run should start at a and count on. */
function numberLoose(a: ArtikelNode, findings: FindingCollector, where: string): void {
    let run: ArtikelNode['looseLabels'] = [];
    const check = () => {
        if (run.length === 0) return;
        sequence(run.map(l => ({ source: l.numbers[0], at: l.at, describe: (n: number) => `onderdeel ${LETTERS[n - 1] ?? n}` })),
            findings, ` in artikel ${a.number ?? '?'}${where}`);
    };
    for (const l of a.looseLabels) {
        const previous = run[run.length - 1];
        if (previous && l.numbers[0] !== previous.numbers[0] + 1 && l.numbers[0] === 1) {
            check();
            run = [];
        }
        run.push(l);
    }
    check();
}

function numberList(list: ListNode, prefix: string, findings: FindingCollector, where: string): void {
    if (list.style !== 'streepjes') {
        const items = list.items.map(o => ({
            source: o.number, at: o.label.at,
            describe: (n: number) => `onderdeel ${listLabel(list, n, prefix)}`, o
        }));
        sequence(items, findings, where).forEach((pin, k) => items[k].o.pin = pin);
    }
    for (const o of list.items) if (o.lijst) numberList(o.lijst, `${prefix}.${o.number}`, findings, where);
}

function numberBijlagen(bijlagen: BijlageNode[], findings: FindingCollector, parent: BijlageNode | undefined): void {
    const items = bijlagen.map(b => ({
        source: b.number, at: b.numberPosition,
        describe: (n: number) => parent ? `bijlage ${parent.numberText ?? ''}${LETTERS[n - 1]?.toUpperCase() ?? n}` : `bijlage ${n}`, b
    }));
    // Nested bijlagen that keep their own numbering ("Verantwoordingsprotocol bijlage 1") are not pinned:
    // a nested label is computed as 9A, 9B.
    if (!parent || bijlagen.every(b => /[A-Z]$/.test(b.numberText ?? ''))) {
        sequence(items, findings, parent ? ` in bijlage ${parent.numberText}` : '').forEach((pin, k) => items[k].b.pin = pin);
    }
    for (const b of bijlagen) {
        numberBody(b.members, findings, ` van bijlage ${b.numberText ?? ''}`.trimEnd(), b.ledenStyle);
        numberBijlagen(b.members.filter((m): m is BijlageNode => m.kind === 'bijlage'), findings, b);
    }
}

function numberOverwegingen(o: OverwegingenNode, findings: FindingCollector): void {
    const label = (n: number) => o.style === 'romeins'
        ? ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'][n] ?? String(n)
        : (LETTERS[n - 1] ?? String(n)).toUpperCase();
    sequence(o.items.map(i => ({ source: i.number, at: i.label.at, describe: (n: number) => `overweging ${label(n)}` })),
        findings, '');
}

function numberParties(p: PartijenNode, findings: FindingCollector): void {
    const numbered = p.parties.filter(x => x.label && /^\d+$/.test(x.label));
    if (numbered.length < 2) return;
    sequence(numbered.map(x => ({ source: Number(x.label), at: { line: x.line, column: 1 }, describe: (n: number) => `partij ${n}` })),
        findings, ' in de opsomming van partijen');
}

/** "1) … 44) …": a number that is two numbers run together is tracked-change residue (4 deleted, 4 inserted). */
function numberBegrippen(begrippen: BegripNode[], findings: FindingCollector): void {
    let previous = 0;
    for (const b of begrippen) {
        if (!b.label || !/^\d+$/.test(b.label)) continue;
        const n = Number(b.label);
        const expected = previous + 1;
        if (n !== expected && b.label.length >= 2) {
            const split = [...Array(b.label.length - 1).keys()].map(k => [b.label!.slice(0, k + 1), b.label!.slice(k + 1)])
                .find(([, tail]) => Number(tail) === expected);
            if (split) {
                findings.add(ImportCodes.TrackedChange, 'warning',
                    `Nummer ${b.label}) van de begrippenlijst is een wijzigingsrest: oud nummer ${split[0]} en nieuw nummer ${split[1]} staan aaneen.`,
                    { line: b.line, column: 1 });
                previous = expected;
                continue;
            }
        }
        if (n > expected) {
            findings.add(ImportCodes.NumberingGap, 'warning', `Begrip ${expected} ontbreekt in de begrippenlijst: na ${previous} volgt ${n}.`, { line: b.line, column: 1 });
        } else if (n < expected) {
            findings.add(ImportCodes.NumberingDuplicate, 'warning', `Begrip ${n} staat na ${previous} in de begrippenlijst.`, { line: b.line, column: 1 });
        }
        previous = n;
    }
}
