/**
 * A group of hosts: the unit of work. A source/destination pair is the group of two.
 *
 * Which ordered pairs a group's work covers depends on the delegation topology: a full mesh lets
 * every host move VMs to every other; hub-and-spoke lets every host move VMs to the chosen hubs
 * (the hubs among themselves too). The pair "one way" is the hub topology with the destination
 * as its only hub; "both directions" is the mesh of two.
 */
import { MAX_GROUP_HOSTS } from '../contract/schemas';
import { groupIssue, hostNameGroupIssue, type GroupIssue } from './group-issue';

export { MAX_GROUP_HOSTS };

export type DelegationTopology =
  | { readonly kind: 'mesh' }
  | { readonly kind: 'hub'; readonly hubs: readonly string[] };

export interface OrderedPair {
  readonly source: string;
  readonly destination: string;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
export const hostKey = (name: string): string => name.toUpperCase();

/** Every ordered pair of distinct hosts, source-major in the group's order: N×(N−1) pairs. */
export function orderedPairs(hosts: readonly string[]): OrderedPair[] {
  const pairs: OrderedPair[] = [];
  for (const source of hosts) for (const destination of hosts) if (!same(source, destination)) pairs.push({ source, destination });
  return pairs;
}

/** The ordered pairs a topology allows moves (and so delegation) for. */
export function topologyPairs(hosts: readonly string[], topology: DelegationTopology): OrderedPair[] {
  if (topology.kind === 'mesh') return orderedPairs(hosts);
  const hubs = topology.hubs;
  return orderedPairs(hosts).filter((p) => hubs.some((h) => same(h, p.destination)));
}

/** The two-host group of a source/destination pair, with the pair's direction as a topology. */
export function pairGroup(source: string, destination: string, bothDirections: boolean): { hosts: string[]; topology: DelegationTopology } {
  return { hosts: [source, destination], topology: bothDirections ? { kind: 'mesh' } : { kind: 'hub', hubs: [destination] } };
}

/** True when the pairs include destination → source for the pair given. */
export function coversReverse(pairs: readonly OrderedPair[], pair: OrderedPair): boolean {
  return pairs.some((p) => same(p.source, pair.destination) && same(p.destination, pair.source));
}

/** Host names that are valid, distinct and at least two: every problem names its field. */
export function validateGroupHosts(hosts: readonly string[], field = 'hosts'): GroupIssue[] {
  const issues: GroupIssue[] = [];
  if (hosts.length < 2) issues.push(groupIssue(field, 'too-few-hosts', { min: 2, count: hosts.length }));
  if (hosts.length > MAX_GROUP_HOSTS) issues.push(groupIssue(field, 'too-many-hosts', { max: MAX_GROUP_HOSTS, count: hosts.length }));
  const seen = new Set<string>();
  hosts.forEach((h, i) => {
    const badName = hostNameGroupIssue(`${field}.${i}`, h);
    if (badName !== null) issues.push(badName);
    else if (seen.has(hostKey(h))) issues.push(groupIssue(`${field}.${i}`, 'listed-twice', { host: h }));
    seen.add(hostKey(h));
  });
  return issues;
}

/** `field` + `.key`, or just `key` at the top of a request. */
export const fieldPath = (field: string, key: string): string => (field === '' ? key : `${field}.${key}`);

/** Hubs must be members of the group; a hub topology needs at least one. */
export function validateTopology(hosts: readonly string[], topology: DelegationTopology, field = 'delegation'): GroupIssue[] {
  if (topology.kind === 'mesh') return [];
  const hubsField = fieldPath(field, 'hubs');
  if (topology.hubs.length === 0) return [groupIssue(hubsField, 'no-hubs')];
  const issues: GroupIssue[] = [];
  topology.hubs.forEach((h, i) => {
    if (!hosts.some((x) => same(x, h))) issues.push(groupIssue(`${hubsField}.${i}`, 'not-in-group', { host: h }));
  });
  return issues;
}

/** Pairs the caller named, checked against the group (both ends members, distinct). */
export function validatePairs(hosts: readonly string[], pairs: readonly OrderedPair[], field = 'pairs'): GroupIssue[] {
  const issues: GroupIssue[] = [];
  pairs.forEach((p, i) => {
    for (const end of ['source', 'destination'] as const) {
      if (!hosts.some((h) => same(h, p[end]))) issues.push(groupIssue(`${field}.${i}.${end}`, 'not-in-group', { host: p[end] }));
    }
    if (same(p.source, p.destination)) issues.push(groupIssue(`${field}.${i}.destination`, 'same-as-source', { source: p.source }));
  });
  return issues;
}
