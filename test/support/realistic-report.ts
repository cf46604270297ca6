/**
 * A test report as the real rules produce it for a lab-like pair (about 40 findings: five VMs, two
 * of them blocked, one warning, the rest passing), for the Test view e2e and its screenshots.
 * The findings come from `runPreflight`, so ids, params and texts are the real ones. `run` 2 is
 * the run after a fix: the performance option and app03's switch are fixed, web02 got an ISO.
 */
import type { TestReport } from '../../electron/core/model';
import { runPreflight } from '../../electron/core/preflight';
import { GiB, host, readyFacts, vm, withSettings } from '../unit/preflight/fixtures';

export function realisticReport(run = 1): TestReport {
  const after = run > 1;
  const vms = [
    vm({ name: 'sql01', memoryAssignedBytes: 32 * GiB, memoryStartupBytes: 32 * GiB, configurationVersion: '12.0' }),
    vm({ name: 'web01' }),
    vm({ name: 'web02', memoryAssignedBytes: 4 * GiB, memoryStartupBytes: 4 * GiB, hasIsoAttached: after }),
    vm({ name: 'build-agent', hasIsoAttached: true, configurationVersion: '9.0' }),
    vm({ name: 'app03', switchNames: [after ? 'vSwitch-Prod' : 'LabSwitch'], memoryAssignedBytes: 6 * GiB, memoryStartupBytes: 6 * GiB }),
  ];
  const source = host('HV01', { vms });
  const destination = withSettings(host('HV02'), { virtualMachineMigrationPerformanceOption: after ? 'Compression' : 'TCPIP' });
  const facts = readyFacts({
    source,
    destination,
    vmNames: vms.map((v) => v.name),
    vmReports: vms.map((v) => ({ name: v.name, incompatibilities: [] })),
  });
  return {
    source: 'HV01',
    destination: 'HV02',
    startedAt: after ? '2025-03-01T12:20:00Z' : '2025-03-01T12:05:00Z',
    ranBy: 'LAB\\admin',
    hosts: [source, destination],
    findings: runPreflight(facts),
    model: [
      { option: 'TCPIP', rounds: 10, totalSeconds: 190, downtimeSeconds: 6, bytesSent: 3e10, converges: false, why: 'dirty rate above bandwidth' },
      { option: 'Compression', rounds: 4, totalSeconds: 42.5, downtimeSeconds: 0.8, bytesSent: 2e10, converges: true },
      { option: 'SMB', rounds: 3, totalSeconds: 11.2, downtimeSeconds: 0.2, bytesSent: 1.8e10, converges: true },
    ],
  };
}
