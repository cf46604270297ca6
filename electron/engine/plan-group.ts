/**
 * Plans a group: read every host, decide the desired settings per host, plan the delegation the
 * topology needs, and build one ordered Plan. The app's `plan:create` and `ferry plan|apply` run
 * this; a pair is the group of two.
 */
import type { DesiredSettings, HostFacts, Plan, PlanStep, PlanWarning } from '../core/model';
import type { DelegationTopology } from '../core/group';
import { buildPlan } from '../core/plan/build-plan';

export interface GroupPlanDeps {
  readonly readHosts: (names: readonly string[], signal?: AbortSignal) => Promise<HostFacts[]>;
  /** Absent when there is no directory: the plan then warns that delegation was not planned. */
  readonly planDelegation?: (
    hosts: readonly string[],
    topology: DelegationTopology,
    signal?: AbortSignal,
  ) => Promise<{ readonly steps: readonly PlanStep[]; readonly warnings: readonly PlanWarning[] }>;
}

type DesiredFor = (facts: readonly HostFacts[]) => {
  readonly desired: DesiredSettings;
  readonly perHost?: Readonly<Record<string, Partial<DesiredSettings>>>;
};

interface GroupPlanRequest {
  readonly hosts: readonly string[];
  /** One desired column for every host, or a function of what was read (keep what is not given). */
  readonly desired: DesiredSettings | DesiredFor;
  readonly perHost?: Readonly<Record<string, Partial<DesiredSettings>>>;
  /** Plan delegation for this topology; absent = host settings only. */
  readonly delegation?: DelegationTopology;
  readonly id?: string;
}

export const NO_DIRECTORY_WARNING: PlanWarning = { code: 'no-directory', message: 'Connect to the directory to plan Kerberos constrained delegation.' };

/** Throws `PlanInputError` (from buildPlan) when a host's desired settings do not validate. */
export async function planGroup(deps: GroupPlanDeps, request: GroupPlanRequest, signal?: AbortSignal): Promise<{ facts: HostFacts[]; plan: Plan }> {
  const facts = await deps.readHosts(request.hosts, signal);
  const decided = typeof request.desired === 'function' ? request.desired(facts) : { desired: request.desired };
  const perHost = { ...(decided.perHost ?? {}), ...(request.perHost ?? {}) };
  let extraSteps: readonly PlanStep[] = [];
  let extraWarnings: readonly PlanWarning[] = [];
  if (request.delegation) {
    if (!deps.planDelegation) extraWarnings = [NO_DIRECTORY_WARNING];
    else {
      const delegation = await deps.planDelegation(request.hosts, request.delegation, signal);
      extraSteps = delegation.steps;
      extraWarnings = delegation.warnings;
    }
  }
  const plan = buildPlan({
    hosts: facts,
    desired: decided.desired,
    ...(Object.keys(perHost).length > 0 ? { perHost } : {}),
    extraSteps,
    extraWarnings,
    ...(request.id !== undefined ? { id: request.id } : {}),
  });
  return { facts, plan };
}
