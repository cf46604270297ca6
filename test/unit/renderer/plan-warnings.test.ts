/**
 * Plan warnings reach the window as code + params and are said in the window's language: every
 * warning the planners give for a troublesome directory has a text in en and de, with its
 * params filled in.
 */
import { describe, expect, it } from 'vitest';
import { planDelegation, planDelegationRemoval } from '../../../electron/core/delegation/plan';
import { planWarningKey } from '../../../renderer/src/app/plan-warning-text';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { fakeAccount } from '../../support/fake-ferry-api';

const keyOf = planWarningKey;

describe('plan warnings in the window', () => {
  it('are localized from code + params in en and de', () => {
    const hv01 = fakeAccount('HV01', { userAccountControl: 0x1000 | 0x80000 | 0x1000000, allowedToDelegateTo: ['cifs/HV02', 'http/other'] });
    const hv02 = fakeAccount('HV02', { dnsHostName: undefined });
    const added = planDelegation([{ source: hv01, destination: hv02 }], { dnsDomain: 'corp.test', includeKlistPurge: false }).warnings;
    const removed = planDelegationRemoval([{ source: hv01, destination: hv02 }], { dnsDomain: 'corp.test', includeKlistPurge: false, ferrySetFlag: () => true }).warnings;
    const warnings = [...added, ...removed];
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['unconstrained-delegation', 'no-dns-host-name', 'missing-spn', 'flag-kept']));
    for (const lng of ['en', 'de'] as const) {
      const i = createI18n(lng);
      for (const w of warnings) {
        const key = keyOf(w);
        expect(i.exists(key), `${lng} ${key}`).toBe(true);
        const text = i.t(key, { ...w.params });
        expect(text, key).not.toMatch(/\{\{/);
        if (w.code === 'no-dns-host-name') expect(text).toContain('hv02.corp.test');
        if (w.code === 'flag-kept') expect(text).toContain('1');
      }
    }
    expect(createI18n('de').t(keyOf(warnings.find((w) => w.code === 'missing-spn')!))).toMatch(/^registriert keinen SPN/);
  });
});
