/**
 * Everything before the first artikel: the title and kind of the document, metadata (versie, status, datum),
 * the table of contents, the parties with their comparitie and the names they are given ("hierna: Gemeente"),
 * and the overwegingen. Lines that fit none of these stay as unnumbered text, in order.
 */
import type { Label } from './lines.js';
import { isOverwegingenEnd, isOverwegingenStart, isPartiesStart, readLabel, romanValue } from './lines.js';
import type { CleanLine } from './markup.js';
import type {
    CommentNode, GroepNode, ListStyle, Member, Meta, OverwegingenNode, PartijenNode, PartijNode, TekstNode
} from './model.js';
import { parseDutchDate } from './dates.js';
import { SourceText } from './source.js';
import type { Toc } from './toc.js';

export interface Front {
    soort: string;
    title: SourceText;
    meta: Meta;
    members: Member[];
}

const SOORTEN: Array<[RegExp, string]> = [
    [/ontwikkelovereenkomst/i, 'ontwikkelovereenkomst'], [/samenwerkingsovereenkomst/i, 'samenwerkingsovereenkomst'],
    [/basisovereenkomst/i, 'basisovereenkomst'], [/raamovereenkomst/i, 'raamovereenkomst'],
    [/deelovereenkomst/i, 'deelovereenkomst'], [/resultaatovereenkomst/i, 'resultaatovereenkomst'],
    [/dienstverleningsovereenkomst/i, 'dienstverleningsovereenkomst'], [/verwerkersovereenkomst/i, 'verwerkersovereenkomst'],
    [/\baddendum\b/i, 'addendum'], [/\bprotocol\b/i, 'protocol'], [/voorwaarden/i, 'voorwaarden']
];

export function documentSoort(title: string): string {
    return SOORTEN.find(([re]) => re.test(title))?.[1] ?? 'overeenkomst';
}

const REPRESENTATION = /gevestigd|vertegenwoordigd|rechtspersoon|krachtens|kantoorhoudend/i;

export function parseFront(lines: readonly CleanLine[], toc: Toc | undefined): Front {
    const members: Member[] = [];
    const meta: Meta = {};
    let i = 0;
    while (i < lines.length && lines[i].text.length === 0) i++;
    const titleLines: SourceText[] = [];
    if (i < lines.length) {
        titleLines.push(lines[i].text);
        const kindOnly = /^[\p{L}-]*(?:overeenkomst|addendum|protocol)$/iu.test(lines[i].text.text.trim());
        i++;
        if (kindOnly) {
            while (i < lines.length && lines[i].text.length === 0) i++;
            if (i < lines.length && !isPartiesStart(lines[i].text)) titleLines.push(lines[i++].text);
        }
    }
    const title = titleLines.length ? concatTitle(titleLines) : lines[0]?.text;
    let state: 'cover' | 'parties' | 'overwegingen' | 'after' = 'cover';
    let parties: PartijenNode | undefined;
    let pending: SourceText[] = [];
    let overwegingen: OverwegingenNode | undefined;

    const closeParties = () => {
        if (parties) {
            parties.slot.push(...pending);
            pending = [];
            finishParties(parties, lines.map(l => l.text.text));
        }
    };

    for (; i < lines.length; i++) {
        const line = lines[i];
        const t = line.text;
        if (t.length === 0) continue;
        if (toc && i === toc.start) {
            const comment: CommentNode = {
                kind: 'comment',
                lines: [`Inhoudsopgave van de bron (regels ${toc.start + 1}–${toc.end}), niet als tekst overgenomen: de taal berekent de inhoudsopgave.`,
                    ...toc.lines.map(l => `| ${l}`)]
            };
            if (state === 'parties') closeParties(), state = 'after';
            members.push(comment);
            i = toc.end - 1;
            continue;
        }
        if (state !== 'overwegingen' && readMeta(t.text, meta)) {
            members.push({ kind: 'comment', lines: [`| ${t.text}`] });
            continue;
        }
        if (isOverwegingenStart(t)) {
            if (state === 'parties') closeParties();
            overwegingen = { kind: 'overwegingen', intro: [t], style: 'letters', items: [], slot: [], line: line.line };
            members.push(overwegingen);
            state = 'overwegingen';
            continue;
        }
        if (isOverwegingenEnd(t)) {
            if (state === 'parties') closeParties();
            if (overwegingen && overwegingen.slot.length === 0) overwegingen.slot.push(t);
            else members.push(tekst(t));
            state = 'after';
            continue;
        }
        if (state === 'cover' && isPartiesStart(t)) {
            parties = { kind: 'partijen', intro: [t], parties: [], groups: [], slot: [], line: line.line };
            members.push(parties);
            state = 'parties';
            continue;
        }
        const party = readParty(line);
        if (party && (state === 'cover' || state === 'parties')) {
            if (!parties) {
                parties = { kind: 'partijen', intro: [], parties: [], groups: [], slot: [], line: line.line };
                members.push(parties);
            }
            const previous = parties.parties[parties.parties.length - 1];
            if (previous) previous.description.push(...pending);
            else parties.intro.push(...pending);
            pending = [];
            parties.parties.push(party);
            state = 'parties';
            continue;
        }
        if (state === 'parties') {
            pending.push(t);
            continue;
        }
        if (state === 'overwegingen' && overwegingen) {
            addOverweging(overwegingen, line);
            continue;
        }
        members.push(tekst(t));
    }
    if (state === 'parties') closeParties();
    return { soort: documentSoort(title?.text ?? ''), title: title!, meta, members };
}

function concatTitle(parts: SourceText[]): SourceText {
    return SourceText.concat(parts, ' ');
}

function tekst(t: SourceText): TekstNode {
    return { kind: 'tekst', paras: [t] };
}

/** Metadata lines: "Versienummer: 1.1", "Datum: 31 december 2018", "Status: definitief", "CONCEPT versie". */
function readMeta(text: string, meta: Meta): boolean {
    let m: RegExpExecArray | null;
    if ((m = /^versie(?:nummer)?[ \t]*:[ \t]*(\S.*)$/i.exec(text))) {
        meta.versie = m[1].trim();
        return true;
    }
    if ((m = /^datum[ \t]*:[ \t]*(\S.*)$/i.exec(text))) {
        const date = parseDutchDate(m[1]);
        if (date) meta.vastgesteld = date.iso;
        return true;
    }
    if ((m = /^status[ \t]*:[ \t]*(concept|definitief)\b/i.exec(text))) {
        meta.status = m[1].toLowerCase() as 'concept' | 'definitief';
        return true;
    }
    if (/^aantal pagina'?s[ \t]*:/i.test(text)) return true;
    if (/^concept(?:[ \t]+versie)?$/i.test(text.trim())) {
        meta.status = 'concept';
        return true;
    }
    return false;
}

// ------------------------------------------------------------------ parties

function readParty(line: CleanLine): PartijNode | undefined {
    const t = line.text;
    const label = readLabel(t);
    const body = label && label.style !== 'compound' ? label.rest : t;
    const text = body.text;
    const gemeente = /^(?:de[ \t]+)?gemeenten?\b/i.test(text) && REPRESENTATION.test(text);
    const contractant = /^contractant\b/i.test(text) && REPRESENTATION.test(text);
    const provider = /^(?:de[ \t]+)?(?:dienstverleners?|aanbieders?)\b.*\bgenoemd[ \t]+(?:in|op)[ \t]+bijlage\b/i.test(text);
    if (!gemeente && !contractant && !provider) return undefined;
    const offset = body === t ? 0 : label!.restStart;
    const boldAtStart = line.bold.find(([a]) => a === offset);
    let titleEnd: number;
    if (boldAtStart && boldAtStart[1] - offset < 80 && !provider) titleEnd = boldAtStart[1] - offset;
    else if (provider) titleEnd = text.length;
    else {
        const comma = text.indexOf(',');
        titleEnd = comma > 0 && comma < 100 ? comma : text.length;
    }
    const title = body.slice(0, titleEnd).trim();
    let rest = body.slice(titleEnd);
    rest = rest.slice(rest.text.length - rest.text.replace(/^[ \t]*,?[ \t]*/, '').length).trim();
    const soort: PartijNode['soort'] = gemeente ? 'gemeente' : contractant ? 'contractant'
        : /aanbieder/i.test(text) ? 'aanbieder' : 'dienstverlener';
    return {
        kind: 'partij', soort, title, description: rest.length ? [rest] : [], line: line.line,
        label: label && label.style !== 'bullet' && label.style !== 'compound' ? label.text : undefined
    };
}

/** The collective names the comparitie gives ("hierna te noemen: Gemeente(n)", "Partijen"): groups of parties. */
function finishParties(p: PartijenNode, front: string[]): void {
    const texts = front;
    const aliases = new Set<string>();
    for (const text of texts) {
        if (!/hierna|te noemen|aan te duiden|noemt|genoemd/i.test(text)) continue;
        for (const m of text.matchAll(/["“”'‘’]([^"“”'‘’]{2,40})["“”'‘’]/g)) aliases.add(m[1].trim());
        for (const m of text.matchAll(/\b(Partijen|Partij|Gemeenten|Gemeente)\b/g)) aliases.add(m[1]);
    }
    const gemeenten = p.parties.filter(x => x.soort === 'gemeente');
    const gemeenteAlias = [...aliases].map(a => /^(?:de\s+)?(Gemeente)(\(n\)|n)?(?:\s.*)?$/i.exec(a)).find(m => m);
    if (gemeenten.length >= 2 && gemeenteAlias) {
        const plural = gemeenteAlias[2] === 'n';
        const group: GroepNode = {
            kind: 'groep', name: plural ? 'Gemeenten' : 'Gemeente', variants: [plural ? 'Gemeente' : 'Gemeenten'],
            members: [], of: 'gemeenten'
        };
        p.groups.push(group);
    }
    if ([...aliases].some(a => a === 'Partijen')) {
        p.groups.push({ kind: 'groep', name: 'Partijen', variants: aliases.has('Partij') ? ['Partij'] : [], members: [], of: 'alle' });
    }
}

// ------------------------------------------------------------------ overwegingen

function addOverweging(o: OverwegingenNode, line: CleanLine): void {
    const label = readLabel(line.text);
    const item = label && overwegingLabel(o, label);
    if (label && item) {
        o.items.push({ label, number: item.number, paras: [label.rest], line: line.line });
        return;
    }
    const current = o.items[o.items.length - 1];
    if (current) current.paras.push(line.text);
    else o.intro.push(line.text);
}

/** Whether a label starts the next overweging (A., I., a)) rather than a list inside one. */
function overwegingLabel(o: OverwegingenNode, label: Label): { number: number } | undefined {
    const first = o.items.length === 0;
    const previous = o.items[o.items.length - 1];
    if (first) {
        const style: ListStyle | undefined = label.style === 'upper' && label.text === 'I' || label.style === 'ROMAN' || label.style === 'roman' ? 'romeins'
            : label.style === 'upper' || label.style === 'letter' ? 'letters' : undefined;
        if (!style) return undefined;
        o.style = style;
        (o as OverwegingenNode & { upper?: boolean }).upper = label.style === 'upper' || label.style === 'ROMAN';
        return { number: style === 'romeins' ? romanValue(label.text) : label.numbers[0] };
    }
    const upper = (o as OverwegingenNode & { upper?: boolean }).upper;
    if (o.style === 'romeins') {
        if (!['ROMAN', 'upper', 'roman', 'letter'].includes(label.style) || !/^[ivxIVX]+$/.test(label.text)) return undefined;
        if ((label.text === label.text.toUpperCase()) !== upper) return undefined;
        const n = romanValue(label.text);
        return n > previous.number ? { number: n } : undefined;
    }
    if (label.style !== (upper ? 'upper' : 'letter') && !(label.style === 'ROMAN' && upper) && !(label.style === 'roman' && !upper)) return undefined;
    const n = label.text.length === 1 ? label.numbers[0] : -1;
    return n > previous.number ? { number: n } : undefined;
}
