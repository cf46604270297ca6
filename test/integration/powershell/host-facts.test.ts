/**
 * The host read (get-host-facts.ps1) in real pwsh against the lab (issue 10 items 8, 9): one
 * remote call on the host, and from here (remoting refused) one call per Hyper-V cmdlet for all
 * VMs, so a 60-VM host at 200 ms per remote call stays within the read's timeout either way; disk
 * sizes from Get-VHD (differencing parents included), not from the drive.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHost } from '../../../electron/engine/read-hosts';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { addVm, initLab, seedLabEvents } from '../../../electron/services/lab/lab-init';
import { GiB, hostFile, readJson, writeJsonAtomic, type LabHostState } from '../../../electron/services/lab/lab-state';
import { PowerShellPool } from '../../../electron/services/powershell/pool';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-facts-'));
let pool: PowerShellPool;
const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');
const MODULE = path.resolve('electron/services/lab/module/HyperVLab.psd1');
const PROPS = "Import-Module $env:LAB_MODULE; (@(HyperVLab\\Get-VMHardDiskDrive -ComputerName HV01 -VMName '*')[0].PSObject.Properties | ForEach-Object { $_.Name }) -join ','";

/** 60 VMs × 3 per-VM calls × 200 ms = 36 s for the per-VM read alone; the fixed read needs ~12 calls. */
const VM_COUNT = 60;
const LATENCY_MS = 200;
const READ_TIMEOUT_MS = 15_000;

beforeAll(async () => {
  await initLab(lab, { hosts: ['HV01', 'HV02', 'HV03'] });
  for (let i = 0; i < VM_COUNT; i++) await addVm(lab, { host: 'HV03', name: `vm${String(i).padStart(2, '0')}`, memoryGb: 2 });
  // A checkpointed VM: its drive points at the .avhdx, whose parent is copied with it.
  const file = hostFile(lab, 'HV02');
  const s = await readJson<LabHostState>(file);
  const vm = s.vms[0]!;
  vm.disks = [
    { path: 'C:\\VMs\\file01_A1B2.avhdx', sizeBytes: 60 * GiB, fileSizeBytes: 2 * GiB, parentPath: 'C:\\VMs\\file01.vhdx', parentFileSizeBytes: 20 * GiB, passThrough: false },
    { path: '', sizeBytes: 0, passThrough: true },
  ];
  await writeJsonAtomic(file, s);
  pool = new PowerShellPool({ size: 2, labDir: lab });
  await Promise.all([pool.run('ping.ps1', {}), pool.run('ping.ps1', {})]);
}, 120_000);

afterAll(async () => {
  await pool.dispose();
  rmSync(lab, { recursive: true, force: true });
});

describe('host read', () => {
  // On the host (one remote call), and from here when the host refuses remoting: one call per cmdlet.
  it.each([false, true])(`reads a ${VM_COUNT}-VM host at ${LATENCY_MS} ms per call within its ${READ_TIMEOUT_MS / 1000} s timeout (remoting refused: %s)`, async (remotingDenied) => {
    await setFault(lab, 'HV03', { latencyMs: LATENCY_MS, remotingDenied });
    const f = await readHost(pool, 'HV03', { timeoutMs: READ_TIMEOUT_MS });
    expect(f.error).toBeUndefined();
    expect(f.status).toBe('ok');
    expect(f.vms).toHaveLength(VM_COUNT);
    // Components are joined by VM Id: every VM has its own switch and disk size.
    expect(f.vms?.every((v) => v.switchNames.length === 1 && v.diskBytes === 12 * GiB)).toBe(true);
    await setFault(lab, 'HV03', null);
  }, 60_000);

  it('takes disk sizes from Get-VHD: bytes on disk, differencing parents included, pass-through disks without', async () => {
    const f = await readHost(pool, 'HV02');
    const vm = f.vms?.find((v) => v.name === 'file01');
    expect(vm?.diskBytes).toBe(22 * GiB);
    expect(vm?.diskSizesRead).toBe(true);
    expect(vm?.hasPassThroughDisk).toBe(true);
    const h1 = await readHost(pool, 'HV01');
    expect(h1.vms?.map((v) => v.diskBytes)).toEqual([12 * GiB, 12 * GiB, 12 * GiB]);
  });

  it('a VHD Get-VHD cannot find leaves the other sizes and says the sum is short', async () => {
    const file = hostFile(lab, 'HV02');
    const s = await readJson<LabHostState>(file);
    s.vms[0]!.disks.push({ path: 'C:\\VMs\\data.vhdx', sizeBytes: 10 * GiB, passThrough: false, missing: true });
    await writeJsonAtomic(file, s);
    const f = await readHost(pool, 'HV02');
    const vm = f.vms?.find((v) => v.name === 'file01');
    expect(f.status).toBe('ok');
    expect(vm?.diskBytes).toBe(22 * GiB);
    expect(vm?.diskSizesRead).toBe(false);
  });

  it('a host without VMs is read without per-VM calls failing', async () => {
    const file = hostFile(lab, 'HV02');
    const s = await readJson<LabHostState>(file);
    s.vms = [];
    await writeJsonAtomic(file, s);
    const f = await readHost(pool, 'HV02');
    expect(f.status).toBe('ok');
    expect(f.vms).toEqual([]);
  });

  it('reads the VM features that block moves: vTPM, GPU partitions, NUMA, checkpoints, what Hyper-V is busy with', async () => {
    const h1 = await readHost(pool, 'HV01');
    const sql = h1.vms?.find((v) => v.name === 'sql01');
    const agent = h1.vms?.find((v) => v.name === 'build-agent');
    expect(sql).toMatchObject({ tpmEnabled: true, processorCount: 24, gpuPartitionAdapters: 0 });
    expect(agent).toMatchObject({ hasSnapshots: true, gpuPartitionAdapters: 1, tpmEnabled: false });
    expect(sql?.operationalStatus).toBeUndefined();
    expect(h1.numaSpanningEnabled).toBe(true);
    const h2 = await readHost(pool, 'HV02');
    expect(h2.numaSpanningEnabled).toBe(false);
    expect(h2.numaNodes).toEqual([{ memoryTotalBytes: 128 * GiB, processorCount: 16 }, { memoryTotalBytes: 128 * GiB, processorCount: 16 }]);
    const file = hostFile(lab, 'HV01');
    const s = await readJson<LabHostState>(file);
    s.vms[0]!.operationalStatus = 'BackingUpVirtualMachine';
    await writeJsonAtomic(file, s);
    expect((await readHost(pool, 'HV01')).vms?.find((v) => v.name === 'web01')?.operationalStatus).toBe('BackingUpVirtualMachine');
  });

  it("the lab's drives carry no SizeBytes, as Hyper-V's HardDiskDrive has none", () => {
    const out = execFileSync(PWSH, ['-NoProfile', '-NonInteractive', '-Command', PROPS], {
      env: { ...powershellProcessEnv(process.env), LAB_MODULE: MODULE, FERRY_LAB_DIR: lab },
      encoding: 'utf8',
    });
    const props = out.trim().split(',');
    expect(props).toContain('Path');
    expect(props).toContain('VMId');
    expect(props).not.toContain('SizeBytes');
  });
});

describe('SMB facts in the lab (issue 14 item 4)', () => {
  it('reads signing (Windows Server 2025 clients require it), encryption and the live-migration limit', async () => {
    const h1 = await readHost(pool, 'HV01');
    expect(h1.smb).toEqual({ clientRequireSigning: true, clientRequireEncryption: false, serverRequireSigning: false, serverEncryptData: false, liveMigrationLimitBytesPerSecond: 250_000_000 });
    const h2 = await readHost(pool, 'HV02');
    expect(h2.smb).toMatchObject({ clientRequireSigning: false, liveMigrationLimitBytesPerSecond: 0 });
  });

  it('without the SMB Bandwidth Limit feature the limit is left out, not the read', async () => {
    const file = hostFile(lab, 'HV02');
    const s = await readJson<LabHostState>(file);
    s.smb = { bandwidthFeature: false, server: { encryptData: true } };
    await writeJsonAtomic(file, s);
    const h2 = await readHost(pool, 'HV02');
    expect(h2.status).toBe('ok');
    expect(h2.smb).toEqual({ clientRequireSigning: false, clientRequireEncryption: false, serverRequireSigning: false, serverEncryptData: true });
  });
});

describe('event history in the lab (issue 14 item 6)', () => {
  it('reads the last 30 days of both admin logs, newest first; an older event and an empty log are no error', async () => {
    const h1 = await readHost(pool, 'HV01');
    expect(h1.events?.days).toBe(30);
    expect(h1.events?.errors).toEqual([]);
    expect(h1.events?.items.map((e) => e.id)).toEqual([20417, 21502, 21501]);
    expect(h1.events?.items[0]?.message).toContain('63.1 seconds');
    const h2 = await readHost(pool, 'HV02');
    expect(h2.events).toEqual({ days: 30, items: [], errors: [] });
  });

  it('bounds the count per log (-MaxEvents 50) and reads the Worker log too', async () => {
    const now = Date.now();
    const many = Array.from({ length: 60 }, (_, i) => ({ id: 21502, logName: 'Microsoft-Windows-Hyper-V-VMMS-Admin' as const, timeCreated: new Date(now - (i + 1) * 3_600_000).toISOString(), message: `failed ${i}` }));
    await seedLabEvents(lab, 'HV03', [...many, { id: 21024, logName: 'Microsoft-Windows-Hyper-V-Worker-Admin', timeCreated: new Date(now - 60_000).toISOString(), message: 'network lost' }]);
    const h3 = await readHost(pool, 'HV03', { timeoutMs: 30_000 });
    expect(h3.events?.items.filter((e) => e.logName.endsWith('VMMS-Admin'))).toHaveLength(50);
    expect(h3.events?.items.filter((e) => e.id === 21024)).toHaveLength(1);
    expect(h3.events?.items[0]?.message).toBe('failed 0');
  });
});

