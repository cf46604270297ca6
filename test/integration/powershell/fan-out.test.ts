/**
 * Many hosts in one PowerShell process: the lab's connection model (connectMs once per session,
 * latencyMs per call), the pool's fan-out (a runspace per host, one session per host shared by
 * the runspaces) and readHosts over it. Waits are wide apart so a busy machine cannot turn a
 * check into a timing test: the figures themselves are measured by `npm run bench -- fleet`.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHost, readHosts } from '../../../electron/engine/read-hosts';
import { labCalls, setFault } from '../../../electron/services/lab/lab-faults';
import { initLab, LabInputError, setLabNetwork } from '../../../electron/services/lab/lab-init';
import { PowerShellPool } from '../../../electron/services/powershell/pool';

const HOSTS = ['HV01', 'HV02', 'HV03', 'HV04', 'HV05', 'HV06'];
const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-fanout-'));
const scripts = mkdtempSync(path.join(os.tmpdir(), 'ferry-fanout-scripts-'));
let pool: PowerShellPool;

// A probe script in a scratch scripts folder: how long each kind of call takes in the lab.
const PROBE = `param([string]$InputBase64)
Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $t = { param($b) $w = [Diagnostics.Stopwatch]::StartNew(); $null = & $b; [int64]$w.ElapsedMilliseconds }
    $bare1 = & $t { Get-VMHost -ComputerName $c }
    $bare2 = & $t { Get-VMHost -ComputerName $c }
    $w = [Diagnostics.Stopwatch]::StartNew()
    $on = Get-FerryOn $c
    $open = [int64]$w.ElapsedMilliseconds
    $inSession1 = & $t { Get-VMHost @on }
    $inSession2 = & $t { Get-VMSwitch @on }
    $again = Connect-HyperVLabHost -ComputerName $c
    return [ordered]@{ bare = @($bare1, $bare2); open = $open; inSession = @($inSession1, $inSession2); reused = [bool]$again.Reused }
}
`;

// Whether this process already had a session to the host (and opens one if not).
const SESSION = `param([string]$InputBase64)
Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    return [ordered]@{ reused = [bool](Connect-HyperVLabHost -ComputerName ([string]$in.computerName)).Reused }
}
`;

// A remote block that leans on one of Ferry's own functions (Get-FerryOn): a real host's session
// has none of them, so the lab must refuse it as the host would.
const LEANS_ON_FERRY = `param([string]$InputBase64)
Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    return Invoke-FerryOnHost -ComputerName ([string]$in.computerName) -ScriptBlock { $on = Get-FerryOn 'HV01'; Get-VMHost @on }
}
`;

beforeAll(async () => {
  await initLab(lab, { hosts: HOSTS });
  const src = path.resolve('electron/services/powershell/scripts');
  for (const f of ['_prelude.ps1', 'fan-out.ps1', 'get-host-facts.ps1', 'ping.ps1']) copyFileSync(path.join(src, f), path.join(scripts, f));
  writeFileSync(path.join(scripts, 'lab-probe.ps1'), PROBE);
  writeFileSync(path.join(scripts, 'lab-session.ps1'), SESSION);
  writeFileSync(path.join(scripts, 'lab-leans-on-ferry.ps1'), LEANS_ON_FERRY);
  pool = new PowerShellPool({ size: 2, labDir: lab, scriptsDir: scripts });
  await Promise.all([pool.run('ping.ps1', {}), pool.run('ping.ps1', {})]);
});

afterEach(async () => {
  for (const h of HOSTS) await setFault(lab, h, null);
  await setLabNetwork(lab, { connectMs: 0, latencyMs: 0 });
});

afterAll(async () => {
  await pool.dispose();
  rmSync(lab, { recursive: true, force: true });
  rmSync(scripts, { recursive: true, force: true });
});

describe('the lab models connecting and calling separately', () => {
  it('a call without a session pays connectMs every time; a session pays it once, then calls pay latencyMs', async () => {
    await setLabNetwork(lab, { connectMs: 1500, latencyMs: 100 });
    const p = (await pool.run('lab-probe.ps1', { computerName: 'HV05' })) as { bare: number[]; open: number; inSession: number[]; reused: boolean };
    for (const ms of p.bare) expect(ms).toBeGreaterThanOrEqual(1600);
    expect(p.open).toBeGreaterThanOrEqual(1500);
    for (const ms of p.inSession) {
      expect(ms).toBeGreaterThanOrEqual(100);
      expect(ms).toBeLessThan(1000);
    }
    expect(p.reused).toBe(true);
  });

  it('one host can be given its own costs; the fault latency of a slow host comes on top', async () => {
    await setLabNetwork(lab, { connectMs: 0, latencyMs: 0 });
    await setLabNetwork(lab, { latencyMs: 700 }, 'hv06');
    await setFault(lab, 'HV06', { latencyMs: 500 });
    const p = (await pool.run('lab-probe.ps1', { computerName: 'HV06' })) as { inSession: number[] };
    for (const ms of p.inSession) expect(ms).toBeGreaterThanOrEqual(1200);
    const q = (await pool.run('lab-probe.ps1', { computerName: 'HV04' })) as { inSession: number[] };
    for (const ms of q.inSession) expect(ms).toBeLessThan(700);
  });

  it('refuses costs that are not whole milliseconds, naming the option, and unknown hosts', async () => {
    await expect(setLabNetwork(lab, { latencyMs: -1 })).rejects.toThrow(/--latency-ms/);
    await expect(setLabNetwork(lab, { connectMs: 1.5 })).rejects.toThrow(/--connect-ms/);
    await expect(initLab(mkdtempSync(path.join(os.tmpdir(), 'ferry-fanout-bad-')), { connectMs: 90_000 })).rejects.toBeInstanceOf(LabInputError);
    await expect(setLabNetwork(lab, { latencyMs: 5 }, 'HV99')).rejects.toThrow(/--host/);
  });
});

describe('runEach: every host at once in one process', () => {
  it('answers each host in order with its own data or its own error, in about one host’s time', async () => {
    await setLabNetwork(lab, { connectMs: 0, latencyMs: 600 });
    await setFault(lab, 'HV03', { unreachable: true });
    const spawned = pool.spawned;
    const started = Date.now();
    const names = [...HOSTS, 'NOSUCHHOST'];
    const answers = await pool.runEach<{ computerName: string }>('get-host-facts.ps1', names.map((computerName) => ({ computerName })));
    const elapsed = Date.now() - started;
    expect(answers.map((a) => (a.ok ? a.data.computerName : `${a.error.code}:${a.error.target ?? ''}`))).toEqual([
      'HV01', 'HV02', 'unreachable:HV03', 'HV04', 'HV05', 'HV06', 'unreachable:NOSUCHHOST',
    ]);
    // A host with no VMs makes 7 calls (4.2 s at 600 ms), HV01 16 (9.6 s); one after another the
    // seven reads would take over 40 s.
    expect(elapsed).toBeLessThan(25_000);
    expect(pool.spawned).toBe(spawned);
  });

  it('a host past its own limit times out alone; the others answer and the process stays', async () => {
    await setFault(lab, 'HV02', { latencyMs: 20_000 });
    const spawned = pool.spawned;
    const answers = await pool.runEach<{ computerName: string }>('get-host-facts.ps1', ['HV02', 'HV04'].map((computerName) => ({ computerName })), { timeoutMs: 3000 });
    expect(answers[0]?.ok).toBe(false);
    expect(answers[0]?.ok === false && answers[0].error.code).toBe('timeout');
    expect(answers[1]?.ok).toBe(true);
    expect(pool.spawned).toBe(spawned);
    expect(((await pool.run('ping.ps1', {})) as { pong: boolean }).pong).toBe(true);
  });

  it('the runspaces share the process’s sessions: a second read does not connect again', async () => {
    const fresh = new PowerShellPool({ size: 1, labDir: lab, scriptsDir: scripts });
    const reused = (answers: { ok: boolean; data?: unknown }[]) => answers.map((a) => (a.ok ? (a.data as { reused: boolean }).reused : 'failed'));
    try {
      const inputs = ['HV04', 'HV05', 'HV06'].map((computerName) => ({ computerName }));
      expect(reused(await fresh.runEach('lab-session.ps1', inputs))).toEqual([false, false, false]);
      await fresh.runEach('get-host-facts.ps1', [...inputs, { computerName: 'HV01' }]);
      // Other runspaces, the same sessions; the process's own runspace sees them too.
      expect(reused(await fresh.runEach('lab-session.ps1', [...inputs, { computerName: 'HV01' }]))).toEqual([true, true, true, true]);
      expect(((await fresh.run('lab-session.ps1', { computerName: 'HV05' })) as { reused: boolean }).reused).toBe(true);
      // A host that stopped answering loses its session: the next call sets up a new one.
      await setFault(lab, 'HV05', { unreachable: true });
      expect((await fresh.runEach('get-host-facts.ps1', [{ computerName: 'HV05' }, { computerName: 'HV04' }]))[0]?.ok).toBe(false);
      await setFault(lab, 'HV05', null);
      expect(reused(await fresh.runEach('lab-session.ps1', inputs))).toEqual([true, false, true]);
    } finally {
      await fresh.dispose();
    }
  });

  it('cancelling ends every host’s read at once', async () => {
    await setLabNetwork(lab, { latencyMs: 5000 });
    for (const h of HOSTS) await setFault(lab, h, { traceCalls: true });
    const ac = new AbortController();
    const p = pool.runEach('get-host-facts.ps1', HOSTS.map((computerName) => ({ computerName })), { signal: ac.signal });
    // Cancel once every host's first slow call has begun (the lab traces each call as it starts).
    await expect.poll(async () => (await Promise.all(HOSTS.map((h) => labCalls(lab, h)))).every((n) => n > 0), { timeout: 60_000, interval: 20 }).toBe(true);
    const started = Date.now();
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('a host read is one remote call', () => {
  it('runs on the host in its session: one session set-up and one round trip, whatever the host holds', async () => {
    for (const h of ['HV01', 'HV04']) await setFault(lab, h, { traceCalls: true });
    // A fresh process, so the read sets up its session to each host.
    const fresh = new PowerShellPool({ size: 1, labDir: lab, scriptsDir: scripts });
    try {
      const [hv01, hv04] = await fresh.runEach<{ vms: unknown[] }>('get-host-facts.ps1', [{ computerName: 'HV01' }, { computerName: 'HV04' }]);
      expect(hv01?.ok && hv01.data.vms.length).toBeGreaterThan(0);
      expect(hv04?.ok).toBe(true);
      // 'connect' and 'call': a dozen cmdlets inside are local calls on the host.
      expect(await labCalls(lab, 'HV01')).toBe(2);
      expect(await labCalls(lab, 'HV04')).toBe(2);
    } finally {
      await fresh.dispose();
    }
    // Shutting down, the process closed its sessions ('disconnect') instead of leaving them open.
    expect(await labCalls(lab, 'HV01')).toBe(3);
    expect(await labCalls(lab, 'HV04')).toBe(3);
  }, 60_000);

  it('a host that refuses remoting is read from here, one call per cmdlet: the same facts but the host-local ones, and why they are missing', async () => {
    const strip = (f: { elapsedMs?: number; smb?: unknown; events?: unknown }) => ({ ...f, elapsedMs: 0, smb: {}, events: {} });
    const [full] = await readHosts(pool, ['HV01']);
    await setFault(lab, 'HV01', { remotingDenied: true, traceCalls: true });
    const [fallback] = await readHosts(pool, ['HV01']);
    expect(fallback?.status).toBe('ok');
    expect(strip(fallback!)).toEqual(strip(full!));
    expect(fallback?.smb).toEqual({});
    expect(fallback?.events?.items).toEqual([]);
    expect(fallback?.events?.errors[0]).toContain('Access is denied');
    expect(full?.events?.items.length).toBeGreaterThan(0);
    // The refused session, then each Hyper-V cmdlet on its own round trip.
    expect(await labCalls(lab, 'HV01')).toBeGreaterThan(8);
  }, 60_000);

  it('a host that does not answer fails once as unreachable, without a second read over CIM', async () => {
    await setFault(lab, 'HV02', { unreachable: true, traceCalls: true });
    const [f] = await readHosts(pool, ['HV02']);
    expect(f?.status).toBe('unreachable');
    expect(await labCalls(lab, 'HV02')).toBe(1);
  });

  it('the lab refuses a remote block that calls one of Ferry’s own functions, as a real host’s session would', async () => {
    const [r] = await pool.runEach('lab-leans-on-ferry.ps1', [{ computerName: 'HV01' }]);
    expect(r?.ok).toBe(false);
    expect(!r?.ok && r?.error.message).toContain("The term 'Get-FerryOn' is not recognized");
  });
});

describe('readHosts over the fan-out', () => {
  it('gives the same facts as reading the hosts one call each', async () => {
    const names = ['HV01', 'HV02', 'bad name!', 'HV04'];
    const together = await readHosts(pool, names);
    const alone = await Promise.all(names.map((n) => readHost({ run: (s, d, o) => pool.run(s, d, o) }, n)));
    const strip = (f: { elapsedMs?: number }) => ({ ...f, elapsedMs: 0 });
    expect(together.map(strip)).toEqual(alone.map(strip));
    expect(together.map((f) => f.status)).toEqual(['ok', 'ok', 'error', 'ok']);
  });
});
