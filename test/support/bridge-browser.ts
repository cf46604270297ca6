/**
 * Opens the built renderer, served by the test bridge, in Debian's Chromium through
 * playwright-core (no downloaded browser, no Electron binary). `window.ferry` is injected with
 * `addInitScript` before any app script runs; the bridge token rides on every request as a
 * header. Every request the page makes is recorded so tests can prove nothing leaves loopback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Bridge } from '../../dev/bridge-server';
import { TOKEN_HEADER } from '../../dev/bridge-server';
import { bundleBridgeClient } from '../../dev/bridge-bundle';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
] as const;

export interface RendererSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page (or its workers) requested, in order. */
  readonly requests: readonly string[];
  /** Console errors and uncaught page errors. */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

export interface Chromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its throw-away profile. */
  close(): Promise<void>;
}

/** Debian's Chromium (or FERRY_CHROMIUM) with the project's flags, in a throw-away profile. */
export async function launchChromium(options: { readonly viewport: { width: number; height: number }; readonly extraHTTPHeaders?: Record<string, string> }): Promise<Chromium> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['FERRY_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: options.viewport,
    serviceWorkers: 'block',
    ...(options.extraHTTPHeaders ? { extraHTTPHeaders: options.extraHTTPHeaders } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function openRenderer(bridge: Bridge, options: { readonly navigate?: boolean } = {}): Promise<RendererSession> {
  const browser = await launchChromium({ viewport: { width: 1360, height: 880 }, extraHTTPHeaders: { [TOKEN_HEADER]: bridge.token } });
  const { context } = browser;
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript({ content: await bundleBridgeClient() });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.navigate !== false) await page.goto(bridge.url, { waitUntil: 'load' });
  return {
    context,
    page,
    requests,
    errors,
    close: () => browser.close(),
  };
}
