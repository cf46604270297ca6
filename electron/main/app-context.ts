/**
 * Builds everything the main process serves — services, engine, IPC handlers — from plain
 * paths, with no Electron import, so the test bridge and the app run the same code.
 */
import type { EventChannel, EventOf } from '../core/contract/channels';
import { UserFacingError, type HandlerMap } from './ipc-dispatch';

export interface AppContextOptions {
  /** Per-user data folder (Electron's `userData`): logs, audit log, the lab. */
  readonly dataDir: string;
  readonly version: string;
  readonly locale: string;
  /** Where the bundled `.ps1` scripts and the lab module live (unpacked from asar). */
  readonly resourcesDir: string;
  /** Force lab mode (no Hyper-V module) — the default wherever Hyper-V is absent. */
  readonly labMode?: boolean;
  readonly powershellExecutable?: string;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export type EventSink = <E extends EventChannel>(channel: E, payload: EventOf<E>) => void;

export interface AppContext {
  readonly handlers: HandlerMap;
  setEventSink(sink: EventSink): void;
  dispose(): Promise<void>;
}

const notYet = (what: string) => async (): Promise<never> => {
  throw new UserFacingError('failed', `${what} is not available in this build yet.`);
};

export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  let sink: EventSink = () => undefined;
  void sink;
  const labMode = options.labMode ?? process.platform !== 'win32';
  const handlers: HandlerMap = {
    'app:info': async () => ({
      name: 'Ferry',
      version: options.version,
      labMode,
      platform: process.platform,
      locale: options.locale,
      powershell: { executable: options.powershellExecutable ?? 'pwsh', available: true },
    }),
    'lab:open': notYet('The lab'),
    'directory:connect': notYet('The directory'),
    'directory:disconnect': notYet('The directory'),
    'hosts:discover': notYet('Discovery'),
    'hosts:resolve': notYet('Host resolution'),
    'hosts:read': notYet('Reading hosts'),
    'plan:create': notYet('Planning'),
    'plan:export': notYet('Plan export'),
    'apply:start': notYet('Apply'),
    'apply:cancel': notYet('Apply'),
    'audit:list': notYet('History'),
    'rollback:start': notYet('Rollback'),
    'test:run': notYet('The simulated test'),
    'test:report': notYet('The test report'),
  };
  return {
    handlers,
    setEventSink(next) {
      sink = next;
    },
    async dispose() {},
  };
}
