import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePowerShellExecutable } from '../../../electron/services/powershell/executable';

describe('resolvePowerShellExecutable', () => {
  it('prefers an explicit path, then FERRY_PWSH, always absolute', () => {
    expect(resolvePowerShellExecutable('/opt/x/pwsh', { env: { FERRY_PWSH: '/y/pwsh' }, platform: 'linux' })).toBe('/opt/x/pwsh');
    expect(resolvePowerShellExecutable(undefined, { env: { FERRY_PWSH: 'rel/pwsh' }, platform: 'linux', cwd: '/base' })).toBe('/base/rel/pwsh');
  });

  it('uses the in-box powershell.exe under SystemRoot on Windows', () => {
    expect(resolvePowerShellExecutable(undefined, { env: { SystemRoot: 'D:\\Win' }, platform: 'win32' })).toBe(
      'D:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });

  it('finds pwsh on PATH as an absolute path, else the bundled copy', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-path-'));
    writeFileSync(path.join(dir, 'pwsh'), '');
    chmodSync(path.join(dir, 'pwsh'), 0o755);
    expect(resolvePowerShellExecutable(undefined, { env: { PATH: `relative:${dir}` }, platform: 'linux' })).toBe(path.join(dir, 'pwsh'));
    expect(resolvePowerShellExecutable(undefined, { env: { PATH: '' }, platform: 'linux', cwd: '/repo' })).toBe('/repo/.tools/pwsh/pwsh');
  });
});
