/**
 * Host migration settings side by side: reachability, migration enabled, limits, performance
 * option and incoming networks. Field notes §4 B and C.14; reference §3.
 */
import type { Finding, HostFacts, HostMigrationSettings } from '../model';
import type { MigrationFacts } from './facts';
import { PORT_SMB } from './facts';
import { NO_FIX, finding, manual, planStep, psQuote, show } from './finding';
import { portState } from './ports';
import { subnetsOverlap } from './subnet-reach';

export function hostRules(f: MigrationFacts): Finding[] {
  const out = [reachable('source', f.source), reachable('destination', f.destination)];
  const s = f.source.settings;
  const d = f.destination.settings;
  if (s === undefined || d === undefined) return out;
  out.push(migrationEnabled(f, s, d), limits(f, s, d), ...performance(f, s, d), incomingNetworks(f, s, d));
  return out;
}

function reachable(role: 'source' | 'destination', h: HostFacts): Finding {
  const id = `host.reachable.${role}`;
  if (h.status === 'ok' && h.settings !== undefined) return finding(id, 'host', 'pass', { [role]: 'ok' }, NO_FIX, undefined, { host: h.computerName });
  const evidence: Record<string, string> = { [role]: h.status };
  if (h.error) {
    evidence.code = h.error.code;
    evidence.message = h.error.message;
  }
  const text: Record<string, string> = {
    unreachable: `${h.computerName} did not answer: check that it is on, its name resolves and WinRM (5985/5986) is reachable.`,
    'access-denied': `Access to ${h.computerName} was denied: the operator needs Hyper-V Administrators or Administrators on it.`,
    timeout: `${h.computerName} did not answer in time; try again or check its load and the network.`,
    error: `Reading ${h.computerName} failed; see the message.`,
    ok: `${h.computerName} answered without migration settings; is the Hyper-V role installed?`,
  };
  return finding(id, 'host', 'fail', evidence, manual(), undefined,
    { variant: h.status in text ? h.status : 'error', host: h.computerName, status: h.status });
}

function migrationEnabled(f: MigrationFacts, s: HostMigrationSettings, d: HostMigrationSettings): Finding {
  const evidence = { source: String(s.virtualMachineMigrationEnabled), destination: String(d.virtualMachineMigrationEnabled) };
  const off = [s.virtualMachineMigrationEnabled ? '' : f.source.computerName, d.virtualMachineMigrationEnabled ? '' : f.destination.computerName].filter(Boolean);
  if (off.length === 0) return finding('host.migration-enabled', 'host', 'pass', evidence);
  return finding('host.migration-enabled', 'host', 'fail', evidence,
    planStep('virtualMachineMigrationEnabled', `Enable-VMMigration -ComputerName ${psQuote(off[0] ?? '')}`), undefined,
    { hosts: off.join(', ') });
}

function limits(f: MigrationFacts, s: HostMigrationSettings, d: HostMigrationSettings): Finding {
  const evidence = {
    // One number per key (not "2 live / 2 storage"): machine-readable, and words only in the UI.
    liveSource: String(s.maximumVirtualMachineMigrations),
    liveDestination: String(d.maximumVirtualMachineMigrations),
    storageSource: String(s.maximumStorageMigrations),
    storageDestination: String(d.maximumStorageMigrations),
    planned: String(f.vmNames.length),
  };
  const limit = Math.min(s.maximumVirtualMachineMigrations, d.maximumVirtualMachineMigrations);
  if (limit < 1) {
    return finding('host.limits', 'host', 'fail', evidence,
      planStep('maximumVirtualMachineMigrations'));
  }
  return finding('host.limits', 'host', 'info', evidence, NO_FIX, undefined, { limit: String(limit) });
}

function performance(f: MigrationFacts, s: HostMigrationSettings, d: HostMigrationSettings): Finding[] {
  const so = s.virtualMachineMigrationPerformanceOption;
  const dOpt = d.virtualMachineMigrationPerformanceOption;
  const evidence = { source: so, destination: dOpt };
  const out: Finding[] = [];
  out.push(so === dOpt
    ? finding('host.performance-option', 'host', 'pass', evidence, NO_FIX, undefined, { option: so })
    : finding('host.performance-option', 'host', 'warn', evidence,
      planStep('virtualMachineMigrationPerformanceOption'), undefined,
      { source: so, destination: dOpt }));
  if (so === 'SMB' || dOpt === 'SMB') {
    const smb = portState(f, f.source.computerName, f.destination.computerName, PORT_SMB);
    const rdma = { source: rdmaOf(f.source), destination: rdmaOf(f.destination) };
    const smbEvidence = { ...evidence, port445: smb, rdmaSource: show(rdma.source), rdmaDestination: show(rdma.destination) };
    if (smb === 'closed') {
      out.push(finding('host.smb-possible', 'host', 'fail', smbEvidence,
        planStep('virtualMachineMigrationPerformanceOption', 'Enable-NetFirewallRule -Name FPS-SMB-In-TCP')));
    } else if (rdma.source !== true || rdma.destination !== true) {
      out.push(finding('host.smb-possible', 'host', 'warn', smbEvidence,
        manual()));
    } else {
      out.push(finding('host.smb-possible', 'host', 'pass', smbEvidence));
    }
  }
  return out;
}

/** RDMA on any migration link of the host; undefined when links were not read. */
function rdmaOf(h: HostFacts): boolean | undefined {
  return h.links === undefined ? undefined : h.links.some((l) => l.rdma);
}

function incomingNetworks(f: MigrationFacts, s: HostMigrationSettings, d: HostMigrationSettings): Finding {
  void s;
  const dst = f.destination.computerName;
  if (d.useAnyNetworkForMigration) {
    return finding('host.incoming-networks', 'network', 'warn',
      { destination: 'any network' },
      planStep('migrationNetworks'), undefined,
      { host: dst });
  }
  const nets = d.migrationNetworks.map((n) => n.subnet);
  const srcSubnets = (f.source.links ?? []).map((l) => l.subnet);
  const evidence = { destination: nets.join('; ') || '(none)', source: srcSubnets.join('; ') || (f.source.links ? '(none)' : 'unknown') };
  if (nets.length === 0) {
    return finding('host.incoming-networks', 'network', 'fail', evidence,
      planStep('migrationNetworks'), undefined,
      { variant: 'none', host: dst });
  }
  if (f.source.links === undefined) {
    return finding('host.incoming-networks', 'network', 'info', evidence);
  }
  const shared = nets.filter((n) => srcSubnets.some((sn) => subnetsOverlap(n, sn)));
  if (shared.length > 0) return finding('host.incoming-networks', 'network', 'pass', evidence, NO_FIX, undefined,
    { host: dst, subnets: shared.join(', ') });
  return finding('host.incoming-networks', 'network', 'fail', evidence,
    planStep('migrationNetworks'), undefined,
    { host: dst, subnets: srcSubnets.join(', ') || '—' });
}
