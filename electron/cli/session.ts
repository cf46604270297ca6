/**
 * The PowerShell pool a command runs on: the lab (`--lab <dir>`, the HyperVLab module against
 * that folder) or real Hyper-V through the in-box PowerShell on Windows.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PowerShellPool, clashNotice, type PowerShellStartReport } from '../services/powershell/pool';
import { ArgError } from './args';

/** Says on stderr, once, what the first PowerShell process found that the admin should know (PowerCLI's same-named cmdlets). */
export function startNotice(err: (text: string) => void): (report: PowerShellStartReport) => void {
  return (report) => {
    const notice = clashNotice(report);
    if (notice !== undefined) err(`Note: ${notice}\n`);
  };
}

export function openPool(labDir: string | undefined, env: Readonly<Record<string, string | undefined>>, err?: (text: string) => void): PowerShellPool {
  const onStart = err ? { onStart: startNotice(err) } : {};
  if (labDir !== undefined) {
    const dir = path.resolve(labDir);
    if (labDir.includes('\0') || !existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ArgError('--lab', 'is not a lab folder (create one with `ferry lab init <dir>`)');
    }
    return new PowerShellPool({ labDir: dir, size: 4, ...onStart, ...(env.FERRY_PWSH ? { executable: env.FERRY_PWSH } : {}) });
  }
  if (process.platform !== 'win32') {
    throw new ArgError('--lab', 'is required here: real Hyper-V hosts can only be managed from Windows');
  }
  return new PowerShellPool({ size: 4, ...onStart });
}
