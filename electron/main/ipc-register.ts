/**
 * Wires the IPC gate to Electron: one `ipcMain.handle` per contract channel, each passing the
 * sender frame to the dispatcher, plus a typed sender for main→renderer events.
 */
import { ipcMain, type WebContents } from 'electron';
import { eventChannels, invokeChannelNames, type EventChannel, type EventOf } from '../core/contract/channels';
import type { Dispatcher } from './ipc-dispatch';

export function registerIpc(dispatcher: Dispatcher): void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const frame = event.senderFrame;
      const isMainFrame = frame !== null && frame === event.sender.mainFrame;
      return dispatcher.dispatch(channel, payload, { isMainFrame, url: frame?.url ?? '' });
    });
  }
}

export function sendEvent<E extends EventChannel>(contents: WebContents, channel: E, payload: EventOf<E>): void {
  if (contents.isDestroyed()) return;
  contents.send(channel, eventChannels[channel].parse(payload));
}
