/**
 * Geometry of the model chart: one panel for total time, one for blackout, a bar per
 * performance option. Pure numbers, so the HTML report and the renderer's React chart draw the
 * same picture. Each panel has its own linear scale (blackouts are seconds, totals minutes).
 */
import type { ModelResult, PerformanceOption } from '../model';

export type ChartMetric = 'total' | 'downtime';

export interface ChartBar {
  readonly option: PerformanceOption;
  readonly metric: ChartMetric;
  readonly value: number;
  readonly converges: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Value text, e.g. "17.6 s". */
  readonly label: string;
}

export interface ChartPanel {
  readonly metric: ChartMetric;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Top of the scale, seconds. */
  readonly max: number;
  /** Baseline y of the bars. */
  readonly baseline: number;
  readonly bars: readonly ChartBar[];
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly panels: readonly ChartPanel[];
}

export const formatSeconds = (s: number): string =>
  s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 100 ? `${Math.round(s)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`;

const PAD = { top: 28, bottom: 28, side: 12 };

/** `formatLabel` words the bar values (the report passes its locale's formatter; English by default). */
export function modelChartGeometry(
  model: readonly ModelResult[],
  size: { width?: number; height?: number } = {},
  formatLabel: (seconds: number) => string = formatSeconds,
): ChartGeometry {
  const width = size.width ?? 640;
  const height = size.height ?? 220;
  const panelWidth = width / 2;
  const panels = (['total', 'downtime'] as const).map((metric, p): ChartPanel => {
    const x0 = p * panelWidth;
    const values = model.map((m) => (metric === 'total' ? m.totalSeconds : m.downtimeSeconds));
    const max = Math.max(...values.filter((v) => Number.isFinite(v)), 0) || 1;
    const plotTop = PAD.top;
    const baseline = height - PAD.bottom;
    const plotHeight = baseline - plotTop;
    const slot = (panelWidth - 2 * PAD.side) / Math.max(1, model.length);
    const barWidth = slot * 0.6;
    const bars = model.map((m, i): ChartBar => {
      const value = values[i] ?? 0;
      const h = Number.isFinite(value) ? Math.max(1, (value / max) * plotHeight) : plotHeight;
      return {
        option: m.option,
        metric,
        value,
        converges: m.converges,
        x: x0 + PAD.side + i * slot + (slot - barWidth) / 2,
        y: baseline - h,
        width: barWidth,
        height: h,
        label: formatLabel(value),
      };
    });
    return { metric, x: x0, y: 0, width: panelWidth, height, max, baseline, bars };
  });
  return { width, height, panels };
}
