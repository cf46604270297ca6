/**
 * The real scripts in real pwsh against the HyperVLab module: every read and mutation, the
 * error codes, each fault, and the pool's timeout / cancel / death / queue guarantees.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HostFactsSchema, HostMigrationSettingsSchema } from '../../../electron/core/contract/schemas';
import { initLab, addVm } from '../../../electron/services/lab/lab-init';
import { labCalls, setFault } from '../../../electron/services/lab/lab-faults';
import { PowerShellPool, type PowerShellScriptError } from '../../../electron/services/powershell/pool';
import { scriptError } from '../../support/script-error';

const FactsSchema = HostFactsSchema.omit({ status: true, error: true, elapsedMs: true });
type Settings = ReturnType<typeof HostMigrationSettingsSchema.parse>;

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-lab-'));
let pool: PowerShellPool;


const settings = (script: string, data: Record<string, unknown>) =>
  pool.run(script, data, { schema: HostMigrationSettingsSchema }) as Promise<Settings>;

beforeAll(async () => {
  await initLab(lab, { hosts: ['HV01', 'HV02', 'HV03', 'HV04'] });
  pool = new PowerShellPool({ size: 4, labDir: lab });
  // Warm all four processes in parallel so later timings measure calls, not start-up.
  await Promise.all(['HV01', 'HV02', 'HV03', 'HV04'].map((h) => pool.run('ping.ps1', { computerName: h })));
});

afterEach(async () => {
  for (const h of ['HV01', 'HV02', 'HV03', 'HV04']) await setFault(lab, h, null);
});

afterAll(async () => {
  await pool.dispose();
  rmSync(lab, { recursive: true, force: true });
});

describe('reads', () => {
  it('get-host-facts returns the lab host, enums as names, arrays kept', async () => {
    const f = await pool.run('get-host-facts.ps1', { computerName: 'HV01' }, { schema: FactsSchema });
    expect(f.computerName).toBe('HV01');
    expect(f.settings?.virtualMachineMigrationAuthenticationType).toBe('CredSSP');
    expect(f.settings?.useAnyNetworkForMigration).toBe(true);
    expect(f.settings?.migrationNetworks).toEqual([]);
    expect(f.supportedVersions).toContain('12.0');
    expect(f.switches).toEqual([{ name: 'External-LM', switchType: 'External' }]);
    expect(f.vms?.map((v) => [v.name, v.configurationVersion])).toContainEqual(['sql01', '12.0']);
    expect(f.vms?.find((v) => v.name === 'build-agent')?.hasIsoAttached).toBe(true);
    expect(f.links?.find((l) => l.subnet === '10.10.10.0/24')?.linkSpeedGbps).toBe(10);
    expect(f.domain).toBe('lab.example');
    const g = await pool.run('get-host-facts.ps1', { computerName: 'hv02.lab.example' }, { schema: FactsSchema });
    expect(g.settings?.virtualMachineMigrationEnabled).toBe(false);
    // One network and one switch still arrive as arrays.
    expect(g.settings?.migrationNetworks).toEqual([{ subnet: '10.10.10.0/24', priority: 0 }]);
    expect(g.vms).toHaveLength(1);
  });

  it('compare-vm started from this computer against a CredSSP source is refused as Hyper-V refuses it', async () => {
    // The positive checks (33012, versions) run on a ready pair in windows-behaviour.test.ts.
    const r = (await pool.run('compare-vm.ps1', { computerName: 'HV01', name: 'sql01', destinationHost: 'HV02' })) as {
      incompatibilities: unknown[];
      error?: { message: string; codes: string[] };
    };
    expect(r.incompatibilities).toEqual([]);
    expect(r.error?.codes).toContain('0x8009030E');
  });

  it('test-ports answers from the target as seen from the source', async () => {
    expect(await pool.run('test-ports.ps1', { from: 'HV01', target: 'HV02', ports: [6600, 9999] })).toEqual([
      { port: 6600, open: true, state: 'open' },
      { port: 9999, open: false, state: 'closed' },
    ]);
    await setFault(lab, 'HV02', { closedPorts: [6600] });
    expect(await pool.run('test-ports.ps1', { from: 'HV01', target: 'HV02', ports: [6600] })).toEqual([{ port: 6600, open: false, state: 'closed' }]);
    await setFault(lab, 'HV01', { unreachable: true });
    expect((await scriptError(pool.run('test-ports.ps1', { from: 'HV01', target: 'HV02', ports: [445] }))).code).toBe('unreachable');
  });
});

describe('mutations read back the settings', () => {
  it('enable, set-host (only given fields), add / set / remove network', async () => {
    let s = await settings('enable-migration.ps1', { computerName: 'HV03', enabled: false });
    expect(s.virtualMachineMigrationEnabled).toBe(false);
    s = await settings('enable-migration.ps1', { computerName: 'HV03', enabled: true });
    expect(s.virtualMachineMigrationEnabled).toBe(true);
    s = await settings('set-host.ps1', { computerName: 'HV03', maximumVirtualMachineMigrations: 5, virtualMachineMigrationPerformanceOption: 'SMB' });
    expect(s).toMatchObject({ maximumVirtualMachineMigrations: 5, maximumStorageMigrations: 2, virtualMachineMigrationPerformanceOption: 'SMB' });
    s = await settings('set-host.ps1', { computerName: 'HV03', virtualMachineMigrationAuthenticationType: 'Kerberos', useAnyNetworkForMigration: false });
    expect(s).toMatchObject({ virtualMachineMigrationAuthenticationType: 'Kerberos', useAnyNetworkForMigration: false, maximumVirtualMachineMigrations: 5 });
    s = await settings('add-migration-network.ps1', { computerName: 'HV03', subnet: 'fd00:10::/64', priority: 3 });
    expect(s.migrationNetworks).toContainEqual({ subnet: 'fd00:10::/64', priority: 3 });
    s = await settings('set-migration-network.ps1', { computerName: 'HV03', subnet: 'fd00:10::/64', newPriority: 1 });
    expect(s.migrationNetworks).toContainEqual({ subnet: 'fd00:10::/64', priority: 1 });
    s = await settings('remove-migration-network.ps1', { computerName: 'HV03', subnet: 'fd00:10::/64' });
    expect(s.migrationNetworks.some((n) => n.subnet.startsWith('fd00'))).toBe(false);
  });

  it('Set-VMMigrationNetwork only edits an existing entry', async () => {
    const e = await scriptError(pool.run('set-migration-network.ps1', { computerName: 'HV03', subnet: '192.0.2.0/24', newPriority: 1 }));
    expect(e.code).toBe('script-error');
    expect(e.message).toContain('192.0.2.0/24');
  });

  it('a bad enum name is refused by the parameter binder', async () => {
    const e = await scriptError(pool.run('set-host.ps1', { computerName: 'HV03', virtualMachineMigrationAuthenticationType: 'NTLM' }));
    expect(e.code).toBe('script-error');
  });

  it('klist-purge is recorded on the host', async () => {
    await pool.run('klist-purge.ps1', { computerName: 'HV04' });
    const state = JSON.parse(readFileSync(path.join(lab, 'hosts', 'HV04.json'), 'utf8')) as { klistPurges: string[] };
    expect(state.klistPurges).toHaveLength(1);
  });
});

describe('faults and errors', () => {
  it('unknown host → unreachable with the host as target', async () => {
    const e = await scriptError(pool.run('get-host-facts.ps1', { computerName: 'HV99' }));
    expect(e.code).toBe('unreachable');
    expect(e.target).toBe('HV99');
    expect(e.message).toContain("The computer 'HV99' could not be resolved");
  });

  it('unreachable and access-denied faults', async () => {
    await setFault(lab, 'HV02', { unreachable: true });
    const u = await scriptError(pool.run('get-host-facts.ps1', { computerName: 'HV02' }));
    expect(u.code).toBe('unreachable');
    expect(u.message).toContain('WinRM cannot complete the operation');
    await setFault(lab, 'HV02', { accessDenied: true });
    const d = await scriptError(pool.run('set-host.ps1', { computerName: 'HV02', maximumStorageMigrations: 3 }));
    expect(d.code).toBe('access-denied');
    expect(d.target).toBe('HV02');
  });

  it('fails exactly the Nth mutating call', async () => {
    await setFault(lab, 'HV04', { failOnMutation: 2 });
    await settings('set-host.ps1', { computerName: 'HV04', maximumStorageMigrations: 3 });
    await pool.run('get-host-facts.ps1', { computerName: 'HV04' }); // reads do not count
    const e = await scriptError(settings('set-host.ps1', { computerName: 'HV04', maximumStorageMigrations: 4 }));
    expect(e.code).toBe('script-error');
    expect(e.message).toContain('mutating call 2');
    const s = await settings('set-host.ps1', { computerName: 'HV04', maximumStorageMigrations: 5 });
    expect(s.maximumStorageMigrations).toBe(5);
  });

  it('a slow host times out, its process is replaced, other hosts keep answering', async () => {
    await setFault(lab, 'HV02', { latencyMs: 5000 });
    const spawnedBefore = pool.spawned;
    const started = Date.now();
    const [slow, fast] = await Promise.allSettled([
      pool.run('get-host-facts.ps1', { computerName: 'HV02' }, { timeoutMs: 800 }),
      pool.run('get-host-facts.ps1', { computerName: 'HV01' }),
    ]);
    expect(slow.status).toBe('rejected');
    expect((slow as PromiseRejectedResult).reason.code).toBe('timeout');
    expect(fast.status).toBe('fulfilled');
    expect(Date.now() - started).toBeLessThan(4000);
    await setFault(lab, 'HV02', null);
    expect(((await pool.run('ping.ps1', {})) as { pong: boolean }).pong).toBe(true);
    // Keep the pool at full strength for the next tests.
    await Promise.all([1, 2, 3, 4].map(() => pool.run('ping.ps1', {})));
    expect(pool.spawned).toBeGreaterThan(spawnedBefore);
  });

  it('parallel hosts run in parallel', async () => {
    for (const h of ['HV01', 'HV02', 'HV03', 'HV04']) await setFault(lab, h, { latencyMs: 600 });
    const call = (h: string): Promise<unknown> => pool.run('enable-migration.ps1', { computerName: h, enabled: true });
    // Warm all four processes first (earlier tests may have replaced some), so what is timed is
    // the calls, not process start-up.
    await Promise.all(['HV01', 'HV02', 'HV03', 'HV04'].map(call));
    let started = Date.now();
    await call('HV01');
    const one = Date.now() - started;
    started = Date.now();
    const results = await Promise.all(['HV01', 'HV02', 'HV03', 'HV04'].map(call));
    const four = Date.now() - started;
    expect(results).toHaveLength(4);
    // Each call sleeps 600 ms three times (enable, Get-VMHost, Get-VMMigrationNetwork): ~1.8 s.
    // One after another the four would take 4× one call; measured against one call in the same
    // moment, so a busy machine slows both sides and cannot turn this into a timing test.
    expect(four).toBeLessThan(2.5 * one);
  });
});

describe('pool guarantees', () => {
  it('cancel settles at once and the process is replaced', async () => {
    await setFault(lab, 'HV02', { latencyMs: 5000, traceCalls: true });
    const ac = new AbortController();
    const p = pool.run('get-host-facts.ps1', { computerName: 'HV02' }, { signal: ac.signal });
    // Cancel once the slow call has begun (the lab traces each call as it starts).
    await expect.poll(() => labCalls(lab, 'HV02'), { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
    const started = Date.now();
    ac.abort();
    const e = await scriptError(p);
    expect(e.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(3000); // the slow call would take 5 s
    await setFault(lab, 'HV02', null);
    expect(((await pool.run('ping.ps1', {})) as { pong: boolean }).pong).toBe(true);
  });

  it('queued callers behind a hung process all settle', async () => {
    const small = new PowerShellPool({ size: 1, labDir: lab });
    try {
      await setFault(lab, 'HV02', { latencyMs: 10_000 });
      const hung = small.run('get-host-facts.ps1', { computerName: 'HV02' }, { timeoutMs: 3000 });
      const queued = [1, 2, 3].map(() => small.run('ping.ps1', {}));
      const results = await Promise.allSettled([hung, ...queued]);
      expect(results[0]?.status).toBe('rejected');
      expect(results.slice(1).every((r) => r.status === 'fulfilled')).toBe(true);
      // dispose() rejects whatever is still waiting instead of leaving it pending.
      const waiting = Promise.allSettled([small.run('get-host-facts.ps1', { computerName: 'HV02' }), small.run('ping.ps1', {})]);
      await small.dispose();
      const after = await waiting;
      expect(after.every((r) => r.status === 'rejected' && (r.reason as PowerShellScriptError).code === 'cancelled')).toBe(true);
    } finally {
      await small.dispose();
    }
  });

  it('a process that dies is reported and replaced', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-scripts-'));
    const src = path.resolve('electron/services/powershell/scripts');
    for (const f of ['_prelude.ps1', 'ping.ps1']) copyFileSync(path.join(src, f), path.join(dir, f));
    writeFileSync(path.join(dir, 'die.ps1'), 'param([string]$InputBase64)\n[Environment]::Exit(3)\n');
    const small = new PowerShellPool({ size: 1, scriptsDir: dir });
    try {
      const e = await scriptError(small.run('die.ps1', {}));
      expect(e.code).toBe('process-died');
      expect(((await small.run('ping.ps1', {})) as { pong: boolean }).pong).toBe(true);
      expect(small.spawned).toBe(2);
      expect((await scriptError(small.run('../pool.ts', {}))).code).toBe('script-error');
    } finally {
      await small.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile data is passed as inert data', () => {
  const canary = path.join(os.tmpdir(), `ferry-canary-${process.pid}`);
  const inject = [
    `x'; New-Item -ItemType File -Path '${canary}'; '`,
    `x‘; New-Item -ItemType File -Path ‘${canary}’; ‘`,
    `x’‚‛; New-Item '${canary}'`,
    `x"; New-Item -Path "${canary}"; "`,
    `x“$(New-Item -Path “${canary}”)”„`,
    `$(New-Item -ItemType File -Path '${canary}')`,
    '`$(New-Item ' + canary + ')`',
    `a | New-Item ${canary}`,
    `a\nNew-Item ${canary}\n`,
    `–Confirm:$false — ${canary}`,
    '[x]*?{}@();&<>%',
    'é'.repeat(10_000),
  ];

  it('VM names come back exactly and nothing runs', async () => {
    for (let i = 0; i < inject.length; i++) {
      await addVm(lab, { host: 'HV03', name: `${i}-${inject[i]}`.slice(0, 100), memoryGb: 1 });
    }
    const f = await pool.run('get-host-facts.ps1', { computerName: 'HV03' }, { schema: FactsSchema });
    const names = f.vms?.map((v) => v.name) ?? [];
    for (let i = 0; i < inject.length; i++) expect(names).toContain(`${i}-${inject[i]}`.slice(0, 100));
    const r = (await pool.run('compare-vm.ps1', { computerName: 'HV03', name: `5-${inject[5]}`, destinationHost: 'HV01' })) as { name: string };
    expect(r.name).toBe(`5-${inject[5]}`);
    expect(existsSync(canary)).toBe(false);
  });

  it('hostile host names, subnets and 10 kB strings fail cleanly and run nothing', async () => {
    for (const bad of inject) {
      const e = await scriptError(pool.run('get-host-facts.ps1', { computerName: bad }));
      expect(e.code).toBe('unreachable');
      const s = await scriptError(pool.run('add-migration-network.ps1', { computerName: 'HV03', subnet: bad, priority: 1 }));
      expect(s.code).toBe('script-error');
    }
    expect(existsSync(canary)).toBe(false);
  });
});
