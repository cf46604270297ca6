/**
 * One host's setting changes as ordered plan steps.
 *
 * Order, and why:
 *  1. Disable-VMMigration (when turning migration off) — nothing migrates while we reconfigure.
 *  2. Set-VMHost values (authentication, performance, simultaneous migrations).
 *  3. Networks: add missing, correct priorities, remove extra entries.
 *  4. UseAnyNetworkForMigration — turned off only after the wanted networks exist, otherwise
 *     the host would briefly accept migrations on no network (or the wrong one).
 *  5. Enable-VMMigration last, so incoming migration opens only once it is configured.
 *
 * Network steps carry `before`/`after` as `{ subnet, priority } | null`, which is all a rollback
 * needs to reverse them from the audit log.
 */
import type { MigrationNetwork, PlanStep } from '../model';
import type { SettingChange } from '../settings/diff';
import {
  addNetworkCommand,
  migrationEnabledCommand,
  removeNetworkCommand,
  setHostCommand,
  setNetworkPriorityCommand,
} from './host-commands';

export const NETWORK_SETTING = 'migrationNetwork';

const RANK: Readonly<Record<string, number>> = {
  'disable-migration': 0,
  'set-host': 1,
  'add-network': 2,
  'set-network': 3,
  'remove-network': 4,
  'use-any-network': 5,
  'enable-migration': 6,
};

function step(
  host: string,
  kind: PlanStep['kind'],
  setting: string,
  before: unknown,
  after: unknown,
  command: string,
  inverseCommand: string,
  idSuffix = setting,
): PlanStep {
  return {
    id: `${host}:${kind}:${idSuffix}`,
    kind,
    target: host,
    setting,
    before,
    after,
    command,
    inverseCommand,
    channel: 'powershell',
    optional: false,
  };
}

const net = (n: MigrationNetwork): MigrationNetwork => ({ subnet: n.subnet, priority: n.priority });

/** The step for one change; `host` and every value in `change` must already be validated. */
function stepForChange(host: string, change: SettingChange): { rank: number; step: PlanStep } {
  switch (change.kind) {
    case 'migration-enabled': {
      const kind = change.after ? 'enable-migration' : 'disable-migration';
      return {
        rank: RANK[kind] ?? 0,
        step: step(
          host,
          kind,
          change.setting,
          change.before,
          change.after,
          migrationEnabledCommand(host, change.after),
          migrationEnabledCommand(host, change.before),
        ),
      };
    }
    case 'host-value':
    case 'use-any-network':
      // Both are Set-VMHost values; UseAnyNetworkForMigration only ranks later (see above).
      return {
        rank: change.kind === 'host-value' ? (RANK['set-host'] ?? 1) : (RANK['use-any-network'] ?? 5),
        step: step(
          host,
          'set-host',
          change.setting,
          change.before,
          change.after,
          setHostCommand(host, change.setting, change.after),
          setHostCommand(host, change.setting, change.before),
        ),
      };
    case 'network-add':
      return {
        rank: RANK['add-network'] ?? 2,
        step: step(
          host,
          'add-network',
          NETWORK_SETTING,
          null,
          net(change.network),
          addNetworkCommand(host, change.network),
          removeNetworkCommand(host, change.network.subnet),
          change.network.subnet,
        ),
      };
    case 'network-remove':
      return {
        rank: RANK['remove-network'] ?? 4,
        step: step(
          host,
          'remove-network',
          NETWORK_SETTING,
          net(change.network),
          null,
          removeNetworkCommand(host, change.network.subnet),
          addNetworkCommand(host, change.network),
          change.network.subnet,
        ),
      };
    case 'network-priority':
      return {
        rank: RANK['set-network'] ?? 3,
        step: step(
          host,
          'set-network',
          NETWORK_SETTING,
          { subnet: change.subnet, priority: change.before },
          { subnet: change.subnet, priority: change.after },
          setNetworkPriorityCommand(host, change.subnet, change.after),
          setNetworkPriorityCommand(host, change.subnet, change.before),
          change.subnet,
        ),
      };
  }
}

/** Steps for one host in the order described above (stable within a rank). */
export function hostSteps(host: string, changes: readonly SettingChange[]): PlanStep[] {
  return changes
    .map((change, index) => ({ ...stepForChange(host, change), index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.step);
}
