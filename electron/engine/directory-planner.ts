/**
 * Delegation planning against a live directory: resolve the typed names to accounts, then the
 * pure planner in core/delegation decides the steps.
 */
import type { ComputerAccount, PlanStep, PlanWarning } from '../core/model';
import { meshPairs, pairsFor, planDelegation, planDelegationRemoval, type DirectedPair } from '../core/delegation';
import { hostKey, topologyPairs, type DelegationTopology } from '../core/group';
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

/** The accounts of a group, resolved at once, and the directed pairs a topology needs. */
async function groupPairs(directory: DirectorySession, hosts: readonly string[], topology: DelegationTopology): Promise<{ accounts: ComputerAccount[]; pairs: DirectedPair[] }> {
  const accounts = await Promise.all(hosts.map((h) => resolveComputer(directory, h)));
  const byHost = new Map(hosts.map((h, i) => [hostKey(h), accounts[i]]));
  const pairs: DirectedPair[] = [];
  for (const p of topologyPairs(hosts, topology)) {
    const source = byHost.get(hostKey(p.source));
    const destination = byHost.get(hostKey(p.destination));
    if (source && destination && source.dn.toLowerCase() !== destination.dn.toLowerCase()) pairs.push({ source, destination });
  }
  return { accounts, pairs };
}

/** Delegation for a group: every pair its topology allows (a pair is the group of two). */
export async function planGroupDelegationFor(
  directory: DirectorySession,
  hosts: readonly string[],
  topology: DelegationTopology,
  includeKlistPurge = true,
): Promise<DelegationPlanResult> {
  const { accounts, pairs } = await groupPairs(directory, hosts, topology);
  return { accounts, ...planDelegation(pairs, { dnsDomain: directory.info.dnsDomain, includeKlistPurge }) };
}

/**
 * Removing delegation for a group's topology: exactly the entries those pairs need, and the flag
 * only where Ferry set it and nothing else needs it. Taking one host out of a group is this for
 * the pairs between it and the others (`pairsWith`).
 */
export async function planGroupDelegationRemovalFor(
  directory: DirectorySession,
  hosts: readonly string[],
  topology: DelegationTopology,
  ferrySetFlag: (account: ComputerAccount) => boolean,
  options: { includeKlistPurge?: boolean; onlyWith?: string } = {},
): Promise<DelegationPlanResult> {
  const { accounts, pairs } = await groupPairs(directory, hosts, topology);
  const only = options.onlyWith;
  const chosen = only === undefined ? pairs : pairs.filter((p) => [p.source, p.destination].some((a) => sameHost(a, only)));
  return { accounts, ...planDelegationRemoval(chosen, { dnsDomain: directory.info.dnsDomain, includeKlistPurge: options.includeKlistPurge ?? true, ferrySetFlag }) };
}

const sameHost = (account: ComputerAccount, name: string): boolean =>
  account.name.toLowerCase() === name.toLowerCase() || (account.dnsHostName ?? '').toLowerCase() === name.toLowerCase();
