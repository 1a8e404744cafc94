/**
 * Consolidation: applying an addendum's `wijziging { … }` instructions to the source of the document it
 * `wijzigt`. The result is `.ovk` source: the target's own text with each replaced, inserted or repealed
 * element spliced in at its place, re-indented, everything else byte for byte as it was. Targets are named
 * symbolically (`Tarifering.Indexatie`, optionally prefixed with the target's name), so the instruction stays
 * right whatever the numbers are; numbers of the consolidated text are computed as always.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Artikel, Document, Instructie, Lijst, Wijziging } from '../../language/generated/ast.js';
import {
    isArtikel, isDocument, isInvoeging, isLid, isLijst, isOnderdeel, isVervalling, isVervanging, isWijziging, isWijzigt
} from '../../language/generated/ast.js';
import { qualifiedName } from '../../language/contractspraak-names.js';

export interface Applied {
    /** vervangen, ingevoegd, vervallen */
    action: 'vervangen' | 'ingevoegd' | 'vervallen';
    /** The target as written: `Tarifering.Indexatie`. */
    target: string;
    /** "artikel", "lid", "onderdeel" */
    kind: string;
    /** For an insertion: na, voor, aan. */
    place?: string;
    /** Names of the new elements. */
    added: string[];
    line: number;
}

export interface Problem {
    line: number;
    column: number;
    message: string;
}

export interface Consolidation {
    /** The document the addendum amends. */
    target: LangiumDocument;
    /** Its consolidated source. */
    text: string;
    applied: Applied[];
    problems: Problem[];
}

interface Edit {
    start: number;
    end: number;
    text: string;
    index: number;
    instruction: Instructie;
}

/** The document an addendum amends (`wijzigt X`), if it is a loaded document. */
export function amendedDocument(addendum: Document, documents: readonly LangiumDocument[]): LangiumDocument | undefined {
    const wijzigt = addendum.meta.find(isWijzigt);
    const name = wijzigt?.doel?.$refText;
    if (!name) return undefined;
    const linked = wijzigt.doel.ref;
    if (linked && isDocument(linked)) return AstUtils.getDocument(linked);
    return documents.find(d => (d.parseResult.value as Document).name === name);
}

function kindOf(node: AstNode): string {
    return isArtikel(node) ? 'artikel' : isLid(node) ? 'lid' : isOnderdeel(node) ? 'onderdeel' : node.$type.toLowerCase();
}

export function consolidate(addendumDoc: LangiumDocument, target: LangiumDocument): Consolidation {
    const addendum = addendumDoc.parseResult.value as Document;
    const targetRoot = target.parseResult.value as Document;
    const source = target.textDocument.getText();
    const addendumText = addendumDoc.textDocument.getText();
    const problems: Problem[] = [];
    const applied: Applied[] = [];
    const edits: Edit[] = [];

    const byName = new Map<string, AstNode>();
    for (const node of AstUtils.streamAllContents(targetRoot)) {
        if (isArtikel(node) || isLid(node) || isOnderdeel(node)) {
            const name = qualifiedName(node);
            if (name && !byName.has(name)) byName.set(name, node);
        }
    }
    const problem = (node: AstNode, message: string) => {
        const pos = node.$cstNode?.range.start ?? { line: 0, character: 0 };
        problems.push({ line: pos.line + 1, column: pos.character + 1, message });
    };
    const resolve = (instruction: Instructie): AstNode | undefined => {
        let name = instruction.doel?.$refText ?? '';
        if (name.startsWith(`${targetRoot.name}.`)) name = name.slice(targetRoot.name.length + 1);
        const node = byName.get(name);
        if (!node) problem(instruction, `${name} bestaat niet in ${targetRoot.soort} ${targetRoot.name}.`);
        return node;
    };

    const wijzigingen = addendum.leden.filter(isWijziging) as Wijziging[];
    if (wijzigingen.length === 0) problems.push({ line: 1, column: 1, message: `addendum ${addendum.name} bevat geen wijziging { … }.` });
    let index = 0;
    for (const w of wijzigingen) {
        for (const instruction of w.instructies) {
            index++;
            const node = resolve(instruction);
            if (!node) continue;
            const kind = kindOf(node);
            const line = (instruction.$cstNode?.range.start.line ?? 0) + 1;
            const written = instruction.doel?.$refText ?? '';
            if (isVervalling(instruction)) {
                const range = removalRange(source, node);
                edits.push({ ...range, text: '', index, instruction });
                applied.push({ action: 'vervallen', target: written, kind, added: [], line });
                continue;
            }
            const content = newContent(instruction.nieuw, addendumText);
            if (!content) {
                problem(instruction, 'de nieuwe inhoud ontbreekt.');
                continue;
            }
            if (isVervanging(instruction)) {
                if (!fits(node, content.kind)) {
                    problem(instruction, `een ${kind} wordt vervangen door ${expected(kindOf(node))}, niet door ${describeContent(content.kind)}.`);
                    continue;
                }
                const start = node.$cstNode!.offset;
                edits.push({ start, end: node.$cstNode!.end, text: reindent(content.text, content.indent, indentOf(source, start)), index, instruction });
                applied.push({ action: 'vervangen', target: written, kind, added: content.names, line });
            } else if (isInvoeging(instruction)) {
                if (instruction.plaats === 'na' || instruction.plaats === 'voor') {
                    if (!fits(node, content.kind)) {
                        problem(instruction, `naast een ${kind} komt ${expected(kindOf(node))}, niet ${describeContent(content.kind)}.`);
                        continue;
                    }
                    const start = node.$cstNode!.offset;
                    const indent = indentOf(source, start);
                    const text = reindent(content.text, content.indent, indent);
                    if (instruction.plaats === 'na') {
                        const end = node.$cstNode!.end;
                        edits.push({ start: end, end, text: `\n${isArtikel(node) ? '\n' : ''}${indent}${text}`, index, instruction });
                    } else {
                        const lineStart = lineStartOf(source, start);
                        edits.push({ start: lineStart, end: lineStart, text: `${indent}${text}\n${isArtikel(node) ? '\n' : ''}`, index, instruction });
                    }
                    applied.push({ action: 'ingevoegd', target: written, kind, place: instruction.plaats, added: content.names, line });
                } else {
                    // aan … toe: after the last lid of an artikel, or the last onderdeel of a lid's list.
                    const last = lastChild(node, content.kind);
                    if (!last) {
                        problem(instruction, `aan een ${kind} kan ${describeContent(content.kind)} niet worden toegevoegd${isLid(node) ? ' (het lid heeft geen opsomming)' : ''}.`);
                        continue;
                    }
                    const indent = indentOf(source, last.$cstNode!.offset);
                    const end = last.$cstNode!.end;
                    edits.push({ start: end, end, text: `\n${indent}${reindent(content.text, content.indent, indent)}`, index, instruction });
                    applied.push({ action: 'ingevoegd', target: written, kind, place: 'aan', added: content.names, line });
                }
            }
        }
    }

    // Later offsets first, so earlier ones stay valid; at one offset, the first instruction ends up first.
    edits.sort((a, b) => b.start - a.start || b.index - a.index);
    for (let i = 1; i < edits.length; i++) {
        const later = edits[i - 1];
        const earlier = edits[i];
        if (earlier.end > later.start || (earlier.start === later.start && earlier.end > earlier.start && later.end > later.start)) {
            problem(later.instruction, 'deze wijziging raakt hetzelfde deel van de tekst als een andere wijziging van dit addendum.');
        }
    }
    let text = source;
    if (problems.length === 0) {
        for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
    return { target, text, applied, problems };
}

interface Content {
    kind: 'artikel' | 'leden' | 'onderdelen';
    text: string;
    /** Indentation of the content's first line in the addendum. */
    indent: string;
    names: string[];
}

function newContent(nieuw: Artikel | Lijst | undefined, text: string): Content | undefined {
    if (!nieuw?.$cstNode) return undefined;
    const slice = (first: AstNode, last: AstNode) => ({
        text: text.slice(first.$cstNode!.offset, last.$cstNode!.end),
        indent: indentOf(text, first.$cstNode!.offset)
    });
    if (isLijst(nieuw)) {
        const items = nieuw.onderdelen;
        if (items.length === 0) return undefined;
        return { kind: 'onderdelen', ...slice(items[0], items[items.length - 1]), names: items.map(o => o.name) };
    }
    if (nieuw.name) {
        return { kind: 'artikel', text: text.slice(nieuw.$cstNode.offset, nieuw.$cstNode.end), indent: indentOf(text, nieuw.$cstNode.offset), names: [nieuw.name] };
    }
    const leden = nieuw.inhoud.filter(isLid);
    if (leden.length === 0) return undefined;
    return { kind: 'leden', ...slice(leden[0], leden[leden.length - 1]), names: leden.map(l => l.name) };
}

function fits(target: AstNode, content: Content['kind']): boolean {
    return (isArtikel(target) && content === 'artikel') || (isLid(target) && content === 'leden') || (isOnderdeel(target) && content === 'onderdelen');
}

function expected(kind: string): string {
    return kind === 'artikel' ? 'een artikel' : kind === 'lid' ? 'leden { … }' : 'een opsomming { onderdeel … }';
}

function describeContent(kind: Content['kind']): string {
    return kind === 'artikel' ? 'een artikel' : kind === 'leden' ? 'leden' : 'onderdelen';
}

function lastChild(node: AstNode, content: Content['kind']): AstNode | undefined {
    if (isArtikel(node) && content === 'leden') return node.inhoud[node.inhoud.length - 1];
    if (isLid(node) && content === 'onderdelen' && node.lijst) return node.lijst.onderdelen[node.lijst.onderdelen.length - 1];
    return undefined;
}

/** The indentation of the line `offset` is on (content may start mid-line: `voeg na X in artikel Y …`). */
function indentOf(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** Where the line of `offset` starts when only spaces precede it there, else `offset` itself. */
function lineStartOf(text: string, offset: number): number {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*$/.test(text.slice(lineStart, offset)) ? lineStart : offset;
}

/** Lines after the first move from the addendum's indentation to the target's. */
function reindent(text: string, from: string, to: string): string {
    return text.split('\n').map((line, i) => {
        if (i === 0) return line;
        if (line.trim() === '') return '';
        return line.startsWith(from) ? to + line.slice(from.length) : to + line.trimStart();
    }).join('\n');
}

/** An element with its line: from the end of the previous line to its own end (an artikel takes one blank line along). */
function removalRange(text: string, node: AstNode): { start: number; end: number } {
    const start = node.$cstNode!.offset;
    const end = node.$cstNode!.end;
    const lineStart = lineStartOf(text, start);
    let from = lineStart > 0 && text[lineStart - 1] === '\n' ? lineStart - 1 : lineStart;
    // An artikel between blank lines leaves one blank line, not two.
    if (isArtikel(node) && text.slice(0, from).endsWith('\n') && /^\r?\n\s*\n/.test(text.slice(end))) from -= 1;
    return { start: from, end };
}
