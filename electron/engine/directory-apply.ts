/**
 * Runs a delegation plan's steps in order through the executors, records each change in the
 * audit log (with `ferrySetFlag` for UAC steps) and stops at the first failure.
 *
 * Same signature as the engine's general `applyPlan`; the CLI uses this one until that lands, so
 * switching is a one-line import change.
 */
import { randomUUID } from 'node:crypto';
import type { ApplyResult, Plan, ProgressEvent, StepResult } from '../core/model';
import type { AuditLog } from '../services/audit/audit-log';
import type { StepExecutors } from './step-executor';

export interface ApplyOptions {
  readonly audit?: AuditLog;
  readonly onProgress?: (e: ProgressEvent) => void;
  readonly signal?: AbortSignal;
  readonly user: string;
  /** Run optional steps (klist purge) too. */
  readonly includeOptional?: boolean;
}

export async function applyDelegationPlan(plan: Plan, executors: StepExecutors, opts: ApplyOptions): Promise<ApplyResult> {
  const runId = randomUUID();
  const signal = opts.signal ?? new AbortController().signal;
  const steps = plan.steps.filter((s) => !s.optional || opts.includeOptional === true);
  const results: StepResult[] = [];
  const restore: string[] = [];
  let failed = false;
  for (const [index, step] of steps.entries()) {
    const progress = (status: ProgressEvent['status'], message: string) =>
      opts.onProgress?.({ runId, stepId: step.id, index, total: steps.length, status, message });
    if (failed || signal.aborted) {
      results.push({ stepId: step.id, status: 'not-started', verified: false });
      continue;
    }
    progress('running', `${step.target}: ${step.kind} ${step.setting}`);
    const executor = step.channel === 'ldap' ? executors.ldap : executors.powershell;
    try {
      if (!executor) throw Object.assign(new Error(`No ${step.channel} executor is connected.`), { code: 'failed' });
      const outcome = await executor.execute(step, signal);
      results.push({ stepId: step.id, status: 'done', readBack: outcome.readBack, verified: outcome.verified });
      if (step.inverseCommand !== '') restore.unshift(step.inverseCommand);
      await opts.audit?.append({
        time: new Date().toISOString(), user: opts.user, runId, planId: plan.id, stepId: step.id, host: step.target,
        setting: step.setting, before: step.before, after: step.after, result: 'done',
        ...(outcome.ferrySetFlag !== undefined ? { ferrySetFlag: outcome.ferrySetFlag } : {}),
      });
      progress('done', outcome.verified ? 'done, read back and verified' : 'done, but the read-back differs');
      if (!outcome.verified) failed = true;
    } catch (error) {
      failed = true;
      const e = error as { code?: unknown; message?: unknown };
      const info = { code: typeof e.code === 'string' ? e.code : 'failed', message: typeof e.message === 'string' ? e.message : String(error), target: step.target };
      results.push({ stepId: step.id, status: 'failed', verified: false, error: info });
      await opts.audit?.append({
        time: new Date().toISOString(), user: opts.user, runId, planId: plan.id, stepId: step.id, host: step.target,
        setting: step.setting, before: step.before, after: step.after, result: 'failed', message: info.message,
      });
      progress('failed', info.message);
    }
  }
  return {
    runId,
    planId: plan.id,
    ok: !failed && !signal.aborted,
    results,
    restoreCommands: restore,
    ...(opts.audit ? { auditLog: opts.audit.file } : {}),
  };
}
