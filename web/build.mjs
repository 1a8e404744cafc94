// Builds the playground into web/dist: the page (Monaco + LSP bridge), Monaco's editor worker, and the
// language-server worker with the HTML renderer. The example sets under examples/ are embedded at build time.
// Usage: node web/build.mjs [--dev]   (--dev: unminified, with source maps)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const WEB = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(WEB);
export const OUT = path.join(WEB, 'dist');

/** Every folder under examples/ with .ovk files is a document set; its files stay together so imports resolve. */
export function exampleSets(dir = path.join(ROOT, 'examples')) {
    if (!fs.existsSync(dir)) return [];
    const sets = [];
    for (const id of fs.readdirSync(dir).sort()) {
        const folder = path.join(dir, id);
        if (!fs.statSync(folder).isDirectory()) continue;
        const files = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
            .filter(f => f.endsWith('.ovk'))
            .map(f => ({ path: f.split(path.sep).join('/'), text: fs.readFileSync(path.join(folder, f), 'utf8') }));
        if (!files.length) continue;
        files.sort((a, b) => a.path.localeCompare(b.path));
        sets.push({ id, title: titleOf(folder, files) ?? id, files });
    }
    return sets;
}

/** The set's README heading, else the title of its first document. */
function titleOf(folder, files) {
    const readme = path.join(folder, 'README.md');
    const heading = fs.existsSync(readme) && /^#\s+(.+)$/m.exec(fs.readFileSync(readme, 'utf8'));
    if (heading) return heading[1].trim();
    for (const f of files) {
        const title = /^\s*[a-z]+\s+[\p{L}\p{N}_]+\s+"([^"]+)"/mu.exec(f.text)?.[1];
        if (title) return title;
    }
    return undefined;
}

const examplesPlugin = {
    name: 'examples',
    setup(build) {
        build.onResolve({ filter: /^virtual:examples$/ }, () => ({ path: 'examples', namespace: 'examples' }));
        build.onLoad({ filter: /.*/, namespace: 'examples' }, () => ({
            contents: `export default ${JSON.stringify(exampleSets())};`,
            loader: 'js',
            watchDirs: [path.join(ROOT, 'examples')]
        }));
    }
};

// The renderer's layout uses node:path on file URIs; in the worker a POSIX subset does (web/src/path-shim.ts).
const nodePathPlugin = {
    name: 'node-path',
    setup(build) {
        build.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: path.join(WEB, 'src', 'path-shim.ts') }));
    }
};

export async function buildPlayground({ minify = true, outdir = OUT } = {}) {
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(outdir, { recursive: true });
    const common = {
        bundle: true, minify, sourcemap: !minify, logLevel: 'warning', platform: 'browser', format: 'iife', target: 'es2022',
        outdir, absWorkingDir: ROOT
    };
    await Promise.all([
        esbuild.build({
            ...common, entryPoints: { app: 'web/src/app.ts' }, plugins: [examplesPlugin],
            loader: { '.ttf': 'file' }, assetNames: '[name]-[hash]'
        }),
        esbuild.build({ ...common, entryPoints: { 'editor.worker': 'monaco-editor/editor/editor.worker' } }),
        esbuild.build({ ...common, entryPoints: { server: 'web/src/server.ts' }, plugins: [nodePathPlugin] })
    ]);
    fs.copyFileSync(path.join(WEB, 'index.html'), path.join(outdir, 'index.html'));
    return outdir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    const started = performance.now();
    const outdir = await buildPlayground({ minify: !process.argv.includes('--dev') });
    const files = fs.readdirSync(outdir);
    const bytes = files.reduce((n, f) => n + fs.statSync(path.join(outdir, f)).size, 0);
    console.log(`speeltuin gebouwd in ${path.relative(process.cwd(), outdir) || '.'}: ${files.length} bestanden, `
        + `${(bytes / 1024 / 1024).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
