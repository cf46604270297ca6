import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PowerShellPool } from '../../../electron/services/powershell/pool';
import { initLab } from '../../../electron/services/lab/lab-init';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { AuditLog } from '../../../electron/services/audit/audit-log';
import { readHosts } from '../../../electron/engine/read-hosts';
import { applyPlan } from '../../../electron/engine/apply';
import { rollback } from '../../../electron/engine/rollback';
import { createPowerShellExecutor } from '../../../electron/engine/powershell-executor';
import { buildPlan } from '../../../electron/core/plan/build-plan';
import { exportPlanScript } from '../../../electron/core/plan/export-script';
import type { DesiredSettings, ProgressEvent } from '../../../electron/core/model';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';

const pwsh = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');

const desired: DesiredSettings = {
  virtualMachineMigrationEnabled: true,
  maximumVirtualMachineMigrations: 4,
  maximumStorageMigrations: 3,
  virtualMachineMigrationAuthenticationType: 'Kerberos',
  virtualMachineMigrationPerformanceOption: 'SMB',
  networks: [
    { subnet: '192.168.50.0/24', priority: 1 },
    { subnet: '2001:db8:50::/64', priority: 2 },
  ],
};

let dir: string;
let pool: PowerShellPool;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ferry-engine-'));
  await initLab(dir, { hosts: ['HV01', 'HV02', 'HV03'] });
  pool = new PowerShellPool({ labDir: dir, size: 3, executable: pwsh });
});

afterAll(async () => {
  await pool?.dispose();
});

describe('engine against the lab (real pwsh + HyperVLab)', () => {
  it('reads hosts in parallel; an unreachable or slow host does not block the others', async () => {
    await setFault(dir, 'HV02', { latencyMs: 1500 });
    await setFault(dir, 'HV03', { unreachable: true });
    // warm the processes so start-up time does not blur the comparison
    await readHosts(pool, ['HV01', 'HV01', 'HV01']);
    const facts = await readHosts(pool, ['HV01', 'HV02', 'HV03', 'bad name!']);
    expect(facts.map((f) => [f.computerName, f.status])).toEqual([
      ['HV01', 'ok'],
      ['HV02', 'ok'],
      ['HV03', 'unreachable'],
      ['bad name!', 'error'],
    ]);
    expect(facts[0]?.settings).toBeDefined();
    expect(facts[2]?.error?.message).toMatch(/HV03/);
    expect(facts[0]!.elapsedMs!).toBeLessThan(facts[1]!.elapsedMs!);
    await setFault(dir, 'HV02', null);
    await setFault(dir, 'HV03', null);
  });

  it('plans, applies with read-back and audit, re-plans to zero steps, and rolls back', async () => {
    const before = await readHosts(pool, ['HV01', 'HV02']);
    const plan = buildPlan({ hosts: before, desired });
    expect(plan.steps.length).toBeGreaterThan(4);
    const audit = new AuditLog(path.join(dir, 'audit-ok.jsonl'));
    const events: ProgressEvent[] = [];
    const result = await applyPlan(plan, { powershell: createPowerShellExecutor(pool) }, { user: 'tester', audit, onProgress: (e) => events.push(e) });
    expect(result.ok).toBe(true);
    expect(result.results.every((r) => r.status === 'done' && r.verified)).toBe(true);
    expect(events.filter((e) => e.status === 'done' && e.stepId !== undefined)).toHaveLength(plan.steps.length);
    const records = (await audit.read()).records;
    expect(records).toHaveLength(plan.steps.length);
    expect(records.every((r) => r.result === 'done' && r.user === 'tester' && r.runId === result.runId)).toBe(true);

    const after = await readHosts(pool, ['HV01', 'HV02']);
    expect(buildPlan({ hosts: after, desired }).steps).toEqual([]);
    expect(after[0]?.settings?.useAnyNetworkForMigration).toBe(false);
    expect(after[0]?.settings?.migrationNetworks.map((n) => n.subnet).sort()).toEqual(['192.168.50.0/24', '2001:db8:50::/64']);

    const undone = await rollback(result.runId, audit, { powershell: createPowerShellExecutor(pool) }, { user: 'tester' });
    expect(undone.result.ok).toBe(true);
    expect(undone.plan.steps).toHaveLength(plan.steps.length);
    const restored = await readHosts(pool, ['HV01', 'HV02']);
    expect(restored.map((f) => f.settings)).toEqual(before.map((f) => f.settings));
    // a second rollback finds nothing left to undo
    const again = await rollback(result.runId, audit, { powershell: createPowerShellExecutor(pool) }, { user: 'tester' });
    expect(again.plan.steps).toEqual([]);
  });

  it('stops at a failing step with done / failed / not-started, restore commands and audit', async () => {
    const facts = await readHosts(pool, ['HV01', 'HV02']);
    const plan = buildPlan({ hosts: facts, desired });
    await setFault(dir, 'HV01', { failOnMutation: 2 });
    const audit = new AuditLog(path.join(dir, 'audit-fail.jsonl'));
    const result = await applyPlan(plan, { powershell: createPowerShellExecutor(pool) }, { user: 'tester', audit });
    await setFault(dir, 'HV01', null);
    expect(result.ok).toBe(false);
    const statuses = result.results.map((r) => r.status);
    expect(statuses[0]).toBe('done');
    expect(statuses[1]).toBe('failed');
    expect(statuses.slice(2).every((s) => s === 'not-started')).toBe(true);
    expect(result.results[1]?.error?.message).toBeTruthy();
    expect(result.restoreCommands).toEqual([plan.steps[0]!.inverseCommand]);
    const records = (await audit.read()).records;
    expect(records.map((r) => [r.stepId, r.result])).toEqual([
      [plan.steps[0]!.id, 'done'],
      [plan.steps[1]!.id, 'failed'],
    ]);
    // only the first step changed the host
    const now = await readHosts(pool, ['HV01']);
    const first = plan.steps[0]!;
    expect((now[0]!.settings as Record<string, unknown>)[first.setting]).toEqual(first.after);
    const back = await rollback(result.runId, audit, { powershell: createPowerShellExecutor(pool) }, { user: 'tester' });
    expect(back.result.ok).toBe(true);
    expect((await readHosts(pool, ['HV01']))[0]!.settings).toEqual(facts[0]!.settings);
  });

  it('exports a script that PowerShell parses without errors', async () => {
    const plan = buildPlan({ hosts: await readHosts(pool, ['HV01', 'HV02']), desired });
    const file = path.join(dir, 'plan.ps1');
    await writeFile(file, exportPlanScript(plan));
    const out = execFileSync(pwsh, [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      `$t=$null;$e=$null;$ast=[System.Management.Automation.Language.Parser]::ParseFile('${file}',[ref]$t,[ref]$e);` +
        "$cmds=$ast.FindAll({param($n) $n -is [System.Management.Automation.Language.CommandAst]},$true) | % { $_.GetCommandName() };" +
        "@{errors=@($e).Count; commands=@($cmds); shouldProcess=$ast.ParamBlock.Attributes[0].NamedArguments[0].ArgumentName} | ConvertTo-Json -Compress",
    ], { env: powershellProcessEnv(process.env) }).toString();
    const parsed = JSON.parse(out) as { errors: number; commands: string[]; shouldProcess: string };
    expect(parsed.errors).toBe(0);
    expect(parsed.shouldProcess).toBe('SupportsShouldProcess');
    expect(parsed.commands.filter((c) => c !== 'Write-Host')).toEqual(plan.steps.map((s) => s.command.split(' ')[0]));
    expect(await readFile(file, 'utf8')).toContain('#Requires -Modules Hyper-V');
  });
});
