/** `ferry lab init|add-vm` through the CLI entry: exit codes, argument-named errors, state. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { createLabHandlers } from '../../../electron/main/handlers/lab-handlers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-labcli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe('ferry lab', () => {
  it('init creates the deliberately imperfect default lab', async () => {
    const lab = path.join(dir, 'a');
    const r = await cli('lab', 'init', lab);
    expect(r.code).toBe(0);
    const hv01 = JSON.parse(readFileSync(path.join(lab, 'hosts/HV01.json'), 'utf8'));
    const hv02 = JSON.parse(readFileSync(path.join(lab, 'hosts/HV02.json'), 'utf8'));
    expect(hv01.settings.virtualMachineMigrationAuthenticationType).toBe('CredSSP');
    expect(hv02.settings.virtualMachineMigrationAuthenticationType).toBe('Kerberos');
    expect(hv02.settings.virtualMachineMigrationEnabled).toBe(false);
    expect(hv01.settings.useAnyNetworkForMigration).toBe(true);
    expect(hv01.switches[0].name).not.toBe(hv02.switches[0].name);
    expect(hv01.vms.some((v: { version: string }) => v.version === '12.0')).toBe(true);
    expect(hv02.supportedVersions).not.toContain('12.0');
    // HV03 and HV04 make a group of four: ready Kerberos hosts on HV02's switch and network.
    expect(r.out).toContain('HV01, HV02, HV03, HV04');
    for (const name of ['HV03', 'HV04']) {
      const h = JSON.parse(readFileSync(path.join(lab, `hosts/${name}.json`), 'utf8'));
      expect(h.settings).toEqual({ ...hv02.settings, virtualMachineMigrationEnabled: true, maximumVirtualMachineMigrations: 2, virtualMachineMigrationPerformanceOption: 'Compression' });
      expect(h.switches[0].name).toBe(hv02.switches[0].name);
      expect(h.vms).toEqual([]);
    }
  });

  it('init --hosts validates names (exit 2 naming the argument)', async () => {
    expect((await cli('lab', 'init', path.join(dir, 'b'), '--hosts', 'HVA,HVB,HVC')).code).toBe(0);
    for (const bad of ["HV'01", 'HV01;calc', 'a'.repeat(16), 'HV01,HV01', 'HV01,', '$(x)']) {
      const r = await cli('lab', 'init', path.join(dir, 'c'), '--hosts', bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--hosts');
    }
  });

  it('add-vm adds arbitrary names; bad input exits 2 naming the argument', async () => {
    const lab = path.join(dir, 'a');
    const name = `o'brien “$(calc)” – ; | \`x\``;
    expect((await cli('lab', 'add-vm', lab, '--host', 'HV02', '--name', name, '--memory-gb', '6', '--version', '9.0')).code).toBe(0);
    const hv02 = JSON.parse(readFileSync(path.join(lab, 'hosts/HV02.json'), 'utf8'));
    expect(hv02.vms.find((v: { name: string }) => v.name === name)).toMatchObject({ version: '9.0', memoryStartupBytes: 6 * 1024 ** 3 });
    const cases: [string[], string][] = [
      [['--host', 'HV09', '--name', 'x', '--memory-gb', '1'], '--host'],
      [['--host', 'HV 02', '--name', 'x', '--memory-gb', '1'], '--host'],
      [['--host', 'HV02', '--name', 'x', '--memory-gb', 'lots'], '--memory-gb'],
      [['--host', 'HV02', '--memory-gb', '1'], '--name'],
      [['--host', 'HV02', '--name', 'x', '--memory-gb', '1', '--version', '1;2'], '--version'],
      [['--host', 'HV02', '--name', 'x', '--memory-gb', '1', '--bogus', '1'], '--bogus'],
    ];
    for (const [args, word] of cases) {
      const r = await cli('lab', 'add-vm', lab, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(word);
    }
    expect((await cli('lab', 'frobnicate')).code).toBe(2);
  });

  it('lab:open creates the lab once and re-creates it on reset', async () => {
    const handlers = createLabHandlers({ dataDir: path.join(dir, 'data') });
    const signal = new AbortController().signal;
    const first = await handlers['lab:open']({}, signal);
    expect(first.hosts).toEqual(['HV01', 'HV02', 'HV03', 'HV04']);
    expect(first.directory.lab).toBe(true);
    await cli('lab', 'add-vm', first.labDir, '--host', 'HV02', '--name', 'extra', '--memory-gb', '1');
    await handlers['lab:open']({}, signal);
    expect(readFileSync(path.join(first.labDir, 'hosts/HV02.json'), 'utf8')).toContain('extra');
    await handlers['lab:open']({ reset: true }, signal);
    expect(readFileSync(path.join(first.labDir, 'hosts/HV02.json'), 'utf8')).not.toContain('extra');
  });
});
