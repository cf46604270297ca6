/**
 * What a pwsh start does to the user's PowerShell cache folder, and what Ferry's pool processes
 * must not do to it. Each case runs in a fresh home folder; each has a control run of plain pwsh
 * showing the effect exists, so the pool's run proves the guard, not an empty check.
 *   - Telemetry: PowerShell 7 marks a profile that sent start-up telemetry with `telemetry.uuid`.
 *   - The multicore-JIT startup profile: parallel pwsh starts and exits corrupt it and every
 *     later pwsh dies with "Stack overflow." (PowerShell/PowerShell#26528). The fixture is such a
 *     profile, cut from one that broke this machine's pwsh 7.6.9 after a test run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initLab } from '../../../electron/services/lab/lab-init';
import { PowerShellPool } from '../../../electron/services/powershell/pool';

const pwsh = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');
const CRASHING_PROFILE = path.resolve('test/support/fixtures/pwsh-startup-profile-crashing.bin');
const PROFILE = 'StartupProfileData-NonInteractive';
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
const cacheOf = (home: string) => path.join(home, '.cache', 'powershell');

/** The variables the pool sets; the control runs go without them, as a user's shell would. */
const GUARDS = ['POWERSHELL_TELEMETRY_OPTOUT', 'DOTNET_MultiCoreJitMinNumCpus', 'COMPlus_MultiCoreJitMinNumCpus', 'XDG_CACHE_HOME'] as const;

function plainPwsh(home: string): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  for (const key of GUARDS) delete env[key];
  const r = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', "'answered'"], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** One lab call through a fresh pool whose processes inherit `home` and none of the guards. */
async function poolCall(home: string): Promise<unknown> {
  const lab = tempDir('ferry-lab-');
  await initLab(lab, { hosts: ['HV01'] });
  const saved = new Map<string, string | undefined>(['HOME', ...GUARDS].map((k) => [k, process.env[k]] as const));
  // The pool starts its processes with this process's environment, read at spawn time.
  process.env.HOME = home;
  for (const key of GUARDS) delete process.env[key];
  const pool = new PowerShellPool({ size: 1, labDir: lab, executable: pwsh, startTimeoutMs: 30_000 });
  try {
    return await pool.run('ping.ps1', { computerName: 'HV01' });
  } finally {
    await pool.dispose();
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('telemetry', () => {
  it('a plain pwsh start marks the profile as sending telemetry (the control)', () => {
    const home = tempDir('ferry-home-');
    expect(plainPwsh(home).status).toBe(0);
    expect(existsSync(path.join(cacheOf(home), 'telemetry.uuid'))).toBe(true);
  });

  it("the pool's processes start with telemetry off", async () => {
    const home = tempDir('ferry-home-');
    await poolCall(home);
    expect(existsSync(path.join(cacheOf(home), 'telemetry.uuid'))).toBe(false);
  });
});

describe('the startup profile', () => {
  const homeWithCrashingProfile = () => {
    const home = tempDir('ferry-home-');
    mkdirSync(cacheOf(home), { recursive: true });
    copyFileSync(CRASHING_PROFILE, path.join(cacheOf(home), PROFILE));
    return home;
  };

  it('a plain pwsh start with a corrupt profile dies with "Stack overflow." (the control)', () => {
    const r = plainPwsh(homeWithCrashingProfile());
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('Stack overflow.');
    expect(r.output).not.toContain('answered');
  });

  it("the pool's processes start and answer despite it", async () => {
    await expect(poolCall(homeWithCrashingProfile())).resolves.toBeDefined();
  });
});
