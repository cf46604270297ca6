import { describe, expect, it } from 'vitest';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';

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
