/**
 * The lab directory served to Ferry's real directory code (same service, planner and executor
 * as against Samba AD).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hyperVSpns, startLabDirectory, syntheticLabHosts, type LabDirectory } from '../../../electron/services/lab/directory/lab-directory';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { discoverHyperVHosts, resolveComputer } from '../../../electron/services/directory/computer-accounts';
import { DirectoryError } from '../../../electron/services/directory/directory-error';
import { createLdapExecutor } from '../../../electron/engine/directory-executor';
import { planDelegationFor, planDelegationRemovalFor } from '../../../electron/engine/directory-planner';
import type { PlanStep } from '../../../electron/core/model';

let lab: LabDirectory;
let session: DirectorySession;
const UNRELATED = 'cifs/fileserver.lab.example';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof DirectoryError ? e.code : `other: ${String(e)}`;
  }
}
async function runSteps(steps: readonly PlanStep[]) {
  const exec = createLdapExecutor(session);
  const out = [];
  for (const s of steps.filter((x) => x.channel === 'ldap')) out.push(await exec.execute(s, new AbortController().signal));
  return out;
}

beforeAll(async () => {
  lab = await startLabDirectory({
    domain: 'lab.example',
    hosts: [
      { name: 'HV01', dnsHostName: 'hv01.lab.example', os: 'Windows Server 2022 Datacenter', spns: hyperVSpns('HV01', 'hv01.lab.example'), scp: true, allowedToDelegateTo: [UNRELATED] },
      { name: 'HV02', dnsHostName: 'hv02.lab.example', spns: hyperVSpns('HV02', 'hv02.lab.example'), scp: true },
      { name: 'HV03', spns: ['Microsoft Virtual System Migration Service/HV03'], scp: false },
      { name: 'FS01', dnsHostName: 'fs01.lab.example', spns: ['HOST/FS01'], scp: false },
    ],
  });
  session = await connectDirectory({ url: lab.url, bindUser: lab.bindUser, password: lab.password, lab: true });
});
afterAll(async () => {
  await session?.close();
  await lab?.stop();
});

describe('lab directory', () => {
  it('serves RootDSE and refuses bad passwords and non-lab plain LDAP', async () => {
    expect(session.info).toMatchObject({ defaultNamingContext: 'DC=lab,DC=example', dnsDomain: 'lab.example', lab: true });
    expect(await code(connectDirectory({ url: lab.url, bindUser: lab.bindUser, password: 'nope', lab: true }))).toBe('bad-credentials');
    expect(await code(connectDirectory({ url: lab.url, bindUser: lab.bindUser, password: lab.password }))).toBe('tls-required');
  });
  it('discovers by SCP and SPN, resolves names, rejects hostile ones', async () => {
    const hosts = await discoverHyperVHosts(session);
    expect(hosts.map((h) => [h.name, h.hasHyperVScp])).toEqual([['HV01', true], ['HV02', true], ['HV03', false]]);
    expect((await resolveComputer(session, 'hv02.lab.example')).name).toBe('HV02');
    expect(await code(resolveComputer(session, 'HV09'))).toBe('not-found');
    expect(await code(resolveComputer(session, '*)(cn=*'))).toBe('invalid-input');
  });
  it('applies, re-applies as a no-op and removes only Ferry entries', async () => {
    const plan = await planDelegationFor(session, 'HV01', 'HV03');
    expect(plan.warnings.map((w) => w.code)).toEqual(['no-dns-host-name']);
    expect((await runSteps(plan.steps)).every((o) => o.verified)).toBe(true);
    expect((await planDelegationFor(session, 'HV01', 'HV03')).steps).toEqual([]);
    const hv01 = await resolveComputer(session, 'HV01');
    expect(hv01.allowedToDelegateTo).toContain('Microsoft Virtual System Migration Service/hv03.lab.example');
    expect(hv01.userAccountControl).toBe(0x1001000);
    const removal = await planDelegationRemovalFor(session, 'HV01', 'HV03', true, () => true);
    expect((await runSteps(removal.steps)).every((o) => o.verified)).toBe(true);
    expect((await resolveComputer(session, 'HV01')).allowedToDelegateTo).toEqual([UNRELATED]);
    expect((await resolveComputer(session, 'HV03')).userAccountControl).toBe(0x1000);
  });
  it('has AD semantics for duplicate adds, missing deletes and stale UAC swaps', async () => {
    const dn = (await resolveComputer(session, 'HV02')).dn;
    await session.addValue(dn, 'msDS-AllowedToDelegateTo', 'cifs/X');
    expect(await code(session.addValue(dn, 'msDS-AllowedToDelegateTo', 'CIFS/x'))).toBe('conflict');
    await session.deleteValue(dn, 'msDS-AllowedToDelegateTo', 'cifs/X');
    expect(await code(session.deleteValue(dn, 'msDS-AllowedToDelegateTo', 'cifs/X'))).toBe('conflict');
    expect(await code(session.swapValue(dn, 'userAccountControl', '1234', '4096'))).toBe('conflict');
  });
  it('pages through 5,000 computers (2,000 Hyper-V hosts)', async () => {
    const big = await startLabDirectory({ hosts: syntheticLabHosts(5000, 2000) });
    const s = await connectDirectory({ url: big.url, bindUser: big.bindUser, password: big.password, lab: true });
    try {
      const hosts = await discoverHyperVHosts(s);
      expect(hosts).toHaveLength(2000);
      expect(hosts.every((h) => h.hasHyperVScp)).toBe(true);
    } finally {
      await s.close();
      await big.stop();
    }
  });
});
