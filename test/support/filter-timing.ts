/**
 * Times the Discover search box: for each query, from setting the input's value to the frame
 * after the host count changes. Each query must change the count, or its time is the 5 s cap
 * (which fails any bound a test puts on it) — the wait never hangs.
 */
import type { Page } from 'playwright-core';

export interface FilterTimes {
  readonly timesMs: number[];
  readonly worstMs: number;
  readonly medianMs: number;
}

export async function timeFilterKeystrokes(page: Page, queries: readonly string[]): Promise<FilterTimes> {
  const timesMs: number[] = [];
  for (const q of queries) {
    timesMs.push(await page.evaluate(async (query) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="host-search"]')!;
      const count = document.querySelector('[data-testid="host-count"]')!;
      const before = count.textContent;
      // React listens for 'input' and ignores a plain `.value =`; the native setter gets past that.
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const started = performance.now();
      setter.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise<void>((resolve) => {
        const give = setTimeout(resolve, 5000);
        const check = () => (count.textContent !== before ? (clearTimeout(give), resolve()) : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return performance.now() - started;
    }, q));
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  return { timesMs, worstMs: sorted.at(-1) ?? 0, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}
