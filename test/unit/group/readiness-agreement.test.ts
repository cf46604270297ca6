/**
 * The matrix summarises each pair and lets its findings go; opening a cell evaluates the pair
 * again. Both must be what the pair test's rules say for the same facts: cell for cell (verdict,
 * counts, first blocker) and finding for finding, on a group with ready, warning and blocked pairs
 * (a down host, CredSSP, missing delegation, a closed port, VMs too new, busy, too large, off).
 *
 * The matrix builds its findings `unworded` (it only counts them) and words each cell's first:
 * the cells are compared with the pair test's fully worded ones, and the unworded findings,
 * worded afterwards, with the pair test's finding for finding.
 */
import { describe, expect, it } from 'vitest';
import { cellOf, evaluatePair, indexGroup, orderedPairs, pairFacts, readinessMatrix, type GroupFacts, type OrderedPair } from '../../../electron/core/group';
import type { Finding } from '../../../electron/core/model';
import { modelInputFromFacts, modelRules, runPreflight } from '../../../electron/core/preflight';
import { unworded, wordFinding } from '../../../electron/core/preflight/finding';
import { MODEL_DEFAULTS, runModel } from '../../../electron/core/simulate';
import { GiB, account, host, vm, withSettings } from '../preflight/fixtures';

const NAMES = ['HV01', 'HV02', 'HV03', 'HV04', 'HV05', 'HV06', 'HV07'];

function defectiveGroup(): GroupFacts {
  const hosts = [
    host('HV01', { vms: [vm()] }),
    host('HV02', { vms: [vm({ name: 'db01', state: 'Off' })] }),
    // Warnings only: an ISO, processor compatibility off.
    host('HV03', { vms: [vm({ name: 'app01', hasIsoAttached: true, processorCompatibilityForMigration: false })] }),
    // Accepts migrations on any network (a warning as a destination).
    withSettings(host('HV04', { vms: [vm({ name: 'file01', hasSnapshots: true, tpmEnabled: true })] }), { useAnyNetworkForMigration: true }),
    // CredSSP with Credential Guard: the authentication rule blocks every pair it is in.
    withSettings(host('HV05', { credentialGuardRunning: true, vms: [vm({ name: 'sql01', memoryAssignedBytes: 200 * GiB, memoryStartupBytes: 200 * GiB })] }), { virtualMachineMigrationAuthenticationType: 'CredSSP' }),
    { computerName: 'HV06', status: 'unreachable' as const, error: { code: 'unreachable', message: 'HV06 did not answer', target: 'HV06' } },
    host('HV07', {
      switches: [],
      numaSpanningEnabled: false,
      numaNodes: [{ memoryTotalBytes: 16 * GiB, processorCount: 8 }],
      vms: [
        vm({ name: 'new01', configurationVersion: '12.0', memoryAssignedBytes: 32 * GiB, memoryStartupBytes: 32 * GiB }),
        vm({ name: 'busy01', operationalStatus: 'BackingUpVirtualMachine', gpuPartitionAdapters: 1 }),
        vm({ name: 'web01' }),
      ],
    }),
  ];
  const pairs = orderedPairs(NAMES);
  const full = (h: string) => NAMES.filter((o) => o !== h).flatMap((d) => account(h, d).allowedToDelegateTo);
  const accounts = new Map(NAMES.filter((n) => n !== 'HV06').map((n) => [n, { ...account(n), allowedToDelegateTo: full(n) }]));
  // HV02 lacks its entries toward HV04; HV03 lacks protocol transition.
  const hv02 = accounts.get('HV02')!;
  accounts.set('HV02', { ...hv02, allowedToDelegateTo: hv02.allowedToDelegateTo.filter((e) => !e.toUpperCase().includes('HV04')) });
  accounts.set('HV03', { ...accounts.get('HV03')!, userAccountControl: 0x1000 });
  return {
    hosts,
    accounts,
    directoryAvailable: true,
    portChecks: [
      ...NAMES.map((t) => ({ from: 'WORKSTATION', target: t, port: 5985, open: t !== 'HV06' })),
      ...pairs.flatMap((p) => [6600, 445].map((port) => ({ from: p.source, target: p.destination, port, open: !(p.source === 'HV03' && p.destination === 'HV01' && port === 6600) }))),
    ],
    vmReports: new Map([
      ['HV01>HV02', [{ name: 'web01', incompatibilities: [] }]],
      ['HV02>HV01', [{ name: 'db01', incompatibilities: [] }]],
      ['HV01>HV07', [{ name: 'web01', incompatibilities: [{ messageId: 33012, message: 'Could not find Ethernet switch', source: 'Network Adapter' }] }]],
      ['HV07>HV01', [{ name: 'web01', incompatibilities: [] }, { name: 'new01', incompatibilities: [], error: 'The operation timed out' }]],
      ['HV03>HV02', [{ name: 'app01', incompatibilities: [], plannedVm: 'left-before' as const, vmId: '7d1e' }]],
    ]),
    vmChecksSkipped: new Map([
      ['HV01>HV03', { reason: 'not-requested' as const }],
      ['HV04>HV01', { reason: 'prerequisites' as const, needs: [{ code: 'kerberos-delegation' as const, host: 'HV04', to: 'HV01' }] }],
    ]),
    dnsDomain: 'corp.example',
  };
}

const options = { authentication: 'Kerberos', startMode: 'remote', vms: 'all' } as const;

/** The pair test's evaluation, from scratch: its own index, the model run for this pair alone. */
function pairTest(facts: GroupFacts, pair: OrderedPair, bothDirections: boolean): { findings: Finding[]; model: ReturnType<typeof runModel> } {
  const f = pairFacts(indexGroup(facts), pair, options, bothDirections);
  const model = runModel(modelInputFromFacts(f, undefined, MODEL_DEFAULTS).input, MODEL_DEFAULTS);
  return { findings: [...runPreflight(f), ...modelRules(model, f.source.settings?.virtualMachineMigrationPerformanceOption)], model };
}

describe('readiness matrix agrees with the pair test', () => {
  it('cell for cell and finding for finding, on a mesh with ready, warning and blocked pairs', () => {
    const facts = defectiveGroup();
    const pairs = orderedPairs(NAMES);
    const matrix = readinessMatrix(facts, pairs, options);
    expect(matrix.cells).toHaveLength(pairs.length);
    pairs.forEach((p, i) => {
      const expected = pairTest(facts, p, true);
      expect(matrix.cells[i], `${p.source}>${p.destination}`).toEqual(cellOf({ ...p, findings: expected.findings }));
      expect(matrix.pairResult(p), `${p.source}>${p.destination}`).toEqual({ ...p, ...expected });
    });
    // The fixture covers every verdict, and the matrix knows Compare-VM was skipped somewhere.
    expect(new Set(matrix.cells.map((c) => c.verdict))).toEqual(new Set(['ready', 'warnings', 'blocked']));
    expect(matrix.compareVmSkipped).toBe(true);
    const blockers = new Set(matrix.cells.flatMap((c) => (c.first?.severity === 'fail' ? [c.first.id] : [])));
    expect(blockers.size).toBeGreaterThan(3);
  });

  it('one way (a hub) as the pair test one way; hosts asked by another spelling find their cell', () => {
    const facts = defectiveGroup();
    const pairs = orderedPairs(NAMES).filter((p) => p.destination === 'HV01');
    const matrix = readinessMatrix(facts, pairs, options);
    pairs.forEach((p, i) => expect(matrix.cells[i]).toEqual(cellOf({ ...p, findings: pairTest(facts, p, false).findings })));
    expect(matrix.pairResult({ source: 'hv02', destination: 'hv01' })?.findings).toEqual(pairTest(facts, { source: 'HV02', destination: 'HV01' }, false).findings);
    expect(matrix.pairResult({ source: 'HV01', destination: 'HV02' })).toBeUndefined();
    expect(matrix.compareVmSkipped).toBe(false);
  });

  it('findings built unworded are the worded ones without their words: the same ids, severities and order', () => {
    const facts = defectiveGroup();
    const index = indexGroup(facts);
    let findings = 0;
    for (const p of orderedPairs(NAMES)) {
      const full = evaluatePair(index, p, options, true).findings;
      const counted = unworded(() => evaluatePair(index, p, options, true)).findings;
      expect(counted.map((f) => [f.id, f.severity]), `${p.source}>${p.destination}`).toEqual(full.map((f) => [f.id, f.severity]));
      expect(counted.map(wordFinding), `${p.source}>${p.destination}`).toEqual(full);
      // Words were really left out (the comparison above is not of two worded lists)...
      expect(counted.filter((f, i) => f.title === f.id && f.title !== full[i]?.title)).toHaveLength(full.length);
      findings += full.length;
    }
    expect(findings).toBeGreaterThan(100);
    // ...and only inside `unworded`: a throw on the way out restores them.
    expect(() => unworded(() => { throw new Error('rule failed'); })).toThrow('rule failed');
    expect(evaluatePair(index, { source: 'HV01', destination: 'HV02' }, options, true).findings.every((f) => f.title !== f.id)).toBe(true);
  });

  it('derived values follow the facts: a second group with other entries and versions gets its own verdicts', () => {
    const first = defectiveGroup();
    readinessMatrix(first, orderedPairs(NAMES), options);
    const fixed: GroupFacts = {
      ...first,
      accounts: new Map([...first.accounts].map(([k, a]) => [k, { ...a, allowedToDelegateTo: [...a.allowedToDelegateTo, ...NAMES.flatMap((d) => account(k, d).allowedToDelegateTo)] }])),
      // Versions, switches and VM names are derived once per fact object: new objects, new values.
      hosts: first.hosts.map((h) => (h.supportedVersions ? {
        ...h,
        supportedVersions: [...h.supportedVersions, '12.0'],
        switches: [{ name: 'VSWITCH-PROD', switchType: 'External' as const }],
        ...(h.vms ? { vms: h.vms.map((v) => ({ ...v, name: v.name.toUpperCase() })) } : {}),
      } : h)),
    };
    const pairs = orderedPairs(NAMES);
    const matrix = readinessMatrix(fixed, pairs, options);
    pairs.forEach((p, i) => expect(matrix.cells[i]).toEqual(cellOf({ ...p, findings: pairTest(fixed, p, true).findings })));
    const hv01to07 = matrix.pairResult({ source: 'HV01', destination: 'HV07' })?.findings ?? [];
    expect(hv01to07.filter((f) => f.id === 'vm.switch-names').map((f) => f.severity)).toEqual(['pass']);
    expect(hv01to07.find((f) => f.id === 'vm.state')?.vm).toBe('WEB01');
    const hv02to04 = matrix.cells.find((c) => c.source === 'HV02' && c.destination === 'HV04');
    expect(matrix.pairResult({ source: 'HV02', destination: 'HV04' })?.findings.find((f) => f.id === 'identity.delegation')?.severity).toBe('pass');
    expect(hv02to04).toBeDefined();
  });
});
