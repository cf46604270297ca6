/** Test: the simulated migration test for the chosen pair and its HTML report. */
import type { HypotheticalVm, TestReport } from '../../../electron/core/model';
import { ask } from './ask';
import type { SliceFactory } from './types';

export interface TestSlice {
  readonly testMode: 'vms' | 'hypothetical';
  readonly testVms: readonly string[];
  readonly hypothetical: HypotheticalVm;
  readonly report: TestReport | null;
  setTestMode(mode: 'vms' | 'hypothetical'): void;
  toggleTestVm(name: string): void;
  setHypothetical(patch: Partial<HypotheticalVm>): void;
  runTest(): Promise<TestReport | undefined>;
  exportReport(): Promise<{ fileName: string; html: string } | undefined>;
}

export const createTestSlice: SliceFactory<TestSlice> = (api) => (set, get) => ({
  testMode: 'vms',
  testVms: [],
  hypothetical: { memoryGiB: 16, dirtyMBps: 200 },
  report: null,
  setTestMode(testMode) {
    set({ testMode });
  },
  toggleTestVm(name) {
    set((s) => ({ testVms: s.testVms.includes(name) ? s.testVms.filter((v) => v !== name) : [...s.testVms, name] }));
  },
  setHypothetical(patch) {
    set((s) => ({ hypothetical: { ...s.hypothetical, ...patch } }));
  },
  async runTest() {
    const { source, destination, testMode, testVms, hypothetical } = get();
    if (!source || !destination) return undefined;
    const request =
      testMode === 'hypothetical'
        ? { source, destination, hypothetical }
        : testVms.length > 0
          ? { source, destination, vms: [...testVms] }
          : { source, destination };
    const report = await ask(set, get, 'test', () => api.runTest(request));
    if (report) set({ report });
    return report;
  },
  async exportReport() {
    return ask(set, get, 'report', () => api.testReport({ locale: get().language }));
  },
});
