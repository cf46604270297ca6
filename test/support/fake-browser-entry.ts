/**
 * Page entry for renderer-only e2e tests: defines `window.ferry` from the in-memory fake (no
 * engine), with lab-like hosts, progress events on apply, findings and a model on test, and
 * optionally thousands of generated hosts for the list-speed check.
 */
import { createFakeFerry, fakeAccount, fakeFacts } from './fake-ferry-api';
import type { DiscoveredHost, Finding, HostFacts } from '../../electron/core/model';
import { realisticReport } from './realistic-report';

declare const __FERRY_FAKE_HOSTS__: number;
declare const __FERRY_FAKE_LOCALE__: string;
declare const __FERRY_FAKE_REPORT__: 'small' | 'realistic';

const hosts: DiscoveredHost[] = [
  { account: fakeAccount('HV01'), delegationState: 'none', source: 'directory' },
  { account: fakeAccount('HV02'), delegationState: 'partial', source: 'directory' },
  { account: fakeAccount('HV03', { operatingSystem: 'Windows Server 2019 Datacenter' }), delegationState: 'none', source: 'directory' },
];
const base = fakeFacts('HV01');
const facts: HostFacts[] = [
  fakeFacts('HV01', { vms: [
    { name: 'SQL01', state: 'Running', memoryAssignedBytes: 16 * 1024 ** 3, memoryStartupBytes: 16 * 1024 ** 3, dynamicMemoryEnabled: false, configurationVersion: '10.0', processorCompatibilityForMigration: false, switchNames: ['External'], hasIsoAttached: false, hasPassThroughDisk: false, hasSnapshots: false, diskBytes: 1e11 },
    { name: 'APP02', state: 'Running', memoryAssignedBytes: 4 * 1024 ** 3, memoryStartupBytes: 4 * 1024 ** 3, dynamicMemoryEnabled: true, configurationVersion: '12.0', processorCompatibilityForMigration: false, switchNames: ['LabSwitch'], hasIsoAttached: true, hasPassThroughDisk: false, hasSnapshots: false, diskBytes: 5e10 },
  ] }),
  fakeFacts('HV02', { settings: { ...base.settings!, virtualMachineMigrationEnabled: false } }),
  fakeFacts('HV03', { status: 'unreachable', settings: undefined }),
];
for (let i = 0; i < __FERRY_FAKE_HOSTS__; i++) {
  const name = `BULK${String(i).padStart(4, '0')}`;
  hosts.push({ account: fakeAccount(name), delegationState: i % 4 === 0 ? 'complete' : 'none', source: 'directory' });
  facts.push(fakeFacts(name, i % 7 === 0 ? { status: 'timeout', settings: undefined } : {}));
}

const fake = createFakeFerry({ hosts, facts, locale: __FERRY_FAKE_LOCALE__ });
const audit: { records: never[] } = { records: [] };
fake.answer('apply:start', async (r) => {
  for (const [i, id] of ['s1', 's2'].entries()) {
    fake.emitProgress({ runId: 'run-1', stepId: id, index: i, total: 2, status: 'running', message: '' });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ok: true, data: { runId: 'run-1', planId: r.planId, ok: true, results: [{ stepId: 's1', status: 'done', verified: true, readBack: 'Kerberos' }, { stepId: 's2', status: 'done', verified: true }], restoreCommands: [] } };
});
fake.answer('audit:list', () => ({
  ok: true,
  data: {
    records: [
      { time: '2025-03-01T12:00:00Z', user: 'LAB\\admin', runId: 'run-1', planId: 'plan-1', stepId: 's1', host: 'HV01', setting: 'virtualMachineMigrationAuthenticationType', before: 'CredSSP', after: 'Kerberos', result: 'done' as const },
      ...audit.records,
    ],
  },
}));
const findings: Finding[] = [
  { id: 'kcd-forward', group: 'identity' as const, severity: 'pass' as const, title: 'Constrained delegation HV01 → HV02', evidence: { HV01: '4 of 4 entries' }, fix: { kind: 'none' as const, text: '' } },
  { id: 'auth-match', group: 'host' as const, severity: 'fail' as const, title: 'Authentication differs', evidence: { HV01: 'Kerberos', HV02: 'CredSSP' }, fix: { kind: 'plan-step' as const, text: 'Set Kerberos on both hosts.', setting: 'virtualMachineMigrationAuthenticationType' } },
  { id: 'net-any', group: 'network' as const, severity: 'warn' as const, title: 'Migration may use any network', evidence: { HV02: 'UseAnyNetworkForMigration = True' }, fix: { kind: 'command' as const, text: 'Restrict to the migration subnet.', command: 'Add-VMMigrationNetwork 10.0.10.0/24', setting: 'useAnyNetworkForMigration' } },
  { id: 'vm.config-version', group: 'vm' as const, severity: 'fail' as const, title: 'Configuration version 12.0 is newer than HV02 supports', vm: 'APP02', evidence: { HV02: 'supports up to 10.0' }, fix: { kind: 'needs-vm-shutdown' as const, text: 'Move it to a host that supports 12.0.' } },
  { id: 'capacity-memory', group: 'capacity' as const, severity: 'pass' as const, title: 'Enough memory on HV02', evidence: { HV02: '96 GiB free' }, fix: { kind: 'none' as const, text: '' } },
];
let testRuns = 0;
fake.answer('test:run', (r) => __FERRY_FAKE_REPORT__ === 'realistic' ? { ok: true, data: realisticReport(++testRuns) } : ({
  ok: true,
  data: {
    source: r.source, destination: r.destination, startedAt: '2025-03-01T12:05:00Z', ranBy: 'LAB\\admin', hosts: [],
    findings,
    model: [
      { option: 'TCPIP' as const, rounds: 10, totalSeconds: 190, downtimeSeconds: 6, bytesSent: 3e10, converges: false, why: 'dirty rate above bandwidth' },
      { option: 'Compression' as const, rounds: 4, totalSeconds: 42.5, downtimeSeconds: 0.8, bytesSent: 2e10, converges: true },
      { option: 'SMB' as const, rounds: 3, totalSeconds: 11.2, downtimeSeconds: 0.2, bytesSent: 1.8e10, converges: true },
    ],
  },
}));

// A group test over any hosts: a fixed spread of verdicts (every 7th pair blocked, every 5th with
// warnings), so the matrix view and its bench render all three kinds of cell.
fake.answer('test:group', (r) => ({
  ok: true,
  data: {
    startedAt: '2025-03-01T12:05:00Z', ranBy: 'LAB\\admin', compareVm: true,
    hosts: r.hosts.map((h) => ({ computerName: h, status: 'ok' as const })),
    cells: r.hosts.flatMap((s, i) => r.hosts.flatMap((d, j) => {
      if (i === j) return [];
      const n = i * r.hosts.length + j;
      const verdict = n % 7 === 0 ? 'blocked' as const : n % 5 === 0 ? 'warnings' as const : 'ready' as const;
      return [{ source: s, destination: d, verdict, counts: { fail: verdict === 'blocked' ? 1 + (n % 3) : 0, warn: verdict === 'warnings' ? 1 : n % 2, info: 0, pass: 12 } }];
    })),
  },
}));
fake.answer('test:pair', (r) => ({ ok: true, data: { source: r.source, destination: r.destination, startedAt: '2025-03-01T12:05:00Z', ranBy: 'LAB\\admin', hosts: [], findings, model: [] } }));

Object.defineProperty(window, 'ferry', { value: fake.api, writable: false, configurable: false, enumerable: true });
