/**
 * The readiness matrix evaluates each pair exactly as the pair test would: the same rules on the
 * same facts, gathered once per host.
 */
import { describe, expect, it } from 'vitest';
import { readinessMatrix, type GroupFacts } from '../../../electron/core/group';
import { modelInputFromFacts, modelRules, runPreflight } from '../../../electron/core/preflight';
import { MODEL_DEFAULTS, runModel } from '../../../electron/core/simulate';
import { account, host, readyFacts, vm } from '../preflight/fixtures';

function threeHosts(): GroupFacts {
  const all = ['HV01', 'HV02', 'HV03'];
  const others = (h: string) => all.filter((x) => x !== h);
  const acc = (h: string) => {
    const a = account(h);
    const entries = others(h).flatMap((d) => account(h, d).allowedToDelegateTo);
    return { ...a, allowedToDelegateTo: entries };
  };
  return {
    hosts: [host('HV01', { vms: [vm()] }), host('HV02', { vms: [vm({ name: 'db01', configurationVersion: '12.0' })] }), host('HV03', { switches: [] })],
    accounts: new Map(all.map((h) => [h, acc(h)])),
    directoryAvailable: true,
    portChecks: [
      ...all.map((t) => ({ from: 'WORKSTATION', target: t, port: 5985, open: true })),
      ...all.flatMap((s) => others(s).flatMap((t) => [6600, 445].map((port) => ({ from: s, target: t, port, open: true })))),
    ],
    vmReports: new Map([['HV01>HV02', [{ name: 'web01', incompatibilities: [] }]]]),
    dnsDomain: 'corp.example',
  };
}

const options = { authentication: 'Kerberos', startMode: 'remote', vms: 'all' } as const;

describe('readinessMatrix', () => {
  it('one cell per ordered pair, with verdict, counts and the first blocker', () => {
    const { cells } = readinessMatrix(threeHosts(), [
      { source: 'HV01', destination: 'HV02' },
      { source: 'HV01', destination: 'HV03' },
      { source: 'HV02', destination: 'HV01' },
    ], options);
    expect(cells.map((c) => `${c.source}>${c.destination}:${c.verdict}`)).toEqual(['HV01>HV02:ready', 'HV01>HV03:blocked', 'HV02>HV01:blocked']);
    // HV03 has no switch for web01; db01 is version 12.0, newer than HV01 supports.
    expect(cells[1]!.first).toMatchObject({ id: 'vm.switch-names', severity: 'fail' });
    expect(cells[2]!.first).toMatchObject({ id: 'vm.config-version', severity: 'fail', params: { variant: 'newer' } });
    expect(cells[1]!.counts.fail).toBeGreaterThan(0);
    const c0 = cells[0]!.counts;
    expect(c0.fail + c0.warn + c0.info + c0.pass).toBeGreaterThan(10);
  });

  it('a pair’s findings are exactly the pair test’s findings for the same facts', () => {
    const facts = readyFacts({ bothDirections: true });
    const group: GroupFacts = {
      hosts: [facts.source, facts.destination],
      accounts: new Map([['HV01', facts.sourceAccount!], ['HV02', facts.destinationAccount!]]),
      directoryAvailable: true,
      portChecks: facts.portChecks,
      vmReports: new Map([['HV01>HV02', facts.vmReports]]),
      dnsDomain: 'corp.example',
    };
    const { pairResult } = readinessMatrix(group, [{ source: 'HV01', destination: 'HV02' }, { source: 'HV02', destination: 'HV01' }], { ...options, vms: ['web01'] });
    const model = runModel(modelInputFromFacts(facts).input, MODEL_DEFAULTS);
    const result = pairResult({ source: 'HV01', destination: 'HV02' });
    expect(result!.findings).toEqual([...runPreflight(facts), ...modelRules(model, 'Compression')]);
    expect(result!.model).toEqual(model);
    expect(pairResult({ source: 'HV01', destination: 'HV03' })).toBeUndefined();
  });

  it('without a Compare-VM report, a skipped check says why per VM', () => {
    const facts = threeHosts();
    const { pairResult, compareVmSkipped } = readinessMatrix({ ...facts, vmReports: new Map(), vmChecksSkipped: new Map([['HV01>HV02', { reason: 'not-requested' as const }]]) },
      [{ source: 'HV01', destination: 'HV02' }], options);
    expect(compareVmSkipped).toBe(true);
    expect(pairResult({ source: 'HV01', destination: 'HV02' })!.findings.find((f) => f.id === 'vm.compare')).toMatchObject({ severity: 'info', vm: 'web01', params: { variant: 'not-requested' } });
  });
});
