/**
 * Bundles the browser side of the bridge (`bridge-browser-entry.ts`) with esbuild at test time,
 * so nothing of it is ever part of `dist/`.
 */
import { build } from 'esbuild';
import path from 'node:path';

/** `token`, when given, is compiled into the client and sent as a header on every request. */
export async function bundleBridgeClient(token?: string, repoRoot: string = process.cwd()): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'dev', 'bridge-browser-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    define: { __FERRY_BRIDGE_TOKEN__: token === undefined ? 'undefined' : JSON.stringify(token) },
  });
  const out = result.outputFiles[0];
  if (out === undefined) throw new Error('bridge client bundle is empty');
  return out.text;
}
