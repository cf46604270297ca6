/**
 * What changed between two runs of the same test, by finding (id and VM): which problems are
 * fixed, which are new, which got better or worse. Pure, so "Test again" can say "3 fixed, 1 new"
 * and mark each finding without the engine remembering anything.
 */
import type { Finding, Severity } from '../model';
import { SEVERITY_ORDER } from './verdict';

export type FindingChange = 'fixed' | 'new' | 'worse' | 'better';

export interface ReportDiff {
  /** Per finding key (`id` or `id@vm`) of the current run: how it changed; unchanged ones are absent. */
  readonly changes: ReadonlyMap<string, FindingChange>;
  readonly fixed: number;
  readonly new: number;
  readonly worse: number;
  readonly better: number;
}

/** One check runs once per VM, so the id alone repeats; the VM makes it unique. */
export const findingKey = (f: Pick<Finding, 'id' | 'vm'>): string => (f.vm ? `${f.id}@${f.vm}` : f.id);

/** A blocker or a warning: what an admin has to act on. */
const isProblem = (s: Severity) => s === 'fail' || s === 'warn';

export function diffReports(previous: readonly Finding[], current: readonly Finding[]): ReportDiff {
  const before = new Map(previous.map((f) => [findingKey(f), f.severity]));
  const changes = new Map<string, FindingChange>();
  for (const f of current) {
    const key = findingKey(f);
    const was = before.get(key);
    if (was === undefined || !isProblem(was)) {
      if (isProblem(f.severity)) changes.set(key, 'new');
    } else if (!isProblem(f.severity)) {
      changes.set(key, 'fixed');
    } else if (was !== f.severity) {
      changes.set(key, SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[was] ? 'worse' : 'better');
    }
  }
  const count = (c: FindingChange) => [...changes.values()].filter((x) => x === c).length;
  return { changes, fixed: count('fixed'), new: count('new'), worse: count('worse'), better: count('better') };
}

/**
 * The VMs a "Test again" need not ask Compare-VM about: compatible last time (`vm.compare`
 * passed) and nothing of their own to fix. A VM with a blocker or warning is affected and checked again.
 */
export function unaffectedVms(findings: readonly Finding[]): string[] {
  const compatible = new Set(findings.filter((f) => f.id === 'vm.compare' && f.severity === 'pass' && f.vm !== undefined).map((f) => f.vm as string));
  for (const f of findings) if (f.vm !== undefined && isProblem(f.severity)) compatible.delete(f.vm);
  return [...compatible];
}
