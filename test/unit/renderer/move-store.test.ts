/**
 * The move slice against the fake `window.ferry`: nothing is asked before the confirm step, the
 * request carries `confirmed: true` and the storage path only with storage, events feed each VM's
 * row, main's answer is the truth (events may be missed), cancel asks main, and a storage move
 * offers the destination's default disk folder.
 */
import { describe, expect, it } from 'vitest';
import { connectEvents, createFerryStore } from '../../../renderer/src/store/store';
import { createFakeFerry } from '../../support/fake-ferry-api';

function setup() {
  const fake = createFakeFerry();
  const store = createFerryStore(fake.api);
  store.getState().setSource('HV03');
  store.getState().setDestination('HV04');
  const off = connectEvents(store, fake.api);
  return { fake, store, off };
}

describe('move slice', () => {
  it('ticks VMs; confirm opens the dialog and asks nothing; Move sends confirmed: true, VM only without a path', async () => {
    const { fake, store, off } = setup();
    store.getState().toggleMoveVm('app01');
    store.getState().toggleMoveVm('app02');
    store.getState().toggleMoveVm('app02');
    store.getState().setMoveStoragePath('D:\\VMs');
    store.getState().confirmMove(true);
    expect(store.getState().moveConfirming).toBe(true);
    expect(fake.calls.filter((c) => c.channel.startsWith('move:'))).toEqual([]);
    const r = await store.getState().startMove();
    expect(r?.moves.map((m) => m.result)).toEqual(['moved']);
    expect(fake.calls.find((c) => c.channel === 'move:start')?.request).toEqual({ source: 'HV03', destination: 'HV04', vms: ['app01'], includeStorage: false, confirmed: true });
    expect(store.getState().moveConfirming).toBe(false);
    expect(store.getState().moveRows['app01']).toMatchObject({ status: 'done', percent: 100, outcome: { result: 'moved' } });
    // The history is read again after a move.
    expect(fake.calls.at(-1)?.channel).toBe('move:history');
    off();
  });

  it('with storage: the default disk folder is offered and sent as destinationStoragePath', async () => {
    const { fake, store, off } = setup();
    store.getState().setMoveIncludeStorage(true);
    await expect.poll(() => store.getState().movePaths).not.toBeNull();
    expect(store.getState().moveStoragePath).toBe('C:\\ProgramData\\Microsoft\\Windows\\Virtual Hard Disks');
    expect(fake.calls.find((c) => c.channel === 'move:paths')?.request).toEqual({ host: 'HV04' });
    store.getState().toggleMoveVm('app01');
    await store.getState().startMove();
    expect(fake.calls.find((c) => c.channel === 'move:start')?.request).toMatchObject({ includeStorage: true, destinationStoragePath: 'C:\\ProgramData\\Microsoft\\Windows\\Virtual Hard Disks', confirmed: true });
    off();
  });

  it('testForMove tests the pair for the move as chosen and keeps which move that report tested', async () => {
    const { fake, store, off } = setup();
    store.getState().setMoveIncludeStorage(true);
    store.getState().setMoveStoragePath(' D:\\VMs ');
    await store.getState().testForMove();
    expect(fake.calls.find((c) => c.channel === 'test:run')?.request).toEqual({ source: 'HV03', destination: 'HV04', includeStorage: true, destinationStoragePath: 'D:\\VMs' });
    const tested = store.getState().moveTested;
    expect(tested).toMatchObject({ includeStorage: true, path: 'D:\\VMs' });
    expect(tested?.report).toBe(store.getState().report);
    off();
  });

  it('events feed the rows while the move runs; cancel asks main; the answer decides the end', async () => {
    const { fake, store, off } = setup();
    store.getState().toggleMoveVm('app01');
    store.getState().toggleMoveVm('app02');
    const prediction = { option: 'Compression' as const, memorySeconds: 10, storageSeconds: 0, totalSeconds: 10, downtimeSeconds: 0.1, converges: true };
    fake.answer('move:start', async (r) => {
      fake.emitMove({ runId: 'move-7', kind: 'queued', vm: 'app01' });
      fake.emitMove({ runId: 'move-7', kind: 'queued', vm: 'app02' });
      fake.emitMove({ runId: 'move-7', kind: 'started', vm: 'app01', predictedSeconds: 10 });
      fake.emitMove({ runId: 'move-7', kind: 'progress', vm: 'app01', percent: 40 });
      expect(store.getState().moveRunId).toBe('move-7');
      expect(store.getState().moveRows['app01']).toEqual({ status: 'running', percent: 40, predictedSeconds: 10 });
      expect(store.getState().moveRows['app02']).toEqual({ status: 'queued', percent: 0 });
      await store.getState().cancelMove();
      const landing = { where: 'source' as const, state: 'Running', unreachable: [] as string[] };
      return {
        ok: true,
        data: { runId: 'move-7', moves: r.vms.map((vm) => ({ vm, source: r.source, destination: r.destination, includeStorage: false, result: 'cancelled' as const, prediction, landing })) },
      };
    });
    const r = await store.getState().startMove();
    expect(fake.calls.find((c) => c.channel === 'move:cancel')?.request).toEqual({});
    expect(r?.moves.map((m) => m.result)).toEqual(['cancelled', 'cancelled']);
    expect(store.getState().moveRows['app02']).toMatchObject({ status: 'done', outcome: { result: 'cancelled', landing: { where: 'source' } } });
    expect(store.getState().moveRunId).toBeNull();
    off();
  });

  it('a refused move leaves an error naming the field; nothing is kept as a result', async () => {
    const { fake, store, off } = setup();
    fake.answer('move:start', () => ({ ok: false, error: { code: 'invalid-input', message: 'vms: "app01" is not ready to move: x', field: 'vms.0' } }));
    store.getState().toggleMoveVm('app01');
    expect(await store.getState().startMove()).toBeUndefined();
    expect(store.getState().errors[0]).toMatchObject({ op: 'move', code: 'invalid-input', field: 'vms.0' });
    expect(store.getState().moveResult).toBeNull();
    off();
  });
});
