/**
 * Bench: the readiness matrix view for a group of 50 hosts (2,450 pairs) in Chromium, measured as
 * the renderer bench measures a keystroke — from the input event to the frame that shows its
 * result — over the in-page fake `window.ferry` (the view alone: no engine, no pwsh):
 *   render     click "Test every pair" → the frame showing the matrix (its cells on screen: it is virtualised)
 *   keystroke  an arrow key in the grid → the frame after the focus moved (roving tab stop)
 *   scroll     the matrix scrolled by 300 px → the frame after the scroll event
 *   open       Enter on a cell → the frame showing that pair's findings (test:pair)
 * Target (issue 11): <= 100 ms per interaction. Needs `node scripts/build.mjs renderer` first.
 * Run: `npx tsx test/bench/matrix.bench.ts` (or `npm run bench -- matrix`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/bridge-browser';
import { fakeApiBundle, RENDERER_DIR, serveRenderer } from '../support/fake-renderer';
import { figure, type Figure } from './bench-stats';

const HOSTS = 50;
const ROUNDS = 5;
const KEYS = ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'End', 'Home', 'ArrowDown', 'ArrowRight'];

/** Discover → tick the 50 BULK hosts → Configure the group → Test. */
async function openGroupTest(page: Page): Promise<void> {
  const id = (t: string) => page.getByTestId(t);
  await id('use-lab').click();
  await page.getByText(`${HOSTS + 3} of ${HOSTS + 3}`).waitFor({ timeout: 30_000 });
  await id('host-search').fill('bulk');
  await page.getByText(`${HOSTS} of ${HOSTS + 3}`).waitFor();
  await id('group-select-matching').click();
  await id('go-configure-group').click();
  await id('tab-test').click();
  await id('run-group-test').waitFor();
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`, which the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
}

/**
 * Unticks and reticks a host in Discover (which drops the matrix, as a changed group does), back
 * to Test, then clicks "Test every pair": to the frame with every cell — a first render each round.
 */
async function timeRender(page: Page): Promise<number> {
  const id = (t: string) => page.getByTestId(t);
  await id('tab-discover').click();
  await id('group-pick-BULK0000').click();
  await id('group-pick-BULK0000').click();
  await id('tab-test').click();
  await id('run-group-test').waitFor();
  if ((await page.locator('[data-testid="readiness-matrix"]').count()) !== 0) throw new Error('the matrix was not dropped');
  return page.evaluate(async (cells) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const button = document.querySelector<HTMLButtonElement>('[data-testid="run-group-test"]')!;
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve, reject) => {
      const give = setTimeout(() => reject(new Error('the matrix did not render within 5 s')), 5000);
      const check = () => {
        // Virtualised: the cells on screen (a 50-host matrix shows a few hundred of its 2,450).
        const n = document.querySelectorAll('[data-testid="readiness-matrix"] [data-verdict]').length;
        if (n >= cells) {
          clearTimeout(give);
          resolve();
        } else requestAnimationFrame(check);
      };
      check();
    });
    await frame();
    return performance.now() - started;
  }, 200);
}

async function timeKeys(page: Page): Promise<number[]> {
  // The grid's one tab stop (wherever the last round left it; it stays mounted when scrolled away).
  await page.locator('[data-testid="readiness-matrix"] [role="gridcell"][tabindex="0"]').focus();
  return page.evaluate(async (keys) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const out: number[] = [];
    for (const key of keys) {
      const from = document.activeElement as HTMLElement;
      const started = performance.now();
      from.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await new Promise<void>((resolve, reject) => {
        const give = setTimeout(() => reject(new Error(`${key} did not move the focus within 5 s`)), 5000);
        const check = () => (document.activeElement !== from ? (clearTimeout(give), resolve()) : requestAnimationFrame(check));
        check();
      });
      await frame();
      out.push(performance.now() - started);
    }
    return out;
  }, KEYS);
}

async function timeScroll(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const scroller = document.querySelector<HTMLElement>('[data-testid="readiness-matrix"]')!;
    const out: number[] = [];
    for (const [dx, dy] of [[0, 300], [0, 300], [300, 0], [300, 0], [0, -300], [-300, 0], [0, 300], [300, 300]] as const) {
      const started = performance.now();
      const scrolled = new Promise<void>((resolve) => scroller.addEventListener('scroll', () => resolve(), { once: true }));
      scroller.scrollBy(dx, dy);
      await scrolled;
      await frame();
      out.push(performance.now() - started);
    }
    return out;
  });
}

async function timeOpen(page: Page, cell: string): Promise<number> {
  await page.evaluate(() => document.querySelector('[data-testid="readiness-matrix"]')?.scrollTo(0, 0));
  await page.getByTestId(cell).focus();
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const target = document.activeElement as HTMLElement;
    const heading = () => document.querySelector('[data-testid="cell-findings"] h3')?.textContent ?? '';
    const before = heading();
    const started = performance.now();
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await new Promise<void>((resolve, reject) => {
      const give = setTimeout(() => reject(new Error('the findings did not open within 5 s')), 5000);
      const check = () => (heading() !== before && document.querySelector('[data-testid="cell-findings"] [data-testid^="finding-"]') ? (clearTimeout(give), resolve()) : requestAnimationFrame(check));
      check();
    });
    await frame();
    return performance.now() - started;
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('run `node scripts/build.mjs renderer` first');
  const server = await serveRenderer();
  const browser = await launchChromium({ viewport: { width: 1360, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript({ content: await fakeApiBundle(HOSTS, 'en-US') });
    await page.goto(server.url);
    await openGroupTest(page);
    const render: number[] = [];
    const keys: number[] = [];
    const scroll: number[] = [];
    const open: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      render.push(await timeRender(page));
      keys.push(...(await timeKeys(page)));
      scroll.push(...(await timeScroll(page)));
      open.push(await timeOpen(page, `matrix-cell-BULK00${String(10 + r).padStart(2, '0')}-BULK0003`));
    }
    const cellsInDom = await page.locator('[data-testid="readiness-matrix"] [role="gridcell"]').count();
    const figures = { render: figure(render), keystroke: figure(keys), scroll: figure(scroll), open: figure(open) };
    const line = (label: string, f: Figure) =>
      `${label.padEnd(10)} median ${String(f.medianMs).padStart(6)} ms   p90 ${String(f.p90Ms).padStart(6)} ms   worst ${String(f.worstMs).padStart(6)} ms   (${f.samples} samples)`;
    console.log(`Readiness matrix, ${HOSTS} hosts (${HOSTS * (HOSTS - 1)} pairs, ${cellsInDom} cells in the DOM): input to the frame showing it (target <= 100 ms)`);
    console.log(line('render', figures.render));
    console.log(line('keystroke', figures.keystroke));
    console.log(line('scroll', figures.scroll));
    console.log(line('open cell', figures.open));
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync(path.join('test-results', 'bench-matrix.json'), JSON.stringify({ hosts: HOSTS, cellsInDom, ...figures }, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
