/**
 * Issue 13, CLI: a failed `ferry apply` prints its restore commands whole, and pasted into real
 * pwsh against the lab they restore it; the audit log records the lab the run changed, so
 * `ferry rollback` without `--lab` restores that lab, and refuses a `--lab` naming another one.
 * Built bundle, real pwsh, lab hosts.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { initLab } from '../../../electron/services/lab/lab-init';
import { setFault } from '../../../electron/services/lab/lab-faults';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli/ferry.cjs');
const PWSH = process.env.FERRY_PWSH ?? path.join(root, '.tools/pwsh/pwsh');
const env = { ...process.env, FERRY_PWSH: PWSH };
const MODULE = path.join(root, 'electron/services/lab/module/HyperVLab.psd1');

async function ferry(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env, cwd: root, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const planArgs = (lab: string, extra: string[] = []) => [
  '--source', 'HV01', '--destination', 'HV02', '--auth', 'Kerberos', '--performance', 'SMB',
  '--max-migrations', '4', '--network', '192.168.77.0/24,1', '--lab', lab, ...extra,
];

const hostsJson = async (lab: string) => (await ferry(['hosts', 'show', 'HV01', 'HV02', '--lab', lab, '--json'])).stdout;

/** Fails the apply at its last step: that host's last mutating call throws (lab fault injection). */
async function failLastStep(lab: string): Promise<number> {
  const steps = (JSON.parse((await ferry(['plan', ...planArgs(lab, ['--json'])])).stdout) as { steps: { target: string }[] }).steps;
  const last = steps[steps.length - 1]!;
  await setFault(lab, last.target, { failOnMutation: steps.filter((s) => s.target === last.target).length });
  return steps.length;
}

beforeAll(async () => {
  await run(process.execPath, [path.join(root, 'scripts/build.mjs'), 'cli', 'assets'], { cwd: root });
});

describe('ferry apply restore commands and ferry rollback target (built bundle, real pwsh, lab)', () => {
  it("a failed apply's restore commands are printed whole and restore the lab as pasted into pwsh", async () => {
    const lab = await mkdtemp(path.join(tmpdir(), 'ferry-restore-'));
    await initLab(lab);
    const original = await hostsJson(lab);
    const total = await failLastStep(lab);
    const applied = await ferry(['apply', ...planArgs(lab, ['--yes', '--audit-log', path.join(lab, 'audit.jsonl')])]);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toContain('STOPPED at a failure');
    const lines = applied.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('To restore what was changed'));
    expect(start).toBeGreaterThan(0);
    const pasted = lines.slice(start + 1).filter((l) => l.startsWith('  ')).map((l) => l.trim());
    expect(pasted.join('\n')).not.toMatch(/…|chars\)/);
    expect(pasted).toHaveLength(total - 1);
    expect(pasted.some((c) => c.length > 80)).toBe(true);
    expect(await hostsJson(lab)).not.toBe(original);

    await setFault(lab, 'HV01', null);
    await setFault(lab, 'HV02', null);
    // As an admin would paste them: one pwsh session with the lab's Hyper-V cmdlets loaded.
    const script = [`$ErrorActionPreference = 'Stop'`, `Import-Module '${MODULE}' -DisableNameChecking`, ...pasted].join('\n');
    await run(PWSH, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script], { env: { ...process.env, FERRY_LAB_DIR: lab } });
    expect(await hostsJson(lab)).toBe(original);
  });

  it('rollback without --lab after a lab apply restores that lab; another --lab is refused', async () => {
    const lab = await mkdtemp(path.join(tmpdir(), 'ferry-rollback-'));
    const other = await mkdtemp(path.join(tmpdir(), 'ferry-other-'));
    await initLab(lab);
    const original = await hostsJson(lab);
    const auditLog = path.join(other, 'audit.jsonl');
    const applied = await ferry(['apply', ...planArgs(lab, ['--yes', '--audit-log', auditLog])]);
    expect(applied.code).toBe(0);
    const records = (await readFile(auditLog, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { target?: unknown });
    expect(records.every((r) => JSON.stringify(r.target) === JSON.stringify({ kind: 'lab', labDir: lab }))).toBe(true);

    const wrong = await ferry(['rollback', '--audit-log', auditLog, '--lab', other, '--yes']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`--lab: run `);
    expect(wrong.stderr).toContain(`changed the lab ${lab}, not ${other}`);
    expect(await hostsJson(lab)).not.toBe(original);

    const preview = await ferry(['rollback', '--audit-log', auditLog]);
    expect(preview.stdout).toContain(`Restores on: the lab ${lab}`);
    const undone = await ferry(['rollback', '--audit-log', auditLog, '--yes']);
    expect(undone.stderr).not.toContain('ferry rollback:');
    expect(undone.code).toBe(0);
    expect(await hostsJson(lab)).toBe(original);
  });
});
