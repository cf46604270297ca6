import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../electron/core/model';
import { FINDING_TEXTS, identityRules, localizeFinding, needsFromCompareError, runPreflight } from '../../../electron/core/preflight';
import { duplicateSpnRule } from '../../../electron/core/preflight/kerberos-rules';
import { account, host, readyFacts } from './fixtures';

const only = (fs: Finding[], id: string) => {
  const hits = fs.filter((x) => x.id === id);
  expect(hits, `${id} in ${fs.map((x) => x.id).join(', ')}`).toHaveLength(1);
  return hits[0]!;
};

const SID_HV01 = 'S-1-5-21-1-2-3-1101';
const SID_HV04 = 'S-1-5-21-7-8-9-1104';
/** HV04 in the child domain emea.corp.example; classic entries both ways, as today's rules want them. */
const emea = (over: Parameters<typeof account>[2] = {}) =>
  account('HV04', 'HV01', { dn: 'CN=HV04,CN=Computers,DC=emea,DC=corp,DC=example', dnsHostName: 'hv04.emea.corp.example', objectSid: SID_HV04, allowedToActOnBehalfOf: [], ...over });
const crossFacts = (destinationAccount = emea(), extra = {}) =>
  readyFacts({
    destination: host('HV04', { domain: 'emea.corp.example' }),
    sourceAccount: account('HV01', 'HV04', {
      objectSid: SID_HV01, allowedToActOnBehalfOf: [],
      // The four classic entries naming HV04, FQDN in its own domain: all present, and useless.
      allowedToDelegateTo: ['cifs/HV04', 'cifs/hv04.emea.corp.example', 'Microsoft Virtual System Migration Service/HV04', 'Microsoft Virtual System Migration Service/hv04.emea.corp.example'],
    }),
    destinationAccount,
    ...extra,
  });

describe('hosts in different domains (classic delegation is single-domain)', () => {
  it('same domain: no cross-domain finding, the classic rules decide as before', () => {
    const fs = identityRules(readyFacts());
    expect(fs.some((f) => f.id.startsWith('identity.cross-domain'))).toBe(false);
    expect(only(fs, 'identity.delegation').severity).toBe('pass');
  });

  it('different domains with every classic entry present: fails (today this passed) and names RBCD as the fix', () => {
    const fs = identityRules(crossFacts());
    const f = only(fs, 'identity.cross-domain');
    expect(f.severity).toBe('fail');
    expect(f.evidence).toMatchObject({ domainSource: 'corp.example', domainDestination: 'emea.corp.example', sidSource: SID_HV01, sidDestination: SID_HV04, rbcdDestination: '(none)' });
    expect(f.evidence.classicEntries).toContain('Microsoft Virtual System Migration Service/hv04.emea.corp.example');
    expect(f.params).toMatchObject({ from: 'HV01', to: 'HV04', fromDomain: 'corp.example', toDomain: 'emea.corp.example' });
    expect(f.fix.kind).toBe('command');
    expect(f.fix.text).toMatch(/msDS-AllowedToActOnBehalfOfOtherIdentity/);
    // The command keeps the principals already allowed and asks each domain's own DC.
    expect(f.fix.command).toBe(
      "$to = Get-ADComputer -Identity 'HV04' -Server 'emea.corp.example' -Properties PrincipalsAllowedToDelegateToAccount; " +
        "$from = Get-ADComputer -Identity 'HV01' -Server 'corp.example'; " +
        "Set-ADComputer -Identity $to -Server 'emea.corp.example' -PrincipalsAllowedToDelegateToAccount (@($to.PrincipalsAllowedToDelegateToAccount) + $from.DistinguishedName)",
    );
    // The classic pass it replaces is gone, not left beside it.
    expect(fs.some((x) => x.id === 'identity.delegation' || x.id === 'identity.protocol-transition')).toBe(false);
  });

  it('RBCD on the destination naming the source passes; the reverse direction is judged on its own', () => {
    const f = only(identityRules(crossFacts(emea({ allowedToActOnBehalfOf: [SID_HV01] }))), 'identity.cross-domain');
    expect(f).toMatchObject({ severity: 'pass', params: { variant: 'rbcd' }, evidence: { rbcdDestination: SID_HV01 } });
    const both = identityRules(crossFacts(emea({ allowedToActOnBehalfOf: [SID_HV01] }), { bothDirections: true }));
    expect(only(both, 'identity.cross-domain.reverse')).toMatchObject({ severity: 'fail', params: { from: 'HV04', to: 'HV01' } });
  });

  it('RBCD not readable (no objectSid read): warns instead of guessing', () => {
    const f = only(identityRules(crossFacts(emea({ objectSid: undefined, allowedToActOnBehalfOf: undefined }))), 'identity.cross-domain');
    expect(f).toMatchObject({ severity: 'warn', params: { variant: 'unreadable' } });
  });

  it('is worded in English and German and reaches the verdict', () => {
    const f = only(runPreflight(crossFacts()), 'identity.cross-domain');
    expect(localizeFinding(FINDING_TEXTS.en, f).title).toBe('HV01 (corp.example) and HV04 (emea.corp.example) are in different domains: classic constrained delegation does not cross domains');
    expect(localizeFinding(FINDING_TEXTS.de, f).title).toContain('verschiedenen Domänen');
    expect(localizeFinding(FINDING_TEXTS.de, f)).toMatchObject({ localized: true });
    expect(localizeFinding(FINDING_TEXTS.de, f).fixText).toContain('ressourcenbasierter');
  });
});

const MIG = 'Microsoft Virtual System Migration Service';
const hv02Dn = 'CN=HV02,OU=Hosts,DC=corp,DC=example';
const strayDn = 'CN=HV02-OLD,CN=Computers,DC=corp,DC=example';
const holdings = (extra: Record<string, string[]> = {}) => {
  const base: Record<string, string[]> = {
    [`${MIG}/HV01`]: ['CN=HV01,OU=Hosts,DC=corp,DC=example'],
    [`${MIG}/hv01.corp.example`]: ['CN=HV01,OU=Hosts,DC=corp,DC=example'],
    'cifs/HV01': [], 'cifs/hv01.corp.example': [],
  };
  const dst: Record<string, string[]> = { [`${MIG}/HV02`]: [hv02Dn], [`${MIG}/hv02.corp.example`]: [hv02Dn], 'cifs/HV02': [], 'cifs/hv02.corp.example': [], ...extra };
  return [
    ...Object.entries(base).map(([spn, holders]) => ({ host: 'HV01', spn, holders })),
    ...Object.entries(dst).map(([spn, holders]) => ({ host: 'HV02', spn, holders })),
  ];
};

describe('duplicate SPNs (an LDAP count per SPN)', () => {
  it('not counted (no directory read): no finding', () => {
    expect(duplicateSpnRule(readyFacts())).toEqual([]);
  });

  it('every SPN on its own account only (cifs unregistered is fine): passes, evidence per side', () => {
    const f = only(identityRules(readyFacts({ spnHolders: holdings() })), 'identity.duplicate-spn');
    expect(f).toMatchObject({ severity: 'pass', evidence: { spnHoldersSource: 'unique', spnHoldersDestination: 'unique' } });
  });

  it('the migration SPN on a second account fails with both DNs and the setspn removal of the stray', () => {
    const f = only(identityRules(readyFacts({ spnHolders: holdings({ [`${MIG}/HV02`]: [hv02Dn, strayDn] }) })), 'identity.duplicate-spn');
    expect(f.severity).toBe('fail');
    expect(f.evidence.spnHoldersSource).toBe('unique');
    expect(f.evidence.spnHoldersDestination).toBe(`${MIG}/HV02: ${hv02Dn} | ${strayDn}`);
    expect(f.fix.command).toBe(`setspn -D "${MIG}/HV02" "HV02-OLD"; setspn -X`);
    expect(f.fix.text).toMatch(/0x80090322/);
    expect(localizeFinding(FINDING_TEXTS.de, f).title).toBe(`SPNs von HV02 gehören einem anderen oder einem zweiten Konto: ${MIG}/HV02`);
  });

  it('cifs registered on another account only (wrong account) fails too', () => {
    const f = only(duplicateSpnRule(readyFacts({ spnHolders: holdings({ 'cifs/hv02.corp.example': ['CN=svc-backup,CN=Users,DC=corp,DC=example'] }) })), 'identity.duplicate-spn');
    expect(f.severity).toBe('fail');
    expect(f.fix.command).toContain('setspn -D "cifs/hv02.corp.example" "svc-backup"');
  });
});

describe('0x80090322 is not put down to a missing SPN alone', () => {
  it('a Compare-VM error with it asks for a usable principal: duplicate SPN, stale DNS and clock skew named', () => {
    const f = readyFacts();
    const needs = needsFromCompareError(['0x80090322'], { source: f.source, destination: f.destination, startMode: 'remote' });
    expect(needs).toEqual([{ code: 'kerberos-principal', host: 'HV01', to: 'HV02' }]);
    for (const locale of ['en', 'de'] as const) {
      const text = FINDING_TEXTS[locale]['params.needs']['kerberos-principal'].title;
      expect(text).toMatch(/setspn -X/);
      expect(text).toMatch(/DNS/);
      expect(text).toMatch(/5 [Mm]inut/);
    }
  });
});

describe('parent and child domains', () => {
  it('trust each other by construction: the domain rule passes (trusted), the delegation rule still fails', () => {
    const fs = identityRules(crossFacts());
    expect(only(fs, 'identity.domain')).toMatchObject({ severity: 'pass', params: { variant: 'trusted' } });
    const unrelated = identityRules(readyFacts({ destination: host('HV02', { domain: 'other.example' }) }));
    expect(only(unrelated, 'identity.domain').severity).toBe('fail');
  });
});
