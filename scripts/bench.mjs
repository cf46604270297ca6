// `npm run bench`: the figures that matter to users, each beside its baseline in the same run.
// Benchmarks are scripts, not timed tests: they print figures and never fail the test suite.
//   powershell-pool  20 lab hosts, 200 ms latency: full read with pool 1 vs 4 vs 8; warm call vs new pwsh
//   discovery        5,000 computers (2,000 Hyper-V) in Samba AD: Ferry's discover vs ldapsearch
//   preflight        rules + model for 1,000 VMs across 50 hosts (pure)
//   renderer         Discover search with 5,000 hosts: pure filter, fake API and real bridge in Chromium
//   port-probe       test-ports.ps1's real-host block: open, refused and 5 dropped ports, all at once vs one at a time
//   host-read        one 60-VM lab host at 200 ms per call: one call per cmdlet for all VMs vs three calls per VM
//   fleet            50 hosts: read (pool of 4 vs fan-out, wall + RSS), readiness matrix, full-mesh delegation in Samba
//   matrix           the readiness matrix view for 50 hosts in Chromium: render, keystroke, scroll, open a cell
//   move             lab live migrations through the engine: measured against the model's prediction
// `npm run bench -- preflight` runs one of them.
import { spawnSync } from 'node:child_process';

const all = ['preflight', 'powershell-pool', 'discovery', 'renderer', 'port-probe', 'fleet', 'matrix', 'host-read', 'move'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
const env = { ...process.env, FERRY_PWSH: process.env.FERRY_PWSH ?? `${process.cwd()}/.tools/pwsh/pwsh` };
spawnSync('bash', ['scripts/setup.sh'], { stdio: 'inherit' });
// The renderer bench drives the built renderer; the others need only the CLI and the scripts.
const targets = wanted.includes('renderer') || wanted.includes('matrix') ? [] : ['cli', 'assets'];
spawnSync(process.execPath, ['scripts/build.mjs', ...targets], { stdio: 'inherit', env });

for (const name of wanted) {
  console.log(`\n=== bench: ${name}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${name}.bench.ts`], { stdio: 'inherit', env });
  if (r.status !== 0) console.log(`bench ${name} exited with ${r.status}`);
}
