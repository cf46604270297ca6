/**
 * What differs between a host's current live-migration settings and the desired ones.
 *
 * Networks are compared by parsed subnet (see `subnet.ts`), never by string, so a host that
 * reports `10.0.0.1/32` already has the `10.0.0.1` the user asked for.
 */
import type { DesiredSettings, HostMigrationSettings, MigrationNetwork } from '../model';
import { subnetKey } from './subnet';

/** Set-VMHost parameters Ferry manages, by the field name used in HostMigrationSettings. */
export type HostValueSetting =
  | 'maximumVirtualMachineMigrations'
  | 'maximumStorageMigrations'
  | 'virtualMachineMigrationAuthenticationType'
  | 'virtualMachineMigrationPerformanceOption';

export type SettingChange =
  | {
      readonly kind: 'migration-enabled';
      readonly setting: 'virtualMachineMigrationEnabled';
      readonly before: boolean;
      readonly after: boolean;
    }
  | {
      readonly kind: 'host-value';
      readonly setting: HostValueSetting;
      readonly before: string | number;
      readonly after: string | number;
    }
  | { readonly kind: 'network-add'; readonly setting: 'migrationNetwork'; readonly network: MigrationNetwork }
  | { readonly kind: 'network-remove'; readonly setting: 'migrationNetwork'; readonly network: MigrationNetwork }
  | {
      readonly kind: 'network-priority';
      readonly setting: 'migrationNetwork';
      readonly subnet: string;
      readonly before: number;
      readonly after: number;
    }
  | {
      readonly kind: 'use-any-network';
      readonly setting: 'useAnyNetworkForMigration';
      readonly before: boolean;
      readonly after: boolean;
    };

export const HOST_VALUE_SETTINGS: readonly HostValueSetting[] = [
  'virtualMachineMigrationAuthenticationType',
  'virtualMachineMigrationPerformanceOption',
  'maximumVirtualMachineMigrations',
  'maximumStorageMigrations',
];

/**
 * Changes that turn `current` into `desired`, in no particular order (the planner orders them).
 *
 * `networks: 'any'` only needs UseAnyNetworkForMigration on; the user-managed list is left as
 * it is (Hyper-V ignores it then, and deleting it would lose the admin's entries).
 * A list means exactly those subnets: missing ones are added, priorities corrected, others
 * removed, and UseAnyNetworkForMigration turned off.
 */
export function diffSettings(current: HostMigrationSettings, desired: DesiredSettings): SettingChange[] {
  const changes: SettingChange[] = [];
  if (current.virtualMachineMigrationEnabled !== desired.virtualMachineMigrationEnabled) {
    changes.push({
      kind: 'migration-enabled',
      setting: 'virtualMachineMigrationEnabled',
      before: current.virtualMachineMigrationEnabled,
      after: desired.virtualMachineMigrationEnabled,
    });
  }
  for (const setting of HOST_VALUE_SETTINGS) {
    if (current[setting] !== desired[setting]) {
      changes.push({ kind: 'host-value', setting, before: current[setting], after: desired[setting] });
    }
  }
  if (desired.networks === 'any') {
    if (!current.useAnyNetworkForMigration) {
      changes.push({ kind: 'use-any-network', setting: 'useAnyNetworkForMigration', before: false, after: true });
    }
    return changes;
  }
  const currentByKey = new Map<string, MigrationNetwork>();
  for (const network of current.migrationNetworks) {
    const key = subnetKey(network.subnet) ?? `unparsed:${network.subnet}`;
    if (!currentByKey.has(key)) currentByKey.set(key, network);
  }
  const wanted = new Set<string>();
  for (const network of desired.networks) {
    const key = subnetKey(network.subnet) ?? `unparsed:${network.subnet}`;
    wanted.add(key);
    const existing = currentByKey.get(key);
    if (existing === undefined) {
      changes.push({ kind: 'network-add', setting: 'migrationNetwork', network });
    } else if (existing.priority !== network.priority) {
      changes.push({
        kind: 'network-priority',
        setting: 'migrationNetwork',
        subnet: existing.subnet,
        before: existing.priority,
        after: network.priority,
      });
    }
  }
  for (const [key, network] of currentByKey) {
    if (!wanted.has(key)) changes.push({ kind: 'network-remove', setting: 'migrationNetwork', network });
  }
  if (current.useAnyNetworkForMigration) {
    changes.push({ kind: 'use-any-network', setting: 'useAnyNetworkForMigration', before: true, after: false });
  }
  return changes;
}
