/**
 * Bench (not a test): `npm run bench -- move`. Issue 12 item 5: measured against predicted for a
 * few lab moves, through the same engine call the app and `ferry migrate` make (test → move →
 * read back), HV03 → HV04 over the lab's 10 GbE link with Compression, lab time scale SCALE:
 *   VM only is refused by real Hyper-V for disks on the source's own drives, so every move here
 *   takes its storage (the model's SMB storage phase for the VHD files), one at a time and two at
 *   once (the hosts' limit is 2: they share the link).
 * Each line: the model's seconds, × SCALE (what the lab should take), the job's measured seconds
 * and the relative error; then the error over all moves (core/move/history.ts modelError) and
 * Ferry's overhead per move (measured − predicted × SCALE). Each VM is moved back between runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { modelError, relativeError, type MoveTiming } from '../../electron/core/move';
import { createMigrationTestDeps } from '../../electron/engine/migration-test-deps';
import { runMigrationTest } from '../../electron/engine/migration-test';
import { startMoves, startMovesFromReport, type MoveDeps } from '../../electron/engine/move';
import { addVm, initLab, setLabTimeScale } from '../../electron/services/lab/lab-init';
import { hostFile, readJson, writeJsonAtomic, type LabHostState } from '../../electron/services/lab/lab-state';
import { PowerShellPool } from '../../electron/services/powershell/pool';
import { writeLabDelegation } from '../support/lab-delegation';
import { figure } from './bench-stats';

const SCALE = 0.05;
const VMS = [
  { name: 'small', memoryGb: 2 },
  { name: 'medium', memoryGb: 8 },
  { name: 'large', memoryGb: 16 },
];

async function main(): Promise<void> {
  const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-move-'));
  const pool = new PowerShellPool({ size: 2, labDir: lab });
  const jobs = new PowerShellPool({ size: 1, labDir: lab });
  try {
    // The default lab: HV03 and HV04 are its ready Kerberos pair (HV01 and HV02 carry its deliberate problems).
    await initLab(lab);
    await setLabTimeScale(lab, SCALE);
    for (const v of VMS) await addVm(lab, { host: 'HV03', name: v.name, memoryGb: v.memoryGb, switchName: 'External', version: '10.0' });
    const hv03 = await readJson<LabHostState>(hostFile(lab, 'HV03'));
    hv03.vms.forEach((v) => (v.processorCompatibilityForMigration = true));
    await writeJsonAtomic(hostFile(lab, 'HV03'), hv03);
    await writeLabDelegation(lab, [
      { host: 'HV03', delegateTo: ['HV04'], protocolTransition: true },
      { host: 'HV04', delegateTo: ['HV03'], protocolTransition: true },
    ]);
    const timings: (MoveTiming & { concurrent: number })[] = [];
    const deps: MoveDeps = { runner: pool, jobRunner: jobs, user: 'LAB\\bench', timeScale: SCALE, pollMs: 40 };
    const testDeps = createMigrationTestDeps({ pool, user: 'LAB\\bench', workstationProbe: 'lab' });

    const move = async (vms: string[]) => {
      const report = await runMigrationTest(testDeps, { source: 'HV03', destination: 'HV04', vms, includeStorage: true });
      const history = { append: async (t: MoveTiming) => void timings.push({ ...t, concurrent: vms.length }) };
      const outcomes = await startMovesFromReport({ ...deps, history }, report, { source: 'HV03', destination: 'HV04', vms, includeStorage: true }).done;
      for (const o of outcomes) if (o.result !== 'moved') throw new Error(`${o.vm}: ${o.result} ${o.error?.message ?? ''}`);
      // Back home, so the next run starts from the same place (not timed).
      const facts = await runMigrationTest(testDeps, { source: 'HV04', destination: 'HV03', vms, includeStorage: true });
      const back = await startMoves(deps, { source: facts.hosts[0]!, destination: facts.hosts[1]! }, { source: 'HV04', destination: 'HV03', vms, includeStorage: true, destinationStoragePath: 'C:\\Hyper-V\\Virtual Hard Disks' }).done;
      for (const o of back) if (o.result !== 'moved') throw new Error(`back ${o.vm}: ${o.result} ${o.error?.message ?? ''}`);
    };
    // Warm-up: the first move loads the lab's types in the jobs process.
    await move(['small']);
    timings.length = 0;
    for (const v of VMS) await move([v.name]);
    await move(['small', 'medium']);

    console.log(`Lab moves HV03 → HV04 with storage (12 GiB VHD file each), 10 GbE, Compression, time scale ${SCALE}`);
    console.log('VM      | at once | model: s | × scale: s | measured: s | error');
    for (const t of timings) {
      const e = relativeError(t);
      console.log(
        `${t.vm.padEnd(7)} | ${String(t.concurrent).padStart(7)} | ${t.predictedSeconds.toFixed(1).padStart(8)} | ${(t.predictedSeconds * SCALE).toFixed(2).padStart(10)} | ${t.measuredSeconds.toFixed(2).padStart(11)} | ${e === undefined ? '–' : `${(e * 100).toFixed(0)} %`}`,
      );
    }
    const err = modelError(timings);
    const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);
    console.log(`model error over ${err.moves} moves: mean |error| ${pct(err.meanAbsoluteError)}, bias ${pct(err.bias)} (> 0: moves took longer than predicted)`);
    const overhead = figure(timings.map((t) => (t.measuredSeconds - t.predictedSeconds * SCALE) * 1000));
    console.log(`measured − predicted × scale per move: median ${overhead.medianMs} ms, p90 ${overhead.p90Ms} ms, worst ${overhead.worstMs} ms`);
  } finally {
    await Promise.all([pool.dispose(), jobs.dispose()]);
    rmSync(lab, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
