/**
 * The group test with in-memory dependencies: facts gathered once per host (not once per pair),
 * every ordered pair evaluated, the pair test as the group of two, Compare-VM within its budget.
 */
import { describe, expect, it } from 'vitest';
import { COMPARE_VM_BUDGET, pairReport, runGroupTest, runMigrationTest, type MigrationTestDeps } from '../../../electron/engine/migration-test';
import { createTestHandlers } from '../../../electron/main/handlers/test-handlers';
import { GroupTestSummarySchema, TestReportSchema } from '../../../electron/core/contract/schemas';
import type { HostFacts } from '../../../electron/core/model';
import { account, host, vm } from '../../unit/preflight/fixtures';

const HOSTS = ['HV01', 'HV02', 'HV03', 'HV04'];

function meshAccount(name: string) {
  const entries = HOSTS.filter((h) => h !== name).flatMap((d) => account(name, d).allowedToDelegateTo);
  return { ...account(name), allowedToDelegateTo: entries };
}

function countingDeps(over: Partial<MigrationTestDeps> = {}, facts: Record<string, HostFacts> = {}) {
  const counts = { read: new Map<string, number>(), account: new Map<string, number>(), operator: 0, compare: 0, probes: 0 };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const all: Record<string, HostFacts> = Object.fromEntries(HOSTS.map((h, i) => [h, host(h, { vms: [vm({ name: `vm${i}` })] })]));
  Object.assign(all, facts);
  const deps: MigrationTestDeps = {
    readHosts: async (names) => {
      names.forEach((n) => bump(counts.read, n));
      return names.map((n) => all[n] ?? { computerName: n, status: 'unreachable' as const, error: { code: 'unreachable', message: `${n} did not answer` } });
    },
    readAccount: async (name) => {
      bump(counts.account, name);
      return meshAccount(name);
    },
    readOperator: async () => {
      counts.operator++;
      return undefined;
    },
    compareVm: async (_s, name) => {
      counts.compare++;
      return { name, incompatibilities: [] };
    },
    checkPorts: async (_from, _target, ports) => {
      counts.probes++;
      return ports.map((port) => ({ port, open: true }));
    },
    now: () => new Date('2026-12-01T10:00:00Z'),
    user: 'CORP\\tester',
    dnsDomain: 'corp.example',
    ...over,
  };
  return { deps, counts };
}

describe('runGroupTest', () => {
  it('gathers once per host and tests all 12 ordered pairs of 4 hosts', async () => {
    const { deps, counts } = countingDeps();
    const report = await runGroupTest(deps, { hosts: HOSTS });
    expect(report.pairs).toHaveLength(12);
    expect([...counts.read.values()]).toEqual([1, 1, 1, 1]);
    expect([...counts.account.values()]).toEqual([1, 1, 1, 1]);
    expect(counts.operator).toBe(1);
    // WinRM from this computer once per host; 6600/445 once per pair; one VM per source and pair.
    expect(counts.probes).toBe(4 + 12);
    expect(counts.compare).toBe(12);
    expect(report.cells.every((c) => c.verdict !== 'blocked')).toBe(true);
    const parsed = GroupTestSummarySchema.safeParse({ startedAt: report.startedAt, ranBy: report.ranBy, hosts: report.hosts.map((h) => ({ computerName: h.computerName, status: h.status })), cells: report.cells, compareVm: true });
    expect(parsed.success).toBe(true);
  });

  it('a host that cannot be read blocks exactly the pairs it is in', async () => {
    const { deps } = countingDeps({}, { HV03: { computerName: 'HV03', status: 'unreachable', error: { code: 'unreachable', message: 'HV03 did not answer' } } });
    const report = await runGroupTest(deps, { hosts: HOSTS });
    for (const c of report.cells) expect(c.verdict === 'blocked').toBe(c.source === 'HV03' || c.destination === 'HV03');
  });

  it('a hub topology tests only the moves to its hubs; a mesh checks delegation both ways', async () => {
    const { deps } = countingDeps();
    const hub = await runGroupTest(deps, { hosts: HOSTS, topology: { kind: 'hub', hubs: ['HV01'] } });
    expect(hub.pairs.map((p) => `${p.source}>${p.destination}`)).toEqual(['HV02>HV01', 'HV03>HV01', 'HV04>HV01']);
    expect(hub.pairResult(hub.pairs[0]!)!.findings.some((f) => f.id === 'identity.delegation.reverse')).toBe(false);
    const mesh = await runGroupTest(deps, { hosts: HOSTS });
    expect(mesh.pairResult(mesh.pairs[0]!)!.findings.some((f) => f.id === 'identity.delegation.reverse')).toBe(true);
  });

  it('beyond the Compare-VM budget the matrix says per VM that Hyper-V’s check was not run', async () => {
    const many = Array.from({ length: 120 }, (_, i) => vm({ name: `vm${i}` }));
    const { deps, counts } = countingDeps({}, { HV01: host('HV01', { vms: many }), HV02: host('HV02', { vms: many }) });
    expect(2 * 120 * 3).toBeGreaterThan(COMPARE_VM_BUDGET);
    const report = await runGroupTest(deps, { hosts: HOSTS });
    expect(counts.compare).toBe(0);
    const f = report.pairResult(report.pairs[0]!)!.findings.find((x) => x.id === 'vm.compare');
    expect(f).toMatchObject({ severity: 'info', params: { variant: 'not-requested' } });
    expect(report.compareVmSkipped).toBe(true);
    const forced = await runGroupTest(deps, { hosts: HOSTS, compareVm: 'all' });
    expect(forced.pairResult(forced.pairs[0]!)!.findings.some((x) => x.id === 'vm.compare' && x.severity === 'pass')).toBe(true);
    expect(forced.compareVmSkipped).toBe(false);
  });

  it('the pair test is the group of two: the same report as the pair cut from a group run', async () => {
    const { deps } = countingDeps();
    const pair = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms: ['vm0'], bothDirections: true });
    const group = await runGroupTest(deps, { hosts: ['HV01', 'HV02'], vms: ['vm0'], strictVmNames: true, compareVm: 'all' });
    expect(pairReport(group, { source: 'HV01', destination: 'HV02' })).toEqual(pair);
    expect(TestReportSchema.safeParse(pair).success).toBe(true);
  });
});

describe('group test handlers', () => {
  it('test:group answers the matrix; test:pair opens a cell; test:report renders the matrix', async () => {
    const { deps } = countingDeps();
    const handlers = createTestHandlers({ testDeps: () => deps });
    const signal = new AbortController().signal;
    await expect(handlers['test:pair']({ source: 'HV01', destination: 'HV02' }, signal)).rejects.toThrow(/group test first/);
    const summary = await handlers['test:group']({ hosts: HOSTS }, signal);
    expect(summary.cells).toHaveLength(12);
    expect(summary.compareVm).toBe(true);
    const cell = await handlers['test:pair']({ source: 'hv03', destination: 'HV01' }, signal);
    expect(cell).toMatchObject({ source: 'HV03', destination: 'HV01' });
    expect(cell.findings.length).toBeGreaterThan(10);
    await expect(handlers['test:group']({ hosts: ['HV01', 'HV01'] }, signal)).rejects.toMatchObject({ code: 'invalid-input', field: 'hosts.1' });
    const html = await handlers['test:report']({ locale: 'de' }, signal);
    expect(html.fileName).toMatch(/^ferry-matrix-4-hosts-/);
    expect(html.html).toContain('Bereitschaftsmatrix');
    expect(html.html.match(/class="(ready|warnings|blocked)"/g)).toHaveLength(12);
  });
});
