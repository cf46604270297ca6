import { describe, it, expect } from 'vitest';
import { diffSettings } from '../../../electron/core/settings/diff';
import { validateDesired } from '../../../electron/core/settings/validate';
import type { DesiredSettings, HostMigrationSettings } from '../../../electron/core/model';

const current: HostMigrationSettings = {
  virtualMachineMigrationEnabled: false,
  maximumVirtualMachineMigrations: 2,
  maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'CredSSP',
  virtualMachineMigrationPerformanceOption: 'Compression',
  useAnyNetworkForMigration: true,
  migrationNetworks: [],
};
const desired: DesiredSettings = {
  virtualMachineMigrationEnabled: true,
  maximumVirtualMachineMigrations: 4,
  maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'Kerberos',
  virtualMachineMigrationPerformanceOption: 'Compression',
  networks: [{ subnet: '10.0.0.0/24', priority: 1 }],
};

describe('diffSettings', () => {
  it('lists exactly the differing settings', () => {
    const changes = diffSettings(current, desired);
    expect(changes.map((c) => c.kind).sort()).toEqual(['host-value', 'host-value', 'migration-enabled', 'network-add', 'use-any-network']);
    expect(changes).toContainEqual({ kind: 'host-value', setting: 'maximumVirtualMachineMigrations', before: 2, after: 4 });
    expect(changes).toContainEqual({ kind: 'host-value', setting: 'virtualMachineMigrationAuthenticationType', before: 'CredSSP', after: 'Kerberos' });
    expect(changes).toContainEqual({ kind: 'use-any-network', setting: 'useAnyNetworkForMigration', before: true, after: false });
  });

  it('is empty when the host already matches, however the subnet is spelled', () => {
    const matching: HostMigrationSettings = {
      ...current,
      virtualMachineMigrationEnabled: true,
      maximumVirtualMachineMigrations: 4,
      virtualMachineMigrationAuthenticationType: 'Kerberos',
      useAnyNetworkForMigration: false,
      migrationNetworks: [{ subnet: '10.0.0.0/24', priority: 1 }],
    };
    expect(diffSettings(matching, desired)).toEqual([]);
    const v6 = { ...desired, networks: [{ subnet: '2001:db8::/64', priority: 3 }] };
    expect(diffSettings({ ...matching, migrationNetworks: [{ subnet: '2001:DB8:0::/64', priority: 3 }] }, v6)).toEqual([]);
  });

  it('corrects priorities and removes networks not wanted', () => {
    const host: HostMigrationSettings = {
      ...current,
      useAnyNetworkForMigration: false,
      migrationNetworks: [
        { subnet: '10.0.0.0/24', priority: 5 },
        { subnet: '172.16.0.0/16', priority: 1 },
      ],
    };
    const changes = diffSettings(host, desired);
    expect(changes).toContainEqual({ kind: 'network-priority', setting: 'migrationNetwork', subnet: '10.0.0.0/24', before: 5, after: 1 });
    expect(changes).toContainEqual({ kind: 'network-remove', setting: 'migrationNetwork', network: { subnet: '172.16.0.0/16', priority: 1 } });
    expect(changes.some((c) => c.kind === 'use-any-network')).toBe(false);
  });

  it("'any' turns UseAnyNetworkForMigration on and leaves the list alone", () => {
    const host = { ...current, useAnyNetworkForMigration: false, migrationNetworks: [{ subnet: '10.0.0.0/24', priority: 1 }] };
    expect(diffSettings(host, { ...desired, networks: 'any' }).filter((c) => c.setting !== 'virtualMachineMigrationEnabled' && c.kind !== 'host-value')).toEqual([
      { kind: 'use-any-network', setting: 'useAnyNetworkForMigration', before: false, after: true },
    ]);
  });
});

describe('validateDesired', () => {
  it('names the field of each problem', () => {
    const issues = validateDesired({
      ...desired,
      maximumVirtualMachineMigrations: 0,
      networks: [
        { subnet: '10.0.0.0/24', priority: 1 },
        { subnet: "10.0.0.0/24'; calc", priority: 1 },
        { subnet: '10.0.0.0/24', priority: -1 },
      ],
    });
    expect(issues.map((i) => i.field)).toEqual([
      'maximumVirtualMachineMigrations',
      'networks.1.subnet',
      'networks.2.subnet',
      'networks.2.priority',
    ]);
    for (const i of issues) expect(i.message.startsWith(i.field)).toBe(true);
  });

  it('accepts valid settings', () => {
    expect(validateDesired(desired)).toEqual([]);
    expect(validateDesired({ ...desired, networks: 'any' })).toEqual([]);
  });
});
