/** A source → destination pair where every rule passes; tests break one thing at a time. */
import { expect } from 'vitest';
import type { ComputerAccount, Finding, HostFacts, VmSummary } from '../../../electron/core/model';
import { FINDING_TEXTS, localizeFinding, valueFormatFor, type MigrationFacts } from '../../../electron/core/preflight';

export const GiB = 1024 ** 3;

export function vm(over: Partial<VmSummary> = {}): VmSummary {
  return {
    name: 'web01',
    state: 'Running',
    memoryAssignedBytes: 8 * GiB,
    memoryStartupBytes: 8 * GiB,
    dynamicMemoryEnabled: false,
    configurationVersion: '10.0',
    processorCompatibilityForMigration: true,
    switchNames: ['vSwitch-Prod'],
    hasIsoAttached: false,
    hasPassThroughDisk: false,
    hasSnapshots: false,
    diskBytes: 40 * GiB,
    ...over,
  };
}

export function host(name: string, over: Partial<HostFacts> = {}): HostFacts {
  return {
    computerName: name,
    status: 'ok',
    settings: {
      virtualMachineMigrationEnabled: true,
      maximumVirtualMachineMigrations: 2,
      maximumStorageMigrations: 2,
      virtualMachineMigrationAuthenticationType: 'Kerberos',
      virtualMachineMigrationPerformanceOption: 'Compression',
      useAnyNetworkForMigration: false,
      migrationNetworks: [{ subnet: '10.10.0.0/24', priority: 0 }],
    },
    domain: 'corp.example',
    memoryCapacityBytes: 256 * GiB,
    memoryAvailableBytes: 128 * GiB,
    logicalProcessorCount: 32,
    processorVendor: 'GenuineIntel',
    credentialGuardRunning: false,
    supportedVersions: ['8.0', '9.0', '10.0'],
    switches: [{ name: 'vSwitch-Prod', switchType: 'External' }],
    links: [{ name: 'LM', subnet: '10.10.0.0/24', linkSpeedGbps: 10, rdma: false }],
    vms: [],
    ...over,
  };
}

export function account(short: string, dest?: string, over: Partial<ComputerAccount> = {}): ComputerAccount {
  const d = dest?.toUpperCase();
  return {
    name: short,
    dn: `CN=${short},OU=Hosts,DC=corp,DC=example`,
    dnsHostName: `${short.toLowerCase()}.corp.example`,
    samAccountName: `${short}$`,
    enabled: true,
    userAccountControl: 0x1000 | 0x1000000,
    allowedToDelegateTo: d
      ? [`cifs/${d}`, `cifs/${d.toLowerCase()}.corp.example`, `Microsoft Virtual System Migration Service/${d}`, `Microsoft Virtual System Migration Service/${d.toLowerCase()}.corp.example`]
      : [],
    servicePrincipalNames: [`Microsoft Virtual System Migration Service/${short}`, `Microsoft Virtual System Migration Service/${short.toLowerCase()}.corp.example`],
    hasHyperVScp: true,
    ...over,
  };
}

export function readyFacts(over: Partial<MigrationFacts> = {}): MigrationFacts {
  return {
    source: host('HV01', { vms: [vm()] }),
    destination: host('HV02'),
    sourceAccount: account('HV01', 'HV02'),
    destinationAccount: account('HV02', 'HV01'),
    directoryAvailable: true,
    authentication: 'Kerberos',
    vmNames: ['web01'],
    vmReports: [{ name: 'web01', incompatibilities: [] }],
    portChecks: [
      { from: 'HV01', target: 'HV02', port: 6600, open: true },
      { from: 'HV01', target: 'HV02', port: 445, open: true },
      { from: 'WORKSTATION', target: 'HV01', port: 5985, open: true },
      { from: 'WORKSTATION', target: 'HV02', port: 5985, open: true },
    ],
    startMode: 'remote',
    dnsDomain: 'corp.example',
    ...over,
  };
}

export function withSettings(h: HostFacts, over: Partial<NonNullable<HostFacts['settings']>>): HostFacts {
  if (!h.settings) throw new Error('no settings');
  return { ...h, settings: { ...h.settings, ...over } };
}

/** Every finding has its words in the English and German tables, with no placeholder left over. */
export function expectWordedInBothLocales(findings: readonly Finding[]): void {
  for (const f of findings) {
    for (const locale of ['en', 'de'] as const) {
      const l = localizeFinding(FINDING_TEXTS[locale], f, valueFormatFor(locale));
      expect(l.localized, `${f.id} ${locale}`).toBe(true);
      expect(l.title + l.fixText, `${f.id} ${locale}`).not.toMatch(/\{\{|undefined/);
    }
  }
}
