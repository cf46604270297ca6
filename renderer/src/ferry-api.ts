/**
 * The renderer's view of `window.ferry`: its type is the preload's, not written twice.
 */
import type { FerryApi } from '../../electron/preload/api';

declare global {
  interface Window {
    readonly ferry: FerryApi;
  }
}

export function ferry(): FerryApi {
  return window.ferry;
}
