// Builds every bundle Ferry ships, into dist/:
//   dist/main/main.cjs        Electron main (esbuild, CommonJS, electron external)
//   dist/preload/preload.cjs  sandboxed preload (esbuild, CommonJS: sandboxed preloads cannot load ESM)
//   dist/cli/ferry.cjs        the `ferry` CLI, runnable with plain `node`
//   dist/renderer/            the React renderer (Vite)
//   dist/scripts/*.ps1, dist/lab/  PowerShell scripts and the HyperVLab module, copied as files
// Why esbuild + Vite rather than electron-vite: three small esbuild calls give us a CLI bundle
// from the same sources and need no Electron binary at build time (this CI cannot download it).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dist = path.join(root, 'dist');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

fs.mkdirSync(dist, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.FERRY_BUILD': '"production"' },
};

if (want('main')) {
  await esbuild({ ...common, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(dist, 'main/main.cjs'), external: ['electron'] });
}
if (want('preload')) {
  await esbuild({ ...common, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(dist, 'preload/preload.cjs'), external: ['electron'], platform: 'browser', target: 'chrome130' });
}
if (want('cli')) {
  await esbuild({ ...common, entryPoints: [path.join(root, 'electron/cli/ferry.ts')], outfile: path.join(dist, 'cli/ferry.cjs'), banner: { js: '#!/usr/bin/env node' } });
  fs.chmodSync(path.join(dist, 'cli/ferry.cjs'), 0o755);
}
if (want('assets')) {
  copyDir(path.join(root, 'electron/services/powershell/scripts'), path.join(dist, 'scripts'));
  copyDir(path.join(root, 'electron/services/lab/module'), path.join(dist, 'lab'));
}
if (want('renderer')) {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
if (want('licenses')) {
  // Third-party licenses of the bundled production dependencies, shipped beside the app.
  const { writeThirdPartyLicenses } = await import('./licenses.mjs');
  writeThirdPartyLicenses(root, path.join(dist, 'THIRD-PARTY-LICENSES.txt'));
}
console.log(`build: ${only.length ? only.join(', ') : 'all bundles'} written to dist/`);

function copyDir(from, to) {
  if (!fs.existsSync(from)) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}
