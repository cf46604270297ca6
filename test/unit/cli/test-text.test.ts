import { describe, expect, it } from 'vitest';
import { toJson, toText } from '../../../electron/cli/commands/test';
import { realisticReport } from '../../support/realistic-report';

describe('ferry test text and --json', () => {
  it('opens with the verdict and the counts, then each VM, then blockers before warnings', () => {
    const text = toText(realisticReport());
    const lines = text.split('\n');
    expect(lines[0]).toBe('Not ready: 2 blockers');
    expect(lines[1]).toBe('2 blockers, 3 warnings, 2 notes, 44 passed, 5 VMs: 0 ready, 3 with warnings, 2 not ready');
    expect(lines[2]).toMatch(/^Simulated migration test HV01 -> HV02/);
    const sql = lines.find((l) => l.startsWith('sql01 '));
    expect(sql).toMatch(/^sql01\s+32\sGiB\s+12\.0\s+Not ready\s+"sql01" version 12\.0 is newer/);
    const firstFail = text.indexOf('\nFAIL ');
    const firstWarn = text.indexOf('\nWARN ');
    expect(firstFail).toBeGreaterThan(0);
    expect(firstFail).toBeLessThan(firstWarn);
  });

  it('--json carries the verdict, the counts and the VM rows', () => {
    const json = toJson(realisticReport()) as { verdict: string; counts: Record<string, number>; vms: { vm: string; verdict: string; firstBlocker?: string }[] };
    expect(json.verdict).toBe('blocked');
    expect(json.counts).toEqual({ fail: 2, warn: 3, info: 2, pass: 44 });
    expect(json.vms.find((v) => v.vm === 'app03')).toMatchObject({ verdict: 'blocked', firstBlocker: 'vm.switch-names' });
  });
});
