/**
 * Creates Ferry's window and locks down its web contents: no navigation, no new windows, no
 * permissions, no requests to anything but the app's own files.
 */
import { BrowserWindow, session, type WebContents } from 'electron';
import { buildWindowOptions } from './window-options';
import { isAllowedRequestUrl } from './request-filter';

export function lockDownSession(appRoot: string, devOrigin: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, appRoot, devOrigin) });
  });
}

export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow(buildWindowOptions(preloadPath, { devTools }));
  lockDownContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  return win;
}
