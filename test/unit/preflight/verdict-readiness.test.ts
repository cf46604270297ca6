import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../electron/core/model';
import { finding } from '../../../electron/core/preflight/finding';
import { splitEvidenceSides } from '../../../electron/core/preflight/evidence-sides';
import { summarize } from '../../../electron/core/preflight/verdict';
import { countPhrases, verdictHeading, vmCountsLine } from '../../../electron/core/preflight/verdict-texts';
import { countVerdicts, vmReadiness } from '../../../electron/core/preflight/vm-readiness';
import { vm } from './fixtures';

const f = (id: string, severity: Finding['severity'], vmName?: string): Finding => finding(id, vmName ? 'vm' : 'host', severity, {}, undefined, vmName);

describe('verdict words', () => {
  it('says ready, ready with warnings, or not ready with the number of blockers, in both languages', () => {
    expect(verdictHeading(summarize([f('a', 'pass')]), 'en')).toBe('Ready to migrate');
    expect(verdictHeading(summarize([f('a', 'pass'), f('b', 'warn')]), 'de')).toBe('Bereit, mit Warnungen');
    expect(verdictHeading(summarize([f('a', 'fail')]), 'en')).toBe('Not ready: 1 blocker');
    expect(verdictHeading(summarize([f('a', 'fail'), f('b', 'fail'), f('c', 'warn')]), 'en')).toBe('Not ready: 2 blockers');
    expect(verdictHeading(summarize([f('a', 'fail'), f('b', 'fail')]), 'de')).toBe('Nicht bereit: 2 Blocker');
  });

  it('counts per severity most severe first, only those present, with locale numbers', () => {
    const passes = Array.from({ length: 1200 }, (_, i) => f(`p${i}`, 'pass'));
    expect(countPhrases(summarize([...passes, f('w', 'warn')]).counts, 'en').map((c) => c.text)).toEqual(['1 warning', '1,200 passed']);
    expect(countPhrases(summarize([...passes, f('w', 'warn')]).counts, 'de').map((c) => c.text)).toEqual(['1 Warnung', '1.200 bestanden']);
    expect(vmCountsLine({ ready: 1, warnings: 0, blocked: 2 }, 'en')).toBe('3 VMs: 1 ready, 0 with warnings, 2 not ready');
  });
});

describe('readiness per VM', () => {
  it('lists the tested VMs in the source order with memory and version; own blocker first, else the pair-wide one', () => {
    const findings = [
      f('host.migration-enabled', 'pass'),
      f('vm.config-version', 'fail', 'b'),
      f('vm.iso', 'warn', 'a'),
      f('vm.state', 'pass', 'a'),
      f('vm.exists', 'fail', 'ghost'),
    ];
    const rows = vmReadiness(findings, [vm({ name: 'a', memoryAssignedBytes: 0, memoryStartupBytes: 4 }), vm({ name: 'b', configurationVersion: '12.0' }), vm({ name: 'untested' })]);
    expect(rows.map((r) => [r.vm, r.verdict, r.firstBlocker?.id])).toEqual([
      ['a', 'warnings', undefined],
      ['b', 'blocked', 'vm.config-version'],
      ['ghost', 'blocked', 'vm.exists'],
    ]);
    expect(rows[0]?.memoryBytes).toBe(4);
    expect(rows[1]?.configurationVersion).toBe('12.0');
    expect(rows[2]?.memoryBytes).toBeUndefined();
    expect(countVerdicts(rows)).toEqual({ ready: 0, warnings: 1, blocked: 2 });

    const pairBlocked = vmReadiness([f('host.migration-enabled', 'fail'), f('vm.state', 'pass', 'a')], [vm({ name: 'a' })]);
    expect(pairBlocked[0]).toMatchObject({ verdict: 'blocked', blockerIsPairWide: true, counts: { fail: 0, pass: 1 } });
    expect(pairBlocked[0]?.firstBlocker?.id).toBe('host.migration-enabled');
  });
});

describe('evidence side by side', () => {
  const line = (key: string, label: string, value: string) => ({ key, label, value });
  it('pairs source/destination, xSource/xDestination and sourceX/destinationX, marks differences, keeps the rest', () => {
    const { sides, rest } = splitEvidenceSides([
      line('vm', 'VM', 'web01'),
      line('source', 'Source', '12.0'),
      line('destination', 'Destination', '10.0'),
      line('liveSource', 'Simultaneous live migrations (source)', '2'),
      line('liveDestination', 'Simultaneous live migrations (destination)', '2'),
      line('sourceCpu', 'Processor (source)', 'GenuineIntel'),
      line('destinationCpu', 'Processor (destination)', 'AuthenticAMD'),
      line('rdmaSource', 'RDMA (source)', 'yes'),
    ]);
    expect(sides).toEqual([
      { key: '', label: '', source: '12.0', destination: '10.0', differs: true },
      { key: 'live', label: 'Simultaneous live migrations', source: '2', destination: '2', differs: false },
      { key: 'cpu', label: 'Processor', source: 'GenuineIntel', destination: 'AuthenticAMD', differs: true },
    ]);
    expect(rest.map((l) => l.key)).toEqual(['vm', 'rdmaSource']);
  });
});
