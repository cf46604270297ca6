/**
 * The shared-nothing storage target (issue 14 item 3) in real pwsh against the lab:
 * get-storage-target.ps1 probes the destination folder (exists, takes a file) and measures its
 * volume with Get-Volume -FilePath; a fresh `ferry lab init` has HV02's default VHD folder on a
 * C: with 20 GiB free for HV01's 36 GiB of VHD files, so `ferry test --include-storage` fails
 * there and passes with `--destination-storage-path D:\VMs`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';
import type { StorageTarget } from '../../../electron/core/model';
import { runMigrationTest } from '../../../electron/engine/migration-test';
import { createMigrationTestDeps } from '../../../electron/engine/migration-test-deps';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { initLab } from '../../../electron/services/lab/lab-init';
import { GiB } from '../../../electron/services/lab/lab-state';
import { PowerShellPool } from '../../../electron/services/powershell/pool';

const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');
let lab: string;
let pool: PowerShellPool;

beforeAll(async () => {
  lab = await mkdtemp(path.join(os.tmpdir(), 'ferry-storage-'));
  await initLab(lab);
  pool = new PowerShellPool({ labDir: lab, executable: PWSH, size: 1 });
}, 60_000);
afterAll(async () => {
  await pool.dispose();
  await rm(lab, { recursive: true, force: true });
});

const probe = (computerName: string, p?: string) => pool.run<StorageTarget>('get-storage-target.ps1', { computerName, ...(p !== undefined ? { path: p } : {}) });

describe('get-storage-target.ps1 against the lab', () => {
  it('without a path: the destination\'s default VHD folder, on a C: with 20 GiB free', async () => {
    expect(await probe('HV02')).toEqual({
      path: 'C:\\ProgramData\\Microsoft\\Windows\\Virtual Hard Disks', chosen: false, exists: true, writable: true,
      volume: { driveLetter: 'C', label: 'System', sizeBytes: 200 * GiB, freeBytes: 20 * GiB },
    });
  });

  it('a chosen folder: exists and takes files, on a read-only volume, not there yet, on a share', async () => {
    expect(await probe('HV02', 'D:\\VMs')).toMatchObject({ chosen: true, exists: true, writable: true, volume: { driveLetter: 'D', freeBytes: 1536 * GiB } });
    expect(await probe('HV02', 'R:\\VMs')).toMatchObject({ exists: true, writable: false, volume: { driveLetter: 'R' } });
    // Not there yet: measured on its drive; Hyper-V would still have to create it.
    expect(await probe('HV02', 'D:\\New\\Deeper')).toMatchObject({ exists: false, writable: false, volume: { driveLetter: 'D' } });
    const share = await probe('HV02', '\\\\fs01\\vms');
    expect(share).toMatchObject({ exists: false });
    expect(share.volume).toBeUndefined();
  });

  it('an unreachable destination is an error the engine turns into a finding', async () => {
    await setFault(lab, 'HV02', { unreachable: true });
    try {
      await expect(probe('HV02', 'D:\\VMs')).rejects.toThrow(/HV02/);
    } finally {
      await setFault(lab, 'HV02', null);
    }
  });
});

describe('ferry test --include-storage on a fresh lab', () => {
  it('fails on HV02\'s nearly full default volume, in the JSON and the HTML report', async () => {
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => { out += t; }, err: (t) => { err += t; }, env: { ...process.env, FERRY_PWSH: PWSH } };
    const report = path.join(lab, 'storage.html');
    const code = await runCli(['test', '--source', 'HV01', '--destination', 'HV02', '--vm', 'web01', '--vm', 'sql01', '--vm', 'build-agent', '--include-storage', '--lab', lab, '--json', '--report', report], io);
    expect(err).toBe('');
    expect(code).toBe(1);
    const o = JSON.parse(out) as { findings: { id: string; severity: string; evidence: Record<string, string> }[] };
    const space = o.findings.find((f) => f.id === 'capacity.storage-space');
    expect(space).toMatchObject({ severity: 'fail', evidence: { source: 'HV01', copyBytes: String(36 * GiB), destination: 'HV02', volume: 'C:', volumeFreeBytes: String(20 * GiB) } });
    expect(o.findings.find((f) => f.id === 'capacity.storage-path')?.severity).toBe('pass');
    // Issue 14 item 6: HV01's seeded history (a 63.1 s blackout, a failed move, the limit reached) beside the model.
    expect(o.findings.find((f) => f.id === 'host.events.source')).toMatchObject({ severity: 'warn', evidence: { event20417: '1', event21502: '1', event21501: '1' } });
    expect(o.findings.find((f) => f.id === 'capacity.blackout-history')).toMatchObject({ severity: 'warn', evidence: { reportedBlackoutSeconds: '63.1' } });
    const html = await readFile(report, 'utf8');
    expect(html).toContain('capacity.storage-space');
    expect(html).toContain('capacity.blackout-history');
  }, 120_000);

  it('passes with --destination-storage-path D:\\VMs; R:\\VMs (read-only) and a missing folder fail', async () => {
    const deps = createMigrationTestDeps({ pool, user: 'tester', workstationProbe: 'lab' });
    const run = async (destinationStoragePath: string) => {
      const r = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01', 'sql01', 'build-agent'], includeStorage: true, destinationStoragePath });
      const at = (id: string) => r.findings.find((f) => f.id === id);
      return [at('capacity.storage-path')?.severity, at('capacity.storage-path')?.params?.variant, at('capacity.storage-space')?.severity];
    };
    expect(await run('D:\\VMs')).toEqual(['pass', undefined, 'pass']);
    expect(await run('R:\\VMs')).toEqual(['fail', 'read-only', 'pass']);
    expect(await run('E:\\VMs')).toEqual(['fail', 'missing', 'warn']);
  }, 120_000);
});
