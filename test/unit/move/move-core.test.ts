/** core/move: which VMs may move, the queue under both hosts' limits, the CredSSP rule, the prediction, the read-back. */
import { describe, expect, it } from 'vitest';
import type { Finding, HostFacts, TestReport, VmSummary } from '../../../electron/core/model';
import {
  checkChosen,
  escapeWildcard,
  landing,
  limitsFrom,
  modelError,
  moveCandidates,
  moveCommand,
  moveStart,
  predictMove,
  startable,
} from '../../../electron/core/move';
import { GIB } from '../../../electron/core/simulate/model-defaults';

const vm = (name: string, extra: Partial<VmSummary> = {}): VmSummary => ({
  name,
  state: 'Running',
  memoryAssignedBytes: 2 * GIB,
  memoryStartupBytes: 2 * GIB,
  dynamicMemoryEnabled: false,
  configurationVersion: '10.0',
  processorCompatibilityForMigration: true,
  switchNames: ['External'],
  hasIsoAttached: false,
  hasPassThroughDisk: false,
  hasSnapshots: false,
  diskBytes: 40 * GIB,
  ...extra,
});

const host = (name: string, extra: Partial<HostFacts> = {}): HostFacts => ({
  computerName: name,
  status: 'ok',
  settings: {
    virtualMachineMigrationEnabled: true,
    maximumVirtualMachineMigrations: 2,
    maximumStorageMigrations: 2,
    virtualMachineMigrationAuthenticationType: 'Kerberos',
    virtualMachineMigrationPerformanceOption: 'Compression',
    useAnyNetworkForMigration: false,
    migrationNetworks: [{ subnet: '10.10.10.0/24', priority: 0 }],
  },
  links: [{ name: 'LM', subnet: '10.10.10.0/24', linkSpeedGbps: 10, rdma: false }],
  ...extra,
});

const f = (id: string, severity: Finding['severity'], vmName?: string): Finding => ({
  id,
  group: 'vm',
  severity,
  title: `${id} title`,
  evidence: {},
  fix: { kind: 'none', text: '' },
  ...(vmName !== undefined ? { vm: vmName } : {}),
});

const report = (findings: Finding[], vms = [vm('app01'), vm('app02'), vm('app03')]): TestReport => ({
  source: 'HV03',
  destination: 'HV04',
  startedAt: '2026-12-03T00:00:00Z',
  ranBy: 'test',
  hosts: [host('HV03', { vms }), host('HV04')],
  findings,
  model: [],
});

describe('moveCandidates', () => {
  it('a VM with a failing finding is blocked with that finding; a passing one is ready; an untested one is not offered', () => {
    const c = moveCandidates(report([f('vm.compare', 'pass', 'app01'), f('vm.compare.33012', 'fail', 'app02'), f('vm.compare', 'pass', 'app02')]));
    expect(c.map((x) => [x.name, x.ready])).toEqual([['app01', true], ['app02', false], ['app03', false]]);
    expect(c[1]?.reason).toMatchObject({ kind: 'finding', findingId: 'vm.compare.33012', title: 'vm.compare.33012 title' });
    expect(c[2]?.reason).toEqual({ kind: 'not-tested' });
  });

  it('a blocked pair blocks every VM with the pair\'s finding', () => {
    const c = moveCandidates(report([f('host.migration-enabled', 'fail'), f('vm.compare', 'pass', 'app01')]));
    expect(c.every((x) => !x.ready && x.reason?.findingId === 'host.migration-enabled')).toBe(true);
  });

  it('warnings do not block', () => {
    expect(moveCandidates(report([f('vm.iso', 'warn', 'app01')]))[0]?.ready).toBe(true);
  });

  it('checkChosen names the field and the reason', () => {
    const r = report([f('vm.compare', 'pass', 'app01'), f('vm.version', 'fail', 'app02')]);
    expect(checkChosen(r, ['app01']).map((c) => c.name)).toEqual(['app01']);
    expect(() => checkChosen(r, ['app02'])).toThrow(/^vms: "app02" is not ready to move: vm.version title/);
    expect(() => checkChosen(r, ['nope'])).toThrow(/^vms: HV03 has no VM named "nope"/);
    // The field is the VM's place in the request, as the IPC gate names fields.
    expect(() => checkChosen(r, ['app01', 'app02'])).toThrow(expect.objectContaining({ field: 'vms.1' }));
  });
});

describe('the queue respects both hosts\' limits', () => {
  const limits = limitsFrom([host('HV03'), host('HV04')]);
  const m = (id: string, source = 'HV03', destination = 'HV04') => ({ id, source, destination });

  it('limit 2: the first two start, the third waits until one ends', () => {
    const waiting = [m('a'), m('b'), m('c')];
    const first = startable(waiting, [], limits);
    expect(first.map((x) => x.id)).toEqual(['a', 'b']);
    expect(startable([m('c')], first, limits)).toEqual([]);
    expect(startable([m('c')], [m('b')], limits).map((x) => x.id)).toEqual(['c']);
  });

  it('the destination\'s lower limit counts too, and names match case-insensitively and by short name', () => {
    const low = limitsFrom([host('HV03'), host('HV04', { settings: { ...host('HV04').settings!, maximumVirtualMachineMigrations: 1 } })]);
    expect(startable([m('a', 'hv03', 'hv04.lab.example'), m('b')], [], low).map((x) => x.id)).toEqual(['a']);
    // A move between two other hosts is not held up.
    expect(startable([m('b'), m('x', 'HV01', 'HV02')], [m('a')], low).map((x) => x.id)).toEqual(['x']);
  });
});

describe('CredSSP: the move must start on the source host', () => {
  const spec = { source: 'HV01', destination: 'HV02', vm: "sql[1]'s", includeStorage: true, destinationStoragePath: "D:\\VMs\\it's" };
  it('gives the exact command to run there instead of starting it from here', () => {
    const s = moveStart(spec, 'CredSSP', 'remote');
    expect(s).toEqual({
      where: 'on-source',
      reason: 'credssp',
      host: 'HV01',
      command: "Move-VM -Name 'sql`[1`]''s' -DestinationHost 'HV02' -IncludeStorage -DestinationStoragePath 'D:\\VMs\\it''s'",
    });
  });
  it('Kerberos, or CredSSP when Ferry itself runs on the source, starts here', () => {
    expect(moveStart(spec, 'Kerberos', 'remote')).toEqual({ where: 'here' });
    expect(moveStart(spec, 'CredSSP', 'source')).toEqual({ where: 'here' });
  });
  it('VM only has no storage switches; the unicode quotes are doubled too', () => {
    expect(moveCommand({ source: 'a', destination: 'HV02', vm: 'x\u2019y', includeStorage: false })).toBe("Move-VM -Name 'x\u2019\u2019y' -DestinationHost 'HV02'");
    expect(escapeWildcard('a*b?`c')).toBe('a`*b`?``c');
  });
});

describe('predictMove', () => {
  // Issue 14 item 7 (checks): one TCP stream carries 338 MB/s (compressed 2:1, 676 MB/s of memory)
  // and a move has 2.25 s of setup, so the memory phase is ≈6.76 s, not 2.69 s.
  it('2 GiB over 10 GbE with Compression ≈ 6.76 s of memory, plus 40 GiB of disk ≈ 38.2 s for VM + storage', () => {
    const p = predictMove({ vm: vm('app01'), source: host('HV03'), destination: host('HV04'), includeStorage: true });
    expect(p.option).toBe('Compression');
    expect(p.memorySeconds).toBeCloseTo(6.76, 1);
    expect(p.storageSeconds).toBeCloseTo((40 * GIB) / (0.9 * 1.25e9), 3);
    expect(p.totalSeconds).toBeCloseTo(p.memorySeconds + p.storageSeconds, 6);
    const vmOnly = predictMove({ vm: vm('app01'), source: host('HV03'), destination: host('HV04'), includeStorage: false });
    expect(vmOnly.storageSeconds).toBe(0);
  });
  // Issue 12 item 4: the disks' copy is the pre-copy model's storage phase (SMB), not a link of its own.
  it('VM + storage: the storage phase is the model\'s (SMB streams, shared by the moves at once)', () => {
    const two = predictMove({ vm: vm('app01'), source: host('HV03'), destination: host('HV04'), includeStorage: true, concurrent: 2 });
    expect(two.storageSeconds).toBeCloseTo((40 * GIB) / ((0.9 * 1.25e9) / 2), 3);
    // 40 GbE: SMB Multichannel's 4 streams (4 × 338 MB/s) bound the copy, not 90 % of the link.
    const wide = { links: [{ name: 'LM', subnet: '10.10.10.0/24', linkSpeedGbps: 40, rdma: false }] };
    const fast = predictMove({ vm: vm('app01'), source: host('HV03', wide), destination: host('HV04', wide), includeStorage: true });
    expect(fast.storageSeconds).toBeCloseTo((40 * GIB) / (4 * 338e6), 3);
    // SMB Direct on both ends: no stream bound, 95 % of the link.
    const rdma = { links: [{ name: 'LM', subnet: '10.10.10.0/24', linkSpeedGbps: 40, rdma: true }] };
    const direct = predictMove({ vm: vm('app01'), source: host('HV03', rdma), destination: host('HV04', rdma), includeStorage: true });
    expect(direct.storageSeconds).toBeCloseTo((40 * GIB) / (0.95 * 5e9), 3);
  });
  // Issue 14 item 7 (checks): moves share the link only once their streams fill it.
  it('two at once share a full link: each takes longer on 1 GbE; on 10 GbE two streams fit and only the compression CPU is shared', () => {
    const slow = { links: [{ name: 'LM', subnet: '10.10.10.0/24', linkSpeedGbps: 1, rdma: false }] };
    const one = predictMove({ vm: vm('app01'), source: host('HV03', slow), destination: host('HV04', slow), includeStorage: false });
    const two = predictMove({ vm: vm('app01'), source: host('HV03', slow), destination: host('HV04', slow), includeStorage: false, concurrent: 2 });
    expect(two.memorySeconds).toBeGreaterThan(one.memorySeconds * 1.5);
    const fast = predictMove({ vm: vm('app01'), source: host('HV03'), destination: host('HV04'), includeStorage: false });
    const fastTwo = predictMove({ vm: vm('app01'), source: host('HV03'), destination: host('HV04'), includeStorage: false, concurrent: 2 });
    expect(fastTwo.memorySeconds / fast.memorySeconds).toBeLessThan(two.memorySeconds / one.memorySeconds);
  });
});

describe('landing: the read-back decides where the VM is', () => {
  const before = { state: 'Running', memoryAssignedBytes: 2 * GIB, memoryStartupBytes: 2 * GIB };
  const at = (computerName: string, found: boolean, extra: object = {}) => ({ computerName, reachable: true, found, ...extra });
  it('on the destination, running as before', () => {
    expect(landing(before, at('HV03', false), at('HV04', true, { state: 'Running', memoryAssignedBytes: 2 * GIB, memoryStartupBytes: 2 * GIB }))).toEqual({
      where: 'destination', sameState: true, sameMemory: true, state: 'Running', unreachable: [],
    });
  });
  it('on the destination but off: not the same state', () => {
    expect(landing(before, at('HV03', false), at('HV04', true, { state: 'Off', memoryAssignedBytes: 0, memoryStartupBytes: 2 * GIB })).sameState).toBe(false);
  });
  it('still on the source; on both; unknown when a host does not answer', () => {
    expect(landing(before, at('HV03', true, { state: 'Running' }), at('HV04', false)).where).toBe('source');
    expect(landing(before, at('HV03', true), at('HV04', true)).where).toBe('both');
    expect(landing(before, { computerName: 'HV03', reachable: false, found: false }, at('HV04', false))).toEqual({ where: 'unknown', unreachable: ['HV03'] });
  });
});

describe('modelError', () => {
  it('relative error against predicted × time scale', () => {
    const t = (measured: number, predicted: number, timeScale = 1) => ({
      vm: 'a', source: 'HV03', destination: 'HV04', includeStorage: false, finishedAt: '', measuredSeconds: measured, predictedSeconds: predicted, timeScale,
    });
    const s = modelError([t(12, 10), t(0.8, 20, 0.05)]);
    expect(s.moves).toBe(2);
    expect(s.bias).toBeCloseTo((0.2 - 0.2) / 2, 6);
    expect(s.meanAbsoluteError).toBeCloseTo(0.2, 6);
    expect(modelError([]).meanAbsoluteError).toBeUndefined();
  });
});
