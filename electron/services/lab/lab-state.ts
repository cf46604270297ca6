/**
 * The lab folder's on-disk shapes, shared by `lab-init`, `lab-faults` and the HyperVLab
 * PowerShell module (which reads and writes the same JSON).
 *
 *   lab.json            LabConfig
 *   hosts/<NAME>.json   LabHostState (NAME is the upper-case short host name)
 *   faults/<NAME>.json  LabFault
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface LabConfig {
  readonly version: 1;
  readonly domain: string;
  /** The host a cmdlet without -ComputerName talks to: the admin workstation, not a Hyper-V host. */
  readonly localHost: string;
  /** The account lab remote sessions run as (default `<NETBIOS>\\ferry-lab`, the lab directory's bind user). */
  readonly operator?: string;
  /** The lab's display language: `de-DE` makes its error texts and local group classes German. */
  readonly locale?: LabLocale;
  /** What reaching a host costs (HyperVLab.Sessions.ps1): defaults and per-host values. */
  readonly network?: LabNetwork;
  /** Lab time per real second for live migrations (HyperVLab.Move.ps1): 1 = as the model predicts, tests use less. */
  readonly timeScale?: number;
  /** checks-kerberos: hosts whose migration SPNs a stale account `<HOST>-OLD` also holds (a lab directory defect). */
  readonly duplicateSpns?: readonly string[];
}

/** Session set-up (paid once per host session) and one remote call's round trip, in ms. */
export interface LabLinkCost {
  readonly connectMs?: number;
  readonly latencyMs?: number;
}

export interface LabNetwork extends LabLinkCost {
  /** Per host (upper-case short name): overrides the defaults above. */
  readonly hosts?: Readonly<Record<string, LabLinkCost>>;
}

export type LabLocale = 'en-US' | 'de-DE';

export interface LabVm {
  id: string;
  name: string;
  state: 'Running' | 'Off' | 'Saved' | 'Paused';
  memoryStartupBytes: number;
  dynamicMemoryEnabled: boolean;
  version: string;
  processorCount: number;
  processorCompatibilityForMigration: boolean;
  adapters: { name: string; switchName: string }[];
  /**
   * Get-VHD answers from these: `sizeBytes` is the virtual size, `fileSizeBytes` the size on disk
   * (default: sizeBytes), `parentPath` makes the disk a differencing disk of that parent, `missing`
   * is a file that is gone (Get-VHD cannot find it).
   */
  disks: {
    path: string;
    sizeBytes: number;
    passThrough: boolean;
    fileSizeBytes?: number;
    parentPath?: string;
    parentFileSizeBytes?: number;
    missing?: boolean;
  }[];
  isoPath: string;
  hasSnapshots: boolean;
  /** The VM's page dirty rate, bytes/s, which the lab's live migrations run at (default 200 MB/s, the model's). */
  dirtyBytesPerSecond?: number;
  /** Get-VMSecurity: a virtual TPM (its keys belong to the source's guardian). */
  tpmEnabled?: boolean;
  /** Get-VMGpuPartitionAdapter: GPU partitions assigned to the VM. */
  gpuPartitionAdapters?: number;
  /** What Hyper-V is busy with (a VMOperationalStatus name, e.g. BackingUpVirtualMachine). */
  operationalStatus?: string;
}

export interface LabHostState {
  name: string;
  domain: string;
  osVersion: string;
  processorVendor: string;
  /** Abstract processor generation: a VM leaves a newer host only with compatibility mode. */
  processorFeatureLevel: number;
  logicalProcessorCount: number;
  memoryCapacityBytes: number;
  memoryAvailableBytes: number;
  credentialGuardRunning: boolean;
  settings: {
    virtualMachineMigrationEnabled: boolean;
    maximumVirtualMachineMigrations: number;
    maximumStorageMigrations: number;
    virtualMachineMigrationAuthenticationType: 'CredSSP' | 'Kerberos';
    virtualMachineMigrationPerformanceOption: 'TCPIP' | 'Compression' | 'SMB';
    useAnyNetworkForMigration: boolean;
  };
  migrationNetworks: { subnet: string; priority: number }[];
  switches: { id: string; name: string; switchType: 'Private' | 'Internal' | 'External' }[];
  supportedVersions: string[];
  defaultVersion: string;
  vms: LabVm[];
  links: { name: string; subnet: string; linkSpeedGbps: number; rdma: boolean }[];
  openPorts: number[];
  klistPurges: string[];
  /** Local groups `Get-LocalGroupMember` answers from (absent in older labs: the module's defaults). */
  localGroups?: LabLocalGroup[];
  /** Get-VMHost NumaSpanningEnabled (default true). */
  numaSpanningEnabled?: boolean;
  /** Get-VMHostNumaNode (default: two nodes splitting memory and processors). */
  numaNodes?: { memoryTotalBytes: number; processorCount: number }[];
  /** Planned VMs (Msvm_PlannedComputerSystem) left by a migration or a check cut short. */
  plannedVms?: { id: string; name: string }[];
  /** Get-Volume (HyperVLab.Storage.ps1): the host's volumes (default: one C: of 1 TiB, 800 GiB free). */
  volumes?: LabVolume[];
  /** Get-SmbClientConfiguration / Get-SmbServerConfiguration / Get-SmbBandwidthLimit (HyperVLab.Smb.ps1; defaults: Windows'). */
  smb?: LabSmb;
  /** Get-WinEvent (HyperVLab.Events.ps1): the host's Hyper-V admin log events. */
  events?: LabEvent[];
  /** Folders that exist besides the default VM/VHD folders and the VMs' disk folders (D:\VMs, \\fs01\vms). */
  folders?: string[];
}

interface LabSmb {
  client?: { requireSecuritySignature?: boolean; enableSecuritySignature?: boolean; requireEncryption?: boolean };
  server?: { requireSecuritySignature?: boolean; enableSecuritySignature?: boolean; encryptData?: boolean; rejectUnencryptedAccess?: boolean };
  bandwidthLimits?: { category: 'Default' | 'VirtualMachine' | 'LiveMigration' | 'StorageReplication'; bytesPerSecond: number }[];
  /** False: the SMB Bandwidth Limit feature (FS-SMBBW) is not installed, Get-SmbBandwidthLimit fails. */
  bandwidthFeature?: boolean;
}

/** One event of the VMMS or Worker admin log (lab wording in `message`). */
export interface LabEvent {
  id: number;
  logName: 'Microsoft-Windows-Hyper-V-VMMS-Admin' | 'Microsoft-Windows-Hyper-V-Worker-Admin';
  /** ISO 8601, UTC. */
  timeCreated: string;
  message: string;
}

/** One volume as Get-Volume shows it; a read-only one refuses the storage probe's write. */
interface LabVolume {
  driveLetter: string;
  label: string;
  sizeBytes: number;
  freeBytes: number;
  readOnly?: boolean;
}

/** One member as Get-LocalGroupMember shows it (`DOMAIN\\name`, objectClass User or Group). */
export interface LabLocalGroupMember {
  name: string;
  sid: string;
  objectClass: 'User' | 'Group';
  principalSource: 'Local' | 'ActiveDirectory' | 'AzureAD' | 'MicrosoftAccount' | 'Unknown';
}

/** A local group, found by its well-known SID (names are localized: "Hyper-V-Administratoren"). */
export interface LabLocalGroup {
  sid: string;
  name: string;
  members: LabLocalGroupMember[];
}

export interface LabFault {
  unreachable?: boolean;
  latencyMs?: number;
  accessDenied?: boolean;
  /** PowerShell remoting refused (Invoke-Command: access denied) while Hyper-V over CIM still answers. */
  remotingDenied?: boolean;
  /** Fail the Nth mutating call from now on (1 = the next one). */
  failOnMutation?: number;
  /** Maintained by the module: mutating calls counted since the fault was set. */
  mutationCalls?: number;
  /** Ports that refuse connections (nothing listening, or a firewall rejecting). */
  closedPorts?: number[];
  /** Ports that never answer (a firewall dropping): a probe waits its whole timeout. */
  filteredPorts?: number[];
  /** A Compare-VM that reaches this destination leaves its planned VM here (a check cut short). */
  compareLeavesPlannedVm?: boolean;
  /** `klist purge` fails on this host (exit code 1), as it does without the rights to purge. */
  klistFails?: boolean;
  /** The host goes down during the next live migration it takes part in, at this fraction (0..1) of the move. */
  downDuringMove?: number;
  /**
   * Record each call to the host as it starts, before its latency (a line in `faults/<NAME>.calls`):
   * a test waits for a call to be under way (`labCalls`) instead of sleeping.
   */
  traceCalls?: boolean;
}

export const GiB = 1024 ** 3;

/** File-name key of a host: the upper-case short name (what the module resolves to). */
export function hostKey(name: string): string {
  return (name.split('.')[0] ?? name).toUpperCase();
}

export function hostFile(dir: string, name: string): string {
  return path.join(dir, 'hosts', `${hostKey(name)}.json`);
}

export function faultFile(dir: string, name: string): string {
  return path.join(dir, 'faults', `${hostKey(name)}.json`);
}

/** The calls a `traceCalls` fault has recorded (HyperVLab.psm1 `Write-LabCallTrace`). */
export function callTraceFile(dir: string, name: string): string {
  return path.join(dir, 'faults', `${hostKey(name)}.calls`);
}

/** Writes JSON via a temp file + rename, so a reader in another process never sees half a file. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(value, null, 2), 'utf8');
  await fs.rename(tmp, file);
}

export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}
