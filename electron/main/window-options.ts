/**
 * The secure defaults of Ferry's one window, as a plain object so a unit test can assert them.
 *
 * No Electron import here: `window.ts` passes this object to `new BrowserWindow`.
 */
interface SecureWindowOptions {
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: boolean;
  readonly title: string;
  readonly backgroundColor: string;
  readonly webPreferences: {
    readonly preload: string;
    readonly contextIsolation: true;
    readonly sandbox: true;
    readonly nodeIntegration: false;
    readonly nodeIntegrationInWorker: false;
    readonly nodeIntegrationInSubFrames: false;
    readonly webSecurity: true;
    readonly allowRunningInsecureContent: false;
    readonly experimentalFeatures: false;
    readonly webviewTag: false;
    readonly navigateOnDragDrop: false;
    readonly spellcheck: false;
    /** Middle-click would otherwise ask for a new window (denied anyway by the open handler). */
    readonly disableBlinkFeatures: 'Auxclick';
    readonly devTools: boolean;
  };
}

export function buildWindowOptions(preloadPath: string, opts: { readonly devTools: boolean }): SecureWindowOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Ferry',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.devTools,
    },
  };
}

/**
 * The Content-Security-Policy for the renderer. Only the app's own files; no eval, no remote
 * origins, no plugins, no framing. `style-src 'unsafe-inline'` is needed by Fluent UI's Griffel,
 * which injects style elements at run time; scripts stay strictly 'self'. No `frame-ancestors`:
 * browsers ignore it in a `<meta>` CSP (and say so on the console), and Ferry is never framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');

/** Environment variables that must not steer Ferry's child processes. */
const SCRUBBED_ENVIRONMENT = ['NODE_POWERSHELL', 'NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE'] as const;

export function scrubEnvironment(env: Record<string, string | undefined>): void {
  for (const name of SCRUBBED_ENVIRONMENT) delete env[name];
}
