/**
 * Numbers, sizes and durations per locale with `Intl` (no hand-made separators), so German shows
 * "1,5 GiB" where English shows "1.5 GiB". Pure and shared: the renderer formats with it and so
 * does the HTML report, so a finding reads the same in both.
 */
export type FormatLocale = 'en' | 'de';

const LOCALE: Record<FormatLocale, string> = { en: 'en-US', de: 'de-DE' };

export function formatNumber(value: number, lang: FormatLocale, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits }).format(value);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Binary units, as Hyper-V Manager shows memory. */
export function formatBytes(bytes: number, lang: FormatLocale): string {
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, lang, v < 10 && i > 0 ? 1 : 0)}\u00a0${BYTE_UNITS[i]}`;
}

/**
 * Seconds below a minute with one decimal (two below one second, so a 30 ms blackout does not
 * read as "0 s"); longer as minutes and seconds.
 */
export function formatSeconds(seconds: number, lang: FormatLocale): string {
  const unit = (value: number, u: 'second' | 'minute' | 'hour', digits: number) =>
    new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 60) return unit(seconds, 'second', seconds < 1 ? 2 : seconds < 10 ? 1 : 0);
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = Math.round(seconds - m * 60);
    return s === 0 ? unit(m, 'minute', 0) : `${unit(m, 'minute', 0)} ${unit(s, 'second', 0)}`;
  }
  return unit(seconds / 3600, 'hour', 1);
}

/** How raw values in `params` and `evidence` become text. */
export interface ValueFormat {
  readonly bytes: (bytes: number) => string;
  readonly seconds: (seconds: number) => string;
}

export function valueFormatFor(lang: FormatLocale): ValueFormat {
  return { bytes: (b) => formatBytes(b, lang), seconds: (s) => formatSeconds(s, lang) };
}

/**
 * The raw-value convention of `Finding.params` and `Finding.evidence`: a key ending in `Bytes`
 * holds a byte count, one ending in `Seconds` holds seconds, both as plain decimal numbers
 * (`"8589934592"`, `"67.25"`), so the CLI/JSON stays machine-readable and each UI formats them
 * in its own locale. Anything else (or a non-number such as `unknown`) is returned as undefined.
 */
export function formatRawValue(key: string, value: string, format: ValueFormat): string | undefined {
  const n = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n)) return undefined;
  if (key.endsWith('Bytes')) return format.bytes(n);
  if (key.endsWith('Seconds')) return format.seconds(n);
  return undefined;
}
