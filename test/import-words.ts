/**
 * The no-word-lost comparison used by test/importer.test.ts (the normalisation is documented there): the words
 * of an agreement, the words of its Contractspraak documents, and whether the first are a subsequence of the second.
 */
import * as path from 'node:path';
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarUtils, isLeafCstNode } from 'langium';
import type { Document } from '../language/generated/ast.js';
import {
    isArtikelRef, isBegrip, isBegripRef, isBijlageRef, isDocumentRef, isInlineRef, isLidRef, isOnderdeelRef, isOverwegingRef,
    isHandtekening, isRelatieveRef, isVariant
} from '../language/generated/ast.js';
import { documentStructure } from '../language/model/structure.js';

const KIND_WORDS = new Set(['artikel', 'artikelen', 'art', 'lid', 'leden', 'bijlage', 'bijlagen', 'annex', 'annexen',
    'onderdeel', 'onderdelen', 'sub', 'overweging', 'overwegingen', 'hoofdstuk', 'hoofdstukken', 'paragraaf', 'paragrafen']);

const SIGNATURE_FIELDS = new Set(['naam', 'functie', 'plaats', 'datum']);

export interface Word {
    word: string;
    line: number;
}

function words(text: string, line: number): Word[] {
    // "Opdrachtgever(s)", "Gemeente(n)": a plural written with its ending in brackets is read as the plural.
    return (text.replace(/(\p{L})\((s|n|en|e)\)(?!\p{L})/gu, '$1$2').match(/[\p{L}\p{Nd}]+/gu) ?? []).map(w => w.toLowerCase()).filter(w => !KIND_WORDS.has(w)).map(word => ({ word, line }));
}

const LEADING_LABEL = /^(\s*(?:#{1,6}\s+)?(?:\*\*|\*)?\s*(?:[-•–]\s+)?(?:o\s+(?=\p{Lu}))?(?:\*\*)?\[?)\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{2,4})(?:\)\.?(?=[\s\p{L}])|(?:\.{1,2}|°|:)(?=\s)|(?=\s))/u;
/** A second label right after the first ("2.7 a. Inwoner …"), only with its closing punctuation. */
const SECOND_LABEL = /^(\s*(?:[-•–]\s+)?)\(?[a-z](?:\)|\.)(?=\s)/u;
const HEADING_NUMBER = /^(\s*(?:#{1,6}\s+)?(?:\*\*)?(?:[-•]\s+)?(?:\*\*)?(?:artikel|bijlage|annex|paragraaf|hoofdstuk)\s+)(?:~~\s*)?\d{1,3}[A-Z]?(?:\s*~~)?/i;

export function sourceWords(content: string): Word[] {
    const out: Word[] = [];
    content.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
        let line = raw.replace(/\\([!-/:-@[-`{-~])/g, '$1')
            .replace(/\]\([^)\s]*\)/g, ']')
            .replace(/<\/?(?:sup|sub|u|i|b|em|strong|br|span|p)\b[^>]*>/g, '');
        if (HEADING_NUMBER.test(line)) line = line.replace(HEADING_NUMBER, '$1');
        else line = line.replace(LEADING_LABEL, '$1').replace(SECOND_LABEL, '$1');
        out.push(...words(line, i + 1));
    });
    return out;
}

function splitName(name: string): string {
    return name.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2').replace(/(\p{L})(\d)/gu, '$1 $2').replace(/(\d)(\p{L})/gu, '$1 $2');
}

function rootOf(node: AstNode): Document {
    return AstUtils.getDocument(node).parseResult.value as Document;
}

/** A reference rendered back to words: the current citation of its target. */
function renderRef(ref: AstNode): string {
    if (isArtikelRef(ref) || isLidRef(ref) || isOnderdeelRef(ref) || isBijlageRef(ref) || isOverwegingRef(ref)) {
        const target = ref.target.ref;
        if (!target) return ref.target.$refText;
        const info = documentStructure(rootOf(target)).info(target);
        return isOverwegingRef(ref) ? info?.label ?? '' : info?.citation ?? '';
    }
    if (isRelatieveRef(ref)) return `${ref.relatie} ${ref.soort}`;
    if (isBegripRef(ref) || isDocumentRef(ref)) return splitName(ref.target.$refText);
    return (ref.$cstNode?.text ?? '').slice(1, -1);
}

export function outputWords(doc: LangiumDocument): Word[] {
    const out: Word[] = [];
    const root = doc.parseResult.value;
    const done = new Set<AstNode>();
    // Prose is split into tokens at capitals (CAPWORD); join the pieces of a prose before reading its words.
    let pending = '';
    let pendingLine = 0;
    const flush = () => {
        if (pending) out.push(...words(pending, pendingLine));
        pending = '';
    };
    const add = (text: string, line: number) => {
        if (!pending) pendingLine = line;
        pending += text;
    };
    for (const node of CstUtils.streamCst(root.$cstNode!)) {
        if (!isLeafCstNode(node)) continue;
        const line = node.range.start.line + 1;
        if (node.hidden) {
            flush();
            const m = /^\/\/ \|(.*)$/.exec(node.text);
            if (m) out.push(...words(m[1], line));
            continue;
        }
        const ast = node.astNode;
        const ref = isInlineRef(ast) ? ast : AstUtils.getContainerOfType(ast, isInlineRef);
        if (ref) {
            if (!done.has(ref)) {
                done.add(ref);
                add(` ${renderRef(ref)} `, line);
            }
            continue;
        }
        const type = node.tokenType.name;
        // The path of an import or of a bijlage `uit` a file is not text.
        if (insidePath(ast)) continue;
        if (type === 'PROSE_TEXT' || type === 'CAPWORD' || type === 'TERM_TEXT') {
            add(node.text.replace(/\\([\s\S])/g, '$1'), line);
            continue;
        }
        flush();
        if ((isBegrip(ast) || isVariant(ast)) && nameNode(ast) === node) out.push(...words(splitName(node.text), line));
        // In a signature the field keywords stand for the labels of the form ("Naam:", "Datum:").
        if (isHandtekening(ast) && SIGNATURE_FIELDS.has(node.text)) out.push(...words(node.text, line));
    }
    flush();
    return out;
}

function insidePath(node: AstNode | undefined): boolean {
    for (let n = node; n; n = n.$container) if (n.$containerProperty === 'pad') return true;
    return false;
}

function nameNode(ast: AstNode): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(ast.$cstNode, 'name');
}

export interface Comparison {
    missing: Word[];
    invented: Word[];
}

/**
 * Source ⊆ output as a subsequence: each source word is matched to the next occurrence in the output (within a
 * window of 400 words) where the two source words after it follow within a few words too, so that a missing
 * word is reported as missing instead of being matched to an unrelated later occurrence.
 */
export function compareWords(source: Word[], output: Word[]): Comparison {
    const missing: Word[] = [];
    let j = 0;
    // One of the next two source words must follow within ten output words.
    const follows = (i: number, k: number): boolean => {
        if (i + 1 >= source.length) return true;
        for (let t = 1; t <= 2 && i + t < source.length; t++) {
            const limit = Math.min(output.length, k + 11);
            for (let q = k + 1; q < limit; q++) if (output[q].word === source[i + t].word) return true;
        }
        return false;
    };
    source.forEach((w, i) => {
        const limit = Math.min(output.length, j + 400);
        let k = j;
        while (k < limit && !(output[k].word === w.word && follows(i, k))) k++;
        if (k < limit) j = k + 1;
        else missing.push(w);
    });
    const vocabulary = new Set(source.map(w => w.word));
    const invented = output.filter(w => !vocabulary.has(w.word) && !SIGNATURE_FIELDS.has(w.word) && !/^(?:\d+[a-z]?|[a-z]|[ivxlc]+)$/.test(w.word));
    return { missing, invented };
}

/** The words of the main document with each `uit` bijlage's words put where its declaration stands. */
export function interleave(main: LangiumDocument, annexes: LangiumDocument[]): Word[] {
    const words = outputWords(main);
    const byFile = new Map(annexes.map(d => [path.basename(d.uri.fsPath), outputWords(d)]));
    const text = main.textDocument.getText().split('\n');
    const result: Word[] = [];
    let next = 0;
    text.forEach((line, i) => {
        while (next < words.length && words[next].line === i + 1) result.push(words[next++]);
        const m = / uit "\.\/([^"]+)"/.exec(line);
        if (m && byFile.has(m[1])) result.push(...byFile.get(m[1])!);
    });
    while (next < words.length) result.push(words[next++]);
    return result;
}

