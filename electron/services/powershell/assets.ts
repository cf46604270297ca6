/**
 * Where the `.ps1` scripts and the HyperVLab module live: next to the sources in development
 * and tests, under `dist/` after the build (the app passes its unpacked resources folder).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function firstExisting(candidates: readonly string[]): string {
  for (const c of candidates) if (existsSync(c)) return c;
  return candidates[0] ?? '';
}

function roots(): string[] {
  const list = [process.cwd()];
  // In the CommonJS bundle (dist/cli/ferry.cjs) the repository is two levels up.
  if (typeof __dirname === 'string') list.push(path.resolve(__dirname, '..', '..'));
  return list;
}

export function defaultScriptsDir(): string {
  return firstExisting(
    roots().flatMap((r) => [path.join(r, 'electron', 'services', 'powershell', 'scripts'), path.join(r, 'dist', 'scripts')]),
  );
}

export function defaultLabModulePath(): string {
  return firstExisting(
    roots().flatMap((r) => [
      path.join(r, 'electron', 'services', 'lab', 'module', 'HyperVLab.psd1'),
      path.join(r, 'dist', 'lab', 'HyperVLab.psd1'),
    ]),
  );
}
