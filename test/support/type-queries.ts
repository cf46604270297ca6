/**
 * Types queries into the Discover search box the way React sees a keystroke and, for each, notes
 * the time from setting the value to the frame after the host count changes, and how many host
 * rows the DOM holds once it has. Each query must change the count, or its time is the 5 s cap —
 * the wait never hangs. The e2e suites check the rows (virtualised: only what is on screen); the
 * renderer bench reports the times.
 */
import type { Page } from 'playwright-core';

interface TypedQueries {
  readonly timesMs: number[];
  readonly worstMs: number;
  readonly medianMs: number;
  /** The most `host-row-*` elements in the DOM after any query. */
  readonly mostRowsInDom: number;
  /** Queries after which the count never changed (the list did not answer within 5 s). */
  readonly unanswered: string[];
}

export async function typeQueries(page: Page, queries: readonly string[]): Promise<TypedQueries> {
  const timesMs: number[] = [];
  let mostRowsInDom = 0;
  const unanswered: string[] = [];
  // tsx (the benches) compiles with esbuild's keepNames, which wraps the named arrow below in
  // `__name(...)`, a helper the page does not have; vitest does not. Give the page a no-op one.
  await page.evaluate('globalThis.__name ??= (f) => f');
  for (const q of queries) {
    const one = await page.evaluate(async (query) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="host-search"]')!;
      const count = document.querySelector('[data-testid="host-count"]')!;
      const before = count.textContent;
      // React listens for 'input' and ignores a plain `.value =`; the native setter gets past that.
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const started = performance.now();
      setter.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const answered = await new Promise<boolean>((resolve) => {
        const give = setTimeout(() => resolve(false), 5000);
        const check = () => (count.textContent !== before ? (clearTimeout(give), resolve(true)) : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return { ms: performance.now() - started, answered, rows: document.querySelectorAll('[data-testid^="host-row-"]').length };
    }, q);
    timesMs.push(one.ms);
    mostRowsInDom = Math.max(mostRowsInDom, one.rows);
    if (!one.answered) unanswered.push(q);
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  return { timesMs, worstMs: sorted.at(-1) ?? 0, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, mostRowsInDom, unanswered };
}
