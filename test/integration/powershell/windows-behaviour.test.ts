/**
 * The PowerShell side against the lab where the lab must behave like real Hyper-V and Windows
 * (issue 10): Compare-VM refuses what the real one refuses, with the real errors and HRESULTs;
 * -Name is a wildcard; local disks need -IncludeStorage; a planned VM left on the destination is
 * found; errors are recognised in German; klist's failure is a failure; a dropped port is told
 * from a refused one within a bounded time; local group classes are not read as English words.
 * One lab and one pool for the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPowerShellExecutor } from '../../../electron/engine/powershell-executor';
import { setFault } from '../../../electron/services/lab/lab-faults';
import { addVm, initLab, setLabLocale, setLocalGroup } from '../../../electron/services/lab/lab-init';
import { hostFile, readJson, writeJsonAtomic, type LabHostState } from '../../../electron/services/lab/lab-state';
import { PowerShellPool } from '../../../electron/services/powershell/pool';
import { scriptError } from '../../support/script-error';
import { klistPurgeStep } from '../../../electron/core/delegation/plan';
import { writeLabDelegation } from '../../support/lab-delegation';

interface CompareOut {
  name: string;
  vmId?: string;
  incompatibilities: { messageId: number; message: string; source: string }[];
  error?: { message: string; codes?: string[] };
  plannedVm?: string;
}

const lab = mkdtempSync(path.join(os.tmpdir(), 'ferry-windows-'));
const HOSTS = ['HV01', 'HV02', 'HV03', 'HV04'];
let pool: PowerShellPool;

const compare = (data: Record<string, unknown>) => pool.run('compare-vm.ps1', data) as Promise<CompareOut>;

async function editHost(name: string, change: (s: LabHostState) => void): Promise<void> {
  const s = await readJson<LabHostState>(hostFile(lab, name));
  change(s);
  await writeJsonAtomic(hostFile(lab, name), s);
}


/** HV03 → HV04 ready for a check: Kerberos, migration on, a shared network, delegation both ways. */
const delegation = (protocolTransition = true) =>
  writeLabDelegation(lab, [
    { host: 'HV03', delegateTo: ['HV04'], protocolTransition },
    { host: 'HV04', delegateTo: ['HV03'], protocolTransition },
  ]);

beforeAll(async () => {
  await initLab(lab, { hosts: HOSTS });
  await addVm(lab, { host: 'HV03', name: 'app01', memoryGb: 2, switchName: 'External', version: '10.0' });
  await addVm(lab, { host: 'HV03', name: 'v12', memoryGb: 2, switchName: 'Missing', version: '12.0' });
  await delegation();
  pool = new PowerShellPool({ size: 2, labDir: lab });
});

afterEach(async () => {
  for (const h of HOSTS) await setFault(lab, h, null);
  await setLabLocale(lab, 'en-US');
});

afterAll(async () => {
  await pool.dispose();
  rmSync(lab, { recursive: true, force: true });
});

describe('Compare-VM refuses what Hyper-V refuses', () => {
  it('a ready pair is compared: the missing switch (33012) and the too-new version', async () => {
    const r = await compare({ computerName: 'HV03', name: 'v12', destinationHost: 'HV04', includeStorage: true });
    expect(r.error).toBeUndefined();
    expect(r.incompatibilities).toContainEqual({ messageId: 33012, message: "Could not find Ethernet switch 'Missing'.", source: 'Microsoft.HyperV.PowerShell.VMNetworkAdapter' });
    expect(r.incompatibilities.some((i) => i.message.includes('configuration version 12.0'))).toBe(true);
    expect(r.vmId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('CredSSP started from this computer: 0x8009030E', async () => {
    const r = await compare({ computerName: 'HV01', name: 'web01', destinationHost: 'HV03', includeStorage: true });
    expect(r.error?.message).toContain('No credentials are available in the security package (0x8009030E)');
    expect(r.error?.codes).toContain('0x8009030E');
  });

  it('Kerberos without the delegation entries (0x8009030D) or without protocol transition (0x8009030E)', async () => {
    try {
      await writeLabDelegation(lab, [{ host: 'HV03', delegateTo: [], protocolTransition: true }]);
      expect((await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: true })).error?.codes).toContain('0x8009030D');
      await delegation(false);
      expect((await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: true })).error?.codes).toContain('0x8009030E');
    } finally {
      await delegation();
    }
  });

  it('migration off on the destination, 6600 refused or dropped, no reachable incoming network', async () => {
    const codes = async () => (await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: true })).error?.codes ?? [];
    await setFault(lab, 'HV04', { closedPorts: [6600] });
    expect(await codes()).toContain('0x8007274D');
    await setFault(lab, 'HV04', { filteredPorts: [6600] });
    expect(await codes()).toContain('0x8007274C');
    await setFault(lab, 'HV04', null);
    try {
      await editHost('HV04', (s) => { s.settings.virtualMachineMigrationEnabled = false; });
      expect(await codes()).toContain('0x8007274D');
      await editHost('HV04', (s) => { s.settings.virtualMachineMigrationEnabled = true; s.migrationNetworks = [{ subnet: '172.16.9.0/24', priority: 0 }]; });
      expect(await codes()).toContain('0x8007274D');
    } finally {
      await editHost('HV04', (s) => { s.settings.virtualMachineMigrationEnabled = true; s.migrationNetworks = [{ subnet: '10.10.10.0/24', priority: 0 }]; });
    }
    expect(await codes()).toEqual([]);
  });

  it('a VM on local disks fails the VM-only check; with its storage, or on an SMB share, it passes', async () => {
    const localOnly = await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: false });
    expect(localOnly.incompatibilities.map((i) => i.messageId)).toContain(40010);
    expect(localOnly.incompatibilities.find((i) => i.messageId === 40010)?.source).toBe('Microsoft.HyperV.PowerShell.HardDiskDrive');
    const withStorage = await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: true, destinationStoragePath: 'D:\\VMs\\app01' });
    expect(withStorage.error).toBeUndefined();
    expect(withStorage.incompatibilities.map((i) => i.messageId)).not.toContain(40010);
    await editHost('HV03', (s) => { const vm = s.vms.find((v) => v.name === 'app01'); if (vm?.disks[0]) vm.disks[0].path = '\\\\fs01\\vms\\app01.vhdx'; });
    try {
      expect((await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: false })).incompatibilities.map((i) => i.messageId)).not.toContain(40010);
    } finally {
      await editHost('HV03', (s) => { const vm = s.vms.find((v) => v.name === 'app01'); if (vm?.disks[0]) vm.disks[0].path = 'C:\\Hyper-V\\Virtual Hard Disks\\app01.vhdx'; });
    }
  });

  it('-Name is a wildcard to Hyper-V: the script checks the VM of exactly that name, and refuses duplicates', async () => {
    await addVm(lab, { host: 'HV03', name: 'sql[1]', memoryGb: 1, switchName: 'Missing', version: '10.0' });
    await addVm(lab, { host: 'HV03', name: 'sql1', memoryGb: 1, switchName: 'External', version: '10.0' });
    const r = await compare({ computerName: 'HV03', name: 'sql[1]', destinationHost: 'HV04', includeStorage: true });
    expect(r.name).toBe('sql[1]');
    expect(r.incompatibilities.map((i) => i.messageId)).toContain(33012);
    await editHost('HV03', (s) => { const twin = s.vms.find((v) => v.name === 'sql1'); if (twin) s.vms.push({ ...twin, id: '00000000-0000-4000-8000-0000000000a1' }); });
    const dup = await scriptError(compare({ computerName: 'HV03', name: 'sql1', destinationHost: 'HV04', includeStorage: true }));
    expect(dup.code).toBe('script-error');
    expect(dup.message).toContain('2 virtual machines on HV03 are named "sql1"');
  });

  it('a planned VM left by the check is removed; one left by an earlier move is reported, not touched', async () => {
    await setFault(lab, 'HV04', { compareLeavesPlannedVm: true });
    const r = await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: true });
    expect(r.plannedVm).toBe('removed');
    expect((await readJson<LabHostState>(hostFile(lab, 'HV04'))).plannedVms ?? []).toEqual([]);
    await setFault(lab, 'HV04', null);
    await editHost('HV04', (s) => { s.plannedVms = [{ id: r.vmId ?? '', name: 'app01' }]; });
    const before = await compare({ computerName: 'HV03', name: 'app01', destinationHost: 'HV04', includeStorage: true });
    expect(before.plannedVm).toBe('left-before');
    expect((await readJson<LabHostState>(hostFile(lab, 'HV04'))).plannedVms).toHaveLength(1);
    await editHost('HV04', (s) => { s.plannedVms = []; });
  });
});

describe('a German Windows', () => {
  it('unreachable, unknown and denied hosts are still recognised from German errors', async () => {
    await setLabLocale(lab, 'de-DE');
    await setFault(lab, 'HV02', { unreachable: true });
    const u = await scriptError(pool.run('get-host-facts.ps1', { computerName: 'HV02' }));
    expect(u.message).toContain('WinRM-Client');
    expect(u.code).toBe('unreachable');
    const unknown = await scriptError(pool.run('get-host-facts.ps1', { computerName: 'HV99' }));
    expect(unknown.message).toContain('konnte nicht aufgelöst werden');
    expect(unknown.code).toBe('unreachable');
    await setFault(lab, 'HV02', { accessDenied: true });
    const d = await scriptError(pool.run('set-host.ps1', { computerName: 'HV02', maximumStorageMigrations: 3 }));
    expect(d.message).toContain('erforderliche Berechtigung');
    expect(d.code).toBe('access-denied');
    expect(d.target).toBe('HV02');
    // A VM that is not there stays a script error, whatever the language.
    const vm = await scriptError(compare({ computerName: 'HV03', name: 'nope', destinationHost: 'HV04' }));
    expect(vm.code).toBe('script-error');
  });

  it('Compare-VM refusals keep their HRESULT in German', async () => {
    await setLabLocale(lab, 'de-DE');
    const r = await compare({ computerName: 'HV01', name: 'web01', destinationHost: 'HV03', includeStorage: true });
    expect(r.error?.message).toContain('Im Sicherheitspaket sind keine Anmeldeinformationen verfügbar');
    expect(r.error?.codes).toContain('0x8009030E');
  });

  it('local group members are told apart by SID and source, not by the words "User"/"Benutzer"', async () => {
    await setLabLocale(lab, 'de-DE');
    await setLocalGroup(lab, 'HV04', 'S-1-5-32-544', {
      members: [
        { name: 'HV04\\Administrator', sid: 'S-1-5-21-1000-1000-1000-500', objectClass: 'User', principalSource: 'Local' },
        { name: 'LAB\\Domain Admins', sid: 'S-1-5-21-2000-2000-2000-512', objectClass: 'Group', principalSource: 'ActiveDirectory' },
        { name: 'LAB\\bob', sid: 'S-1-5-21-2000-2000-2000-1200', objectClass: 'User', principalSource: 'ActiveDirectory' },
        { name: 'LAB\\HV-Ops', sid: 'S-1-5-21-2000-2000-2000-1300', objectClass: 'Group', principalSource: 'ActiveDirectory' },
      ],
    });
    const r = (await pool.run('get-operator-rights.ps1', { computerName: 'HV04', user: 'LAB\\alice' })) as { administrators: string; nestedGroups: string[] };
    expect(r.nestedGroups.sort()).toEqual(['LAB\\Domain Admins', 'LAB\\HV-Ops']);
    expect(r.administrators).toBe('unknown');
  });
});

describe('klist purge', () => {
  it('returns klist’s exit code and output; a failed purge fails the step', async () => {
    const ok = (await pool.run('klist-purge.ps1', { computerName: 'HV03' })) as { purged: boolean; exitCode: number; output: string };
    expect(ok).toMatchObject({ purged: true, exitCode: 0 });
    expect(ok.output).toContain('purged');
    await setFault(lab, 'HV03', { klistFails: true });
    const bad = (await pool.run('klist-purge.ps1', { computerName: 'HV03' })) as { purged: boolean; exitCode: number; output: string };
    expect(bad).toMatchObject({ purged: false, exitCode: 1 });
    const executor = createPowerShellExecutor(pool);
    await expect(executor.execute(klistPurgeStep('HV03'), new AbortController().signal)).rejects.toThrow(/klist purge failed on HV03 \(exit code 1\)/);
  });
});

describe('port probes', () => {
  it('tell a dropped port from a refused one, each bounded and all at once', async () => {
    await setFault(lab, 'HV04', { filteredPorts: [6600, 5985, 5986], closedPorts: [445] });
    const started = Date.now();
    const r = await pool.run('test-ports.ps1', { from: 'HV03', target: 'HV04', ports: [6600, 445, 5985, 5986, 135], timeoutMs: 1500 });
    const elapsed = Date.now() - started;
    expect(r).toEqual([
      { port: 6600, open: false, state: 'filtered' },
      { port: 445, open: false, state: 'closed' },
      { port: 5985, open: false, state: 'filtered' },
      { port: 5986, open: false, state: 'filtered' },
      { port: 135, open: true, state: 'open' },
    ]);
    // Three dropped ports one after another would take 4.5 s; at once they take one timeout.
    expect(elapsed).toBeLessThan(4000);
  });
});
