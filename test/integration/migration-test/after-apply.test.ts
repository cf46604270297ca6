/**
 * Issue 7's "after apply, findings pass", end to end through the built CLI against one lab
 * folder: a fresh lab fails the test on host settings and delegation; `ferry apply` and
 * `ferry delegation apply` fix exactly those, so every host and identity finding passes while the
 * lab's deliberate VM defects still fail; `ferry rollback` restores the hosts and the directory.
 * Each CLI run that talks to hosts starts pwsh, so the number of runs is kept small.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli/ferry.cjs');
const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');

type Finding = { id: string; severity: string; evidence: Record<string, string>; vm?: string };
type TestJson = { findings: Finding[] };
interface Run {
  code: number;
  out: string;
  err: string;
}

function ferry(args: readonly string[]): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'FERRY_LDAP_PASSWORD') env[k] = v;
  env.FERRY_PWSH = PWSH;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 1 << 24, timeout: 120_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out, err });
    });
    child.stdin?.end();
  });
}

let lab: string;
const pair = ['--source', 'HV01', '--destination', 'HV02'];
const vms = ['--vm', 'web01', '--vm', 'sql01', '--vm', 'build-agent'];
const group = (f: Finding) => f.id.split('.')[0];
const find = (o: TestJson, id: string, vm?: string) => o.findings.find((f) => f.id === id && (vm === undefined || f.vm === vm));

/** What rollback must restore: each host's migration settings and networks, and every directory entry. */
async function labSnapshot(): Promise<unknown> {
  const hosts = await Promise.all(
    ['HV01', 'HV02'].map(async (h) => {
      const s = JSON.parse(await readFile(path.join(lab, 'hosts', `${h}.json`), 'utf8')) as { settings: unknown; migrationNetworks: unknown };
      return { settings: s.settings, migrationNetworks: s.migrationNetworks };
    }),
  );
  const directory = JSON.parse(await readFile(path.join(lab, 'directory.json'), 'utf8')) as unknown;
  return { hosts, directory };
}

beforeAll(async () => {
  expect(existsSync(CLI), 'build first: node scripts/build.mjs cli assets').toBe(true);
  lab = await mkdtemp(path.join(os.tmpdir(), 'ferry-after-apply-'));
  const init = await ferry(['lab', 'init', lab]);
  expect(init.code, init.err).toBe(0);
});
afterAll(async () => {
  await rm(lab, { recursive: true, force: true });
});

describe('after apply, the host and identity findings pass', () => {
  let fresh: unknown;

  it('a fresh lab fails on host settings and on delegation (read from the lab directory)', async () => {
    const r = await ferry(['test', '--lab', lab, ...pair, ...vms, '--json']);
    expect(r.code, r.err).toBe(1);
    const o = JSON.parse(r.out) as TestJson;
    expect(find(o, 'host.migration-enabled')?.severity).toBe('fail');
    expect(find(o, 'identity.authentication-type')?.severity).toBe('fail');
    expect(find(o, 'identity.delegation')).toMatchObject({ severity: 'fail', evidence: { account: 'HV01' } });
    expect(find(o, 'identity.protocol-transition')?.severity).toBe('fail');
    expect(find(o, 'identity.migration-spn')?.severity).toBe('pass');
    expect(find(o, 'identity.directory')).toBeUndefined();
    fresh = await labSnapshot();
  }, 120_000);

  it('ferry apply and ferry delegation apply fix them; the VM defects still fail', async () => {
    const apply = await ferry(['apply', '--lab', lab, ...pair, '--auth', 'Kerberos', '--performance', 'Compression', '--max-migrations', '2', '--network', '10.10.10.0/24', '--yes']);
    expect(apply.code, apply.err + apply.out).toBe(0);
    const delegation = await ferry(['delegation', 'apply', '--lab', lab, ...pair, '--yes']);
    expect(delegation.code, delegation.err + delegation.out).toBe(0);

    const r = await ferry(['test', '--lab', lab, ...pair, ...vms, '--json']);
    const o = JSON.parse(r.out) as TestJson;
    const settled = o.findings.filter((f) => group(f) === 'host' || group(f) === 'identity');
    expect(settled.length).toBeGreaterThan(8);
    expect(settled.filter((f) => f.severity === 'fail').map((f) => f.id)).toEqual([]);
    for (const id of ['host.migration-enabled', 'host.performance-option', 'host.incoming-networks', 'identity.authentication-type', 'identity.delegation', 'identity.protocol-transition', 'identity.migration-spn']) {
      expect(find(o, id)?.severity, id).toBe('pass');
    }
    // The deliberate VM defects are not something settings or delegation can fix.
    expect(r.code).toBe(1);
    expect(find(o, 'vm.config-version', 'sql01')).toMatchObject({ severity: 'fail', evidence: { source: '12.0' } });
    expect(find(o, 'vm.switch-names', 'web01')).toMatchObject({ severity: 'fail', evidence: { missing: 'External-LM' } });
    expect(find(o, 'vm.iso', 'build-agent')?.severity).toMatch(/^(warn|fail)$/);
    expect(o.findings.filter((f) => f.severity === 'fail').every((f) => group(f) === 'vm')).toBe(true);
  }, 240_000);

  it('ferry rollback restores the hosts and the directory, newest run first', async () => {
    const audit = path.join(lab, 'audit.jsonl');
    const first = await ferry(['rollback', '--audit-log', audit, '--lab', lab, '--yes']);
    expect(first.code, first.err + first.out).toBe(0);
    expect(first.out).toMatch(/msDS-AllowedToDelegateTo/);
    const second = await ferry(['rollback', '--audit-log', audit, '--lab', lab, '--yes']);
    expect(second.code, second.err + second.out).toBe(0);
    expect(second.out).toMatch(/virtualMachineMigrationEnabled/);
    expect(await labSnapshot()).toEqual(fresh);
    const none = await ferry(['rollback', '--audit-log', audit, '--lab', lab, '--yes']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no changes left to undo/);
  }, 180_000);
});
