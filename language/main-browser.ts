/**
 * The language server in a browser web worker (the web playground uses it over postMessage).
 */
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createContractspraakServices } from './contractspraak-module.js';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createContractspraakServices({ connection, ...EmptyFileSystem });
startLanguageServer(shared);
