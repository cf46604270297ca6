/**
 * The Discover list's rows: directory facts joined with host facts, then searched, filtered and
 * sorted. Pure and linear so 5,000 rows re-filter well inside one frame.
 */
import type { DelegationState, DiscoveredHost, HostFacts, HostStatus } from '../../../electron/core/model';
import { hostNameProblem } from '../../../electron/core/settings/host-name';

export interface HostRow {
  readonly name: string;
  /** Lower-cased name + DNS name + OS, built once so a keystroke only does `includes`. */
  readonly haystack: string;
  readonly dnsHostName: string;
  readonly status: HostStatus | 'unknown';
  /** Why the host could not be read, in the engine's words ('' when it was, or not yet). */
  readonly statusDetail: string;
  readonly os: string;
  readonly migrationEnabled: boolean | undefined;
  readonly authentication: string;
  readonly performance: string;
  readonly delegation: DelegationState;
  readonly origin: 'directory' | 'typed';
}

export type SortKey = 'name' | 'status' | 'os' | 'migration' | 'authentication' | 'performance' | 'delegation';
export interface SortSpec {
  readonly key: SortKey;
  readonly descending: boolean;
}
export interface HostFilter {
  readonly status: 'all' | 'reachable' | 'unreachable' | 'unknown';
  readonly migration: 'all' | 'on' | 'off';
  readonly delegation: 'all' | DelegationState;
}

export const DEFAULT_FILTER: HostFilter = { status: 'all', migration: 'all', delegation: 'all' };
export const DEFAULT_SORT: SortSpec = { key: 'name', descending: false };

export function buildRows(
  hosts: readonly DiscoveredHost[],
  facts: Readonly<Record<string, HostFacts>>,
): HostRow[] {
  return hosts.map((h) => {
    const f = facts[h.account.name.toUpperCase()];
    // The directory's name ("Windows Server 2025 Datacenter") reads better than the build number.
    const os = h.account.operatingSystem ?? f?.osVersion ?? '';
    const dns = h.account.dnsHostName ?? '';
    return {
      name: h.account.name,
      haystack: `${h.account.name} ${dns} ${os}`.toLowerCase(),
      dnsHostName: dns,
      status: f ? f.status : 'unknown',
      statusDetail: f?.error?.message ?? '',
      os,
      migrationEnabled: f?.settings?.virtualMachineMigrationEnabled,
      authentication: f?.settings?.virtualMachineMigrationAuthenticationType ?? '',
      performance: f?.settings?.virtualMachineMigrationPerformanceOption ?? '',
      delegation: h.delegationState,
      origin: h.source,
    };
  });
}

function matchesFilter(row: HostRow, filter: HostFilter): boolean {
  if (filter.status === 'reachable' && row.status !== 'ok') return false;
  if (filter.status === 'unreachable' && (row.status === 'ok' || row.status === 'unknown')) return false;
  if (filter.status === 'unknown' && row.status !== 'unknown') return false;
  if (filter.migration === 'on' && row.migrationEnabled !== true) return false;
  if (filter.migration === 'off' && row.migrationEnabled !== false) return false;
  if (filter.delegation !== 'all' && row.delegation !== filter.delegation) return false;
  return true;
}

function sortValue(row: HostRow, key: SortKey): string {
  switch (key) {
    case 'name':
      return row.name;
    case 'status':
      return row.status;
    case 'os':
      return row.os;
    case 'migration':
      return row.migrationEnabled === undefined ? '' : row.migrationEnabled ? '1' : '0';
    case 'authentication':
      return row.authentication;
    case 'performance':
      return row.performance;
    case 'delegation':
      return row.delegation;
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Sorted once per sort order or data change, not per keystroke: a collator sort of 5,000 rows
 * costs tens of milliseconds, while filtering an already sorted list keeps its order for free.
 */
export function sortRows(rows: readonly HostRow[], sort: SortSpec): HostRow[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const c = collator.compare(sortValue(a, sort.key), sortValue(b, sort.key));
    return c !== 0 ? c * dir : collator.compare(a.name, b.name);
  });
}

/** Search (every whitespace-separated word must match) and filter, keeping the given order. */
export function filterRows(rows: readonly HostRow[], query: string, filter: HostFilter): HostRow[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  return rows.filter((r) => matchesFilter(r, filter) && words.every((w) => r.haystack.includes(w)));
}

/** Names typed by the admin: split on commas, semicolons and whitespace; de-duplicated. */
export function parseHostNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const name = part.trim();
    if (name.length === 0 || seen.has(name.toUpperCase())) continue;
    seen.add(name.toUpperCase());
    out.push(name);
  }
  return out;
}

/**
 * What is wrong with one typed name, as an i18n key (`hostName.<code>`) and its params. The rule
 * is core's (core/settings/host-name.ts), the same the IPC gate applies.
 */
export function typedNameProblem(name: string): { readonly key: string; readonly params: Readonly<Record<string, string | number>> } | null {
  const problem = hostNameProblem(name);
  if (problem === null) return null;
  const { code, ...params } = problem;
  return { key: `hostName.${code}`, params: { name, ...params } };
}
