import { describe, it, expect } from 'vitest';
import { hostRules, networkRules, subnetsOverlap, type PortCheck } from '../../../electron/core/preflight';
import type { Finding } from '../../../electron/core/model';
import { host, readyFacts, withSettings } from './fixtures';

const get = (fs: Finding[], id: string) => {
  const f = fs.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id} in ${fs.map((x) => x.id).join(', ')}`);
  return f;
};
const base = readyFacts();
const dst = (over: Parameters<typeof withSettings>[1]) => readyFacts({ destination: withSettings(base.destination, over) });
const ports = (checks: PortCheck[]) => readyFacts({ portChecks: checks });

describe('host rules', () => {
  it('reachable: ok passes; unreachable fails with the error as evidence and skips settings rules', () => {
    expect(get(hostRules(base), 'host.reachable.destination').severity).toBe('pass');
    const dead = readyFacts({ destination: { computerName: 'HV02', status: 'unreachable', error: { code: 'unreachable', message: 'WinRM cannot complete the operation' } } });
    const f = get(hostRules(dead), 'host.reachable.destination');
    expect(f.severity).toBe('fail');
    expect(f.evidence).toMatchObject({ destination: 'unreachable', message: 'WinRM cannot complete the operation' });
    expect(hostRules(dead).some((x) => x.id === 'host.migration-enabled')).toBe(false);
    expect(get(hostRules(readyFacts({ source: { computerName: 'HV01', status: 'access-denied' } })), 'host.reachable.source').fix.text).toContain('Hyper-V Administrators');
  });

  it('migration enabled: both on passes; off on one fails with the Enable-VMMigration plan step', () => {
    expect(get(hostRules(base), 'host.migration-enabled').severity).toBe('pass');
    const f = get(hostRules(dst({ virtualMachineMigrationEnabled: false })), 'host.migration-enabled');
    expect(f.severity).toBe('fail');
    expect(f.fix).toMatchObject({ kind: 'plan-step', setting: 'virtualMachineMigrationEnabled', command: "Enable-VMMigration -ComputerName 'HV02'" });
  });

  it('limits: shown as info; zero allowed fails', () => {
    expect(get(hostRules(base), 'host.limits').severity).toBe('info');
    expect(get(hostRules(dst({ maximumVirtualMachineMigrations: 0 })), 'host.limits').severity).toBe('fail');
  });

  it('performance option: same passes, different warns', () => {
    expect(get(hostRules(base), 'host.performance-option').severity).toBe('pass');
    expect(get(hostRules(dst({ virtualMachineMigrationPerformanceOption: 'TCPIP' })), 'host.performance-option').severity).toBe('warn');
  });

  it('SMB: 445 closed fails, no RDMA warns, RDMA both ends with 445 open passes', () => {
    const smb = (f: ReturnType<typeof readyFacts>) => ({
      ...f,
      source: withSettings(f.source, { virtualMachineMigrationPerformanceOption: 'SMB' }),
      destination: withSettings(f.destination, { virtualMachineMigrationPerformanceOption: 'SMB' }),
    });
    expect(get(hostRules(smb(base)), 'host.smb-possible').severity).toBe('warn');
    const closed = smb(ports(base.portChecks.map((c) => (c.port === 445 ? { ...c, open: false } : c))));
    expect(get(hostRules(closed), 'host.smb-possible').severity).toBe('fail');
    const rdmaLinks = [{ name: 'SMB1', subnet: '10.10.0.0/24', linkSpeedGbps: 25, rdma: true }];
    const rdma = smb(readyFacts({ source: host('HV01', { links: rdmaLinks }), destination: host('HV02', { links: rdmaLinks }) }));
    expect(get(hostRules(rdma), 'host.smb-possible').severity).toBe('pass');
    expect(hostRules(base).some((x) => x.id === 'host.smb-possible')).toBe(false);
  });

  it('incoming networks: any network warns (unencrypted), shared subnet passes, none reachable fails, empty list fails', () => {
    expect(get(hostRules(base), 'host.incoming-networks').severity).toBe('pass');
    const any = get(hostRules(dst({ useAnyNetworkForMigration: true })), 'host.incoming-networks');
    expect(any.severity).toBe('warn');
    expect(any.fix.text).toContain('not encrypted');
    const other = get(hostRules(dst({ migrationNetworks: [{ subnet: '192.168.50.0/24', priority: 0 }] })), 'host.incoming-networks');
    expect(other.severity).toBe('fail');
    expect(other.fix.setting).toBe('migrationNetworks');
    expect(get(hostRules(dst({ migrationNetworks: [] })), 'host.incoming-networks').severity).toBe('fail');
    // A /16 on the destination contains the source's /24.
    expect(get(hostRules(dst({ migrationNetworks: [{ subnet: '10.10.0.0/16', priority: 0 }] })), 'host.incoming-networks').severity).toBe('pass');
  });

  it('subnet overlap handles containment, single addresses, IPv6 and garbage', () => {
    expect(subnetsOverlap('10.10.0.0/16', '10.10.5.0/24')).toBe(true);
    expect(subnetsOverlap('10.10.5.7', '10.10.5.0/24')).toBe(true);
    expect(subnetsOverlap('10.11.0.0/24', '10.10.0.0/24')).toBe(false);
    expect(subnetsOverlap('2001:db8::/64', '2001:DB8:0::1')).toBe(true);
    expect(subnetsOverlap('2001:db8::/64', '10.0.0.0/8')).toBe(false);
    expect(subnetsOverlap('not a subnet', '10.0.0.0/8')).toBe(false);
  });
});

describe('network rules', () => {
  it('6600: open passes, closed fails with the firewall rule command, unprobed is info', () => {
    expect(get(networkRules(base), 'network.port-6600').severity).toBe('pass');
    const closed = get(networkRules(ports(base.portChecks.map((c) => (c.port === 6600 ? { ...c, open: false } : c)))), 'network.port-6600');
    expect(closed.severity).toBe('fail');
    expect(closed.fix.command).toBe('Enable-NetFirewallRule -Name VIRT-MIGL-In-TCP-NoScope');
    expect(get(networkRules(ports([])), 'network.port-6600').severity).toBe('info');
  });

  it('WinRM: 5985 or 5986 open passes; closed to the source fails; closed to the destination warns when moves start on the source', () => {
    expect(get(networkRules(base), 'network.winrm.source').severity).toBe('pass');
    const closed = base.portChecks.map((c) => (c.port === 5985 ? { ...c, open: false } : c));
    expect(get(networkRules(ports(closed)), 'network.winrm.source').severity).toBe('fail');
    expect(get(networkRules({ ...ports(closed), startMode: 'source' }), 'network.winrm.destination').severity).toBe('warn');
    expect(get(networkRules(ports([...closed, { from: 'WORKSTATION', target: 'HV01', port: 5986, open: true }])), 'network.winrm.source').severity).toBe('pass');
  });

  it('445 for storage moves: only checked with storage, closed fails', () => {
    expect(networkRules(base).some((x) => x.id === 'network.port-445')).toBe(false);
    expect(get(networkRules({ ...base, includeStorage: true }), 'network.port-445').severity).toBe('pass');
    const closed = ports(base.portChecks.map((c) => (c.port === 445 ? { ...c, open: false } : c)));
    expect(get(networkRules({ ...closed, includeStorage: true }), 'network.port-445').severity).toBe('fail');
  });
});
