import { describe, expect, it } from 'vitest';
import type { Finding, TestReport } from '../../../electron/core/model';
import { finding } from '../../../electron/core/preflight/finding';
import { diffReports, unaffectedVms } from '../../../electron/core/preflight/report-diff';
import { createFerryStore } from '../../../renderer/src/store/store';
import { createFakeFerry } from '../../support/fake-ferry-api';

const f = (id: string, severity: Finding['severity'], vm?: string): Finding => finding(id, vm ? 'vm' : 'host', severity, {}, undefined, vm);

describe('what changed since the last run', () => {
  it('counts fixed, new, worse and better by finding id and VM', () => {
    const before = [f('host.migration-enabled', 'fail'), f('identity.delegation', 'fail'), f('host.performance-option', 'warn'), f('vm.iso', 'warn', 'a'), f('vm.iso', 'pass', 'b'), f('capacity.memory', 'warn', 'a'), f('vm.state', 'fail', 'a')];
    const after = [f('host.migration-enabled', 'pass'), f('identity.delegation', 'pass'), f('host.performance-option', 'info'), f('vm.iso', 'warn', 'a'), f('vm.iso', 'warn', 'b'), f('capacity.memory', 'fail', 'a'), f('vm.state', 'warn', 'a'), f('network.port-6600', 'fail')];
    const d = diffReports(before, after);
    expect({ fixed: d.fixed, new: d.new, worse: d.worse, better: d.better }).toEqual({ fixed: 3, new: 2, worse: 1, better: 1 });
    expect(d.changes.get('vm.iso@b')).toBe('new');
    expect(d.changes.get('vm.iso@a')).toBeUndefined();
    expect(d.changes.get('capacity.memory@a')).toBe('worse');
    expect(d.changes.get('network.port-6600')).toBe('new');
    expect(diffReports(after, after).changes.size).toBe(0);
  });

  it('a VM compatible last time with nothing to fix is not compared again; one with a problem is', () => {
    const findings = [f('vm.compare', 'pass', 'ok'), f('vm.state', 'pass', 'ok'), f('vm.compare', 'pass', 'iso'), f('vm.iso', 'warn', 'iso'), f('vm.compare', 'info', 'skipped')];
    expect(unaffectedVms(findings)).toEqual(['ok']);
  });
});

describe('Test again in the store', () => {
  it('keeps the previous run of the pair and skips Compare-VM only for unaffected VMs', async () => {
    const fake = createFakeFerry();
    const reports: TestReport[] = [
      { source: 'HV01', destination: 'HV02', startedAt: 't1', ranBy: 'a', hosts: [], model: [], findings: [f('host.migration-enabled', 'fail'), f('vm.compare', 'pass', 'web01'), f('vm.compare', 'pass', 'sql01'), f('vm.config-version', 'fail', 'sql01')] },
      { source: 'HV01', destination: 'HV02', startedAt: 't2', ranBy: 'a', hosts: [], model: [], findings: [f('host.migration-enabled', 'pass'), f('vm.compare', 'pass', 'web01'), f('vm.compare', 'pass', 'sql01'), f('vm.config-version', 'fail', 'sql01')] },
    ];
    fake.answer('test:run', () => ({ ok: true, data: reports.shift()! }));
    const store = createFerryStore(fake.api);
    store.setState({ source: 'HV01', destination: 'HV02', testVms: ['web01', 'sql01'] });
    await store.getState().runTest();
    expect(store.getState().previousReport).toBeNull();
    await store.getState().runTest({ again: true });
    const requests = fake.calls.filter((c) => c.channel === 'test:run').map((c) => c.request as { compatibleBefore?: string[] });
    expect(requests[0]?.compatibleBefore).toBeUndefined();
    expect(requests[1]?.compatibleBefore).toEqual(['web01']);
    expect(store.getState().previousReport?.startedAt).toBe('t1');
    const d = diffReports(store.getState().previousReport!.findings, store.getState().report!.findings);
    expect(d.fixed).toBe(1);
  });
});
