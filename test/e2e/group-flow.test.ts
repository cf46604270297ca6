/**
 * A group of four through the REAL loopback bridge (real IPC gate, engine, pwsh lab with
 * HV01–HV04 and the lab directory), in English and in German: tick four hosts (click, then
 * Shift+click for the range), save the group, configure it (the grid's "n of N differ" cells),
 * Recommended, plan (delegation per account), apply with read-back, test every ordered pair,
 * see the readiness matrix, open a cell by keyboard and read that pair's findings; the HTML
 * report carries the matrix. Screenshots of the group grid and the matrix; axe on each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe } from '../support/axe';
import { openRenderer, type RendererSession } from '../support/bridge-browser';
import { startBridge, type Bridge } from '../../dev/bridge-server';

const shots = path.join('test-results', 'screenshots');
// pwsh on two cores: four host reads, a 60-step apply and twelve pairs take a while.
const SLOW = 150_000;
const HOSTS = ['HV01', 'HV02', 'HV03', 'HV04'];

const TEXT = {
  en: { differ: (n: number) => `${n} of 4 differ`, match: 'all 4 match', verdict: 'blocked', noHubs: 'Choose at least one hub (a destination host). (field: delegation.hubs)' },
  de: { differ: (n: number) => `${n} von 4 weichen ab`, match: 'alle 4 stimmen', verdict: 'blockiert', noHubs: 'Wählen Sie mindestens einen Hub (einen Zielhost). (Feld: delegation.hubs)' },
} as const;

let current: { bridge: Bridge; session: RendererSession; dataDir: string } | undefined;

afterEach(async () => {
  const run = current;
  current = undefined;
  if (!run) return;
  await run.session.close().catch(() => undefined);
  await run.bridge.close().catch(() => undefined);
  fs.rmSync(run.dataDir, { recursive: true, force: true });
});

describe('a group of four hosts over the real bridge, engine and pwsh lab', () => {
  beforeAll(() => {
    expect(fs.existsSync(path.join('dist', 'renderer', 'index.html')), 'run `node scripts/build.mjs` first').toBe(true);
    fs.mkdirSync(shots, { recursive: true });
  });

  for (const lang of ['en', 'de'] as const) {
    it(`select 4 → configure → plan → apply → test → matrix → open a cell in ${lang}`, { timeout: 900_000 }, async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-group-flow-'));
      const bridge = await startBridge({ dataDir, labMode: true, locale: lang === 'de' ? 'de-DE' : 'en-US' });
      const session = await openRenderer(bridge);
      current = { bridge, session, dataDir };
      const { page } = session;
      const id = (t: string) => page.getByTestId(t);
      const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}-${lang}.png`), fullPage: true });

      // Discover: the lab lists HV01–HV04; their facts arrive from pwsh.
      await id('lab-mode').waitFor({ timeout: 30_000 });
      await id('use-lab').click();
      for (const h of HOSTS) await id(`host-row-${h}`).waitFor({ timeout: 30_000 });
      await expect.poll(() => id('host-row-HV04').textContent(), { timeout: SLOW }).toContain('Kerberos');
      await expect.poll(() => id('host-row-HV01').textContent(), { timeout: SLOW }).toContain('CredSSP');

      // Tick HV01, then Shift+click HV04: the range in the list's order.
      await id('group-pick-HV01').click();
      await id('group-pick-HV04').click({ modifiers: ['Shift'] });
      expect(await id('group-count').textContent()).toContain(HOSTS.join(', '));
      await id('group-name').fill('Lab four');
      await id('group-save').click();
      await expect.poll(() => id('group-saved').inputValue()).toBe('Lab four');
      const file = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings', 'groups.json'), 'utf8')) as unknown;
      expect(file).toEqual({ version: 1, groups: [{ name: 'Lab four', hosts: HOSTS }] });

      // Configure: one desired column; each setting says how many hosts differ, and opens to them.
      await id('go-configure-group').click();
      await id('group-grid').waitFor();
      // It starts from the first host's settings (HV01: CredSSP), so the other three differ.
      expect(await id('group-differ-authentication').textContent()).toBe(TEXT[lang].differ(3));
      await id('recommended').click();
      expect(await id('edit-authentication').inputValue()).toBe('Kerberos');
      expect(await id('group-differ-authentication').textContent()).toBe(TEXT[lang].differ(1)); // HV01: CredSSP
      expect(await id('group-differ-migrationEnabled').textContent()).toBe(TEXT[lang].differ(1)); // HV02: off
      await id('group-differ-authentication').click();
      expect(await id('group-host-authentication-HV01').getAttribute('data-differs')).toBe('true');
      expect(await id('group-host-authentication-HV03').getAttribute('data-differs')).toBe('false');
      expect(await id('recommend-reasons').textContent()).toContain('10.10.10.0/24');
      expect(await id('group-differ-delegation').textContent()).toBe(TEXT[lang].differ(4)); // no delegation yet
      expect(await axe(page)).toEqual([]);
      await id('group-grid').scrollIntoViewIfNeeded();
      await shot('group-grid');

      // A hub topology without a hub is refused in the window's language, naming the field.
      await id('group-topology-hub').click();
      await id('create-plan').click();
      await expect.poll(() => id('error-plan').textContent()).toContain(TEXT[lang].noHubs);
      await id('group-topology-mesh').click();

      // Plan: host steps for the four hosts and a full mesh, 12 values per account.
      await id('create-plan').click();
      await id('plan-steps').waitFor({ timeout: SLOW });
      const planText = (await id('plan-steps').textContent()) ?? '';
      expect(planText).toContain("Set-VMHost -ComputerName 'HV01' -VirtualMachineMigrationAuthenticationType 'Kerberos'");
      expect(planText).toContain("Enable-VMMigration -ComputerName 'HV02'");
      expect(planText).toContain('msDS-AllowedToDelegateTo: Microsoft Virtual System Migration Service/hv04.lab.example');
      for (const h of HOSTS) expect(await id(`account-changes-${h}`).textContent()).toMatch(/\b12\b/);

      // Apply: every required step done and read back; the grid then shows every host matching.
      await id('apply').click();
      await id('apply-summary').waitFor({ timeout: SLOW });
      const statuses = await page.locator('[data-testid^="step-status-"]').evaluateAll((els) =>
        els.map((e) => ({ id: e.getAttribute('data-testid') ?? '', status: e.getAttribute('data-status') ?? '' })));
      expect(statuses.length).toBeGreaterThan(48);
      for (const s of statuses) expect(s.status, s.id).toBe(s.id.includes('klist-purge') ? 'skipped' : 'done');
      await expect.poll(async () => page.locator('[data-testid^="group-row-"]').evaluateAll((els) =>
        els.filter((e) => e.getAttribute('data-differing') !== '0').map((e) => e.getAttribute('data-testid'))), { timeout: SLOW }).toEqual([]);
      expect(await id('group-differ-delegation').textContent()).toBe(TEXT[lang].match);

      // Test: all 12 ordered pairs. HV03/HV04 hold no VMs (ready); HV01's and HV02's VMs are blocked
      // where the lab made them so (configuration 12.0 on HV01, switch names).
      await id('tab-test').click();
      await id('run-group-test').click();
      await id('readiness-matrix').waitFor({ timeout: SLOW });
      const verdicts = await page.locator('[data-testid^="matrix-cell-"][data-verdict]').evaluateAll((els) =>
        Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')?.replace('matrix-cell-', '') ?? '', e.getAttribute('data-verdict')])));
      expect(Object.keys(verdicts)).toHaveLength(12);
      expect(verdicts['HV03-HV04']).toBe('ready');
      expect(verdicts['HV04-HV03']).toBe('ready');
      expect(verdicts['HV01-HV02']).toBe('blocked');
      expect(await id('matrix-cell-HV01-HV02').getAttribute('aria-label')).toContain(TEXT[lang].verdict);
      expect(await axe(page)).toEqual([]);
      await id('group-results').scrollIntoViewIfNeeded();
      await shot('group-matrix');

      // Keyboard: one tab stop; arrows move; Enter opens the pair's findings (test:pair).
      await id('matrix-cell-HV01-HV02').focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('matrix-cell-HV01-HV03');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await id('cell-findings').waitFor();
      await id('finding-vm.config-version@sql01').waitFor({ timeout: SLOW });
      expect(await id('finding-vm.config-version@sql01').getAttribute('data-severity')).toBe('fail');
      expect(await id('finding-identity.delegation').getAttribute('data-severity')).toBe('pass');
      expect(await axe(page)).toEqual([]);
      await id('cell-findings').scrollIntoViewIfNeeded();
      await shot('group-cell');

      // The HTML report is the matrix report.
      const report = await page.evaluate(async (locale) => window.ferry.testReport({ locale }), lang);
      expect(report.ok).toBe(true);
      if (report.ok) for (const h of HOSTS) expect(report.data.html).toContain(h);

      expect(session.errors).toEqual([]);
      expect(bridge.unexpected).toEqual([]);
      const origin = new URL(bridge.url).origin;
      expect(session.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    });
  }
});
