/**
 * SMB option realities (issue 14 item 4). A move with the SMB performance option writes the
 * VM's memory from the source's SMB client to the destination's SMB server. Signing (either end
 * requires it) or encryption (the server encrypts, or the client requires it) keeps SMB Direct
 * from placing data straight into memory: it falls back to RDMA send/receive with the CPU doing
 * the copies and the crypto, so throughput drops and CPU load rises. A live-migration SMB
 * bandwidth limit (Set-SmbBandwidthLimit -Category LiveMigration) caps what the option sends;
 * the model uses it (model-input.ts). Facts from Get-SmbClientConfiguration,
 * Get-SmbServerConfiguration and Get-SmbBandwidthLimit (get-host-facts.ps1). Only for SMB.
 */
import type { Finding, HostFacts } from '../model';
import type { MigrationFacts } from './facts';
import { finding, manual, NO_FIX, yesNo } from './finding';
import { smbLimitOf } from './model-input';

export function smbRules(f: MigrationFacts): Finding[] {
  if (f.source.settings?.virtualMachineMigrationPerformanceOption !== 'SMB') return [];
  return [...signing(f), ...limit(f)];
}

/** Whether this host's end of the SMB connection asks for signing / encryption (undefined: unread). */
const either = (a: boolean | undefined, b: boolean | undefined): boolean | undefined => (a === true || b === true ? true : a === undefined && b === undefined ? undefined : false);
const signs = (h: HostFacts, role: 'client' | 'server') => (role === 'client' ? h.smb?.clientRequireSigning : h.smb?.serverRequireSigning);
const encrypts = (h: HostFacts, role: 'client' | 'server') => (role === 'client' ? h.smb?.clientRequireEncryption : h.smb?.serverEncryptData);

function signing(f: MigrationFacts): Finding[] {
  const src = f.source.computerName;
  const dst = f.destination.computerName;
  const sign = either(signs(f.source, 'client'), signs(f.destination, 'server'));
  const crypt = either(encrypts(f.source, 'client'), encrypts(f.destination, 'server'));
  // Per side: the source's SMB client, the destination's SMB server.
  const evidence = {
    smbSigningSource: yesNo(signs(f.source, 'client')), smbSigningDestination: yesNo(signs(f.destination, 'server')),
    smbEncryptionSource: yesNo(encrypts(f.source, 'client')), smbEncryptionDestination: yesNo(encrypts(f.destination, 'server')),
  };
  const params = { source: src, destination: dst };
  if (sign === undefined && crypt === undefined) {
    return [finding('network.smb-signing', 'network', 'info', evidence, manual(), undefined, { ...params, variant: 'unread' })];
  }
  if (sign !== true && crypt !== true) {
    return [finding('network.smb-signing', 'network', 'pass', evidence, NO_FIX, undefined, params)];
  }
  const what = sign === true && crypt === true ? 'signing-encryption' : sign === true ? 'signing' : 'encryption';
  return [finding('network.smb-signing', 'network', 'warn', evidence, manual(), undefined, { ...params, variant: what })];
}

function limit(f: MigrationFacts): Finding[] {
  const bps = smbLimitOf(f);
  if (bps === undefined) return [];
  const evidence = {
    sourceSmbLimitBytes: String(f.source.smb?.liveMigrationLimitBytesPerSecond ?? 'unknown'),
    destinationSmbLimitBytes: String(f.destination.smb?.liveMigrationLimitBytesPerSecond ?? 'unknown'),
  };
  return [finding('network.smb-bandwidth-limit', 'network', 'info', evidence, manual(), undefined, { limitBytes: String(bps) })];
}
