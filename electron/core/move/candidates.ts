/**
 * Which VMs of the source a move may take, decided from the test report: a VM is ready when
 * the test evaluated it and found nothing that blocks it, or the pair. A blocked VM carries the
 * finding that blocks it as its reason (the pair's own blocker when the pair is blocked); a VM the
 * test did not look at is not offered as ready.
 */
import type { Finding, TestReport, VmSummary } from '../model';
import { shortHost } from '../preflight/finding';

export interface MoveCandidate {
  readonly name: string;
  readonly state: string;
  readonly memoryAssignedBytes: number;
  readonly memoryStartupBytes: number;
  readonly diskBytes: number;
  readonly ready: boolean;
  /** Why it cannot be chosen: the blocking finding, or `not-tested`. */
  readonly reason?: MoveBlock;
}

export interface MoveBlock {
  readonly kind: 'finding' | 'not-tested';
  readonly findingId?: string;
  readonly title?: string;
  readonly params?: Readonly<Record<string, string>>;
}

const asBlock = (f: Finding): MoveBlock => ({
  kind: 'finding',
  findingId: f.id,
  title: f.title,
  ...(f.params !== undefined ? { params: f.params } : {}),
});

export function sourceVms(report: TestReport): readonly VmSummary[] {
  const source = report.hosts.find((h) => shortHost(h.computerName) === shortHost(report.source));
  return source?.vms ?? [];
}

export function moveCandidates(report: TestReport): MoveCandidate[] {
  const pairBlocker = report.findings.find((f) => f.severity === 'fail' && f.vm === undefined);
  return sourceVms(report).map((vm) => {
    const own = report.findings.filter((f) => f.vm === vm.name);
    const blocker = pairBlocker ?? own.find((f) => f.severity === 'fail');
    const base = {
      name: vm.name,
      state: vm.state,
      memoryAssignedBytes: vm.memoryAssignedBytes,
      memoryStartupBytes: vm.memoryStartupBytes,
      diskBytes: vm.diskBytes,
    };
    if (blocker !== undefined) return { ...base, ready: false, reason: asBlock(blocker) };
    if (own.length === 0) return { ...base, ready: false, reason: { kind: 'not-tested' } };
    return { ...base, ready: true };
  });
}

/** The named VMs a move may take; throws naming the first one that is not ready (and why). */
export function checkChosen(report: TestReport, names: readonly string[]): MoveCandidate[] {
  const all = moveCandidates(report);
  return names.map((n, i) => {
    const c = all.find((x) => x.name === n);
    if (c === undefined) throw new MoveInputError(`vms.${i}`, `vms: ${report.source} has no VM named "${n}" in the test report`);
    if (!c.ready) {
      const why = c.reason?.kind === 'finding' ? `${c.reason.title ?? c.reason.findingId ?? ''}` : 'the test did not check it';
      throw new MoveInputError(`vms.${i}`, `vms: "${n}" is not ready to move: ${why}`);
    }
    return c;
  });
}

/** Bad move input; `field` names the request field (`vms.2`: the third VM named). */
export class MoveInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'MoveInputError';
  }
}
