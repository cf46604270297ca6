/**
 * Bench: the pure part of the migration test at scale — the full preflight rule set plus the
 * model for 1,000 VMs spread over 50 hosts' gathered facts (each host tested against the next
 * with its 20 VMs; the model runs once per VM). Baseline in the same run: serialising the same
 * facts to JSON once, the cheapest thing that touches every byte. Target: < 100 ms.
 * Run: `npx tsx test/bench/preflight.bench.ts`.
 */
import { account, host } from './bench-facts';
import { modelInputFromFacts, modelRules, runPreflight, type MigrationFacts } from '../../electron/core/preflight';
import { runModel } from '../../electron/core/simulate';
import { timed } from './bench-stats';

const HOSTS = 50;
const VMS_PER_HOST = 20;
const ROUNDS = 7;

const hosts = Array.from({ length: HOSTS }, (_, h) => host(h + 1, VMS_PER_HOST));
const pairs: MigrationFacts[] = hosts.map((src, h) => {
  const dst = hosts[(h + 1) % HOSTS]!;
  return {
    source: src, destination: dst,
    sourceAccount: account(src.computerName, dst.computerName), destinationAccount: account(dst.computerName, src.computerName),
    directoryAvailable: true, authentication: 'Kerberos', dnsDomain: 'lab.example', startMode: 'remote',
    vmNames: (src.vms ?? []).map((v) => v.name),
    vmReports: (src.vms ?? []).map((v) => ({ name: v.name, incompatibilities: [] })),
    portChecks: [6600, 445].map((port) => ({ from: src.computerName, target: dst.computerName, port, open: port !== 445 })),
  };
});

function full(): { findings: number; models: number } {
  let findings = 0;
  let models = 0;
  for (const f of pairs) {
    const all = runPreflight(f);
    for (const name of f.vmNames) {
      // One model per VM: the pair's facts narrowed to that VM.
      const model = runModel(modelInputFromFacts({ ...f, vmNames: [name] }).input);
      all.push(...modelRules(model, f.source.settings?.virtualMachineMigrationPerformanceOption));
      models++;
    }
    findings += all.length;
  }
  return { findings, models };
}

const { findings, models } = full();
const ours = timed(full, ROUNDS);
const baseline = timed(() => JSON.stringify(pairs), ROUNDS);
console.log(`preflight + model: ${HOSTS} hosts, ${HOSTS * VMS_PER_HOST} VMs, ${models} model runs, ${findings} findings`);
console.log(`rules + model : wall best ${ours.best.toFixed(1)} ms, median ${ours.median.toFixed(1)} ms; CPU median ${ours.cpu.toFixed(1)} ms (${ROUNDS} rounds, after a warm-up run)`);
console.log(`baseline JSON.stringify(facts): wall best ${baseline.best.toFixed(1)} ms, CPU median ${baseline.cpu.toFixed(1)} ms`);
console.log(`target < 100 ms (best wall): ${ours.best < 100 ? 'met' : 'MISSED'}`);
process.exitCode = ours.best < 100 ? 0 : 1;
