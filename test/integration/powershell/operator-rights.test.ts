/**
 * get-operator-rights.ps1 in real pwsh against the HyperVLab module: the lab operator is a
 * Hyper-V Administrator by default; the state switch takes it out; nested domain groups make
 * 'unknown'; a localized group name changes nothing (lookup is by SID); faults become errors.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LAB_OPERATOR, SID_ADMINISTRATORS, SID_HYPERV_ADMINISTRATORS, initLab, setLocalGroup } from '../../../electron/services/lab/lab-init';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { PowerShellPool, PowerShellScriptError } from '../../../electron/services/powershell/pool';

const Rights = z.object({
  computerName: z.string(),
  user: z.string(),
  hyperVAdministrators: z.enum(['yes', 'no', 'unknown']),
  administrators: z.enum(['yes', 'no', 'unknown']),
  nestedGroups: z.array(z.string()),
  error: z.string().optional(),
});

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-lab-op-'));
let pool: PowerShellPool;
const rights = (data: Record<string, unknown>) => pool.run('get-operator-rights.ps1', data, { schema: Rights });

beforeAll(async () => {
  await initLab(lab);
  pool = new PowerShellPool({ size: 2, labDir: lab });
});

afterEach(async () => {
  await initLab(lab);
});

afterAll(async () => {
  await pool.dispose();
  rmSync(lab, { recursive: true, force: true });
});

describe('get-operator-rights.ps1 (lab)', () => {
  it('reports the session account as a Hyper-V Administrator on both default hosts', async () => {
    for (const host of ['HV01', 'hv02.lab.example']) {
      const r = await rights({ computerName: host });
      expect(r.user).toBe(LAB_OPERATOR);
      expect(r.hyperVAdministrators).toBe('yes');
      // Administrators holds LAB\Domain Admins: the host cannot expand it, so it says unknown.
      expect(r.administrators).toBe('unknown');
      expect(r.nestedGroups).toEqual(['LAB\\Domain Admins']);
    }
    // Bare and UPN names match by their account part.
    expect((await rights({ computerName: 'HV01', user: 'ferry-lab' })).hyperVAdministrators).toBe('yes');
    expect((await rights({ computerName: 'HV01', user: 'FERRY-LAB@lab.example' })).hyperVAdministrators).toBe('yes');
  });

  it('says no once the operator is taken out and Administrators has no nested group', async () => {
    await setLocalGroup(lab, 'HV02', SID_HYPERV_ADMINISTRATORS, { members: [] });
    await setLocalGroup(lab, 'HV02', SID_ADMINISTRATORS, { members: [{ name: 'HV02\\Administrator', sid: 'S-1-5-21-1-1-1-500', objectClass: 'User', principalSource: 'Local' }] });
    const r = await rights({ computerName: 'HV02' });
    expect([r.hyperVAdministrators, r.administrators, r.nestedGroups]).toEqual(['no', 'no', []]);
    expect((await rights({ computerName: 'HV01' })).hyperVAdministrators).toBe('yes');
    // Another user is not the operator.
    expect((await rights({ computerName: 'HV01', user: 'LAB\\mallory' })).hyperVAdministrators).toBe('no');
  });

  it('finds the group by SID when its name is localized', async () => {
    await setLocalGroup(lab, 'HV01', SID_HYPERV_ADMINISTRATORS, { name: 'Hyper-V-Administratoren' });
    expect((await rights({ computerName: 'HV01' })).hyperVAdministrators).toBe('yes');
  });

  it('a nested domain group in Hyper-V Administrators makes it unknown, not yes or no', async () => {
    await setLocalGroup(lab, 'HV01', SID_HYPERV_ADMINISTRATORS, {
      members: [{ name: 'LAB\\HyperV-Ops', sid: 'S-1-5-21-2000-2000-2000-3001', objectClass: 'Group', principalSource: 'ActiveDirectory' }],
    });
    const r = await rights({ computerName: 'HV01' });
    expect(r.hyperVAdministrators).toBe('unknown');
    expect(r.nestedGroups).toContain('LAB\\HyperV-Ops');
  });

  it('a hostile user value is data: no match, nothing runs', async () => {
    const marker = path.join(lab, 'pwned');
    for (const user of [`$(Set-Content -Path '${marker}' -Value x)`, `x'; Set-Content -Path '${marker}' -Value x; '`, '*', 'LAB\\*']) {
      const r = await rights({ computerName: 'HV01', user });
      expect([r.user, r.hyperVAdministrators], user).toEqual([user, 'no']);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('an unreachable or denying host is an error with the code the host read would give', async () => {
    await setFault(lab, 'HV02', { unreachable: true });
    const e = await rights({ computerName: 'HV02' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PowerShellScriptError);
    expect((e as PowerShellScriptError).code).toBe('unreachable');
    await setFault(lab, 'HV02', { accessDenied: true });
    expect(((await rights({ computerName: 'HV02' }).catch((x: unknown) => x)) as PowerShellScriptError).code).toBe('access-denied');
  });
});
