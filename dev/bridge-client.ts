/**
 * The browser side of the test bridge: a `Transport` over fetch (requests) and EventSource
 * (events), so `createFerryApi` — the same factory the Electron preload uses — builds
 * `window.ferry`. Bundled for the page by `bundleBridgeClient` (dev/bridge-bundle.ts).
 */
import type { EventChannel, InvokeChannel, IpcResult } from '../electron/core/contract/channels';
import type { Transport } from '../electron/preload/api';

const BRIDGE_TOKEN_HEADER = 'x-ferry-bridge-token';

/**
 * `token` is sent as a header when given; without it the page relies on the HttpOnly cookie
 * (plain-browser mode) or on headers the test harness adds to every request.
 */
export function createBridgeTransport(baseUrl: string, token?: string): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers[BRIDGE_TOKEN_HEADER] = token;

  return {
    async invoke(channel: InvokeChannel, payload: unknown): Promise<IpcResult<unknown>> {
      const response = await fetch(`${base}/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(payload ?? {}),
        credentials: 'same-origin',
      });
      try {
        return (await response.json()) as IpcResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'failed', message: `The bridge answered ${response.status}.` } };
      }
    },
    subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void {
      source ??= new EventSource(`${base}/events`, { withCredentials: false });
      let set = listeners.get(channel);
      if (set === undefined) {
        const fresh = new Set<(payload: unknown) => void>();
        listeners.set(channel, fresh);
        source.addEventListener(channel, (event) => {
          const data = JSON.parse((event as MessageEvent<string>).data) as unknown;
          for (const l of fresh) l(data);
        });
        set = fresh;
      }
      const entry = (payload: unknown): void => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };
}
