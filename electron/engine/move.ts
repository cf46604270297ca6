/**
 * Live-migrates VMs the test found ready, the real way: `Move-VM -VM … -DestinationHost … -AsJob`
 * on a PowerShell process of its own (a Hyper-V job lives in the process that started it, so the
 * polls and Stop-Job must reach the same one), progress polled from the job, at most as many
 * moves at once as both hosts allow (the rest wait: core/move/queue.ts), a CredSSP source told
 * to run the exact command there instead of failing with 0x8009030E, and each move verified by
 * reading both hosts back. Every move leaves an audit record saying where the VM is; a moved VM's
 * measured time is kept beside the model's prediction.
 */
import { checkChosen, checkStorageTested, landing, limitsFrom, moveStart, predictMove, startable } from '../core/move';
import type { Landing, MovePrediction, MoveSpec, MoveTiming, VmBefore, VmPlacement } from '../core/move';
import type { AuditRecord, HostFacts, TestReport, VmSummary } from '../core/model';
import type { StartMode } from '../core/preflight/facts';
import { shortHost } from '../core/preflight/finding';
import { newRunId, type AuditWriter } from './apply';
import { errorInfoOf, type ScriptRunner } from './script-runner';

export const MOVE_SETTING = 'vm.location';

export interface MoveDeps {
  /** Short host calls (the read-back). */
  readonly runner: ScriptRunner;
  /** Every call reaches the same PowerShell process: start, poll and stop of the Hyper-V jobs. */
  readonly jobRunner: ScriptRunner;
  readonly audit?: AuditWriter;
  readonly history?: { append(t: MoveTiming): Promise<void> };
  readonly user: string;
  /** Lab seconds per model second (the lab's `timeScale`); 1 on real hosts. */
  readonly timeScale?: number;
  readonly pollMs?: number;
  readonly now?: () => number;
}

export interface MoveRequest {
  readonly source: string;
  readonly destination: string;
  readonly vms: readonly string[];
  readonly includeStorage: boolean;
  readonly destinationStoragePath?: string;
  /** Where Ferry runs: `remote` (a workstation, the default) or on the source host itself. */
  readonly startMode?: StartMode;
  /** `move-back`: the rollback of a recorded move (its own audit records are not moved back again). */
  readonly purpose?: 'move' | 'move-back';
}

export type MoveResult = 'moved' | 'failed' | 'cancelled' | 'run-on-source';

export interface MoveOutcome {
  readonly vm: string;
  readonly source: string;
  readonly destination: string;
  readonly includeStorage: boolean;
  readonly result: MoveResult;
  readonly prediction: MovePrediction;
  /** Where the read-back found the VM (absent for a move that was never started). */
  readonly landing?: Landing;
  readonly measuredSeconds?: number;
  readonly error?: { readonly message: string; readonly codes: readonly string[] };
  /** CredSSP: the command to run on the source host instead. */
  readonly command?: string;
}

export type MoveEvent =
  | { readonly kind: 'queued'; readonly vm: string }
  | { readonly kind: 'started'; readonly vm: string; readonly predictedSeconds: number }
  | { readonly kind: 'progress'; readonly vm: string; readonly percent: number }
  | { readonly kind: 'done'; readonly vm: string; readonly outcome: MoveOutcome };

export interface MoveRun {
  readonly runId: string;
  readonly done: Promise<MoveOutcome[]>;
  /** Cancels one VM's move (or all): a queued one never starts, a running one gets Stop-Job. */
  cancel(vm?: string): void;
}

interface Started {
  readonly jobId: number;
  readonly vmId: string;
  readonly before: VmBefore;
}

interface Polled {
  readonly jobId: number;
  readonly state: string;
  readonly percent: number;
  readonly elapsedSeconds?: number;
  readonly error?: { message: string; codes: string[] };
}

interface Item {
  readonly id: string;
  readonly vm: VmSummary;
  readonly source: string;
  readonly destination: string;
  prediction: MovePrediction;
  started?: Started;
  startedAt?: number;
  percent: number;
  cancelRequested: boolean;
}

const FINISHED = new Set(['Completed', 'Failed', 'Stopped', 'NotFound']);

function hostOf(report: TestReport, name: string): HostFacts | undefined {
  return report.hosts.find((h) => shortHost(h.computerName) === shortHost(name));
}

/** Checks the request against the test report (ready VMs only) and starts the moves. */
export function startMovesFromReport(deps: MoveDeps, report: TestReport, request: MoveRequest, onEvent?: (e: MoveEvent) => void): MoveRun {
  if (shortHost(report.source) !== shortHost(request.source) || shortHost(report.destination) !== shortHost(request.destination)) {
    throw new Error(`The test report is for ${report.source} → ${report.destination}, not ${request.source} → ${request.destination}; test this pair first.`);
  }
  checkChosen(report, request.vms);
  checkStorageTested(report, request.includeStorage, request.destinationStoragePath);
  const source = hostOf(report, request.source);
  const destination = hostOf(report, request.destination);
  if (source === undefined || destination === undefined) throw new Error('The test report has no facts for the source or the destination; test again.');
  return startMoves(deps, { source, destination }, request, onEvent);
}

/** Starts the moves of `request.vms` (VM summaries from `facts.source`); see the file comment. */
export function startMoves(
  deps: MoveDeps,
  facts: { readonly source: HostFacts; readonly destination: HostFacts },
  request: MoveRequest,
  onEvent: (e: MoveEvent) => void = () => undefined,
): MoveRun {
  const runId = newRunId();
  const now = deps.now ?? (() => Date.now());
  const pollMs = deps.pollMs ?? 250;
  const cancelled = new Set<string>();
  let cancelAll = false;
  let wake: (() => void) | undefined;
  const cancel = (vm?: string) => {
    if (vm === undefined) cancelAll = true;
    else cancelled.add(vm);
    wake?.();
  };
  const done = run();
  return { runId, done, cancel };

  async function run(): Promise<MoveOutcome[]> {
    const outcomes: MoveOutcome[] = [];
    const finish = async (item: Item | undefined, outcome: MoveOutcome) => {
      outcomes.push(outcome);
      await record(outcome, item?.started?.before);
      onEvent({ kind: 'done', vm: outcome.vm, outcome });
    };
    const waiting: Item[] = [];
    for (const name of request.vms) {
      const vm = facts.source.vms?.find((v) => v.name === name);
      const spec: MoveSpec = { source: request.source, destination: request.destination, vm: name, includeStorage: request.includeStorage, ...(request.destinationStoragePath !== undefined ? { destinationStoragePath: request.destinationStoragePath } : {}) };
      const prediction = vm ? predictMove({ vm, source: facts.source, destination: facts.destination, includeStorage: request.includeStorage }) : predictMove({ vm: emptyVm(name), source: facts.source, destination: facts.destination, includeStorage: false });
      const where = moveStart(spec, facts.source.settings?.virtualMachineMigrationAuthenticationType, request.startMode ?? 'remote');
      const base = { vm: name, source: request.source, destination: request.destination, includeStorage: request.includeStorage, prediction };
      if (vm === undefined) {
        await finish(undefined, { ...base, result: 'failed', error: { message: `${request.source} has no VM named "${name}".`, codes: [] } });
        continue;
      }
      if (where.where === 'on-source') {
        await finish(undefined, { ...base, result: 'run-on-source', command: where.command });
        continue;
      }
      waiting.push({ id: `${runId}:${name}`, vm, source: request.source, destination: request.destination, prediction, percent: 0, cancelRequested: false });
      onEvent({ kind: 'queued', vm: name });
    }
    const limits = limitsFrom([facts.source, facts.destination]);
    const running: Item[] = [];
    while (waiting.length > 0 || running.length > 0) {
      // Cancelled before they started: they never will.
      for (const w of [...waiting]) {
        if (cancelAll || cancelled.has(w.vm.name)) {
          waiting.splice(waiting.indexOf(w), 1);
          await finish(w, outcomeOf(w, 'cancelled'));
        }
      }
      for (const item of startable(waiting, running, limits)) {
        waiting.splice(waiting.indexOf(item), 1);
        // Moves running at once share the link: the prediction counts them.
        item.prediction = predictMove({ vm: item.vm, source: facts.source, destination: facts.destination, includeStorage: request.includeStorage, concurrent: running.length + 1 });
        try {
          item.started = await deps.jobRunner.run<Started>('move-vm-start.ps1', {
            computerName: request.source,
            name: item.vm.name,
            destinationHost: request.destination,
            includeStorage: request.includeStorage,
            ...(request.includeStorage && request.destinationStoragePath ? { destinationStoragePath: request.destinationStoragePath } : {}),
          });
          item.startedAt = now();
          running.push(item);
          onEvent({ kind: 'started', vm: item.vm.name, predictedSeconds: item.prediction.totalSeconds });
        } catch (error) {
          const info = errorInfoOf(error);
          await finish(item, { ...outcomeOf(item, 'failed'), error: { message: info.message, codes: [] }, landing: await readBack(item) });
        }
      }
      for (const item of running) {
        if ((cancelAll || cancelled.has(item.vm.name)) && !item.cancelRequested && item.started) {
          item.cancelRequested = true;
          await deps.jobRunner.run('move-vm-stop.ps1', { jobId: item.started.jobId }).catch(() => undefined);
        }
      }
      if (running.length === 0) continue;
      const polled = await deps.jobRunner
        .run<{ jobs: Polled[] }>('move-vm-poll.ps1', { jobIds: running.map((r) => r.started?.jobId ?? -1) })
        .catch((error: unknown) => ({ jobs: [] as Polled[], error }));
      for (const p of polled.jobs) {
        const item = running.find((r) => r.started?.jobId === p.jobId);
        if (!item) continue;
        if (p.percent !== item.percent) {
          item.percent = p.percent;
          onEvent({ kind: 'progress', vm: item.vm.name, percent: p.percent });
        }
        if (!FINISHED.has(p.state)) continue;
        running.splice(running.indexOf(item), 1);
        // The job's own begin-to-end time; Ferry's clock (start call to this poll) when it has none.
        const measuredSeconds = p.elapsedSeconds ?? (now() - (item.startedAt ?? now())) / 1000;
        const land = await readBack(item);
        // The read-back decides, not the job alone: a job that "completed" with the VM not on the
        // destination is a failed move.
        const result: MoveResult = p.state === 'Completed' && land.where === 'destination' ? 'moved' : p.state === 'Stopped' ? 'cancelled' : 'failed';
        const error = p.error ?? (p.state === 'NotFound' ? { message: 'The move job was lost (its PowerShell process ended); the VM is where the read-back found it.', codes: [] } : undefined);
        const outcome: MoveOutcome = { ...outcomeOf(item, result), landing: land, measuredSeconds, ...(error && result !== 'moved' ? { error } : {}) };
        if (result === 'moved') {
          await deps.history?.append({
            vm: item.vm.name, source: item.source, destination: item.destination, includeStorage: request.includeStorage,
            finishedAt: new Date(now()).toISOString(), measuredSeconds, predictedSeconds: item.prediction.totalSeconds, timeScale: deps.timeScale ?? 1,
          });
        }
        await finish(item, outcome);
      }
      if (running.length > 0 || waiting.length > 0) await new Promise<void>((r) => { wake = r; setTimeout(r, pollMs); });
      wake = undefined;
    }
    return outcomes;
  }

  function outcomeOf(item: Item, result: MoveResult): MoveOutcome {
    return { vm: item.vm.name, source: item.source, destination: item.destination, includeStorage: request.includeStorage, result, prediction: item.prediction };
  }

  async function readBack(item: Item): Promise<Landing> {
    const before: VmBefore = item.started?.before ?? { state: item.vm.state, memoryAssignedBytes: item.vm.memoryAssignedBytes, memoryStartupBytes: item.vm.memoryStartupBytes };
    const unknown = (h: string): VmPlacement => ({ computerName: h, reachable: false, found: false });
    try {
      const vmId = item.started?.vmId;
      if (vmId === undefined) {
        return landing(before, unknown(item.source), unknown(item.destination));
      }
      const r = await deps.runner.run<{ hosts: VmPlacement[] }>('get-vm-placement.ps1', { vmId, hosts: [item.source, item.destination] });
      return landing(before, r.hosts[0] ?? unknown(item.source), r.hosts[1] ?? unknown(item.destination));
    } catch {
      return landing(before, unknown(item.source), unknown(item.destination));
    }
  }

  async function record(o: MoveOutcome, before: VmBefore | undefined): Promise<void> {
    if (!deps.audit) return;
    const where = o.landing?.where;
    const at = where === 'destination' ? o.destination : where === 'source' ? o.source : where ?? (o.result === 'run-on-source' || o.result === 'cancelled' ? o.source : 'unknown');
    const rec: AuditRecord = {
      time: new Date(now()).toISOString(),
      user: deps.user,
      runId,
      planId: request.purpose ?? 'move',
      stepId: `move:${o.vm}`,
      host: o.source,
      setting: MOVE_SETTING,
      before: { host: o.source, vm: o.vm, ...(before ?? {}) },
      after: { host: at, vm: o.vm, destination: o.destination, includeStorage: o.includeStorage, ...(o.landing?.state !== undefined ? { state: o.landing.state } : {}) },
      result: o.result === 'moved' ? 'done' : 'failed',
      message: auditMessage(o, at),
    };
    await deps.audit.append(rec);
  }
}

/** One line saying what happened and where the VM is now (English: the audit log is for admins and support). */
export function auditMessage(o: MoveOutcome, at: string): string {
  const seconds = o.measuredSeconds !== undefined ? ` in ${o.measuredSeconds.toFixed(1)} s (model: ${o.prediction.totalSeconds.toFixed(1)} s)` : '';
  switch (o.result) {
    case 'moved':
      return `Moved ${o.vm} from ${o.source} to ${o.destination}${seconds}; read back on ${o.destination}${o.landing?.sameState === false ? ' in another state' : ''}${o.landing?.sameMemory === false ? ' with other memory' : ''}. Move it back with ferry migrate --move-back.`;
    case 'run-on-source':
      return `Not started: ${o.source} uses CredSSP, so the move must start on ${o.source}. Run there: ${o.command ?? ''}`;
    case 'cancelled':
      return `Cancelled; ${o.vm} is on ${at}.`;
    case 'failed':
      return `Failed: ${o.error?.message ?? 'unknown error'} — ${o.vm} is on ${at}${o.landing?.unreachable.length ? ` (no answer from ${o.landing.unreachable.join(', ')})` : ''}.`;
  }
}

function emptyVm(name: string): VmSummary {
  return {
    name, state: 'Off', memoryAssignedBytes: 0, memoryStartupBytes: 0, dynamicMemoryEnabled: false, configurationVersion: '',
    processorCompatibilityForMigration: false, switchNames: [], hasIsoAttached: false, hasPassThroughDisk: false, hasSnapshots: false, diskBytes: 0,
  };
}

/** The newest move in the audit log that moved a VM and was not moved back yet. */
export function lastMove(records: readonly AuditRecord[]): AuditRecord | undefined {
  const back = new Set(records.filter((r) => r.setting === MOVE_SETTING && r.result === 'rolled-back').map((r) => `${r.runId}|${r.stepId}`));
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r && r.setting === MOVE_SETTING && r.planId === 'move' && r.result === 'done' && !back.has(`${r.runId}|${r.stepId}`)) return r;
  }
  return undefined;
}

/** The request that moves a recorded move's VM back where it came from (its rollback). */
export function moveBackRequest(r: AuditRecord): MoveRequest {
  const after = (r.after ?? {}) as { destination?: unknown; vm?: unknown; includeStorage?: unknown };
  const before = (r.before ?? {}) as { disks?: unknown };
  const vm = typeof after.vm === 'string' ? after.vm : r.stepId.replace(/^move:/, '');
  const destination = typeof after.destination === 'string' ? after.destination : '';
  const includeStorage = after.includeStorage === true;
  // With storage, the disks go back to the folder they came from.
  const first = Array.isArray(before.disks) && typeof before.disks[0] === 'string' ? before.disks[0] : undefined;
  const folder = first !== undefined && first.lastIndexOf('\\') > 0 ? first.slice(0, first.lastIndexOf('\\')) : undefined;
  return { source: destination, destination: r.host, vms: [vm], includeStorage, purpose: 'move-back', ...(includeStorage && folder !== undefined ? { destinationStoragePath: folder } : {}) };
}

/** After a move back: the original record is marked rolled back, under its run and step. */
export async function recordMovedBack(audit: AuditWriter, original: AuditRecord, outcome: MoveOutcome, user: string): Promise<void> {
  if (outcome.result !== 'moved') return;
  await audit.append({
    ...original,
    time: new Date().toISOString(),
    user,
    before: original.after ?? null,
    after: original.before ?? null,
    result: 'rolled-back',
    message: `Moved back: ${outcome.vm} is on ${outcome.destination} again.`,
  });
}
