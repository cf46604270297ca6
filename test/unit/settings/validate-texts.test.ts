/**
 * Desired settings refused at the gate say what is wrong as an i18n key + params (validation.*,
 * subnet.*), which the window words in English and German; the English message for the CLI stays.
 */
import { describe, expect, it } from 'vitest';
import type { DesiredSettings } from '../../../electron/core/model';
import { validateDesired } from '../../../electron/core/settings/validate';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';

const good: DesiredSettings = {
  virtualMachineMigrationEnabled: true, maximumVirtualMachineMigrations: 2, maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'Kerberos', virtualMachineMigrationPerformanceOption: 'Compression', networks: 'any',
};
const bad = (over: Record<string, unknown>) => ({ ...good, ...over }) as unknown as DesiredSettings;

const lookup = (resources: object, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);
const say = (resources: object, key: string, params: Readonly<Record<string, string | number>>) =>
  String(lookup(resources, key) ?? `(no text for ${key})`).replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(params[n] ?? `{{${n}}}`));

describe('desired settings refused as key + params', () => {
  const issues = [
    ...validateDesired(bad({ virtualMachineMigrationEnabled: 'yes', maximumVirtualMachineMigrations: 0, virtualMachineMigrationAuthenticationType: 'NTLM', virtualMachineMigrationPerformanceOption: 'RDMA' }), 'desired'),
    ...validateDesired(bad({ networks: [] }), 'desired'),
    ...validateDesired(bad({ networks: [
      { subnet: '10.0.0.1/24', priority: 1 }, { subnet: '', priority: 1 }, { subnet: 'x'.repeat(70), priority: 1 }, { subnet: '1/2/3', priority: 1 },
      { subnet: 'host', priority: 1 }, { subnet: '10.0.0.300', priority: 1 }, { subnet: '10.0.0.0/33', priority: 1 },
      { subnet: '10.1.0.0/16', priority: -1 }, { subnet: '10.1.0.0/16', priority: 2 },
    ] }), 'desired'),
  ];

  it('gives every refusal a key both languages have, with every placeholder filled', () => {
    const keys = new Set(issues.map((i) => i.messageKey));
    expect(keys.size).toBe(14);
    for (const i of issues) {
      expect(i.params.field, i.message).toBe(i.field);
      for (const resources of [en, de]) expect(say(resources, i.messageKey, i.params), i.messageKey).not.toMatch(/\{\{|\(no text/);
    }
  });

  it('keeps the English message for the CLI and says the same in German', () => {
    const hostBits = issues.find((i) => i.messageKey === 'subnet.host-bits')!;
    expect(hostBits.message).toBe('desired.networks.0.subnet: has host bits set below /24; did you mean 10.0.0.0/24?');
    expect(say(de, hostBits.messageKey, hostBits.params)).toBe('„10.0.0.1/24“ hat Hostbits unterhalb von /24 gesetzt: meinten Sie 10.0.0.0/24?');
    const duplicate = issues.find((i) => i.messageKey === 'validation.duplicate-subnet')!;
    expect(say(en, duplicate.messageKey, duplicate.params)).toBe('10.1.0.0/16 is already listed as desired.networks.7.');
  });
});
