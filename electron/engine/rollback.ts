/**
 * Restores the before-values of a recorded apply, from the audit log alone (the CLI's rollback
 * runs in a different process from the apply). Steps run newest change first, with the same
 * read-back and stop-at-first-failure rules as an apply; each restored change is logged as
 * `rolled-back` under the original run and step, so running rollback twice restores nothing
 * twice.
 */
import type { ApplyResult, AuditRecord, AuditTarget, Plan, ProgressEvent } from '../core/model';
import { rollbackSteps } from '../core/plan/inverse';
import { applyPlan, type AuditWriter } from './apply';
import type { StepExecutors } from './step-executor';

interface AuditSource extends AuditWriter {
  read(): Promise<{ records: AuditRecord[] }>;
}

interface RollbackOptions {
  readonly user: string;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
  /** Where the restore runs (the run's own target), recorded with each restored change. */
  readonly target?: AuditTarget;
}

/** The lab folder or real hosts a run changed, as its records say; undefined for logs that predate it. */
export function runTarget(records: readonly AuditRecord[], runId: string): AuditTarget | undefined {
  return records.find((r) => r.runId === runId && r.target !== undefined)?.target;
}

/** The newest run in the log that has changes still to undo, or undefined. */
export function latestRunId(records: readonly AuditRecord[]): string | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r && r.result === 'done' && rollbackSteps(records.filter((x) => x.runId === r.runId)).steps.length > 0) return r.runId;
  }
  return undefined;
}

export class RollbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackError';
  }
}

/** The rollback plan for one run (for review before running it). */
export async function planRollback(runId: string, audit: AuditSource): Promise<Plan> {
  const { records } = await audit.read();
  const ofRun = records.filter((r) => r.runId === runId);
  if (ofRun.length === 0) throw new RollbackError(`The audit log has no run ${runId}.`);
  const { steps, warnings } = rollbackSteps(ofRun);
  const hosts = [...new Set(steps.map((s) => s.target))];
  return { id: `rollback-${runId}`.slice(0, 64), createdAt: new Date().toISOString(), hosts, steps, warnings };
}

export async function rollback(
  runId: string,
  audit: AuditSource,
  executors: StepExecutors,
  options: RollbackOptions,
): Promise<{ plan: Plan; result: ApplyResult }> {
  const plan = await planRollback(runId, audit);
  const result = await applyPlan(plan, executors, {
    user: options.user,
    audit,
    runId,
    doneResult: 'rolled-back',
    auditStepId: (step) => step.id.replace(/^rollback:/, ''),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.target ? { target: options.target } : {}),
  });
  return { plan, result };
}
