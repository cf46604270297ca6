import { describe, it, expect } from 'vitest';
import { capacityRules, modelRules, modelInputFromFacts, vmRules, compareVersions, parseVersion } from '../../../electron/core/preflight';
import { runModel, GIB, MB } from '../../../electron/core/simulate';
import type { Finding } from '../../../electron/core/model';
import { GiB, host, readyFacts, vm, withSettings } from './fixtures';

const get = (fs: Finding[], id: string, vmName?: string) => {
  const f = fs.find((x) => x.id === id && (vmName === undefined || x.vm === vmName));
  if (!f) throw new Error(`no finding ${id} in ${fs.map((x) => x.id).join(', ')}`);
  return f;
};
const withVm = (over: Parameters<typeof vm>[0], dest = {}) =>
  readyFacts({ source: host('HV01', { vms: [vm(over)] }), destination: host('HV02', dest) });

describe('vm rules', () => {
  it('a VM missing on the source fails', () => {
    const f = get(vmRules(readyFacts({ vmNames: ['nope'] })), 'vm.exists');
    expect(f).toMatchObject({ severity: 'fail', vm: 'nope' });
  });

  it('Compare-VM: no incompatibilities passes; each message becomes a finding; a failed run warns', () => {
    expect(get(vmRules(readyFacts()), 'vm.compare').severity).toBe('pass');
    const r = vmRules(readyFacts({ vmReports: [{ name: 'web01', incompatibilities: [{ messageId: 21016, message: 'Something <b>odd</b>', source: 'web01' }] }] }));
    expect(get(r, 'vm.compare.21016')).toMatchObject({ severity: 'fail', vm: 'web01' });
    expect(get(r, 'vm.compare.21016').evidence.message).toBe('Something <b>odd</b>');
    expect(get(vmRules(readyFacts({ vmReports: [{ name: 'web01', incompatibilities: [], error: 'access denied' }] })), 'vm.compare').severity).toBe('warn');
  });

  it('33012 switch missing: folded into the switch-name rule when switches are known, kept otherwise', () => {
    const rep = [{ name: 'web01', incompatibilities: [{ messageId: 33012, message: "Could not find Ethernet switch 'vSwitch-Prod'.", source: 'Network Adapter' }] }];
    const known = vmRules(readyFacts({ destination: host('HV02', { switches: [{ name: 'External', switchType: 'External' }] }), vmReports: rep }));
    expect(known.some((x) => x.id === 'vm.compare.33012')).toBe(false);
    expect(get(known, 'vm.switch-names')).toMatchObject({ severity: 'fail' });
    expect(get(known, 'vm.switch-names').evidence).toMatchObject({ missing: 'vSwitch-Prod', compareVm: '33012' });
    const unknown = vmRules(readyFacts({ destination: host('HV02', { switches: undefined }), vmReports: rep }));
    expect(get(unknown, 'vm.compare.33012').severity).toBe('fail');
  });

  it('switch names: present passes; missing fails with a rename command that quotes the names', () => {
    expect(get(vmRules(readyFacts()), 'vm.switch-names').severity).toBe('pass');
    const f = get(vmRules(withVm({ switchNames: ["O'Brien’s LAN"] })), 'vm.switch-names');
    expect(f.severity).toBe('fail');
    expect(f.fix.command).toBe("Rename-VMSwitch -ComputerName 'HV02' -Name 'vSwitch-Prod' -NewName 'O''Brien’’s LAN'");
  });

  it('configuration version: supported passes, newer fails, older than supported fails needing shutdown', () => {
    expect(get(vmRules(readyFacts()), 'vm.config-version').severity).toBe('pass');
    const newer = get(vmRules(withVm({ configurationVersion: '12.0' })), 'vm.config-version');
    expect(newer.severity).toBe('fail');
    expect(newer.title).toContain('newer');
    const older = get(vmRules(withVm({ configurationVersion: '5.0' })), 'vm.config-version');
    expect(older.fix.kind).toBe('needs-vm-shutdown');
    expect(get(vmRules(withVm({}, { supportedVersions: undefined })), 'vm.config-version').severity).toBe('info');
    expect(compareVersions(parseVersion('9.1')!, parseVersion('10.0')!)).toBeLessThan(0);
  });

  it('CPU vendor: same passes, different fails', () => {
    expect(get(vmRules(readyFacts()), 'vm.cpu-vendor').severity).toBe('pass');
    expect(get(vmRules(withVm({}, { processorVendor: 'AuthenticAMD' })), 'vm.cpu-vendor').severity).toBe('fail');
  });

  it('processor compatibility: on passes, off warns with a needs-shutdown Set-VMProcessor', () => {
    expect(get(vmRules(readyFacts()), 'vm.processor-compat').severity).toBe('pass');
    const f = get(vmRules(withVm({ processorCompatibilityForMigration: false })), 'vm.processor-compat');
    expect(f.severity).toBe('warn');
    expect(f.fix).toMatchObject({ kind: 'needs-vm-shutdown' });
    expect(f.fix.command).toContain('-CompatibilityForMigrationEnabled $true');
  });

  it('ISO warns, pass-through disk fails; neither yields nothing', () => {
    expect(get(vmRules(withVm({ hasIsoAttached: true })), 'vm.iso').severity).toBe('warn');
    expect(get(vmRules(withVm({ hasPassThroughDisk: true })), 'vm.passthrough').severity).toBe('fail');
    expect(vmRules(readyFacts()).some((x) => x.id === 'vm.iso' || x.id === 'vm.passthrough')).toBe(false);
  });

  it('state: running passes, off is info, backing up warns', () => {
    expect(get(vmRules(readyFacts()), 'vm.state').severity).toBe('pass');
    expect(get(vmRules(withVm({ state: 'Off' })), 'vm.state').severity).toBe('info');
    expect(get(vmRules(withVm({ state: 'Saving' })), 'vm.state').severity).toBe('warn');
  });
});

describe('capacity rules', () => {
  it('memory: fits passes, too little free fails, unknown is info, an Off VM needs none', () => {
    expect(get(capacityRules(readyFacts()), 'capacity.memory').severity).toBe('pass');
    const f = get(capacityRules(withVm({}, { memoryAvailableBytes: 4 * GiB })), 'capacity.memory');
    expect(f.severity).toBe('fail');
    // Raw byte counts: machine-readable for CLI/JSON, formatted per locale by the UIs.
    expect(f.evidence).toMatchObject({ neededBytes: String(8 * GiB), freeBytes: String(4 * GiB) });
    expect(f.params).toMatchObject({ neededBytes: String(8 * GiB), freeBytes: String(4 * GiB) });
    expect(get(capacityRules(withVm({}, { memoryAvailableBytes: undefined })), 'capacity.memory').severity).toBe('info');
    expect(capacityRules(withVm({ state: 'Off' }, { memoryAvailableBytes: 1 })).some((x) => x.id === 'capacity.memory')).toBe(false);
  });

  it('total memory and concurrency across several VMs', () => {
    const vms = [vm({ name: 'a' }), vm({ name: 'b' }), vm({ name: 'c' })];
    const f = readyFacts({ source: host('HV01', { vms }), destination: host('HV02', { memoryAvailableBytes: 20 * GiB }), vmNames: ['a', 'b', 'c'] });
    const r = capacityRules(f);
    expect(get(r, 'capacity.memory-total').severity).toBe('fail');
    expect(get(r, 'capacity.memory', 'a').severity).toBe('pass');
    expect(get(r, 'capacity.concurrency').severity).toBe('warn');
    const wide = { ...f, destination: withSettings(f.destination, { maximumVirtualMachineMigrations: 4 }), source: withSettings(f.source, { maximumVirtualMachineMigrations: 4 }) };
    expect(get(capacityRules(wide), 'capacity.concurrency').severity).toBe('pass');
  });
});

describe('model input and model findings', () => {
  it('derives memory from the VM, links and RDMA from shared subnets, concurrency from the limit', () => {
    const links = [
      { name: 'a', subnet: '10.10.0.0/24', linkSpeedGbps: 25, rdma: true },
      { name: 'b', subnet: '10.20.0.0/24', linkSpeedGbps: 25, rdma: true },
    ];
    const f = readyFacts({ source: host('HV01', { vms: [vm()], links }), destination: { ...host('HV02', { links: [...links, { name: 'c', subnet: '10.30.0.0/24', linkSpeedGbps: 100, rdma: true }] }) } });
    const anyNet = { ...f, destination: withSettings(f.destination, { useAnyNetworkForMigration: true }) };
    const { input, basis } = modelInputFromFacts(anyNet);
    expect(input).toMatchObject({ memoryBytes: 8 * GIB, linkGbps: 25, links: 2, rdma: true, concurrent: 1 });
    expect(basis).toMatchObject({ memory: 'facts', links: 'facts', dirtyRate: 'default' });
    // Restricted to 10.10.0.0/24 on the destination: only one pair counts.
    expect(modelInputFromFacts(f).input.links).toBe(1);
    expect(modelInputFromFacts(f, { memoryGiB: 4, dirtyMBps: 50 }).input).toMatchObject({ memoryBytes: 4 * GIB, dirtyBytesPerSecond: 50 * MB });
    expect(modelInputFromFacts(readyFacts({ vmNames: [] })).basis.memory).toBe('default');
  });

  it('warns when the chosen option does not converge and names an option that does', () => {
    const slow = runModel({ memoryBytes: 16 * GIB, dirtyBytesPerSecond: 150 * MB, linkGbps: 1 });
    const f = modelRules(slow, 'TCPIP')[0]!;
    expect(f.severity).toBe('warn');
    expect(f.fix.text).toContain('Compression');
    expect(modelRules(runModel({ memoryBytes: 16 * GIB, dirtyBytesPerSecond: 200 * MB, linkGbps: 10 }), 'TCPIP')[0]!.severity).toBe('pass');
    expect(modelRules(runModel({ memoryBytes: 16 * GIB, dirtyBytesPerSecond: 900 * MB, linkGbps: 1 }), 'SMB')[0]!.fix.kind).toBe('manual');
  });
});
