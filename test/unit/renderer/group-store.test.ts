/** The group in the window: ticking (range, all shown), saved groups, the group's plan request, the matrix and one cell. */
import { describe, expect, it } from 'vitest';
import { pickHost, setAll } from '../../../renderer/src/store/group-selection';
import { groupPlanRequest } from '../../../renderer/src/store/group-slice';
import { groupRows } from '../../../renderer/src/store/group-rows';
import { recommendGroup } from '../../../electron/core/settings/recommend-group';
import { createFerryStore } from '../../../renderer/src/store/store';
import type { DesiredSettings, HostFacts, PlanStep } from '../../../electron/core/model';
import { createFakeFerry, fakeAccount, fakeFacts } from '../../support/fake-ferry-api';
import { delegationEntries } from '../../../renderer/src/store/settings-rows';
import { createI18n } from '../../../renderer/src/i18n/i18n';

const LIST = ['HV01', 'HV02', 'HV03', 'HV04', 'HV05', 'HV06'];
const desired: DesiredSettings = {
  virtualMachineMigrationEnabled: true,
  maximumVirtualMachineMigrations: 2,
  maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'Kerberos',
  virtualMachineMigrationPerformanceOption: 'Compression',
  networks: [{ subnet: '10.0.10.0/24', priority: 1 }],
};

describe('ticking hosts into the group', () => {
  it('a click toggles one host; Shift+click sets the range from the last click to the clicked state', () => {
    let p = pickHost({ group: [], anchor: null }, 'HV02', LIST, false);
    expect(p).toEqual({ group: ['HV02'], anchor: 'HV02' });
    p = pickHost(p, 'HV05', LIST, true);
    expect(p.group).toEqual(['HV02', 'HV03', 'HV04', 'HV05']);
    // Shift+click upwards on a ticked host unticks the range back to the anchor.
    p = pickHost(p, 'HV03', LIST, true);
    expect(p.group).toEqual(['HV02']);
    // Without an anchor in the list (filtered away), Shift+click is a plain click.
    expect(pickHost({ group: [], anchor: 'GONE' }, 'HV06', LIST, true).group).toEqual(['HV06']);
    expect(pickHost({ group: ['hv01'], anchor: null }, 'HV01', LIST, false).group).toEqual([]);
  });

  it('all shown are ticked (keeping the group order) and, when all already are, unticked', () => {
    expect(setAll(['HV09'], ['HV01', 'hv09', 'HV02'], true)).toEqual(['HV09', 'HV01', 'HV02']);
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    store.getState().toggleAllInGroup(['HV01', 'HV02']);
    expect(store.getState().group).toEqual(['HV01', 'HV02']);
    store.getState().toggleAllInGroup(['HV01', 'HV02']);
    expect(store.getState().group).toEqual([]);
  });
});

describe('saved groups', () => {
  it('saves the ticked hosts under a name, opens and deletes it through groups:*', async () => {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    store.getState().toggleAllInGroup(['HV01', 'HV02']);
    expect(await store.getState().saveGroup('  East  ')).toBe(true);
    expect(fake.calls.find((c) => c.channel === 'groups:save')?.request).toEqual({ name: 'East', hosts: ['HV01', 'HV02'] });
    store.getState().clearGroup();
    store.getState().openGroup('East');
    expect(store.getState().group).toEqual(['HV01', 'HV02']);
    await store.getState().deleteGroup('East');
    expect(store.getState().savedGroups).toEqual([]);
    await store.getState().deleteGroup('East');
    expect(store.getState().errors[0]).toMatchObject({ op: 'groups', code: 'not-found', field: 'name' });
  });
});

describe('the group plan request', () => {
  const base = { group: ['HV01', 'HV02', 'HV03'], desired, delegation: { enabled: true }, networkMode: 'shared' as const, hostNetworks: {}, topology: 'mesh' as const, hubs: [] };

  it('one desired column, a mesh, and host-specific networks only in per-host mode', () => {
    expect(groupPlanRequest(base)).toEqual({ hosts: ['HV01', 'HV02', 'HV03'], desired, delegation: { enabled: true, topology: 'mesh' } });
    const perHost = groupPlanRequest({ ...base, networkMode: 'perHost', hostNetworks: { HV01: '10.0.10.0/24', HV03: '10.0.30.0/24 10.0.31.0/24', HV02: '' } });
    expect(perHost).toMatchObject({
      perHost: [
        { host: 'HV01', settings: { networks: [{ subnet: '10.0.10.0/24', priority: 1 }] } },
        { host: 'HV03', settings: { networks: [{ subnet: '10.0.30.0/24', priority: 1 }, { subnet: '10.0.31.0/24', priority: 2 }] } },
      ],
    });
    // Typed per-host networks are kept but not sent once the admin goes back to one shared list.
    expect(groupPlanRequest({ ...base, hostNetworks: { HV03: '10.0.30.0/24' } })).not.toHaveProperty('perHost');
  });

  it('a hub topology sends only hubs in the group, and refuses none; a group of one is refused', () => {
    expect(groupPlanRequest({ ...base, topology: 'hub', hubs: ['HV03', 'HV09'] })).toMatchObject({ delegation: { enabled: true, topology: 'hub', hubs: ['HV03'] } });
    expect(groupPlanRequest({ ...base, topology: 'hub', hubs: [] })).toMatchObject({ field: 'delegation.hubs' });
    expect(groupPlanRequest({ ...base, group: ['HV01'] })).toMatchObject({ field: 'hosts' });
    expect(groupPlanRequest({ ...base, desired: null })).toMatchObject({ field: 'desired' });
  });

  it('says its refusals in the reader’s language, from the key (field named beside it)', () => {
    const de = createI18n('de');
    const en = createI18n('en');
    for (const refusal of [{ ...base, topology: 'hub' as const, hubs: [] }, { ...base, group: ['HV01'] }, { ...base, desired: null }, { ...base, group: ['HV01', 'hv01'] }]) {
      const issue = groupPlanRequest(refusal);
      if (!('messageKey' in issue)) throw new Error(`not refused: ${JSON.stringify(issue)}`);
      expect(issue.params.field).toBe(issue.field);
      for (const i of [de, en]) expect(i.t(issue.messageKey, { ...issue.params })).not.toMatch(/\{\{|^groupIssue\.|^hostName\./);
      expect(de.t(issue.messageKey, { ...issue.params })).not.toBe(en.t(issue.messageKey, { ...issue.params }));
    }
    const desiredMissing = groupPlanRequest({ ...base, desired: null });
    expect('messageKey' in desiredMissing && de.t(desiredMissing.messageKey, { ...desiredMissing.params })).toBe('Wählen Sie zuerst die gewünschten Einstellungen: Empfohlen, oder von den aktuellen Einstellungen ausgehen.');
  });

  it('createGroupPlan sends the group request, and a refused one becomes an error naming the field', async () => {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    store.setState({ group: ['HV01', 'HV02', 'HV03'], desired, topology: 'hub', hubs: [] });
    expect(await store.getState().createGroupPlan()).toBeUndefined();
    expect(store.getState().errors[0]).toMatchObject({ op: 'plan', field: 'delegation.hubs', messageKey: 'groupIssue.no-hubs', params: { field: 'delegation.hubs' } });
    expect(fake.calls.some((c) => c.channel === 'plan:create')).toBe(false);
    store.getState().toggleHub('HV02');
    const plan = await store.getState().createGroupPlan();
    expect(plan?.hosts).toEqual(['HV01', 'HV02', 'HV03']);
    expect(store.getState().errors).toEqual([]);
    expect(fake.calls.find((c) => c.channel === 'plan:create')?.request).toMatchObject({ hosts: ['HV01', 'HV02', 'HV03'], delegation: { topology: 'hub', hubs: ['HV02'] } });
  });
});

describe('the group grid', () => {
  it('counts per setting how many hosts differ from the one desired column, per host networks included', () => {
    const facts: Record<string, HostFacts> = {
      HV01: fakeFacts('HV01'),
      HV02: fakeFacts('HV02', { settings: { ...fakeFacts('HV02').settings!, virtualMachineMigrationAuthenticationType: 'Kerberos', useAnyNetworkForMigration: false, migrationNetworks: [{ subnet: '10.0.20.0/24', priority: 1 }] } }),
    };
    const rows = groupRows({ hosts: ['HV01', 'HV02', 'HV03'], facts, accounts: {}, desired, delegation: { enabled: true, topology: { kind: 'mesh' } } });
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row('authentication').differing).toBe(2); // HV01 CredSSP, HV03 not read
    expect(row('authentication').hosts.map((h) => h.differs)).toEqual([true, false, true]);
    expect(row('performance').differing).toBe(1);
    expect(row('networks').differing).toBe(3);
    const perHost = groupRows({ hosts: ['HV01', 'HV02'], facts, accounts: {}, desired, hostNetworks: { HV02: [{ subnet: '10.0.20.0/24', priority: 1 }] }, delegation: { enabled: true, topology: { kind: 'mesh' } } });
    expect(perHost.find((r) => r.id === 'networks')).toMatchObject({ differing: 1, desired: { kind: 'key', key: 'group.networksPerHost' } });
  });

  it('delegation: per account the entries its topology needs and how many it has', () => {
    const hv02 = fakeAccount('HV02');
    const hv01 = fakeAccount('HV01', { allowedToDelegateTo: delegationEntries(hv02, 'HV02', 'lab.test') });
    const accounts = { HV01: hv01, HV02: hv02, HV03: fakeAccount('HV03') };
    const mesh = groupRows({ hosts: ['HV01', 'HV02', 'HV03'], facts: {}, accounts, desired, delegation: { enabled: true, topology: { kind: 'mesh' } } }).find((r) => r.id === 'delegation')!;
    expect(mesh.hosts.map((h) => h.cell)).toEqual([
      { kind: 'entries', present: 4, needed: 8 },
      { kind: 'entries', present: 0, needed: 8 },
      { kind: 'entries', present: 0, needed: 8 },
    ]);
    const hub = groupRows({ hosts: ['HV01', 'HV02', 'HV03'], facts: {}, accounts, desired, delegation: { enabled: true, topology: { kind: 'hub', hubs: ['HV02'] } } }).find((r) => r.id === 'delegation')!;
    expect(hub.hosts.map((h) => [h.host, h.differs])).toEqual([['HV01', false], ['HV02', false], ['HV03', true]]);
    expect(hub.differing).toBe(1);
  });
});

describe('Recommended for a group', () => {
  it('restricts migration to the subnet every host has, at the weakest link', () => {
    const f = (name: string, gbps: number, rdma: boolean, extra = true) => fakeFacts(name, { links: [
      { name: 'Management', subnet: '10.0.0.0/24', linkSpeedGbps: 1, rdma: false },
      { name: 'LiveMigration', subnet: '10.0.10.0/24', linkSpeedGbps: gbps, rdma },
      ...(extra ? [{ name: 'Storage', subnet: '10.0.99.0/24', linkSpeedGbps: 25, rdma: true }] : []),
    ] });
    const r = recommendGroup([f('HV01', 25, true), f('HV02', 25, true), f('HV03', 10, true, false)]);
    expect(r.desired.networks).toEqual([{ subnet: '10.0.10.0/24', priority: 1 }]);
    expect(r.desired.virtualMachineMigrationPerformanceOption).toBe('SMB');
    expect(recommendGroup([f('HV01', 25, true), f('HV02', 25, false)]).desired.virtualMachineMigrationPerformanceOption).toBe('Compression');
    // Its reasons speak of every host, not of "both".
    expect(r.reasons.map((x) => x.key)).toEqual(['recommend.kerberos', 'group.recommend.dedicated', 'group.recommend.smb']);
  });
});

describe('the readiness matrix in the window', () => {
  it('test:group answers the matrix; a cell opens that pair’s findings through test:pair', async () => {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    store.setState({ group: ['HV01', 'HV02', 'HV03'], topology: 'hub', hubs: ['HV03'] });
    const matrix = await store.getState().runGroupTest();
    expect(matrix?.cells).toHaveLength(6);
    expect(fake.calls.find((c) => c.channel === 'test:group')?.request).toEqual({ hosts: ['HV01', 'HV02', 'HV03'], topology: 'hub', hubs: ['HV03'] });
    await store.getState().openCell('HV02', 'HV03');
    expect(store.getState().cell).toEqual({ source: 'HV02', destination: 'HV03' });
    expect(store.getState().cellReport).toMatchObject({ source: 'HV02', destination: 'HV03' });
    // Ticking another host makes the matrix stale.
    store.getState().pickInGroup('HV04', ['HV01', 'HV02', 'HV03', 'HV04'], false);
    expect(store.getState().matrix).toBeNull();
    expect(store.getState().cellReport).toBeNull();
  });

  it('an answer for a cell the admin already left is not shown', async () => {
    const fake = createFakeFerry();
    let release: () => void = () => undefined;
    fake.answer('test:pair', (r) => new Promise((resolve) => { release = () => resolve({ ok: true, data: { source: r.source, destination: r.destination, startedAt: '', ranBy: '', hosts: [], findings: [], model: [] } }); }));
    const store = createFerryStore(fake.api);
    const pending = store.getState().openCell('HV01', 'HV02');
    store.getState().closeCell();
    release();
    await pending;
    expect(store.getState().cellReport).toBeNull();
  });

  it('after an apply in group scope the whole group is read again, not the pair', async () => {
    const fake = createFakeFerry({ hosts: ['HV01', 'HV02', 'HV03'].map((n) => ({ account: fakeAccount(n), delegationState: 'none' as const, source: 'directory' as const })) });
    const store = createFerryStore(fake.api);
    store.setState({ group: ['HV01', 'HV02', 'HV03'], desired, scope: 'group', directory: { connected: false, lab: false } });
    await store.getState().createGroupPlan();
    await store.getState().startApply(false);
    const reads = fake.calls.filter((c) => c.channel === 'hosts:read').map((c) => (c.request as { hosts: string[] }).hosts);
    expect(reads).toEqual([['HV01', 'HV02', 'HV03']]);
  });
});

describe('the group plan per account', () => {
  it('lists per account the values added and removed and whether its protocol-transition flag changes', async () => {
    const { delegationByAccount } = await import('../../../renderer/src/store/delegation-by-account');
    const common = (id: string, target: string) => ({ id, target, command: '', inverseCommand: '', optional: false });
    const add = (target: string, value: string): PlanStep => ({ ...common(`add:${value}`, target), kind: 'delegation-add', setting: 'msDS-AllowedToDelegateTo', before: null, after: value, channel: 'ldap' });
    const remove = (target: string, value: string): PlanStep => ({ ...common(`remove:${value}`, target), kind: 'delegation-remove', setting: 'msDS-AllowedToDelegateTo', before: value, after: null, channel: 'ldap' });
    const uac = (target: string, before: number, after: number): PlanStep => ({ ...common(`uac:${after}`, target), kind: 'uac-set', setting: 'userAccountControl', before, after, channel: 'ldap' });
    const setHost: PlanStep = { ...common('set-host', 'HV01'), kind: 'set-host', setting: 'virtualMachineMigrationAuthenticationType', before: 'CredSSP', after: 'Kerberos', channel: 'powershell' };
    expect(delegationByAccount([
      add('HV01', 'cifs/HV02'),
      setHost,
      add('HV02', 'cifs/HV01'),
      add('HV02', 'cifs/hv01.lab.example'),
      add('hv01', 'cifs/hv02.lab.example'),
      remove('HV03', 'cifs/HV01'),
      uac('HV02', 0x1000, 0x1001000),
    ])).toEqual([
      { account: 'HV01', adds: ['cifs/HV02', 'cifs/hv02.lab.example'], removes: [], flag: false },
      { account: 'HV02', adds: ['cifs/HV01', 'cifs/hv01.lab.example'], removes: [], flag: true },
      { account: 'HV03', adds: [], removes: ['cifs/HV01'], flag: false },
    ]);
  });
});
