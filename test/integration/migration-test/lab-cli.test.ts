/**
 * `ferry test` against a fresh lab through real pwsh and the HyperVLab module: the lab's
 * deliberate defects show up as failing findings, and injected faults (host unreachable, port
 * closed) give the matching finding and exit code, never a crash.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ferry } from '../../support/ferry-in-process';
import { initLab } from '../../../electron/services/lab/lab-init';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { PowerShellPool } from '../../../electron/services/powershell/pool';
import { createMigrationTestDeps } from '../../../electron/engine/migration-test-deps';
import { runMigrationTest } from '../../../electron/engine/migration-test';
import { toJson } from '../../../electron/cli/commands/test';

const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');

type Finding = { id: string; severity: string; title: string; evidence: Record<string, string>; fix: { kind: string; setting?: string } };
type Out = { findings: Finding[]; model: { option: string; converges: boolean }[] };

let lab: string;
let pool: PowerShellPool;
beforeAll(async () => {
  lab = await mkdtemp(path.join(os.tmpdir(), 'ferry-mtest-'));
  await initLab(lab);
  // The fault cases share one small pool (the CLI case starts its own, as a user's run would).
  pool = new PowerShellPool({ labDir: lab, executable: PWSH, size: 2 });
});
afterAll(async () => {
  await pool.dispose();
  await rm(lab, { recursive: true, force: true });
});

/** The engine with the real scripts and lab, shaped like `ferry test --json`. */
async function engine(vms: string[]): Promise<{ failed: boolean; o: Out }> {
  const deps = createMigrationTestDeps({ pool, user: 'tester', workstationProbe: 'lab' });
  const report = await runMigrationTest(deps, { source: 'HV01', destination: 'HV02', vms });
  return { failed: report.findings.some((f) => f.severity === 'fail'), o: toJson(report) as Out };
}

const find = (o: Out, id: string, vm?: string) => o.findings.find((f) => f.id === id && (vm === undefined || f.evidence.vm === vm));

describe('ferry test on a fresh lab', () => {
  it('fails, naming the lab defects, and writes a self-contained report', async () => {
    const report = path.join(lab, 'report.html');
    const r = await ferry(['test', '--source', 'HV01', '--destination', 'HV02', '--vm', 'web01', '--vm', 'sql01', '--lab', lab, '--json', '--report', report]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const o = JSON.parse(r.out) as Out;
    // HV02 has migration off; HV01 uses CredSSP; the switch names differ; sql01 is version 12.0 (HV02: up to 10.0).
    expect(find(o, 'host.migration-enabled')).toMatchObject({ severity: 'fail', evidence: { destination: 'false' }, fix: { kind: 'plan-step', setting: 'virtualMachineMigrationEnabled' } });
    expect(find(o, 'identity.authentication-type')).toMatchObject({ severity: 'fail', evidence: { source: 'CredSSP' } });
    expect(find(o, 'vm.switch-names', 'web01')).toMatchObject({ severity: 'fail', evidence: { missing: 'External-LM' } });
    expect(find(o, 'vm.config-version', 'sql01')).toMatchObject({ severity: 'fail', evidence: { source: '12.0' } });
    expect(find(o, 'vm.config-version', 'web01')?.severity).toBe('pass');
    expect(find(o, 'network.port-6600')?.severity).toBe('pass');
    // Issue 14 item 5: sql01's vTPM and its 24 processors against HV02's 16-processor NUMA nodes (spanning off).
    expect(find(o, 'vm.tpm', 'sql01')).toMatchObject({ severity: 'warn', evidence: { source: 'HV01', destination: 'HV02' } });
    expect(find(o, 'vm.numa', 'sql01')).toMatchObject({ severity: 'fail', evidence: { vmProcessors: '24', nodeProcessors: '16', numaSpanning: 'false' } });
    expect(find(o, 'vm.numa', 'web01')?.severity).toBe('pass');
    expect(o.model.map((m) => m.option)).toEqual(['TCPIP', 'Compression', 'SMB']);
    const html = await readFile(report, 'utf8');
    expect(html).toContain('HV01');
    expect(html).toContain('host.migration-enabled');
    expect(html).toContain('vm.numa');
    expect(html).not.toMatch(/<script|<link|<img/i);
  });

  it('an unreachable destination gives host.reachable fail, not a crash', async () => {
    await setFault(lab, 'HV02', { unreachable: true });
    try {
      const { failed, o } = await engine(['web01']);
      expect(failed).toBe(true);
      expect(find(o, 'host.reachable.destination')).toMatchObject({ severity: 'fail', evidence: { destination: 'unreachable' } });
      expect(find(o, 'host.reachable.source')?.severity).toBe('pass');
    } finally {
      await setFault(lab, 'HV02', null);
    }
  });

  it('a closed 6600 on the destination gives network.port-6600 fail', async () => {
    await setFault(lab, 'HV02', { closedPorts: [6600] });
    try {
      const { failed, o } = await engine([]);
      expect(find(o, 'network.port-6600')).toMatchObject({ severity: 'fail', evidence: { state: 'closed' } });
      expect(failed).toBe(true);
    } finally {
      await setFault(lab, 'HV02', null);
    }
  });

  it('bad input exits 2 before anything runs', async () => {
    expect((await ferry(['test', '--source', 'HV01'])).code).toBe(2);
    expect((await ferry(['test', '--source', 'HV01', '--destination', "HV02'; calc"])).code).toBe(2);
    expect((await ferry(['test', '--source', 'HV01', '--destination', 'HV02', '--bogus'])).code).toBe(2);
    expect((await ferry(['test', '--source', 'HV01', '--destination', 'HV02', '--destination-storage-path', 'D:\\VMs'])).err).toContain('--destination-storage-path: needs --include-storage');
    expect((await ferry(['simulate', '--memory-gb', '16', '--dirty-mb-per-s', '200'])).code).toBe(2);
  });

  it('ferry simulate --json prints the model array', async () => {
    const r = await ferry(['simulate', '--memory-gb', '16', '--dirty-mb-per-s', '200', '--link-gbps', '1', '--json']);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.out) as { option: string; converges: boolean }[];
    expect(model.map((m) => [m.option, m.converges])).toEqual([['TCPIP', false], ['Compression', false], ['SMB', false]]);
  });
});
