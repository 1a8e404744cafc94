/**
 * The VS Code client for the web (vscode.dev, github.dev): starts the browser language server
 * (dist/language/main-browser.js) in a web worker. No language logic lives here.
 */
import type { ExtensionContext } from 'vscode';
import { Uri } from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient/browser';
import { LanguageClient } from 'vscode-languageclient/browser';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'language', 'main-browser.js');
    const worker = new Worker(serverMain.toString(true));
    const clientOptions: LanguageClientOptions = {
        // No scheme: the web workbench serves files as vscode-vfs:, vscode-test-web:, …, not file:.
        documentSelector: [{ language: 'contractspraak' }]
    };
    // vscode-languageclient 10: the server (a Worker) comes before the client options.
    client = new LanguageClient('contractspraak', 'Contractspraak', worker, clientOptions);
    await client.start();
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
