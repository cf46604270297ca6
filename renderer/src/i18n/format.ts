/**
 * Numbers, sizes, durations and times formatted per locale with `Intl` (no hand-made separators),
 * so German shows "1,5 GiB" and "12.345" where English shows "1.5 GiB" and "12,345". Sizes and
 * durations come from core so finding texts, the report and the screens format alike.
 */
import { formatBytes, formatNumber, formatSeconds, valueFormatFor, type FormatLocale } from '../../../electron/core/preflight/locale-format';

export type Lang = FormatLocale;

export { formatBytes, formatNumber, formatSeconds, valueFormatFor };

const LOCALE: Record<Lang, string> = { en: 'en-US', de: 'de-DE' };

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}
