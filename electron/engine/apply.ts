/**
 * Applies a plan: steps in order, each read back and compared, every change written to the
 * audit log, progress reported as it goes. The first failure (error, mismatch on read-back,
 * cancel) stops the run; the result then says which steps are done, which failed and which
 * were not started, with the commands that restore what was done.
 */
import { randomUUID } from 'node:crypto';
import type { ApplyResult, AuditRecord, AuditTarget, Plan, PlanStep, ProgressEvent, StepResult } from '../core/model';
import { describeStep } from '../core/plan/export-script';
import { errorInfoOf } from './script-runner';
import type { StepExecutor, StepExecutors } from './step-executor';

export interface AuditWriter {
  append(record: AuditRecord): Promise<void>;
  readonly file?: string;
}

interface ApplyOptions {
  readonly user: string;
  readonly audit?: AuditWriter;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
  readonly runId?: string;
  /** Run optional (advisory) steps too; otherwise they are reported as skipped. */
  readonly includeOptional?: boolean;
  /** Rollback writes `rolled-back` records under the original step ids. */
  readonly doneResult?: 'done' | 'rolled-back';
  readonly auditStepId?: (step: PlanStep) => string;
  readonly now?: () => Date;
  /** The lab folder or real hosts the run changes, recorded with every change (for rollback). */
  readonly target?: AuditTarget;
}

export function newRunId(): string {
  return `run-${new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}-${randomUUID().slice(0, 8)}`;
}

/** The most steps one batch carries (an LDAP modify with this many values stays far below any DC's request limit). */
export const MAX_BATCH = 500;

/**
 * The steps from `start` that go as one change: the step itself, then the following steps that
 * the same executor batches under the same key (an optional step that is skipped ends a batch).
 */
function batchFrom(steps: readonly PlanStep[], start: number, executor: StepExecutor, includeOptional: boolean): PlanStep[] {
  const first = steps[start];
  if (first === undefined) return [];
  const key = executor.batchKey?.(first);
  if (key === undefined || executor.executeBatch === undefined) return [first];
  const batch = [first];
  for (let j = start + 1; j < steps.length && batch.length < MAX_BATCH; j++) {
    const next = steps[j];
    if (next === undefined || next.channel !== first.channel || (next.optional && !includeOptional) || executor.batchKey?.(next) !== key) break;
    batch.push(next);
  }
  return batch;
}

export async function applyPlan(plan: Plan, executors: StepExecutors, options: ApplyOptions): Promise<ApplyResult> {
  const runId = options.runId ?? newRunId();
  const now = options.now ?? (() => new Date());
  const total = plan.steps.length;
  const results: StepResult[] = [];
  const done: PlanStep[] = [];
  let failed = false;
  const emit = (event: Omit<ProgressEvent, 'runId' | 'total'>) => options.onProgress?.({ runId, total, ...event });
  const audit = async (step: PlanStep, result: AuditRecord['result'], extra: { message?: string; ferrySetFlag?: boolean }) => {
    if (!options.audit) return;
    await options.audit.append({
      time: now().toISOString(),
      user: options.user,
      runId,
      planId: plan.id,
      stepId: options.auditStepId ? options.auditStepId(step) : step.id,
      host: step.target,
      setting: step.setting,
      before: step.before ?? null,
      after: step.after ?? null,
      result,
      ...(extra.ferrySetFlag !== undefined ? { ferrySetFlag: extra.ferrySetFlag } : {}),
      ...(extra.message !== undefined ? { message: extra.message } : {}),
      ...(options.target !== undefined ? { target: options.target } : {}),
    });
  };

  for (let index = 0; index < total; index++) {
    const step = plan.steps[index];
    if (step === undefined) continue;
    if (failed) {
      results.push({ stepId: step.id, status: 'not-started', verified: false });
      continue;
    }
    if (step.optional && !options.includeOptional) {
      results.push({ stepId: step.id, status: 'skipped', verified: false });
      emit({ stepId: step.id, index, status: 'skipped', message: `Skipped (optional): ${describeStep(step)}` });
      continue;
    }
    if (options.signal?.aborted) {
      failed = true;
      results.push({ stepId: step.id, status: 'not-started', verified: false, error: { code: 'cancelled', message: 'The run was cancelled.' } });
      continue;
    }
    const executor = step.channel === 'ldap' ? executors.ldap : executors.powershell;
    const batch = executor ? batchFrom(plan.steps, index, executor, options.includeOptional === true) : [step];
    for (const [i, s] of batch.entries()) emit({ stepId: s.id, index: index + i, status: 'running', message: describeStep(s) });
    try {
      if (!executor) throw Object.assign(new Error(`No ${step.channel} connection is available for ${step.target}.`), { code: 'no-executor' });
      const signal = options.signal ?? new AbortController().signal;
      const outcomes = batch.length > 1 && executor.executeBatch ? await executor.executeBatch(batch, signal) : [await executor.execute(step, signal)];
      for (const [i, s] of batch.entries()) {
        const outcome = outcomes[i];
        if (outcome === undefined || !outcome.verified) {
          const message = `${s.target} reports ${JSON.stringify(outcome?.readBack ?? null)} for ${s.setting} after the change, not ${JSON.stringify(s.after ?? null)}.`;
          failed = true;
          results.push({ stepId: s.id, status: 'failed', readBack: outcome?.readBack, verified: false, error: { code: 'verify-failed', message, target: s.target } });
          await audit(s, 'failed', { message });
          emit({ stepId: s.id, index: index + i, status: 'failed', message });
          continue;
        }
        done.push(s);
        results.push({ stepId: s.id, status: 'done', readBack: outcome.readBack, verified: true });
        // The inverse command goes into the record so the log alone says how to undo the change.
        await audit(s, options.doneResult ?? 'done', {
          message: s.inverseCommand,
          ...(outcome.ferrySetFlag !== undefined ? { ferrySetFlag: outcome.ferrySetFlag } : {}),
        });
        emit({ stepId: s.id, index: index + i, status: 'done', message: describeStep(s) });
      }
    } catch (error) {
      // A batch is one change the target makes all or not at all: every step of it failed.
      const info = errorInfoOf(error);
      failed = true;
      for (const [i, s] of batch.entries()) {
        results.push({ stepId: s.id, status: 'failed', verified: false, error: { ...info, target: info.target ?? s.target } });
        await audit(s, 'failed', { message: `${info.code}: ${info.message}` });
        emit({ stepId: s.id, index: index + i, status: 'failed', message: info.message });
      }
    }
    index += batch.length - 1;
  }
  const restoreCommands = [...done].reverse().map((s) => s.inverseCommand).filter((c) => c.length > 0);
  emit({
    index: total,
    status: failed ? 'failed' : 'done',
    message: failed ? `Stopped: ${done.length} of ${total} step(s) done.` : `Finished: ${done.length} step(s) done.`,
  });
  return {
    runId,
    planId: plan.id,
    ok: !failed,
    results,
    restoreCommands,
    ...(options.audit?.file !== undefined ? { auditLog: options.audit.file } : {}),
  };
}
