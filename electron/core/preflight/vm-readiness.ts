/**
 * Readiness per VM: each tested VM's verdict and first blocker, for the table under the verdict.
 *
 * A pair-wide blocker (live migration off, no shared network) stops every VM, so a VM's verdict
 * counts the pair-wide findings too; its first blocker is its own when it has one (that is what
 * the admin fixes for this VM), else the pair's, marked as such.
 */
import type { Finding, Verdict, VmSummary } from '../model';
import { countSeverities, verdictOf, type SeverityCounts } from './verdict';

export interface VmReadiness {
  readonly vm: string;
  /** From the source's facts; absent when the VM was not among them (a VM that does not exist). */
  readonly memoryBytes?: number;
  readonly configurationVersion?: string;
  readonly verdict: Verdict;
  /** The VM's own findings only. */
  readonly counts: SeverityCounts;
  readonly firstBlocker?: Finding;
  /** The first blocker is pair-wide, not about this VM. */
  readonly blockerIsPairWide?: boolean;
}

/** One row per VM the findings name, in the order of the source's VM list (then the rest, as found). */
export function vmReadiness(findings: readonly Finding[], vms: readonly VmSummary[] = []): VmReadiness[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  };
  const tested = new Set(findings.flatMap((f) => (f.vm !== undefined ? [f.vm] : [])));
  for (const v of vms) if (tested.has(v.name)) add(v.name);
  for (const name of tested) add(name);
  const pairWide = findings.filter((f) => f.vm === undefined);
  const pairBlocker = pairWide.find((f) => f.severity === 'fail');
  const pairCounts = countSeverities(pairWide);
  return names.map((name) => {
    const own = findings.filter((f) => f.vm === name);
    const counts = countSeverities(own);
    const facts = vms.find((v) => v.name === name);
    const ownBlocker = own.find((f) => f.severity === 'fail');
    const firstBlocker = ownBlocker ?? pairBlocker;
    return {
      vm: name,
      ...(facts ? { memoryBytes: facts.memoryAssignedBytes || facts.memoryStartupBytes, configurationVersion: facts.configurationVersion } : {}),
      verdict: verdictOf({ fail: counts.fail + pairCounts.fail, warn: counts.warn + pairCounts.warn, info: 0, pass: 0 }),
      counts,
      ...(firstBlocker ? { firstBlocker } : {}),
      ...(firstBlocker && !ownBlocker ? { blockerIsPairWide: true } : {}),
    };
  });
}

/** How many VMs are ready, ready with warnings and blocked. */
export function countVerdicts(rows: readonly { readonly verdict: Verdict }[]): Readonly<Record<Verdict, number>> {
  const out: Record<Verdict, number> = { ready: 0, warnings: 0, blocked: 0 };
  for (const r of rows) out[r.verdict]++;
  return out;
}
