/** The benches' shared arithmetic: percentiles of measured times, and timing a pure function. */

export interface Figure {
  readonly samples: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly worstMs: number;
}

export function figure(times: readonly number[]): Figure {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { samples: sorted.length, medianMs: round(at(0.5)), p90Ms: round(at(0.9)), worstMs: round(sorted.at(-1) ?? 0) };
}

/**
 * Best and median wall time and median CPU time of `rounds` runs after one warm-up run. On a
 * shared machine the best wall time is the closest to the work's own cost; CPU time says it too.
 */
export function timed(fn: () => unknown, rounds: number): { best: number; median: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { best: Math.min(...wall), median: median(wall), cpu: median(cpu) };
}
