/**
 * Gathered facts at scale for the pure benches (preflight, fleet matrix): hosts with 20 VMs whose
 * settings vary by index so every rule has something to say, and their computer accounts.
 */
import type { ComputerAccount, HostFacts, VmSummary } from '../../electron/core/model';

const GiB = 1024 ** 3;

export function vm(h: number, i: number): VmSummary {
  return {
    name: `vm-${h}-${i}`,
    state: i % 7 === 0 ? 'Off' : 'Running',
    memoryAssignedBytes: (2 + (i % 16)) * GiB,
    memoryStartupBytes: (2 + (i % 16)) * GiB,
    dynamicMemoryEnabled: i % 3 === 0,
    configurationVersion: i % 11 === 0 ? '12.0' : '10.0',
    processorCompatibilityForMigration: i % 2 === 0,
    switchNames: [i % 5 === 0 ? 'External-LM' : 'External'],
    hasIsoAttached: i % 9 === 0,
    hasPassThroughDisk: false,
    hasSnapshots: false,
    diskBytes: 40 * GiB,
  };
}

export function host(h: number, vmsPerHost: number): HostFacts {
  return {
    computerName: `HV${String(h).padStart(2, '0')}`,
    status: 'ok',
    settings: {
      virtualMachineMigrationEnabled: h % 4 !== 0,
      maximumVirtualMachineMigrations: 2,
      maximumStorageMigrations: 2,
      virtualMachineMigrationAuthenticationType: h % 3 === 0 ? 'CredSSP' : 'Kerberos',
      virtualMachineMigrationPerformanceOption: 'Compression',
      useAnyNetworkForMigration: h % 5 === 0,
      migrationNetworks: [{ subnet: '10.10.10.0/24', priority: 0 }],
    },
    domain: 'lab.example',
    memoryAvailableBytes: 192 * GiB,
    processorVendor: 'GenuineIntel',
    credentialGuardRunning: h % 2 === 0,
    supportedVersions: ['8.0', '9.0', '9.1', '10.0'],
    switches: [{ name: 'External', switchType: 'External' }],
    links: [
      { name: 'Management', subnet: '192.168.1.0/24', linkSpeedGbps: 1, rdma: false },
      { name: 'LM', subnet: '10.10.10.0/24', linkSpeedGbps: 10, rdma: false },
    ],
    vms: Array.from({ length: vmsPerHost }, (_, i) => vm(h, i)),
  };
}

/** The account of `name`, delegating to `dest` (short names), or to each of a list (short and FQDN: a mesh). */
export function account(name: string, dest: string | readonly string[]): ComputerAccount {
  const allowed = typeof dest === 'string'
    ? [`cifs/${dest}`, `Microsoft Virtual System Migration Service/${dest}`]
    : dest.flatMap((d) => [d, `${d.toLowerCase()}.lab.example`].flatMap((n) => [`cifs/${n}`, `Microsoft Virtual System Migration Service/${n}`]));
  return {
    name, dn: `CN=${name},CN=Computers,DC=lab,DC=example`, dnsHostName: `${name.toLowerCase()}.lab.example`, samAccountName: `${name}$`,
    enabled: true, userAccountControl: 0x1001000,
    allowedToDelegateTo: allowed,
    servicePrincipalNames: [`Microsoft Virtual System Migration Service/${name}`], hasHyperVScp: true,
  };
}

