/**
 * The real-Windows branches the lab swaps out (issue 10: port probes, klist, local groups, and
 * the planned-VM clean-up and remoting errors with them), run here in pwsh with stub commands for
 * what only Windows has (test/support/real-branches.ps1). This exercises their parsing and result
 * shapes; what remains to be checked on a real host is listed in docs/windows.md.
 * One pwsh run for all cases.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';

const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');
const HARNESS = path.resolve('test/support/real-branches.ps1');
const SCRIPTS = path.resolve('electron/services/powershell/scripts');

interface Case {
  readonly result: { ok: boolean; data?: unknown; error?: { code: string; message: string; target?: string } };
  readonly calls: string[];
}
const cases = new Map<string, Case>();

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(PWSH, ['-NoProfile', '-NonInteractive', '-File', HARNESS, '-Scripts', SCRIPTS], {
    env: powershellProcessEnv(process.env),
    timeout: 90_000,
    maxBuffer: 1 << 22,
  });
  let name = '';
  for (const line of stdout.split(/\r?\n/)) {
    if (line.startsWith('FERRY-CASE:')) name = line.slice('FERRY-CASE:'.length);
    else if (line.startsWith('FERRY-JSON:')) cases.set(name, { result: JSON.parse(line.slice('FERRY-JSON:'.length)) as Case['result'], calls: [] });
    else if (line.startsWith('FERRY-CALLS:')) {
      const c = cases.get(name);
      if (c) cases.set(name, { ...c, calls: JSON.parse(line.slice('FERRY-CALLS:'.length)) as string[] });
    }
  }
}, 120_000);

const data = (name: string) => {
  const c = cases.get(name);
  if (!c?.result.ok) throw new Error(`case ${name}: ${JSON.stringify(c?.result)}`);
  return c.result.data;
};

describe('klist purge on the host', () => {
  it('runs klist.exe purge -li 0x3e7 remotely and passes on its exit code and output', () => {
    expect(data('klist-ok')).toMatchObject({ computerName: 'HV01', purged: true, exitCode: 0 });
    expect((data('klist-ok') as { output: string }).output).toContain('Ticket(s) purged!');
    expect(cases.get('klist-ok')?.calls).toEqual(['Invoke-Command HV01', 'klist.exe purge -li 0x3e7']);
    expect(data('klist-fails')).toMatchObject({ purged: false, exitCode: 5 });
    expect((data('klist-fails') as { output: string }).output).toContain('PurgeTicketEx');
  });
});

describe('port probes from the source', () => {
  it('one bounded connect per port: open, refused, dropped', () => {
    const ports = data('ports') as { port: number; open: boolean; state: string }[];
    expect(ports.map((p) => [p.open, p.state])).toEqual([[true, 'open'], [false, 'closed'], [false, 'filtered']]);
    expect(cases.get('ports')?.calls).toEqual(['Invoke-Command HV01']);
  });
});

describe('local groups on a German Windows', () => {
  it('finds the operator by name, and nested domain groups by SID, not by "Benutzer"/"Gruppe"', () => {
    expect(data('groups-alice')).toEqual({
      computerName: 'HV01', user: 'CORP\\alice', hyperVAdministrators: 'yes', administrators: 'unknown', nestedGroups: ['CORP\\Domänen-Admins'],
    });
    expect(data('groups-carol')).toMatchObject({ hyperVAdministrators: 'unknown', administrators: 'unknown' });
    expect((data('groups-carol') as { nestedGroups: string[] }).nestedGroups.sort()).toEqual(['CORP\\Domänen-Admins', 'CORP\\HV-Betrieb']);
    expect(cases.get('groups-carol')?.calls).toEqual(['Invoke-Command HV01', 'Get-LocalGroupMember -SID S-1-5-32-578', 'Get-LocalGroupMember -SID S-1-5-32-544']);
  });

  it('a group that cannot be listed is unknown, with the error', () => {
    expect(data('groups-orphaned')).toMatchObject({ hyperVAdministrators: 'unknown', administrators: 'unknown' });
    expect((data('groups-orphaned') as { error: string }).error).toContain('1789');
  });
});

describe('remoting errors worded in German', () => {
  it('are told apart by exception type and error code', () => {
    expect(cases.get('remoting-denied')?.result.error).toMatchObject({ code: 'access-denied' });
    expect(cases.get('remoting-unreachable')?.result.error).toMatchObject({ code: 'unreachable' });
  });
});

describe('Compare-VM on real hosts', () => {
  it('passes the VM object, the storage options, and removes the planned VM the check left', () => {
    expect(data('compare')).toMatchObject({ name: 'sql[1]', vmId: '6f0b2a9e-1c3d-4e5f-8a9b-0c1d2e3f4a5b', plannedVm: 'removed', incompatibilities: [{ messageId: 33012 }] });
    const calls = cases.get('compare')?.calls ?? [];
    expect(calls).toContain('Compare-VM -VM sql[1] -DestinationHost HV02 -IncludeStorage:True D:\\VMs');
    expect(calls).toContain("Get-CimInstance HV02 root\\virtualization\\v2 Msvm_PlannedComputerSystem Name='6f0b2a9e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'");
    expect(calls).toContain('Invoke-CimMethod vmms DestroySystem 6f0b2a9e-1c3d-4e5f-8a9b-0c1d2e3f4a5b');
  });

  it('a refused check comes back as data with its HRESULT; the VM is resolved by Id when given', () => {
    expect(data('compare-refused')).toMatchObject({ error: { codes: expect.arrayContaining(['0x8009030E']) } });
    expect(cases.get('compare-refused')?.calls[0]).toBe('Get-VM HV01 -Id 6f0b2a9e-1c3d-4e5f-8a9b-0c1d2e3f4a5b');
  });
});

describe('the lab under a Group Policy execution policy', () => {
  it('says which policy wins over -ExecutionPolicy Bypass', () => {
    expect(cases.get('lab-gpo')?.result.error?.message).toContain("Group Policy sets PowerShell's execution policy to AllSigned (MachinePolicy)");
  });
});

describe('the host read on a real host', () => {
  interface Facts { vms: { name: string; state: string; switchNames: string[]; diskBytes: number; diskSizesRead: boolean; processorCompatibilityForMigration: boolean; hasPassThroughDisk: boolean }[]; links: { name: string; subnet: string; linkSpeedGbps: number; rdma: boolean }[] }

  it('is one remote call: the whole read runs on the host in its one PowerShell session', () => {
    const calls = cases.get('facts')?.calls ?? [];
    expect(calls.slice(0, 2)).toEqual(['New-PSSession HV01', 'Invoke-Command HV01']);
    expect(calls.filter((c) => c.startsWith('Invoke-Command') || c.startsWith('New-'))).toEqual(['New-PSSession HV01', 'Invoke-Command HV01']);
  });

  it('calls each Hyper-V cmdlet once for all VMs and joins components by VM Id, not name', () => {
    const f = data('facts') as Facts;
    const calls = cases.get('facts')?.calls ?? [];
    for (const c of ['Get-VMHost', 'Get-VM', 'Get-VMProcessor', 'Get-VMNetworkAdapter', 'Get-VMHardDiskDrive']) {
      expect(calls.filter((x) => x.startsWith(`${c} `)), c).toHaveLength(1);
    }
    expect(calls).toContain('Get-VMProcessor HV01 -VMName *');
    expect(f.vms.map((v) => [v.state, v.switchNames, v.processorCompatibilityForMigration, v.hasPassThroughDisk])).toEqual([
      ['Running', ['Prod'], false, false],
      ['Off', ['Test'], true, true],
    ]);
  });

  it('sizes come from Get-VHD: one call per level of differencing parents', () => {
    const f = data('facts') as Facts;
    expect(f.vms.map((v) => v.diskBytes / 1024 ** 3)).toEqual([31, 5]);
    expect(f.vms.every((v) => v.diskSizesRead)).toBe(true);
    const vhd = (cases.get('facts')?.calls ?? []).filter((c) => c.startsWith('Get-VHD'));
    expect(vhd).toEqual(['Get-VHD HV01 -Path D:\\VMs\\app_5F.avhdx,D:\\VMs\\b.vhdx', 'Get-VHD HV01 -Path D:\\VMs\\app.vhdx']);
  });

  it('one adapter that cannot be read costs only its own link', () => {
    const f = data('facts') as Facts;
    expect(f.links).toEqual([
      { name: 'Mgmt', subnet: '192.168.1.0/24', linkSpeedGbps: 1, rdma: false },
      { name: 'SMB1', subnet: '10.0.0.0/24', linkSpeedGbps: 25, rdma: true },
    ]);
    expect(cases.get('facts')?.calls.filter((c) => c.startsWith('Get-NetAdapter '))).toEqual(['Get-NetAdapter -InterfaceIndex 9']);
  });
});

describe('the host read when the host refuses remoting', () => {
  it('reads the same facts from here over one CIM session, one call per cmdlet, and says why the host-local facts are missing', () => {
    const f = data('facts-no-remoting') as { vms: unknown[]; links: unknown[]; smb: unknown; events: { errors: string[]; items: unknown[] } };
    const all = data('facts') as { vms: unknown[]; links: unknown[] };
    expect(f.vms).toEqual(all.vms);
    expect(f.links).toEqual(all.links);
    expect(f.smb).toEqual({});
    expect(f.events.items).toEqual([]);
    expect(f.events.errors).toEqual(['Fehler beim Verbinden mit dem Remoteserver "HV01": Zugriff verweigert']);
    const calls = cases.get('facts-no-remoting')?.calls ?? [];
    expect(calls.filter((c) => c.startsWith('New-'))).toEqual(['New-PSSession HV01', 'New-CimSession HV01']);
    expect(calls).toContain('Get-VMProcessor HV01 -VMName *');
    expect(calls.some((c) => c.startsWith('Get-WinEvent') || c.startsWith('Get-Smb'))).toBe(false);
  });

  it('a host WinRM does not answer fails at once as unreachable, without a second read over CIM', () => {
    expect(cases.get('facts-unreachable')?.result.error).toMatchObject({ code: 'unreachable' });
    // The dead host's CIM session (from the read before) is dropped too.
    expect(cases.get('facts-unreachable')?.calls).toEqual(['New-PSSession HV01', 'Remove-CimSession HV01']);
  });

  it('a process shutting down closes every session it holds, PowerShell and CIM', () => {
    expect(data('close-sessions')).toEqual({ left: 0 });
    expect([...(cases.get('close-sessions')?.calls ?? [])].sort()).toEqual(['Remove-CimSession HV02', 'Remove-PSSession HV01']);
  });
});

describe('event history on a real host (issue 14 item 6)', () => {
  it('reads both admin logs on the host (Invoke-Command), 30 days, bounded; "no events found" is an empty log', () => {
    expect((data('facts') as { events: unknown }).events).toEqual({
      days: 30,
      items: [{ id: 20417, logName: 'Microsoft-Windows-Hyper-V-VMMS-Admin', timeCreated: '2026-11-20T08:00:00.0000000Z', message: "Virtual machine migration operation for 'sql01' completed with an unexpectedly long blackout time of 63.1 seconds." }],
      errors: [],
    });
    const calls = cases.get('facts')?.calls ?? [];
    expect(calls).toContain('Invoke-Command HV01');
    expect(calls.filter((c) => c.startsWith('Get-WinEvent'))).toEqual([
      'Get-WinEvent Microsoft-Windows-Hyper-V-VMMS-Admin -Id 20306,20417,21024,21501,21502 -MaxEvents 50',
      'Get-WinEvent Microsoft-Windows-Hyper-V-Worker-Admin -Id 20306,20417,21024,21501,21502 -MaxEvents 50',
    ]);
  });
});

describe('SMB facts on a real host (issue 14 item 4)', () => {
  it('reads signing, encryption and the live-migration limit on the host, in the same remote call as the rest of the read', () => {
    expect((data('facts') as { smb: unknown }).smb).toEqual({ clientRequireSigning: true, serverRequireSigning: false, serverEncryptData: true, liveMigrationLimitBytesPerSecond: 750000000 });
    const calls = cases.get('facts')?.calls ?? [];
    expect(calls.filter((c) => c.startsWith('Get-Smb'))).toEqual(['Get-SmbClientConfiguration session=False', 'Get-SmbServerConfiguration session=False', 'Get-SmbBandwidthLimit session=False -Category LiveMigration']);
    // The same one remote call as the rest of the read: no session of their own.
    expect(calls.filter((c) => c === 'Invoke-Command HV01')).toHaveLength(1);
    expect(calls.indexOf('Invoke-Command HV01')).toBeLessThan(calls.indexOf('Get-SmbClientConfiguration session=False'));
  });
});

describe('the storage target on a real host (issue 14 item 3)', () => {
  it('probes the folder on the destination: exists, a file can be created, its volume from Get-Volume -FilePath', () => {
    expect(data('storage-exists')).toMatchObject({ chosen: true, exists: true, writable: true, volume: { driveLetter: 'D', label: 'VMs', sizeBytes: 2048 * 1024 ** 3, freeBytes: 1536 * 1024 ** 3 } });
    expect(cases.get('storage-exists')?.calls).toEqual(['Invoke-Command HV02', `Get-Volume -FilePath ${(data('storage-left') as { root: string }).root}`]);
  });

  it('a folder that does not exist yet is measured on its deepest existing parent, and is not writable', () => {
    expect(data('storage-missing')).toMatchObject({ exists: false, writable: false, volume: { driveLetter: 'D' } });
    expect(cases.get('storage-missing')?.calls).toEqual(['Invoke-Command HV02', `Get-Volume -FilePath ${(data('storage-left') as { root: string }).root}`]);
  });

  it('the write test leaves no file behind', () => {
    expect(data('storage-left')).toMatchObject({ files: 0 });
  });
});
