/**
 * The test bridge's own gate: loopback only, per-run token on every request, foreign Origin and
 * Host refused, and behind it the real dispatcher (unknown channel, field-named validation).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../../dev/bridge-server';
import { rawRequest } from '../../support/raw-http';

describe('test bridge gate', () => {
  let bridge: Bridge;
  let dataDir: string;
  let rendererDir: string;
  let origin: string;

  const ipc = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
    rawRequest(`${bridge.url}ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, [TOKEN_HEADER]: bridge.token, ...headers },
      body: JSON.stringify(payload),
    });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bridge-unit-'));
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bridge-renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Ferry</title></head></html>');
    fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'outside the renderer');
    bridge = await startBridge({ dataDir, rendererDir, labMode: true });
    origin = new URL(bridge.url).origin;
  });

  afterAll(async () => {
    await bridge.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with a random per-run token', async () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
    expect(bridge.token).toMatch(/^[0-9a-f]{48}$/);
    const other = await startBridge({ dataDir, rendererDir, labMode: true });
    try {
      expect(other.token).not.toBe(bridge.token);
      // One run's token does not open another run's bridge.
      const crossed = await rawRequest(other.url, { headers: { [TOKEN_HEADER]: bridge.token } });
      expect(crossed.status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers a request with the token (page and IPC)', async () => {
    const page = await rawRequest(bridge.url, { headers: { [TOKEN_HEADER]: bridge.token } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Ferry</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const info = await ipc('app:info', {});
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, data: { name: 'Ferry', labMode: true } });
  });

  it('requires the token on every request', async () => {
    expect((await rawRequest(bridge.url)).status).toBe(401);
    expect((await rawRequest(`${bridge.url}events`)).status).toBe(401);
    const noToken = await rawRequest(`${bridge.url}ipc/app%3Ainfo`, { method: 'POST', headers: { origin }, body: '{}' });
    expect(noToken.status).toBe(401);
    const wrong = await ipc('app:info', {}, { [TOKEN_HEADER]: bridge.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) });
    expect(wrong.status).toBe(401);
    const short = await ipc('app:info', {}, { [TOKEN_HEADER]: bridge.token.slice(0, 10) });
    expect(short.status).toBe(401);
  });

  it('lets a plain browser in only through the token-checked enter link (HttpOnly cookie)', async () => {
    const refused = await rawRequest(`${bridge.url}__bridge/enter?token=nope`);
    expect(refused.status).toBe(401);
    const enter = await rawRequest(`${bridge.url}__bridge/enter?token=${bridge.token}`);
    expect(enter.status).toBe(303);
    const cookie = String(enter.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const withCookie = await rawRequest(bridge.url, { headers: { cookie: cookie.split(';')[0]! } });
    expect(withCookie.status).toBe(200);
  });

  it('refuses a foreign Origin even with the token', async () => {
    for (const foreign of ['http://evil.example', 'http://localhost:1', 'null', `${origin}.evil.example`]) {
      const res = await ipc('app:info', {}, { origin: foreign });
      expect(res.status, foreign).toBe(403);
    }
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const port = new URL(bridge.url).port;
    for (const foreign of ['evil.example', `localhost:${port}`, `evil.example:${port}`, '127.0.0.1:1']) {
      const res = await rawRequest(bridge.url, { headers: { host: foreign, [TOKEN_HEADER]: bridge.token } });
      expect(res.status, foreign).toBe(403);
    }
  });

  it('refuses an IPC request without the bridge Origin through the real sender check', async () => {
    const res = await rawRequest(`${bridge.url}ipc/app%3Ainfo`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: bridge.token },
      body: '{}',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an unknown channel', async () => {
    for (const channel of ['app:nope', '__proto__', 'constructor', 'toString']) {
      const res = await ipc(channel, {});
      expect(res.status, channel).toBe(404);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('validates the payload and names the bad field', async () => {
    const res = await ipc('hosts:read', { hosts: ['HV01', 42] });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'hosts.1' } });
    const extra = await ipc('app:info', { sneaky: true });
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notJson = await rawRequest(`${bridge.url}ipc/app%3Ainfo`, {
      method: 'POST',
      headers: { origin, [TOKEN_HEADER]: bridge.token },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
  });

  it('serves only files inside the renderer folder', async () => {
    for (const probe of ['../secret.txt', '%2e%2e/secret.txt', '..%2fsecret.txt', '%00']) {
      const res = await rawRequest(`${bridge.url}${probe}`, { headers: { [TOKEN_HEADER]: bridge.token } });
      expect(res.status, probe).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('accepts only POST on IPC channels', async () => {
    const res = await rawRequest(`${bridge.url}ipc/app%3Ainfo`, { headers: { origin, [TOKEN_HEADER]: bridge.token } });
    expect(res.status).toBe(405);
  });
});
