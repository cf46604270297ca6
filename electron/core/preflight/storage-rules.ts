/**
 * Shared-nothing storage (issue 14 item 3): when the VM's disks move with it, the destination
 * folder (-DestinationStoragePath, else the host's default virtual hard disk folder) must exist
 * and take new files, and its volume must hold the VHD files of every VM moving there (Get-VHD
 * FileSize, differencing parents included). Facts from get-storage-target.ps1 (Test-Path, a
 * write test, Get-Volume -FilePath). Only for storage moves; a VM-only move copies no disks.
 */
import type { Finding, StorageTarget, VmSummary } from '../model';
import type { MigrationFacts } from './facts';
import { command, finding, manual, NO_FIX, psQuote, yesNo } from './finding';
import { findVm } from './vm-rules';

export function storageRules(f: MigrationFacts): Finding[] {
  const target = f.destinationStorage;
  if (f.includeStorage !== true || target === undefined) return [];
  const vms = f.vmNames.map((n) => findVm(f.source, n)).filter((v): v is VmSummary => v !== undefined);
  if (vms.length === 0) return [];
  return [...folder(target, f), ...space(target, vms, f)];
}

function folder(t: StorageTarget, f: MigrationFacts): Finding[] {
  const dst = f.destination.computerName;
  const evidence = { destination: dst, storagePath: t.path, pathChosen: t.chosen ? 'yes' : 'no', pathExists: yesNo(t.exists), pathWritable: yesNo(t.writable) };
  const params = { host: dst, path: t.path };
  if (t.error !== undefined) {
    return [finding('capacity.storage-path', 'capacity', 'warn', { ...evidence, error: t.error }, manual(), undefined, { ...params, variant: 'unread' })];
  }
  if (t.exists === false) {
    const cmd = `Invoke-Command -ComputerName ${psQuote(dst)} { New-Item -ItemType Directory -Path ${psQuote(t.path)} }`;
    return [finding('capacity.storage-path', 'capacity', 'fail', evidence, command(cmd), undefined, { ...params, variant: 'missing', command: cmd })];
  }
  if (t.writable === false) {
    return [finding('capacity.storage-path', 'capacity', 'fail', evidence, manual(), undefined, { ...params, variant: 'read-only' })];
  }
  return [finding('capacity.storage-path', 'capacity', 'pass', evidence, NO_FIX, undefined, params)];
}

function space(t: StorageTarget, vms: readonly VmSummary[], f: MigrationFacts): Finding[] {
  const src = f.source.computerName;
  const dst = f.destination.computerName;
  const copy = vms.reduce((n, v) => n + v.diskBytes, 0);
  const short = vms.filter((v) => v.diskSizesRead === false).map((v) => v.name);
  const free = t.volume?.freeBytes;
  // Per side: what the source holds to copy, what the destination's volume has room for.
  const evidence: Record<string, string> = {
    source: src, copyBytes: String(copy), vms: String(vms.length),
    destination: dst, storagePath: t.path, volume: t.volume ? volumeName(t) : 'unknown',
    volumeFreeBytes: free === undefined ? 'unknown' : String(free), volumeSizeBytes: t.volume ? String(t.volume.sizeBytes) : 'unknown',
    ...(short.length > 0 ? { sizesUnread: short.join(', ') } : {}),
  };
  const params = { host: dst, path: t.path, copyBytes: String(copy), count: String(vms.length) };
  if (free === undefined) {
    if (t.error !== undefined) return [];
    return [finding('capacity.storage-space', 'capacity', 'warn', evidence, manual(), undefined, { ...params, variant: 'unknown' })];
  }
  if (copy > free) {
    const cmd = `Get-Volume -CimSession ${psQuote(dst)} -FilePath ${psQuote(t.path)}`;
    return [finding('capacity.storage-space', 'capacity', 'fail', evidence, command(cmd), undefined, { ...params, volume: volumeName(t), freeBytes: String(free), command: cmd })];
  }
  if (short.length > 0) {
    return [finding('capacity.storage-space', 'capacity', 'warn', evidence, manual(), undefined, { ...params, freeBytes: String(free), vms: short.join(', '), variant: 'sizes-unread' })];
  }
  return [finding('capacity.storage-space', 'capacity', 'pass', evidence, NO_FIX, undefined, { ...params, volume: volumeName(t), freeBytes: String(free) })];
}

function volumeName(t: StorageTarget): string {
  const v = t.volume;
  if (v === undefined) return 'unknown';
  return v.driveLetter !== '' ? `${v.driveLetter}:` : v.label;
}
