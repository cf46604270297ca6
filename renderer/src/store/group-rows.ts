/**
 * The Configure grid for a group: one row per setting with the one desired value for every host
 * and each host's current value, summarised as "n of N differ" (the cell expands to the hosts).
 * Delegation is one row: per computer account, how many of the entries the topology needs it
 * already has. Pure: the same cells and comparisons as the pair grid (settings-rows.ts).
 */
import type { DelegationTopology } from '../../../electron/core/group';
import { topologyPairs } from '../../../electron/core/group';
import type { ComputerAccount, DesiredSettings, HostFacts } from '../../../electron/core/model';
import { delegationView, desiredCell, risksFor, ROW_IDS, sameSetting, settingCell, type Cell, type RowId } from './settings-rows';

export type GroupRowId = Exclude<RowId, 'delegationForward' | 'delegationReverse'> | 'delegation';

export const GROUP_ROW_IDS: readonly GroupRowId[] = [
  ...ROW_IDS.filter((r): r is Exclude<RowId, 'delegationForward' | 'delegationReverse'> => r !== 'delegationForward' && r !== 'delegationReverse'),
  'delegation',
];

export type GroupCell = Cell | { readonly kind: 'entries'; readonly present: number; readonly needed: number };

export interface GroupHostCell {
  readonly host: string;
  readonly cell: GroupCell;
  /** The host's current value is not what is desired for it (unknown counts as differing). */
  readonly differs: boolean;
}

export interface GroupSettingRow {
  readonly id: GroupRowId;
  readonly desired: Cell;
  readonly hosts: readonly GroupHostCell[];
  readonly differing: number;
  readonly risks: readonly string[];
}

export interface GroupRowInput {
  readonly hosts: readonly string[];
  readonly facts: Readonly<Record<string, HostFacts>>;
  readonly accounts: Readonly<Record<string, ComputerAccount>>;
  readonly desired: DesiredSettings;
  /** Host-specific incoming networks (perHost), by upper-cased name. */
  readonly hostNetworks?: Readonly<Record<string, DesiredSettings['networks']>>;
  readonly delegation: { readonly enabled: boolean; readonly topology: DelegationTopology };
  /** The directory's DNS domain (see RowInput.dnsDomain). */
  readonly dnsDomain?: string;
}

const key = (n: string) => n.toUpperCase();

/** Desired settings of one host: the group's column with the host's own networks when given. */
export function desiredFor(input: Pick<GroupRowInput, 'desired' | 'hostNetworks'>, host: string): DesiredSettings {
  const own = input.hostNetworks?.[key(host)];
  return own === undefined ? input.desired : { ...input.desired, networks: own };
}

/** The delegation entries each host's account needs for the topology, and how many it has. */
export function delegationNeeds(input: Pick<GroupRowInput, 'hosts' | 'accounts' | 'delegation' | 'dnsDomain'>): Map<string, { present: number; needed: number }> {
  const out = new Map<string, { present: number; needed: number }>(input.hosts.map((h) => [key(h), { present: 0, needed: 0 }]));
  for (const p of topologyPairs(input.hosts, input.delegation.topology)) {
    const view = delegationView(input.accounts[key(p.source)], input.accounts[key(p.destination)], p.destination, input.dnsDomain);
    const n = out.get(key(p.source));
    if (!n) continue;
    n.needed += view.entries.length;
    n.present += view.entries.filter((e) => e.present).length;
  }
  return out;
}

export function groupRows(input: GroupRowInput): GroupSettingRow[] {
  const facts = input.hosts.map((h) => input.facts[key(h)]);
  const needs = delegationNeeds(input);
  return GROUP_ROW_IDS.map((id): GroupSettingRow => {
    if (id === 'delegation') {
      const hosts = input.hosts.map((host): GroupHostCell => {
        const n = needs.get(key(host)) ?? { present: 0, needed: 0 };
        return { host, cell: input.accounts[key(host)] ? { kind: 'entries', ...n } : { kind: 'unknown' }, differs: input.delegation.enabled && n.present < n.needed };
      });
      const anyProtocol = input.hosts.some((h) => delegationView(input.accounts[key(h)], undefined, h).anyProtocol === true);
      return {
        id,
        desired: { kind: 'key', key: input.delegation.enabled ? `group.delegation.${input.delegation.topology.kind}` : 'value.unchanged' },
        hosts,
        differing: hosts.filter((h) => h.differs).length,
        risks: anyProtocol ? ['risk.anyProtocol'] : [],
      };
    }
    const perHostNetworks = id === 'networks' && input.hostNetworks !== undefined && Object.keys(input.hostNetworks).length > 0;
    const hosts = input.hosts.map((host): GroupHostCell => {
      const s = input.facts[key(host)]?.settings;
      return { host, cell: settingCell(s, id), differs: !sameSetting(s, desiredFor(input, host), id) };
    });
    return {
      id,
      desired: perHostNetworks ? { kind: 'key', key: 'group.networksPerHost' } : desiredCell(input.desired, input.delegation.enabled, true, id),
      hosts,
      differing: hosts.filter((h) => h.differs).length,
      risks: risksFor(id, input.desired, input.delegation.enabled, facts),
    };
  });
}
