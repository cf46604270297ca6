/**
 * Delegation planning against a live directory: resolve the typed names to accounts, then the
 * pure planner in core/delegation decides the steps.
 */
import type { ComputerAccount, PlanStep, PlanWarning } from '../core/model';
import { meshPairs, pairsFor, planDelegation, planDelegationRemoval } from '../core/delegation';
import type { DirectorySession } from '../services/directory/directory-session';
import { resolveComputer } from '../services/directory/computer-accounts';

export interface DelegationPlanResult {
  readonly accounts: ComputerAccount[];
  readonly steps: PlanStep[];
  readonly warnings: PlanWarning[];
}

export async function planDelegationFor(
  directory: DirectorySession,
  source: string,
  destination: string,
  bothDirections = true,
  includeKlistPurge = true,
): Promise<DelegationPlanResult> {
  const a = await resolveComputer(directory, source);
  const b = await resolveComputer(directory, destination);
  const plan = planDelegation(pairsFor(a, b, bothDirections), { dnsDomain: directory.info.dnsDomain, includeKlistPurge });
  return { accounts: [a, b], ...plan };
}

export async function planMeshDelegationFor(directory: DirectorySession, hosts: readonly string[], includeKlistPurge = true): Promise<DelegationPlanResult> {
  const accounts: ComputerAccount[] = [];
  for (const h of hosts) accounts.push(await resolveComputer(directory, h));
  return { accounts, ...planDelegation(meshPairs(accounts), { dnsDomain: directory.info.dnsDomain, includeKlistPurge }) };
}

export async function planDelegationRemovalFor(
  directory: DirectorySession,
  source: string,
  destination: string,
  bothDirections: boolean,
  ferrySetFlag: (account: ComputerAccount) => boolean,
  includeKlistPurge = true,
): Promise<DelegationPlanResult> {
  const a = await resolveComputer(directory, source);
  const b = await resolveComputer(directory, destination);
  const plan = planDelegationRemoval(pairsFor(a, b, bothDirections), { dnsDomain: directory.info.dnsDomain, includeKlistPurge, ferrySetFlag });
  return { accounts: [a, b], ...plan };
}
