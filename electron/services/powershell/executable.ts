/**
 * Finds the PowerShell to run, always as an absolute path (a bare name would be looked up on
 * PATH by the OS, which lets whatever is first on PATH impersonate PowerShell).
 *
 * Order: explicit → env FERRY_PWSH → on Windows the in-box powershell.exe under %SystemRoot% →
 * `pwsh` found on PATH (resolved to its absolute path) → `<repo>/.tools/pwsh/pwsh`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ExecutableEnv {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly cwd?: string;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter((d) => d !== '' && path.isAbsolute(d));
  const names = platform === 'win32' ? [`${name}.exe`] : [name];
  for (const dir of dirs) {
    for (const n of names) {
      const candidate = path.join(dir, n);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

export function resolvePowerShellExecutable(explicit?: string, where: ExecutableEnv = {}): string {
  const env = where.env ?? process.env;
  const platform = where.platform ?? process.platform;
  const cwd = where.cwd ?? process.cwd();
  if (explicit !== undefined && explicit !== '') return path.resolve(cwd, explicit);
  const fromEnv = env.FERRY_PWSH;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(cwd, fromEnv);
  if (platform === 'win32') {
    const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
    return path.win32.join(root, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  }
  const onPath = findOnPath('pwsh', env, platform);
  if (onPath !== undefined) return onPath;
  const bundled = path.join(cwd, '.tools', 'pwsh', 'pwsh');
  if (existsSync(bundled)) return bundled;
  return bundled;
}
