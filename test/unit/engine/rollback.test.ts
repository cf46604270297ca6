/**
 * Rollback reads audit logs already written: a fixture of real log lines (a CLI run with its lab
 * target and delegation changes, and an older app run with a bare user name and no target) is
 * read, planned back and restored with in-memory executors. Whatever shape PlanStep takes, these
 * lines must keep working.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestRunId, planRollback, rollback, runTarget } from '../../../electron/engine/rollback';
import type { StepExecutor } from '../../../electron/engine/step-executor';
import { AuditLog } from '../../../electron/services/audit/audit-log';

const FIXTURE = path.join(__dirname, '../../support/fixtures/audit-log-2026-11.jsonl');
const CLI_RUN = 'run-20261130090000-abcd1234';
const APP_RUN = 'run-20261101080000-00ff00ff';

let dir: string;
let audit: AuditLog;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-rollback-unit-'));
  fs.copyFileSync(FIXTURE, path.join(dir, 'audit.jsonl'));
  audit = new AuditLog(path.join(dir, 'audit.jsonl'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Applies each step to a Map and reads it back. */
function memory() {
  const applied: { target: string; setting: string; after: unknown; kind: string }[] = [];
  const executor: StepExecutor = {
    async execute(step) {
      applied.push({ target: step.target, setting: step.setting, after: step.after, kind: step.kind });
      return { readBack: step.after, verified: true };
    },
  };
  return { applied, executor };
}

describe('rollback from an audit log already written', () => {
  it('reads every line of the fixture', async () => {
    const { records, badLines } = await audit.read();
    expect(badLines).toEqual([]);
    expect(records).toHaveLength(9);
    expect(runTarget(records, CLI_RUN)).toEqual({ kind: 'lab', labDir: '/home/admin/lab' });
    expect(runTarget(records, APP_RUN)).toBeUndefined();
    expect(latestRunId(records)).toBe(CLI_RUN);
  });

  it('plans the inverse of each change, newest first, restoring the before values', async () => {
    const plan = await planRollback(CLI_RUN, audit);
    expect(plan.warnings).toEqual([]);
    expect(plan.steps.map((s) => [s.channel, s.setting, s.after])).toEqual([
      ['ldap', 'userAccountControl', 4096],
      ['ldap', 'msDS-AllowedToDelegateTo', null],
      ['ldap', 'msDS-AllowedToDelegateTo', null],
      ['powershell', 'useAnyNetworkForMigration', true],
      ['powershell', 'migrationNetwork', null],
      ['powershell', 'maximumVirtualMachineMigrations', 2],
      ['powershell', 'virtualMachineMigrationPerformanceOption', 'Compression'],
      ['powershell', 'virtualMachineMigrationAuthenticationType', 'CredSSP'],
    ]);
    expect(plan.steps.every((s) => s.target === 'HV01')).toBe(true);
    expect((await planRollback(APP_RUN, audit)).steps.map((s) => [s.target, s.setting, s.after])).toEqual([['HV02', 'maximumStorageMigrations', 2]]);
  });

  it('restores through the executors, records rolled-back under the original steps, and restores nothing twice', async () => {
    const hosts = memory();
    const directory = memory();
    const { result } = await rollback(CLI_RUN, audit, { powershell: hosts.executor, ldap: directory.executor }, { user: 'CORP\\admin' });
    expect(result.ok).toBe(true);
    expect(hosts.applied.map((a) => a.setting)).toEqual(['useAnyNetworkForMigration', 'migrationNetwork', 'maximumVirtualMachineMigrations', 'virtualMachineMigrationPerformanceOption', 'virtualMachineMigrationAuthenticationType']);
    expect(directory.applied.map((a) => a.setting)).toEqual(['userAccountControl', 'msDS-AllowedToDelegateTo', 'msDS-AllowedToDelegateTo']);
    const { records } = await audit.read();
    const rolledBack = records.filter((r) => r.result === 'rolled-back');
    expect(rolledBack).toHaveLength(8);
    expect(new Set(rolledBack.map((r) => r.stepId))).toEqual(new Set(records.filter((r) => r.runId === CLI_RUN && r.result === 'done').map((r) => r.stepId)));
    expect((await planRollback(CLI_RUN, audit)).steps).toEqual([]);
    expect(latestRunId(records)).toBe(APP_RUN);
  });
});
