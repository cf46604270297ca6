/**
 * The warnings the host planner (build-plan.ts) and the delegation planner (delegation/plan.ts)
 * give are a code + params with their English from one table (core/plan/plan-warning.ts): the
 * CLI prints that English unchanged, the window says each warning from `planWarning.*` in
 * English and German (key from planWarningKey), every placeholder filled.
 */
import { describe, expect, it } from 'vitest';
import { pairsFor, planDelegation, planDelegationRemoval } from '../../../electron/core/delegation';
import { buildPlan } from '../../../electron/core/plan/build-plan';
import { PLAN_WARNING_KEYS } from '../../../electron/core/plan/plan-warning';
import type { DesiredSettings, HostFacts, HostMigrationSettings, PlanWarning } from '../../../electron/core/model';
import { planWarningKey } from '../../../renderer/src/app/plan-warning-text';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';
import { fakeAccount } from '../../support/fake-ferry-api';

const lookup = (resources: object, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);
const say = (resources: object, w: PlanWarning) =>
  String(lookup(resources, planWarningKey(w)) ?? `(no text for ${planWarningKey(w)})`).replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(w.params?.[n] ?? `{{${n}}}`));

const settings: HostMigrationSettings = {
  virtualMachineMigrationEnabled: true,
  maximumVirtualMachineMigrations: 2,
  maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'Kerberos',
  virtualMachineMigrationPerformanceOption: 'SMB',
  useAnyNetworkForMigration: false,
  migrationNetworks: [{ subnet: '10.0.0.0/24$(calc)', priority: 1 }],
};
const desired: DesiredSettings = {
  virtualMachineMigrationEnabled: true,
  maximumVirtualMachineMigrations: 2,
  maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'Kerberos',
  virtualMachineMigrationPerformanceOption: 'SMB',
  networks: [{ subnet: '10.1.0.0/24', priority: 1 }],
};
const hosts: HostFacts[] = [
  { computerName: 'HV 01', status: 'ok', settings },
  { computerName: 'HV02', status: 'ok', settings },
  { computerName: 'hv02', status: 'ok', settings },
  { computerName: 'HV03', status: 'timeout', error: { code: 'timeout', message: 'no answer in 30 s' } },
  { computerName: 'HV04', status: 'unreachable' },
];

function everyWarning(): PlanWarning[] {
  const hv01 = fakeAccount('HV01', { userAccountControl: 0x1000 | 0x80000 | 0x1000000, allowedToDelegateTo: ['cifs/HV02', 'http/other'] });
  const hv02 = fakeAccount('HV02');
  const hv05 = fakeAccount('HV05', { dn: 'CN=HV05,OU=Hyper-V,DC=emea,DC=lab,DC=test', dnsHostName: 'hv05.emea.lab.test' });
  const hv06 = fakeAccount('HV06', { userAccountControl: 0x1000 | 0x1000000 });
  const options = { dnsDomain: 'lab.test', includeKlistPurge: false };
  return [
    ...buildPlan({ hosts, desired }).warnings,
    ...planDelegation([{ source: hv01, destination: hv02 }, ...pairsFor(hv02, hv05, false)], options).warnings,
    ...planDelegationRemoval([{ source: hv01, destination: hv02 }, { source: hv06, destination: hv02 }], { ...options, ferrySetFlag: () => false }).warnings,
  ];
}

describe('plan warnings as code + params with one English table', () => {
  it('keeps the English the CLI prints', () => {
    expect(everyWarning().map((w) => [w.code, w.target ?? null, w.message])).toEqual([
      ['invalid-host-name', null, "Host name refused: 'HV 01' is not a valid host name label: use letters, digits and inner hyphens only"],
      ['unparsable-network', 'HV02', 'HV02 reports a migration network Ferry cannot parse; it is left alone. Remove it by hand if it should go.'],
      ['duplicate-host', 'hv02', 'hv02 is listed twice; planned once.'],
      ['host-unreadable', 'HV03', 'HV03 could not be read (timeout: no answer in 30 s); no steps planned for it.'],
      ['host-unreadable', 'HV04', 'HV04 could not be read (unreachable); no steps planned for it.'],
      ['unconstrained-delegation', 'HV01', "HV01 is trusted for delegation to any service (unconstrained). Ferry leaves that setting alone; consider turning it off in the account's Delegation tab."],
      ['missing-spn', 'HV02', 'HV02 registers no "Microsoft Virtual System Migration Service" SPN; the delegation is written but Kerberos cannot find the service until Hyper-V registers it (setspn -s "Microsoft Virtual System Migration Service/<FQDN>" HV02).'],
      ['cross-domain', 'HV02', 'HV02 (lab.test) and HV05 (emea.lab.test) are in different domains: constrained delegation entries do not work there, so Ferry plans none. Set resource-based delegation on HV05 (msDS-AllowedToActOnBehalfOfOtherIdentity) instead.'],
      ['flag-kept', 'HV01', 'HV01 keeps "Use any authentication protocol": it still delegates to 1 other service(s).'],
      ['flag-kept', 'HV06', 'HV06 keeps "Use any authentication protocol": the audit log does not show that Ferry set it.'],
    ]);
  });

  it('each warning has an English and a German text, every placeholder filled, naming what it is about', () => {
    const warnings = everyWarning();
    for (const w of warnings) {
      expect(PLAN_WARNING_KEYS, w.message).toContain(planWarningKey(w));
      for (const resources of [en, de]) expect(say(resources, w), planWarningKey(w)).not.toMatch(/\{\{|\(no text|: \)/);
    }
    const refused = warnings.find((w) => w.code === 'invalid-host-name')!;
    expect(say(de, refused)).toContain('HV 01');
    expect(say(de, warnings.find((w) => w.target === 'HV04')!)).toBe('konnte nicht gelesen werden (unreachable); für diesen Host ist nichts geplant.');
  });

  it('every key of the table is given by a planner and has both texts', () => {
    expect([...new Set(everyWarning().map(planWarningKey))].sort()).toEqual([...PLAN_WARNING_KEYS].sort());
    for (const key of PLAN_WARNING_KEYS) {
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(de, key), `de ${key}`).toBe('string');
    }
  });
});
