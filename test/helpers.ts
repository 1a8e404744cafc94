/**
 * Test helpers: in-memory document sets with real file URIs, so relative imports resolve.
 */
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createContractspraakServices } from '../language/contractspraak-module.js';

export function createServices() {
    return createContractspraakServices(EmptyFileSystem);
}

/** Builds a set of documents given as path → text under file:///ws/, returns them by path. */
export async function buildSet(files: Record<string, string>, services = createServices()) {
    const { shared } = services;
    const docs: Record<string, LangiumDocument> = {};
    for (const [path, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${path}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        docs[path] = doc;
    }
    await shared.workspace.DocumentBuilder.build(Object.values(docs), { validation: true });
    return { docs, services };
}

/** Diagnostics of a document as `line:col code` strings (1-based), the text they cover, and the message. */
export function describe(doc: LangiumDocument, d: Diagnostic): string {
    const text = doc.textDocument.getText(d.range);
    return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} «${text}»`;
}

export function codes(doc: LangiumDocument): string[] {
    return (doc.diagnostics ?? []).map(d => String(d.code));
}

export function withCode(doc: LangiumDocument, code: string): Diagnostic[] {
    return (doc.diagnostics ?? []).filter(d => d.code === code);
}
