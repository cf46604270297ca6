import { describe, it, expect } from 'vitest';
import { identityRules, runPreflight } from '../../../electron/core/preflight';
import type { Finding } from '../../../electron/core/model';
import { FindingSchema } from '../../../electron/core/contract/schemas';
import { account, host, readyFacts, withSettings } from './fixtures';

const get = (fs: Finding[], id: string) => {
  const f = fs.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id} in ${fs.map((x) => x.id).join(', ')}`);
  return f;
};

describe('preflight: ready pair', () => {
  it('produces no warn or fail when everything is in place, and every finding fits the contract', () => {
    const all = runPreflight(readyFacts());
    const bad = all.filter((f) => f.severity === 'fail' || f.severity === 'warn');
    expect(bad).toEqual([]);
    for (const f of all) expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(new Set(all.filter((f) => f.vm === undefined).map((f) => f.id)).size).toBe(all.filter((f) => f.vm === undefined).length);
  });
});

describe('identity rules', () => {
  it('domain: same passes, different without trust fails, trusted passes, unreadable warns', () => {
    expect(get(identityRules(readyFacts()), 'identity.domain').severity).toBe('pass');
    const other = readyFacts({ destination: host('HV02', { domain: 'other.example' }) });
    const fail = get(identityRules(other), 'identity.domain');
    expect(fail.severity).toBe('fail');
    expect(fail.evidence).toMatchObject({ source: 'corp.example', destination: 'other.example' });
    expect(get(identityRules({ ...other, trustedDomains: ['other.example'] }), 'identity.domain').severity).toBe('pass');
    expect(get(identityRules(readyFacts({ destination: host('HV02', { domain: undefined }) })), 'identity.domain').severity).toBe('warn');
  });

  it('authentication type: matching passes, a host on CredSSP fails with a plan step for that setting', () => {
    expect(get(identityRules(readyFacts()), 'identity.authentication-type').severity).toBe('pass');
    const f = readyFacts();
    const bad = get(identityRules({ ...f, destination: withSettings(f.destination, { virtualMachineMigrationAuthenticationType: 'CredSSP' }) }), 'identity.authentication-type');
    expect(bad.severity).toBe('fail');
    expect(bad.title).toContain('HV02');
    expect(bad.fix).toMatchObject({ kind: 'plan-step', setting: 'virtualMachineMigrationAuthenticationType' });
    expect(bad.evidence).toMatchObject({ source: 'Kerberos', destination: 'CredSSP', chosen: 'Kerberos' });
  });

  it('CredSSP: warns that moves start on the source (0x8009030E), fails where Credential Guard runs', () => {
    const f = readyFacts({ authentication: 'CredSSP' });
    const hosts = {
      source: withSettings(f.source, { virtualMachineMigrationAuthenticationType: 'CredSSP' }),
      destination: withSettings(f.destination, { virtualMachineMigrationAuthenticationType: 'CredSSP' }),
    };
    const warn = get(identityRules({ ...f, ...hosts }), 'identity.credssp-start');
    expect(warn.severity).toBe('warn');
    expect(warn.fix.text).toContain('0x8009030E');
    expect(get(identityRules({ ...f, ...hosts }), 'identity.credssp-credential-guard').severity).toBe('pass');
    const cg = get(identityRules({ ...f, ...hosts, source: { ...hosts.source, credentialGuardRunning: true } }), 'identity.credssp-credential-guard');
    expect(cg.severity).toBe('fail');
    expect(cg.evidence.source).toBe('yes');
    expect(get(identityRules({ ...f, ...hosts, destination: { ...hosts.destination, credentialGuardRunning: true } }), 'identity.credssp-credential-guard').severity).toBe('warn');
    expect(identityRules(readyFacts()).some((x) => x.id.startsWith('identity.credssp'))).toBe(false);
  });

  it('Kerberos delegation: four entries pass; a missing entry fails naming it', () => {
    expect(get(identityRules(readyFacts()), 'identity.delegation').severity).toBe('pass');
    const src = account('HV01', 'HV02');
    const partial = { ...src, allowedToDelegateTo: src.allowedToDelegateTo.filter((e) => !e.startsWith('Microsoft Virtual System Migration Service/HV02')) };
    const bad = get(identityRules(readyFacts({ sourceAccount: partial })), 'identity.delegation');
    expect(bad.severity).toBe('fail');
    expect(bad.evidence.missing).toBe('Microsoft Virtual System Migration Service/HV02');
    expect(bad.fix).toMatchObject({ kind: 'plan-step', setting: 'delegation:forward' });
    // Entries compare case-insensitively, as AD does.
    const upper = { ...src, allowedToDelegateTo: src.allowedToDelegateTo.map((e) => e.toUpperCase()) };
    expect(get(identityRules(readyFacts({ sourceAccount: upper })), 'identity.delegation').severity).toBe('pass');
  });

  it('Kerberos both directions: the reverse direction is checked only when asked', () => {
    const noReverse = readyFacts({ destinationAccount: account('HV02') });
    expect(identityRules(noReverse).some((x) => x.id === 'identity.delegation.reverse')).toBe(false);
    expect(get(identityRules({ ...noReverse, bothDirections: true }), 'identity.delegation.reverse').severity).toBe('fail');
    expect(get(identityRules(readyFacts({ bothDirections: true })), 'identity.delegation.reverse').severity).toBe('pass');
  });

  it('protocol transition: missing fails for remote starts, warns for starts on the source', () => {
    const kerberosOnly = account('HV01', 'HV02', { userAccountControl: 0x1000 });
    expect(get(identityRules(readyFacts()), 'identity.protocol-transition').severity).toBe('pass');
    expect(get(identityRules(readyFacts({ sourceAccount: kerberosOnly })), 'identity.protocol-transition').severity).toBe('fail');
    expect(get(identityRules(readyFacts({ sourceAccount: kerberosOnly, startMode: 'source' })), 'identity.protocol-transition').severity).toBe('warn');
  });

  it('unconstrained delegation warns, constrained passes', () => {
    expect(get(identityRules(readyFacts()), 'identity.unconstrained.source').severity).toBe('pass');
    const f = get(identityRules(readyFacts({ sourceAccount: account('HV01', 'HV02', { userAccountControl: 0x1000 | 0x80000 | 0x1000000 }) })), 'identity.unconstrained.source');
    expect(f.severity).toBe('warn');
    expect(f.evidence.userAccountControl).toBe('0x1081000');
  });

  it('migration SPN: registered passes, missing fails with an exact setspn command', () => {
    expect(get(identityRules(readyFacts()), 'identity.migration-spn').severity).toBe('pass');
    const f = get(identityRules(readyFacts({ destinationAccount: account('HV02', 'HV01', { servicePrincipalNames: ['HOST/HV02'] }) })), 'identity.migration-spn');
    expect(f.severity).toBe('fail');
    expect(f.fix.command).toBe('setspn -s "Microsoft Virtual System Migration Service/hv02.corp.example" "HV02"');
    // 0x80090322 is not blamed on a missing SPN alone (issue 14 item 1): duplicates and stale DNS give it too.
    expect(f.fix.text).toMatch(/setspn -X/);
    expect(f.fix.text).toMatch(/stale DNS/);
  });

  it('no directory warns; an account missing from the directory fails', () => {
    expect(get(identityRules(readyFacts({ directoryAvailable: false, sourceAccount: undefined, destinationAccount: undefined })), 'identity.directory').severity).toBe('warn');
    expect(get(identityRules(readyFacts({ destinationAccount: undefined })), 'identity.delegation').severity).toBe('fail');
  });

  it('operator: admin group passes, Protected Users warns, no admin group is info', () => {
    expect(get(identityRules(readyFacts({ operator: { name: 'alice', groups: ['Hyper-V Administrators'] } })), 'identity.operator-groups').severity).toBe('pass');
    const prot = identityRules(readyFacts({ operator: { name: 'bob', groups: ['Protected Users', 'Domain Admins'] } }));
    expect(get(prot, 'identity.operator-delegable').severity).toBe('warn');
    expect(get(identityRules(readyFacts({ operator: { name: 'eve', groups: ['Users'] } })), 'identity.operator-groups').severity).toBe('info');
    expect(identityRules(readyFacts()).some((x) => x.id.startsWith('identity.operator'))).toBe(false);
  });

  it('start mode is explained: remote with CredSSP names 0x8009030E, on-source mentions CredSSP working', () => {
    expect(get(identityRules(readyFacts({ authentication: 'CredSSP' })), 'identity.start-mode').fix.text).toContain('0x8009030E');
    expect(get(identityRules(readyFacts({ startMode: 'source' })), 'identity.start-mode').fix.text).toContain('source host');
  });
});
