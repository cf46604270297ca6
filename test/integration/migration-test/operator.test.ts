/**
 * The operator rule fed for real: createMigrationTestDeps runs get-operator-rights.ps1 in pwsh
 * against the lab hosts and reads the bound user from the lab directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrationTestDeps } from '../../../electron/engine/migration-test-deps';
import { runMigrationTest } from '../../../electron/engine/migration-test';
import { SID_ADMINISTRATORS, SID_HYPERV_ADMINISTRATORS, initLab, setLocalGroup } from '../../../electron/services/lab/lab-init';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { startLabDirectoryForLab } from '../../../electron/services/lab/directory/lab-directory-for-lab';
import type { LabDirectory } from '../../../electron/services/lab/directory/lab-directory';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { PowerShellPool } from '../../../electron/services/powershell/pool';

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-lab-optest-'));
let pool: PowerShellPool;
let directory: LabDirectory;
let session: DirectorySession;

const test = async () => {
  const deps = createMigrationTestDeps({ pool, directory: session, user: 'someone-else', workstationProbe: 'lab' });
  const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02' });
  const get = (id: string) => report.findings.find((f) => f.id === id);
  return { report, get };
};

beforeAll(async () => {
  await initLab(lab);
  pool = new PowerShellPool({ size: 2, labDir: lab });
  directory = await startLabDirectoryForLab(lab);
  session = await connectDirectory({ url: directory.url, bindUser: directory.bindUser, password: directory.password, lab: true });
});

afterAll(async () => {
  await session.close();
  await directory.stop();
  await pool.dispose();
  rmSync(lab, { recursive: true, force: true });
});

describe('migration test: operator rights from the lab', () => {
  it('a fresh lab: the session account is a Hyper-V Administrator on both hosts; the bound user may configure delegation', async () => {
    const { get } = await test();
    for (const role of ['source', 'destination']) {
      const f = get(`identity.operator-local.${role}`);
      expect(f?.severity, role).toBe('pass');
      expect(f?.evidence).toMatchObject({ operator: 'LAB\\ferry-lab', hyperVAdministrators: 'yes', administrators: 'unknown', nestedGroups: 'LAB\\Domain Admins' });
    }
    expect(get('identity.operator-delegation-rights')).toMatchObject({ severity: 'info', evidence: { user: 'ferry-lab@lab.example', privilegedGroups: 'Domain Admins' } });
    expect(get('identity.operator-groups')).toBeUndefined();
  });

  it('operator taken out of Hyper-V Administrators on HV02: fail with the Add-LocalGroupMember fix; nested Domain Admins confirmed from the directory on HV01', async () => {
    await setLocalGroup(lab, 'HV02', SID_HYPERV_ADMINISTRATORS, { members: [] });
    await setLocalGroup(lab, 'HV02', SID_ADMINISTRATORS, { members: [] });
    await setLocalGroup(lab, 'HV01', SID_HYPERV_ADMINISTRATORS, { members: [] });
    const { get, report } = await test();
    const dst = get('identity.operator-local.destination');
    expect(dst?.severity).toBe('fail');
    expect(dst?.fix.command).toBe("Invoke-Command -ComputerName 'HV02' -ScriptBlock { Add-LocalGroupMember -SID 'S-1-5-32-578' -Member 'LAB\\ferry-lab' }");
    // HV01: only via LAB\Domain Admins in Administrators, and the directory shows ferry-lab in Domain Admins.
    expect(get('identity.operator-local.source')).toMatchObject({ severity: 'pass', evidence: { via: 'LAB\\Domain Admins', hyperVAdministrators: 'no' } });
    expect(report.findings.filter((f) => f.severity === 'fail').map((f) => f.id)).toContain('identity.operator-local.destination');
  });

  it('an unreachable destination: the rights are unreadable (info), not a crash', async () => {
    await initLab(lab);
    await setFault(lab, 'HV02', { unreachable: true });
    const { get } = await test();
    expect(get('identity.operator-local.destination')).toMatchObject({ severity: 'info', params: { variant: 'unreadable' } });
    expect(get('identity.operator-local.source')?.severity).toBe('pass');
    await setFault(lab, 'HV02', null);
  });
});
