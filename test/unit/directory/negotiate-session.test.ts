/**
 * The Negotiate adapter with a fake runner standing in for the PowerShell pool: the requests it
 * builds, the entries it maps back, and every failure turned into a DirectoryError code.
 */
import { describe, expect, it } from 'vitest';
import { AndFilter, EqualityFilter } from 'ldapts';
import { connectNegotiateDirectory, assertIntegratedAuthSupported, NEGOTIATE_SCRIPT, type DirectoryScriptRunner } from '../../../electron/services/directory/negotiate-session';
import { DirectoryError } from '../../../electron/services/directory/directory-error';
import { resolveComputer } from '../../../electron/services/directory/computer-accounts';
import { PowerShellScriptError } from '../../../electron/services/powershell/errors';

type Req = Record<string, unknown> & { op: string };
const ROOT = { ok: true, data: { rootDse: [{ dn: '', attrs: { defaultnamingcontext: ['DC=corp,DC=example'] } }], user: 'CORP\\alice' } };

function fake(answer: (req: Req) => unknown) {
  const calls: { script: string; req: Req }[] = [];
  const run: DirectoryScriptRunner = async (script, data) => {
    const req = data as Req;
    calls.push({ script, req });
    const a = req.op === 'rootdse' ? ROOT : answer(req);
    if (a instanceof Error) throw a;
    return a;
  };
  return { calls, run };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof DirectoryError ? e.code : `other: ${String(e)}`;
  }
}

describe('connectNegotiateDirectory', () => {
  it('proves the session by reading the RootDSE as the Windows user', async () => {
    const f = fake(() => ({ ok: true, data: [] }));
    const s = await connectNegotiateDirectory({ url: 'ldap://dc1.corp.example' }, f.run);
    expect(f.calls).toEqual([{ script: NEGOTIATE_SCRIPT, req: { op: 'rootdse', server: 'dc1.corp.example', port: 389, ldaps: false, timeoutSeconds: 15 } }]);
    expect(s.info).toEqual({ url: 'ldap://dc1.corp.example', defaultNamingContext: 'DC=corp,DC=example', dnsDomain: 'corp.example', bindUser: 'CORP\\alice', lab: false });
  });

  it('uses ldaps and its port when asked, and an explicit base DN over the RootDSE', async () => {
    const f = fake(() => ({ ok: true, data: [] }));
    const s = await connectNegotiateDirectory({ url: 'ldaps://dc1.corp.example:3269', baseDn: 'OU=HV,DC=corp,DC=example', timeoutMs: 4500 }, f.run);
    expect(f.calls[0]?.req).toMatchObject({ server: 'dc1.corp.example', port: 3269, ldaps: true, timeoutSeconds: 5 });
    expect(s.info.defaultNamingContext).toBe('OU=HV,DC=corp,DC=example');
  });

  it('sends searches as data with the filter escaped, and maps entries back case-insensitively', async () => {
    const f = fake(() => ({
      ok: true,
      data: [{ dn: 'CN=HV01,CN=Computers,DC=corp,DC=example', attrs: { cn: ['HV01'], samaccountname: ['HV01$'], useraccountcontrol: ['4096'], DNSHostName: ['hv01.corp.example'] } }],
    }));
    const s = await connectNegotiateDirectory({ url: 'ldap://dc1', pageSize: 250 }, f.run);
    const filter = new AndFilter({ filters: [new EqualityFilter({ attribute: 'cn', value: 'a*)(b' }), new EqualityFilter({ attribute: 'objectClass', value: 'computer' })] });
    const entries = await s.search({ filter, attributes: ['cn', 'dNSHostName'] });
    expect(f.calls[1]?.req).toEqual({
      op: 'search', server: 'dc1', port: 389, ldaps: false, timeoutSeconds: 15,
      base: 'DC=corp,DC=example', scope: 'sub', filter: '(&(cn=a\\2a\\29\\28b)(objectClass=computer))', attributes: ['cn', 'dNSHostName'], paged: true, pageSize: 250,
    });
    expect(entries[0]?.dn).toBe('CN=HV01,CN=Computers,DC=corp,DC=example');
    expect(entries[0]?.attrs.get('dnshostname')).toEqual(['hv01.corp.example']);
    await s.search({ base: 'CN=X,DC=corp,DC=example', scope: 'base', filter: '(objectClass=*)', attributes: ['1.1'], paged: false });
    expect(f.calls[2]?.req).toMatchObject({ base: 'CN=X,DC=corp,DC=example', scope: 'base', paged: false });
  });

  it('works under the shared account code (resolveComputer)', async () => {
    const f = fake((req) =>
      req.scope === 'one'
        ? { ok: true, data: [{ dn: 'CN=Microsoft Hyper-V,CN=HV01,CN=Computers,DC=corp,DC=example', attrs: {} }] }
        : { ok: true, data: [{ dn: 'CN=HV01,CN=Computers,DC=corp,DC=example', attrs: { cn: ['HV01'], samaccountname: ['HV01$'], useraccountcontrol: ['4096'] } }] },
    );
    const s = await connectNegotiateDirectory({ url: 'ldap://dc1' }, f.run);
    const acc = await resolveComputer(s, 'hv01');
    expect(acc).toMatchObject({ name: 'HV01', samAccountName: 'HV01$', hasHyperVScp: true, enabled: true });
    expect(String(f.calls[1]?.req.filter)).toBe('(&(objectClass=computer)(|(sAMAccountName=hv01$)))');
  });

  it('modifies single values; the UAC swap is delete-old + add-new in one request', async () => {
    const f = fake(() => ({ ok: true, data: { modified: true } }));
    const s = await connectNegotiateDirectory({ url: 'ldap://dc1' }, f.run);
    const dn = 'CN=HV01,CN=Computers,DC=corp,DC=example';
    await s.addValue(dn, 'msDS-AllowedToDelegateTo', 'cifs/HV02');
    await s.deleteValue(dn, 'msDS-AllowedToDelegateTo', 'cifs/HV03');
    await s.swapValue(dn, 'userAccountControl', '4096', '16781312');
    expect(f.calls.slice(1).map((c) => [c.req.op, c.req.dn, c.req.changes])).toEqual([
      ['modify', dn, [{ operation: 'add', attribute: 'msDS-AllowedToDelegateTo', value: 'cifs/HV02' }]],
      ['modify', dn, [{ operation: 'delete', attribute: 'msDS-AllowedToDelegateTo', value: 'cifs/HV03' }]],
      ['modify', dn, [{ operation: 'delete', attribute: 'userAccountControl', value: '4096' }, { operation: 'add', attribute: 'userAccountControl', value: '16781312' }]],
    ]);
  });

  it('maps script errors to DirectoryError codes in the admin\'s words', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ok: false, error: { code: 'insufficient-rights', message: 'Insufficient access', ldapCode: 50 } }, 'insufficient-rights', /SeEnableDelegationPrivilege/],
      [{ ok: false, error: { code: 'conflict', message: 'No such attribute', ldapCode: 16 } }, 'conflict', /no longer there/],
      [{ ok: false, error: { code: 'conflict', message: 'exists', ldapCode: 20 } }, 'conflict', /already there/],
      [{ ok: false, error: { code: 'not-found', message: 'No such object', ldapCode: 32 } }, 'not-found', /not found/],
      [{ ok: false, error: { code: 'unreachable', message: 'The LDAP server is unavailable.', ldapCode: 81 } }, 'unreachable', /cannot be reached/],
      [{ ok: false, error: { code: 'weird', message: 'odd' } }, 'failed', /odd/],
      [{ nonsense: true }, 'failed', /unexpected result/],
      [new PowerShellScriptError('timeout', 'took too long'), 'unreachable', /in time/],
      [new PowerShellScriptError('process-died', 'gone'), 'failed', /gone/],
    ];
    for (const [answer, expected, text] of cases) {
      const s = await connectNegotiateDirectory({ url: 'ldap://dc1' }, fake(() => answer).run);
      const err = await s.swapValue('CN=HV01,DC=corp,DC=example', 'userAccountControl', '4096', '16781312').catch((e: unknown) => e);
      expect(err, JSON.stringify(answer)).toBeInstanceOf(DirectoryError);
      expect((err as DirectoryError).code, JSON.stringify(answer)).toBe(expected);
      expect((err as DirectoryError).message).toMatch(text);
    }
  });

  it('fails the connect on a refused Windows sign-in or a missing naming context', async () => {
    const refused: DirectoryScriptRunner = async () => ({ ok: false, error: { code: 'bad-credentials', message: 'The supplied credential is invalid.', ldapCode: 49 } });
    expect(await code(connectNegotiateDirectory({ url: 'ldap://dc1' }, refused))).toBe('bad-credentials');
    const empty: DirectoryScriptRunner = async () => ({ ok: true, data: { rootDse: [], user: 'CORP\\alice' } });
    expect(await code(connectNegotiateDirectory({ url: 'ldap://dc1' }, empty))).toBe('not-found');
  });

  it('rejects URLs that are not just a server', async () => {
    const f = fake(() => ({ ok: true, data: [] }));
    for (const url of ['http://dc1', 'dc1', 'ldap://user@dc1', 'ldap://dc1/DC=x?y', 'ldap://']) {
      expect(await code(connectNegotiateDirectory({ url }, f.run)), url).toBe('invalid-input');
    }
    expect(f.calls).toEqual([]);
  });
});

describe('assertIntegratedAuthSupported', () => {
  it('accepts Windows only, with a message that names the alternative', () => {
    expect(() => assertIntegratedAuthSupported('win32')).not.toThrow();
    expect(() => assertIntegratedAuthSupported('linux')).toThrow(/domain-joined Windows.*--bind-user/);
  });
});
