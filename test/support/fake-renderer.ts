/**
 * The built renderer served from `dist/renderer` over loopback, with the fake `window.ferry`
 * bundled as an init script: the UI alone, without the engine. Used by the UI e2e and the
 * renderer bench.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';

export const RENDERER_DIR = path.resolve('dist', 'renderer');

/**
 * The fake API for `hosts` synthetic hosts (plus the lab pair), speaking `locale`; `report:
 * 'realistic'` answers a test with the real rules' ~50 findings (test/support/realistic-report.ts).
 */
export async function fakeApiBundle(hosts: number, locale: string, options: { readonly report?: 'small' | 'realistic' } = {}): Promise<string> {
  const r = await build({
    entryPoints: [path.resolve('test/support/fake-browser-entry.ts')], bundle: true, write: false, format: 'iife',
    platform: 'browser', target: 'chrome120', logLevel: 'silent',
    define: { __FERRY_FAKE_HOSTS__: String(hosts), __FERRY_FAKE_LOCALE__: JSON.stringify(locale), __FERRY_FAKE_REPORT__: JSON.stringify(options.report ?? 'small') },
  });
  return r.outputFiles[0]!.text;
}

export interface RendererServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the built renderer's files on 127.0.0.1 (nothing outside `dist/renderer`). */
export function serveRenderer(): Promise<RendererServer> {
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/favicon.ico') return void res.writeHead(204).end(); // Chromium asks for it on its own
    const file = path.join(RENDERER_DIR, p === '/' ? 'index.html' : path.normalize(p));
    if (!file.startsWith(RENDERER_DIR) || !fs.existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${a.port}/`, close: () => new Promise((r) => server.close(() => r())) });
  }));
}
