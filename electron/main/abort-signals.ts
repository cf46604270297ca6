/**
 * Abort signals for requests. Every remote call a request makes listens on its signal (one per
 * host of a 500-host read, one per VM of a test), so these signals have no listener limit —
 * Node would otherwise warn of a leak at 11.
 */
import { setMaxListeners } from 'node:events';

function unlimited(controller: AbortController): AbortController {
  setMaxListeners(0, controller.signal);
  return controller;
}

/** The signal of one IPC request. */
export function requestSignal(): AbortSignal {
  return unlimited(new AbortController()).signal;
}

/** A controller that can be aborted on its own (cancel) and also aborts with `parent`. */
export function linkedController(parent: AbortSignal): AbortController {
  const controller = unlimited(new AbortController());
  if (parent.aborted) controller.abort();
  else parent.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}

interface CancelGroup {
  /** Runs `work` on a signal that aborts with `parent` or with `cancel()`. */
  run<T>(parent: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts every run in flight; answers whether there was one. */
  cancel(): boolean;
}

/** The requests of one kind in flight (host reads, the test), so one cancel stops them all. */
export function cancelGroup(): CancelGroup {
  const live = new Set<AbortController>();
  return {
    async run(parent, work) {
      const controller = linkedController(parent);
      live.add(controller);
      try {
        return await work(controller.signal);
      } finally {
        live.delete(controller);
      }
    },
    cancel() {
      const any = live.size > 0;
      for (const controller of live) controller.abort();
      return any;
    },
  };
}
