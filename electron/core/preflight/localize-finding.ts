/**
 * A finding's title and fix text in the admin's language, from a text table (the renderer
 * passes its i18n resources, the report passes FINDING_TEXTS). Unknown ids, and findings from an
 * older engine without `params`, keep the engine's English text rather than show placeholders.
 */
import type { Finding } from '../model';
import type { FindingText, FindingTextTable } from './finding-texts';
import { formatRawValue, valueFormatFor, type ValueFormat } from './locale-format';

/** `vm.compare.33012` and friends share one entry: the message id is data, not wording. */
export function textIdOf(id: string): string {
  return id.replace(/\.\d+$/, '.*');
}

/** The variant a finding's wording is keyed by: `params.variant`, else the severity. */
export const variantOf = (f: Pick<Finding, 'severity' | 'params'>): string => f.params?.variant ?? f.severity;

export function findingTextFor(table: FindingTextTable, f: Pick<Finding, 'id' | 'severity' | 'params'>): FindingText | undefined {
  const variants = table[f.id] ?? table[textIdOf(f.id)];
  return variants?.[variantOf(f)];
}

const ENGLISH_FORMAT = valueFormatFor('en');

/**
 * `{{name}}` → params.name; undefined when a placeholder has no value. Raw sizes and durations
 * (`…Bytes`, `…Seconds`, see `formatRawValue`) are formatted in the caller's locale.
 */
export function interpolate(text: string, params: Readonly<Record<string, string>> | undefined, format: ValueFormat = ENGLISH_FORMAT): string | undefined {
  let missing = false;
  const out = text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) missing = true;
    return value === undefined ? '' : (formatRawValue(name, value, format) ?? value);
  });
  return missing ? undefined : out;
}

export interface LocalizedFinding {
  readonly title: string;
  readonly fixText: string;
  /** False when the table had no entry and the engine's English text is shown. */
  readonly localized: boolean;
}

/**
 * A param with a `params.<key>` entry in the table holds coded items, `code@host>to;…` (e.g. the
 * prerequisites Compare-VM needs); each is worded by the entry's `code` variant with `{{host}}` and
 * `{{to}}`, so the list reads in the table's language. An unknown code stays as it is.
 */
function wordCodedParam(table: FindingTextTable, key: string, value: string): string | undefined {
  const words = table[`params.${key}`];
  if (words === undefined) return undefined;
  return value
    .split(';')
    .filter((item) => item.trim() !== '')
    .map((item) => {
      const m = /^([\w-]+)(?:@([^>]*)(?:>(.*))?)?$/.exec(item.trim());
      const text = m ? words[m[1] ?? ''] : undefined;
      if (!m || text === undefined) return item;
      return interpolate(text.title, { host: m[2] ?? '', to: m[3] ?? '' }) ?? item;
    })
    .join('; ');
}

function wordedParams(table: FindingTextTable, params: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> | undefined {
  if (params === undefined) return undefined;
  let out: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(params)) {
    const worded = wordCodedParam(table, key, value);
    if (worded !== undefined) (out ??= { ...params })[key] = worded;
  }
  return out ?? params;
}

/** A finding's title alone (a matrix cell's first blocker, which carries no fix): the table's words, else the engine's. */
export function localizeTitle(table: FindingTextTable, f: Pick<Finding, 'id' | 'severity' | 'params' | 'title'>, format: ValueFormat = ENGLISH_FORMAT): string {
  const text = findingTextFor(table, f);
  return (text ? interpolate(text.title, wordedParams(table, f.params), format) : undefined) ?? f.title;
}

/** `format` words sizes and durations in the table's language (English when omitted). */
export function localizeFinding(table: FindingTextTable, f: Finding, format: ValueFormat = ENGLISH_FORMAT): LocalizedFinding {
  const text = findingTextFor(table, f);
  const params = wordedParams(table, f.params);
  const title = text ? interpolate(text.title, params, format) : undefined;
  const fixText = text?.fix !== undefined ? interpolate(text.fix, params, format) : undefined;
  return {
    title: title ?? f.title,
    fixText: fixText ?? f.fix.text,
    localized: title !== undefined && (fixText !== undefined || f.fix.kind === 'none'),
  };
}
