/**
 * Loading document sets from disk for the CLI: the files and folders named on the command line, plus every
 * document they import that lies inside the root folder, symbolic links resolved (a link never leads out of it). Problems with the arguments themselves (missing,
 * unreadable, not .ovk) are returned as messages, never thrown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { ContractspraakServices } from '../language/contractspraak-module.js';
import { createContractspraakServices } from '../language/contractspraak-module.js';
import { importLinks } from '../language/document-set.js';
import type { Document } from '../language/generated/ast.js';
import { inside, reallyInside } from './confined-file-system.js';

export interface LoadedWorkspace {
    services: ContractspraakServices;
    /** Documents named on the command line (directly or through a folder). */
    requested: LangiumDocument[];
    /** Every loaded document, imports included, in a stable order. */
    all: LangiumDocument[];
    root: string;
}

export class UsageError extends Error { }

/** Expands the arguments to .ovk files; throws UsageError with a one-line Dutch message. */
export function collectFiles(args: string[]): string[] {
    if (args.length === 0) throw new UsageError('Geef een of meer .ovk-bestanden of mappen op.');
    const files: string[] = [];
    for (const arg of args) {
        const abs = path.resolve(arg);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(abs);
        } catch {
            throw new UsageError(`${arg}: bestand of map bestaat niet.`);
        }
        if (stat.isDirectory()) {
            let entries: string[];
            try {
                entries = fs.readdirSync(abs, { recursive: true, encoding: 'utf8' });
            } catch {
                throw new UsageError(`${arg}: map is niet leesbaar.`);
            }
            const found = entries.filter(e => e.endsWith('.ovk') && !e.split(path.sep).includes('node_modules')).sort();
            if (found.length === 0) throw new UsageError(`${arg}: map bevat geen .ovk-bestanden.`);
            for (const e of found) {
                if (!reallyInside(abs, path.join(abs, e))) {
                    throw new UsageError(`${path.join(arg, e)}: symbolische koppeling naar een bestand buiten de map; Contractspraak leest alleen bestanden binnen de map.`);
                }
                try {
                    fs.accessSync(path.join(abs, e), fs.constants.R_OK);
                } catch {
                    throw new UsageError(`${path.join(arg, e)}: bestand is niet leesbaar.`);
                }
                files.push(path.join(abs, e));
            }
        } else if (!abs.endsWith('.ovk')) {
            throw new UsageError(`${arg}: geen Contractspraak-bestand (verwacht de extensie .ovk).`);
        } else {
            try {
                fs.accessSync(abs, fs.constants.R_OK);
            } catch {
                throw new UsageError(`${arg}: bestand is niet leesbaar.`);
            }
            files.push(abs);
        }
    }
    return [...new Set(files)];
}

/** The folder a set must stay inside: the common folder of the arguments (a folder argument counts itself). */
export function commonRoot(args: string[]): string {
    const dirs = args.map(a => {
        const abs = path.resolve(a);
        return fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    });
    let root = dirs[0] ?? process.cwd();
    for (const d of dirs.slice(1)) {
        while (!(d + path.sep).startsWith(root + path.sep) && root !== path.dirname(root)) root = path.dirname(root);
    }
    return root;
}

export async function loadWorkspace(args: string[], options: { root?: string } = {}): Promise<LoadedWorkspace> {
    const files = collectFiles(args);
    const root = path.resolve(options.root ?? commonRoot(args));
    const { shared, Contractspraak: services } = createContractspraakServices(NodeFileSystem);
    services.references.DocumentSets.roots = [URI.file(root).toString()];
    const documents = shared.workspace.LangiumDocuments;
    const requested: LangiumDocument[] = [];
    for (const file of files) {
        // A file inside the root by name is read only when it is inside for real, symbolic links resolved.
        if (inside(root, file) && !reallyInside(root, file)) {
            throw new UsageError(`${path.relative(process.cwd(), file) || file}: symbolische koppeling naar een bestand buiten de map ${root}.`);
        }
        requested.push(await documents.getOrCreateDocument(URI.file(file)));
    }
    // Follow imports that exist on disk and stay inside the root, symbolic links resolved; the checks report the others.
    const queue = [...requested];
    while (queue.length) {
        const doc = queue.shift()!;
        const root_ = doc.parseResult.value as Document;
        for (const link of importLinks(root_, doc.uri)) {
            const file = link.uri.fsPath;
            if (documents.hasDocument(link.uri) || !file.endsWith('.ovk') || !inside(root, file) || !fs.existsSync(file)) continue;
            if (!reallyInside(root, file)) {
                services.references.DocumentSets.outside.add(link.uri.toString());
                continue;
            }
            queue.push(await documents.getOrCreateDocument(link.uri));
        }
    }
    const all = documents.all.toArray().sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { services, requested, all, root };
}
