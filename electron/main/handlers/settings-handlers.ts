/**
 * IPC handlers for host settings: read and apply (each with cancel), plan, export, audit history
 * and rollback. Plans stay in main's memory by id; the renderer only ever sends a plan id back,
 * never steps or commands, so nothing it sends can become a command.
 */
import type { ResponseOf } from '../../core/contract/channels';
import type { AuditTarget, DesiredSettings, Plan, ProgressEvent } from '../../core/model';
import { groupPlanSpec, isGroupIssue } from '../../core/group';
import { PlanInputError } from '../../core/plan/build-plan';
import { exportPlanScript } from '../../core/plan/export-script';
import { validateDesired } from '../../core/settings/validate';
import { applyPlan, newRunId } from '../../engine/apply';
import { createPowerShellExecutor } from '../../engine/powershell-executor';
import { planGroup, type GroupPlanDeps } from '../../engine/plan-group';
import { readHosts } from '../../engine/read-hosts';
import { rollback, RollbackError } from '../../engine/rollback';
import type { ScriptRunner } from '../../engine/script-runner';
import type { StepExecutor, StepExecutors } from '../../engine/step-executor';
import { AuditLog } from '../../services/audit/audit-log';
import { UserFacingError, type HandlerMap } from '../ipc-dispatch';
import { handlerError } from './handler-error';
import { cancelGroup, linkedController } from '../abort-signals';

/** Plans delegation for a group's topology against the current directory (absent: no directory). */
export type DelegationPlanner = NonNullable<GroupPlanDeps['planDelegation']>;

interface SettingsHandlerDeps {
  readonly pool: ScriptRunner;
  readonly auditFile: string;
  readonly ldapExecutor?: StepExecutor;
  readonly delegationPlanner?: DelegationPlanner;
  readonly emitProgress: (event: ProgressEvent) => void;
  readonly user: string;
  /** The lab folder or real hosts the app changes, recorded in the audit log (so `ferry rollback` finds it). */
  readonly target?: AuditTarget;
}

type SettingsChannels = 'hosts:read' | 'hosts:cancel' | 'plan:create' | 'plan:export' | 'apply:start' | 'apply:cancel' | 'audit:list' | 'rollback:start';

/** Plans kept for export/apply; old ones are dropped first. */
const MAX_PLANS = 50;

export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<HandlerMap, SettingsChannels> {
  const plans = new Map<string, Plan>();
  const running = new Map<string, AbortController>();
  // Host reads in flight (the window reads in batches, and tests may overlap them).
  const reads = cancelGroup();
  const audit = new AuditLog(deps.auditFile);
  const executors: StepExecutors = {
    powershell: createPowerShellExecutor(deps.pool),
    ...(deps.ldapExecutor ? { ldap: deps.ldapExecutor } : {}),
  };
  const keep = (plan: Plan) => {
    plans.set(plan.id, plan);
    while (plans.size > MAX_PLANS) {
      const oldest = plans.keys().next().value;
      if (oldest === undefined) break;
      plans.delete(oldest);
    }
  };
  const planById = (planId: string): Plan => {
    const plan = plans.get(planId);
    if (!plan) throw handlerError('plan-gone');
    return plan;
  };
  const runTracked = async (runId: string, signal: AbortSignal, work: (s: AbortSignal) => Promise<ResponseOf<'apply:start'>>) => {
    const controller = linkedController(signal);
    running.set(runId, controller);
    try {
      return await work(controller.signal);
    } finally {
      running.delete(runId);
    }
  };

  return {
    // Host names were checked at the gate (HostNameSchema).
    'hosts:read': async ({ hosts }, signal) => {
      return reads.run(signal, async (read) => {
        const facts = await readHosts(deps.pool, hosts, { signal: read });
        // Cancelled calls come back as per-host errors; the window must not keep them as facts.
        if (read.aborted) throw handlerError('read-cancelled');
        return { hosts: facts };
      });
    },
    'hosts:cancel': async () => ({ cancelled: reads.cancel() }),

    'plan:create': async (request, signal) => {
      const spec = groupPlanSpec(request);
      if (isGroupIssue(spec)) throw new UserFacingError('invalid-input', spec.message, spec.field, undefined, spec);
      const issues = [
        ...validateDesired(request.desired, 'desired'),
        // Each host's overrides as that host would get them, named by their place in the request.
        ...(request.perHost ?? []).flatMap((entry, i) => validateDesired({ ...request.desired, ...entry.settings } as DesiredSettings, `perHost.${i}.settings`)),
      ];
      const first = issues[0];
      if (first) throw new UserFacingError('invalid-input', first.message, first.field, undefined, first);
      try {
        const { plan } = await planGroup(
          {
            readHosts: (names, s) => readHosts(deps.pool, names, s ? { signal: s } : {}),
            ...(deps.delegationPlanner ? { planDelegation: deps.delegationPlanner } : {}),
          },
          {
            hosts: spec.hosts,
            desired: request.desired,
            perHost: spec.perHost,
            ...(spec.delegation ? { delegation: spec.topology } : {}),
            id: `plan-${newRunId().slice(4)}`,
          },
          signal,
        );
        keep(plan);
        return plan;
      } catch (error) {
        if (error instanceof PlanInputError) {
          const issue = error.issues[0];
          throw new UserFacingError('invalid-input', error.message, issue ? (issue.field.startsWith('perHost.') ? issue.field : `desired.${issue.field}`) : undefined, undefined, issue);
        }
        throw error;
      }
    },

    'plan:export': async ({ planId }) => {
      const plan = planById(planId);
      return { fileName: `ferry-plan-${plan.id}.ps1`, script: exportPlanScript(plan) };
    },

    'apply:start': async ({ planId, includeOptional }, signal) => {
      const plan = planById(planId);
      const runId = newRunId();
      return runTracked(runId, signal, (s) =>
        applyPlan(plan, executors, {
          user: deps.user,
          audit,
          runId,
          ...(deps.target ? { target: deps.target } : {}),
          signal: s,
          onProgress: deps.emitProgress,
          ...(includeOptional !== undefined ? { includeOptional } : {}),
        }),
      );
    },

    'apply:cancel': async ({ runId }) => {
      const controller = running.get(runId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    'audit:list': async () => ({ records: (await audit.read()).records }),

    'rollback:start': async ({ runId }, signal) => {
      if (running.has(runId)) throw handlerError('run-still-going');
      return runTracked(runId, signal, async (s) => {
        try {
          const { plan, result } = await rollback(runId, audit, executors, { user: deps.user, onProgress: deps.emitProgress, signal: s, ...(deps.target ? { target: deps.target } : {}) });
          // Records the rollback could not restore stay changed: the window must say so.
          return plan.warnings.length > 0 ? { ...result, warnings: plan.warnings } : result;
        } catch (error) {
          // The one RollbackError the engine throws: no such run (its English is the CLI's).
          if (error instanceof RollbackError) throw handlerError('no-run', { runId });
          throw error;
        }
      });
    },
  };
}
