/**
 * Network path: TCP 6600 source → destination (the VMMS listener), WinRM 5985/5986 from where
 * Ferry talks to the hosts, SMB 445 for storage moves. Field notes §4 C; reference §3.2.
 */
import type { Finding } from '../model';
import type { MigrationFacts } from './facts';
import { PORT_LIVE_MIGRATION, PORT_SMB, PORT_WINRM_HTTP, PORT_WINRM_HTTPS, WORKSTATION } from './facts';
import { NO_FIX, command, finding, manual } from './finding';
import { portFiltered, portState } from './ports';

export function networkRules(f: MigrationFacts): Finding[] {
  const src = f.source.computerName;
  const dst = f.destination.computerName;
  const out: Finding[] = [];
  const mig = portState(f, src, dst, PORT_LIVE_MIGRATION);
  const migEvidence = { from: src, to: dst, port: String(PORT_LIVE_MIGRATION), state: portFiltered(f, src, dst, PORT_LIVE_MIGRATION) ? 'filtered' : mig };
  const fromTo = { from: src, to: dst };
  if (mig === 'open') out.push(finding('network.port-6600', 'network', 'pass', migEvidence, NO_FIX, undefined, fromTo));
  else if (mig === 'closed') {
    out.push(finding('network.port-6600', 'network', 'fail', migEvidence,
      command('Enable-NetFirewallRule -Name VIRT-MIGL-In-TCP-NoScope'), undefined, fromTo));
  } else {
    out.push(finding('network.port-6600', 'network', 'info', migEvidence,
      manual(), undefined, fromTo));
  }
  for (const [role, host] of [['source', src], ['destination', dst]] as const) {
    const http = portState(f, WORKSTATION, host, PORT_WINRM_HTTP);
    const https = portState(f, WORKSTATION, host, PORT_WINRM_HTTPS);
    const evidence = { from: WORKSTATION, to: host, port5985: http, port5986: https };
    const id = `network.winrm.${role}`;
    if (http === 'open' || https === 'open') out.push(finding(id, 'network', 'pass', evidence, NO_FIX, undefined, { host }));
    else if (http === 'unknown' && https === 'unknown') out.push(finding(id, 'network', 'info', evidence, NO_FIX, undefined, { host }));
    else {
      // The source is where Ferry starts (or hands over) the move; the destination is only read.
      const severity = role === 'source' || f.startMode === 'remote' ? 'fail' : 'warn';
      out.push(finding(id, 'network', severity, evidence,
        command('Enable-PSRemoting -Force'), undefined, { host }));
    }
  }
  const option = f.source.settings?.virtualMachineMigrationPerformanceOption;
  if (f.includeStorage === true && option !== 'SMB') {
    const smb = portState(f, src, dst, PORT_SMB);
    const evidence = { from: src, to: dst, port: String(PORT_SMB), state: smb, reason: 'storage moves' };
    out.push(smb === 'open'
      ? finding('network.port-445', 'network', 'pass', evidence, NO_FIX, undefined, fromTo)
      : finding('network.port-445', 'network', smb === 'closed' ? 'fail' : 'info', evidence,
        command('Enable-NetFirewallRule -Name FPS-SMB-In-TCP'), undefined, fromTo));
  }
  return out;
}
