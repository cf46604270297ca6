import { describe, expect, it } from 'vitest';
import { mkdtemp, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditRecord, Plan } from '../../../electron/core/model';
import { rollbackTarget } from '../../../electron/cli/commands/rollback';
import { formatApplyResult } from '../../../electron/cli/plan-text';
import { AuditLog } from '../../../electron/services/audit/audit-log';

const record = (runId: string, target?: AuditRecord['target']): AuditRecord => ({
  time: '2025-03-01T12:00:00Z', user: 'LAB\\admin', runId, planId: 'p1', stepId: 's1', host: 'HV01',
  setting: 'virtualMachineMigrationAuthenticationType', before: 'CredSSP', after: 'Kerberos', result: 'done',
  ...(target ? { target } : {}),
});

describe('restore commands in the apply text', () => {
  it('prints a failed apply\'s restore commands whole, one line each, never "…(84 chars)"', () => {
    const long = "Set-VMHost -ComputerName 'HV01' -VirtualMachineMigrationAuthenticationType 'CredSSP' -ErrorAction Stop";
    const plan: Plan = { id: 'p1', createdAt: '2025-03-01T12:00:00Z', hosts: ['HV01'], steps: [], warnings: [] };
    const text = formatApplyResult(plan, {
      runId: 'r1', planId: 'p1', ok: false, results: [],
      restoreCommands: [long, 'dn: CN=HV01,OU=Hosts,DC=lab,DC=test\nchangetype: modify\ndelete: msDS-AllowedToDelegateTo'],
    });
    expect(long.length).toBeGreaterThan(80);
    expect(text).not.toMatch(/chars\)/);
    const lines = text.split('\n');
    expect(lines).toContain(`  ${long}`);
    expect(lines).toContain('  changetype: modify');
  });
});

describe('where ferry rollback restores', () => {
  const lab = path.resolve('/tmp/lab-a');
  it('uses the lab the run changed, refusing another --lab or --real-hosts', () => {
    const records = [record('r1', { kind: 'lab', labDir: lab })];
    expect(rollbackTarget(records, 'r1', { realHosts: false })).toEqual({ kind: 'lab', labDir: lab });
    expect(rollbackTarget(records, 'r1', { labDir: '/tmp/lab-a/../lab-a', realHosts: false })).toEqual({ kind: 'lab', labDir: lab });
    expect(rollbackTarget(records, 'r1', { labDir: '/tmp/lab-b', realHosts: false })).toBe(`--lab: run r1 changed the lab ${lab}, not ${path.resolve('/tmp/lab-b')}`);
    expect(rollbackTarget(records, 'r1', { realHosts: true })).toMatch(/^--real-hosts: run r1 changed the lab/);
  });

  it('uses real hosts when the run changed real hosts, refusing a --lab', () => {
    const records = [record('r1', { kind: 'hosts' })];
    expect(rollbackTarget(records, 'r1', { realHosts: false })).toEqual({ kind: 'hosts' });
    expect(rollbackTarget(records, 'r1', { labDir: lab, realHosts: false })).toBe('--lab: run r1 changed real hosts, not a lab');
  });

  it('an old log without targets stays readable and asks: --lab or --real-hosts decide, nothing else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ferry-audit-'));
    const file = path.join(dir, 'old.jsonl');
    const old = record('r0');
    await appendFile(file, JSON.stringify(old) + '\n');
    const { records, badLines } = await new AuditLog(file).read();
    expect(badLines).toEqual([]);
    expect(records).toEqual([old]);
    expect(rollbackTarget(records, 'r0', { realHosts: false })).toBeUndefined();
    expect(rollbackTarget(records, 'r0', { labDir: lab, realHosts: false })).toEqual({ kind: 'lab', labDir: lab });
    expect(rollbackTarget(records, 'r0', { realHosts: true })).toEqual({ kind: 'hosts' });
  });
});
