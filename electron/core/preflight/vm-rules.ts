/**
 * Per-VM compatibility with the destination: Compare-VM's own verdicts, configuration version,
 * CPU vendor and compatibility mode, switch names, host-bound devices and state.
 * Field notes §4 D and F.32; reference §2.4, §4.
 */
import type { Finding, HostFacts, VmSummary } from '../model';
import { encodeNeeds, type CompareVmNeed } from './compare-vm-needs';
import type { MigrationFacts, VmCompatibilityReport } from './facts';
import { perFact } from './fact-memo';
import { NO_FIX, command, finding, manual, needsShutdown, psQuote, show } from './finding';

export const MSG_SWITCH_NOT_FOUND = 33012;

interface VmsByName {
  readonly exact: ReadonlyMap<string, VmSummary>;
  readonly lowered: ReadonlyMap<string, VmSummary>;
}

// Five rules look up each VM of a source in each of its pairs: indexed once per host's VM list.
const vmsByName = perFact((vms: readonly VmSummary[]): VmsByName => {
  const exact = new Map<string, VmSummary>();
  const lowered = new Map<string, VmSummary>();
  for (const v of vms) {
    // The first VM of a name wins, as a search from the start would find it.
    if (!exact.has(v.name)) exact.set(v.name, v);
    const key = v.name.toLowerCase();
    if (!lowered.has(key)) lowered.set(key, v);
  }
  return { exact, lowered };
});

/** The VM of that name (exactly, else case-insensitively) on the host. */
export function findVm(host: HostFacts, name: string): VmSummary | undefined {
  if (host.vms === undefined) return undefined;
  const { exact, lowered } = vmsByName(host.vms);
  return exact.get(name) ?? lowered.get(name.toLowerCase());
}

// The same few version strings recur in every VM and pair of a group: parsed once. Bounded so
// hostile input cannot grow it without limit; the parsed arrays are shared, hence readonly.
const versions = new Map<string, readonly number[] | undefined>();
const VERSION_CACHE_LIMIT = 1024;

/** "9.0" → [9, 0]; undefined when not a dotted number. */
export function parseVersion(text: string): readonly number[] | undefined {
  if (versions.has(text)) return versions.get(text);
  const parsed = /^\d+(\.\d+)*$/.test(text.trim()) ? Object.freeze(text.trim().split('.').map(Number)) : undefined;
  if (versions.size >= VERSION_CACHE_LIMIT) versions.clear();
  versions.set(text, parsed);
  return parsed;
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function vmRules(f: MigrationFacts, reportsByName?: ReadonlyMap<string, VmCompatibilityReport>): Finding[] {
  const out: Finding[] = [cpuVendor(f)];
  const reports = reportsByName ?? new Map(f.vmReports.map((r) => [r.name.toLowerCase(), r]));
  for (const name of f.vmNames) {
    const vm = findVm(f.source, name);
    const report = reports.get(name.toLowerCase());
    if (vm === undefined) {
      if (f.source.status === 'ok') {
        out.push(finding('vm.exists', 'vm', 'fail', { vm: name, source: 'not found' },
          manual(), name, { vm: name, host: f.source.computerName }));
      }
      continue;
    }
    out.push(...compareVmFindings(name, f, report), ...plannedVm(name, f, report));
    out.push(configVersion(vm, f), processorCompat(vm, f), ...switches(vm, f, report), ...devices(vm), state(vm));
  }
  return out;
}

function cpuVendor(f: MigrationFacts): Finding {
  const s = f.source.processorVendor;
  const d = f.destination.processorVendor;
  const evidence = { source: show(s), destination: show(d) };
  if (s === undefined || d === undefined) return finding('vm.cpu-vendor', 'vm', 'info', evidence);
  if (s.toLowerCase() === d.toLowerCase()) return finding('vm.cpu-vendor', 'vm', 'pass', evidence, NO_FIX, undefined, { vendor: s });
  return finding('vm.cpu-vendor', 'vm', 'fail', evidence,
    manual(), undefined,
    { source: s, destination: d });
}

/** "Compare-VM … needs X first": from the facts beforehand, or from the error code afterwards. */
function prerequisitesFinding(name: string, f: MigrationFacts, needs: readonly CompareVmNeed[], cmd: string, error?: string): Finding {
  const coded = encodeNeeds(needs);
  return finding('vm.compare', 'vm', 'info',
    { vm: name, compareVmRun: 'prerequisites', ...(error !== undefined ? { error } : {}) },
    manual(),
    name, { variant: 'prerequisites', vm: name, needs: coded, command: cmd });
}

function compareVmFindings(name: string, f: MigrationFacts, report: VmCompatibilityReport | undefined): Finding[] {
  const cmd = `Compare-VM -Name ${psQuote(name)} -ComputerName ${psQuote(f.source.computerName)} -DestinationHost ${psQuote(f.destination.computerName)}`;
  if (report === undefined) {
    const skip = f.vmChecksSkipped;
    if (skip === undefined) return [];
    if (skip.reason === 'prerequisites') return [prerequisitesFinding(name, f, skip.needs ?? [], cmd)];
    return [finding('vm.compare', 'vm', 'info', { vm: name, compareVmRun: skip.reason },
      manual(), name, { variant: skip.reason, vm: name, command: cmd })];
  }
  if (report.error !== undefined && report.needs !== undefined && report.needs.length > 0) {
    return [prerequisitesFinding(name, f, report.needs, cmd, report.error)];
  }
  if (report.error !== undefined) {
    return [finding('vm.compare', 'vm', 'warn', { vm: name, error: report.error },
      manual(), name, { vm: name, command: cmd })];
  }
  if (report.incompatibilities.length === 0) {
    return [finding('vm.compare', 'vm', 'pass', { vm: name, incompatibilities: '0' }, NO_FIX, name,
      { vm: name, host: f.destination.computerName })];
  }
  return report.incompatibilities
    // 33012 is reported with the same evidence by the switch-name rule, with a concrete fix.
    .filter((i) => i.messageId !== MSG_SWITCH_NOT_FOUND || f.destination.switches === undefined)
    .map((i) => finding(`vm.compare.${i.messageId}`, 'vm', 'fail',
      { vm: name, messageId: String(i.messageId), message: i.message, source: i.source },
      i.messageId === MSG_SWITCH_NOT_FOUND
        ? manual()
        : manual(), name,
      { variant: i.messageId === MSG_SWITCH_NOT_FOUND ? 'switch' : 'fail', vm: name, host: f.destination.computerName, message: i.message, messageId: String(i.messageId) }));
}

/** Removes a planned VM (Msvm_PlannedComputerSystem) by the VM's Id; Hyper-V Manager does not list them. */
function removePlannedVmCommand(host: string, vmId: string | undefined): string {
  const id = vmId ?? '<VM Id>';
  return `$p = Get-CimInstance -ComputerName ${psQuote(host)} -Namespace root\\virtualization\\v2 -ClassName Msvm_PlannedComputerSystem -Filter "Name='${id.replace(/[^0-9A-Za-z<> -]/g, '')}'"; ` +
    `Get-CimInstance -ComputerName ${psQuote(host)} -Namespace root\\virtualization\\v2 -ClassName Msvm_VirtualSystemManagementService | Invoke-CimMethod -MethodName DestroySystem -Arguments @{ AffectedSystem = $p }`;
}

function plannedVm(name: string, f: MigrationFacts, report: VmCompatibilityReport | undefined): Finding[] {
  const state = report?.plannedVm;
  if (state === undefined) return [];
  const host = f.destination.computerName;
  const evidence = { vm: name, host, plannedVm: state };
  const cmd = removePlannedVmCommand(host, report?.vmId);
  const params = { variant: state, vm: name, host, command: cmd };
  if (state === 'removed') return [finding('vm.planned-vm', 'vm', 'info', evidence, NO_FIX, name, params)];
  if (state === 'left-before') {
    return [finding('vm.planned-vm', 'vm', 'warn', evidence,
      command(cmd), name, params)];
  }
  return [finding('vm.planned-vm', 'vm', 'warn', evidence,
    command(cmd), name, params)];
}

interface SupportedVersions {
  readonly text: string;
  /** The versions that parse. */
  readonly list: readonly (readonly number[])[];
  /** The newest of them; undefined when none parses. */
  readonly max: readonly number[] | undefined;
}

// A destination's versions meet every VM of every source: parsed once per destination.
const supportedVersions = perFact((supported: readonly string[]): SupportedVersions => {
  const list = supported.map(parseVersion).filter((x): x is readonly number[] => x !== undefined);
  const max = list.length === 0 ? undefined : list.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
  return { text: supported.join(', '), list, max };
});

function configVersion(vm: VmSummary, f: MigrationFacts): Finding {
  const supported = f.destination.supportedVersions === undefined ? undefined : supportedVersions(f.destination.supportedVersions);
  const evidence = { vm: vm.name, source: vm.configurationVersion, destination: supported ? supported.text : 'unknown' };
  const v = parseVersion(vm.configurationVersion);
  const list = supported?.list ?? [];
  const max = supported?.max;
  const params = { vm: vm.name, version: vm.configurationVersion, host: f.destination.computerName };
  if (v === undefined || max === undefined) return finding('vm.config-version', 'vm', 'info', evidence, NO_FIX, vm.name, params);
  if (list.some((x) => compareVersions(x, v) === 0)) {
    return finding('vm.config-version', 'vm', 'pass', evidence, NO_FIX, vm.name, params);
  }
  if (compareVersions(v, max) > 0) {
    return finding('vm.config-version', 'vm', 'fail', evidence,
      manual(), vm.name,
      { ...params, variant: 'newer', max: max.join('.') });
  }
  return finding('vm.config-version', 'vm', 'fail', evidence,
    needsShutdown(`Update-VMVersion -ComputerName ${psQuote(f.source.computerName)} -Name ${psQuote(vm.name)}`), vm.name, { ...params, variant: 'older' });
}

function processorCompat(vm: VmSummary, f: MigrationFacts): Finding {
  const evidence = { vm: vm.name, compatibilityForMigration: String(vm.processorCompatibilityForMigration), sourceCpu: show(f.source.processorVendor), destinationCpu: show(f.destination.processorVendor) };
  if (vm.processorCompatibilityForMigration) return finding('vm.processor-compat', 'vm', 'pass', evidence, NO_FIX, vm.name, { vm: vm.name });
  return finding('vm.processor-compat', 'vm', 'warn', evidence,
    needsShutdown(
      `Set-VMProcessor -ComputerName ${psQuote(f.source.computerName)} -VMName ${psQuote(vm.name)} -CompatibilityForMigrationEnabled $true`), vm.name, { vm: vm.name });
}

interface SwitchNames {
  readonly names: readonly string[];
  readonly lowered: ReadonlySet<string>;
  readonly text: string;
}

// A destination's switches meet every VM of every source: their names read once per destination.
const switchNames = perFact((switches: NonNullable<HostFacts['switches']>): SwitchNames => {
  const names = switches.map((s) => s.name);
  return { names, lowered: new Set(names.map((n) => n.toLowerCase())), text: names.join('; ') || '(none)' };
});

function switches(vm: VmSummary, f: MigrationFacts, report: VmCompatibilityReport | undefined): Finding[] {
  const dest = f.destination.switches;
  if (dest === undefined) return [];
  const { names, lowered, text } = switchNames(dest);
  const missing = vm.switchNames.filter((n) => !lowered.has(n.toLowerCase()));
  const evidence: Record<string, string> = { vm: vm.name, source: vm.switchNames.join('; ') || '(none)', destination: text };
  if (report?.incompatibilities.some((i) => i.messageId === MSG_SWITCH_NOT_FOUND)) evidence.compareVm = String(MSG_SWITCH_NOT_FOUND);
  if (missing.length === 0) return [finding('vm.switch-names', 'vm', 'pass', evidence, NO_FIX, vm.name,
    { vm: vm.name, host: f.destination.computerName })];
  const first = missing[0] ?? '';
  evidence.missing = missing.join('; ');
  return [finding('vm.switch-names', 'vm', 'fail', evidence,
    command(
      `Rename-VMSwitch -ComputerName ${psQuote(f.destination.computerName)} -Name ${psQuote(names[0] ?? '<existing switch>')} -NewName ${psQuote(first)}`), vm.name,
    { vm: vm.name, host: f.destination.computerName, switches: missing.map((m) => `"${m}"`).join(', ') })];
}

function devices(vm: VmSummary): Finding[] {
  const out: Finding[] = [];
  if (vm.hasIsoAttached) {
    out.push(finding('vm.iso', 'vm', 'warn', { vm: vm.name, iso: 'attached' },
      command(`Get-VMDvdDrive -VMName ${psQuote(vm.name)} | Set-VMDvdDrive -Path $null`), vm.name, { vm: vm.name }));
  }
  if (vm.hasPassThroughDisk) {
    out.push(finding('vm.passthrough', 'vm', 'fail', { vm: vm.name, passThroughDisk: 'yes' },
      needsShutdown(), vm.name, { vm: vm.name }));
  }
  return out;
}

const LIVE_STATES = ['running', 'off', 'saved', 'paused'];

function state(vm: VmSummary): Finding {
  const s = vm.state.toLowerCase();
  const evidence = { vm: vm.name, state: vm.state };
  if (s === 'running') return finding('vm.state', 'vm', 'pass', evidence, NO_FIX, vm.name, { vm: vm.name });
  if (LIVE_STATES.includes(s)) return finding('vm.state', 'vm', 'info', evidence, NO_FIX, vm.name,
    { vm: vm.name, state: vm.state });
  return finding('vm.state', 'vm', 'warn', evidence,
    manual(), vm.name, { vm: vm.name, state: vm.state });
}
