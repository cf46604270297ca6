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
    return [finding('capacity.storage-path', 'capacity', 'warn', `The storage folder ${t.path} on ${dst} could not be checked`, { ...evidence, error: t.error },
      manual(`Check on ${dst} that the folder exists and the VM management service can write to it.`), undefined, { ...params, variant: 'unread' })];
  }
  if (t.exists === false) {
    const cmd = `Invoke-Command -ComputerName ${psQuote(dst)} { New-Item -ItemType Directory -Path ${psQuote(t.path)} }`;
    return [finding('capacity.storage-path', 'capacity', 'fail', `The storage folder ${t.path} does not exist on ${dst}`, evidence,
      command(`Create the folder on ${dst}, or choose one that exists.`, cmd), undefined, { ...params, variant: 'missing', command: cmd })];
  }
  if (t.writable === false) {
    return [finding('capacity.storage-path', 'capacity', 'fail', `No file can be created in ${t.path} on ${dst}`, evidence,
      manual('The folder is read-only (a read-only volume, or its permissions): choose another destination folder, or let the VM management service write there.'), undefined,
      { ...params, variant: 'read-only' })];
  }
  return [finding('capacity.storage-path', 'capacity', 'pass', `The storage folder ${t.path} exists on ${dst} and takes new files`, evidence, NO_FIX, undefined, params)];
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
    return [finding('capacity.storage-space', 'capacity', 'warn', `Free space for ${t.path} on ${dst} is unknown`, evidence,
      manual(`Check that the share or volume behind ${t.path} has room for the VHD files being copied (a UNC share's free space is the file server's).`), undefined,
      { ...params, variant: 'unknown' })];
  }
  if (copy > free) {
    const cmd = `Get-Volume -CimSession ${psQuote(dst)} -FilePath ${psQuote(t.path)}`;
    return [finding('capacity.storage-space', 'capacity', 'fail', `${volumeName(t)} on ${dst} has too little free space for the VHD files being copied`, evidence,
      command(`Free space on ${dst}'s volume, choose a destination folder on a volume with room (-DestinationStoragePath), or move fewer VMs at once.`, cmd), undefined,
      { ...params, volume: volumeName(t), freeBytes: String(free), command: cmd })];
  }
  if (short.length > 0) {
    return [finding('capacity.storage-space', 'capacity', 'warn', `Some VHD sizes could not be read: ${dst} may lack room in ${t.path}`, evidence,
      manual(`Get-VHD could not read every disk of ${short.join(', ')}, so the total to copy is too low; check those disks' sizes before the move.`), undefined,
      { ...params, freeBytes: String(free), vms: short.join(', '), variant: 'sizes-unread' })];
  }
  return [finding('capacity.storage-space', 'capacity', 'pass', `${volumeName(t)} on ${dst} has room for the VHD files being copied`, evidence, NO_FIX, undefined,
    { ...params, volume: volumeName(t), freeBytes: String(free) })];
}

function volumeName(t: StorageTarget): string {
  const v = t.volume;
  if (v === undefined) return 'unknown';
  return v.driveLetter !== '' ? `${v.driveLetter}:` : v.label;
}
