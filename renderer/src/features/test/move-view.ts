/** What the Move panel derives from a test report and a move's outcome. Pure. */
import type { TestReport } from '../../../../electron/core/model';
import type { MoveTiming } from '../../../../electron/core/move';
import { shortHost } from '../../../../electron/core/preflight/finding';

/** The pair's hosts in the report. */
export function pairFacts(report: TestReport) {
  const find = (name: string) => report.hosts.find((h) => shortHost(h.computerName) === shortHost(name));
  return { source: find(report.source), destination: find(report.destination) };
}

/** The fewest moves both hosts take at once (MaximumVirtualMachineMigrations), at least 1. */
export function moveLimit(report: TestReport): number {
  const { source, destination } = pairFacts(report);
  return Math.max(1, Math.min(source?.settings?.maximumVirtualMachineMigrations ?? 1, destination?.settings?.maximumVirtualMachineMigrations ?? 1));
}

/** The newest history entry of a VM's move between two hosts (it holds the lab's time scale). */
export function timingOf(history: readonly MoveTiming[], vm: string, source: string, destination: string): MoveTiming | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (h && h.vm === vm && shortHost(h.source) === shortHost(source) && shortHost(h.destination) === shortHost(destination)) return h;
  }
  return undefined;
}

/** The move the current report tested: `testForMove`'s choice, else VM only (the Test view's runs). */
export function testedMove(
  report: TestReport,
  tested: { readonly report: TestReport; readonly includeStorage: boolean; readonly path: string } | null,
): { readonly includeStorage: boolean; readonly path: string } {
  return tested !== null && tested.report === report ? tested : { includeStorage: false, path: '' };
}
