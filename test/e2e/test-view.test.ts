/**
 * The Test view as an admin reads it (issue 13), in English and German, over the fake API with
 * the real rules' ~50 findings: the verdict is the first heading, the first finding shown is the
 * most severe, passes are collapsed to one line per group and open on click, the filter narrows
 * to one result, a two-host comparison shows source | destination with the difference marked,
 * and at 1360×1000 the verdict, every blocker and the per-VM table are inside the first screen
 * (measured by bounding boxes; the screenshot is for people).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from '../support/bridge-browser';
import { fakeApiBundle, RENDERER_DIR, serveRenderer, type RendererServer } from '../support/fake-renderer';
import { axe } from '../support/axe';

const shots = path.join('test-results', 'screenshots', 'ui');
const SCREEN = { width: 1360, height: 1000 };

const TEXT = {
  en: { again: 'Since the last run: 2 fixed, 1 new', verdict: 'Not ready: 2 blockers', identityPassed: 'Identity & AD: 7 checks passed', vms: '5 VMs: 0 ready, 3 with warnings, 2 not ready', source: 'Source HV01' },
  de: { again: 'Seit dem letzten Lauf: 2 behoben, 1 neu', verdict: 'Nicht bereit: 2 Blocker', identityPassed: 'Identität & AD: 7 Prüfungen bestanden', vms: '5 VMs: 0 bereit, 3 mit Warnungen, 2 nicht bereit', source: 'Quelle HV01' },
} as const;


/** Severities of the findings a reader sees, top to bottom (collapsed ones are not visible). */
const visibleSeverities = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="workspace-test"] [data-testid^="finding-"][data-severity]')]
      .filter((e) => e.checkVisibility())
      .map((e) => e.dataset['severity'] ?? ''),
  );

describe('Test view: verdict first, failures first', () => {
  let server: RendererServer;
  let browser: Chromium;

  beforeAll(async () => {
    expect(fs.existsSync(path.join(RENDERER_DIR, 'index.html')), 'run `node scripts/build.mjs renderer` first').toBe(true);
    fs.mkdirSync(shots, { recursive: true });
    server = await serveRenderer();
    browser = await launchChromium({ viewport: SCREEN });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'de'] as const) {
    it(`reads in ten seconds in ${lang}`, async () => {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.addInitScript({ content: await fakeApiBundle(0, lang === 'de' ? 'de-DE' : 'en-US', { report: 'realistic' }) });
      await page.goto(server.url);
      const id = (t: string) => page.getByTestId(t);
      await id('use-lab').click();
      await id('host-row-HV01').waitFor();
      await id('set-source-HV01').click();
      await id('set-destination-HV02').click();
      await id('tab-test').click();
      await id('run-test').click();
      await id('test-results').waitFor();

      // The verdict is the first heading of the workspace, with the counts per result and per VM.
      const headings = await page.locator('[data-testid="workspace-test"] :is(h1, h2, h3, h4)').allTextContents();
      expect(headings[0]).toBe(TEXT[lang].verdict);
      expect(await id('verdict').getAttribute('data-verdict')).toBe('blocked');
      expect(await id('verdict-vms').textContent()).toBe(TEXT[lang].vms);

      // Failures first: the first finding shown is a blocker and no result follows a less severe one.
      const order = { fail: 0, warn: 1, info: 2, pass: 3 } as Record<string, number>;
      const seen = await visibleSeverities(page);
      expect(seen[0]).toBe('fail');
      expect(seen.map((s) => order[s])).toEqual([...seen.map((s) => order[s] ?? 9)].sort((a, b) => (a ?? 0) - (b ?? 0)));
      // Passes are collapsed to one line per group, and open on click.
      expect(seen).not.toContain('pass');
      const identity = id('passed-group-identity');
      expect(await identity.locator('summary').textContent()).toContain(TEXT[lang].identityPassed);
      expect(await id('finding-identity.domain').isVisible()).toBe(false);
      await identity.locator('summary').click();
      expect(await id('finding-identity.domain').isVisible()).toBe(true);
      await identity.locator('summary').click();
      expect(await id('finding-identity.domain').isVisible()).toBe(false);

      // Source | destination side by side, the differing value marked.
      const sides = id('finding-vm.config-version@sql01').getByTestId('evidence-sides');
      expect(await sides.locator('thead').textContent()).toContain(TEXT[lang].source);
      expect(await sides.locator('tr[data-side=""]').getAttribute('data-differs')).toBe('true');

      // Per-VM readiness: memory, version, verdict, first blocker.
      expect(await id('vm-row-sql01').getAttribute('data-verdict')).toBe('blocked');
      expect(await id('vm-row-sql01').textContent()).toContain('12.0');
      expect(await id('vm-row-web01').getAttribute('data-verdict')).toBe('warnings');
      expect(await axe(page)).toEqual([]);

      // The first screen holds the verdict, every blocker and the per-VM table.
      await page.evaluate(() => window.scrollTo(0, 0));
      const bottom = async (selector: string) => {
        const boxes = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
        expect(boxes.length, selector).toBeGreaterThan(0);
        return Math.max(...boxes);
      };
      expect(await bottom('[data-testid="verdict"]')).toBeLessThanOrEqual(SCREEN.height);
      expect(await bottom('[data-testid="findings-open"] [data-severity="fail"]')).toBeLessThanOrEqual(SCREEN.height);
      expect(await bottom('[data-testid="vm-readiness"]')).toBeLessThanOrEqual(SCREEN.height);
      await page.screenshot({ path: path.join(shots, `test-first-screen-${lang}.png`) });

      // The filter narrows to one result; "Passed" opens every group.
      await id('filter-warn').click();
      expect(new Set(await visibleSeverities(page))).toEqual(new Set(['warn']));
      await id('filter-pass').click();
      expect(new Set(await visibleSeverities(page))).toEqual(new Set(['pass']));
      expect(await id('finding-identity.domain').isVisible()).toBe(true);
      await id('filter-all').click();
      expect((await visibleSeverities(page))[0]).toBe('fail');

      // Test again after a fix: what changed since the last run, on the verdict and on each finding.
      expect(await id('since-last-run').count()).toBe(0);
      await id('test-again').click();
      await id('since-last-run').waitFor();
      expect(await id('since-last-run').textContent()).toBe(TEXT[lang].again);
      expect(await id('finding-vm.iso@web02').getAttribute('data-change')).toBe('new');
      expect(await id('finding-vm.switch-names@app03').getAttribute('data-change')).toBe('fixed');
      expect(await id('verdict-heading').textContent()).toBe(lang === 'en' ? 'Not ready: 1 blocker' : 'Nicht bereit: 1 Blocker');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, `test-again-${lang}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
