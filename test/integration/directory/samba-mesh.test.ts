/**
 * A group's full-mesh delegation against a real AD DC (Samba on loopback), checked by readers
 * that are not Ferry's: samba-tool and the KDC (S4U2Proxy). Five hosts, one LDAP modify per
 * account; an unrelated delegation survives; taking one host out leaves the other four meshed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../electron/core/model';
import { applyPlan } from '../../../electron/engine/apply';
import { createLdapExecutor } from '../../../electron/engine/directory-executor';
import { planGroupDelegationFor, planGroupDelegationRemovalFor } from '../../../electron/engine/directory-planner';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { countingDirectory } from '../../support/counting-directory';
import { s4uProxy } from '../../support/kerberos-proof';
import { addHosts, startSambaDc, type SambaDc } from '../../support/samba-dc';

const HOSTS = ['HV01', 'HV02', 'HV03', 'HV04', 'HV05'];
const HOST_PW = 'Hv-Machine-Pw-1!';
const UNRELATED = 'cifs/fileserver.lab.example';
const MESH = { kind: 'mesh' } as const;
let dc: SambaDc;
let session: DirectorySession;
const modifies: string[] = [];

const services = (host: string) =>
  [host, `${host.toLowerCase()}.lab.example`].flatMap((n) => [`cifs/${n}`, `Microsoft Virtual System Migration Service/${n}`]);
const show = (name: string) => dc.tool(['delegation', 'show', `${name}$`]);
const proof = (service: string) => s4uProxy(dc.krb5Conf, dc.dir, { principal: 'HV01$@LAB.EXAMPLE', password: HOST_PW }, 'alice', service);
const apply = (steps: Plan['steps']) =>
  applyPlan({ id: 'mesh', createdAt: new Date().toISOString(), hosts: HOSTS, steps, warnings: [] }, { powershell: { execute: () => Promise.reject(new Error('no PowerShell here')) }, ldap: createLdapExecutor(session) }, { user: 'test' });

beforeAll(async () => {
  dc = await startSambaDc();
  await addHosts(dc, HOSTS);
  // A password gives an account its Kerberos keys: HV01 signs in for the proof, the others are its targets.
  for (const h of ['HV01', 'HV02', 'HV03', 'HV05']) await dc.tool(['user', 'setpassword', `${h}$`, `--newpassword=${HOST_PW}`]);
  await dc.tool(['user', 'create', 'alice', 'Alice-Pw-123!']);
  await dc.tool(['delegation', 'add-service', 'HV01$', UNRELATED]);
  session = countingDirectory(await connectDirectory({ url: dc.ldapsUrl, bindUser: dc.bindUser, password: dc.password, caFile: dc.caFile, tlsServerName: 'DC1.lab.example' }), modifies);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await dc?.stop();
});

describe('full mesh of 5 hosts', () => {
  it('is written with one modify per account and confirmed by samba-tool for each account', async () => {
    const plan = await planGroupDelegationFor(session, HOSTS, MESH, false);
    // 4 others × 4 entries, and the protocol-transition flag, per account.
    expect(plan.steps.filter((s) => s.kind === 'delegation-add')).toHaveLength(5 * 16);
    expect(plan.steps.filter((s) => s.kind === 'uac-set')).toHaveLength(5);
    modifies.length = 0;
    const r = await apply(plan.steps);
    expect(r.ok, JSON.stringify(r.results.find((x) => x.status !== 'done'))).toBe(true);
    expect(modifies).toHaveLength(5);
    expect(new Set(modifies).size).toBe(5);
    for (const h of HOSTS) {
      const out = await show(h);
      expect(out).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: True');
      for (const other of HOSTS.filter((o) => o !== h)) for (const v of services(other)) expect(out, `${h} → ${v}`).toContain(`msDS-AllowedToDelegateTo: ${v}`);
      expect(out).not.toContain(`msDS-AllowedToDelegateTo: cifs/${h}\n`);
    }
    expect(await show('HV01')).toContain(`msDS-AllowedToDelegateTo: ${UNRELATED}`);
    expect((await planGroupDelegationFor(session, HOSTS, MESH, false)).steps).toEqual([]);
  });

  it('the KDC grants S4U2Proxy for a sample pair (HV01 → cifs on HV03)', async () => {
    const r = await proof('cifs/hv03.lab.example');
    expect(r.ok, r.out).toBe(true);
  });

  it('taking HV05 out removes exactly its entries: the other four stay meshed, the unrelated entry stays', async () => {
    const removal = await planGroupDelegationRemovalFor(session, HOSTS, MESH, () => true, { includeKlistPurge: false, onlyWith: 'HV05' });
    modifies.length = 0;
    const r = await apply(removal.steps);
    expect(r.ok, JSON.stringify(r.results.find((x) => x.status !== 'done'))).toBe(true);
    expect(modifies).toHaveLength(5);
    const rest = HOSTS.filter((h) => h !== 'HV05');
    for (const h of rest) {
      const out = await show(h);
      for (const other of rest.filter((o) => o !== h)) for (const v of services(other)) expect(out, `${h} → ${v}`).toContain(`msDS-AllowedToDelegateTo: ${v}`);
      for (const v of services('HV05')) expect(out).not.toContain(`msDS-AllowedToDelegateTo: ${v}`);
      expect(out).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: True');
    }
    const hv05 = await show('HV05');
    expect(hv05).not.toContain('msDS-AllowedToDelegateTo');
    expect(hv05).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: False');
    expect(await show('HV01')).toContain(`msDS-AllowedToDelegateTo: ${UNRELATED}`);
    expect((await proof('cifs/hv02.lab.example')).ok).toBe(true);
    const gone = await proof('cifs/hv05.lab.example');
    expect(gone.ok, gone.out).toBe(false);
    expect(gone.out).not.toMatch(/^kinit:/);
  });
});
