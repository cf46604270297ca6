/**
 * What a pool process finds and settles when it starts (issue 10, items 4, 11, 12):
 *   - PowerCLI's VMware.VimAutomation.Core, first on PSModulePath, defines Get-VM, Get-VMHost and
 *     Move-VM too; the scripts' plain Get-VM must still be Hyper-V's, and the clash is reported.
 *   - Lab processes start with -ExecutionPolicy Bypass; real-host processes do not.
 *   - In Constrained Language Mode the pool says so at once instead of hanging until a timeout.
 * The modules here are stand-ins written by the test: a fake PowerCLI and a fake Hyper-V.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initLab } from '../../../electron/services/lab/lab-init';
import { PowerShellPool, clashNotice } from '../../../electron/services/powershell/pool';
import { scriptError } from '../../support/script-error';

const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');
const SCRIPTS = path.resolve('electron/services/powershell/scripts');
const root = mkdtempSync(path.join(os.tmpdir(), 'ferry-start-'));
const scripts = path.join(root, 'scripts');
const vmwareDir = path.join(root, 'powercli');
const hyperVDir = path.join(root, 'hyperv');

function writeModule(dir: string, name: string, body: string, functions: string[]): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, `${name}.psm1`), body);
  writeFileSync(path.join(dir, name, `${name}.psd1`), `@{ RootModule = '${name}.psm1'; ModuleVersion = '1.0'; GUID = '${name === 'Hyper-V' ? '11111111-1111-4111-8111-111111111111' : '22222222-2222-4222-8222-222222222222'}'; FunctionsToExport = @(${functions.map((f) => `'${f}'`).join(', ')}) }\n`);
}

async function withModulePath<T>(value: string, run: () => Promise<T>): Promise<T> {
  const saved = process.env.PSModulePath;
  process.env.PSModulePath = value;
  try {
    return await run();
  } finally {
    if (saved === undefined) delete process.env.PSModulePath;
    else process.env.PSModulePath = saved;
  }
}


beforeAll(() => {
  mkdirSync(scripts, { recursive: true });
  copyFileSync(path.join(SCRIPTS, '_prelude.ps1'), path.join(scripts, '_prelude.ps1'));
  // Which Get-VM / Get-VMHost / Move-VM a script's plain call reaches, and how the process started.
  writeFileSync(path.join(scripts, 'which-cmdlets.ps1'), [
    'param([string]$InputBase64)',
    'Invoke-FerryMain -InputBase64 $InputBase64 -Body {',
    '  [ordered]@{ vm = [string](Get-VM -ComputerName HV01).Name; vmHost = [string](Get-VMHost -ComputerName HV01).Name; args = @([Environment]::GetCommandLineArgs()) }',
    '}',
  ].join('\n'));
  const connectFirst = "throw 'You are not currently connected to any servers. Please connect first using a Connect cmdlet.'";
  writeModule(vmwareDir, 'VMware.VimAutomation.Core', ['Get-VM', 'Get-VMHost', 'Move-VM'].map((f) => `function ${f} { param([string[]]$Name, $Server) ${connectFirst} }`).join('\n'), ['Get-VM', 'Get-VMHost', 'Move-VM']);
  writeModule(hyperVDir, 'Hyper-V', [
    "function Get-VM { param([string[]]$ComputerName, [string[]]$Name) [pscustomobject]@{ Name = 'vm-from-hyper-v' } }",
    "function Get-VMHost { param([string[]]$ComputerName) [pscustomobject]@{ Name = 'host-from-hyper-v' } }",
    'function Move-VM { param($VM, [string]$DestinationHost) }',
  ].join('\n'), ['Get-VM', 'Get-VMHost', 'Move-VM']);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('PowerCLI first on PSModulePath', () => {
  it('the scripts still reach Hyper-V’s Get-VM and Get-VMHost, and the clash is said plainly', async () => {
    const reports: unknown[] = [];
    const pool = new PowerShellPool({ size: 1, executable: PWSH, scriptsDir: scripts, onStart: (r) => reports.push(r) });
    try {
      const r = await withModulePath([vmwareDir, hyperVDir].join(path.delimiter), () => pool.run('which-cmdlets.ps1', {}));
      expect(r).toMatchObject({ vm: 'vm-from-hyper-v', vmHost: 'host-from-hyper-v' });
      expect(reports).toHaveLength(1);
      const report = pool.startReport;
      expect(report).toMatchObject({ mode: 'real', module: 'Hyper-V', hyperV: 'loaded' });
      expect(report?.clashes).toEqual(expect.arrayContaining([
        { name: 'Get-VM', module: 'VMware.VimAutomation.Core' },
        { name: 'Get-VMHost', module: 'VMware.VimAutomation.Core' },
        { name: 'Move-VM', module: 'VMware.VimAutomation.Core' },
      ]));
      expect(clashNotice(report!)).toContain('VMware.VimAutomation.Core also defines Get-VM, Get-VMHost, Move-VM');
      // A real-host process keeps the machine's execution policy.
      expect((r as { args: string[] }).args).not.toContain('Bypass');
    } finally {
      await pool.dispose();
    }
  });

  it('without Hyper-V the plain Get-VM fails plainly instead of reaching PowerCLI', async () => {
    const pool = new PowerShellPool({ size: 1, executable: PWSH, scriptsDir: scripts });
    try {
      const e = await withModulePath(vmwareDir, () => scriptError(pool.run('which-cmdlets.ps1', {})));
      expect(e.message).toContain('The Hyper-V PowerShell module is not installed on this computer');
      expect(e.message).not.toContain('not currently connected');
      expect(pool.startReport).toMatchObject({ hyperV: 'missing' });
    } finally {
      await pool.dispose();
    }
  });
});

describe('lab processes', () => {
  it('start with -ExecutionPolicy Bypass and pin the names to the lab module', async () => {
    const lab = path.join(root, 'lab');
    await initLab(lab, { hosts: ['HV01'] });
    const pool = new PowerShellPool({ size: 1, executable: PWSH, scriptsDir: scripts, labDir: lab });
    try {
      const r = (await withModulePath(vmwareDir, () => pool.run('which-cmdlets.ps1', {}))) as { vm: string; vmHost: string; args: string[] };
      expect(r.vmHost).toBe('HV01');
      const i = r.args.indexOf('-ExecutionPolicy');
      expect(i).toBeGreaterThan(0);
      expect(r.args[i + 1]).toBe('Bypass');
      expect(pool.startReport).toMatchObject({ mode: 'lab', module: 'HyperVLab' });
    } finally {
      await pool.dispose();
    }
  });
});

describe('Constrained Language Mode', () => {
  it('is detected at start and said plainly, at once rather than after a timeout', async () => {
    // A PowerShell that switches itself to Constrained Language Mode before reading any command,
    // as WDAC/AppLocker enforcement makes it.
    const wrapper = path.join(root, 'clm-pwsh.sh');
    writeFileSync(wrapper, `#!/bin/sh\n{ printf '%s\\n' '$ExecutionContext.SessionState.LanguageMode = "ConstrainedLanguage"'; exec cat; } | exec '${PWSH.replace(/'/g, "'\\''")}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const pool = new PowerShellPool({ size: 1, executable: wrapper, scriptsDir: scripts, startTimeoutMs: 30_000, defaultTimeoutMs: 30_000 });
    try {
      const started = Date.now();
      const e = await scriptError(pool.run('which-cmdlets.ps1', {}));
      expect(e.code).toBe('constrained-language');
      expect(e.message).toContain('Constrained Language Mode');
      expect(e.message).toContain('cannot read or change Hyper-V hosts');
      expect(Date.now() - started).toBeLessThan(25_000);
      // Every later call gets the same answer, without a new process per call.
      expect((await scriptError(pool.run('which-cmdlets.ps1', {}))).code).toBe('constrained-language');
      expect(pool.spawned).toBe(1);
    } finally {
      await pool.dispose();
    }
  });
});
