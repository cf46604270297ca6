/**
 * The app's main-process side in lab mode, behind the real IPC gate, for tests that talk to it
 * the way the window does: `createAppContext` with the built resources and the project's pwsh,
 * and a dispatcher that trusts only the packaged window's own file.
 */
import path from 'node:path';
import { createAppContext, type AppContext, type AppContextOptions } from '../../electron/main/app-context';

export const INDEX_HTML = 'file:///opt/Ferry/resources/app.asar/dist/renderer/index.html';
/** The sender the packaged window's main frame presents. */
export const WINDOW_SENDER = { isMainFrame: true, url: INDEX_HTML } as const;

export function createLabAppContext(dataDir: string, extra: Partial<AppContextOptions> = {}): Promise<AppContext> {
  return createAppContext({
    dataDir,
    version: '0.0.0-test',
    locale: 'en',
    resourcesDir: path.join(process.cwd(), 'dist'),
    labMode: true,
    powershellExecutable: process.env['FERRY_PWSH'] ?? path.resolve('.tools/pwsh/pwsh'),
    ...extra,
  });
}
