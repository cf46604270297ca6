import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { initLab } from '../../../electron/services/lab/lab-init';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli/ferry.cjs');
const env = { ...process.env, FERRY_PWSH: process.env.FERRY_PWSH ?? path.join(root, '.tools/pwsh/pwsh') };

async function ferry(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env, cwd: root, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

let lab: string;
let original = '';
beforeAll(async () => {
  await run(process.execPath, [path.join(root, 'scripts/build.mjs'), 'cli', 'assets'], { cwd: root });
  lab = await mkdtemp(path.join(tmpdir(), 'ferry-cli-'));
  await initLab(lab);
});

const planArgs = (extra: string[] = []) => [
  '--source', 'HV01', '--destination', 'HV02', '--auth', 'Kerberos', '--performance', 'SMB',
  '--max-migrations', '4', '--network', '192.168.77.0/24,1', '--network', '2001:db8:77::/64,2', '--lab', lab, ...extra,
];

describe('ferry CLI end to end (built bundle, real pwsh, lab)', () => {
  it('hosts show --json prints the documented shape', async () => {
    const r = await ferry(['hosts', 'show', 'HV01', 'HV02', '--lab', lab, '--json']);
    expect(r.code).toBe(0);
    const hosts = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(hosts.map((h) => Object.keys(h))).toEqual([
      ['computerName', 'status', 'settings', 'error'],
      ['computerName', 'status', 'settings', 'error'],
    ]);
    const s = hosts[0]!.settings as Record<string, unknown>;
    expect(Object.keys(s)).toEqual([
      'virtualMachineMigrationEnabled', 'maximumVirtualMachineMigrations', 'maximumStorageMigrations',
      'virtualMachineMigrationAuthenticationType', 'virtualMachineMigrationPerformanceOption',
      'useAnyNetworkForMigration', 'migrationNetworks',
    ]);
    expect(['CredSSP', 'Kerberos']).toContain(s.virtualMachineMigrationAuthenticationType);
    expect(hosts[0]!.error).toBeNull();
    const missing = await ferry(['hosts', 'show', 'HV01', 'NOPE', '--lab', lab, '--json']);
    expect(missing.code).toBe(1);
    expect((JSON.parse(missing.stdout) as { status: string }[])[1]!.status).toBe('unreachable');
  });

  it('plan --json --script, and apply without --yes changes nothing', async () => {
    const before = await ferry(['hosts', 'show', 'HV01', 'HV02', '--lab', lab, '--json']);
    const scriptFile = path.join(lab, 'plan.ps1');
    const plan = await ferry(['plan', ...planArgs(['--json', '--script', scriptFile])]);
    expect(plan.code).toBe(0);
    const steps = (JSON.parse(plan.stdout) as { steps: { command: string }[] }).steps;
    expect(steps.length).toBeGreaterThan(3);
    expect(await readFile(scriptFile, 'utf8')).toContain("Add-VMMigrationNetwork -ComputerName 'HV01' -Subnet '192.168.77.0/24' -Priority 1");

    const auditLog = path.join(lab, 'cli-audit.jsonl');
    const noYes = await ferry(['apply', ...planArgs(['--audit-log', auditLog])]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');
    expect(existsSync(auditLog)).toBe(false);
    original = before.stdout;
  });

  it('apply --yes, then zero-step re-plan, then rollback restores the hosts', async () => {
    const auditLog = path.join(lab, 'cli-audit.jsonl');
    const steps = (JSON.parse((await ferry(['plan', ...planArgs(['--json'])])).stdout) as { steps: unknown[] }).steps;
    const applied = await ferry(['apply', ...planArgs(['--yes', '--audit-log', auditLog, '--json'])]);
    expect(applied.code).toBe(0);
    expect((JSON.parse(applied.stdout) as { result: { ok: boolean } }).result.ok).toBe(true);
    expect((await readFile(auditLog, 'utf8')).trim().split('\n')).toHaveLength(steps.length);

    const replan = await ferry(['plan', ...planArgs(['--json'])]);
    expect((JSON.parse(replan.stdout) as { steps: unknown[] }).steps).toEqual([]);

    const preview = await ferry(['rollback', '--audit-log', auditLog]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Nothing was changed');
    const undone = await ferry(['rollback', '--audit-log', auditLog, '--lab', lab, '--yes']);
    expect(undone.code).toBe(0);
    expect((await ferry(['hosts', 'show', 'HV01', 'HV02', '--lab', lab, '--json'])).stdout).toBe(original);
  });

  it('hostile host names and subnets exit 2 and never run', async () => {
    const canary = path.join(lab, 'canary');
    const payloads = [
      `HV01'; New-Item -ItemType File -Path '${canary}'; '`,
      `HV01\u2019; New-Item -ItemType File -Path '${canary}'; \u2018`,
      `HV01$(New-Item -ItemType File -Path '${canary}')`,
      `HV01\`n New-Item ${canary}`,
    ];
    for (const p of payloads) {
      expect((await ferry(['hosts', 'show', p, '--lab', lab])).code).toBe(2);
      expect((await ferry(['plan', '--source', 'HV01', '--destination', 'HV02', '--network', `10.0.0.0/24'; New-Item '${canary}`, '--lab', lab])).code).toBe(2);
    }
    expect(existsSync(canary)).toBe(false);
  });
});
