/**
 * The PowerShell pool a command runs on: the lab (`--lab <dir>`, the HyperVLab module against
 * that folder) or real Hyper-V through the in-box PowerShell on Windows.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PowerShellPool } from '../services/powershell/pool';
import { ArgError } from './args';

export function openPool(labDir: string | undefined, env: Readonly<Record<string, string | undefined>>): PowerShellPool {
  if (labDir !== undefined) {
    const dir = path.resolve(labDir);
    if (labDir.includes('\0') || !existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ArgError('--lab', 'is not a lab folder (create one with `ferry lab init <dir>`)');
    }
    return new PowerShellPool({ labDir: dir, size: 4, ...(env.FERRY_PWSH ? { executable: env.FERRY_PWSH } : {}) });
  }
  if (process.platform !== 'win32') {
    throw new ArgError('--lab', 'is required here: real Hyper-V hosts can only be managed from Windows');
  }
  return new PowerShellPool({ size: 4 });
}
