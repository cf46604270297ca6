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
