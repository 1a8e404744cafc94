/**
 * Rename for qualified names (prose.md §3.3, P6). A reference names its target by a path: `[lid Weigering.Zwaarwegend]`,
 * `[artikel Raam.Weigering]`, or just `[lid Zwaarwegend]` inside its own artikel. Renaming an element therefore
 * rewrites exactly the segment that names it, in references to it and to everything named through it (the leden
 * of an artikel, the artikelen of a bijlage, every element of a document). Variants are their own nodes, so
 * renaming a begrip leaves `{Werkdagen}` alone.
 */
import type { AstNode, AstNodeLocator, CstNode, LangiumDocument, LangiumDocuments, MaybePromise, Reference } from 'langium';
import { AstUtils, CstUtils, GrammarAST, isReference } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { Position, Range, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { namePath } from '../contractspraak-names.js';
import type { Document } from '../generated/ast.js';
import { isAutoTerm, isBegrip, isDocument, isGroep, isPartij, isRol, isVariant } from '../generated/ast.js';

/** The ID terminal of the grammar, whole-string. */
const ID = /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F][A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]*$/;
/** What the prose lexer reads as a capitalised word (CAPWORD), so an automatic term use. */
const CAPITALISED = /^[A-Z\u00C0-\u00D6\u00D8-\u00DE]/;

type Named = AstNode & { name: string };

interface Segment {
    text: string;
    offset: number;
    end: number;
}

export class ContractspraakRenameProvider extends DefaultRenameProvider {
    protected readonly langiumDocuments: LangiumDocuments;
    protected readonly nodeLocator: AstNodeLocator;
    protected readonly keywords: Set<string>;

    constructor(services: ContractspraakServices) {
        super(services);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
        this.nodeLocator = services.workspace.AstNodeLocator;
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value));
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const found = this.elementAt(document, params.position);
        if (!found) return undefined;
        const { element } = found;
        const newName = params.newName;
        this.checkNewName(newName);
        const changes: Record<string, TextEdit[]> = {};
        const seen = new Set<string>();
        const add = (doc: LangiumDocument, offset: number, end: number) => {
            const uri = doc.textDocument.uri;
            const key = `${uri}#${offset}`;
            if (seen.has(key)) return;
            seen.add(key);
            const range = { start: doc.textDocument.positionAt(offset), end: doc.textDocument.positionAt(end) };
            (changes[uri] ??= []).push({ range, newText: newName });
        };
        const nameNode = this.nameProvider.getNameNode(element);
        if (nameNode) add(AstUtils.getDocument(element), nameNode.offset, nameNode.end);
        let automaticUses = false;
        for (const target of this.namedThrough(element)) {
            for (const ref of this.references.findReferences(target, { includeDeclaration: false })) {
                const source = this.langiumDocuments.getDocument(ref.sourceUri);
                if (!source) continue;
                const text = source.textDocument.getText().slice(ref.segment.offset, ref.segment.end);
                const segments = splitSegments(text, ref.segment.offset);
                this.segmentTargets(target, segments.map(s => s.text)).forEach((t, i) => {
                    if (t !== element) return;
                    add(source, segments[i].offset, segments[i].end);
                    if (isAutoTerm(this.nodeLocator.getAstNode(source.parseResult.value, ref.sourcePath))) automaticUses = true;
                });
            }
        }
        if (automaticUses && !CAPITALISED.test(newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed,
                `'${element.name}' wordt in de tekst zonder accolades gebruikt; met de kleine letter van '${newName}' herkent de taal die woorden niet meer als begrip.`);
        }
        return { changes };
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): MaybePromise<Range | undefined> {
        return this.elementAt(document, params.position)?.range;
    }

    protected checkNewName(newName: string): void {
        if (!ID.test(newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed,
                `'${newName}' is geen geldige naam: gebruik letters, cijfers en _, zonder spaties of punten, en begin met een letter.`);
        }
        if (this.keywords.has(newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `'${newName}' is een sleutelwoord van de taal en kan geen naam zijn.`);
        }
    }

    /** The element a position denotes: a declaration's name, or one segment of a (qualified) reference. */
    protected elementAt(document: LangiumDocument, position: Position): { element: Named; range: Range } | undefined {
        const rootCst = document.parseResult.value.$cstNode;
        if (!rootCst) return undefined;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(rootCst, offset, this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        if (this.isNameNode(leaf)) return { element: leaf.astNode as Named, range: leaf.range };
        const reference = referenceAt(leaf);
        const target = reference?.ref;
        if (!reference?.$refNode || !target) return undefined;
        const refNode = reference.$refNode;
        const segments = splitSegments(refNode.text, refNode.offset);
        const index = segments.findIndex(s => s.offset <= offset && offset <= s.end);
        if (index < 0) return undefined;
        const element = this.segmentTargets(target, segments.map(s => s.text))[index];
        if (!element) return undefined;
        const segment = segments[index];
        return {
            element,
            range: { start: document.textDocument.positionAt(segment.offset), end: document.textDocument.positionAt(segment.end) }
        };
    }

    /**
     * Which element each segment of a reference to `target` names. The segments are a suffix of the target's path,
     * possibly after the name of its document: for lid `Weigering.Zwaarwegend`, `[lid Raam.Weigering.Zwaarwegend]`
     * gives [document, artikel, lid] and `[lid Zwaarwegend]` gives [lid].
     */
    protected segmentTargets(target: AstNode, segments: string[]): Array<Named | undefined> {
        const path = namePath(target);
        const chain = (isDocument(target) ? [target] : path ? [...path.containers, target] : [target]) as Named[];
        const names = isDocument(target) ? [target.name] : path?.segments ?? [(target as Named).name];
        const result: Array<Named | undefined> = segments.map(() => undefined);
        const alignSuffix = (from: number): boolean => {
            const n = segments.length - from;
            if (n <= 0 || n > names.length) return false;
            for (let j = 0; j < n; j++) {
                if (segments[from + j] !== names[names.length - n + j]) return false;
            }
            for (let j = 0; j < n; j++) result[from + j] = chain[names.length - n + j];
            return true;
        };
        if (alignSuffix(0)) return result;
        const root = AstUtils.getDocument(target).parseResult.value as Document;
        if (!isDocument(target) && segments[0] === root.name && alignSuffix(1)) {
            result[0] = root;
            return result;
        }
        if (segments.at(-1) === names.at(-1)) result[segments.length - 1] = target as Named;
        return result;
    }

    /** The element itself and every element whose name runs through it (a document: all of its elements). */
    protected namedThrough(element: AstNode): AstNode[] {
        // Terms are named flat, and a variant is a node of its own: nothing is named through them.
        if (isBegrip(element) || isVariant(element) || isPartij(element) || isGroep(element) || isRol(element)) return [element];
        const inner = AstUtils.streamAllContents(element).filter(node => {
            const path = namePath(node);
            return !!path && (isDocument(element) || path.containers.includes(element));
        });
        return [element, ...inner];
    }
}

/** The reference (if any) whose text contains a leaf: `[lid Weigering.Zwaarwegend]`, `{Werkdagen}`, `Contractant`. */
function referenceAt(leaf: CstNode): Reference | undefined {
    const node = leaf.astNode as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        for (const candidate of Array.isArray(value) ? value : [value]) {
            if (isReference(candidate) && candidate.$refNode
                && candidate.$refNode.offset <= leaf.offset && leaf.end <= candidate.$refNode.end) {
                return candidate;
            }
        }
    }
    return undefined;
}

/** The dot-separated segments of a reference text with their document offsets, surrounding whitespace excluded. */
function splitSegments(text: string, offset: number): Segment[] {
    const segments: Segment[] = [];
    let start = 0;
    for (const part of text.split('.')) {
        const lead = part.length - part.trimStart().length;
        const trimmed = part.trim();
        segments.push({ text: trimmed, offset: offset + start + lead, end: offset + start + lead + trimmed.length });
        start += part.length + 1;
    }
    return segments;
}
