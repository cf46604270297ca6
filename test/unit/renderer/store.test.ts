import { describe, it, expect } from 'vitest';
import { createFerryStore, connectEvents } from '../../../renderer/src/store/store';
import { languageFromLocale } from '../../../renderer/src/store/app-slice';
import type { HostFacts } from '../../../electron/core/model';
import { createFakeFerry, fakeAccount, fakeFacts } from '../../support/fake-ferry-api';

describe('app slice', () => {
  it('takes the language from the OS locale', async () => {
    const fake = createFakeFerry({ locale: 'de-AT' });
    const store = createFerryStore(fake.api);
    await store.getState().loadInfo();
    expect(store.getState().language).toBe('de');
    expect(store.getState().info?.labMode).toBe(true);
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale('de_CH.UTF-8')).toBe('de');
    expect(languageFromLocale('dei')).toBe('en');
  });

  it('turns an error result into what/where/what-to-do and clears busy', async () => {
    const fake = createFakeFerry();
    fake.answer('hosts:read', () => ({ ok: false, error: { code: 'forbidden', message: 'Access is denied.', target: 'HV02' } }));
    const store = createFerryStore(fake.api);
    await store.getState().readFacts(['HV02']);
    const [err] = store.getState().errors;
    expect(err).toMatchObject({ op: 'read', code: 'forbidden', target: 'HV02', message: 'Access is denied.', hintKey: 'errors.hint.forbidden' });
    expect(store.getState().busy.read).toBeUndefined();
    store.getState().dismissError(0);
    expect(store.getState().errors).toHaveLength(0);
  });

  it('turns a thrown transport failure into an error, not an exception', async () => {
    const fake = createFakeFerry();
    fake.answer('hosts:discover', () => Promise.reject(new Error('socket closed')));
    const store = createFerryStore(fake.api);
    await expect(store.getState().discover()).resolves.toBeUndefined();
    expect(store.getState().errors[0]?.code).toBe('failed');
    expect(store.getState().errors[0]?.message).not.toContain('socket');
  });

  it('ignores the late answer of an abandoned operation', async () => {
    const fake = createFakeFerry();
    let release: () => void = () => undefined;
    fake.answer('hosts:discover', () => new Promise((resolve) => { release = () => resolve({ ok: true, data: { hosts: [{ account: fakeAccount('LATE'), delegationState: 'none', source: 'directory' }] } }); }));
    const store = createFerryStore(fake.api);
    const pending = store.getState().discover();
    expect(store.getState().busy.discover).toBeDefined();
    store.getState().abandon('discover');
    release();
    await pending;
    expect(store.getState().hosts).toHaveLength(0);
    expect(fake.calls.some((c) => c.channel === 'test:cancel')).toBe(false); // only the test is stopped in main
  });

  it('cancelling the migration test also stops it in the main process', async () => {
    const fake = createFakeFerry();
    fake.answer('test:run', () => new Promise(() => undefined)); // never answers on its own
    const store = createFerryStore(fake.api);
    store.setState({ source: 'HV01', destination: 'HV02' });
    void store.getState().runTest();
    expect(store.getState().busy.test).toBeDefined();
    store.getState().abandon('test');
    expect(store.getState().busy.test).toBeUndefined();
    expect(fake.calls.map((c) => c.channel)).toContain('test:cancel');
  });

  it('cancelling a read of many hosts stops it in main, drops the queued batches, and reads them again later', async () => {
    const fake = createFakeFerry();
    let release: () => void = () => undefined;
    fake.answer('hosts:read', (r) => new Promise((resolve) => {
      release = () => resolve({ ok: true, data: { hosts: r.hosts.map((n) => ({ computerName: n, status: 'ok' as const })) } });
    }));
    const store = createFerryStore(fake.api);
    const names = Array.from({ length: 120 }, (_, i) => `HV${String(i).padStart(3, '0')}`);
    const pending = store.getState().readFacts(names); // three batches of at most 50
    expect(store.getState().busy.read).toBeDefined();
    store.getState().abandon('read');
    release();
    await pending;
    const channels = fake.calls.map((c) => c.channel);
    expect(channels.filter((c) => c === 'hosts:read')).toHaveLength(1); // the queued batches never went out
    expect(channels).toContain('hosts:cancel');
    expect(store.getState().facts).toEqual({}); // the cancelled batch's late answer is ignored
    // Not read means never asked: on screen again, they are read.
    fake.answer('hosts:read', (r) => Promise.resolve({ ok: true, data: { hosts: r.hosts.map((n) => ({ computerName: n, status: 'ok' as const })) } }));
    await store.getState().ensureFacts(['HV000', 'HV119']);
    expect(Object.keys(store.getState().facts).sort()).toEqual(['HV000', 'HV119']);
  });
});

describe('discovery slice', () => {
  it('opens the lab, discovers and reads facts of every host', async () => {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    expect(await store.getState().openLab()).toBe(true);
    const s = store.getState();
    expect(s.directory?.lab).toBe(true);
    expect(s.hosts.map((h) => h.account.name)).toEqual(['HV01', 'HV02']);
    expect(Object.keys(s.facts).sort()).toEqual(['HV01', 'HV02']);
    expect(fake.calls.map((c) => c.channel)).toEqual(['lab:open', 'hosts:discover', 'hosts:read']);
  });

  it('reads a large directory only on demand, in small queued batches, never twice unasked', async () => {
    const hosts = Array.from({ length: 1201 }, (_, i) => ({ account: fakeAccount(`H${i}`), delegationState: 'none' as const, source: 'directory' as const }));
    const fake = createFakeFerry({ hosts });
    const store = createFerryStore(fake.api);
    await store.getState().discover();
    const reads = () => fake.calls.filter((c) => c.channel === 'hosts:read').map((c) => (c.request as { hosts: string[] }).hosts);
    expect(reads()).toEqual([]); // 1,201 hosts: no fan-out after discovery
    await store.getState().ensureFacts(['H5', 'H6']);
    await store.getState().ensureFacts(['H5', 'H6', 'H7']);
    expect(reads()).toEqual([['H5', 'H6'], ['H7']]);
    // Explicit reads always go, queued (not superseding) and batched within the contract.
    const many = hosts.slice(0, 120).map((h) => h.account.name);
    const a = store.getState().readFacts(many);
    const b = store.getState().readFacts(['H1000']);
    await Promise.all([a, b]);
    expect(reads().slice(2).map((r) => r.length)).toEqual([50, 50, 21]);
    expect(Object.keys(store.getState().facts)).toHaveLength(121);
  });

  it('reads the chosen pair on demand', async () => {
    const hosts = Array.from({ length: 60 }, (_, i) => ({ account: fakeAccount(`H${i}`), delegationState: 'none' as const, source: 'directory' as const }));
    const fake = createFakeFerry({ hosts });
    const store = createFerryStore(fake.api);
    await store.getState().discover();
    store.getState().setSource('H42');
    await store.getState().ensureFacts([]);
    expect(fake.calls.filter((c) => c.channel === 'hosts:read').map((c) => c.request)).toEqual([{ hosts: ['H42'] }]);
  });

  it('validates typed names inline before asking, and reports unknown names', async () => {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    await store.getState().addHosts('new05, bad;name$, ghost');
    const results = store.getState().addResults;
    expect(results).toContainEqual({ name: 'name$', problemKey: 'hostName.bad-label', problemParams: { name: 'name$', label: 'name$' } });
    expect(results).toContainEqual({ name: 'new05', problemKey: null });
    expect(results.find((r) => r.name === 'ghost')?.problemKey).toBe('discover.add.notFound');
    expect(fake.calls.find((c) => c.channel === 'hosts:resolve')?.request).toEqual({ names: ['new05', 'bad', 'ghost'] });
    expect(store.getState().hosts.map((h) => h.account.name)).toContain('NEW05');
  });

  it('connects to a directory without keeping the password in state', async () => {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    await store.getState().connect({ url: 'ldaps://dc1.lab.test', startTls: false, bindUser: 'admin@lab.test', password: 'S3cret!' });
    expect(JSON.stringify(store.getState())).not.toContain('S3cret!');
    expect(store.getState().directory?.connected).toBe(true);
  });

  it('shows a directory that closed the connection as disconnected, keeping the host list', async () => {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    await store.getState().connect({ url: 'ldaps://dc1.lab.test', startTls: false, bindUser: 'admin@lab.test', password: 'S3cret!' });
    const hosts = store.getState().hosts.length;
    expect(hosts).toBeGreaterThan(0);
    fake.answer('hosts:discover', () => ({ ok: false, error: { code: 'session-ended', message: 'The directory closed the connection. Connect again to continue.' } }));
    await store.getState().discover();
    expect(store.getState().directory).toEqual({ connected: false, lab: false });
    expect(store.getState().errors[0]).toMatchObject({ code: 'session-ended', hintKey: 'errors.hint.session-ended' });
    expect(store.getState().hosts).toHaveLength(hosts);
  });

  it('never lets source and destination be the same host', () => {
    const store = createFerryStore(createFakeFerry().api);
    store.getState().setSource('HV01');
    store.getState().setDestination('HV01');
    expect(store.getState().source).toBeNull();
    expect(store.getState().destination).toBe('HV01');
  });
});

describe('configure and run slices', () => {
  async function ready() {
    const fake = createFakeFerry();
    const store = createFerryStore(fake.api);
    await store.getState().openLab();
    store.getState().setSource('HV01');
    store.getState().setDestination('HV02');
    return { fake, store };
  }

  it('Recommended → plan → apply, with progress events feeding the store', async () => {
    const { fake, store } = await ready();
    const unsubscribe = connectEvents(store, fake.api);
    store.getState().applyRecommended();
    expect(store.getState().desired?.virtualMachineMigrationAuthenticationType).toBe('Kerberos');
    const plan = await store.getState().createPlan();
    expect(plan?.steps).toHaveLength(2);
    expect(fake.calls.at(-1)?.request).toMatchObject({ source: 'HV01', destination: 'HV02', delegation: { enabled: true, bothDirections: true } });

    fake.answer('apply:start', async (r) => {
      fake.emitProgress({ runId: 'run-9', stepId: 's1', index: 0, total: 2, status: 'running', message: 'Setting authentication' });
      expect(store.getState().activeRunId).toBe('run-9');
      expect(store.getState().progress.s1?.status).toBe('running');
      await store.getState().cancelApply();
      return { ok: true, data: { runId: 'run-9', planId: r.planId, ok: false, results: [{ stepId: 's1', status: 'done', verified: true }, { stepId: 's2', status: 'not-started', verified: false }], restoreCommands: ['Set-VMHost ...'] } };
    });
    const result = await store.getState().startApply(false);
    expect(result?.ok).toBe(false);
    expect(fake.calls.some((c) => c.channel === 'apply:cancel' && (c.request as { runId: string }).runId === 'run-9')).toBe(true);
    expect(store.getState().progress.s2?.status).toBe('not-started');
    expect(store.getState().activeRunId).toBeNull();
    unsubscribe();
    expect(fake.listenerCount()).toBe(0);
  });

  it('changing the desired settings drops a stale plan', async () => {
    const { store } = await ready();
    store.getState().applyRecommended();
    await store.getState().createPlan();
    expect(store.getState().plan).not.toBeNull();
    store.getState().setDesired({ maximumVirtualMachineMigrations: 4 });
    expect(store.getState().plan).toBeNull();
    expect(store.getState().desired?.maximumVirtualMachineMigrations).toBe(4);
  });

  it('starts from current settings of the source', async () => {
    const { store } = await ready();
    store.getState().startFromCurrent();
    expect(store.getState().desired).toMatchObject({ virtualMachineMigrationAuthenticationType: 'CredSSP', networks: 'any' });
  });

  it('rolls back a run and reloads the audit log', async () => {
    const { fake, store } = await ready();
    const r = await store.getState().rollback('run-1');
    expect(r?.runId).toBe('rb-run-1');
    // …and re-reads the directory and the hosts, so Configure shows them as they now are.
    expect(fake.calls.map((c) => c.channel).slice(-4)).toEqual(['rollback:start', 'audit:list', 'hosts:discover', 'hosts:read']);
  });

  it('jumps from a finding to its Configure row', async () => {
    const { store } = await ready();
    store.getState().setWorkspace('test');
    store.getState().jumpToRow('authentication');
    expect(store.getState().workspace).toBe('configure');
    expect(store.getState().focusRow).toBe('authentication');
  });
});

describe('test slice', () => {
  it('runs with picked VMs or a hypothetical VM, and exports the report in the UI language', async () => {
    const vm = (name: string): NonNullable<HostFacts['vms']>[number] => ({
      name, state: 'Running', memoryAssignedBytes: 2 ** 32, memoryStartupBytes: 2 ** 32, dynamicMemoryEnabled: false, configurationVersion: '10.0',
      processorCompatibilityForMigration: false, switchNames: ['External'], hasIsoAttached: false, hasPassThroughDisk: false, hasSnapshots: false, diskBytes: 0,
    });
    const fake = createFakeFerry({ facts: [fakeFacts('HV01', { vms: [vm('SQL01'), vm('WEB01')] }), fakeFacts('HV02')] });
    const store = createFerryStore(fake.api);
    store.getState().setSource('HV01');
    store.getState().setDestination('HV02');
    const lastTest = () => fake.calls.filter((c) => c.channel === 'test:run').at(-1)?.request;
    await store.getState().ensureFacts([]); // the pair's facts, read on selection
    // Nothing ticked: every VM on the source (without names the engine checks no VM at all).
    await store.getState().runTest();
    expect(lastTest()).toEqual({ source: 'HV01', destination: 'HV02', vms: ['SQL01', 'WEB01'] });
    store.getState().toggleTestVm('SQL01');
    await store.getState().runTest();
    expect(lastTest()).toEqual({ source: 'HV01', destination: 'HV02', vms: ['SQL01'] });
    store.getState().setTestMode('hypothetical');
    store.getState().setHypothetical({ memoryGiB: 64 });
    await store.getState().runTest();
    expect(lastTest()).toEqual({ source: 'HV01', destination: 'HV02', hypothetical: { memoryGiB: 64, dirtyMBps: 200 } });
    expect(store.getState().report?.source).toBe('HV01');
    store.getState().setLanguage('de');
    await store.getState().exportReport();
    expect(fake.calls.at(-1)?.request).toEqual({ locale: 'de' });
  });
});
