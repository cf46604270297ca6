/** Apply, cancel, progress (fed by `onProgress`), the audit history and rollback. */
import type { ApplyResult, AuditRecord, ProgressEvent } from '../../../electron/core/model';
import { ask } from './ask';
import { AUTO_READ_LIMIT } from './discovery-slice';
import type { FerryState, SliceFactory } from './types';

export interface StepProgress {
  readonly status: ProgressEvent['status'];
  readonly message: string;
}

export interface RunSlice {
  /** Result of the last apply (or rollback, shown in History). */
  readonly apply: ApplyResult | null;
  readonly rollbackResult: ApplyResult | null;
  /** Run id of the apply/rollback in flight, learnt from its first progress event. */
  readonly activeRunId: string | null;
  readonly progressCount: { readonly index: number; readonly total: number } | null;
  readonly progress: Readonly<Record<string, StepProgress>>;
  readonly audit: readonly AuditRecord[];
  startApply(includeOptional: boolean): Promise<ApplyResult | undefined>;
  cancelApply(): Promise<void>;
  onProgress(event: ProgressEvent): void;
  loadAudit(): Promise<void>;
  rollback(runId: string): Promise<ApplyResult | undefined>;
}

/**
 * After a change the grid must show the hosts as they now are (the read-back the admin sees):
 * re-read the hosts' settings (the pair's, or the group's) and the directory's delegation entries.
 */
async function refreshPair(get: () => FerryState): Promise<void> {
  const { source, destination, scope, group } = get();
  const pair = scope === 'group' ? [...group] : [source, destination].filter((n): n is string => n !== null);
  const connected = get().directory?.connected === true;
  if (connected) await get().discover(); // small directories: this re-reads every host already
  if (pair.length > 0 && (!connected || get().hosts.length > AUTO_READ_LIMIT)) await get().readFacts(pair);
}

export const createRunSlice: SliceFactory<RunSlice> = (api) => (set, get) => ({
  apply: null,
  rollbackResult: null,
  activeRunId: null,
  progressCount: null,
  progress: {},
  audit: [],
  async startApply(includeOptional) {
    const plan = get().plan;
    if (!plan) return undefined;
    set({ apply: null, progress: {}, progressCount: { index: 0, total: plan.steps.length }, activeRunId: null });
    const result = await ask(set, get, 'apply', () => api.startApply({ planId: plan.id, includeOptional }));
    set({ activeRunId: null });
    if (result) {
      // The final result is the truth; progress events may have been missed.
      const progress: Record<string, StepProgress> = { ...get().progress };
      for (const r of result.results) progress[r.stepId] = { status: r.status, message: r.error?.message ?? '' };
      set({ apply: result, progress });
      await refreshPair(get);
    }
    return result;
  },
  async cancelApply() {
    const runId = get().activeRunId;
    if (!runId) return;
    // Its own op: the apply call stays in flight and delivers the final result.
    await ask(set, get, 'cancel', () => api.cancelApply({ runId }));
  },
  onProgress(event) {
    set((s) => ({
      activeRunId: s.busy.apply !== undefined || s.busy.rollback !== undefined ? event.runId : s.activeRunId,
      progressCount: { index: event.index, total: event.total },
      progress: event.stepId ? { ...s.progress, [event.stepId]: { status: event.status, message: event.message } } : s.progress,
    }));
  },
  async loadAudit() {
    const r = await ask(set, get, 'audit', () => api.listAudit({}));
    if (r) set({ audit: r.records });
  },
  async rollback(runId) {
    set({ rollbackResult: null, progress: {}, progressCount: null });
    const result = await ask(set, get, 'rollback', () => api.startRollback({ runId }));
    if (result) set({ rollbackResult: result });
    await get().loadAudit();
    if (result) await refreshPair(get);
    return result;
  },
});
