/**
 * Ferry's directory code against a real AD DC (Samba on loopback), checked with samba-tool and
 * Kerberos — readers and a KDC that are not Ferry's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHost, DOMAIN_DN, startSambaDc, type SambaDc } from '../../support/samba-dc';
import { s4uProxy } from '../../support/kerberos-proof';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { discoverHyperVHosts, resolveComputer } from '../../../electron/services/directory/computer-accounts';
import { createLdapExecutor } from '../../../electron/engine/directory-executor';
import { planDelegationFor, planDelegationRemovalFor } from '../../../electron/engine/directory-planner';
import { DirectoryError } from '../../../electron/services/directory/directory-error';
import { createDirectoryHandlers } from '../../../electron/main/handlers/directory-handlers';
import { UserFacingError } from '../../../electron/main/ipc-dispatch';
import type { PlanStep } from '../../../electron/core/model';

const HOST_PW = 'Hv-Machine-Pw-1!';
const UNRELATED = 'cifs/fileserver.lab.example';
let dc: SambaDc;
let session: DirectorySession;

async function connect(extra: Partial<Parameters<typeof connectDirectory>[0]> = {}): Promise<DirectorySession> {
  return connectDirectory({ url: dc.ldapsUrl, bindUser: dc.bindUser, password: dc.password, caFile: dc.caFile, tlsServerName: 'DC1.lab.example', ...extra });
}

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
  const outcomes = [];
  for (const s of steps.filter((x) => x.channel === 'ldap')) outcomes.push(await exec.execute(s, new AbortController().signal));
  return outcomes;
}

const show = (name: string) => dc.tool(['delegation', 'show', `${name}$`]);
const proof = (service: string) => s4uProxy(dc.krb5Conf, dc.dir, { principal: 'HV01$@LAB.EXAMPLE', password: HOST_PW }, 'alice', service);

beforeAll(async () => {
  dc = await startSambaDc();
  await addHost(dc, 'HV01', { scp: true });
  await addHost(dc, 'HV02', { scp: true, migrationSpn: false });
  await addHost(dc, 'HV03', { scp: false });
  await addHost(dc, 'FS01', { scp: false, migrationSpn: false });
  await dc.tool(['user', 'setpassword', 'HV01$', `--newpassword=${HOST_PW}`]);
  await dc.tool(['user', 'setpassword', 'HV02$', `--newpassword=${HOST_PW}`]);
  await dc.tool(['user', 'create', 'alice', 'Alice-Pw-123!']);
  await dc.tool(['delegation', 'add-service', 'HV01$', UNRELATED]);
  session = await connect();
}, 180_000);

afterAll(async () => {
  await session?.close();
  await dc?.stop();
});

describe('connecting to Samba AD', () => {
  it('reads the RootDSE over verified LDAPS', () => {
    expect(session.info.defaultNamingContext).toBe('DC=lab,DC=example');
    expect(session.info.dnsDomain).toBe('lab.example');
  });
  it('works with StartTLS too', async () => {
    const s = await connect({ url: 'ldap://127.0.0.1:389', startTls: true });
    expect(s.info.dnsDomain).toBe('lab.example');
    await s.close();
  });
  it('says what is wrong in the admin\'s words', async () => {
    expect(await code(connect({ password: 'wrong' }))).toBe('bad-credentials');
    expect(await code(connect({ caFile: undefined }))).toBe('certificate-untrusted');
    expect(await code(connect({ tlsServerName: 'other.lab.example' }))).toBe('certificate-untrusted');
    expect(await code(connect({ url: 'ldap://127.0.0.1:389' }))).toBe('tls-required');
    expect(await code(connect({ url: 'ldaps://127.0.0.1:1' }))).toBe('unreachable');
  });
});

describe('discovery and resolution', () => {
  it('finds hosts by SCP and by migration SPN, not other computers', async () => {
    const hosts = await discoverHyperVHosts(session);
    expect(hosts.map((h) => [h.name, h.hasHyperVScp])).toEqual([
      ['HV01', true],
      ['HV02', true],
      ['HV03', false],
    ]);
    expect(hosts[0]).toMatchObject({ dnsHostName: 'hv01.lab.example', operatingSystem: 'Windows Server 2022 Datacenter', enabled: true });
    expect(hosts[0]?.allowedToDelegateTo).toEqual([UNRELATED]);
  });
  it('resolves typed names and says when nothing matches', async () => {
    expect((await resolveComputer(session, 'hv02')).dn).toBe('CN=HV02,CN=Computers,DC=lab,DC=example');
    expect((await resolveComputer(session, 'HV02.lab.example')).samAccountName).toBe('HV02$');
    expect(await code(resolveComputer(session, 'HV99'))).toBe('not-found');
    expect(await code(resolveComputer(session, 'hv02.other.example'))).toBe('not-found');
  });
  it('rejects hostile names before they reach LDAP', async () => {
    for (const bad of ['*', 'HV0*', 'HV01)(objectClass=*', 'CN=HV01,CN=Computers', 'HV01\u0000', 'hv01 ; x']) {
      expect(await code(resolveComputer(session, bad))).toBe('invalid-input');
    }
  });
});

describe('delegation apply / re-apply / remove', () => {
  it('before apply the KDC refuses S4U2Proxy to cifs on HV02', async () => {
    const r = await proof('cifs/hv02.lab.example');
    expect(r.ok, r.out).toBe(false);
    expect(r.out).not.toMatch(/^kinit:/);
  });

  it('applies both directions, verified by samba-tool and Kerberos; unrelated entry survives', async () => {
    const plan = await planDelegationFor(session, 'HV01', 'HV02');
    expect(plan.warnings.map((w) => [w.code, w.target])).toEqual([['missing-spn', 'HV02']]);
    const outcomes = await runSteps(plan.steps);
    expect(outcomes.every((o) => o.verified)).toBe(true);
    expect(outcomes.filter((o) => o.ferrySetFlag)).toHaveLength(2);
    const hv01 = await show('HV01');
    expect(hv01).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: True');
    expect(hv01).toContain('UF_TRUSTED_FOR_DELEGATION: False');
    for (const v of ['cifs/HV02', 'cifs/hv02.lab.example', 'Microsoft Virtual System Migration Service/HV02', 'Microsoft Virtual System Migration Service/hv02.lab.example', UNRELATED]) {
      expect(hv01).toContain(`msDS-AllowedToDelegateTo: ${v}`);
    }
    expect(await show('HV02')).toContain('msDS-AllowedToDelegateTo: cifs/hv01.lab.example');
    const r = await proof('cifs/hv02.lab.example');
    expect(r.ok, r.out).toBe(true);
  });

  it('re-applying plans nothing', async () => {
    const again = await planDelegationFor(session, 'HV01', 'HV02');
    expect(again.steps).toEqual([]);
  });

  it('a stale userAccountControl swap fails instead of overwriting', async () => {
    const hv02 = await resolveComputer(session, 'HV02');
    expect(await code(session.swapValue(hv02.dn, 'userAccountControl', '4096', '4096'))).toBe('conflict');
  });

  it('removes only Ferry entries; the flag only where nothing is left', async () => {
    const plan = await planDelegationRemovalFor(session, 'HV01', 'HV02', true, () => true);
    const outcomes = await runSteps(plan.steps);
    expect(outcomes.every((o) => o.verified)).toBe(true);
    const hv01 = await show('HV01');
    expect(hv01).toContain(`msDS-AllowedToDelegateTo: ${UNRELATED}`);
    expect(hv01).not.toContain('cifs/hv02');
    expect(hv01).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: True');
    const hv02 = await show('HV02');
    expect(hv02).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: False');
    expect(hv02).not.toContain('msDS-AllowedToDelegateTo');
    const r = await proof('cifs/hv02.lab.example');
    expect(r.ok, r.out).toBe(false);
    expect(r.out).not.toMatch(/^kinit:/);
  });
});

describe('a connection the DC closes', () => {
  // Samba, like AD, reads MaxConnIdleTime from the Default Query Policy; 2 s stands in for AD's 15 min.
  const policy = `CN=Default Query Policy,CN=Query-Policies,CN=Directory Service,CN=Windows NT,CN=Services,CN=Configuration,${DOMAIN_DN}`;
  const idleLimit = (from: number, to: number) =>
    dc.ldbmodify(`dn: ${policy}\nchangetype: modify\ndelete: lDAPAdminLimits\nlDAPAdminLimits: MaxConnIdleTime=${from}\n-\nadd: lDAPAdminLimits\nlDAPAdminLimits: MaxConnIdleTime=${to}\n`);

  it('ends the session with a message to connect again, never answering unbound', async () => {
    await idleLimit(900, 2);
    try {
      const idle = await connect();
      expect((await discoverHyperVHosts(idle)).map((h) => h.name)).toContain('HV01');
      // The same through the IPC handlers the window talks to (the DC's address needs the
      // certificate name, which only the lab-connect path takes; `lab` only marks the info).
      const handlers = createDirectoryHandlers();
      await handlers.connectLab({ url: dc.ldapsUrl, bindUser: dc.bindUser, password: dc.password, caFile: dc.caFile, tlsServerName: 'DC1.lab.example' });
      expect((await handlers['hosts:discover']({})).hosts.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 5000)); // well past the DC's idle limit: it closes both connections
      const answer = await handlers['hosts:discover']({}).catch((e: unknown) => e);
      expect(answer).toBeInstanceOf(UserFacingError);
      expect((answer as UserFacingError).code).toBe('session-ended');
      expect((answer as UserFacingError).message).toContain('Connect again');
      // The handlers dropped the dead session: later calls ask for a connect, not a dead read.
      expect(handlers.currentDirectory()).toBeUndefined();
      expect(await handlers['hosts:discover']({}).catch((e: unknown) => (e as Error).message)).toBe('Connect to the directory first.');
      await handlers.dispose();
      let thrown: unknown;
      await discoverHyperVHosts(idle).catch((e: unknown) => { thrown = e; });
      expect(thrown).toBeInstanceOf(DirectoryError);
      expect((thrown as DirectoryError).code).toBe('session-ended');
      expect((thrown as DirectoryError).message).toContain('Connect again');
      // Ended for good: a modify is refused before anything is sent.
      const hv03 = await resolveComputer(session, 'HV03');
      expect(await code(idle.addValue(hv03.dn, 'msDS-AllowedToDelegateTo', 'cifs/never.lab.example'))).toBe('session-ended');
      expect(await show('HV03')).not.toContain('cifs/never');
      await idle.close();
    } finally {
      await idleLimit(2, 900);
    }
    // A new connect works as before.
    const fresh = await connect();
    expect((await discoverHyperVHosts(fresh)).length).toBeGreaterThan(0);
    await fresh.close();
  });
});
