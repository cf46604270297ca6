/**
 * What a plan or test request means as a group: its hosts, its delegation topology and the
 * per-host overrides. A request names either a pair (`source` + `destination`) or a group
 * (`hosts`); both become the same group, so everything after this runs one way.
 *
 * Every refusal names the request field it is about, as a code + params (group-issue.ts).
 */
import type { RequestOf } from '../contract/channels';
import type { DesiredSettings } from '../model';
import { fieldPath, validateGroupHosts, validateTopology, type DelegationTopology } from './group';
import { groupIssue, hostNameGroupIssue, type GroupIssue } from './group-issue';

export interface GroupPlanSpec {
  readonly hosts: readonly string[];
  /** The topology delegation is planned for (ignored when `delegation` is false). */
  readonly topology: DelegationTopology;
  readonly delegation: boolean;
  /** Overrides keyed by host name as given. */
  readonly perHost: Readonly<Record<string, Partial<DesiredSettings>>>;
  /** True when the request named a pair. */
  readonly pair: boolean;
}

type Choice = { readonly bothDirections?: boolean; readonly topology?: 'mesh' | 'hub'; readonly hubs?: readonly string[] };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function hostsOf(req: { source?: string; destination?: string; hosts?: readonly string[] }): { hosts: string[]; pair: boolean } | GroupIssue {
  if (req.hosts !== undefined) {
    if (req.source !== undefined || req.destination !== undefined) {
      return groupIssue(req.source !== undefined ? 'source' : 'destination', 'hosts-and-pair');
    }
    const issue = validateGroupHosts(req.hosts)[0];
    return issue ?? { hosts: [...req.hosts], pair: false };
  }
  if (req.source === undefined && req.destination === undefined) return groupIssue('hosts', 'no-hosts');
  for (const field of ['source', 'destination'] as const) {
    const value = req[field];
    if (value === undefined) return groupIssue(field, 'required');
    const badName = hostNameGroupIssue(field, value);
    if (badName !== null) return badName;
  }
  const source = req.source ?? '';
  const destination = req.destination ?? '';
  if (same(source, destination)) return groupIssue('destination', 'same-as-source', { source });
  return { hosts: [source, destination], pair: true };
}

/** The topology a choice names; a pair's `bothDirections: false` is the hub on its destination. */
export function topologyOf(hosts: readonly string[], pair: boolean, choice: Choice, field = 'delegation'): DelegationTopology | GroupIssue {
  let topology: DelegationTopology;
  if (choice.topology === 'hub') topology = { kind: 'hub', hubs: [...(choice.hubs ?? [])] };
  else if (choice.topology === 'mesh') topology = { kind: 'mesh' };
  else if (pair && choice.bothDirections === false) topology = { kind: 'hub', hubs: [hosts[1] ?? ''] };
  else topology = { kind: 'mesh' };
  if (choice.topology !== 'hub' && choice.hubs !== undefined && choice.hubs.length > 0) {
    return groupIssue(fieldPath(field, 'hubs'), 'hubs-need-hub');
  }
  const issue = validateTopology(hosts, topology, field)[0];
  return issue ?? topology;
}

const isIssue = (x: object): x is GroupIssue => 'field' in x && 'messageKey' in x;

export function groupPlanSpec(req: RequestOf<'plan:create'>): GroupPlanSpec | GroupIssue {
  const members = hostsOf(req);
  if (isIssue(members)) return members;
  const topology = topologyOf(members.hosts, members.pair, req.delegation);
  if (isIssue(topology)) return topology;
  const perHost: Record<string, Partial<DesiredSettings>> = {};
  for (const [i, entry] of (req.perHost ?? []).entries()) {
    const member = members.hosts.find((h) => same(h, entry.host));
    if (member === undefined) return groupIssue(`perHost.${i}.host`, 'not-in-group', { host: entry.host });
    if (Object.keys(perHost).some((h) => same(h, member))) return groupIssue(`perHost.${i}.host`, 'given-twice', { host: entry.host });
    perHost[member] = entry.settings as Partial<DesiredSettings>;
  }
  return { hosts: members.hosts, topology, delegation: req.delegation.enabled, perHost, pair: members.pair };
}

export interface GroupTestSpec {
  readonly hosts: readonly string[];
  readonly topology: DelegationTopology;
}

export function groupTestSpec(req: RequestOf<'test:group'>): GroupTestSpec | GroupIssue {
  const members = hostsOf(req);
  if (isIssue(members)) return members;
  const topology = topologyOf(members.hosts, false, req, '');
  if (isIssue(topology)) return topology;
  return { hosts: members.hosts, topology };
}

export { isIssue as isGroupIssue };
