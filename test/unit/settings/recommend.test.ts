import { describe, it, expect } from 'vitest';
import { recommend, commonLinks, dedicatedLinks } from '../../../electron/core/settings/recommend';
import { fakeFacts } from '../../support/fake-ferry-api';
import type { MigrationLink } from '../../../electron/core/model';

const link = (name: string, subnet: string, linkSpeedGbps: number, rdma = false): MigrationLink => ({ name, subnet, linkSpeedGbps, rdma });

describe('recommend', () => {
  it('Kerberos + delegation both ways, dedicated network, SMB at 25 Gb/s with RDMA on both', () => {
    const r = recommend(fakeFacts('HV01'), fakeFacts('HV02'));
    expect(r.desired.virtualMachineMigrationAuthenticationType).toBe('Kerberos');
    expect(r.delegation).toEqual({ enabled: true, bothDirections: true });
    expect(r.desired.networks).toEqual([{ subnet: '10.0.10.0/24', priority: 1 }]);
    expect(r.desired.virtualMachineMigrationPerformanceOption).toBe('SMB');
    expect(r.desired.virtualMachineMigrationEnabled).toBe(true);
    expect(r.reasons.map((x) => x.key)).toEqual(['recommend.kerberos', 'recommend.dedicated', 'recommend.smb']);
  });

  it('Compression below 10 Gb/s even with RDMA', () => {
    const links = [link('Management', '10.0.0.0/24', 1), link('LM', '10.0.10.0/24', 5, true)];
    const r = recommend(fakeFacts('A', { links }), fakeFacts('B', { links }));
    expect(r.desired.virtualMachineMigrationPerformanceOption).toBe('Compression');
    expect(r.reasons.at(-1)).toEqual({ key: 'recommend.compression', values: { gbps: 5 } });
  });

  it('uses the slower side: 25 Gb/s on one host and 1 Gb/s on the other is a 1 Gb/s path', () => {
    const a = [link('Mgmt', '10.0.0.0/24', 1), link('Migration', '10.0.10.0/24', 25, true)];
    const b = [link('Mgmt', '10.0.0.0/24', 1), link('Migration', '10.0.10.0/24', 1, true)];
    expect(recommend(fakeFacts('A', { links: a }), fakeFacts('B', { links: b })).desired.virtualMachineMigrationPerformanceOption).toBe('Compression');
  });

  it('10 Gb/s and above without RDMA on both hosts stays Compression', () => {
    const a = [link('Mgmt', '10.0.0.0/24', 1), link('Migration', '10.0.10.0/24', 40, true)];
    const b = [link('Mgmt', '10.0.0.0/24', 1), link('Migration', '10.0.10.0/24', 40, false)];
    const r = recommend(fakeFacts('A', { links: a }), fakeFacts('B', { links: b }));
    expect(r.desired.virtualMachineMigrationPerformanceOption).toBe('Compression');
    expect(r.reasons.at(-1)?.key).toBe('recommend.fastNoRdma');
  });

  it('any network when there is no dedicated one; Compression when speeds are unknown', () => {
    const single = [link('Ethernet', '10.0.0.0/24', 10, true)];
    const r = recommend(fakeFacts('A', { links: single }), fakeFacts('B', { links: single }));
    expect(r.desired.networks).toBe('any');
    expect(r.desired.virtualMachineMigrationPerformanceOption).toBe('SMB');
    const none = recommend(fakeFacts('A', { links: [] }), undefined);
    expect(none.desired.networks).toBe('any');
    expect(none.desired.virtualMachineMigrationPerformanceOption).toBe('Compression');
    expect(none.reasons.map((x) => x.key)).toContain('recommend.speedUnknown');
  });

  it('does not treat a subnet only one host has as dedicated, and orders several by speed', () => {
    expect(commonLinks([link('LM', '10.0.10.0/24', 10)], [link('LM', '10.0.20.0/24', 10)])).toEqual([]);
    const a = [link('Management', '10.0.0.0/24', 1), link('LM-A', '10.0.10.0/24', 10), link('LM-B', '10.0.20.0/24', 25)];
    const r = recommend(fakeFacts('A', { links: a }), fakeFacts('B', { links: a }));
    expect(r.desired.networks).toEqual([{ subnet: '10.0.20.0/24', priority: 1 }, { subnet: '10.0.10.0/24', priority: 2 }]);
    // Two unnamed shared subnets, one called management: the other is dedicated.
    expect(dedicatedLinks(commonLinks([link('mgmt', 'x', 1), link('nic2', 'y', 10)], [link('mgmt', 'x', 1), link('nic2', 'y', 10)])).map((c) => c.subnet)).toEqual(['y']);
  });

  it('keeps the priority both hosts already give the dedicated subnet, so no step changes it', () => {
    const listed = (name: string, priority: number) => {
      const f = fakeFacts(name);
      return { ...f, settings: { ...f.settings!, migrationNetworks: [{ subnet: '10.0.10.0/24', priority }] } };
    };
    expect(recommend(listed('A', 0), listed('B', 0)).desired.networks).toEqual([{ subnet: '10.0.10.0/24', priority: 0 }]);
    // The hosts disagree: Ferry's own numbering, which the plan then makes equal.
    expect(recommend(listed('A', 0), listed('B', 5)).desired.networks).toEqual([{ subnet: '10.0.10.0/24', priority: 1 }]);
  });

  it('keeps a higher simultaneous-migration count the admin already set', () => {
    const base = fakeFacts('A');
    const a = fakeFacts('A', { settings: { ...base.settings!, maximumVirtualMachineMigrations: 4 } });
    expect(recommend(a, fakeFacts('B')).desired.maximumVirtualMachineMigrations).toBe(4);
  });
});
