/**
 * Desired state of N hosts (a source and a destination) → one ordered Plan.
 *
 * Host-setting steps come first, host by host in the order given, then the steps another
 * planner hands in (delegation: LDAP value adds/deletes, UAC swap, optional klist purge).
 * Only values that passed validation reach a command: host names through `validateHostName`,
 * subnets through the subnet parser; anything else becomes a warning and no step.
 */
import type { DesiredSettings, HostFacts, Plan, PlanStep, PlanWarning } from '../model';
import { diffSettings, type SettingChange } from '../settings/diff';
import { hostNameIssue } from '../settings/host-name';
import { parseSubnet } from '../settings/subnet';
import { canonicalizeDesired, validateDesired, type ValidationIssue } from '../settings/validate';
import { hostSteps } from './host-steps';
import { planWarning } from './plan-warning';

interface BuildPlanInput {
  readonly hosts: readonly HostFacts[];
  readonly desired: DesiredSettings;
  /** Per-host overrides, keyed by host name (any letter case). */
  readonly perHost?: Readonly<Record<string, Partial<DesiredSettings>>>;
  readonly extraSteps?: readonly PlanStep[];
  readonly extraWarnings?: readonly PlanWarning[];
  readonly id?: string;
  readonly createdAt?: string;
}

/** Desired settings that fail validation: the planner refuses rather than guess. */
export class PlanInputError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'PlanInputError';
  }
}

function overrideFor(perHost: BuildPlanInput['perHost'], host: string): Partial<DesiredSettings> | undefined {
  if (!perHost) return undefined;
  const wanted = host.toLowerCase();
  for (const [name, value] of Object.entries(perHost)) if (name.toLowerCase() === wanted) return value;
  return undefined;
}

/** The subnet an existing entry is named by must itself parse before it appears in a command. */
function changeIsSafe(change: SettingChange): boolean {
  if (change.kind === 'network-remove') return parseSubnet(change.network.subnet).ok;
  if (change.kind === 'network-priority') return parseSubnet(change.subnet).ok;
  return true;
}

/** Small stable hash (FNV-1a) so a plan without a caller-given id still gets a stable one. */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function buildPlan(input: BuildPlanInput): Plan {
  const steps: PlanStep[] = [];
  const warnings: PlanWarning[] = [];
  const hostNames: string[] = [];
  const seen = new Set<string>();
  for (const facts of input.hosts) {
    const host = facts.computerName;
    const nameProblem = hostNameIssue(host);
    if (nameProblem !== null) {
      // No target: the refused name is shown printable (host-name.ts), never as it came.
      warnings.push(planWarning('invalid-host-name', undefined, { name: String(nameProblem.messageParams.name), problem: nameProblem.message }));
      continue;
    }
    if (seen.has(host.toLowerCase())) {
      warnings.push(planWarning('duplicate-host', host));
      continue;
    }
    seen.add(host.toLowerCase());
    hostNames.push(host);
    const override = overrideFor(input.perHost, host);
    const merged: DesiredSettings = override ? { ...input.desired, ...override } : input.desired;
    const issues = validateDesired(merged, override ? `perHost.${host}` : '');
    if (issues.length > 0) throw new PlanInputError(issues);
    const desired = canonicalizeDesired(merged);
    if (facts.status !== 'ok' || facts.settings === undefined) {
      warnings.push(
        planWarning('host-unreadable', host, facts.error ? { reason: 'error', status: facts.status, detail: facts.error.message } : { reason: 'no-detail', status: facts.status }),
      );
      continue;
    }
    const changes = diffSettings(facts.settings, desired);
    const safe = changes.filter((change) => {
      if (changeIsSafe(change)) return true;
      warnings.push(planWarning('unparsable-network', host));
      return false;
    });
    steps.push(...hostSteps(host, safe));
  }
  const ids = new Set(steps.map((s) => s.id));
  for (const extra of input.extraSteps ?? []) {
    if (ids.has(extra.id)) continue;
    ids.add(extra.id);
    steps.push(extra);
  }
  warnings.push(...(input.extraWarnings ?? []));
  const createdAt = input.createdAt ?? new Date().toISOString();
  const id = input.id ?? `plan-${hashText(JSON.stringify({ createdAt, hostNames, steps: steps.map((s) => s.id) }))}`;
  return { id, createdAt, hosts: hostNames, steps, warnings };
}
