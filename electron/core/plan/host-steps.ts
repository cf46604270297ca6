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
import { withHostCommands, type HostSettingStep } from './plan-step';

export const NETWORK_SETTING = 'migrationNetwork' as const;

const RANK: Readonly<Record<string, number>> = {
  'disable-migration': 0,
  'set-host': 1,
  'add-network': 2,
  'set-network': 3,
  'remove-network': 4,
  'use-any-network': 5,
  'enable-migration': 6,
};

/** The fields every host step shares; the commands are written from the values. */
const common = (host: string, kind: HostSettingStep['kind'], idSuffix: string) =>
  ({ id: `${host}:${kind}:${idSuffix}`, target: host, command: '', inverseCommand: '', channel: 'powershell', optional: false }) as const;

const net = (n: MigrationNetwork): MigrationNetwork => ({ subnet: n.subnet, priority: n.priority });

/** The step for one change; `host` and every value in `change` must already be validated. */
function stepForChange(host: string, change: SettingChange): { rank: number; step: PlanStep } {
  switch (change.kind) {
    case 'migration-enabled': {
      const kind = change.after ? 'enable-migration' : 'disable-migration';
      return {
        rank: RANK[kind] ?? 0,
        step: withHostCommands({ ...common(host, kind, change.setting), kind, setting: change.setting, before: change.before, after: change.after }),
      };
    }
    case 'host-value':
    case 'use-any-network':
      // Both are Set-VMHost values; UseAnyNetworkForMigration only ranks later (see above).
      return {
        rank: change.kind === 'host-value' ? (RANK['set-host'] ?? 1) : (RANK['use-any-network'] ?? 5),
        // diffSettings pairs each setting with a value of its own type.
        step: withHostCommands({ ...common(host, 'set-host', change.setting), kind: 'set-host', setting: change.setting, before: change.before, after: change.after } as HostSettingStep),
      };
    case 'network-add':
      return {
        rank: RANK['add-network'] ?? 2,
        step: withHostCommands({ ...common(host, 'add-network', change.network.subnet), kind: 'add-network', setting: NETWORK_SETTING, before: null, after: net(change.network) }),
      };
    case 'network-remove':
      return {
        rank: RANK['remove-network'] ?? 4,
        step: withHostCommands({ ...common(host, 'remove-network', change.network.subnet), kind: 'remove-network', setting: NETWORK_SETTING, before: net(change.network), after: null }),
      };
    case 'network-priority':
      return {
        rank: RANK['set-network'] ?? 3,
        step: withHostCommands({
          ...common(host, 'set-network', change.subnet),
          kind: 'set-network',
          setting: NETWORK_SETTING,
          before: { subnet: change.subnet, priority: change.before },
          after: { subnet: change.subnet, priority: change.after },
        }),
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
