/**
 * Where each document of a set appears in the published output. An entry document gets its own output; a
 * bijlage loaded with `uit "./x.ovk"` is rendered inside the document that loads it, its element ids prefixed
 * with the bijlage's id (annex_2__art_1) and its citations suffixed ("artikel 1 van bijlage 2"), exactly as an
 * inline bijlage gets them from model/structure.ts. Everything else (an imported basisovereenkomst, voorwaarden
 * loaded with `uit`) is an entry of its own, and references to it link to its output file.
 */
import * as path from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import { resolveImportUri } from '../../language/document-set.js';
import type { Bijlage, Document, Prose } from '../../language/generated/ast.js';
import { isBijlage, isCiteertitel } from '../../language/generated/ast.js';
import { documentStructure } from '../../language/model/structure.js';
import { proseText } from '../../language/prose.js';

export interface Placement {
    /** The entry whose output contains the document. */
    entry: LangiumDocument;
    /** Prefix of every element id of the document in that output ('' for the entry itself). */
    prefix: string;
    /** Suffix of every citation of the document's elements (" van bijlage 2"). */
    suffix: string;
    /** The bijlage that loads the document, when it is a part. */
    bijlage?: Bijlage;
}

export class SetLayout {
    protected readonly placements = new Map<string, Placement>();
    protected readonly byUri = new Map<string, LangiumDocument>();
    readonly entries: LangiumDocument[] = [];

    constructor(readonly documents: readonly LangiumDocument[]) {
        for (const doc of documents) this.byUri.set(doc.uri.toString(), doc);
        const parts = new Set<string>();
        for (const doc of documents) {
            for (const b of this.partBijlagen(doc)) parts.add(b.uri);
        }
        for (const doc of documents) {
            if (parts.has(doc.uri.toString())) continue;
            this.entries.push(doc);
            this.place(doc, { entry: doc, prefix: '', suffix: '' });
        }
        // A cycle of parts has no entry; give each left-over document its own output rather than losing it.
        for (const doc of documents) {
            if (!this.placements.has(doc.uri.toString())) {
                this.entries.push(doc);
                this.place(doc, { entry: doc, prefix: '', suffix: '' });
            }
        }
    }

    placement(doc: LangiumDocument): Placement | undefined {
        return this.placements.get(doc.uri.toString());
    }

    document(uri: string): LangiumDocument | undefined {
        return this.byUri.get(uri);
    }

    /** The loaded document a bijlage or other `uit` element points to, if it is part of the set. */
    loadedFrom(node: AstNode & { pad?: Prose }): LangiumDocument | undefined {
        if (!node.pad) return undefined;
        const pad = proseText(node.pad).trim();
        if (!pad) return undefined;
        const own = AstUtils.getDocument(node);
        return this.byUri.get(resolveImportUri(own.uri, pad).toString());
    }

    /** Bijlagen of a document that are loaded from another file of the set. */
    protected partBijlagen(doc: LangiumDocument): Array<{ node: Bijlage; uri: string }> {
        const out: Array<{ node: Bijlage; uri: string }> = [];
        const root = doc.parseResult.value as Document;
        for (const node of AstUtils.streamAllContents(root)) {
            if (!isBijlage(node) || !node.pad) continue;
            const target = this.loadedFrom(node);
            if (target && target !== doc) out.push({ node, uri: target.uri.toString() });
        }
        return out;
    }

    protected place(doc: LangiumDocument, placement: Placement): void {
        if (this.placements.has(doc.uri.toString())) return;
        this.placements.set(doc.uri.toString(), placement);
        const structure = documentStructure(doc.parseResult.value as Document);
        for (const { node, uri } of this.partBijlagen(doc)) {
            const part = this.byUri.get(uri);
            const info = structure.info(node);
            if (!part || !info) continue;
            this.place(part, {
                entry: placement.entry,
                prefix: `${placement.prefix}${info.eId}__`,
                suffix: ` van ${info.citation}${placement.suffix}`,
                bijlage: node
            });
        }
    }
}

/** The output name of an entry: its file name without .ovk. */
export function outputName(entry: LangiumDocument): string {
    return path.basename(entry.uri.fsPath).replace(/\.ovk$/, '');
}

/** The path of `to`'s output relative to `from`'s output, without extension (outputs mirror the source folders). */
export function relativeOutput(from: LangiumDocument, to: LangiumDocument): string {
    const rel = path.relative(path.dirname(from.uri.fsPath), to.uri.fsPath).replace(/\.ovk$/, '');
    return rel.split(path.sep).join('/');
}

/** How a reader names a whole document in a citation: its citeertitel, else "de <titel>". */
export function documentCitation(root: Document): string {
    const cite = root.meta.find(isCiteertitel);
    if (cite) return proseText(cite.waarde).trim();
    const title = proseText(root.titel).replace(/\s+/g, ' ').trim();
    return /^(de|het|een)\s/i.test(title) ? title : `de ${title}`;
}
