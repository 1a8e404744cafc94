/**
 * What the playground page and its language-server worker share beyond LSP and the server's commands
 * (language/lsp/commands.ts): the locate request behind "the preview follows the cursor", and the shape of the
 * example sets embedded at build time.
 */
import { RequestType } from 'vscode-languageserver-protocol/browser';

export interface LocateParams {
    uri: string;
    position: { line: number; character: number };
}

/** The element id, in the rendered agreement, of the innermost shown element (artikel, lid, …) at a position. */
export const LocateRequest = new RequestType<LocateParams, string | null, void>('contractspraak/locate');

export interface ExampleFile {
    /** Path relative to the set folder, with '/'. */
    path: string;
    text: string;
}

export interface ExampleSet {
    /** Folder name under examples/. */
    id: string;
    title: string;
    /** Entry documents first (files no other file of the set loads), then the rest, each group by path. */
    files: ExampleFile[];
}
