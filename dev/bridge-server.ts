/**
 * The development-only loopback bridge (e2e tests and `npm start -- --browser`): serves the built
 * renderer and answers `window.ferry` calls with the REAL main-process code (`createAppContext` +
 * `createDispatcher`), so the e2e suite exercises the same gate the packaged app runs. Never part
 * of a packaged build (the packaging test asserts `dist/**` holds nothing of it; it lives under
 * dev/ and is bundled only by the tests and scripts/start.mjs).
 *
 * Who may talk to it: requests on 127.0.0.1 only, whose Host is exactly `127.0.0.1:<port>`,
 * whose Origin (when sent) is exactly the bridge's origin, carrying the random per-run token in
 * the `x-ferry-bridge-token` header (or in the HttpOnly cookie set by `/__bridge/enter`, which is
 * how a plain browser opened by `npm start -- --browser` gets in).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createAppContext, type AppContext } from '../electron/main/app-context';
import { syntheticLabHosts, type LabHost } from '../electron/services/lab/directory/lab-directory';
import { createDispatcher, createSenderCheck } from '../electron/main/ipc-dispatch';
import { eventChannels } from '../electron/core/contract/channels';
import { CONTENT_SECURITY_POLICY } from '../electron/main/window-options';

export const TOKEN_HEADER = 'x-ferry-bridge-token';
const TOKEN_COOKIE = 'ferry_bridge';
const MAX_BODY_BYTES = 1024 * 1024;

interface BridgeOptions {
  readonly dataDir: string;
  /** The repository (the default locations of dist/ are under it); default the working folder. */
  readonly repoRoot?: string;
  readonly labMode?: boolean;
  /** The built renderer; default `dist/renderer`. */
  readonly rendererDir?: string;
  /** Where the `.ps1` scripts and lab module live; default `dist`. */
  readonly resourcesDir?: string;
  /**
   * A script served at `/__bridge/client.js` and referenced from index.html, for a plain browser
   * (Playwright injects the client with `addInitScript` instead and leaves this unset).
   */
  readonly clientScript?: string;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** The OS locale `app:info` reports (the renderer picks its language from it); default `en`. */
  readonly locale?: string;
  /**
   * Test-only: the lab directory also serves synthetic computers (`HV00001`…): a number gives
   * that many with 40 % Hyper-V hosts (SCP + migration SPNs); `{ computers, hyperV }` sets both.
   * Discovery lists only the Hyper-V ones, so a 5,000-row Discover list needs `hyperV: 5000`.
   */
  readonly labDirectoryHosts?: number | { readonly computers: number; readonly hyperV: number };
}

export interface Bridge {
  readonly url: string;
  readonly token: string;
  readonly context: AppContext;
  /** Messages handed to `onUnexpected`: the internal texts the renderer must never see. */
  readonly unexpected: readonly string[];
  close(): Promise<void>;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const repoRoot = path.resolve(options.repoRoot ?? process.cwd());
  const rendererDir = path.resolve(options.rendererDir ?? path.join(repoRoot, 'dist', 'renderer'));
  const context = await createAppContext({
    dataDir: options.dataDir,
    version: readVersion(repoRoot),
    locale: options.locale ?? 'en',
    ...(options.labDirectoryHosts !== undefined ? { extraLabDirectoryHosts: syntheticDirectory(options.labDirectoryHosts) } : {}),
    resourcesDir: options.resourcesDir ?? path.join(repoRoot, 'dist'),
    ...(options.labMode !== undefined ? { labMode: options.labMode } : {}),
    ...(process.env['FERRY_PWSH'] ? { powershellExecutable: process.env['FERRY_PWSH'] } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const unexpected: string[] = [];
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bridge: no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  const host = `127.0.0.1:${address.port}`;

  // The bridge page plays the part of the Electron main frame: the same sender check, fed with
  // the request's Origin, so a request without the bridge's Origin is refused by the real gate.
  const dispatcher = createDispatcher(context.handlers, createSenderCheck({ devOrigin: origin }), (channel, error) => {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    unexpected.push(text);
    options.log?.('error', `IPC ${channel} failed: ${text}`);
  });
  context.setEventSink((channel, payload) => {
    const data = JSON.stringify(eventChannels[channel].parse(payload));
    for (const res of streams) res.write(`event: ${channel}\ndata: ${data}\n\n`);
  });

  server.on('request', (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'bridge failure' });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.headers.host !== host) return send(res, 403, { error: 'foreign host' });
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) return send(res, 403, { error: 'foreign origin' });
    const url = new URL(req.url ?? '/', origin);

    if (req.method === 'GET' && url.pathname === '/__bridge/enter') {
      if (!tokenMatches(url.searchParams.get('token'))) return send(res, 401, { error: 'token required' });
      res.writeHead(303, {
        location: '/',
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    if (!tokenMatches(readToken(req))) return send(res, 401, { error: 'token required' });

    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      let payload: unknown;
      try {
        payload = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request is not JSON.' } });
      }
      const result = await dispatcher.dispatch(channel, payload, { isMainFrame: true, url: reqOrigin ?? '' });
      const status = !result.ok && result.error.code === 'unknown-channel' ? 404 : 200;
      return send(res, status, result);
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': ferry bridge events\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method' });
    if (url.pathname === '/__bridge/client.js' && options.clientScript !== undefined) {
      return sendText(res, 200, options.clientScript, MIME['.js']!);
    }
    // Chromium asks for a favicon on its own; the packaged app (file://) never does.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, securityHeaders('image/x-icon'));
      res.end();
      return;
    }
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (relative.includes('\0') || !file.startsWith(rendererDir + path.sep)) return send(res, 404, { error: 'not found' });
    let body: Buffer;
    try {
      body = fs.readFileSync(file);
    } catch {
      return send(res, 404, { error: 'not found' });
    }
    const ext = path.extname(file).toLowerCase();
    if (ext === '.html' && options.clientScript !== undefined) {
      // The client must define window.ferry before the app's module script runs.
      const html = body.toString('utf8').replace('<head>', '<head>\n    <script src="/__bridge/client.js"></script>');
      return sendText(res, 200, html, MIME['.html']!);
    }
    res.writeHead(200, securityHeaders(MIME[ext] ?? 'application/octet-stream'));
    res.end(body);
  }

  function tokenMatches(candidate: string | null | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  return {
    url: `${origin}/`,
    token,
    context,
    unexpected,
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await context.dispose();
    },
  };
}

function syntheticDirectory(spec: NonNullable<BridgeOptions['labDirectoryHosts']>): LabHost[] {
  const { computers, hyperV } = typeof spec === 'number' ? { computers: spec, hyperV: Math.round(spec * 0.4) } : spec;
  return syntheticLabHosts(computers, Math.min(hyperV, computers));
}

function readToken(req: http.IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  const cookies = req.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function securityHeaders(contentType: string): http.OutgoingHttpHeaders {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

function sendText(res: http.ServerResponse, status: number, text: string, contentType: string): void {
  res.writeHead(status, securityHeaders(contentType));
  res.end(text);
}

function readVersion(repoRoot: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
