/**
 * Moving a VM through main, the way the window does (real IPC gate, engine and pwsh lab): nothing
 * moves without `confirmed: true` or a VM the test did not find ready; `move:cancel` in main stops
 * a running move mid-copy (Stop-Job) and the VM stays on the source, recorded as such; a move that
 * runs to its end pushes queued → started → progress → done events, lands on the destination
 * (read back) and keeps its measured time beside the model's; `move:back` brings it home.
 * Every wait is on an event or an answer, never a fixed sleep.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, IpcResult, ResponseOf } from '../../../electron/core/contract/channels';
import type { AppContext } from '../../../electron/main/app-context';
import { createDispatcher, createSenderCheck, type Dispatcher } from '../../../electron/main/ipc-dispatch';
import { addVm, setLabTimeScale } from '../../../electron/services/lab/lab-init';
import { hostFile, readJson, writeJsonAtomic, type LabHostState } from '../../../electron/services/lab/lab-state';
import { createLabAppContext, INDEX_HTML, WINDOW_SENDER } from '../../support/lab-app';
import { delegateInLabDirectory } from '../../support/lab-delegation';

type MoveEvent = EventOf<'ferry:move'>;

let root: string;
let labDir: string;
let context: AppContext;
let dispatcher: Dispatcher;
const events: MoveEvent[] = [];
/** Waiters on the event stream: each resolves on the first event its test accepts. */
const waiters: { test: (e: MoveEvent) => boolean; resolve: (e: MoveEvent) => void }[] = [];

const dispatch = <T>(channel: string, payload: unknown) => dispatcher.dispatch(channel, payload, WINDOW_SENDER) as Promise<IpcResult<T>>;
const nextEvent = (test: (e: MoveEvent) => boolean) => new Promise<MoveEvent>((resolve) => waiters.push({ test, resolve }));
const vmsOn = async (host: string) => (await readJson<LabHostState>(hostFile(labDir, host))).vms.map((v) => v.name);
const MOVE = { source: 'HV03', destination: 'HV04', vms: ['app01'], includeStorage: true, confirmed: true } as const;

async function testPair(): Promise<void> {
  const r = await dispatch<{ findings: { id: string; severity: string; vm?: string }[] }>('test:run', { source: 'HV03', destination: 'HV04', vms: ['app01'], includeStorage: true });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.data.findings.filter((f) => f.severity === 'fail')).toEqual([]);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-ipc-move-'));
  context = await createLabAppContext(path.join(root, 'data'), { poolSize: 2 });
  context.setEventSink((channel, payload) => {
    if (channel !== 'ferry:move') return;
    const e = payload as MoveEvent;
    events.push(e);
    for (const w of [...waiters]) {
      if (w.test(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  });
  dispatcher = createDispatcher(context.handlers, createSenderCheck({ fileIndex: INDEX_HTML }));
  const opened = await dispatch<{ labDir: string }>('lab:open', { reset: true });
  if (!opened.ok) throw new Error(opened.error.message);
  labDir = opened.data.labDir;
  // HV03 and HV04 are the default lab's ready Kerberos pair; app01 runs on HV03 and may move.
  await addVm(labDir, { host: 'HV03', name: 'app01', memoryGb: 2, switchName: 'External', version: '10.0' });
  const hv03 = await readJson<LabHostState>(hostFile(labDir, 'HV03'));
  hv03.vms.forEach((v) => (v.processorCompatibilityForMigration = true));
  await writeJsonAtomic(hostFile(labDir, 'HV03'), hv03);
  await delegateInLabDirectory(labDir, [
    { host: 'HV03', delegateTo: ['HV04'], protocolTransition: true },
    { host: 'HV04', delegateTo: ['HV03'], protocolTransition: true },
  ]);
  // The lab directory reads the delegation back on its next start.
  const reopened = await dispatch('lab:open', { reset: false });
  if (!reopened.ok) throw new Error(reopened.error.message);
});

afterAll(async () => {
  await context?.dispose();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('nothing moves without confirmation and a ready VM', () => {
  it('confirmed missing or false: refused naming the field; no test report for the pair: refused', async () => {
    for (const confirmed of [false, undefined, 'yes']) {
      const r = await dispatch('move:start', { ...MOVE, confirmed });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-input', field: 'confirmed' });
    }
    const r = await dispatch('move:start', MOVE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not-found');
    expect(await dispatch('move:cancel', {})).toEqual({ ok: true, data: { cancelled: false } });
    expect(await vmsOn('HV03')).toContain('app01');
  });

  it('a VM the test did not check is refused naming its place in the request', async () => {
    await testPair();
    const r = await dispatch('move:start', { ...MOVE, vms: ['app01', 'nope'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-input', field: 'vms.1' });
  });
});

describe('move:cancel stops the move in main', () => {
  it('cancel mid-copy: Stop-Job, app01 stays on HV03 running, the audit log says so', async () => {
    // Slow enough that the copy is still running when the cancel arrives.
    await setLabTimeScale(labDir, 0.3);
    await testPair();
    const firstProgress = nextEvent((e) => e.kind === 'progress' && (e.percent ?? 0) >= 1);
    const running = dispatch<ResponseOf<'move:start'>>('move:start', MOVE);
    const progress = await firstProgress;
    expect(await dispatch('move:cancel', {})).toEqual({ ok: true, data: { cancelled: true } });
    const r = await running;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.runId).toBe(progress.runId);
    expect(r.data.moves[0]).toMatchObject({ vm: 'app01', result: 'cancelled', landing: { where: 'source', state: 'Running' } });
    expect(await vmsOn('HV03')).toContain('app01');
    expect(await vmsOn('HV04')).not.toContain('app01');
    const audit = await dispatch<{ records: { runId: string; message?: string }[] }>('audit:list', {});
    expect(audit.ok && audit.data.records.filter((x) => x.runId === r.data.runId).map((x) => x.message)).toEqual(['Cancelled; app01 is on HV03.']);
    expect(await dispatch('move:cancel', {})).toEqual({ ok: true, data: { cancelled: false } });
  });
});

describe('a move through main to its end, and back', () => {
  it('queued → started → progress → done; read back on HV04; measured beside predicted in move:history', async () => {
    await setLabTimeScale(labDir, 0.02);
    await testPair();
    const paths = await dispatch<ResponseOf<'move:paths'>>('move:paths', { host: 'HV04' });
    if (!paths.ok) throw new Error(paths.error.message);
    expect(paths.data.virtualHardDiskPath).toMatch(/^C:\\/);
    const before = events.length;
    const r = await dispatch<ResponseOf<'move:start'>>('move:start', { ...MOVE, destinationStoragePath: paths.data.virtualHardDiskPath });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.moves[0]).toMatchObject({ vm: 'app01', result: 'moved', landing: { where: 'destination', sameState: true, sameMemory: true } });
    const mine = events.slice(before).filter((e) => e.runId === r.data.runId);
    expect(mine[0]).toMatchObject({ kind: 'queued', vm: 'app01' });
    expect(mine[1]).toMatchObject({ kind: 'started', vm: 'app01' });
    expect(mine.some((e) => e.kind === 'progress')).toBe(true);
    expect(mine.at(-1)).toMatchObject({ kind: 'done', outcome: { result: 'moved' } });
    expect(await vmsOn('HV04')).toContain('app01');
    const history = await dispatch<ResponseOf<'move:history'>>('move:history', {});
    expect(history.ok && history.data.timings.map((t) => [t.vm, t.timeScale])).toEqual([['app01', 0.02]]);
  });

  it('move:back brings app01 home to HV03; nothing is left to move back', async () => {
    const r = await dispatch<ResponseOf<'move:back'>>('move:back', { confirmed: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.moves[0]).toMatchObject({ vm: 'app01', source: 'HV04', destination: 'HV03', result: 'moved' });
    expect(await vmsOn('HV03')).toContain('app01');
    const again = await dispatch('move:back', { confirmed: true });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('not-found');
  });
});
