/**
 * `contractspraak import`: an agreement in plain text or Markdown in, a Contractspraak document set and
 * findings about the source out. The stages, each in its own file:
 *
 *   markup    strip Markdown and Word residue, keep positions          (markup.ts)
 *   toc       find the table of contents                               (toc.ts)
 *   front     title, metadata, parties, overwegingen                   (front.ts)
 *   body      artikelen, leden, onderdelen, tables, signature          (body.ts)
 *   annexes   bijlagen and their bijlagen                              (annexes.ts)
 *   numbering pins for the source's numbers, gaps and duplicates       (numbering.ts)
 *   names     symbolic names and the reference index                   (naming.ts, symbols.ts)
 *   emit      Contractspraak text with references by name              (emit.ts, references.ts)
 *   findings  residue, dates, terms, table of contents                 (residue.ts, dates.ts, terms.ts, toc.ts)
 */
import { parseAnnexes, ledenStyle } from './annexes.js';
import { BodyParser, clip } from './body.js';
import { dateFindings, parseDutchDate } from './dates.js';
import { Emitter } from './emit.js';
import type { ImportFinding } from './findings.js';
import { FindingCollector, ImportCodes } from './findings.js';
import { parseFront } from './front.js';
import { isFormField, isSignatureStart, readArtikelHeading, readBijlageHeading, readFootnote, superscriptValue } from './lines.js';
import type { CleanLine } from './markup.js';
import { cleanLines } from './markup.js';
import type { ArtikelNode, BegripNode, BijlageNode, ImportedDocument, LidNode, Member } from './model.js';
import { numberDocument } from './numbering.js';
import { ReferenceResolver } from './references.js';
import { residueFindings } from './residue.js';
import type { Actor } from './signature.js';
import { structureSignature } from './signature.js';
import { SourceText } from './source.js';
import { buildIndex, nameDocuments } from './symbols.js';
import type { DefinedTerm } from './terms.js';
import { termFindings } from './terms.js';
import type { Toc } from './toc.js';
import { compareToc, readToc } from './toc.js';

export interface ImportedFile {
    /** File name relative to the output folder. */
    name: string;
    content: string;
}

export interface ImportResult {
    files: ImportedFile[];
    findings: ImportFinding[];
    document: ImportedDocument;
}

export interface ImportOptions {
    /** Name of the input file, for the header comment. */
    sourceName: string;
    /** Base of the output file names: `<base>.ovk`, `<base>-bijlage-<n>.ovk`. */
    baseName: string;
}

export function importAgreement(content: string, options: ImportOptions): ImportResult {
    const lines = cleanLines(content.replace(/^\uFEFF/, ''));
    const findings = new FindingCollector();

    const toc = findToc(lines);
    const inToc = (i: number) => !!toc && i >= toc.start && i < toc.end;
    let bodyStart = lines.findIndex((l, i) => !inToc(i) && readArtikelHeading(l.text));
    if (bodyStart < 0) bodyStart = lines.length;
    const { signatureStarts, annexStart } = findSignatureAndAnnexes(lines, bodyStart);

    const front = parseFront(lines.slice(0, bodyStart), toc && toc.start < bodyStart ? toc : undefined);
    const body = new BodyParser({ scope: 'document', findings, signatureStarts }).feedAll(lines.slice(bodyStart, annexStart));
    const annexes = parseAnnexes(lines, annexStart, findings, options.baseName);
    const doc: ImportedDocument = {
        soort: front.soort, title: front.title ?? SourceText.of('Overeenkomst', 1), meta: front.meta,
        ledenStyle: ledenStyle(lines.slice(bodyStart, annexStart)),
        members: [...front.members, ...body, ...annexes], toc: toc?.entries ?? []
    };
    if (toc && toc.start < bodyStart) addTocOnlyAnnexes(doc, toc, annexes);
    readSignatureMeta(doc);

    numberDocument(doc, findings);
    if (toc && toc.start < bodyStart) compareToc(toc, mainArtikelen(doc.members), topBijlagen(doc.members), findings);
    residueFindings(lines, i => inToc(i), findings);
    annexFindings(doc.members, findings);
    footnoteFindings(lines, findings);

    const documents = nameDocuments(doc, options.baseName, lines.map(l => l.text.text).join('\n'));
    const actors: Actor[] = doc.members.flatMap(m => m.kind === 'partijen'
        ? [...m.parties.map(p => ({ name: p.name!, title: p.title.text })), ...m.groups.map(g => ({ name: g.name }))] : []);
    for (const m of doc.members) if (m.kind === 'ondertekening') structureSignature(m, actors);
    const index = buildIndex(documents);
    const links = new Map(lines.filter(l => l.links.length).map(l => [l.line, l.links]));
    const emitter = new Emitter(index, new ReferenceResolver({ findings, links }));
    const files = documents.map(d => ({ name: d.file, content: emitter.emit(d, options.sourceName) }));

    dateFindings(emitter.texts, findings);
    const defined = definedTerms(doc.members);
    const exclude = new Set<string>();
    for (const m of doc.members) {
        if (m.kind !== 'partijen') continue;
        for (const p of m.parties) {
            for (const t of [p.title, ...p.description]) for (const w of t.text.match(/\p{Lu}\p{Ll}+/gu) ?? []) exclude.add(w);
        }
        for (const g of m.groups) [g.name, ...g.variants].forEach(n => exclude.add(n));
        for (const p of m.parties) if (p.name) exclude.add(p.name);
    }
    for (const w of doc.title.text.match(/\p{Lu}\p{Ll}+/gu) ?? []) exclude.add(w);
    // The comparitie, the title and the signature name people and places, not terms.
    const prose = emitter.texts.filter(t => !['partijen', 'ondertekening', 'titel'].includes(t.role)).map(t => t.text);
    termFindings(defined, prose, exclude, findings);
    return { files, findings: findings.all(), document: doc };
}

function findToc(lines: readonly CleanLine[]): Toc | undefined {
    const firstArtikel = lines.findIndex(l => readArtikelHeading(l.text));
    for (let i = 0; i < lines.length; i++) {
        const toc = readToc(lines, i);
        if (toc) return firstArtikel < 0 || i < firstArtikel || toc.entries.some(e => e.kind === 'artikel') ? toc : undefined;
    }
    return undefined;
}

/**
 * Where the signature block starts (when no opening phrase announces it: a run of short lines with empty form
 * fields before the first bijlage) and where the bijlagen start (the first bijlage heading after it).
 */
function findSignatureAndAnnexes(lines: readonly CleanLine[], bodyStart: number): { signatureStarts: Set<number>; annexStart: number } {
    const signatureStarts = new Set<number>();
    const headings: number[] = [];
    for (let i = bodyStart; i < lines.length; i++) {
        const h = readBijlageHeading(lines[i].text);
        if (h && !h.prefix) headings.push(i);
    }
    let signature = lines.findIndex((l, i) => i >= bodyStart && isSignatureStart(l.text));
    if (signature < 0 && headings.length) {
        let i = headings[0] - 1;
        let start = -1;
        let fields = 0;
        let count = 0;
        for (; i > bodyStart; i--) {
            const t = lines[i].text;
            if (t.length === 0) continue;
            if (t.length > 60 || readArtikelHeading(t)) break;
            if (isFormField(t)) fields++;
            count++;
            start = i;
        }
        if (start > 0 && fields > 0 && count >= 3) {
            signature = start;
            signatureStarts.add(start);
        }
    }
    const after = signature >= 0 ? signature : bodyStart;
    const annexStart = headings.find(h => h > after) ?? lines.length;
    return { signatureStarts, annexStart };
}

/** Bijlagen the table of contents lists but the source has no body for: declared so references resolve. */
function addTocOnlyAnnexes(doc: ImportedDocument, toc: Toc, annexes: BijlageNode[]): void {
    const present = new Set(annexes.map(a => a.numberText));
    const missing = toc.entries.filter(e => e.kind === 'bijlage' && !/[A-Z]$/.test(e.number ?? '') && !present.has(e.number));
    if (missing.length === 0) return;
    const nodes: BijlageNode[] = missing.map(e => ({
        kind: 'bijlage', numberText: e.number, citeNumber: e.number, number: Number(e.number),
        title: SourceText.of(e.title, e.line, e.column), line: e.line, numberPosition: { line: e.line, column: e.column },
        members: [], fromToc: true, ledenStyle: 'samengesteld', endLine: e.line
    }));
    if (annexes.length) {
        doc.members.push(...nodes);
    } else {
        // No bijlage has a body: declare them where the table of contents stands, before the artikelen.
        const at = doc.members.findIndex(m => m.kind === 'comment' && m.lines[0]?.startsWith('Inhoudsopgave van de bron'));
        doc.members.splice(at + 1, 0, ...nodes);
    }
}

/** "ALDUS getekend op 10 oktober 2017", "vastgesteld op 10 november 2015", "… aangehaald als X." */
function readSignatureMeta(doc: ImportedDocument): void {
    const visit = (members: Member[]) => {
        for (const m of members) {
            if (m.kind === 'ondertekening') {
                for (const p of m.paras) {
                    const signed = /\b(?:getekend|ondertekend)\s+op\s+(.+)$/i.exec(p.text);
                    const d = signed && parseDutchDate(signed[1]);
                    if (d && !doc.meta.ondertekend) doc.meta.ondertekend = d.iso;
                    const fixed = /\bvastgesteld\s+op\s+(.+)$/i.exec(p.text);
                    const f = fixed && parseDutchDate(fixed[1]);
                    if (f && !doc.meta.vastgesteld) doc.meta.vastgesteld = f.iso;
                }
            }
            if (m.kind === 'artikel') {
                for (const c of m.content) {
                    const text = c.kind === 'lid' ? c.paras.map(p => p.text).join(' ') : c.kind === 'tekst' ? c.paras.map(p => p.text).join(' ') : '';
                    const cite = /\bkan worden aangehaald als\s+(.+?)\.?$/i.exec(text);
                    if (cite && !doc.meta.citeertitel) doc.meta.citeertitel = cite[1];
                }
            }
            if (m.kind === 'hoofdstuk') visit(m.members as Member[]);
        }
    };
    visit(doc.members);
}

function mainArtikelen(members: Member[]): ArtikelNode[] {
    return members.flatMap(m => m.kind === 'artikel' ? [m] : m.kind === 'hoofdstuk' ? m.members.filter((x): x is ArtikelNode => x.kind === 'artikel') : []);
}

function topBijlagen(members: Member[]): BijlageNode[] {
    return members.filter((m): m is BijlageNode => m.kind === 'bijlage');
}

function annexFindings(members: Member[], findings: FindingCollector): void {
    for (const m of members) {
        if (m.kind !== 'bijlage') continue;
        if (!m.fromToc && m.members.length === 0) {
            findings.add(ImportCodes.AnnexEmpty, 'warning',
                `Bijlage ${m.citeNumber ?? ''} '${clip(m.title.text)}' heeft alleen een kop en geen inhoud.`.replace('  ', ' '), m.numberPosition);
        }
        annexFindings(m.members, findings);
    }
}

/** A footnote whose marker appears nowhere in the text. */
function footnoteFindings(lines: readonly CleanLine[], findings: FindingCollector): void {
    const text = lines.filter(l => !readFootnote(l.text)).map(l => l.text.text).join('\n');
    for (const l of lines) {
        const f = readFootnote(l.text);
        if (!f) continue;
        if (!text.includes(f.marker)) {
            findings.add(ImportCodes.FootnoteOrphan, 'info',
                `Voetnoot ${superscriptValue(f.marker)} heeft geen verwijzing in de tekst: '${clip(f.rest.text)}'.`, l.text.start);
        }
    }
}

function definedTerms(members: Member[]): DefinedTerm[] {
    const out: DefinedTerm[] = [];
    const add = (b: BegripNode) => out.push({ term: b.term.text.replace(/^["“'‘]|["”'’]$/g, ''), line: b.line, at: b.term.start });
    const visit = (list: Member[]) => {
        for (const m of list) {
            if (m.kind === 'begrip') add(m);
            if (m.kind === 'artikel') {
                for (const c of m.content) {
                    if (c.kind === 'begrip') add(c);
                    if (c.kind === 'lid' && (c as LidNode).begrip) add((c as LidNode).begrip!);
                }
            }
            if (m.kind === 'hoofdstuk') visit(m.members as Member[]);
            if (m.kind === 'bijlage') visit(m.members);
        }
    };
    visit(members);
    return out;
}
