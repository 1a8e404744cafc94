/**
 * Rendering a loaded document set: one document view per entry document, written as HTML, Markdown or DOCX.
 */
import type { LangiumDocument } from 'langium';
import { buildView } from './build.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { SetLayout } from './layout.js';
import { renderMarkdown } from './markdown.js';
import type { DocumentView } from './view.js';

export type RenderFormat = 'html' | 'md' | 'docx';
export const RENDER_FORMATS: RenderFormat[] = ['html', 'md', 'docx'];

/** The view of one entry of a set (`documents` is every loaded document of the set). */
export function documentView(documents: readonly LangiumDocument[], entry: LangiumDocument): DocumentView {
    return buildView(entry, new SetLayout(documents));
}

/** The entry documents of a set: those not rendered inside another (a bijlage loaded with `uit`). */
export function entryDocuments(documents: readonly LangiumDocument[]): LangiumDocument[] {
    return new SetLayout(documents).entries;
}

export async function renderView(view: DocumentView, format: RenderFormat): Promise<string | Buffer> {
    switch (format) {
        case 'html': return renderHtml(view);
        case 'md': return renderMarkdown(view);
        case 'docx': return renderDocx(view);
    }
}
