/**
 * Reading prose as plain text: import paths, titles and metadata are prose nodes too (one quoting rule
 * for the drafter), so this is how the rest of the code gets a string out of them.
 */

import type { Prose } from './generated/ast.js';
import { isAutoTerm, isTermUse, isText } from './generated/ast.js';

/** Removes the backslash of \" \[ \] \{ \} \\ escapes. */
export function unescapeProse(raw: string): string {
    return raw.replace(/\\([\s\S])/g, '$1');
}

/** The text a reader sees, with references as written in the source (rendering replaces them later). */
export function proseText(prose: Prose | undefined): string {
    if (!prose) return '';
    let out = '';
    for (const deel of prose.delen) {
        if (isText(deel)) out += unescapeProse(deel.waarde);
        else if (isAutoTerm(deel)) out += deel.term.$refText;
        else if (isTermUse(deel)) out += deel.term?.$refText ?? '';   // `{` alone has no term yet
        else out += deel.$cstNode?.text ?? '';
    }
    return out;
}

/** The prose exactly as written between its quotes (escapes kept). */
export function proseSource(prose: Prose | undefined): string {
    const text = prose?.$cstNode?.text ?? '';
    return text.length >= 2 ? text.slice(1, -1) : '';
}

/** Offset in the document of the first character inside the quotes. */
export function proseContentOffset(prose: Prose): number {
    return (prose.$cstNode?.offset ?? 0) + 1;
}

