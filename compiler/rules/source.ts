/**
 * Where a rule comes from: the document, the element id and number the published text shows for the clause
 * (shared with the renderer through model/structure.ts and the set layout), the file relative to the entry
 * document's folder and the 1-based range. No absolute path ever reaches the rule JSON.
 */
import * as path from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Document } from '../../language/generated/ast.js';
import { isBijlage } from '../../language/generated/ast.js';
import { documentStructure } from '../../language/model/structure.js';
import { SetLayout } from '../render/layout.js';
import type { Source } from './model.js';

export class SourceMapper {
    protected readonly layout: SetLayout;

    constructor(
        readonly documents: readonly LangiumDocument[],
        /** Folder of the entry document: files are given relative to it. */
        readonly folder: string,
        /** Rangorde id of each document root and of each bijlage (extract.ts). */
        readonly ids: ReadonlyMap<AstNode, string>
    ) {
        this.layout = new SetLayout(documents);
    }

    /** The file of a document relative to the entry's folder, with forward slashes. */
    file(doc: LangiumDocument): string {
        return path.relative(this.folder, doc.uri.fsPath).split(path.sep).join('/');
    }

    /** The rangorde id of the document a node belongs to: an inline bijlage, else its file's document. */
    documentId(node: AstNode): string {
        for (let n: AstNode | undefined = node.$container; n; n = n.$container) {
            if (isBijlage(n) && n.leden.length && this.ids.has(n)) return this.ids.get(n)!;
        }
        const root = AstUtils.findRootNode(node);
        return this.ids.get(root) ?? (root as Document).name;
    }

    /** The source of a clause: its whole node, placed in the lid, artikel or bijlage that holds it. */
    source(node: AstNode): Source {
        const doc = AstUtils.getDocument(node);
        const root = doc.parseResult.value as Document;
        const structure = documentStructure(root);
        const placement = this.layout.placement(doc);
        const prefix = placement?.prefix ?? '', suffix = placement?.suffix ?? '';
        let eId: string | undefined;
        let number: string | undefined;
        for (let n: AstNode | undefined = node; n; n = n.$container) {
            const info = structure.info(n);
            if (info) {
                eId = `${prefix}${info.eId}`;
                number = `${info.citation}${suffix}`;
                break;
            }
        }
        // A clause at the top of a file loaded as a bijlage sits in that bijlage of the published text.
        if (!eId && prefix) {
            eId = prefix.replace(/__$/, '');
            number = suffix.replace(/^ van /, '');
        }
        const range = node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return {
            document: this.documentId(node),
            ...(eId ? { eId } : {}),
            ...(number ? { number } : {}),
            file: this.file(doc),
            range: {
                start: { line: range.start.line + 1, column: range.start.character + 1 },
                end: { line: range.end.line + 1, column: range.end.character + 1 }
            }
        };
    }
}

