import { describe, expect, it } from 'vitest';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';
import { powershellExecutableOptions } from '../../../electron/services/powershell/process-args';

describe('powershellProcessEnv', () => {
  it('turns off PowerShell 7 telemetry and the update check, whatever the parent set', () => {
    const env = powershellProcessEnv({ PATH: '/bin', POWERSHELL_TELEMETRY_OPTOUT: '0', POWERSHELL_UPDATECHECK: 'Default' });
    expect(env.POWERSHELL_TELEMETRY_OPTOUT).toBe('1');
    expect(env.POWERSHELL_UPDATECHECK).toBe('Off');
    expect(env.PATH).toBe('/bin');
  });

  it('keeps every process off the shared multicore-JIT startup profile', () => {
    const env = powershellProcessEnv({ DOTNET_MultiCoreJitMinNumCpus: '2' });
    expect(env.DOTNET_MultiCoreJitMinNumCpus).toBe('FFFF');
    expect(env.COMPlus_MultiCoreJitMinNumCpus).toBe('FFFF');
  });

  it('drops NODE_POWERSHELL, which would override the executable Ferry chose', () => {
    expect(powershellProcessEnv({ NODE_POWERSHELL: '/tmp/evil' })).not.toHaveProperty('NODE_POWERSHELL');
  });

  it('passes the lab folder and module only to a lab pool', () => {
    const parent = { FERRY_LAB_DIR: '/stale', FERRY_LAB_MODULE: '/stale.psd1' };
    const real = powershellProcessEnv(parent);
    expect(real).not.toHaveProperty('FERRY_LAB_DIR');
    expect(real).not.toHaveProperty('FERRY_LAB_MODULE');
    const lab = powershellProcessEnv(parent, { lab: { dir: '/lab', modulePath: '/m/HyperVLab.psd1' } });
    expect(lab.FERRY_LAB_DIR).toBe('/lab');
    expect(lab.FERRY_LAB_MODULE).toBe('/m/HyperVLab.psd1');
  });

  it('does not change the object it was given', () => {
    const parent = { NODE_POWERSHELL: 'x' };
    powershellProcessEnv(parent);
    expect(parent).toEqual({ NODE_POWERSHELL: 'x' });
  });
});

describe('PSModulePath for Windows PowerShell 5.1 (issue 10, item 13)', () => {
  const WINPS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
  // What a pwsh 7 prompt hands to a program it starts: its own folders first.
  const FROM_PWSH7 = [
    'C:\\Users\\ada\\Documents\\PowerShell\\Modules',
    'C:\\Program Files\\PowerShell\\Modules',
    'c:\\program files\\powershell\\7\\Modules',
    'C:\\Users\\ada\\Documents\\WindowsPowerShell\\Modules',
    'C:\\Program Files\\WindowsPowerShell\\Modules',
    'C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules',
    'C:\\Program Files (x86)\\Microsoft SQL Server\\160\\Tools\\PowerShell\\Modules\\',
  ].join(';');

  it('drops pwsh 7’s module folders and keeps Windows PowerShell’s and other products’', () => {
    const env = powershellProcessEnv({ PSModulePath: FROM_PWSH7 }, { executable: WINPS });
    expect(env.PSModulePath?.split(';')).toEqual([
      'C:\\Users\\ada\\Documents\\WindowsPowerShell\\Modules',
      'C:\\Program Files\\WindowsPowerShell\\Modules',
      'C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules',
      'C:\\Program Files (x86)\\Microsoft SQL Server\\160\\Tools\\PowerShell\\Modules\\',
    ]);
  });

  it('leaves PSModulePath alone for pwsh 7 and drops it when nothing of 5.1 is left', () => {
    expect(powershellProcessEnv({ PSModulePath: FROM_PWSH7 }, { executable: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe' }).PSModulePath).toBe(FROM_PWSH7);
    expect(powershellProcessEnv({ PSModulePath: 'C:\\Program Files\\PowerShell\\7\\Modules' }, { executable: WINPS })).not.toHaveProperty('PSModulePath');
  });
});

describe('process switches (issue 10, item 11)', () => {
  it('lab processes bypass the execution policy for themselves; real-host processes keep the machine’s', () => {
    expect(powershellExecutableOptions({ lab: true })).toEqual({ '-NoProfile': true, '-NonInteractive': true, '-ExecutionPolicy': 'Bypass' });
    expect(powershellExecutableOptions({ lab: false })).toEqual({ '-NoProfile': true, '-NonInteractive': true });
  });
});
