/**
 * The lab's Move-VM (HyperVLab.Move.ps1) through Ferry's own move scripts in real pwsh: the real
 * parameter sets with -AsJob, a job whose progress is polled and which Stop-Job cancels, the VM
 * leaving the source's state and appearing on the destination's after the model's time (scaled),
 * and each failure mode with the real text and HRESULT, the VM left where Hyper-V would leave it.
 * One pool process: a Hyper-V job lives in the process that started it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { addVm, initLab, setLabLocale, setLabTimeScale } from '../../../electron/services/lab/lab-init';
import { hostFile, readJson, writeJsonAtomic, type LabHostState } from '../../../electron/services/lab/lab-state';
import { PowerShellPool } from '../../../electron/services/powershell/pool';
import { writeLabDelegation } from '../../support/lab-delegation';

interface Started { jobId: number; vmId: string; name: string; before: { state: string; memoryAssignedBytes: number } }
interface Polled { jobId: number; state: string; percent: number; error?: { message: string; codes: string[] } }
interface Placement { computerName: string; reachable: boolean; found: boolean; state?: string; memoryAssignedBytes?: number; disks?: string[] }

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-move-lab-'));
const HOSTS = ['HV01', 'HV02', 'HV03', 'HV04'];
let pool: PowerShellPool;

async function editHost(name: string, change: (s: LabHostState) => void): Promise<void> {
  const s = await readJson<LabHostState>(hostFile(lab, name));
  change(s);
  await writeJsonAtomic(hostFile(lab, name), s);
}

const start = (data: Record<string, unknown>) => pool.run<Started>('move-vm-start.ps1', data);
const poll = async (jobId: number) => (await pool.run<{ jobs: Polled[] }>('move-vm-poll.ps1', { jobIds: [jobId] })).jobs[0]!;
const placement = async (vmId: string, hosts = ['HV03', 'HV04']) =>
  (await pool.run<{ hosts: Placement[] }>('get-vm-placement.ps1', { vmId, hosts })).hosts;

/** Polls until the job is over; returns the last poll and every percent seen. */
async function untilDone(jobId: number): Promise<{ last: Polled; percents: number[] }> {
  const percents: number[] = [];
  for (let i = 0; i < 400; i++) {
    const p = await poll(jobId);
    percents.push(p.percent);
    if (p.state !== 'Running') return { last: p, percents };
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error('the job did not finish');
}

const where = (hosts: Placement[]) => hosts.filter((h) => h.found).map((h) => h.computerName);

beforeAll(async () => {
  await initLab(lab, { hosts: HOSTS });
  await setLabTimeScale(lab, 0.02);
  for (const n of ['app01', 'app02', 'app03', 'app04']) await addVm(lab, { host: 'HV03', name: n, memoryGb: 2, switchName: 'External', version: '10.0' });
  await addVm(lab, { host: 'HV03', name: 'nosw', memoryGb: 2, switchName: 'Missing', version: '10.0' });
  // HV03 has the newer processor generation: its VMs leave it only in compatibility mode.
  await editHost('HV03', (h) => h.vms.forEach((v) => (v.processorCompatibilityForMigration = true)));
  await writeLabDelegation(lab, [
    { host: 'HV03', delegateTo: ['HV04'], protocolTransition: true },
    { host: 'HV04', delegateTo: ['HV03'], protocolTransition: true },
    { host: 'HV01', delegateTo: ['HV03'], protocolTransition: true },
  ]);
  pool = new PowerShellPool({ size: 1, labDir: lab });
});

afterEach(async () => {
  for (const h of HOSTS) await setFault(lab, h, null);
  await setLabLocale(lab, 'en-US');
  await setLabTimeScale(lab, 0.02);
});

afterAll(async () => {
  await pool.dispose();
  rmSync(lab, { recursive: true, force: true });
});

describe('lab Move-VM -AsJob', () => {
  it('moves the VM with its storage: progress rises to 100, the VM is on the destination, running, same memory', async () => {
    // Slow enough that the first read-back surely comes while the move runs, on a busy machine too.
    await setLabTimeScale(lab, 0.2);
    const before = await readJson<LabHostState>(hostFile(lab, 'HV04'));
    const s = await start({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: true, destinationStoragePath: 'D:\\VMs\\app01' });
    expect(s.before.state).toBe('Running');
    // Still on the source while the job runs: a live migration keeps the VM where it is until the end.
    expect(where(await placement(s.vmId))).toEqual(['HV03']);
    const { last, percents } = await untilDone(s.jobId);
    expect(last).toMatchObject({ state: 'Completed' });
    expect(last.percent).toBe(100);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    const after = await placement(s.vmId);
    expect(where(after)).toEqual(['HV04']);
    const dst = after.find((h) => h.computerName === 'HV04')!;
    expect(dst.state).toBe('Running');
    expect(dst.memoryAssignedBytes).toBe(s.before.memoryAssignedBytes);
    expect(dst.disks).toEqual(['D:\\VMs\\app01\\app01.vhdx']);
    const hv04 = await readJson<LabHostState>(hostFile(lab, 'HV04'));
    expect(hv04.memoryAvailableBytes).toBe(before.memoryAvailableBytes - s.before.memoryAssignedBytes);
    // A finished job is read once and removed.
    expect((await poll(s.jobId)).state).toBe('NotFound');
  });

  it('takes the time of the pre-copy model times timeScale (2 GiB + a 12 GiB disk file over 10 GbE with Compression ≈ 18.2 s)', async () => {
    await setLabTimeScale(lab, 0.12);
    const t0 = Date.now();
    const s = await start({ computerName: 'HV04', name: 'app01', destinationHost: 'HV03', includeStorage: true });
    const { last } = await untilDone(s.jobId);
    const ms = Date.now() - t0;
    expect(last).toMatchObject({ state: 'Completed' });
    // 6.76 s of memory (2.25 s setup, one stream at 338 MB/s ×2 compression) + the model's storage
    // phase, 12 GiB of VHD file over SMB at 90 % of 10 GbE = 11.45 s: 18.2 model seconds → 2.19 s at 0.12
    // (the 40 GiB virtual size took 2.25 s at 0.05 before: the disk's size, not its file, over its own link).
    expect(ms).toBeGreaterThanOrEqual(2150);
    expect(ms).toBeLessThan(6000);
    expect(where(await placement(s.vmId))).toEqual(['HV03']);
  });

  it('Stop-Job cancels mid-copy: the job is Stopped and the VM stays on the source, running', async () => {
    await setLabTimeScale(lab, 0.2);
    const s = await start({ computerName: 'HV03', name: 'app02', destinationHost: 'HV04', includeStorage: true });
    let p = await poll(s.jobId);
    while (p.percent < 1) {
      await new Promise((r) => setTimeout(r, 50));
      p = await poll(s.jobId);
    }
    const stopped = await pool.run<{ state: string }>('move-vm-stop.ps1', { jobId: s.jobId });
    expect(stopped.state).toBe('Stopped');
    expect(p.percent).toBeLessThan(100);
    const after = await placement(s.vmId);
    expect(where(after)).toEqual(['HV03']);
    expect(after.find((h) => h.found)?.state).toBe('Running');
    // Nothing lands later either: the record of the move is gone.
    await setLabTimeScale(lab, 0.001);
    expect(where(await placement(s.vmId))).toEqual(['HV03']);
  });

  it('CredSSP started from the workstation fails with 0x8009030E; the VM stays on the source', async () => {
    const s = await start({ computerName: 'HV01', name: 'web01', destinationHost: 'HV03', includeStorage: true });
    const { last } = await untilDone(s.jobId);
    expect(last.state).toBe('Failed');
    expect(last.error?.message).toContain('No credentials are available in the security package (0x8009030E)');
    expect(last.error?.codes).toContain('0x8009030E');
    expect(where(await placement(s.vmId, ['HV01', 'HV03']))).toEqual(['HV01']);
  });

  it('the destination out of memory: 0x8007000E, the VM stays on the source', async () => {
    await editHost('HV04', (h) => (h.memoryAvailableBytes = 1024 ** 3));
    try {
      const s = await start({ computerName: 'HV03', name: 'app03', destinationHost: 'HV04', includeStorage: true });
      const { last } = await untilDone(s.jobId);
      expect(last.state).toBe('Failed');
      expect(last.error?.message).toContain('Ran out of memory (0x8007000E)');
      expect(last.error?.codes).toContain('0x8007000E');
      expect(where(await placement(s.vmId))).toEqual(['HV03']);
    } finally {
      await editHost('HV04', (h) => (h.memoryAvailableBytes = 192 * 1024 ** 3));
    }
  });

  it('a switch missing on the destination fails below 10 %: "Could not find Ethernet switch"', async () => {
    const s = await start({ computerName: 'HV03', name: 'nosw', destinationHost: 'HV04', includeStorage: true });
    const { last } = await untilDone(s.jobId);
    expect(last.state).toBe('Failed');
    expect(last.error?.message).toContain("Could not find Ethernet switch 'Missing'.");
    expect(last.percent).toBeLessThan(10);
    expect(where(await placement(s.vmId))).toEqual(['HV03']);
  });

  it('port 6600 closed on the destination: refused, 0x8007274D', async () => {
    await setFault(lab, 'HV04', { closedPorts: [6600] });
    const s = await start({ computerName: 'HV03', name: 'app03', destinationHost: 'HV04', includeStorage: true });
    const { last } = await untilDone(s.jobId);
    expect(last.state).toBe('Failed');
    expect(last.error?.codes).toContain('0x8007274D');
    expect(where(await placement(s.vmId))).toEqual(['HV03']);
  });

  it('the destination goes down mid-move: connection reset 0x80072746, the VM keeps running on the source, the destination is unreachable', async () => {
    await setFault(lab, 'HV04', { downDuringMove: 0.5 });
    const s = await start({ computerName: 'HV03', name: 'app03', destinationHost: 'HV04', includeStorage: true });
    const { last, percents } = await untilDone(s.jobId);
    expect(last.state).toBe('Failed');
    expect(last.error?.codes).toContain('0x80072746');
    expect(Math.max(...percents)).toBeGreaterThanOrEqual(40);
    const after = await placement(s.vmId);
    expect(after.find((h) => h.computerName === 'HV03')).toMatchObject({ found: true, state: 'Running' });
    expect(after.find((h) => h.computerName === 'HV04')?.reachable).toBe(false);
  });

  it('the source goes down mid-move: the VM goes down with it and the destination keeps a planned VM', async () => {
    await addVm(lab, { host: 'HV02', name: 'crash01', memoryGb: 2, switchName: 'External', version: '9.0' });
    await editHost('HV02', (h) => {
      h.settings.virtualMachineMigrationEnabled = true;
      h.settings.maximumVirtualMachineMigrations = 2;
    });
    await writeLabDelegation(lab, [
      { host: 'HV03', delegateTo: ['HV04'], protocolTransition: true },
      { host: 'HV04', delegateTo: ['HV03'], protocolTransition: true },
      { host: 'HV02', delegateTo: ['HV04'], protocolTransition: true },
    ]);
    await setFault(lab, 'HV02', { downDuringMove: 0.3 });
    const s = await start({ computerName: 'HV02', name: 'crash01', destinationHost: 'HV04', includeStorage: true });
    const { last } = await untilDone(s.jobId);
    expect(last.state).toBe('Failed');
    expect(last.error?.codes).toContain('0x80338126');
    const after = await placement(s.vmId, ['HV02', 'HV04']);
    expect(after.find((h) => h.computerName === 'HV02')?.reachable).toBe(false);
    expect(after.find((h) => h.computerName === 'HV04')?.found).toBe(false);
    const hv02 = await readJson<LabHostState>(hostFile(lab, 'HV02'));
    expect(hv02.vms.find((v) => v.id === s.vmId)?.state).toBe('Off');
    const hv04 = await readJson<LabHostState>(hostFile(lab, 'HV04'));
    expect(hv04.plannedVms?.map((p) => p.id)).toContain(s.vmId);
  });

  it('a third move beyond the limit of 2 is refused by Hyper-V (event 21501): Ferry must queue it', async () => {
    await setLabTimeScale(lab, 0.05);
    const a = await start({ computerName: 'HV03', name: 'app02', destinationHost: 'HV04', includeStorage: true });
    const b = await start({ computerName: 'HV03', name: 'app03', destinationHost: 'HV04', includeStorage: true });
    const c = await start({ computerName: 'HV03', name: 'app04', destinationHost: 'HV04', includeStorage: true });
    const third = await untilDone(c.jobId);
    expect(third.last.state).toBe('Failed');
    expect(third.last.error?.message).toContain("migration limit '2' was reached");
    expect((await untilDone(a.jobId)).last).toMatchObject({ state: 'Completed' });
    expect((await untilDone(b.jobId)).last).toMatchObject({ state: 'Completed' });
    expect(where(await placement(c.vmId))).toEqual(['HV03']);
  });

  it('VM only with disks on the source\'s own drives fails; with the disks on a share it moves', async () => {
    const s = await start({ computerName: 'HV04', name: 'app02', destinationHost: 'HV03', includeStorage: false });
    const { last } = await untilDone(s.jobId);
    expect(last.state).toBe('Failed');
    expect(last.error?.message).toContain('local to');
    await editHost('HV04', (h) => {
      const vm = h.vms.find((v) => v.name === 'app02');
      if (vm) vm.disks = [{ path: '\\\\fs01\\vms\\app02.vhdx', sizeBytes: 40 * 1024 ** 3, passThrough: false }];
    });
    const ok = await start({ computerName: 'HV04', name: 'app02', destinationHost: 'HV03', includeStorage: false });
    expect((await untilDone(ok.jobId)).last).toMatchObject({ state: 'Completed' });
    const after = await placement(ok.vmId);
    expect(where(after)).toEqual(['HV03']);
    expect(after.find((h) => h.found)?.disks).toEqual(['\\\\fs01\\vms\\app02.vhdx']);
  });

  it('a German lab fails in German with the same HRESULT', async () => {
    await setLabLocale(lab, 'de-DE');
    await setFault(lab, 'HV03', { closedPorts: [6600] });
    const s = await start({ computerName: 'HV04', name: 'app03', destinationHost: 'HV03', includeStorage: true });
    const { last } = await untilDone(s.jobId);
    expect(last.error?.message).toContain('verweigerte');
    expect(last.error?.codes).toContain('0x8007274D');
  });
});
