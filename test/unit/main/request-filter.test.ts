import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl } from '../../../electron/main/request-filter';

const root = 'file:///opt/Ferry/resources/app.asar/dist';

describe('isAllowedRequestUrl (renderer session webRequest filter)', () => {
  it('allows the app’s own files', () => {
    expect(isAllowedRequestUrl(`${root}/renderer/index.html`, root, undefined)).toBe(true);
    expect(isAllowedRequestUrl(`${root}/renderer/assets/index-abc.js`, root, undefined)).toBe(true);
    expect(isAllowedRequestUrl(`${root}/renderer/assets/a%20b.woff2`, root, undefined)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', root, undefined)).toBe(true);
  });

  it('refuses every remote origin', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'http://localhost/',
      'ws://127.0.0.1:1/',
      'ftp://example.com/x',
      'https://login.microsoftonline.com/',
      'not a url',
      '',
    ]) {
      expect(isAllowedRequestUrl(url, root, undefined), url).toBe(false);
    }
  });

  it('refuses files outside the app root, however they are spelled', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/Ferry/resources/app.asar/dist-evil/x.js',
      `${root}/../../secret.txt`,
      `${root}/renderer/..%2f..%2f..%2fsecret.txt`,
      `${root}/renderer/%2e%2e/%2e%2e/%2e%2e/secret`,
      `${root}/renderer/..%5c..%5csecret`,
      `${root}/renderer/x%00.js`,
      'file://evil-server/share/dist/renderer/index.html',
    ]) {
      expect(isAllowedRequestUrl(url, root, undefined), url).toBe(false);
    }
  });

  it('compares Windows drive paths without regard to case', () => {
    const win = 'file:///C:/Program%20Files/Ferry/resources/app.asar/dist';
    expect(isAllowedRequestUrl('file:///c:/Program%20Files/Ferry/resources/app.asar/dist/renderer/index.html', win, undefined)).toBe(true);
    expect(isAllowedRequestUrl('file:///C:/Windows/System32/drivers/etc/hosts', win, undefined)).toBe(false);
  });

  it('allows only the loopback dev server, and only when one is configured', () => {
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/src/main.tsx', root, 'http://127.0.0.1:5173')).toBe(true);
    expect(isAllowedRequestUrl('http://127.0.0.1:5174/src/main.tsx', root, 'http://127.0.0.1:5173')).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', root, 'http://127.0.0.1:5173')).toBe(false);
    // A dev origin that is not loopback is never trusted.
    expect(isAllowedRequestUrl('http://example.com/x', root, 'http://example.com')).toBe(false);
  });
});
