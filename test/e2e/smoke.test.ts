/**
 * Smoke: the built renderer loads in Chromium, shows its title and the lab-mode indicator, and a
 * round trip through the real IPC gate (window.ferry.appInfo) works. Saves a screenshot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../dev/bridge-server';
import { openRenderer, type RendererSession } from '../support/bridge-browser';

const screenshotDir = path.join('test-results', 'screenshots');

describe('smoke: the app shell in Chromium over the loopback bridge', () => {
  let bridge: Bridge;
  let session: RendererSession;
  let dataDir: string;

  beforeAll(async () => {
    expect(fs.existsSync(path.join('dist', 'renderer', 'index.html')), 'run `node scripts/build.mjs` first').toBe(true);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-smoke-'));
    bridge = await startBridge({ dataDir, labMode: true });
    session = await openRenderer(bridge);
  });

  afterAll(async () => {
    await session?.close();
    await bridge?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the title and the lab-mode indicator', async () => {
    const { page } = session;
    await expect.poll(() => page.title()).toBe('Ferry');
    await page.getByTestId('lab-mode').first().waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => page.getByText('Ferry', { exact: true }).first().isVisible()).toBe(true);
  });

  it('round-trips window.ferry.appInfo through the real dispatcher', async () => {
    const info = await session.page.evaluate(() => window.ferry.appInfo({}));
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    expect(info.data.name).toBe('Ferry');
    expect(info.data.labMode).toBe(true);
    // The same gate answers bad input with a field-named error, proving validation runs.
    const bad = await session.page.evaluate(() => window.ferry.readHosts({ hosts: [] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('hosts');
  });

  it('window.ferry is one frozen object that cannot be replaced', async () => {
    const facts = await session.page.evaluate(() => {
      const before = window.ferry;
      try {
        (window as unknown as { ferry: unknown }).ferry = {};
      } catch {
        // strict-mode assignment to a read-only property throws; either way it must not change
      }
      return { same: window.ferry === before, frozen: Object.isFrozen(window.ferry), keys: Object.keys(window.ferry).length };
    });
    expect(facts).toEqual({ same: true, frozen: true, keys: expect.any(Number) });
    expect(facts.keys).toBeGreaterThan(10);
  });

  it('saves a screenshot', async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, 'smoke.png');
    await session.page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect(session.errors).toEqual([]);
  });
});
