/**
 * What the playground page and its language-server worker share beyond LSP and the server's commands
 * (language/lsp/commands.ts): loading a document set, the locate request behind "the preview follows the cursor",
 * and the shape of the example sets embedded at build time.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol/browser';

export interface OpenSetParams {
    files: Array<{ uri: string; text: string }>;
    /** Documents of the set left behind: they leave the workspace. */
    closed: string[];
}

/** Loads every file of a set in one build, before the page opens them one by one (see server.ts). */
export const OpenSetNotification = new NotificationType<OpenSetParams>('contractspraak/openSet');

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
    files: ExampleFile[];
}
