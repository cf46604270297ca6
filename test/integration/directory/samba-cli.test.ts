/**
 * `ferry discover` and `ferry delegation` end to end: the built CLI (dist/cli/ferry.cjs) against a
 * throw-away Samba AD DC, checked with samba-tool. Like the other directory files, this one starts
 * its own DC in beforeAll and stops it in afterAll; the integration project runs files one at a
 * time, so two DCs never run at once.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHost, startSambaDc, type SambaDc } from '../../support/samba-dc';

const CLI = path.resolve('dist/cli/ferry.cjs');
const UNRELATED = 'cifs/fileserver.lab.example';
let dc: SambaDc;
let work: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

function ferry(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const base: Record<string, string | undefined> = { ...process.env, FERRY_LDAP_PASSWORD: dc.password, ...env };
  for (const [k, v] of Object.entries(base)) if (v === undefined) delete base[k];
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: base, maxBuffer: 1 << 24, timeout: 60_000 }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, out, err });
    });
    child.stdin?.end(); // not a TTY: no prompt can hang the test
  });
}

const conn = () => ['--ldap-url', dc.ldapsUrl, '--bind-user', dc.bindUser, '--ca-file', dc.caFile, '--tls-server-name', 'DC1.lab.example'];
const pair = ['--source', 'HV01', '--destination', 'HV02'];
const show = (name: string) => dc.tool(['delegation', 'show', `${name}$`]);
const snapshot = async () => `${await show('HV01')}\n${await show('HV02')}`;

beforeAll(async () => {
  expect(existsSync(CLI), 'build first: node scripts/build.mjs cli assets').toBe(true);
  dc = await startSambaDc();
  await addHost(dc, 'HV01', { scp: true });
  await addHost(dc, 'HV02', { scp: true });
  await addHost(dc, 'FS01', { scp: false, migrationSpn: false });
  await dc.tool(['delegation', 'add-service', 'HV01$', UNRELATED]);
  work = mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-dir-'));
}, 180_000);

afterAll(async () => {
  await dc?.stop();
});

describe('ferry discover', () => {
  it('lists the Hyper-V hosts as JSON (exit 0)', async () => {
    const r = await ferry(['discover', ...conn(), '--json']);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as { directory: Record<string, unknown>; hosts: { account: Record<string, unknown>; delegationState: string; source: string }[] };
    expect(doc.directory).toMatchObject({ defaultNamingContext: 'DC=lab,DC=example', dnsDomain: 'lab.example', lab: false });
    expect(JSON.stringify(doc)).not.toContain(dc.password);
    expect(doc.hosts.map((h) => [h.account.name, h.account.hasHyperVScp, h.delegationState, h.source])).toEqual([
      ['HV01', true, 'none', 'directory'],
      ['HV02', true, 'none', 'directory'],
    ]);
    expect(doc.hosts[0]?.account.allowedToDelegateTo).toEqual([UNRELATED]);
  });

  it('prints a table without --json', async () => {
    const r = await ferry(['discover', ...conn()]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^2 Hyper-V host\(s\) in lab\.example/);
    expect(r.out).toMatch(/HV01\s+hv01\.lab\.example/);
  });

  it('takes the password only from FERRY_LDAP_PASSWORD', async () => {
    const asArg = await ferry(['discover', ...conn(), '--password', dc.password]);
    expect(asArg.code).toBe(2);
    expect(asArg.err).toMatch(/password/i);
    const none = await ferry(['discover', ...conn()], { FERRY_LDAP_PASSWORD: undefined });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/FERRY_LDAP_PASSWORD/);
    const wrong = await ferry(['discover', ...conn()], { FERRY_LDAP_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/invalid credentials/);
    expect(wrong.err + wrong.out).not.toContain('not-the-password');
  });

  it('exit 1 for an untrusted certificate or no server; exit 2 for bad usage', async () => {
    const noCa = await ferry(['discover', '--ldap-url', dc.ldapsUrl, '--bind-user', dc.bindUser, '--tls-server-name', 'DC1.lab.example']);
    expect(noCa.code).toBe(1);
    expect(noCa.err).toMatch(/certificate is not trusted/);
    const down = await ferry(['discover', '--ldap-url', 'ldaps://127.0.0.1:1', '--bind-user', dc.bindUser, '--ca-file', dc.caFile]);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/cannot be reached/);
    expect((await ferry(['discover', '--bind-user', dc.bindUser])).code).toBe(2);
    expect((await ferry(['discover', ...conn(), 'extra'])).code).toBe(2);
    const clear = await ferry(['discover', '--ldap-url', 'ldap://127.0.0.1:389', '--bind-user', dc.bindUser]);
    expect(clear.code).toBe(1);
    expect(clear.err).toMatch(/clear text/);
  });

  it('--integrated says clearly that it needs Windows (exit 1) and refuses password options (exit 2)', async () => {
    const r = await ferry(['discover', '--ldap-url', 'ldap://127.0.0.1', '--integrated', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Integrated Windows authentication needs a domain-joined Windows workstation/);
    expect(r.out).toBe('');
    const mixed = await ferry(['discover', '--ldap-url', 'ldap://127.0.0.1', '--integrated', '--bind-user', dc.bindUser]);
    expect(mixed.code).toBe(2);
    const d = await ferry(['delegation', 'show', ...pair, '--ldap-url', 'ldap://127.0.0.1', '--integrated']);
    expect(d.code).toBe(1);
    expect(d.err).toMatch(/domain-joined Windows/);
  });
});

describe('ferry delegation', () => {
  it('show and plan (exit 0, JSON shapes) change nothing', async () => {
    const before = await snapshot();
    const s = await ferry(['delegation', 'show', ...pair, ...conn(), '--json']);
    expect(s.code, s.err).toBe(0);
    const shown = JSON.parse(s.out) as { accounts: { account: { name: string }; towards: string; state: string }[] };
    expect(shown.accounts.map((a) => [a.account.name, a.towards, a.state])).toEqual([['HV01', 'HV02', 'none'], ['HV02', 'HV01', 'none']]);
    const p = await ferry(['delegation', 'plan', ...pair, ...conn(), '--json']);
    expect(p.code, p.err).toBe(0);
    const plan = JSON.parse(p.out) as { id: string; hosts: string[]; steps: { kind: string; channel: string; target: string; after: unknown }[] };
    expect(plan.hosts).toEqual(['HV01', 'HV02']);
    const ldap = plan.steps.filter((x) => x.channel === 'ldap');
    expect(ldap.filter((x) => x.kind === 'delegation-add')).toHaveLength(8);
    expect(ldap.filter((x) => x.kind === 'uac-set').map((x) => x.target)).toEqual(['HV01', 'HV02']);
    expect(plan.steps.filter((x) => x.kind === 'klist-purge').every((x) => x.channel === 'powershell')).toBe(true);
    const oneWay = JSON.parse((await ferry(['delegation', 'plan', ...pair, ...conn(), '--json', '--one-way'])).out) as typeof plan;
    expect(oneWay.steps.filter((x) => x.kind === 'delegation-add').map((x) => x.target)).toEqual(['HV01', 'HV01', 'HV01', 'HV01']);
    expect(await snapshot()).toBe(before);
  });

  it('apply without --yes (no terminal) is refused with exit 2 and writes nothing', async () => {
    const before = await snapshot();
    const r = await ferry(['delegation', 'apply', ...pair, ...conn()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not confirmed/);
    expect(await snapshot()).toBe(before);
  });

  it('hostile host names exit 2 and write nothing', async () => {
    const before = await snapshot();
    for (const bad of ['*', 'HV0*', 'HV01)(objectClass=*', 'CN=HV02,CN=Computers,DC=lab,DC=example', 'HV02\\2a', 'hv02;rm -rf /', '$(whoami)', '-HV02']) {
      for (const [src, dst] of [[bad, 'HV02'], ['HV01', bad]] as const) {
        const r = await ferry(['delegation', 'apply', '--source', src, '--destination', dst, ...conn(), '--yes', '--json']);
        expect(r.code, `${src} -> ${dst}: ${r.err}`).toBe(2);
        expect(r.out).toBe('');
      }
    }
    expect((await ferry(['delegation', 'apply', '--source', 'HV01', '--destination', 'hv01', ...conn(), '--yes'])).code).toBe(2);
    expect(await snapshot()).toBe(before);
    expect(await show('HV02')).not.toContain('msDS-AllowedToDelegateTo');
  });

  it('a host that does not exist exits 1 and writes nothing', async () => {
    const before = await snapshot();
    const r = await ferry(['delegation', 'apply', '--source', 'HV01', '--destination', 'HV99', ...conn(), '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No computer account named "HV99"/);
    expect(await snapshot()).toBe(before);
  });

  it('apply --yes writes both directions (samba-tool agrees), audit logged; re-apply is a no-op', async () => {
    const audit = path.join(work, 'audit.jsonl');
    const r = await ferry(['delegation', 'apply', ...pair, ...conn(), '--yes', '--json', '--audit-log', audit]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as { plan: { steps: unknown[] }; result: { ok: boolean; results: { status: string; verified: boolean }[] } };
    expect(doc.result.ok).toBe(true);
    expect(doc.result.results.filter((x) => x.status === 'done').every((x) => x.verified)).toBe(true);
    const hv01 = await show('HV01');
    for (const v of ['cifs/HV02', 'cifs/hv02.lab.example', 'Microsoft Virtual System Migration Service/HV02', 'Microsoft Virtual System Migration Service/hv02.lab.example', UNRELATED]) {
      expect(hv01).toContain(`msDS-AllowedToDelegateTo: ${v}`);
    }
    expect(hv01).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: True');
    expect(await show('HV02')).toContain('msDS-AllowedToDelegateTo: cifs/hv01.lab.example');
    const log = readFileSync(audit, 'utf8');
    expect(log).toContain('"ferrySetFlag":true');
    expect(log).not.toContain(dc.password);

    const shown = JSON.parse((await ferry(['delegation', 'show', ...pair, ...conn(), '--json'])).out) as { accounts: { state: string }[] };
    expect(shown.accounts.map((a) => a.state)).toEqual(['complete', 'complete']);
    const before = await snapshot();
    const again = await ferry(['delegation', 'apply', ...pair, ...conn(), '--yes', '--json']);
    expect(again.code, again.err).toBe(0);
    const againDoc = JSON.parse(again.out) as { plan: { steps: { optional?: boolean }[] }; result: unknown };
    expect(againDoc.result).toBeNull();
    expect(againDoc.plan.steps.every((x) => x.optional === true)).toBe(true);
    expect(await snapshot()).toBe(before);
  });

  it('remove --yes with the audit log takes out only Ferry entries and the flag Ferry set', async () => {
    const audit = path.join(work, 'audit.jsonl');
    const r = await ferry(['delegation', 'remove', ...pair, ...conn(), '--yes', '--audit-log', audit]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Done. Every change was read back and verified.');
    const hv01 = await show('HV01');
    expect(hv01).toContain(`msDS-AllowedToDelegateTo: ${UNRELATED}`);
    expect(hv01).not.toContain('hv02');
    // HV01 keeps an unrelated constrained-delegation entry, so its flag stays.
    expect(hv01).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: True');
    const hv02 = await show('HV02');
    expect(hv02).not.toContain('msDS-AllowedToDelegateTo');
    expect(hv02).toContain('UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: False');
    const again = await ferry(['delegation', 'remove', ...pair, ...conn(), '--yes', '--json', '--audit-log', audit]);
    expect(again.code, again.err).toBe(0);
    expect((JSON.parse(again.out) as { result: unknown }).result).toBeNull();
  });

  it('usage errors exit 2', async () => {
    expect((await ferry(['delegation', ...conn()])).code).toBe(2);
    expect((await ferry(['delegation', 'frobnicate', ...pair, ...conn()])).code).toBe(2);
    expect((await ferry(['delegation', 'show', '--source', 'HV01', ...conn()])).code).toBe(2);
    expect((await ferry(['delegation', 'show', ...pair, ...conn(), '--password', 'x'])).code).toBe(2);
  });
});
