/**
 * `ferry migrate` in-process against a lab in real pwsh: nothing moves without --yes; a ready VM
 * moves with progress lines and exit 0; a blocked VM is refused naming its finding (exit 1); a
 * CredSSP source prints the command to run there (exit 1, nothing moved); hostile VM names move
 * as data (nothing runs); --move-back returns the last moved VM.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ferry } from '../../support/ferry-in-process';
import { addVm, initLab, setLabTimeScale } from '../../../electron/services/lab/lab-init';
import { hostFile, readJson, writeJsonAtomic, type LabHostState } from '../../../electron/services/lab/lab-state';
import { CANARY_NAME } from '../../hostile/corpus';

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-migrate-'));
const canaryDir = mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-migrate-canary-'));
const canary = path.join(canaryDir, CANARY_NAME);
const HOSTILE = [`x'; New-Item -Path '${canary}'; '`, `$(New-Item -Path '${canary}')`, 'sql[1]*', '"quoted" `$env:PATH` ; & calc'];

const vmsOn = async (h: string) => (await readJson<LabHostState>(hostFile(lab, h))).vms.map((v) => v.name);
const pair = ['--source', 'HV03', '--destination', 'HV04', '--lab', lab];

beforeAll(async () => {
  await initLab(lab, { hosts: ['HV01', 'HV02', 'HV03', 'HV04'] });
  await setLabTimeScale(lab, 0.02);
  for (const n of ['app01', 'nosw', ...HOSTILE]) await addVm(lab, { host: 'HV03', name: n, memoryGb: 2, switchName: n === 'nosw' ? 'Missing' : 'External', version: '10.0' });
  await addVm(lab, { host: 'HV04', name: 'cred01', memoryGb: 2, switchName: 'External', version: '10.0' });
  const s = await readJson<LabHostState>(hostFile(lab, 'HV03'));
  s.vms.forEach((v) => (v.processorCompatibilityForMigration = true));
  await writeJsonAtomic(hostFile(lab, 'HV03'), s);
  // The folder the storage move goes to exists on the destination (the test checks it does).
  const d4 = await readJson<LabHostState>(hostFile(lab, 'HV04'));
  d4.folders = [...(d4.folders ?? []), 'D:\\VMs'];
  await writeJsonAtomic(hostFile(lab, 'HV04'), d4);
  // Delegation as an admin would set it: in the lab folder's own directory.
  const d = await ferry(['delegation', 'apply', '--source', 'HV03', '--destination', 'HV04', '--lab', lab, '--yes']);
  expect(d.code, d.err).toBe(0);
});

afterAll(() => {
  rmSync(lab, { recursive: true, force: true });
  rmSync(canaryDir, { recursive: true, force: true });
});

describe('ferry migrate', () => {
  it('without --yes: says what would move and moves nothing', async () => {
    const r = await ferry(['migrate', ...pair, '--vm', 'app01', '--include-storage']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Move 1 VM(s) from HV03 to HV04: "app01"');
    expect(r.out).toContain('authentication: Kerberos, performance option: Compression');
    expect(r.out).toContain('Nothing moved: add --yes');
    expect(await vmsOn('HV03')).toContain('app01');
  });

  it('with --yes: progress lines, moved, read back; exit 0', async () => {
    const r = await ferry(['migrate', ...pair, '--vm', 'app01', '--include-storage', '--destination-storage-path', 'D:\\VMs', '--yes']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/app01: queued\napp01: started \(model: \d+\.\d s\)\n/);
    expect(r.out).toMatch(/app01: [1-9]0 %\n/);
    expect(r.out).toMatch(/app01: moved to HV04 in \d+\.\d s \(model: \d+\.\d s\); read back on HV04: Running, same memory/);
    expect(await vmsOn('HV04')).toContain('app01');
  });

  it('--move-back returns it (exit 0), and then there is nothing left to move back (exit 1)', async () => {
    const r = await ferry(['migrate', '--move-back', '--lab', lab, '--yes']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('app01: moved to HV03');
    expect(await vmsOn('HV03')).toContain('app01');
    const again = await ferry(['migrate', '--move-back', '--lab', lab, '--yes']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('no move to move back');
  });

  it('a VM the test blocks is refused, naming the finding; nothing moves (exit 1)', async () => {
    const r = await ferry(['migrate', ...pair, '--vm', 'nosw', '--include-storage', '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"nosw" is not ready to move: .*Missing/);
    expect(await vmsOn('HV03')).toContain('nosw');
  });

  it('CredSSP on the source: not started; the exact command to run on HV04 is printed (exit 1)', async () => {
    // Both hosts on CredSSP (a mixed pair is a finding of its own).
    const edit = async (auth: 'CredSSP' | 'Kerberos') => {
      for (const name of ['HV03', 'HV04']) {
        const h = await readJson<LabHostState>(hostFile(lab, name));
        h.settings.virtualMachineMigrationAuthenticationType = auth;
        await writeJsonAtomic(hostFile(lab, name), h);
      }
    };
    await edit('CredSSP');
    try {
      const r = await ferry(['migrate', '--source', 'HV04', '--destination', 'HV03', '--lab', lab, '--vm', 'cred01', '--include-storage', '--yes']);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      expect(r.out).toContain("cred01: not started: HV04 uses CredSSP, so the move must start on HV04. Run this there (PowerShell as administrator):\n  Move-VM -Name 'cred01' -DestinationHost 'HV03' -IncludeStorage\n");
      expect(await vmsOn('HV04')).toContain('cred01');
    } finally {
      await edit('Kerberos');
    }
  });

  it('hostile VM names move as data: each lands on HV04 under its own name, nothing runs', async () => {
    const args = ['migrate', ...pair, ...HOSTILE.flatMap((n) => ['--vm', n]), '--include-storage', '--yes'];
    const r = await ferry(args);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const on = await vmsOn('HV04');
    for (const n of HOSTILE) expect(on).toContain(n);
    expect(existsSync(canary)).toBe(false);
  });

  it('bad input is exit 2 naming the argument, before any PowerShell starts', async () => {
    for (const [args, name] of [
      [['migrate', '--source', 'HV03', '--destination', 'HV04', '--lab', lab], '--vm'],
      [['migrate', '--source', 'HV03', '--destination', 'HV03', '--vm', 'a', '--lab', lab], '--destination'],
      [['migrate', ...pair, '--vm', 'a', '--destination-storage-path', 'D:\\x'], '--destination-storage-path'],
      [['migrate', ...pair, '--vm', 'a', '--include-storage', '--destination-storage-path', 'relative\\x'], '--destination-storage-path'],
      [['migrate', ...pair, '--vm', 'a\u0007b'], '--vm'],
      [['migrate', '--move-back', '--vm', 'a', '--lab', lab], '--vm'],
    ] as const) {
      const r = await ferry([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(name);
    }
  });
});
