/**
 * Issue 14 item 1 against a real AD DC (Samba on loopback): the duplicate-SPN count and the RBCD
 * descriptor as Ferry reads them, checked against what Samba's own tools wrote.
 * - A duplicate migration SPN (Samba refuses one over LDAP, as Windows 2012 R2+ DCs do, so the
 *   test writes it past the DC's modules, as an older DC or a replication collision leaves it):
 *   Ferry's LDAP count sees both objects and the pair test's duplicate-SPN rule fails naming both.
 * - An SPN held only by another account (the "wrong account" cause of 0x80090322) fails too.
 * - RBCD written by `samba-tool delegation add-principal`: Ferry's reader finds the source's SID
 *   in the destination's msDS-AllowedToActOnBehalfOfOtherIdentity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts } from '../../../electron/core/model';
import { runMigrationTest, type MigrationTestDeps } from '../../../electron/engine/migration-test';
import { resolveComputer } from '../../../electron/services/directory/computer-accounts';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { readSpnHolders } from '../../../electron/services/directory/spn-holders';
import { addHost, addHosts, DOMAIN_DN, startSambaDc, type SambaDc } from '../../support/samba-dc';
import { host } from '../../unit/preflight/fixtures';

const MIG = 'Microsoft Virtual System Migration Service';
let dc: SambaDc;
let session: DirectorySession;

beforeAll(async () => {
  dc = await startSambaDc();
  await addHosts(dc, ['HV01', 'HV02']);
  // HV03 registers no migration SPN itself; a stale account holds its FQDN one.
  await addHost(dc, 'HV03', { migrationSpn: false, scp: true });
  await dc.tool(['computer', 'create', 'HV02-OLD']);
  await dc.tool(['computer', 'create', 'HV03-OLD']);
  await dc.tool(['spn', 'add', `${MIG}/hv03.lab.example`, 'HV03-OLD$']);
  session = await connectDirectory({ url: dc.ldapsUrl, bindUser: dc.bindUser, password: dc.password, caFile: dc.caFile, tlsServerName: 'DC1.lab.example' });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await dc?.stop();
});

/** The pair test with the real directory; hosts, ports and Compare-VM answer as ready lab hosts would. */
function deps(): MigrationTestDeps {
  const facts = (name: string): HostFacts => ({ ...host(name), domain: 'lab.example' });
  return {
    readHosts: async (names) => names.map(facts),
    readAccount: async (name) => resolveComputer(session, name).catch(() => undefined),
    readSpnHolders: (hosts) => readSpnHolders(session, hosts, session.info.dnsDomain),
    compareVm: async (_s, vm) => ({ name: vm, incompatibilities: [] }),
    checkPorts: async (_f, _t, ports) => ports.map((port) => ({ port, open: true })),
    now: () => new Date(),
    user: 'test',
    dnsDomain: session.info.dnsDomain,
  };
}

describe('duplicate SPNs in Samba AD', () => {
  it('Samba itself refuses a duplicate over LDAP (so the test writes it past the DC modules)', async () => {
    await expect(dc.tool(['spn', 'add', `${MIG}/HV02`, 'HV02-OLD$'])).rejects.toThrow();
  });

  it('one owner: the count finds exactly HV02 for its SPNs and the rule passes', async () => {
    const hv02 = await resolveComputer(session, 'HV02');
    const holdings = await readSpnHolders(session, [{ host: 'HV02', account: hv02 }], 'lab.example');
    expect(holdings.find((h) => h.spn === `${MIG}/HV02`)?.holders).toEqual([hv02.dn]);
    expect(holdings.find((h) => h.spn === 'cifs/HV02')?.holders).toEqual([]);
    const report = await runMigrationTest(deps(), { source: 'HV01', destination: 'HV02' });
    expect(report.findings.find((f) => f.id === 'identity.duplicate-spn')?.severity).toBe('pass');
  });

  it('a second holder of HV02\'s migration SPN: the LDAP count sees both and the pair test fails naming them', async () => {
    await dc.ldbmodifyRaw(`dn: CN=HV02-OLD,CN=Computers,${DOMAIN_DN}\nchangetype: modify\nadd: servicePrincipalName\nservicePrincipalName: ${MIG}/HV02\n`);
    const hv02 = await resolveComputer(session, 'HV02');
    const holdings = await readSpnHolders(session, [{ host: 'HV02', account: hv02 }], 'lab.example');
    expect(holdings.find((h) => h.spn === `${MIG}/HV02`)?.holders.map((d) => d.toUpperCase()).sort()).toEqual([`CN=HV02,CN=COMPUTERS,${DOMAIN_DN.toUpperCase()}`, `CN=HV02-OLD,CN=COMPUTERS,${DOMAIN_DN.toUpperCase()}`]);
    const report = await runMigrationTest(deps(), { source: 'HV01', destination: 'HV02' });
    const f = report.findings.find((x) => x.id === 'identity.duplicate-spn');
    expect(f?.severity).toBe('fail');
    expect(f?.evidence.spnHoldersDestination).toMatch(/CN=HV02-OLD,CN=Computers/i);
    expect(f?.evidence.spnHoldersSource).toBe('unique');
    expect(f?.fix.command).toBe(`setspn -D "${MIG}/HV02" "HV02-OLD"; setspn -X`);
  });

  it('an SPN held only by another account (HV03-OLD holds HV03\'s) fails as the wrong account', async () => {
    const report = await runMigrationTest(deps(), { source: 'HV01', destination: 'HV03' });
    const f = report.findings.find((x) => x.id === 'identity.duplicate-spn');
    expect(f?.severity).toBe('fail');
    expect(f?.fix.command).toContain(`setspn -D "${MIG}/hv03.lab.example" "HV03-OLD"`);
  });
});

describe('resource-based delegation written by samba-tool', () => {
  it('Ferry reads the SIDs it allows: HV01 on HV02\'s account, nothing on HV01\'s', async () => {
    await dc.tool(['delegation', 'add-principal', 'HV02$', 'HV01$']);
    const [hv01, hv02] = [await resolveComputer(session, 'HV01'), await resolveComputer(session, 'HV02')];
    expect(hv01.objectSid).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/);
    expect(hv02.allowedToActOnBehalfOf).toEqual([hv01.objectSid]);
    expect(hv01.allowedToActOnBehalfOf).toEqual([]);
    // samba-tool resolves the trustee SIDs to DNs: the same principal Ferry read by SID.
    expect(await dc.tool(['delegation', 'show', 'HV02$'])).toContain(`msDS-AllowedToActOnBehalfOfOtherIdentity: ${hv01.dn}`);
  });
});
