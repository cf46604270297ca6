/**
 * The CLI's group flags end to end in real pwsh against a three-host lab: `plan --hosts` gives one
 * desired column to every host (and a host its own network), `test --hosts` prints the matrix and
 * exits 1 when a pair is blocked, and the flags refuse bad input naming the argument.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ferry } from '../../support/ferry-in-process';
import { initLab } from '../../../electron/services/lab/lab-init';


let lab: string;
beforeAll(async () => {
  lab = await mkdtemp(path.join(os.tmpdir(), 'ferry-cli-group-'));
  await initLab(lab, { hosts: ['HV01', 'HV02', 'HV03'] });
});
afterAll(async () => {
  await rm(lab, { recursive: true, force: true });
});

type Step = { kind: string; target: string; setting: string; after: unknown };

describe('ferry with a group of hosts', () => {
  it('plan --hosts: one desired column for all three, --host-network for one of them', async () => {
    const r = await ferry(['plan', '--hosts', 'HV01,HV02,HV03', '--auth', 'Kerberos', '--network', '10.10.10.0/24,1', '--host-network', 'hv03=10.10.30.0/24,1', '--lab', lab, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out) as { hosts: string[]; steps: Step[] };
    expect(plan.hosts).toEqual(['HV01', 'HV02', 'HV03']);
    const nets = plan.steps
      .filter((s) => s.setting === 'migrationNetwork')
      .map((s) => `${s.kind} ${s.target} ${(s.after as { subnet: string } | null)?.subnet ?? '-'}`);
    // The lab's HV02 already accepts 10.10.10.0/24 (priority 0): only its priority changes; HV03
    // gets its own subnet instead of the shared one.
    expect(nets).toEqual(['add-network HV01 10.10.10.0/24', 'set-network HV02 10.10.10.0/24', 'add-network HV03 10.10.30.0/24', 'remove-network HV03 -']);
    for (const h of ['HV01', 'HV02', 'HV03']) {
      const auth = plan.steps.find((s) => s.target === h && s.setting === 'virtualMachineMigrationAuthenticationType');
      // Each host either already uses Kerberos or gets a step to it.
      if (auth) expect(auth.after).toBe('Kerberos');
    }
  });

  it('--hosts-file reads one name a line (comments and blanks ignored)', async () => {
    const file = path.join(lab, 'group.txt');
    await writeFile(file, '# the east rack\nHV01\n\n  HV02  \nHV03 # spare\n', 'utf8');
    const r = await ferry(['plan', '--hosts-file', file, '--lab', lab, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { hosts: string[] }).hosts).toEqual(['HV01', 'HV02', 'HV03']);
  });

  it('test --hosts prints the readiness matrix and exits 1 when a pair is blocked', async () => {
    const r = await ferry(['test', '--hosts', 'HV01,HV02,HV03', '--lab', lab]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Readiness matrix: 3 hosts, 6 pairs/);
    expect(r.out).toMatch(/source \\ destination\s+HV01\s+HV02\s+HV03/);
    expect(r.out).toMatch(/Blocked pairs/);
    const j = await ferry(['test', '--hosts', 'HV01,HV02,HV03', '--lab', lab, '--json']);
    const doc = JSON.parse(j.out) as { cells: { source: string; destination: string; verdict: string }[]; pairs: { findings: unknown[] }[] };
    expect(doc.cells.map((c) => `${c.source}>${c.destination}`)).toEqual(['HV01>HV02', 'HV01>HV03', 'HV02>HV01', 'HV02>HV03', 'HV03>HV01', 'HV03>HV02']);
    expect(doc.pairs.every((p) => p.findings.length > 5)).toBe(true);
    const hub = await ferry(['test', '--hosts', 'HV01,HV02,HV03', '--topology', 'hub', '--hub', 'HV02', '--lab', lab, '--json']);
    expect((JSON.parse(hub.out) as { cells: { destination: string }[] }).cells.map((c) => c.destination)).toEqual(['HV02', 'HV02']);
  });

  it('bad group input exits 2 naming the argument', async () => {
    const cases: [string[], RegExp][] = [
      [['plan', '--hosts', 'HV01', '--lab', lab], /--hosts: a group needs at least two hosts/],
      [['plan', '--hosts', 'HV01,hv01', '--lab', lab], /--hosts: hv01 is listed twice/],
      [['plan', '--hosts', "HV01,HV0$(calc)", '--lab', lab], /--hosts: .*got 'HV0\$\(calc\)'/],
      [['plan', '--hosts', 'HV01,HV02', '--source', 'HV01', '--lab', lab], /--source: cannot be combined/],
      [['plan', '--hosts', 'HV01,HV02', '--hosts-file', 'x', '--lab', lab], /--hosts-file: cannot be combined/],
      [['plan', '--hosts-file', path.join(lab, 'missing.txt'), '--lab', lab], /--hosts-file: cannot be read/],
      [['plan', '--hosts', 'HV01,HV02', '--host-network', 'HV09=10.0.0.0/24', '--lab', lab], /--host-network: 'HV09' is not one of the hosts/],
      [['test', '--hosts', 'HV01,HV02', '--topology', 'hub', '--lab', lab], /--hub: choose at least one destination host/],
      [['test', '--hosts', 'HV01,HV02', '--topology', 'hub', '--hub', 'HV07', '--lab', lab], /--hub: HV07 is not in the group/],
      [['test', '--source', 'HV01', '--destination', 'HV02', '--compare-vm', 'none', '--lab', lab], /--compare-vm: needs --hosts/],
    ];
    for (const [args, message] of cases) {
      const r = await ferry(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(message);
    }
  });
});
