/**
 * Move (issue 12): which of the tested VMs to move, VM only or with storage (and where), the
 * confirm step, each move's progress (fed by `onMove`), the result read back by main, "move
 * back", and the measured-vs-predicted history. Main decides what may move; this only asks.
 */
import type { EventOf, ResponseOf } from '../../../electron/core/contract/channels';
import type { TestReport } from '../../../electron/core/model';
import { sourceVms, type MoveTiming } from '../../../electron/core/move';
import { ask } from './ask';
import type { SliceFactory } from './types';

type MoveEvent = EventOf<'ferry:move'>;
export type MoveRunResult = ResponseOf<'move:start'>;
type MoveOutcome = MoveRunResult['moves'][number];

/** One VM's move as the window shows it. */
export interface MoveRow {
  readonly status: 'queued' | 'running' | 'done';
  readonly percent: number;
  readonly predictedSeconds?: number;
  readonly outcome?: MoveOutcome;
}

export interface MoveSlice {
  readonly moveVms: readonly string[];
  readonly moveIncludeStorage: boolean;
  /** -DestinationStoragePath; '' = Hyper-V's default on the destination. */
  readonly moveStoragePath: string;
  /** The destination's default folders (Get-VMHost), the path chooser's choices. */
  readonly movePaths: ResponseOf<'move:paths'> | null;
  readonly moveConfirming: boolean;
  readonly moveRunId: string | null;
  readonly moveRows: Readonly<Record<string, MoveRow>>;
  readonly moveResult: MoveRunResult | null;
  readonly moveHistory: readonly MoveTiming[];
  /** The report `testForMove` made, and the move it tested (the Test view's own runs test VM only). */
  readonly moveTested: { readonly report: TestReport; readonly includeStorage: boolean; readonly path: string } | null;
  toggleMoveVm(name: string): void;
  setMoveIncludeStorage(include: boolean): void;
  setMoveStoragePath(path: string): void;
  loadMovePaths(): Promise<void>;
  loadMoveHistory(): Promise<void>;
  /** Opens (true) or closes the confirm dialog; nothing moves until `startMove`. */
  confirmMove(open: boolean): void;
  /** Tests the pair again for the move as chosen (with storage, into that folder): its report decides. */
  testForMove(): Promise<void>;
  startMove(): Promise<MoveRunResult | undefined>;
  cancelMove(vm?: string): Promise<void>;
  moveBack(): Promise<MoveRunResult | undefined>;
  onMove(event: MoveEvent): void;
}

const rowOf = (e: MoveEvent, before: MoveRow | undefined): MoveRow => {
  const base = before ?? { status: 'queued' as const, percent: 0 };
  switch (e.kind) {
    case 'queued':
      return { status: 'queued', percent: 0 };
    case 'started':
      return { ...base, status: 'running', ...(e.predictedSeconds !== undefined ? { predictedSeconds: e.predictedSeconds } : {}) };
    case 'progress':
      return { ...base, status: 'running', percent: e.percent ?? base.percent };
    case 'done':
      return { ...base, status: 'done', percent: e.outcome?.result === 'moved' ? 100 : base.percent, ...(e.outcome ? { outcome: e.outcome } : {}) };
  }
};

export const createMoveSlice: SliceFactory<MoveSlice> = (api) => (set, get) => {
  /** Runs a move (or a move back) to its end; the answer is the truth, events may have been missed. */
  const run = async (call: () => ReturnType<typeof api.startMove>): Promise<MoveRunResult | undefined> => {
    set({ moveConfirming: false, moveRows: {}, moveResult: null, moveRunId: null });
    const result = await ask(set, get, 'move', call);
    set({ moveRunId: null });
    if (result) {
      const rows: Record<string, MoveRow> = { ...get().moveRows };
      for (const o of result.moves) rows[o.vm] = { ...(rows[o.vm] ?? { percent: 0 }), status: 'done', outcome: o, ...(o.result === 'moved' ? { percent: 100 } : {}) };
      set({ moveResult: result, moveRows: rows, moveVms: [] });
      await get().loadMoveHistory();
    }
    return result;
  };
  return {
    moveVms: [],
    moveIncludeStorage: false,
    moveStoragePath: '',
    movePaths: null,
    moveConfirming: false,
    moveRunId: null,
    moveRows: {},
    moveResult: null,
    moveHistory: [],
    moveTested: null,
    toggleMoveVm(name) {
      set((s) => ({ moveVms: s.moveVms.includes(name) ? s.moveVms.filter((v) => v !== name) : [...s.moveVms, name] }));
    },
    setMoveIncludeStorage(moveIncludeStorage) {
      set({ moveIncludeStorage });
      if (moveIncludeStorage && get().movePaths === null) void get().loadMovePaths();
    },
    setMoveStoragePath(moveStoragePath) {
      set({ moveStoragePath });
    },
    async loadMovePaths() {
      const host = get().destination;
      if (!host) return;
      const paths = await ask(set, get, 'movePaths', () => api.movePaths({ host }));
      if (paths) set((s) => ({ movePaths: paths, moveStoragePath: s.moveStoragePath === '' ? paths.virtualHardDiskPath : s.moveStoragePath }));
    },
    async loadMoveHistory() {
      const r = await ask(set, get, 'moveHistory', () => api.moveHistory({}));
      if (r) set({ moveHistory: r.timings });
    },
    confirmMove(moveConfirming) {
      set({ moveConfirming });
    },
    async testForMove() {
      const { source, destination, report, moveIncludeStorage } = get();
      if (!source || !destination) return;
      const path = moveIncludeStorage ? get().moveStoragePath.trim() : '';
      const vms = report ? sourceVms(report).map((v) => v.name).slice(0, 1000) : [];
      const next = await ask(set, get, 'test', () =>
        api.runTest({ source, destination, ...(vms.length > 0 ? { vms } : {}), includeStorage: moveIncludeStorage, ...(path !== '' ? { destinationStoragePath: path } : {}) }),
      );
      if (next) set({ report: next, previousReport: report, moveTested: { report: next, includeStorage: moveIncludeStorage, path } });
    },
    async startMove() {
      const { source, destination, moveVms, moveIncludeStorage, moveStoragePath } = get();
      if (!source || !destination || moveVms.length === 0) return undefined;
      const path = moveStoragePath.trim();
      return run(() =>
        api.startMove({
          source,
          destination,
          vms: [...moveVms],
          includeStorage: moveIncludeStorage,
          ...(moveIncludeStorage && path !== '' ? { destinationStoragePath: path } : {}),
          confirmed: true,
        }),
      );
    },
    async cancelMove(vm) {
      // Its own op: the move call stays in flight and answers with where each VM is.
      await ask(set, get, 'cancel', () => api.cancelMove(vm !== undefined ? { vm } : {}));
    },
    async moveBack() {
      return run(() => api.moveBack({ confirmed: true }));
    },
    onMove(event) {
      set((s) => ({ moveRunId: s.busy.move !== undefined ? event.runId : s.moveRunId, moveRows: { ...s.moveRows, [event.vm]: rowOf(event, s.moveRows[event.vm]) } }));
    },
  };
};
