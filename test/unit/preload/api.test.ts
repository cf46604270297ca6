import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventChannelNames, invokeChannelNames, type EventChannel, type InvokeChannel } from '../../../electron/core/contract/channels';
import { createFerryApi, type Transport } from '../../../electron/preload/api';

function recordingTransport() {
  const invoked: Array<{ channel: InvokeChannel; payload: unknown }> = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    async invoke(channel, payload) {
      invoked.push({ channel, payload });
      return { ok: true, data: { channel } };
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: EventChannel, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l(payload);
  };
  return { transport, invoked, emit, listeners };
}

describe('createFerryApi (window.ferry)', () => {
  it('has exactly one function per invoke channel plus one subscription per event channel', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createFerryApi(transport);
    const keys = Object.keys(api);
    expect(keys).toHaveLength(invokeChannelNames.length + eventChannelNames.length);
    for (const key of keys) expect(typeof (api as Record<string, unknown>)[key], key).toBe('function');

    const subscriptions = keys.filter((k) => /^on[A-Z]/.test(k));
    expect(subscriptions).toHaveLength(eventChannelNames.length);
    for (const key of keys.filter((k) => !subscriptions.includes(k))) {
      await (api as unknown as Record<string, (r: unknown) => Promise<unknown>>)[key]!({});
    }
    // Each invoke function reaches a different channel, and together they cover the contract.
    expect(invoked.map((i) => i.channel).sort()).toEqual([...invokeChannelNames].sort());
  });

  it('is frozen', () => {
    const api = createFerryApi(recordingTransport().transport);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes the request through unchanged', async () => {
    const { transport, invoked } = recordingTransport();
    await createFerryApi(transport).readHosts({ hosts: ['HV01', 'HV02'] });
    expect(invoked).toEqual([{ channel: 'hosts:read', payload: { hosts: ['HV01', 'HV02'] } }]);
  });

  it('subscriptions hand the listener only the payload and unsubscribe works', () => {
    const { transport, emit, listeners } = recordingTransport();
    const api = createFerryApi(transport);
    const seen: unknown[][] = [];
    const off = api.onProgress((...args: unknown[]) => seen.push(args));
    const payload = { runId: 'r1', index: 0, total: 3, status: 'running', message: 'step 1' };
    emit('ferry:progress', payload);
    expect(seen).toEqual([[payload]]);
    off();
    emit('ferry:progress', { ...payload, index: 1 });
    expect(seen).toHaveLength(1);
    expect(listeners.get('ferry:progress')?.size).toBe(0);
  });
});

describe('preload.ts (Electron side)', () => {
  const source = fs.readFileSync('electron/preload/preload.ts', 'utf8');

  it('exposes exactly one object, window.ferry', () => {
    const exposures = [...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(exposures).toEqual(['ferry']);
  });

  it('never hands ipcRenderer or the IPC event to the page', () => {
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    // The wrapped listener drops the event and forwards the payload alone.
    expect(source).toMatch(/\(_event: unknown, payload: unknown\)\s*:\s*void\s*=>\s*listener\(payload\)/);
  });
});
