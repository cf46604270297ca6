/**
 * The verdict line in English and German ("Not ready: 2 blockers") and the counts behind it, so
 * the Test view, the HTML report and `ferry test` open with the same words. Pure: numbers are
 * formatted by the caller's locale through `formatNumber`.
 */
import type { Severity, Verdict } from '../model';
import { formatNumber, type FormatLocale } from './locale-format';
import type { SeverityCounts, VerdictSummary } from './verdict';

interface Plural {
  readonly one: string;
  readonly other: string;
}

export interface VerdictTexts {
  readonly ready: string;
  readonly warnings: string;
  /** `{n}`: the number of blockers. */
  readonly blocked: Plural;
  /** Per severity, `{n}` counted. */
  readonly counts: Readonly<Record<Severity, Plural>>;
  /** Per VM: `{ready}`, `{warnings}`, `{blocked}`, `{n}` VMs in all. */
  readonly vms: Plural;
  /** Short word per verdict, for a table cell. */
  readonly cell: Readonly<Record<Verdict, string>>;
}

const en: VerdictTexts = {
  ready: 'Ready to migrate',
  warnings: 'Ready with warnings',
  blocked: { one: 'Not ready: 1 blocker', other: 'Not ready: {n} blockers' },
  counts: {
    fail: { one: '1 blocker', other: '{n} blockers' },
    warn: { one: '1 warning', other: '{n} warnings' },
    info: { one: '1 note', other: '{n} notes' },
    pass: { one: '1 passed', other: '{n} passed' },
  },
  vms: { one: '1 VM: {ready} ready, {warnings} with warnings, {blocked} not ready', other: '{n} VMs: {ready} ready, {warnings} with warnings, {blocked} not ready' },
  cell: { ready: 'Ready', warnings: 'Warnings', blocked: 'Not ready' },
};

const de: VerdictTexts = {
  ready: 'Bereit zur Migration',
  warnings: 'Bereit, mit Warnungen',
  blocked: { one: 'Nicht bereit: 1 Blocker', other: 'Nicht bereit: {n} Blocker' },
  counts: {
    fail: { one: '1 Blocker', other: '{n} Blocker' },
    warn: { one: '1 Warnung', other: '{n} Warnungen' },
    info: { one: '1 Hinweis', other: '{n} Hinweise' },
    pass: { one: '1 bestanden', other: '{n} bestanden' },
  },
  vms: { one: '1 VM: {ready} bereit, {warnings} mit Warnungen, {blocked} nicht bereit', other: '{n} VMs: {ready} bereit, {warnings} mit Warnungen, {blocked} nicht bereit' },
  cell: { ready: 'Bereit', warnings: 'Warnungen', blocked: 'Nicht bereit' },
};

export const VERDICT_TEXTS: Readonly<Record<FormatLocale, VerdictTexts>> = { en, de };

const SEVERITIES: readonly Severity[] = ['fail', 'warn', 'info', 'pass'];

function plural(p: Plural, n: number, lang: FormatLocale): string {
  return (n === 1 ? p.one : p.other).replace('{n}', formatNumber(n, lang));
}

/** "Ready to migrate", "Ready with warnings" or "Not ready: N blockers". */
export function verdictHeading(summary: VerdictSummary, lang: FormatLocale): string {
  const t = VERDICT_TEXTS[lang];
  if (summary.verdict === 'blocked') return plural(t.blocked, summary.counts.fail, lang);
  return summary.verdict === 'warnings' ? t.warnings : t.ready;
}

/** One phrase per severity present, most severe first ("2 blockers", "3 warnings", "30 passed"). */
export function countPhrases(counts: SeverityCounts, lang: FormatLocale): { readonly severity: Severity; readonly text: string }[] {
  return SEVERITIES.filter((s) => counts[s] > 0).map((s) => ({ severity: s, text: plural(VERDICT_TEXTS[lang].counts[s], counts[s], lang) }));
}

/** "3 VMs: 1 ready, 1 with warnings, 1 not ready". */
export function vmCountsLine(byVerdict: Readonly<Record<Verdict, number>>, lang: FormatLocale): string {
  const total = byVerdict.ready + byVerdict.warnings + byVerdict.blocked;
  const n = (v: number) => formatNumber(v, lang);
  return plural(VERDICT_TEXTS[lang].vms, total, lang)
    .replace('{ready}', n(byVerdict.ready))
    .replace('{warnings}', n(byVerdict.warnings))
    .replace('{blocked}', n(byVerdict.blocked));
}
