/**
 * Reading .ovk files only inside the workspace, symbolic links resolved. A link in a contracts repository
 * (`bijlage.ovk -> /home/…/elders.ovk`, a linked folder) must not pull a file from elsewhere on disk into a
 * document set: the CLI checks each file before it reads it (compiler/workspace.ts), and the language server reads
 * through ConfinedFileSystemProvider, which sees a file or folder whose real path lies outside every workspace
 * folder as neither, and refuses to read it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileSystemNode, URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

/** The real path of `p`, symbolic links resolved; of its nearest existing folder when `p` is not there (yet). */
export function realPath(p: string): string {
    try {
        return fs.realpathSync(p);
    } catch {
        const parent = path.dirname(p);
        return parent === p ? p : path.join(realPath(parent), path.basename(p));
    }
}

/** Whether `file` lies inside `folder` by name. */
export function inside(folder: string, file: string): boolean {
    const rel = path.relative(path.resolve(folder), path.resolve(file));
    return rel === '' || !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** Whether `file` lies inside `folder` with every symbolic link resolved, in both. */
export function reallyInside(folder: string, file: string): boolean {
    return inside(realPath(folder), realPath(file));
}

export class ConfinedFileSystemProvider extends NodeFileSystemProvider {

    /** `roots` gives the folders to stay inside; none (no workspace folder yet) confines nothing. */
    constructor(protected readonly roots: () => readonly string[]) {
        super();
    }

    protected allowed(uri: URI): boolean {
        const roots = this.roots();
        return roots.length === 0 || roots.some(root => reallyInside(root, uri.fsPath));
    }

    protected refusal(uri: URI): Error {
        return Object.assign(new Error(`${uri.fsPath}: ligt via een symbolische koppeling buiten de werkmap`), { code: 'EACCES', path: uri.fsPath });
    }

    override async stat(uri: URI): Promise<FileSystemNode> {
        const node = await super.stat(uri);
        return this.allowed(uri) ? node : { ...node, isFile: false, isDirectory: false };
    }

    override statSync(uri: URI): FileSystemNode {
        const node = super.statSync(uri);
        return this.allowed(uri) ? node : { ...node, isFile: false, isDirectory: false };
    }

    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.allowed(uri) ? super.readDirectory(uri) : [];
    }

    override readDirectorySync(uri: URI): FileSystemNode[] {
        return this.allowed(uri) ? super.readDirectorySync(uri) : [];
    }

    override readFile(uri: URI): Promise<string> {
        return this.allowed(uri) ? super.readFile(uri) : Promise.reject(this.refusal(uri));
    }

    override readFileSync(uri: URI): string {
        if (!this.allowed(uri)) throw this.refusal(uri);
        return super.readFileSync(uri);
    }

    override readBinary(uri: URI): Promise<Uint8Array> {
        return this.allowed(uri) ? super.readBinary(uri) : Promise.reject(this.refusal(uri));
    }

    override readBinarySync(uri: URI): Uint8Array {
        if (!this.allowed(uri)) throw this.refusal(uri);
        return super.readBinarySync(uri);
    }
}
