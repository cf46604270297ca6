/**
 * Bench (not a test): `npm run bench -- fleet` (or `npx tsx test/bench/fleet.bench.ts [read|matrix|mesh]`).
 * A group of 50 hosts, each figure beside today's design in the same run (issue 11):
 * 1. read   50 lab hosts, 200 ms per remote call and 300 ms per session set-up (lab.json
 *           network): today's pool of 4 processes, one host per call, beside the fan-out (one
 *           process, a runspace per host, one session per host). Wall time, the slowest single
 *           host's read alone, and the peak RSS of all PowerShell processes (summed from /proc).
 *           Targets: ≤ 2 s wall (within 2× of the slowest host), ≤ 400 MB.
 * 2. matrix the readiness matrix for 50 hosts (2,450 ordered pairs, 20 VMs per host) from
 *           gathered facts, beside evaluating every pair from scratch. Target: ≤ 500 ms.
 * 3. mesh   full-mesh delegation for 50 computer accounts (9,800 values) against Samba AD:
 *           plan, apply and read back, one LDAP modify per account, beside one modify per value.
 *           Target: ≤ 10 s.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostKey, orderedPairs } from '../../electron/core/group/group';
import { indexGroup, pairKey, type GroupFacts } from '../../electron/core/group/group-facts';
import { cellOf, evaluatePair, readinessMatrix } from '../../electron/core/group/readiness';
import { applyPlan } from '../../electron/engine/apply';
import { createLdapExecutor } from '../../electron/engine/directory-executor';
import { planGroupDelegationFor } from '../../electron/engine/directory-planner';
import { readHosts } from '../../electron/engine/read-hosts';
import { resolveComputer } from '../../electron/services/directory/computer-accounts';
import { connectDirectory, type DirectorySession } from '../../electron/services/directory/directory-session';
import { setFault } from '../../electron/services/lab/lab-faults';
import { initLab } from '../../electron/services/lab/lab-init';
import { PowerShellPool } from '../../electron/services/powershell/pool';
import { countingDirectory } from '../support/counting-directory';
import { addHosts, startSambaDc } from '../support/samba-dc';
import { account, host } from './bench-facts';
import { timed } from './bench-stats';

const HOSTS = Array.from({ length: 50 }, (_, i) => `HV${String(i + 1).padStart(2, '0')}`);
const LATENCY_MS = 200;
const CONNECT_MS = 300;
// ---- RSS of this process's descendants (the pool's PowerShell processes) ----------------------

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name (field 2) may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = byParent.get(ppid) ?? [];
      list.push(Number(entry));
      byParent.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return byParent;
}

function descendants(root: number): number[] {
  const byParent = children();
  const out: number[] = [];
  const todo = [...(byParent.get(root) ?? [])];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    out.push(pid);
    todo.push(...(byParent.get(pid) ?? []));
  }
  return out;
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** pwsh here is a .NET apphost that runs its `dotnet` child: both are PowerShell's (tsx's esbuild is not). */
const POWERSHELL_COMMANDS = new Set(['pwsh', 'dotnet', 'powershell']);
const isPowerShell = (pid: number): boolean => POWERSHELL_COMMANDS.has(commOf(pid));

const commOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

/**
 * Samples the summed RSS of every PowerShell process below this one every 50 ms until stopped;
 * returns the peak, and how much of it is the dotnet-tool launcher: pwsh installed as a .NET tool
 * (here) is a small `pwsh` apphost that runs PowerShell in a `dotnet` child, a process a normal
 * install (pwsh.exe, powershell.exe) does not have.
 */
function rssSampler(): { stop: () => { peakBytes: number; launcherBytes: number; processes: number } } {
  let peak = 0;
  let launcher = 0;
  let processes = 0;
  const sample = () => {
    const pids = descendants(process.pid).filter(isPowerShell);
    const total = pids.reduce((s, p) => s + rssBytes(p), 0);
    if (total > peak) {
      peak = total;
      processes = pids.length;
      const byParent = children();
      launcher = pids.filter((p) => commOf(p) === 'pwsh' && (byParent.get(p) ?? []).some((c) => commOf(c) === 'dotnet')).reduce((s, p) => s + rssBytes(p), 0);
    }
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakBytes: peak, launcherBytes: launcher, processes };
    },
  };
}

// ---- 1. read -----------------------------------------------------------------------------------

interface ReadFigure {
  readonly design: ReadDesign;
  readonly wallMs: number;
  readonly slowestHostMs: number;
  readonly peakRssMb: number;
  /** Of the peak: the dotnet-tool launcher processes (not there with a normal PowerShell install). */
  readonly launcherRssMb: number;
  /** Before the timed read, its processes and runspaces open. */
  readonly idleRssMb: number;
  readonly processes: number;
}

/**
 * The designs side by side. Before: the pool of 4, a host per call, each host read one remote call
 * per cmdlet (a dozen round trips). Now: the fan-out, one process and a runspace per host, each
 * host read one remote call (the read runs on the host). And the fan-out where hosts refuse
 * PowerShell remoting, read from here one call per cmdlet (lab fault `remotingDenied`, which also
 * costs the refused session's round trip first).
 */
type ReadDesign = 'pool, a call per cmdlet (before)' | 'fan-out, a remote call per host' | 'fan-out, remoting refused';

async function readFigure(labDir: string, design: ReadDesign): Promise<ReadFigure> {
  const fanOut = design !== 'pool, a call per cmdlet (before)';
  const perCmdlet = design !== 'fan-out, a remote call per host';
  for (const h of HOSTS) await setFault(labDir, h, perCmdlet ? { remotingDenied: true } : null);
  const pool = new PowerShellPool({ size: fanOut ? 1 : 4, labDir, defaultTimeoutMs: 600_000 });
  const runner = fanOut ? pool : { run: pool.run.bind(pool) };
  try {
    // Warm: start the processes (and, for the fan-out, open its runspaces) on hosts with a
    // session of their own, so the figure is the read a running app does, not start-up. The
    // timed read then sets up a session to each host, once, as a first read of a group does.
    const warm = ['HV01', 'HV02', 'HV03', 'HV04'];
    if (!fanOut) await Promise.all(warm.map((h) => pool.run('get-host-facts.ps1', { computerName: h })));
    else await pool.runEach('get-host-facts.ps1', HOSTS.map(() => ({ computerName: 'HV01' })));
    const idle = rssSampler().stop();
    const rss = rssSampler();
    const started = performance.now();
    const facts = await readHosts(runner, HOSTS);
    const wallMs = performance.now() - started;
    const { peakBytes, launcherBytes, processes } = rss.stop();
    const failed = facts.filter((f) => f.status !== 'ok');
    if (failed.length > 0) throw new Error(`${failed.length} reads failed: ${failed[0]?.error?.message ?? ''}`);
    const slowest = facts.reduce((a, b) => ((b.vms?.length ?? 0) > (a.vms?.length ?? 0) ? b : a)).computerName;
    return { design, wallMs, slowestHostMs: await readAloneMs(labDir, fanOut, slowest), peakRssMb: peakBytes / 2 ** 20, launcherRssMb: launcherBytes / 2 ** 20, idleRssMb: idle.peakBytes / 2 ** 20, processes };
  } finally {
    await pool.dispose();
    for (const h of HOSTS) await setFault(labDir, h, null);
  }
}

/**
 * The host with the most VMs read alone as each host of the group read was: by a warm process
 * (warmed on another host), setting up its session to the host first.
 */
async function readAloneMs(labDir: string, fanOut: boolean, host: string): Promise<number> {
  const pool = new PowerShellPool({ size: 1, labDir, defaultTimeoutMs: 600_000 });
  try {
    const other = HOSTS.find((h) => h !== host) ?? host;
    await pool.run('get-host-facts.ps1', { computerName: other });
    if (fanOut) await pool.runEach('get-host-facts.ps1', [{ computerName: other }]);
    const started = performance.now();
    await readHosts(fanOut ? pool : { run: pool.run.bind(pool) }, [host]);
    return performance.now() - started;
  } finally {
    await pool.dispose();
  }
}

async function benchRead(): Promise<void> {
  const labDir = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-fleet-'));
  try {
    await initLab(labDir, { hosts: HOSTS, connectMs: CONNECT_MS, latencyMs: LATENCY_MS });
    console.log(`Read of ${HOSTS.length} lab hosts: ${LATENCY_MS} ms per call, ${CONNECT_MS} ms per session set-up (${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(1)})`);
    const today = await readFigure(labDir, 'pool, a call per cmdlet (before)');
    const fan = await readFigure(labDir, 'fan-out, a remote call per host');
    const refused = await readFigure(labDir, 'fan-out, remoting refused');
    console.log('design                                      | wall s | slowest host alone s (session set-up included) | peak RSS MB (processes; of it the dotnet-tool launcher) | RSS before MB');
    for (const r of [today, fan, refused]) {
      console.log(`${r.design.padEnd(43)} | ${(r.wallMs / 1000).toFixed(2).padStart(6)} | ${(r.slowestHostMs / 1000).toFixed(2).padStart(46)} | ${r.peakRssMb.toFixed(0)} (${r.processes}; ${r.launcherRssMb.toFixed(0)}) | ${r.idleRssMb.toFixed(0)}`);
    }
    console.log(`speed-up vs before: ${(today.wallMs / fan.wallMs).toFixed(1)}×; memory vs before: ${(fan.peakRssMb / today.peakRssMb).toFixed(2)}×; load now ${os.loadavg()[0]?.toFixed(1)}`);
    console.log(`target ≤ 2 s wall: ${fan.wallMs <= 2000 ? 'met' : 'NOT met'} (${(fan.wallMs / 1000).toFixed(2)} s; ${(fan.wallMs / fan.slowestHostMs).toFixed(1)}× the slowest host alone, target ≤ 2×: ${fan.wallMs <= 2 * fan.slowestHostMs ? 'met' : 'NOT met'})`);
    console.log(`target ≤ 400 MB RSS: ${fan.peakRssMb <= 400 ? 'met' : 'NOT met'} (${fan.peakRssMb.toFixed(0)} MB; PowerShell's own process ${(fan.peakRssMb - fan.launcherRssMb).toFixed(0)} MB without the dotnet-tool launcher)`);
  } finally {
    rmSync(labDir, { recursive: true, force: true });
  }
}

// ---- 2. matrix ---------------------------------------------------------------------------------

const MATRIX_VMS = 20;
const ROUNDS = 5;

function groupFacts(): GroupFacts {
  const hosts = HOSTS.map((_, i) => host(i + 1, MATRIX_VMS));
  const names = hosts.map((h) => h.computerName);
  const pairs = orderedPairs(names);
  return {
    hosts,
    accounts: new Map(names.map((n) => [hostKey(n), account(n, names.filter((o) => o !== n))])),
    directoryAvailable: true,
    portChecks: [
      ...names.map((n) => ({ from: 'WORKSTATION', target: n, port: 5985, open: true })),
      ...pairs.flatMap((p) => [6600, 445].map((port) => ({ from: p.source, target: p.destination, port, open: port !== 445 || p.source !== 'HV07' }))),
    ],
    vmReports: new Map(),
    // Beyond the Compare-VM budget: every pair says Hyper-V's own check was not run.
    vmChecksSkipped: new Map(pairs.map((p) => [pairKey(p.source, p.destination), { reason: 'not-requested' as const }])),
    dnsDomain: 'lab.example',
  };
}


async function benchMatrix(): Promise<void> {
  const facts = groupFacts();
  const pairs = orderedPairs(facts.hosts.map((h) => h.computerName));
  const options = { authentication: 'Kerberos' as const, startMode: 'remote' as const, vms: 'all' as const };
  const both = () => true;
  // Every pair evaluated alone from scratch, as the pair test would (no shared model runs).
  const index = indexGroup(facts);
  const scratch = timed(() => pairs.map((p) => cellOf(evaluatePair(index, p, options, true))), ROUNDS);
  const matrix = timed(() => readinessMatrix(facts, pairs, options, both), ROUNDS);
  const { cells } = readinessMatrix(facts, pairs, options, both);
  const blocked = cells.filter((c) => c.verdict === 'blocked').length;
  console.log(`Readiness matrix: ${facts.hosts.length} hosts, ${pairs.length} ordered pairs, ${MATRIX_VMS} VMs per host (${blocked} pairs blocked)`);
  console.log('way                             | best ms | median ms | CPU median ms');
  console.log(`every pair alone, from scratch   | ${scratch.best.toFixed(0).padStart(7)} | ${scratch.median.toFixed(0).padStart(9)} | ${scratch.cpu.toFixed(0).padStart(13)}`);
  console.log(`readinessMatrix                  | ${matrix.best.toFixed(0).padStart(7)} | ${matrix.median.toFixed(0).padStart(9)} | ${matrix.cpu.toFixed(0).padStart(13)}`);
  console.log(`target ≤ 500 ms (median wall): ${matrix.median <= 500 ? 'met' : 'NOT met'} (${matrix.median.toFixed(0)} ms)`);
}

// ---- 3. mesh ------------------------------------------------------------------------------------

/** Plans the mesh of `hosts`, applies it through `executor` and reads every account back; seconds and requests. */
async function meshRun(session: DirectorySession, hosts: readonly string[], batched: boolean): Promise<{ seconds: number; modifies: number; values: number; accounts: number }> {
  const modifies: string[] = [];
  const counted = countingDirectory(session, modifies);
  const started = performance.now();
  const plan = await planGroupDelegationFor(counted, hosts, { kind: 'mesh' }, false);
  const ldap = createLdapExecutor(counted);
  const executor = batched ? ldap : { execute: ldap.execute.bind(ldap) };
  const noPowerShell = { execute: () => Promise.reject(new Error('no PowerShell in this bench')) };
  const r = await applyPlan({ id: 'mesh', createdAt: new Date().toISOString(), hosts: [...hosts], steps: plan.steps, warnings: [] }, { powershell: noPowerShell, ldap: executor }, { user: 'bench' });
  if (!r.ok) throw new Error(`mesh apply failed: ${JSON.stringify(r.results.find((x) => x.status === 'failed'))}`);
  // Read back: every account holds an entry for each of the others.
  const accounts = await Promise.all(hosts.map((h) => resolveComputer(counted, h)));
  const values = plan.steps.filter((x) => x.kind === 'delegation-add').length;
  const missing = accounts.filter((a) => a.allowedToDelegateTo.length < 4 * (hosts.length - 1));
  if (missing.length > 0) throw new Error(`${missing.length} accounts miss entries after apply`);
  return { seconds: (performance.now() - started) / 1000, modifies: modifies.length, values, accounts: accounts.length };
}

async function benchMesh(): Promise<void> {
  const dc = await startSambaDc();
  try {
    const hosts = HOSTS;
    // Today's way, one modify (and one read-back) per value, on a group of its own: 10 hosts.
    const today = HOSTS.slice(0, 10).map((h) => h.replace('HV', 'OLD'));
    await addHosts(dc, [...hosts, ...today]);
    const session = await connectDirectory({ url: dc.ldapsUrl, bindUser: dc.bindUser, password: dc.password, caFile: dc.caFile, tlsServerName: 'DC1.lab.example' });
    try {
      const perValue = await meshRun(session, today, false);
      const batched = await meshRun(session, hosts, true);
      console.log(`Full-mesh delegation in Samba AD: plan + apply + read back`);
      console.log('way                                   | hosts | values | modifies | seconds | ms per value');
      const row = (name: string, r: typeof batched) =>
        console.log(`${name.padEnd(37)} | ${String(r.accounts).padStart(5)} | ${String(r.values).padStart(6)} | ${String(r.modifies).padStart(8)} | ${r.seconds.toFixed(2).padStart(7)} | ${((r.seconds * 1000) / r.values).toFixed(2)}`);
      row('one modify per value (today)', perValue);
      row('one modify per account', batched);
      console.log(`today's way for the 50-host mesh, at its rate per value: ~${((perValue.seconds / perValue.values) * batched.values).toFixed(0)} s`);
      console.log(`target ≤ 10 s, one modify per account: ${batched.seconds <= 10 && batched.modifies === batched.accounts ? 'met' : 'NOT met'} (${batched.seconds.toFixed(2)} s, ${batched.modifies} modifies for ${batched.accounts} accounts)`);
    } finally {
      await session.close();
    }
  } finally {
    await dc.stop();
  }
}

const BENCHES: Record<string, () => Promise<void>> = { read: benchRead, matrix: benchMatrix, mesh: benchMesh };

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a in BENCHES);
  for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
    console.log(`\n--- fleet: ${name}`);
    await (BENCHES[name] as () => Promise<void>)();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
