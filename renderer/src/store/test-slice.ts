/** Test: the simulated migration test for the chosen pair and its HTML report. */
import type { HypotheticalVm, TestReport } from '../../../electron/core/model';
import { unaffectedVms } from '../../../electron/core/preflight/report-diff';
import { ask } from './ask';
import { factsFor } from './discovery-slice';
import type { SliceFactory } from './types';

export interface TestSlice {
  readonly testMode: 'vms' | 'hypothetical';
  readonly testVms: readonly string[];
  readonly hypothetical: HypotheticalVm;
  readonly report: TestReport | null;
  /** The run before `report` of the same pair, so the view can say what changed ("3 fixed, 1 new"). */
  readonly previousReport: TestReport | null;
  setTestMode(mode: 'vms' | 'hypothetical'): void;
  toggleTestVm(name: string): void;
  setHypothetical(patch: Partial<HypotheticalVm>): void;
  /** `again`: after a fix, skip Compare-VM for the VMs it found compatible last time (unaffected). */
  runTest(options?: { readonly again?: boolean }): Promise<TestReport | undefined>;
  exportReport(): Promise<{ fileName: string; html: string } | undefined>;
}

export const createTestSlice: SliceFactory<TestSlice> = (api) => (set, get) => ({
  testMode: 'vms',
  testVms: [],
  hypothetical: { memoryGiB: 16, dirtyMBps: 200 },
  report: null,
  previousReport: null,
  setTestMode(testMode) {
    set({ testMode });
  },
  toggleTestVm(name) {
    set((s) => ({ testVms: s.testVms.includes(name) ? s.testVms.filter((v) => v !== name) : [...s.testVms, name] }));
  },
  setHypothetical(patch) {
    set((s) => ({ hypothetical: { ...s.hypothetical, ...patch } }));
  },
  async runTest(options = {}) {
    const { source, destination, testMode, testVms, hypothetical, facts, report: before } = get();
    if (!source || !destination) return undefined;
    // No VM ticked means "all VMs on the source": without names the engine checks no VM at all.
    const all = (factsFor(facts, source)?.vms ?? []).map((v) => v.name);
    const vms = testVms.length > 0 ? [...testVms] : all.slice(0, 1000);
    const request =
      testMode === 'hypothetical'
        ? { source, destination, hypothetical }
        : vms.length > 0
          ? { source, destination, vms }
          : { source, destination };
    const samePair = before !== null && before.source === source && before.destination === destination;
    const skip = options.again && samePair && testMode === 'vms' ? unaffectedVms(before.findings) : [];
    const report = await ask(set, get, 'test', () => api.runTest(skip.length > 0 ? { ...request, compatibleBefore: skip } : request));
    if (report) set({ report, previousReport: samePair ? before : null });
    return report;
  },
  async exportReport() {
    return ask(set, get, 'report', () => api.testReport({ locale: get().language }));
  },
});
