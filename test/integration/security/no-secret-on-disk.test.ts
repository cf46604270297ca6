/**
 * "Credentials never written to disk or logs", checked on everything Ferry wrote: a recognisable
 * password goes through the app (createAppContext in lab mode behind the real IPC gate, with the
 * file logger main.ts uses) and through the built CLI (FERRY_LDAP_PASSWORD, which the lab
 * directory of `--lab` then takes as its bind password, so the CLI really binds with it); then
 * every file in the data folder, lab folders, audit logs, logs and reports is scanned for it as
 * UTF-8, UTF-16LE and base64 of either.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../electron/core/contract/channels';
import type { AppContext } from '../../../electron/main/app-context';
import { createFileLogger } from '../../../electron/main/file-logger';
import { createDispatcher, createSenderCheck, type Dispatcher } from '../../../electron/main/ipc-dispatch';
import { scanDirForSecret } from '../../support/scan-for-secret';
import { kerberosDesired } from '../../support/desired-settings';
import { createLabAppContext, INDEX_HTML, WINDOW_SENDER } from '../../support/lab-app';

const CANARY = 'Ferry-Canary-Pa55w0rd!';
const CLI = path.resolve('dist/cli/ferry.cjs');
const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');

let root: string;
let dataDir: string;
let context: AppContext;
let dispatcher: Dispatcher;
const unexpected: string[] = [];

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = (await dispatcher.dispatch(channel, payload, WINDOW_SENDER)) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function ferry(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { FERRY_PWSH: PWSH, FERRY_LDAP_PASSWORD: CANARY });
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env, cwd: root, maxBuffer: 1 << 24, timeout: 120_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out, err });
    });
    child.stdin?.end();
  });
}

beforeAll(async () => {
  expect(fs.existsSync(CLI), 'build first: node scripts/build.mjs cli assets').toBe(true);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-no-secret-'));
  dataDir = path.join(root, 'data');
  // As main.ts: a file logger in <dataDir>/logs, with no list of secrets to hide — nothing may reach it.
  const log = createFileLogger(path.join(dataDir, 'logs'));
  context = await createLabAppContext(dataDir, { poolSize: 2, log });
  dispatcher = createDispatcher(context.handlers, createSenderCheck({ fileIndex: INDEX_HTML }), (channel, error) => {
    unexpected.push(channel);
    log('error', `IPC ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
});

afterAll(async () => {
  await context?.dispose();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('no secret on disk', () => {
  it('the scanner finds a planted password (the check can fail)', () => {
    const planted = path.join(root, 'planted');
    fs.mkdirSync(planted);
    fs.writeFileSync(path.join(planted, 'a.json'), JSON.stringify({ p: Buffer.from(`x${CANARY}`, 'utf16le').toString('base64') }));
    expect(scanDirForSecret(planted, CANARY)).toEqual(['a.json']);
    fs.rmSync(planted, { recursive: true });
  });

  it('the app flow: lab, a directory connect with the password, read, plan, apply, test, rollback', async () => {
    const opened = await call<{ labDir: string; directory: { connected: boolean; url?: string; bindUser?: string } }>('lab:open', { reset: false });
    expect(opened.directory.connected).toBe(true);
    // Connect to the lab directory with the password. Ferry refuses to send it over plain LDAP
    // (and the lab serves no StartTLS), so both attempts fail before a bind; the lab session stays.
    for (const startTls of [false, true]) {
      const refused = await dispatcher.dispatch('directory:connect', { url: opened.directory.url, startTls, bindUser: opened.directory.bindUser, password: CANARY }, WINDOW_SENDER);
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused)).not.toContain(CANARY);
    }
    const read = await call<{ hosts: { status: string }[] }>('hosts:read', { hosts: ['HV01', 'HV02'] });
    expect(read.hosts.map((h) => h.status)).toEqual(['ok', 'ok']);
    const plan = await call<{ id: string; steps: { channel: string }[] }>('plan:create', {
      source: 'HV01',
      destination: 'HV02',
      desired: kerberosDesired([{ subnet: '10.10.10.0/24', priority: 0 }]),
      delegation: { enabled: true, bothDirections: true },
    });
    expect(plan.steps.some((s) => s.channel === 'ldap')).toBe(true);
    const applied = await call<{ ok: boolean; runId: string }>('apply:start', { planId: plan.id });
    expect(applied.ok).toBe(true);
    const report = await call<{ findings: { id: string; severity: string }[] }>('test:run', { source: 'HV01', destination: 'HV02', vms: ['web01'] });
    expect(report.findings.find((f) => f.id === 'identity.delegation')?.severity).toBe('pass');
    const rolled = await call<{ ok: boolean }>('rollback:start', { runId: applied.runId });
    expect(rolled.ok).toBe(true);
    expect(unexpected).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'logs'))).toContain('ferry.log');
  }, 180_000);

  it('the CLI flow with FERRY_LDAP_PASSWORD: lab, delegation, test with a report, rollback', async () => {
    const lab = path.join(root, 'cli-lab');
    const audit = path.join(root, 'audit', 'ferry-audit.jsonl');
    const report = path.join(root, 'reports', 'test.html');
    fs.mkdirSync(path.dirname(report), { recursive: true });
    const runs = [
      await ferry(['lab', 'init', lab]),
      await ferry(['discover', '--lab', lab, '--json']),
      await ferry(['delegation', 'apply', '--lab', lab, '--source', 'HV01', '--destination', 'HV02', '--yes', '--audit-log', audit]),
      await ferry(['test', '--lab', lab, '--source', 'HV01', '--destination', 'HV02', '--json', '--report', report]),
      await ferry(['rollback', '--audit-log', audit, '--lab', lab, '--yes']),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 1, 0]);
    for (const r of runs) expect(r.out + r.err).not.toContain(CANARY);
    // The test found the delegation Ferry wrote in the lab directory, which bound with the canary.
    expect(runs[3]?.out).toMatch(/"id": "identity.delegation",\s*"severity": "pass"/);
    expect(fs.existsSync(path.join(lab, 'directory.json'))).toBe(true);
    expect(fs.existsSync(report)).toBe(true);
  }, 180_000);

  it('no file Ferry wrote holds the password', async () => {
    await context.dispose();
    const written = fs.readdirSync(root, { recursive: true }).length;
    expect(written).toBeGreaterThan(10);
    expect(scanDirForSecret(root, CANARY)).toEqual([]);
  });
});
