import { describe, expect, it } from 'vitest';
import { groupPlanSpec, groupTestSpec, isGroupIssue } from '../../../electron/core/group';
import { kerberosDesired } from '../../support/desired-settings';

const desired = kerberosDesired([{ subnet: '10.0.0.0/24', priority: 1 }]);

describe('plan and test requests as groups', () => {
  it('a pair request is the group of two, its direction the topology', () => {
    expect(groupPlanSpec({ source: 'HV01', destination: 'HV02', desired, delegation: { enabled: true, bothDirections: true } })).toEqual({
      hosts: ['HV01', 'HV02'], topology: { kind: 'mesh' }, delegation: true, perHost: {}, pair: true,
    });
    expect(groupPlanSpec({ source: 'HV01', destination: 'HV02', desired, delegation: { enabled: true, bothDirections: false } })).toMatchObject({
      topology: { kind: 'hub', hubs: ['HV02'] },
    });
  });

  it('a group request keeps its hosts, topology and per-host overrides (by the group’s spelling)', () => {
    const spec = groupPlanSpec({
      hosts: ['HV01', 'HV02', 'HV03'],
      desired,
      perHost: [{ host: 'hv03', settings: { networks: [{ subnet: '10.0.3.0/24', priority: 1 }] } }],
      delegation: { enabled: true, topology: 'hub', hubs: ['HV01'] },
    });
    expect(spec).toEqual({
      hosts: ['HV01', 'HV02', 'HV03'],
      topology: { kind: 'hub', hubs: ['HV01'] },
      delegation: true,
      perHost: { HV03: { networks: [{ subnet: '10.0.3.0/24', priority: 1 }] } },
      pair: false,
    });
  });

  it('every refusal names its field', () => {
    const field = (r: ReturnType<typeof groupPlanSpec>) => (isGroupIssue(r) ? r.field : 'accepted');
    const d = { enabled: true };
    expect(field(groupPlanSpec({ desired, delegation: d }))).toBe('hosts');
    expect(field(groupPlanSpec({ source: 'HV01', desired, delegation: d }))).toBe('destination');
    expect(field(groupPlanSpec({ source: 'HV01', destination: 'hv01', desired, delegation: d }))).toBe('destination');
    expect(field(groupPlanSpec({ source: 'HV 01', destination: 'HV02', desired, delegation: d }))).toBe('source');
    expect(field(groupPlanSpec({ hosts: ['HV01', 'HV02'], source: 'HV01', desired, delegation: d }))).toBe('source');
    expect(field(groupPlanSpec({ hosts: ['HV01', 'HV02'], destination: 'HV01', desired, delegation: d }))).toBe('destination');
    expect(field(groupPlanSpec({ hosts: ['HV01', 'HV01'], desired, delegation: d }))).toBe('hosts.1');
    expect(field(groupPlanSpec({ hosts: ['HV01', 'HV02'], desired, delegation: { enabled: true, topology: 'hub', hubs: ['HV09'] } }))).toBe('delegation.hubs.0');
    expect(field(groupPlanSpec({ hosts: ['HV01', 'HV02'], desired, delegation: { enabled: true, hubs: ['HV02'] } }))).toBe('delegation.hubs');
    expect(field(groupPlanSpec({ hosts: ['HV01', 'HV02'], desired, perHost: [{ host: 'HV09', settings: {} }], delegation: d }))).toBe('perHost.0.host');
    expect(field(groupPlanSpec({ hosts: ['HV01', 'HV02'], desired, perHost: [{ host: 'HV02', settings: {} }, { host: 'hv02', settings: {} }], delegation: d }))).toBe('perHost.1.host');
    expect(field(groupTestSpec({ hosts: ['HV01', 'HV02'], topology: 'hub', hubs: ['HV07'] }) as ReturnType<typeof groupPlanSpec>)).toBe('hubs.0');
  });
});
