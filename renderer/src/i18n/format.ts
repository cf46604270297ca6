/**
 * Numbers, sizes, durations and times formatted per locale with `Intl` (no hand-made separators),
 * so German shows "1,5 GiB" and "12.345" where English shows "1.5 GiB" and "12,345".
 */
export type Lang = 'en' | 'de';

const LOCALE: Record<Lang, string> = { en: 'en-US', de: 'de-DE' };

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits }).format(value);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Binary units, as Hyper-V Manager shows memory. */
export function formatBytes(bytes: number, lang: Lang): string {
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, lang, v < 10 && i > 0 ? 1 : 0)}\u00a0${BYTE_UNITS[i]}`;
}

/** Seconds below a minute with one decimal; longer as minutes and seconds. */
export function formatSeconds(seconds: number, lang: Lang): string {
  const unit = (value: number, u: 'second' | 'minute' | 'hour', digits: number) =>
    new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 60) return unit(seconds, 'second', seconds < 10 ? 1 : 0);
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = Math.round(seconds - m * 60);
    return s === 0 ? unit(m, 'minute', 0) : `${unit(m, 'minute', 0)} ${unit(s, 'second', 0)}`;
  }
  return unit(seconds / 3600, 'hour', 1);
}

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}
