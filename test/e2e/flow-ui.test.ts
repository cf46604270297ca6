/**
 * The renderer alone in Chromium against the in-memory fake `window.ferry` (no engine): drives
 * every workspace by keyboard-reachable controls in English and German, checks axe-core for
 * serious/critical violations, saves screenshots, and checks the 5,000-host list and pickers.
 * The full flow against the real engine is `flow.test.ts` (through the loopback bridge).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from '../support/bridge-browser';
import { typeQueries } from '../support/type-queries';
import { fakeApiBundle, RENDERER_DIR, serveRenderer, type RendererServer } from '../support/fake-renderer';
import { axe } from '../support/axe';

const shots = path.join('test-results', 'screenshots', 'ui');


describe('renderer flow over the fake API', () => {
  let server: RendererServer;
  let browser: Chromium;
  let context: BrowserContext;

  beforeAll(async () => {
    expect(fs.existsSync(path.join(RENDERER_DIR, 'index.html')), 'run `node scripts/build.mjs renderer` first').toBe(true);
    fs.mkdirSync(shots, { recursive: true });
    server = await serveRenderer();
    browser = await launchChromium({ viewport: { width: 1360, height: 900 } });
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'de'] as const) {
    it(`walks discover → configure → plan → apply → test → history in ${lang}`, async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      const remote: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('request', (r) => { if (!r.url().startsWith(server.url)) remote.push(r.url()); });
      await page.addInitScript({ content: await fakeApiBundle(0, lang === 'de' ? 'de-DE' : 'en-US') });
      await page.goto(server.url);
      const id = (t: string) => page.getByTestId(t);

      await id('lab-mode').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await id('use-lab').click();
      await id('host-row-HV01').waitFor();
      expect(await axe(page)).toEqual([]);
      await id('host-search').fill('hv0');
      await id('set-source-HV01').click();
      await id('set-destination-HV02').click();
      await page.screenshot({ path: path.join(shots, `discover-${lang}.png`), fullPage: true });

      await id('go-configure').click();
      await id('settings-grid').waitFor();
      expect(await id('setting-row-migrationEnabled').getAttribute('data-differs')).toBe('true');
      await id('recommended').click();
      expect(await id('edit-authentication').inputValue()).toBe('Kerberos');
      expect(await id('risks-authentication').count()).toBe(0);
      await id('edit-authentication').selectOption('CredSSP');
      expect(await id('risks-authentication').textContent()).toContain('CredSSP');
      await id('recommended').click();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, `configure-${lang}.png`), fullPage: true });

      await id('create-plan').click();
      await id('plan-step-s1').waitFor();
      expect(await id('plan-step-s1').textContent()).toContain('Set-VMHost');
      await page.screenshot({ path: path.join(shots, `plan-${lang}.png`), fullPage: true });

      await id('apply').click();
      await id('apply-summary').waitFor();
      expect(await id('step-status-s1').getAttribute('data-status')).toBe('done');
      await id('step-verified-s2').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, `apply-${lang}.png`), fullPage: true });

      await id('tab-test').click();
      await id('run-test').click();
      await id('finding-vm.config-version@APP02').waitFor();
      expect(await id('finding-vm.config-version@APP02').getAttribute('data-severity')).toBe('fail');
      expect(await id('finding-kcd-forward').getAttribute('data-severity')).toBe('pass');
      await id('chart-noconverge-TCPIP').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, `test-${lang}.png`), fullPage: true });
      await id('fix-auth-match').click();
      await id('workspace-configure').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('setting-row-authentication');

      await id('tab-history').click();
      await id('rollback-run-1').click();
      await id('rollback-summary').waitFor();
      expect(await axe(page)).toEqual([]);

      // Language switch at run time.
      await id('language-switch').selectOption(lang === 'en' ? 'de' : 'en');
      expect(await id('tab-discover').textContent()).toBe(lang === 'en' ? 'Ermitteln' : 'Discover');
      expect(errors).toEqual([]);
      expect(remote).toEqual([]);
      await page.close();
    });
  }

  it('is usable by keyboard: Tab reaches the lab button and Enter opens the lab', async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: await fakeApiBundle(0, 'en-US') });
    await page.goto(server.url);
    await page.getByTestId('lab-mode').waitFor();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'use-lab';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('host-row-HV01').waitFor();
    await page.close();
  });

  it('filters 5,000 hosts keeping only the rows on screen in the DOM; the pickers list matches', async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: await fakeApiBundle(5000, 'en-US') });
    await page.goto(server.url);
    await page.getByTestId('use-lab').click();
    await expect.poll(() => page.getByTestId('host-count').textContent(), { timeout: 30_000 }).toContain('5,003 of 5,003');
    expect(await page.locator('[data-testid^="host-row-"]').count()).toBeLessThan(80); // virtualised
    // How fast is the bench's figure (`npm run bench -- renderer`); here: every query answers and
    // no query puts thousands of rows into the DOM.
    const typed = await typeQueries(page, ['bulk', 'bulk4', 'bulk49', 'bulk499', 'bulk4999', 'hv0', '']);
    expect(typed.unanswered).toEqual([]);
    expect(typed.mostRowsInDom).toBeLessThan(80);
    expect(await page.getByTestId('host-count').textContent()).toContain('5,003 of 5,003');
    await page.getByTestId('host-search').fill('bulk4999');
    await expect.poll(() => page.getByTestId('host-count').textContent()).toContain('1 of 5,003');
    await page.getByTestId('host-row-BULK4999').waitFor();

    // The pickers list matches, not 5,003 options: typing narrows, choosing sets the pair.
    const listed = page.getByRole('listbox').getByRole('option');
    const sourcePicker = page.getByTestId('source-picker');
    await sourcePicker.click();
    await sourcePicker.fill('bulk432');
    await expect.poll(() => listed.count()).toBe(10);
    await listed.filter({ hasText: 'BULK4321' }).click();
    await expect.poll(() => sourcePicker.inputValue()).toBe('BULK4321');
    await page.getByTestId('destination-picker').click();
    await expect.poll(() => listed.count()).toBe(50);
    await page.getByText('4,953 more: type to narrow the list.').waitFor();
    await listed.filter({ hasText: 'BULK0007' }).click();
    await expect.poll(() => page.getByTestId('destination-picker').inputValue()).toBe('BULK0007');
    expect(await page.getByTestId('go-configure').isEnabled()).toBe(true);
    await page.close();
  });
});
