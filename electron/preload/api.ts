/**
 * The `window.ferry` surface: one function per contract channel, and event subscriptions that
 * hand the listener only the payload (never the Electron event) and return an unsubscribe.
 *
 * Built from a transport so the same object is used by the Electron preload (ipcRenderer) and
 * by the test-only loopback bridge; the renderer's type of `window.ferry` is `FerryApi`.
 */
import type {
  EventChannel,
  EventOf,
  InvokeChannel,
  IpcResult,
  RequestOf,
  ResponseOf,
} from '../core/contract/channels';

export interface Transport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<IpcResult<unknown>>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

type Invoker<C extends InvokeChannel> = (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

export function createFerryApi(transport: Transport) {
  const call =
    <C extends InvokeChannel>(channel: C): Invoker<C> =>
    (request) =>
      transport.invoke(channel, request) as Promise<IpcResult<ResponseOf<C>>>;
  const on =
    <E extends EventChannel>(channel: E) =>
    (listener: (payload: EventOf<E>) => void): (() => void) =>
      transport.subscribe(channel, (payload) => listener(payload as EventOf<E>));

  return Object.freeze({
    appInfo: call('app:info'),
    openLab: call('lab:open'),
    connectDirectory: call('directory:connect'),
    disconnectDirectory: call('directory:disconnect'),
    discoverHosts: call('hosts:discover'),
    resolveHosts: call('hosts:resolve'),
    readHosts: call('hosts:read'),
    cancelRead: call('hosts:cancel'),
    createPlan: call('plan:create'),
    exportPlan: call('plan:export'),
    startApply: call('apply:start'),
    cancelApply: call('apply:cancel'),
    listAudit: call('audit:list'),
    startRollback: call('rollback:start'),
    runTest: call('test:run'),
    runGroupTest: call('test:group'),
    pairReport: call('test:pair'),
    cancelTest: call('test:cancel'),
    testReport: call('test:report'),
    listGroups: call('groups:list'),
    saveGroup: call('groups:save'),
    deleteGroup: call('groups:delete'),
    startMove: call('move:start'),
    cancelMove: call('move:cancel'),
    moveBack: call('move:back'),
    movePaths: call('move:paths'),
    moveHistory: call('move:history'),
    onProgress: on('ferry:progress'),
    onMove: on('ferry:move'),
  });
}

export type FerryApi = ReturnType<typeof createFerryApi>;
