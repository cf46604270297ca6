/**
 * Destination capacity: memory for each running VM and for all of them, and the concurrency
 * limit (event 21501). Field notes §4 E; reference §6.2 (0x800705AA, 0x8007000E).
 */
import type { Finding, VmSummary } from '../model';
import type { MigrationFacts } from './facts';
import { NO_FIX, finding, manual, planStep } from './finding';
import { findVm } from './vm-rules';

/** Memory the destination must find: assigned for a running VM (its startup memory if none is reported). */
export function memoryNeeded(vm: VmSummary): number {
  if (vm.state.toLowerCase() !== 'running') return 0;
  return vm.memoryAssignedBytes > 0 ? vm.memoryAssignedBytes : vm.memoryStartupBytes;
}

export function capacityRules(f: MigrationFacts): Finding[] {
  const out: Finding[] = [];
  const free = f.destination.memoryAvailableBytes;
  const freeText = free === undefined ? 'unknown' : String(free);
  const vms = f.vmNames.map((n) => findVm(f.source, n)).filter((v): v is VmSummary => v !== undefined);
  let total = 0;
  for (const vm of vms) {
    const need = memoryNeeded(vm);
    total += need;
    if (need === 0) continue;
    // Raw byte counts (`…Bytes`): the CLI/JSON keeps numbers, each UI formats them in its locale.
    const evidence = { vm: vm.name, neededBytes: String(need), freeBytes: freeText };
    if (free === undefined) out.push(finding('capacity.memory', 'capacity', 'info', evidence, NO_FIX, vm.name,
      { host: f.destination.computerName, vm: vm.name }));
    else if (need <= free) out.push(finding('capacity.memory', 'capacity', 'pass', evidence, NO_FIX, vm.name,
      { host: f.destination.computerName, vm: vm.name }));
    else {
      out.push(finding('capacity.memory', 'capacity', 'fail', evidence,
        manual(), vm.name,
        { host: f.destination.computerName, vm: vm.name, neededBytes: String(need), freeBytes: freeText }));
    }
  }
  if (vms.length > 1 && free !== undefined && total > 0) {
    const evidence = { vms: String(vms.length), neededBytes: String(total), freeBytes: String(free) };
    out.push(total <= free
      ? finding('capacity.memory-total', 'capacity', 'pass', evidence)
      : finding('capacity.memory-total', 'capacity', 'fail', evidence,
        manual(), undefined,
        { totalBytes: String(total), host: f.destination.computerName, freeBytes: String(free) }));
  }
  const s = f.source.settings;
  const d = f.destination.settings;
  if (s !== undefined && d !== undefined && vms.length > 0) {
    const limit = Math.min(s.maximumVirtualMachineMigrations, d.maximumVirtualMachineMigrations);
    const evidence = { source: String(s.maximumVirtualMachineMigrations), destination: String(d.maximumVirtualMachineMigrations), planned: String(vms.length) };
    out.push(vms.length <= limit
      ? finding('capacity.concurrency', 'capacity', 'pass', evidence, NO_FIX, undefined,
        { count: String(vms.length), limit: String(limit) })
      : finding('capacity.concurrency', 'capacity', 'warn', evidence,
        planStep('maximumVirtualMachineMigrations'), undefined,
        { count: String(vms.length), limit: String(limit) }));
  }
  return out;
}
