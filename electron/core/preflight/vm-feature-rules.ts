/**
 * VM features that block or slow a move (issue 14 item 5): a virtual TPM, GPU partitions, a VM
 * larger than one destination NUMA node while NUMA spanning is off, checkpoints, and a VM that
 * Hyper-V is busy with (backup, merge, export…). Facts from Get-VMSecurity,
 * Get-VMGpuPartitionAdapter, Get-VMHostNumaNode, Get-VMHost and Get-VM (get-host-facts.ps1).
 * A finding appears only where the feature is present (or, for NUMA, where spanning is off).
 */
import type { Finding, HostFacts, VmSummary } from '../model';
import { memoryNeeded } from './capacity-rules';
import type { MigrationFacts } from './facts';
import { command, finding, manual, NO_FIX, psQuote } from './finding';
import { findVm } from './vm-rules';

/**
 * Secondary operational states in which Hyper-V refuses to migrate the VM until the operation
 * ends (VMOperationalStatus names, language-neutral; the localized `Status` text is not read).
 */
const BUSY = new Set([
  'BackingUpVirtualMachine', 'MergingDisks', 'CreatingSnapshot', 'ApplyingSnapshot', 'DeletingSnapshot', 'ExportingVirtualMachine',
  'MigratingVirtualMachine', 'MigratingPlannedVm', 'StorageMigrationPhaseOne', 'StorageMigrationPhaseTwo', 'ModifyingUpVirtualMachine', 'WaitingToStart',
]);

/** Windows Server 2025's build number. */
export const WS2025_BUILD = 26100;
/** Windows Server 2025 is the first release that live-migrates VMs with GPU partitions. */
export const GPU_P_LIVE_MIGRATION_BUILD = WS2025_BUILD;

export function osBuild(host: HostFacts): number | undefined {
  const m = /^\d+\.\d+\.(\d+)/.exec(host.osVersion ?? '');
  return m ? Number(m[1]) : undefined;
}

export function vmFeatureRules(f: MigrationFacts): Finding[] {
  const out: Finding[] = [];
  for (const name of f.vmNames) {
    const vm = findVm(f.source, name);
    if (vm === undefined) continue;
    out.push(...busy(vm), ...tpm(vm, f), ...gpu(vm, f), ...numa(vm, f), ...checkpoints(vm, f));
  }
  return out;
}

function busy(vm: VmSummary): Finding[] {
  const s = vm.operationalStatus;
  if (s === undefined || !BUSY.has(s)) return [];
  return [finding('vm.busy', 'vm', 'fail',
    { vm: vm.name, operationalStatus: s },
    manual(), vm.name, { vm: vm.name, status: s })];
}

function tpm(vm: VmSummary, f: MigrationFacts): Finding[] {
  if (vm.tpmEnabled !== true) return [];
  const src = f.source.computerName;
  const dst = f.destination.computerName;
  // The vTPM's key protector is wrapped by the source's guardian (UntrustedGuardian without HGS);
  // the destination must hold the same certificates or the VM cannot start there.
  const cmd = `Invoke-Command -ComputerName ${psQuote(src)} { Get-ChildItem 'Cert:\\LocalMachine\\Shielded VM Local Certificates' }; ` +
    `Invoke-Command -ComputerName ${psQuote(dst)} { Get-ChildItem 'Cert:\\LocalMachine\\Shielded VM Local Certificates' }`;
  return [finding('vm.tpm', 'vm', 'warn',
    { vm: vm.name, tpm: 'yes', source: src, destination: dst },
    command(cmd),
    vm.name, { vm: vm.name, source: src, destination: dst, command: cmd })];
}

function gpu(vm: VmSummary, f: MigrationFacts): Finding[] {
  const count = vm.gpuPartitionAdapters ?? 0;
  if (count === 0) return [];
  const src = osBuild(f.source);
  const dst = osBuild(f.destination);
  const evidence = { vm: vm.name, gpuPartitionAdapters: String(count), sourceOs: f.source.osVersion ?? 'unknown', destinationOs: f.destination.osVersion ?? 'unknown', state: vm.state };
  const params = { vm: vm.name, count: String(count), host: f.destination.computerName };
  if (vm.state.toLowerCase() !== 'running') {
    return [finding('vm.gpu-partition', 'vm', 'info', evidence,
      NO_FIX, vm.name, { ...params, variant: 'offline' })];
  }
  if (src !== undefined && dst !== undefined && src >= GPU_P_LIVE_MIGRATION_BUILD && dst >= GPU_P_LIVE_MIGRATION_BUILD) {
    return [finding('vm.gpu-partition', 'vm', 'warn', evidence,
      command(`Get-VMHostPartitionableGpu -ComputerName ${psQuote(f.destination.computerName)}`), vm.name, params)];
  }
  return [finding('vm.gpu-partition', 'vm', 'fail', evidence,
    manual(), vm.name,
    { ...params, variant: 'unsupported' })];
}

function numa(vm: VmSummary, f: MigrationFacts): Finding[] {
  const d = f.destination;
  if (d.numaSpanningEnabled !== false || d.numaNodes === undefined || d.numaNodes.length === 0) return [];
  const nodeMemory = Math.max(...d.numaNodes.map((n) => n.memoryTotalBytes));
  const nodeProcessors = Math.max(...d.numaNodes.map((n) => n.processorCount));
  const memory = memoryNeeded(vm) || vm.memoryStartupBytes;
  const processors = vm.processorCount;
  const evidence: Record<string, string> = {
    vm: vm.name, vmMemoryBytes: String(memory), vmProcessors: processors === undefined ? 'unknown' : String(processors),
    numaSpanning: 'false', nodeMemoryBytes: String(nodeMemory), nodeProcessors: String(nodeProcessors),
  };
  const params = { vm: vm.name, host: d.computerName, memoryBytes: String(memory), nodeMemoryBytes: String(nodeMemory), nodeProcessors: String(nodeProcessors) };
  const tooBig = memory > nodeMemory || (processors !== undefined && processors > nodeProcessors);
  if (!tooBig) return [finding('vm.numa', 'vm', 'pass', evidence, NO_FIX, vm.name, params)];
  const cmd = `Set-VMHost -ComputerName ${psQuote(d.computerName)} -NumaSpanningEnabled $true; Invoke-Command -ComputerName ${psQuote(d.computerName)} { Restart-Service vmms }`;
  return [finding('vm.numa', 'vm', 'fail', evidence,
    command(cmd),
    vm.name, { ...params, command: cmd })];
}

function checkpoints(vm: VmSummary, f: MigrationFacts): Finding[] {
  if (!vm.hasSnapshots) return [];
  const evidence = { vm: vm.name, checkpoints: 'yes', diskBytes: String(vm.diskBytes) };
  const cmd = `Get-VMSnapshot -ComputerName ${psQuote(f.source.computerName)} -VMName ${psQuote(vm.name)}`;
  if (f.includeStorage === true) {
    return [finding('vm.checkpoints', 'vm', 'warn', evidence,
      command(cmd), vm.name,
      { vm: vm.name, diskBytes: String(vm.diskBytes), command: cmd })];
  }
  return [finding('vm.checkpoints', 'vm', 'info', evidence,
    command(cmd), vm.name,
    { vm: vm.name, variant: 'vm-only', command: cmd })];
}
