import { describe, expect, it } from 'vitest';
import { planDelegation, pairsFor } from '../../../electron/core/delegation';
import { en } from '../../../renderer/src/i18n/en';
import { de } from '../../../renderer/src/i18n/de';
import { account } from '../preflight/fixtures';

const hv04 = account('HV04', undefined, { dn: 'CN=HV04,CN=Computers,DC=emea,DC=corp,DC=example', dnsHostName: 'hv04.emea.corp.example' });

describe('delegation plan across domains', () => {
  it('plans no msDS-AllowedToDelegateTo entries for a pair in different domains and says why; same-domain pairs are planned as before', () => {
    const cross = planDelegation(pairsFor(account('HV01'), hv04, true), { dnsDomain: 'corp.example', includeKlistPurge: false });
    expect(cross.steps.filter((s) => s.kind === 'delegation-add')).toEqual([]);
    expect(cross.warnings.filter((w) => w.code === 'cross-domain').map((w) => [w.target, w.params])).toEqual([
      ['HV01', { to: 'HV04', fromDomain: 'corp.example', toDomain: 'emea.corp.example' }],
      ['HV04', { to: 'HV01', fromDomain: 'emea.corp.example', toDomain: 'corp.example' }],
    ]);
    const same = planDelegation(pairsFor(account('HV01'), account('HV02'), true), { dnsDomain: 'corp.example', includeKlistPurge: false });
    expect(same.steps.filter((s) => s.kind === 'delegation-add')).toHaveLength(8);
    expect(same.warnings.some((w) => w.code === 'cross-domain')).toBe(false);
    expect(en.planWarning['cross-domain']).toContain('{{toDomain}}');
    expect(de.planWarning['cross-domain']).toContain('{{toDomain}}');
  });
});
