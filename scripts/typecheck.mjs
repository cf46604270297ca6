// Type-checks each layer with its own tsconfig, so each sees only what it may use:
// core (no Node, no DOM), main side (Node), preload, renderer (DOM, no Node), tests.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const projects = ['core', 'main', 'preload', 'renderer', 'test'];
let failed = 0;
for (const name of projects) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { stdio: 'inherit' });
  console.log(`typecheck ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
