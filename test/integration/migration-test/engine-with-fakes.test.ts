/**
 * The engine end to end with in-memory dependencies: facts gathered in parallel, dead hosts and
 * failing probes turned into findings, the model fed from the facts, the report valid.
 */
import { describe, it, expect } from 'vitest';
import { runMigrationTest, type MigrationTestDeps } from '../../../electron/engine/migration-test';
import { createTestHandlers } from '../../../electron/main/handlers/test-handlers';
import { TestReportSchema } from '../../../electron/core/contract/schemas';
import type { HostFacts } from '../../../electron/core/model';
import { account, host, vm, withSettings } from '../../unit/preflight/fixtures';

function fakeDeps(over: Partial<MigrationTestDeps> = {}, hosts: Record<string, HostFacts> = {}): MigrationTestDeps & { calls: string[]; readsInFlight: { now: number; most: number } } {
  const calls: string[] = [];
  const readsInFlight = { now: 0, most: 0 };
  const all: Record<string, HostFacts> = { HV01: host('HV01', { vms: [vm()] }), HV02: host('HV02'), ...hosts };
  return {
    calls,
    readsInFlight,
    readHosts: async (names) => {
      calls.push(`read:${names.join(',')}`);
      readsInFlight.most = Math.max(readsInFlight.most, ++readsInFlight.now);
      // Out until the event loop turns: a read started in the same turn overlaps it, one after it does not.
      await new Promise((r) => setImmediate(r));
      readsInFlight.now--;
      return names.map((n) => all[n] ?? { computerName: n, status: 'unreachable' as const, error: { code: 'unreachable', message: `${n} did not answer` } });
    },
    readAccount: async (name) => (name === 'HV01' ? account('HV01', 'HV02') : account('HV02', 'HV01')),
    compareVm: async (_s, name) => ({ name, incompatibilities: [] }),
    checkPorts: async (_from, _target, ports) => ports.map((port) => ({ port, open: true })),
    now: () => new Date('2025-05-01T10:00:00Z'),
    user: 'CORP\\tester',
    dnsDomain: 'corp.example',
    ...over,
  };
}

describe('runMigrationTest', () => {
  it('a ready pair: no fail, a valid report, model fed from the VM and links', async () => {
    const deps = fakeDeps();
    const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01'] });
    // Both hosts are read at once: the second read starts while the first is still out.
    expect(deps.readsInFlight.most).toBe(2);
    expect(deps.calls.sort()).toEqual(['read:HV01', 'read:HV02']);
    expect(TestReportSchema.safeParse(report).success).toBe(true);
    expect(report.findings.filter((f) => f.severity === 'fail')).toEqual([]);
    expect(report).toMatchObject({ source: 'HV01', destination: 'HV02', ranBy: 'CORP\\tester', startedAt: '2025-05-01T10:00:00.000Z' });
    expect(report.model.map((m) => m.option)).toEqual(['TCPIP', 'Compression', 'SMB']);
    // 8 GiB VM over the shared 10 Gb/s link at the default 200 MB/s dirtying: one TCP stream carries
    // at most 338 MB/s (the model's per-stream cap, Aidan Finn's measured peak), so each pass gains
    // only ~138 MB/s on the dirtying and the move takes ~43 s (it was ~9 s when one stream filled the link).
    expect(report.model[0]!.totalSeconds).toBeGreaterThan(35);
    expect(report.model[0]!.totalSeconds).toBeLessThan(50);
  });

  it('Test again asks Compare-VM only about VMs not compatible last time; the rest is checked again', async () => {
    const compared: string[] = [];
    const deps = fakeDeps(
      { compareVm: async (_s, name) => { compared.push(name); return { name, incompatibilities: [] }; } },
      { HV01: host('HV01', { vms: [vm(), vm({ name: 'sql01' })] }) },
    );
    const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01', 'sql01'], compatibleBefore: ['web01'] });
    expect(compared).toEqual(['sql01']);
    expect(deps.calls.sort()).toEqual(['read:HV01', 'read:HV02']);
    expect(report.findings.filter((f) => f.id === 'vm.compare').map((f) => [f.vm, f.severity])).toEqual([['web01', 'pass'], ['sql01', 'pass']]);
  });

  it('a dead destination becomes a failing finding, not a crash; Compare-VM is not attempted', async () => {
    let compared = 0;
    const deps = fakeDeps({ compareVm: async (_s, name) => { compared++; return { name, incompatibilities: [] }; } });
    const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV09', vms: ['web01'] });
    const f = report.findings.find((x) => x.id === 'host.reachable.destination')!;
    expect(f.severity).toBe('fail');
    expect(f.evidence.message).toBe('HV09 did not answer');
    expect(compared).toBe(0);
    expect(TestReportSchema.safeParse(report).success).toBe(true);
  });

  it('throwing dependencies (reader, directory, probes, Compare-VM) all end up as findings', async () => {
    const deps = fakeDeps({
      readHosts: async (names) => {
        if (names[0] === 'HV02') throw new Error('pool died');
        return [host('HV01', { vms: [vm()] })];
      },
      readAccount: async () => { throw new Error('LDAP down'); },
      checkPorts: async () => { throw new Error('probe failed'); },
    });
    const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01'] });
    expect(report.findings.find((x) => x.id === 'host.reachable.destination')).toMatchObject({ severity: 'fail', evidence: { message: 'pool died' } });
    expect(report.findings.find((x) => x.id === 'identity.directory')?.severity).toBe('warn');
    expect(report.findings.find((x) => x.id === 'network.winrm.source')?.severity).toBe('info');

    const cmp = await runMigrationTest(fakeDeps({ compareVm: async () => { throw new Error('access denied'); } }), { source: 'HV01', destination: 'HV02', vms: ['web01'] });
    expect(cmp.findings.find((x) => x.id === 'vm.compare')).toMatchObject({ severity: 'warn', evidence: { error: 'access denied' } });
  });

  it('Compare-VM is not run where Hyper-V would refuse it; the finding names what is needed first', async () => {
    let compared = 0;
    const deps = fakeDeps(
      { compareVm: async (_s, name) => { compared++; return { name, incompatibilities: [] }; }, checkPorts: async (_f, _t, ports) => ports.map((port) => ({ port, open: port !== 6600 })) },
      { HV02: withSettings(host('HV02'), { virtualMachineMigrationEnabled: false }) },
    );
    const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01'] });
    expect(compared).toBe(0);
    expect(report.findings.find((x) => x.id === 'vm.compare')).toMatchObject({
      severity: 'info',
      params: { variant: 'prerequisites', needs: 'migration-enabled@HV02;port-6600@HV01>HV02' },
    });
  });

  it('a Compare-VM that fails with a real error code is mapped to the same prerequisite', async () => {
    const deps = fakeDeps({
      readAccount: undefined,
      compareVm: async (_s, name) => ({ name, incompatibilities: [], error: 'Die Anmeldeinformationen wurden nicht erkannt (0x8009030D).', errorCodes: ['0x8009030D'] }),
    });
    // No directory: the facts alone do not forbid the check, the error tells (Ferry starts it remotely).
    const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01'], startMode: 'source' });
    expect(report.findings.find((x) => x.id === 'vm.compare')).toMatchObject({
      severity: 'info',
      params: { variant: 'prerequisites', needs: 'kerberos-delegation@HV01>HV02;protocol-transition@HV01' },
      evidence: { error: 'Die Anmeldeinformationen wurden nicht erkannt (0x8009030D).' },
    });
  });

  it('passes includeStorage and the destination storage path to Compare-VM', async () => {
    const seen: unknown[] = [];
    const deps = fakeDeps({ compareVm: async (_s, name, _d, options) => { seen.push(options); return { name, incompatibilities: [] }; } });
    await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01'], includeStorage: true, destinationStoragePath: 'D:\\VMs' });
    await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['web01'] });
    expect(seen).toEqual([{ includeStorage: true, destinationStoragePath: 'D:\\VMs' }, { includeStorage: false }]);
  });

  it('a closed port 6600 yields the matching finding', async () => {
    const deps = fakeDeps({ checkPorts: async (_f, _t, ports) => ports.map((port) => ({ port, open: port !== 6600 })) });
    const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02' });
    expect(report.findings.find((x) => x.id === 'network.port-6600')?.severity).toBe('fail');
  });

  it('uses the hypothetical VM for the model when given', async () => {
    const report = await runMigrationTest(fakeDeps(), { source: 'HV01', destination: 'HV02', hypothetical: { memoryGiB: 64, dirtyMBps: 2000 } });
    expect(report.model.every((m) => !m.converges)).toBe(true);
    expect(report.findings.find((x) => x.id === 'capacity.model')?.severity).toBe('warn');
  });
});

describe('test handlers', () => {
  it('test:report refuses before a run, then renders the last report', async () => {
    const handlers = createTestHandlers({ testDeps: () => fakeDeps() });
    const signal = new AbortController().signal;
    await expect(handlers['test:report']({}, signal)).rejects.toThrow(/Run the migration test first/);
    const report = await handlers['test:run']({ source: 'HV01', destination: 'HV02', vms: ['web01'] }, signal);
    expect(report.findings.length).toBeGreaterThan(5);
    const out = await handlers['test:report']({ locale: 'de' }, signal);
    expect(out.fileName).toBe('ferry-test-HV01-HV02-2025-05-01T10-00-00Z.html');
    expect(out.html).toContain('lang="de"');
    expect(out.html).toContain('web01');
  });
});
