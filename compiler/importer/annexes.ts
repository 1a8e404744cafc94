/**
 * The bijlagen after the body: where each starts, which are bijlagen of a bijlage ("Bijlage 2A",
 * "Verantwoordingsprotocol bijlage 1"), and what they contain (artikelen, sections, definitions, tables or
 * plain text). A heading that numbers backwards ("Bijlage 1" inside bijlage 9's own table of contents) is text.
 */
import { BodyParser } from './body.js';
import type { FindingCollector } from './findings.js';
import type { BijlageHeading } from './lines.js';
import { readArtikelHeading, readBijlageHeading, readLabel } from './lines.js';
import type { CleanLine } from './markup.js';
import type { BijlageNode } from './model.js';
import { SourceText } from './source.js';

/** Annexes longer than this (in source lines) get a file of their own. */
export const OWN_FILE_LINES = 120;

interface Heading {
    index: number;
    heading: BijlageHeading;
    nested: boolean;
}

export function parseAnnexes(lines: readonly CleanLine[], start: number, findings: FindingCollector, baseName: string): BijlageNode[] {
    const headings: Heading[] = [];
    let top: number | undefined;
    for (let i = start; i < lines.length; i++) {
        const h = readBijlageHeading(lines[i].text);
        if (!h) continue;
        const n = h.number ? parseInt(h.number, 10) : undefined;
        const lettered = !!h.number && /[A-Z]$/.test(h.number);
        if (headings.length === 0) {
            headings.push({ index: i, heading: h, nested: false });
            top = n ?? 1;
        } else if (h.prefix || lettered && n === top) {
            headings.push({ index: i, heading: h, nested: true });
        } else if (!lettered && n !== undefined && top !== undefined && n >= top) {
            headings.push({ index: i, heading: h, nested: false });
            top = n;
        }
    }
    const result: BijlageNode[] = [];
    let parent: BijlageNode | undefined;
    headings.forEach((h, k) => {
        const end = k + 1 < headings.length ? headings[k + 1].index : lines.length;
        // A bijlage's own text ends where its first nested bijlage starts.
        const bodyEnd = h.nested ? end : nextTopOrEnd(headings, k, lines.length);
        const ownEnd = Math.min(end, bodyEnd);
        const node = bijlage(lines, h, ownEnd, findings);
        node.endLine = lines[bodyEnd - 1]?.line ?? node.line;
        if (h.nested && parent) {
            parent.members.push(node);
        } else {
            parent = node;
            if (node.endLine - node.line > OWN_FILE_LINES) node.file = `${baseName}-bijlage-${(node.numberText ?? '1').toLowerCase()}.ovk`;
            result.push(node);
        }
    });
    return result;
}

function nextTopOrEnd(headings: Heading[], k: number, total: number): number {
    for (let j = k + 1; j < headings.length; j++) if (!headings[j].nested) return headings[j].index;
    return total;
}

function bijlage(lines: readonly CleanLine[], h: Heading, end: number, findings: FindingCollector): BijlageNode {
    const line = lines[h.index];
    const heading = h.heading;
    // A bijlage of a bijlage keeps its whole heading as title: its own number ("bijlage 1") is not the computed one (9A).
    const title = heading.prefix || h.nested && heading.number && !/[A-Z]$/.test(heading.number) ? line.text : heading.title;
    const body = lines.slice(h.index + 1, end);
    const numberText = heading.number ?? (h.nested ? undefined : '1');
    const number = numberText === undefined ? undefined
        : /[A-Z]$/.test(numberText) && h.nested ? numberText.charCodeAt(numberText.length - 1) - 64 : parseInt(numberText, 10);
    const options = {
        scope: 'bijlage' as const, findings,
        begrippen: /\b(?:definities|begrippen|begripsbepalingen)\b/i.test(heading.title.text),
        sectionHeadings: sectionHeadings(body)
    };
    const members = new BodyParser(options).feedAll(body);
    return {
        kind: 'bijlage', citeNumber: heading.number ?? numberText, numberText: h.nested && heading.prefix ? undefined : numberText, number: h.nested && heading.prefix ? undefined : number,
        title: title.length ? title : SourceText.empty(line.text.start), line: line.line,
        numberPosition: heading.number ? line.text.position(heading.numberStart) : line.text.start,
        members, ledenStyle: ledenStyle(body), endLine: line.line
    };
}

/** "1. Wijze van verstrekken …" followed by "1.1 …": numbered sections that act as artikelen (two or more, from 1). */
function sectionHeadings(body: readonly CleanLine[]): Set<number> {
    if (body.some(l => readArtikelHeading(l.text))) return new Set();
    const found: number[] = [];
    let expected = 1;
    for (let i = 0; i < body.length; i++) {
        const label = readLabel(body[i].text);
        if (!label || label.bullet || label.style !== 'number' || label.numbers[0] !== expected) continue;
        const rest = label.rest.text;
        if (rest.length > 100 || /[;:,]$/.test(rest)) continue;
        const firstItem = body.slice(i + 1).find(l => readLabel(l.text)?.style === 'compound');
        if (!firstItem || readLabel(firstItem.text)!.numbers.join('.') !== `${expected}.1`) continue;
        found.push(body[i].index);
        expected++;
    }
    return new Set(found.length >= 2 ? found : []);
}

/** "1.1"-style leden or "1."-style: whichever the lines use more. */
export function ledenStyle(lines: readonly CleanLine[]): 'samengesteld' | 'los' {
    let compound = 0;
    let plain = 0;
    for (const l of lines) {
        const label = readLabel(l.text);
        if (label?.style === 'compound' && label.numbers.length === 2) compound++;
        else if (label?.style === 'number' && label.closer !== ')') plain++;
    }
    return compound >= plain ? 'samengesteld' : 'los';
}
