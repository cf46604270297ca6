/**
 * Discovery, the same for the window (`hosts:discover`) and `ferry discover`: the directory's
 * Hyper-V hosts, each with its delegation state toward the others, optionally filtered by a
 * case-insensitive part of its name or DNS name.
 */
import { delegationStates } from '../core/delegation';
import type { DiscoveredHost } from '../core/model';
import { discoverHyperVHosts } from '../services/directory/computer-accounts';
import type { DirectorySession } from '../services/directory/directory-session';

export async function discoverHosts(session: DirectorySession, filter?: string): Promise<DiscoveredHost[]> {
  const accounts = await discoverHyperVHosts(session);
  const states = delegationStates(accounts, session.info.dnsDomain);
  const needle = filter?.toLowerCase();
  return accounts
    .map((account, i): DiscoveredHost => ({ account, delegationState: states[i] ?? 'unknown', source: 'directory' }))
    .filter(({ account: a }) => !needle || a.name.toLowerCase().includes(needle) || (a.dnsHostName ?? '').toLowerCase().includes(needle));
}
