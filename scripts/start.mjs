// `npm start`: set up what is missing, build, then run Ferry.
//   1. npm packages: `npm ci` when node_modules is missing or older than package-lock.json (on a
//      real workstation this also fetches Electron's binary; CI machines skip it).
//   2. `node scripts/build.mjs` (all bundles into dist/).
//   3. `electron .` — Ferry decides lab mode itself (no Hyper-V PowerShell module => lab mode).
// Without an Electron binary (e.g. this CI image) it says so and offers `npm start -- --browser`:
// the renderer served by the development-only loopback bridge, opened in any local browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const args = process.argv.slice(2);
const browserMode = args.includes('--browser');
const say = (m) => console.log(`[start] ${m}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, argv, extraEnv = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv }, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`[start] ${cmd} ${argv.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

// 1. Packages.
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) {
  say('installing npm packages (npm ci)…');
  run(npm, ['ci', '--no-audit', '--no-fund'], browserMode ? { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } : {});
} else {
  say('npm packages are up to date');
}

// 2. Build.
say('building (node scripts/build.mjs)…');
run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);

// 3. Run.
if (browserMode) {
  await startBrowserMode();
} else {
  const electronBin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron.cmd' : 'electron');
  const electronPathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(electronBin) || !fs.existsSync(electronPathFile)) {
    console.log(
      [
        '',
        'Ferry needs the Electron runtime, and it is not installed here (node_modules/electron has no binary;',
        'it was skipped at install time, e.g. ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no internet).',
        'On a normal workstation: remove node_modules and run `npm start` again (npm ci fetches Electron).',
        '',
        'To look at the app without Electron:  npm start -- --browser',
        '  (development only: serves the renderer on 127.0.0.1 with a per-run random token, backed by the same',
        '   main-process code; lab mode; open the printed link in a local browser.)',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
  say('launching Ferry (lab mode when no Hyper-V PowerShell module is present)');
  const child = spawn(electronBin, ['.', ...args], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startBrowserMode() {
  const { build } = await import('esbuild');
  // The bridge lives under dev/ and is bundled only here, into a temporary folder under the
  // ignored .cache/ (so the bundle finds node_modules/esbuild for the page script), never into
  // dist/ (the packaging test checks the package holds nothing of it).
  fs.mkdirSync(path.join(root, '.cache'), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(root, '.cache', 'ferry-bridge-'));
  const serverFile = path.join(tmp, 'bridge-server.cjs');
  await build({
    stdin: {
      contents: "export { startBridge } from './bridge-server'; export { bundleBridgeClient } from './bridge-bundle';",
      resolveDir: path.join(root, 'dev'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: serverFile,
    logLevel: 'warning',
    external: ['electron', 'esbuild'],
  });
  const { createRequire } = await import('node:module');
  const { startBridge, bundleBridgeClient } = createRequire(import.meta.url)(serverFile);
  const clientScript = await bundleBridgeClient(undefined, root);
  const dataDir = path.join(root, '.lab', 'browser-mode');
  fs.mkdirSync(dataDir, { recursive: true });
  const bridge = await startBridge({ dataDir, labMode: true, repoRoot: root, clientScript });
  console.log(
    [
      '',
      'Ferry (browser mode, development only, lab mode) is running. Open this link in a browser on this machine:',
      '',
      `  ${bridge.url}__bridge/enter?token=${bridge.token}`,
      '',
      "The link carries this run's random token; the server listens on 127.0.0.1 only. Ctrl+C stops it.",
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await bridge.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
