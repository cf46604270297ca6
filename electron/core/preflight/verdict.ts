/**
 * The verdict an admin reads first: ready, ready with warnings, or not ready (blocked), with
 * the counts per severity behind it. Shared by the Test view, the HTML report, the CLI and the
 * group's readiness matrix.
 */
import type { Finding, Severity, SeverityCounts, Verdict } from '../model';

export type { SeverityCounts, Verdict };

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: Record<Severity, number> = { fail: 0, warn: 0, info: 0, pass: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function verdictOf(counts: SeverityCounts): Verdict {
  return counts.fail > 0 ? 'blocked' : counts.warn > 0 ? 'warnings' : 'ready';
}

/** Most severe first (blocker, warning, info, pass), stable within a severity. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { fail: 0, warn: 1, info: 2, pass: 3 };

export function bySeverity<T extends { readonly severity: Severity }>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** A report's verdict with the counts behind it: what the Test view, the report and the CLI open with. */
export interface VerdictSummary {
  readonly verdict: Verdict;
  readonly counts: SeverityCounts;
}

export function summarize(findings: readonly Finding[]): VerdictSummary {
  const counts = countSeverities(findings);
  return { verdict: verdictOf(counts), counts };
}
