/**
 * Bench (not a test): `npx tsx test/bench/powershell-pool.bench.ts`.
 * 1. Full read (get-host-facts) of 20 lab hosts with 200 ms injected latency per cmdlet call,
 *    pool size 1 vs 4 vs 8, side by side with the ratio to pool 1. Target: pool 8 ≥ 5× pool 1.
 * 2. Warm-pool call overhead (ping.ps1 through a warm process) vs spawning a new PowerShell per
 *    call. Target: warm overhead < 20 ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFault } from '../../electron/services/lab/lab-faults';
import { initLab } from '../../electron/services/lab/lab-init';
import { resolvePowerShellExecutable } from '../../electron/services/powershell/executable';
import { PowerShellPool } from '../../electron/services/powershell/pool';
import { powershellProcessEnv } from '../../electron/services/powershell/process-env';

const HOSTS = Array.from({ length: 20 }, (_, i) => `HV${String(i + 1).padStart(2, '0')}`);
const LATENCY = 200;

async function fullRead(labDir: string, size: number): Promise<number> {
  const pool = new PowerShellPool({ size, labDir, defaultTimeoutMs: 600_000 });
  try {
    // Warm every process first (start-up and first-call compilation of the lab module): the
    // figure is the read a running app does, not PowerShell's start-up.
    await Promise.all(Array.from({ length: size }, () => pool.run('get-host-facts.ps1', { computerName: 'HV01' })));
    await Promise.all(Array.from({ length: size }, () => pool.run('ping.ps1', {})));
    const started = performance.now();
    const results = await Promise.allSettled(HOSTS.map((h) => pool.run('get-host-facts.ps1', { computerName: h })));
    const elapsed = performance.now() - started;
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed > 0) throw new Error(`${failed} reads failed`);
    return elapsed;
  } finally {
    await pool.dispose();
  }
}

async function main(): Promise<void> {
  const labDir = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-'));
  try {
    await initLab(labDir, { hosts: HOSTS });
    for (const h of HOSTS) await setFault(labDir, h, { latencyMs: LATENCY });
    const sizes = [1, 4, 8];
    const times: number[] = [];
    for (const size of sizes) times.push(await fullRead(labDir, size));
    const base = times[0] ?? 1;
    console.log(`Full read of ${HOSTS.length} lab hosts, ${LATENCY} ms latency per cmdlet call`);
    console.log('pool size | seconds | speed-up vs pool 1');
    sizes.forEach((s, i) => console.log(`${String(s).padStart(9)} | ${((times[i] ?? 0) / 1000).toFixed(2).padStart(7)} | ${(base / (times[i] ?? 1)).toFixed(2)}×`));
    const ratio8 = base / (times[2] ?? 1);
    console.log(`target pool 8 ≥ 5× pool 1: ${ratio8 >= 5 ? 'met' : 'NOT met'} (${ratio8.toFixed(2)}×)`);

    for (const h of HOSTS) await setFault(labDir, h, null);
    const pool = new PowerShellPool({ size: 1 });
    await pool.run('ping.ps1', {});
    const N = 50;
    const warmStart = performance.now();
    for (let i = 0; i < N; i++) await pool.run('ping.ps1', { i });
    const warm = (performance.now() - warmStart) / N;
    await pool.dispose();
    const exe = resolvePowerShellExecutable();
    const M = 5;
    const coldStart = performance.now();
    // Started as the pool starts its processes (same environment), so only the per-call spawn differs.
    const env = powershellProcessEnv(process.env);
    for (let i = 0; i < M; i++) spawnSync(exe, ['-NoProfile', '-NonInteractive', '-Command', '1'], { stdio: 'ignore', env });
    const cold = (performance.now() - coldStart) / M;
    console.log('\nPer-call overhead (no-op script)');
    console.log(`warm pool call      | ${warm.toFixed(1)} ms`);
    console.log(`new process per call| ${cold.toFixed(1)} ms  (${(cold / warm).toFixed(0)}× slower)`);
    console.log(`target warm < 20 ms: ${warm < 20 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(labDir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
