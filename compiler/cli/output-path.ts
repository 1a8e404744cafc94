/**
 * Where the CLI may write (SECURITY.md). A relative output path stays inside the working folder, so a script or
 * a shared command line cannot write elsewhere by `../..`; an absolute path is taken as the user's explicit
 * choice, but never a system folder; and only `consolidate` writes an .ovk file, so a report never overwrites an
 * agreement. Symbolic links in the path are resolved before the system folders are compared.
 */
import * as path from 'node:path';
import { inside, realPath } from '../confined-file-system.js';
import { UsageError } from '../workspace.js';

const SYSTEM_FOLDERS = process.platform === 'win32'
    ? [process.env.SystemRoot, process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter((d): d is string => !!d)
    : ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/run', '/sbin', '/sys', '/usr'];

export function checkOutputPath(target: string, options: { ovk?: boolean } = {}): void {
    const resolved = path.resolve(target);
    if (!path.isAbsolute(target) && !inside(process.cwd(), resolved)) {
        throw new UsageError(`${target}: ligt buiten de huidige map; geef een pad binnen de map, of een absoluut pad als u echt elders wilt schrijven.`);
    }
    const real = realPath(resolved);
    const system = SYSTEM_FOLDERS.find(folder => inside(folder, real) || inside(realPath(folder), real));
    if (system) throw new UsageError(`${target}: Contractspraak schrijft niet in systeemmap ${system}.`);
    if (!options.ovk && /\.ovk$/i.test(resolved)) {
        throw new UsageError(`${target}: een .ovk-bestand is een overeenkomst; kies een andere naam voor de uitvoer.`);
    }
}
