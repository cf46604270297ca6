/**
 * Cancel stops work in the main process, not only in the window. With every lab cmdlet made slow:
 * `test:cancel` ends a running `test:run`, and `hosts:cancel` a running `hosts:read`, with
 * 'cancelled' long before their reads could finish; no report or facts are kept; and the
 * PowerShell pool is usable straight after (the cancelled processes were replaced, not left
 * running the abandoned reads).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../electron/core/contract/channels';
import type { AppContext } from '../../../electron/main/app-context';
import { createDispatcher, createSenderCheck, type Dispatcher } from '../../../electron/main/ipc-dispatch';
import { labCalls, setFault } from '../../../electron/services/lab/lab-faults';
import { createLabAppContext, INDEX_HTML, WINDOW_SENDER } from '../../support/lab-app';

/** Per cmdlet call; a host read makes several, so an uncancelled test takes tens of seconds. */
const LATENCY_MS = 4000;

let root: string;
let context: AppContext;
let dispatcher: Dispatcher;

const dispatch = <T>(channel: string, payload: unknown) => dispatcher.dispatch(channel, payload, WINDOW_SENDER) as Promise<IpcResult<T>>;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-test-cancel-'));
  context = await createLabAppContext(path.join(root, 'data'), { poolSize: 2 });
  dispatcher = createDispatcher(context.handlers, createSenderCheck({ fileIndex: INDEX_HTML }));
});

afterAll(async () => {
  await context?.dispose();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/**
 * Opens a fresh lab, makes every cmdlet on HV01 and HV02 slow, starts `channel`, cancels it
 * with `cancel` once a slow call to a host is under way (the lab traces each call as it
 * starts), and checks what both kinds of cancel promise: 'cancelled',
 * well before the first slow call could return, nothing to cancel before or after, and a pool
 * that reads both hosts again straight away.
 */
async function cancelWhileSlow(channel: string, payload: unknown, cancel: string): Promise<void> {
  const opened = await dispatch<{ labDir: string }>('lab:open', { reset: true });
  if (!opened.ok) throw new Error(opened.error.message);
  expect(await dispatch(cancel, {})).toEqual({ ok: true, data: { cancelled: false } });

  for (const h of ['HV01', 'HV02']) await setFault(opened.data.labDir, h, { latencyMs: LATENCY_MS, traceCalls: true });
  const running = dispatch(channel, payload);
  // The pool may still be starting its processes; cancel once the first slow call has begun.
  const callsUnderWay = async () => (await labCalls(opened.data.labDir, 'HV01')) + (await labCalls(opened.data.labDir, 'HV02'));
  await expect.poll(callsUnderWay, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  const underWay = Date.now();
  expect(await dispatch(cancel, {})).toEqual({ ok: true, data: { cancelled: true } });
  const result = await running;
  expect(Date.now() - underWay).toBeLessThan(LATENCY_MS); // the first slow cmdlet call had not even returned
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe('cancelled');
  expect(await dispatch(cancel, {})).toEqual({ ok: true, data: { cancelled: false } });

  for (const h of ['HV01', 'HV02']) await setFault(opened.data.labDir, h, null);
  const read = await dispatch<{ hosts: { status: string }[] }>('hosts:read', { hosts: ['HV01', 'HV02'] });
  expect(read.ok && read.data.hosts.map((h) => h.status)).toEqual(['ok', 'ok']);
}

describe('test:cancel', () => {
  it('stops a running test and its PowerShell calls; the pool serves the next read', async () => {
    await cancelWhileSlow('test:run', { source: 'HV01', destination: 'HV02', vms: ['web01'] }, 'test:cancel');
    expect((await dispatch('test:report', {})).ok).toBe(false); // no half report was kept
    const again = await dispatch<{ findings: unknown[] }>('test:run', { source: 'HV01', destination: 'HV02', vms: ['web01'] });
    expect(again.ok && again.data.findings.length).toBeGreaterThan(0);
  });
});

describe('hosts:cancel', () => {
  it('stops a running read and its PowerShell calls; the pool serves the next read', async () => {
    await cancelWhileSlow('hosts:read', { hosts: ['HV01', 'HV02'] }, 'hosts:cancel');
  });
});
