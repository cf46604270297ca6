/**
 * Group requests refused (plan:create, test:group, the window's own group check) say what is
 * wrong as a code + params, like refused desired settings: the window words them in English and
 * German from `groupIssue.*` (a refused host name from `hostName.*`), the field still named; the
 * English message for the CLI and logs stays as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  GROUP_ISSUE_CODES,
  groupPlanSpec,
  groupTestSpec,
  isGroupIssue,
  validateGroupHosts,
  validatePairs,
  validateTopology,
  type GroupIssue,
} from '../../../electron/core/group';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';
import { kerberosDesired } from '../../support/desired-settings';

const desired = kerberosDesired([{ subnet: '10.0.0.0/24', priority: 1 }]);
const d = { enabled: true };

const lookup = (resources: object, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);
const say = (resources: object, key: string, params: Readonly<Record<string, string | number>>) =>
  String(lookup(resources, key) ?? `(no text for ${key})`).replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(params[n] ?? `{{${n}}}`));

const refused = (r: object): GroupIssue => {
  expect(isGroupIssue(r), JSON.stringify(r)).toBe(true);
  return r as GroupIssue;
};

// Every way a group request is refused, through the functions the gate, the CLI and the window call.
const issues: GroupIssue[] = [
  ...validateGroupHosts(['HV01']),
  ...validateGroupHosts(Array.from({ length: 101 }, (_, i) => `HV${i}`)),
  ...validateGroupHosts(['HV01', 'hv01', 'HV 03']),
  ...validateTopology(['A', 'B'], { kind: 'hub', hubs: [] }),
  ...validateTopology(['A', 'B'], { kind: 'hub', hubs: ['B', 'Z'] }),
  ...validatePairs(['A', 'B'], [{ source: 'A', destination: 'A' }, { source: 'X', destination: 'B' }]),
  refused(groupPlanSpec({ desired, delegation: d })),
  refused(groupPlanSpec({ source: 'HV01', desired, delegation: d })),
  refused(groupPlanSpec({ source: 'HV01', destination: 'hv01', desired, delegation: d })),
  refused(groupPlanSpec({ source: 'HV 01', destination: 'HV02', desired, delegation: d })),
  refused(groupPlanSpec({ hosts: ['HV01', 'HV02'], source: 'HV01', desired, delegation: d })),
  refused(groupPlanSpec({ hosts: ['HV01', 'HV02'], desired, delegation: { enabled: true, hubs: ['HV02'] } })),
  refused(groupPlanSpec({ hosts: ['HV01', 'HV02'], desired, perHost: [{ host: 'HV09', settings: {} }], delegation: d })),
  refused(groupPlanSpec({ hosts: ['HV01', 'HV02'], desired, perHost: [{ host: 'HV02', settings: {} }, { host: 'hv02', settings: {} }], delegation: d })),
  refused(groupTestSpec({ hosts: ['HV01', 'HV02'], topology: 'hub', hubs: ['HV07'] })),
];

describe('group requests refused as code + params', () => {
  it('every refusal has a key, names its field, and has an English and a German text with every placeholder filled', () => {
    for (const i of issues) {
      expect(i.messageKey, i.message).toMatch(/^(groupIssue|hostName)\.[\w-]+$/);
      expect(i.params.field, i.message).toBe(i.field);
      expect(i.message.startsWith(`${i.field}: `), i.message).toBe(true);
      for (const resources of [en, de]) expect(say(resources, i.messageKey, i.params), i.messageKey).not.toMatch(/\{\{|\(no text/);
    }
  });

  it('covers every code, and every code has both texts', () => {
    const produced = new Set(issues.map((i) => i.messageKey).filter((k) => k.startsWith('groupIssue.')));
    // choose-settings is the window's own check (group-slice), tested there.
    expect([...produced].sort()).toEqual(GROUP_ISSUE_CODES.filter((c) => c !== 'choose-settings').map((c) => `groupIssue.${c}`).sort());
    for (const code of GROUP_ISSUE_CODES) {
      expect(typeof lookup(en, `groupIssue.${code}`), `en ${code}`).toBe('string');
      expect(typeof lookup(de, `groupIssue.${code}`), `de ${code}`).toBe('string');
    }
  });

  it('keeps the English messages the CLI and logs print', () => {
    expect(issues.map((i) => i.message)).toEqual([
      'hosts: a group needs at least two hosts',
      'hosts: at most 100 hosts',
      'hosts.1: hv01 is listed twice',
      "hosts.2: 'HV 03' is not a valid host name label: use letters, digits and inner hyphens only",
      'delegation.hubs: choose at least one destination host',
      'delegation.hubs.1: Z is not in the group',
      'pairs.0.destination: must differ from the source',
      'pairs.1.source: X is not in the group',
      'hosts: give two or more hosts, or a source and a destination',
      'destination: is required',
      'destination: must differ from the source',
      "source: 'HV 01' is not a valid host name label: use letters, digits and inner hyphens only",
      'source: give hosts, or source and destination, not both',
      "delegation.hubs: hubs need topology 'hub'",
      'perHost.0.host: HV09 is not in the group',
      'perHost.1.host: hv02 is given twice',
      'hubs.0: HV07 is not in the group',
    ]);
  });

  it('says them in German, naming the host', () => {
    const twice = issues.find((i) => i.field === 'hosts.1')!;
    expect(say(de, twice.messageKey, twice.params)).toBe('hv01 steht zweimal in der Liste.');
    const badName = issues.find((i) => i.field === 'source')!;
    expect(badName.messageKey).toBe('hostName.bad-label');
    expect(say(de, badName.messageKey, badName.params)).toBe('HV 01 ist kein gültiger Hostname: „HV 01“ darf nur Buchstaben, Ziffern und innere Bindestriche enthalten.');
    const sameHost = issues.find((i) => i.field === 'destination' && i.messageKey === 'groupIssue.same-as-source')!;
    expect(say(de, sameHost.messageKey, sameHost.params)).toBe('Das Ziel muss ein anderer Host sein als die Quelle HV01.');
  });
});
