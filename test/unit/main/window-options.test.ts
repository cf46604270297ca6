import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildWindowOptions,
  CONTENT_SECURITY_POLICY,
  scrubEnvironment,
} from '../../../electron/main/window-options';

describe('buildWindowOptions: the object main passes to new BrowserWindow', () => {
  const options = buildWindowOptions('/app/dist/preload/preload.cjs', { devTools: false });

  it('isolates and sandboxes the renderer with Node off', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/preload/preload.cjs',
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
      devTools: false,
    });
  });

  it('titles the window Ferry and shows it only when ready', () => {
    expect(options.title).toBe('Ferry');
    expect(options.show).toBe(false);
  });

  it('turns devtools on only when asked (development)', () => {
    expect(buildWindowOptions('/p', { devTools: true }).webPreferences.devTools).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const html = fs.readFileSync('renderer/index.html', 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('equals the <meta> in renderer/index.html', () => {
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('defaults to none and keeps scripts to self, without eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  });

  it('names no remote origin and no scheme wildcard', () => {
    for (const [name, values] of directives) {
      for (const value of values) {
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
  });
});

describe('scrubEnvironment', () => {
  it('removes NODE_POWERSHELL and the Node/Electron steering variables, and nothing else', () => {
    const env: Record<string, string | undefined> = {
      NODE_POWERSHELL: '/tmp/evil-pwsh',
      NODE_OPTIONS: '--require /tmp/evil.js',
      ELECTRON_RUN_AS_NODE: '1',
      PATH: '/usr/bin',
      USERPROFILE: 'C:\\Users\\admin',
    };
    scrubEnvironment(env);
    expect(env).toEqual({ PATH: '/usr/bin', USERPROFILE: 'C:\\Users\\admin' });
  });
});
