// Bundles: language server with the compiler's renderer (node, CJS; compiler/server/main.ts), language server (browser worker, IIFE), VS Code client (CJS), CLI (ESM).
import * as esbuild from 'esbuild';

const minify = process.argv.includes('--minify');
// Node 20: chevrotain 13 calls Object.groupBy (toolchain.md P1); VS Code's own Node may be older too.
const polyfill = "if(typeof Object.groupBy!=='function'){Object.defineProperty(Object,'groupBy',{configurable:true,writable:true,value(items,f){const r=Object.create(null);let i=0;for(const it of items){const k=f(it,i++);(r[k]??=[]).push(it);}return r;}});}"
    + "if(typeof Map.groupBy!=='function'){Object.defineProperty(Map,'groupBy',{configurable:true,writable:true,value(items,f){const r=new Map();let i=0;for(const it of items){const k=f(it,i++);if(!r.has(k))r.set(k,[]);r.get(k).push(it);}return r;}});}";
// ESM bundle with CJS dependencies (commander) needs a real require (toolchain.md P2).
const esmRequire = "import { createRequire as __createRequire } from 'node:module';const require = __createRequire(import.meta.url);";

const common = { bundle: true, sourcemap: !minify, minify, logLevel: 'warning', loader: { '.ts': 'ts' } };

await Promise.all([
    esbuild.build({
        ...common, entryPoints: { 'language/main': 'compiler/server/main.ts', 'extension/main': 'extension/main.ts' },
        outdir: 'dist', format: 'cjs', platform: 'node', target: 'node18', external: ['vscode'],
        outExtension: { '.js': '.cjs' }, banner: { js: polyfill }
    }),
    esbuild.build({
        ...common, entryPoints: { 'language/main-browser': 'language/main-browser.ts' },
        outdir: 'dist', format: 'iife', platform: 'browser', target: 'es2022', banner: { js: polyfill }
    }),
    // VS Code for the web: its extension host loads one CommonJS file with only `vscode` from outside (web-and-docx.md A.7).
    esbuild.build({
        ...common, entryPoints: { 'extension/main-browser': 'extension/main-browser.ts' },
        outdir: 'dist', format: 'cjs', platform: 'browser', target: 'es2022', external: ['vscode'], outExtension: { '.js': '.cjs' }
    }),
    esbuild.build({
        ...common, entryPoints: { 'cli/main': 'compiler/cli/main.ts' },
        outdir: 'dist', format: 'esm', platform: 'node', target: 'node20', outExtension: { '.js': '.mjs' },
        banner: { js: `${esmRequire}${polyfill}` }
    }),
    // `npm run bench`: the benchmark runner; it re-runs itself as the child process of every scenario.
    esbuild.build({
        ...common, entryPoints: { 'bench/run': 'bench/run.ts' },
        outdir: 'dist', format: 'esm', platform: 'node', target: 'node20', outExtension: { '.js': '.mjs' },
        banner: { js: `${esmRequire}${polyfill}` }
    })
]);
