// A tiny static server for the built playground (web/dist), on 127.0.0.1 only.
// Usage: node web/serve.mjs [--port N] [--dir DIR]   (--port 0: any free port; the address is printed)
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WEB = path.dirname(fileURLToPath(import.meta.url));
const HOST = '127.0.0.1';

const TYPES = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.ttf': 'font/ttf', '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm'
};

// The same policy as index.html's meta tag, also as a header so it holds for every response.
const CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    + "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function createServer(dir) {
    const root = path.resolve(dir);
    return http.createServer((req, res) => {
        let pathname;
        try {
            pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        } catch {
            res.writeHead(400).end();
            return;
        }
        const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405, { allow: 'GET, HEAD' }).end();
            return;
        }
        if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Niet gevonden');
            return;
        }
        res.writeHead(200, {
            'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            'content-security-policy': CSP,
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store'
        });
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(file).pipe(res);
    });
}

export function listen(server, port) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, HOST, () => resolve(`http://${HOST}:${server.address().port}/`));
    });
}

function option(name, fallback) {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    const dir = option('--dir', path.join(WEB, 'dist'));
    if (!fs.existsSync(path.join(dir, 'index.html'))) {
        console.error(`contractspraak: geen speeltuin in ${dir}; bouw hem eerst met node web/build.mjs`);
        process.exit(2);
    }
    const wanted = Number(option('--port', process.env.PORT ?? '8130'));
    let address;
    try {
        address = await listen(createServer(dir), wanted);
    } catch (e) {
        if (e.code !== 'EADDRINUSE') throw e;
        // The usual port is taken: any free one will do, the address is printed anyway.
        address = await listen(createServer(dir), 0);
    }
    console.log(`Contractspraak-speeltuin: ${address}`);
}
