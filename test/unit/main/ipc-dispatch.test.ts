import { describe, expect, it } from 'vitest';
import { invokeChannelNames, type InvokeChannel } from '../../../electron/core/contract/channels';
import {
  createDispatcher,
  createSenderCheck,
  UserFacingError,
  type HandlerMap,
  type SenderInfo,
} from '../../../electron/main/ipc-dispatch';
import { kerberosDesired } from '../../support/desired-settings';
import { createI18n } from '../../../renderer/src/i18n/i18n';

const indexHtml = 'file:///opt/Ferry/resources/app.asar/dist/renderer/index.html';
const own: SenderInfo = { isMainFrame: true, url: indexHtml };

function handlers(overrides: Partial<Record<InvokeChannel, (req: unknown) => Promise<unknown>>> = {}): {
  map: HandlerMap;
  calls: string[];
} {
  const calls: string[] = [];
  const entries = invokeChannelNames.map((channel) => [
    channel,
    async (req: unknown) => {
      calls.push(channel);
      const override = overrides[channel];
      if (override) return override(req);
      return { echoed: req };
    },
  ]);
  return { map: Object.fromEntries(entries) as unknown as HandlerMap, calls };
}

describe('createSenderCheck', () => {
  const check = createSenderCheck({ fileIndex: indexHtml });

  it('accepts the app’s own main frame', () => {
    expect(check(own)).toBe(true);
    expect(check({ isMainFrame: true, url: `${indexHtml}#/configure` })).toBe(true);
  });

  it('refuses sub-frames, other files, remote pages and junk', () => {
    expect(check({ isMainFrame: false, url: indexHtml })).toBe(false);
    expect(check({ isMainFrame: true, url: 'file:///tmp/evil/index.html' })).toBe(false);
    expect(check({ isMainFrame: true, url: 'file:///opt/Ferry/resources/app.asar/dist/renderer/index.html.evil' })).toBe(false);
    expect(check({ isMainFrame: true, url: 'https://example.com/opt/Ferry/resources/app.asar/dist/renderer/index.html' })).toBe(false);
    expect(check({ isMainFrame: true, url: '' })).toBe(false);
    expect(check({ isMainFrame: true, url: 'about:blank' })).toBe(false);
  });

  it('accepts the dev server origin only when configured, by URL origin not prefix', () => {
    const dev = createSenderCheck({ devOrigin: 'http://127.0.0.1:5173' });
    expect(dev({ isMainFrame: true, url: 'http://127.0.0.1:5173/' })).toBe(true);
    expect(dev({ isMainFrame: true, url: 'http://127.0.0.1:5173.evil.example/' })).toBe(false);
    expect(dev({ isMainFrame: true, url: 'http://127.0.0.1:5174/' })).toBe(false);
    expect(dev({ isMainFrame: true, url: indexHtml })).toBe(false);
  });
});

describe('createDispatcher', () => {
  const check = createSenderCheck({ fileIndex: indexHtml });

  it('runs the handler for a valid request from the app’s frame', async () => {
    const { map, calls } = handlers();
    const result = await createDispatcher(map, check).dispatch('hosts:read', { hosts: ['HV01'] }, own);
    expect(result).toEqual({ ok: true, data: { echoed: { hosts: ['HV01'] } } });
    expect(calls).toEqual(['hosts:read']);
  });

  it('refuses an unknown channel before any handler runs', async () => {
    const { map, calls } = handlers();
    const d = createDispatcher(map, check);
    for (const channel of ['nope', '__proto__', 'constructor', 'hasOwnProperty', 42, null, undefined]) {
      const result = await d.dispatch(channel, {}, own);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a foreign sender before any handler runs', async () => {
    const { map, calls } = handlers();
    const result = await createDispatcher(map, check).dispatch('app:info', {}, { isMainFrame: false, url: indexHtml });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('answers invalid input with an error naming the field', async () => {
    const { map, calls } = handlers();
    const d = createDispatcher(map, check);
    const nested = await d.dispatch(
      'plan:create',
      {
        source: 'HV01',
        destination: 'HV02',
        desired: { ...kerberosDesired([]), networks: [{ subnet: 42, priority: 1 }] },
        delegation: { enabled: true, bothDirections: true },
      },
      own,
    );
    expect(nested.ok).toBe(false);
    if (!nested.ok) {
      expect(nested.error.code).toBe('invalid-input');
      // The union ('any' | [...]) is looked through to the field the sender got wrong.
      expect(nested.error.field).toBe('desired.networks.0.subnet');
      expect(nested.error.message.startsWith(`${nested.error.field}:`)).toBe(true);
    }
    const wrongType = await d.dispatch('hosts:read', { hosts: 'HV01' }, own);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'hosts' } });
    const extraKey = await d.dispatch('app:info', { extra: 1 }, own);
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('refuses a bad host name at the gate, naming the field, in every channel that takes one', async () => {
    const { map, calls } = handlers();
    const d = createDispatcher(map, check);
    const cases: ReadonlyArray<readonly [InvokeChannel, unknown, string, RegExp]> = [
      ['hosts:read', { hosts: ['HV01', 'HV 02'] }, 'hosts.1', /not a valid host name label/],
      ['test:pair', { source: 'HV01', destination: "HV02'; calc" }, 'destination', /not a valid host name label/],
      ['groups:save', { name: 'Lab', hosts: ['HV01', 'THIS-NAME-IS-TOO-LONG'] }, 'hosts.1', /NetBIOS computer name is at most 15/],
      ['hosts:read', { hosts: [''] }, 'hosts.0', /host name is empty/],
      ['hosts:read', { hosts: ['999.1.1.1'] }, 'hosts.0', /not a valid IPv4 address/],
    ];
    for (const [channel, payload, field, message] of cases) {
      const result = await d.dispatch(channel, payload, own);
      expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
      if (!result.ok) {
        expect(result.error.message.startsWith(`${field}: `)).toBe(true);
        expect(result.error.message).toMatch(message);
      }
    }
    expect(calls).toEqual([]);
    // The window gets the rule's code + params to say it in its language (hostName.* in en and de).
    const bad = await d.dispatch('hosts:read', { hosts: ['HV01', 'HV 02'] }, own);
    expect(bad).toMatchObject({ ok: false, error: { messageKey: 'hostName.bad-label', params: { name: 'HV 02', label: 'HV 02' } } });
    const de = createI18n('de');
    if (!bad.ok) expect(de.t(bad.error.messageKey ?? '', bad.error.params)).toBe('HV 02 ist kein gültiger Hostname: „HV 02“ darf nur Buchstaben, Ziffern und innere Bindestriche enthalten.');
    // A huge name is not echoed back whole.
    const huge = await d.dispatch('hosts:read', { hosts: ['x'.repeat(100_000)] }, own);
    expect(!huge.ok && String(huge.error.params?.name).length).toBeLessThanOrEqual(41);
    for (const hosts of [['HV01', 'hv02.contoso.com'], ['10.0.0.1', 'fe80::1'], ['HV01.']]) {
      expect((await d.dispatch('hosts:read', { hosts }, own)).ok, hosts.join(',')).toBe(true);
    }
  });

  it('passes a UserFacingError through with its code, field and target', async () => {
    const { map } = handlers({
      'hosts:read': async () => {
        throw new UserFacingError('not-found', 'HV09 was not found.', 'hosts.0', 'HV09');
      },
    });
    const result = await createDispatcher(map, check).dispatch('hosts:read', { hosts: ['HV09'] }, own);
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'HV09 was not found.', field: 'hosts.0', target: 'HV09' },
    });
  });

  it('passes a UserFacingError\'s i18n key and params through, for the window to say in its language', async () => {
    const { map } = handlers({
      'hosts:read': async () => {
        throw new UserFacingError('invalid-input', 'x: bad', 'x', undefined, { messageKey: 'subnet.empty', params: { field: 'x', subnet: '' } });
      },
    });
    const result = await createDispatcher(map, check).dispatch('hosts:read', { hosts: ['HV09'] }, own);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'x: bad', field: 'x', messageKey: 'subnet.empty', params: { field: 'x', subnet: '' } } });
  });

  it('turns an unexpected exception into a generic message, without the internal text', async () => {
    const logged: unknown[] = [];
    const { map } = handlers({
      'app:info': async () => {
        throw new Error('ENOENT: C:\\Users\\admin\\secret-path password=hunter2');
      },
    });
    const result = await createDispatcher(map, check, (_c, e) => logged.push(e)).dispatch('app:info', {}, own);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain('ENOENT');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('secret-path');
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(logged).toHaveLength(1);
  });

  it('also hides non-Error throwables', async () => {
    const { map } = handlers({
      'app:info': async () => {
        throw 'raw string with internals';
      },
    });
    const result = await createDispatcher(map, check).dispatch('app:info', {}, own);
    expect(JSON.stringify(result)).not.toContain('internals');
  });
});
