/**
 * engine/move.ts against the lab in real pwsh: a test, then a move of a ready VM with progress
 * events and a read-back that finds it on the destination as it ran; each failure mode ends with
 * the VM where it was and an audit record saying so; a cancel; the limit of 2 queues the third
 * move; the move back; measured time beside the model's prediction in the history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestReport } from '../../../electron/core/model';
import { modelError } from '../../../electron/core/move';
import { createMigrationTestDeps } from '../../../electron/engine/migration-test-deps';
import { runMigrationTest } from '../../../electron/engine/migration-test';
import { startMoveBack } from '../../../electron/engine/move-back';
import { startMoves, startMovesFromReport, type MoveDeps, type MoveEvent } from '../../../electron/engine/move';
import { AuditLog } from '../../../electron/services/audit/audit-log';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { addVm, initLab, setLabTimeScale } from '../../../electron/services/lab/lab-init';
import { hostFile, readJson, writeJsonAtomic, type LabHostState } from '../../../electron/services/lab/lab-state';
import { MoveHistory } from '../../../electron/services/move/move-history';
import { PowerShellPool } from '../../../electron/services/powershell/pool';
import { writeLabDelegation } from '../../support/lab-delegation';

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-move-engine-'));
const HOSTS = ['HV01', 'HV02', 'HV03', 'HV04'];
const SCALE = 0.02;
let pool: PowerShellPool;
let jobs: PowerShellPool;
let audit: AuditLog;
let history: MoveHistory;

async function editHost(name: string, change: (s: LabHostState) => void): Promise<void> {
  const s = await readJson<LabHostState>(hostFile(lab, name));
  change(s);
  await writeJsonAtomic(hostFile(lab, name), s);
}

const deps = (): MoveDeps => ({ runner: pool, jobRunner: jobs, audit, history, user: 'LAB\\tester', timeScale: SCALE, pollMs: 40 });

/** The pair's test for a move with storage, into `storagePath` or the destination's default folder. */
async function test(source: string, destination: string, vms: string[], storagePath?: string): Promise<TestReport> {
  const d = createMigrationTestDeps({ pool, user: 'LAB\\tester', workstationProbe: 'lab' });
  return runMigrationTest(d, { source, destination, vms, includeStorage: true, ...(storagePath !== undefined ? { destinationStoragePath: storagePath } : {}) });
}

async function vmsOn(host: string): Promise<string[]> {
  return (await readJson<LabHostState>(hostFile(lab, host))).vms.map((v) => v.name);
}

beforeAll(async () => {
  await initLab(lab, { hosts: HOSTS });
  await setLabTimeScale(lab, SCALE);
  for (const n of ['app01', 'app02', 'app03', 'app04']) await addVm(lab, { host: 'HV03', name: n, memoryGb: 2, switchName: 'External', version: '10.0' });
  await editHost('HV03', (h) => h.vms.forEach((v) => (v.processorCompatibilityForMigration = true)));
  // The folder the storage move goes to exists on the destination (the test checks it does).
  await editHost('HV04', (h) => (h.folders = [...(h.folders ?? []), 'D:\\VMs']));
  await writeLabDelegation(lab, [
    { host: 'HV03', delegateTo: ['HV04'], protocolTransition: true },
    { host: 'HV04', delegateTo: ['HV03'], protocolTransition: true },
  ]);
  pool = new PowerShellPool({ size: 2, labDir: lab });
  jobs = new PowerShellPool({ size: 1, labDir: lab });
  audit = new AuditLog(path.join(lab, 'audit.jsonl'));
  history = new MoveHistory(path.join(lab, 'move-history.jsonl'));
});

afterEach(async () => {
  for (const h of HOSTS) await setFault(lab, h, null);
});

afterAll(async () => {
  await Promise.all([pool.dispose(), jobs.dispose()]);
  rmSync(lab, { recursive: true, force: true });
});

describe('moving a ready VM', () => {
  it('test → move app01 with storage → progress → read back on HV04, running, same memory; audit and history', async () => {
    const report = await test('HV03', 'HV04', ['app01'], 'D:\\VMs');
    expect(report.findings.filter((f) => f.severity === 'fail')).toEqual([]);
    const events: MoveEvent[] = [];
    const run = startMovesFromReport(deps(), report, { source: 'HV03', destination: 'HV04', vms: ['app01'], includeStorage: true, destinationStoragePath: 'D:\\VMs' }, (e) => events.push(e));
    const [o] = await run.done;
    expect(o).toMatchObject({ vm: 'app01', result: 'moved', landing: { where: 'destination', sameState: true, sameMemory: true, state: 'Running' } });
    expect(events[0]).toEqual({ kind: 'queued', vm: 'app01' });
    expect(events.some((e) => e.kind === 'progress' && e.percent > 0 && e.percent < 100)).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'done', vm: 'app01' });
    expect(await vmsOn('HV04')).toContain('app01');
    expect(await vmsOn('HV03')).not.toContain('app01');
    // Measured (the job's own begin → end) beside predicted: the lab ran the model's time × SCALE;
    // the job's clock starts a little after the lab fixed the timeline (type load, record write).
    expect(o?.measuredSeconds).toBeGreaterThan(o!.prediction.totalSeconds * SCALE * 0.8);
    expect(o?.measuredSeconds).toBeLessThan(o!.prediction.totalSeconds * SCALE * 3);
    const records = (await audit.read()).records.filter((r) => r.runId === run.runId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ setting: 'vm.location', host: 'HV03', result: 'done', after: { host: 'HV04', vm: 'app01' } });
    const h = await history.read();
    expect(h.at(-1)).toMatchObject({ vm: 'app01', timeScale: SCALE });
    // The pair is kept, so the model's error is computable (its size depends on the machine's load at this scale).
    expect(Number.isFinite(modelError(h).meanAbsoluteError)).toBe(true);
  });

  it('move back: app01 returns to HV03 with its disk in its old folder, and the move is marked rolled back', async () => {
    const run = await startMoveBack({ ...deps(), audit }, (await audit.read()).records);
    const [o] = await run.done;
    expect(o).toMatchObject({ vm: 'app01', source: 'HV04', destination: 'HV03', result: 'moved' });
    const hv03 = await readJson<LabHostState>(hostFile(lab, 'HV03'));
    expect(hv03.vms.find((v) => v.name === 'app01')?.disks[0]?.path).toBe('C:\\Hyper-V\\Virtual Hard Disks\\app01.vhdx');
    const records = (await audit.read()).records;
    expect(records.some((r) => r.result === 'rolled-back' && r.stepId === 'move:app01')).toBe(true);
    // Nothing left to move back.
    await expect(startMoveBack({ ...deps(), audit }, records)).rejects.toThrow(/no move to move back/);
  });

  it('a VM the test found blocked cannot be chosen: the reason is its finding', async () => {
    await addVm(lab, { host: 'HV03', name: 'nosw', memoryGb: 2, switchName: 'Missing', version: '10.0' });
    await editHost('HV03', (h) => h.vms.forEach((v) => (v.processorCompatibilityForMigration = true)));
    const report = await test('HV03', 'HV04', ['nosw']);
    expect(() => startMovesFromReport(deps(), report, { source: 'HV03', destination: 'HV04', vms: ['nosw'], includeStorage: true })).toThrow(/^vms: "nosw" is not ready to move: /);
  });
});

describe('failures leave the VM where it was, and a record saying so', () => {
  const move = async (vm: string) => {
    const report = await test('HV03', 'HV04', [vm]);
    const facts = { source: report.hosts[0]!, destination: report.hosts[1]! };
    const run = startMoves(deps(), facts, { source: 'HV03', destination: 'HV04', vms: [vm], includeStorage: true });
    const [o] = await run.done;
    const rec = (await audit.read()).records.filter((r) => r.runId === run.runId);
    return { o: o!, rec };
  };

  it('port 6600 closed (after the test): failed, 0x8007274D, app02 on HV03', async () => {
    const report = await test('HV03', 'HV04', ['app02']);
    await setFault(lab, 'HV04', { closedPorts: [6600] });
    const run = startMovesFromReport(deps(), report, { source: 'HV03', destination: 'HV04', vms: ['app02'], includeStorage: true });
    const [o] = await run.done;
    expect(o).toMatchObject({ result: 'failed', landing: { where: 'source' } });
    expect(o?.error?.codes).toContain('0x8007274D');
    const rec = (await audit.read()).records.filter((r) => r.runId === run.runId);
    expect(rec[0]).toMatchObject({ result: 'failed', after: { host: 'HV03' } });
    expect(rec[0]?.message).toMatch(/app02 is on HV03/);
  });

  it('destination out of memory: 0x8007000E, on HV03', async () => {
    await editHost('HV04', (h) => (h.memoryAvailableBytes = 1024 ** 3));
    try {
      const { o, rec } = await move('app02');
      expect(o).toMatchObject({ result: 'failed', landing: { where: 'source' } });
      expect(o.error?.codes).toContain('0x8007000E');
      expect(rec[0]?.message).toMatch(/app02 is on HV03/);
    } finally {
      await editHost('HV04', (h) => (h.memoryAvailableBytes = 192 * 1024 ** 3));
    }
  });

  it('switch missing: on HV03', async () => {
    const { o, rec } = await move('nosw');
    expect(o).toMatchObject({ result: 'failed', landing: { where: 'source' } });
    expect(o.error?.message).toContain("Could not find Ethernet switch 'Missing'.");
    expect(rec[0]?.result).toBe('failed');
  });

  it('the destination goes down mid-move: the VM runs on HV03, HV04 did not answer the read-back', async () => {
    await setFault(lab, 'HV04', { downDuringMove: 0.5 });
    const { o, rec } = await move('app02');
    expect(o).toMatchObject({ result: 'failed', landing: { where: 'source', state: 'Running', unreachable: ['HV04'] } });
    expect(o.error?.codes).toContain('0x80072746');
    expect(rec[0]?.message).toMatch(/app02 is on HV03 \(no answer from HV04\)/);
  });

  it('CredSSP source: nothing starts; the exact command to run on the source is given and recorded', async () => {
    const report = await test('HV01', 'HV03', ['web01']);
    const facts = { source: report.hosts[0]!, destination: report.hosts[1]! };
    const run = startMoves(deps(), facts, { source: 'HV01', destination: 'HV03', vms: ['web01'], includeStorage: true, destinationStoragePath: 'D:\\VMs' });
    const [o] = await run.done;
    expect(o).toMatchObject({ result: 'run-on-source', command: "Move-VM -Name 'web01' -DestinationHost 'HV03' -IncludeStorage -DestinationStoragePath 'D:\\VMs'" });
    expect(await vmsOn('HV01')).toContain('web01');
    const rec = (await audit.read()).records.filter((r) => r.runId === run.runId);
    expect(rec[0]?.message).toContain('must start on HV01');
  });
});

describe('cancel and the queue', () => {
  it('cancel mid-copy: Stop-Job, the VM stays on HV03, running; recorded as cancelled', async () => {
    await setLabTimeScale(lab, 0.2);
    try {
      const report = await test('HV03', 'HV04', ['app03']);
      const run = startMovesFromReport({ ...deps(), timeScale: 0.2 }, report, { source: 'HV03', destination: 'HV04', vms: ['app03'], includeStorage: true }, (e) => {
        if (e.kind === 'progress' && e.percent >= 1) run.cancel('app03');
      });
      const [o] = await run.done;
      expect(o).toMatchObject({ result: 'cancelled', landing: { where: 'source', state: 'Running' } });
      expect(await vmsOn('HV03')).toContain('app03');
      const rec = (await audit.read()).records.filter((r) => r.runId === run.runId);
      expect(rec[0]?.message).toBe('Cancelled; app03 is on HV03.');
    } finally {
      await setLabTimeScale(lab, SCALE);
    }
  });

  it('limit 2: three moves — the third waits until one finishes, then all three land on HV04', async () => {
    const report = await test('HV03', 'HV04', ['app02', 'app03', 'app04']);
    const events: { e: MoveEvent; t: number }[] = [];
    const run = startMovesFromReport(deps(), report, { source: 'HV03', destination: 'HV04', vms: ['app02', 'app03', 'app04'], includeStorage: true }, (e) =>
      events.push({ e, t: Date.now() }),
    );
    const outcomes = await run.done;
    expect(outcomes.map((o) => [o.vm, o.result])).toEqual([['app02', 'moved'], ['app03', 'moved'], ['app04', 'moved']]);
    const at = (kind: string, vm: string) => events.findIndex((x) => x.e.kind === kind && x.e.vm === vm);
    // app04 started only after a first move was done.
    expect(at('started', 'app04')).toBeGreaterThan(Math.min(at('done', 'app02'), at('done', 'app03')));
    expect(at('started', 'app03')).toBeLessThan(at('done', 'app02'));
    expect((await vmsOn('HV04')).filter((n) => n.startsWith('app'))).toEqual(expect.arrayContaining(['app02', 'app03', 'app04']));
  });
});
