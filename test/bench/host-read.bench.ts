/**
 * Bench (not a test): `npm run bench -- host-read`. Issue 10 item 8: one lab host with 60 VMs
 * and 200 ms per remote call, read by get-host-facts.ps1 through a warm pool process:
 *   now       one call per Hyper-V cmdlet for all VMs (this checkout's script)
 *   baseline  the script before the change (three calls per VM), taken from git at commit
 *             17d9e17 into a scratch scripts folder with this checkout's prelude
 * and the same read with no latency, so (latency read − 0 ms read) / 200 ms ≈ the calls made.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFault } from '../../electron/services/lab/lab-faults';
import { addVm, initLab } from '../../electron/services/lab/lab-init';
import { PowerShellPool } from '../../electron/services/powershell/pool';

const VMS = 60;
const LATENCY = 200;
const BASELINE_COMMIT = '17d9e17';
const SCRIPTS = path.resolve('electron/services/powershell/scripts');

async function read(labDir: string, scriptsDir: string, latency: number): Promise<number> {
  await setFault(labDir, 'HV03', latency > 0 ? { latencyMs: latency } : null);
  const pool = new PowerShellPool({ size: 1, labDir, scriptsDir, defaultTimeoutMs: 600_000 });
  try {
    await pool.run('get-host-facts.ps1', { computerName: 'HV01' });
    const started = performance.now();
    const facts = (await pool.run('get-host-facts.ps1', { computerName: 'HV03' })) as { vms: unknown[] };
    const elapsed = performance.now() - started;
    if (facts.vms.length !== VMS) throw new Error(`read ${facts.vms.length} VMs, expected ${VMS}`);
    return elapsed;
  } finally {
    await pool.dispose();
  }
}

async function main(): Promise<void> {
  const labDir = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-read-'));
  const oldScripts = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-scripts-'));
  try {
    await initLab(labDir, { hosts: ['HV01', 'HV02', 'HV03'] });
    for (let i = 0; i < VMS; i++) await addVm(labDir, { host: 'HV03', name: `vm${String(i).padStart(2, '0')}`, memoryGb: 2 });
    copyFileSync(path.join(SCRIPTS, '_prelude.ps1'), path.join(oldScripts, '_prelude.ps1'));
    writeFileSync(path.join(oldScripts, 'get-host-facts.ps1'), execFileSync('git', ['show', `${BASELINE_COMMIT}:electron/services/powershell/scripts/get-host-facts.ps1`], { encoding: 'utf8' }));
    const rows: [string, number, number][] = [];
    for (const [label, dir] of [['now (one call per cmdlet)', SCRIPTS], ['baseline (three per VM)', oldScripts]] as const) {
      const zero = await read(labDir, dir, 0);
      const slow = await read(labDir, dir, LATENCY);
      rows.push([label, zero, slow]);
    }
    console.log(`Host read of one lab host with ${VMS} VMs, ${LATENCY} ms per remote call (warm pool process)`);
    console.log('script                      | 0 ms: s | 200 ms: s | ≈ calls');
    for (const [label, zero, slow] of rows) {
      console.log(`${label.padEnd(27)} | ${(zero / 1000).toFixed(2).padStart(7)} | ${(slow / 1000).toFixed(2).padStart(9)} | ${Math.round((slow - zero) / LATENCY)}`);
    }
  } finally {
    rmSync(labDir, { recursive: true, force: true });
    rmSync(oldScripts, { recursive: true, force: true });
  }
}

void main();
