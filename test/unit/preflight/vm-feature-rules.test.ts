import { describe, expect, it } from 'vitest';
import { FINDING_TEXTS, localizeFinding, runPreflight, vmFeatureRules } from '../../../electron/core/preflight';
import type { Finding } from '../../../electron/core/model';
import { GiB, host, readyFacts, vm } from './fixtures';

const withVm = (over: Parameters<typeof vm>[0], dest = {}, extra = {}) =>
  readyFacts({ source: host('HV01', { vms: [vm(over)] }), destination: host('HV02', dest), ...extra });
const only = (fs: Finding[], id: string) => {
  const hits = fs.filter((x) => x.id === id);
  expect(hits, `${id} in ${fs.map((x) => x.id).join(', ')}`).toHaveLength(1);
  return hits[0]!;
};

describe('VM features that block moves', () => {
  it('a ready VM without any of them gives no feature finding', () => {
    expect(vmFeatureRules(readyFacts())).toEqual([]);
  });

  it('Hyper-V busy with the VM (backup, merge) fails; Ok does not', () => {
    const f = only(vmFeatureRules(withVm({ operationalStatus: 'BackingUpVirtualMachine' })), 'vm.busy');
    expect(f).toMatchObject({ severity: 'fail', vm: 'web01', evidence: { operationalStatus: 'BackingUpVirtualMachine' } });
    expect(vmFeatureRules(withVm({ operationalStatus: 'MergingDisks' }))[0]?.severity).toBe('fail');
    expect(vmFeatureRules(withVm({ operationalStatus: 'Ok' }))).toEqual([]);
  });

  it('a virtual TPM warns with both hosts named and the certificate command', () => {
    const f = only(vmFeatureRules(withVm({ tpmEnabled: true })), 'vm.tpm');
    expect(f.severity).toBe('warn');
    expect(f.evidence).toMatchObject({ tpm: 'yes', source: 'HV01', destination: 'HV02' });
    expect(f.fix.command).toContain('Shielded VM Local Certificates');
    expect(vmFeatureRules(withVm({ tpmEnabled: false }))).toEqual([]);
  });

  it('GPU partitions: fail before Windows Server 2025 on both, warn on 2025, info for an Off VM', () => {
    const old = { osVersion: '10.0.20348' };
    const ws2025 = { osVersion: '10.0.26100' };
    const src = (os: object) => host('HV01', { ...os, vms: [vm({ gpuPartitionAdapters: 1 })] });
    expect(only(vmFeatureRules(readyFacts({ source: src(ws2025), destination: host('HV02', old) })), 'vm.gpu-partition')).toMatchObject({ severity: 'fail', params: { variant: 'unsupported' } });
    expect(only(vmFeatureRules(readyFacts({ source: src(ws2025), destination: host('HV02', ws2025) })), 'vm.gpu-partition').severity).toBe('warn');
    expect(only(vmFeatureRules(withVm({ gpuPartitionAdapters: 2, state: 'Off' })), 'vm.gpu-partition')).toMatchObject({ severity: 'info', params: { variant: 'offline', count: '2' } });
    expect(vmFeatureRules(withVm({ gpuPartitionAdapters: 0 }))).toEqual([]);
  });

  it('NUMA spanning off: a VM larger than one destination node fails, one that fits passes, spanning on says nothing', () => {
    const nodes = [{ memoryTotalBytes: 64 * GiB, processorCount: 8 }, { memoryTotalBytes: 64 * GiB, processorCount: 8 }];
    const off = { numaSpanningEnabled: false, numaNodes: nodes };
    const big = only(vmFeatureRules(withVm({ memoryStartupBytes: 96 * GiB, memoryAssignedBytes: 96 * GiB }, off)), 'vm.numa');
    expect(big).toMatchObject({ severity: 'fail', evidence: { numaSpanning: 'false', nodeMemoryBytes: String(64 * GiB) } });
    expect(big.fix.command).toContain('-NumaSpanningEnabled $true');
    expect(only(vmFeatureRules(withVm({ processorCount: 12 }, off)), 'vm.numa').severity).toBe('fail');
    expect(only(vmFeatureRules(withVm({ processorCount: 4 }, off)), 'vm.numa').severity).toBe('pass');
    expect(vmFeatureRules(withVm({ memoryStartupBytes: 96 * GiB }, { numaSpanningEnabled: true, numaNodes: nodes }))).toEqual([]);
  });

  it('checkpoints: warn for a storage move (the chain is copied), info for a VM-only move', () => {
    expect(only(vmFeatureRules(withVm({ hasSnapshots: true }, {}, { includeStorage: true })), 'vm.checkpoints').severity).toBe('warn');
    expect(only(vmFeatureRules(withVm({ hasSnapshots: true })), 'vm.checkpoints')).toMatchObject({ severity: 'info', params: { variant: 'vm-only' } });
  });

  it('run with the other rules, and worded in English and German with every value filled', () => {
    const nodes = [{ memoryTotalBytes: 16 * GiB, processorCount: 8 }];
    const facts = withVm({ tpmEnabled: true, operationalStatus: 'BackingUpVirtualMachine', gpuPartitionAdapters: 1, hasSnapshots: true, memoryStartupBytes: 32 * GiB },
      { numaSpanningEnabled: false, numaNodes: nodes, osVersion: '10.0.20348' }, { includeStorage: true });
    const ids = ['vm.busy', 'vm.tpm', 'vm.gpu-partition', 'vm.numa', 'vm.checkpoints'];
    const all = runPreflight(facts);
    for (const id of ids) {
      const f = only(all, id);
      for (const locale of ['en', 'de'] as const) {
        const l = localizeFinding(FINDING_TEXTS[locale], f);
        expect(l.localized, `${id} ${locale}`).toBe(true);
        expect(l.title, `${id} ${locale}`).not.toMatch(/\{\{|undefined/);
        expect(l.fixText, `${id} ${locale}`).not.toMatch(/\{\{|undefined/);
      }
    }
    expect(localizeFinding(FINDING_TEXTS.de, only(all, 'vm.numa')).title).toMatch(/NUMA-Knoten/);
  });
});

describe('model input for shared-nothing moves', () => {
  it('carries the largest selected VM\'s VHD bytes only when storage moves with the VM', async () => {
    const { modelInputFromFacts } = await import('../../../electron/core/preflight');
    const facts = readyFacts({ source: host('HV01', { vms: [vm({ diskBytes: 70 * GiB })] }) });
    expect(modelInputFromFacts(facts).input.storageBytes).toBeUndefined();
    const withStorage = modelInputFromFacts({ ...facts, includeStorage: true });
    expect(withStorage.input.storageBytes).toBe(70 * GiB);
    expect(withStorage.basis.storage).toBe('facts');
  });
});

describe('Credential Guard ahead (issue 14 item 2)', () => {
  it('CredSSP with a host below Windows Server 2025 and no Credential Guard today warns; Kerberos or WS2025 hosts do not', async () => {
    const { identityRules } = await import('../../../electron/core/preflight');
    const pair = (os: string) => readyFacts({ authentication: 'CredSSP', source: host('HV01', { osVersion: '10.0.26100', credentialGuardRunning: false, vms: [vm()] }), destination: host('HV02', { osVersion: os, credentialGuardRunning: false }) });
    const f = only(identityRules(pair('10.0.20348')), 'identity.credssp-credential-guard-ahead');
    expect(f).toMatchObject({ severity: 'warn', params: { hosts: 'HV02' }, evidence: { destinationOs: '10.0.20348', credentialGuardDestination: 'no' } });
    expect(localizeFinding(FINDING_TEXTS.de, f).title).toMatch(/Windows Server 2025/);
    expect(identityRules(pair('10.0.26100')).filter((x) => x.id === 'identity.credssp-credential-guard-ahead')).toEqual([]);
    expect(identityRules({ ...pair('10.0.20348'), authentication: 'Kerberos' }).filter((x) => x.id === 'identity.credssp-credential-guard-ahead')).toEqual([]);
  });
});
