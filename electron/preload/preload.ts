/**
 * Sandboxed preload: exposes exactly one object, `window.ferry`, and nothing of Electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createFerryApi } from './api';

const api = createFerryApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('ferry', api);
