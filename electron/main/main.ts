/**
 * Electron main: app lifecycle only. Everything it serves comes from `createAppContext`.
 */
import { app, Menu } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAppContext } from './app-context';
import { createDispatcher, createSenderCheck } from './ipc-dispatch';
import { registerIpc, sendEvent } from './ipc-register';
import { createMainWindow, lockDownContents, lockDownSession } from './window';
import { scrubEnvironment } from './window-options';
import { createFileLogger } from './file-logger';

scrubEnvironment(process.env);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const log = createFileLogger(path.join(app.getPath('userData'), 'logs'));
  const appRoot = path.join(__dirname, '..');
  const indexHtml = path.join(appRoot, 'renderer', 'index.html');
  const devOrigin = app.isPackaged ? undefined : process.env['FERRY_DEV_SERVER'];
  lockDownSession(pathToFileURL(appRoot).href, devOrigin);
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents));
  Menu.setApplicationMenu(null);

  const context = await createAppContext({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    locale: app.getLocale(),
    resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'app.asar.unpacked', 'dist') : path.join(appRoot),
    log,
  });
  const dispatcher = createDispatcher(
    context.handlers,
    createSenderCheck({ fileIndex: pathToFileURL(indexHtml).href, ...(devOrigin ? { devOrigin } : {}) }),
    (channel, error) => log('error', `IPC ${channel} failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  registerIpc(dispatcher);

  const win = createMainWindow(path.join(__dirname, '..', 'preload', 'preload.cjs'), !app.isPackaged);
  context.setEventSink((channel, payload) => sendEvent(win.webContents, channel, payload));
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void context.dispose().finally(() => app.quit());
  });
  if (devOrigin) await win.loadURL(devOrigin);
  else await win.loadFile(indexHtml);
}
