/**
 * Creates a lab folder: simulated Hyper-V hosts the HyperVLab module serves.
 *
 * The default lab (HV01–HV04 in lab.example) is deliberately not ready for live migration, so
 * every check and every plan step has something to show: migration is off on HV02, HV01 uses
 * CredSSP and HV02 Kerberos, HV01 accepts any network, the switches are named differently, and
 * one VM on HV01 has configuration version 12.0 while HV02 supports up to 10.0. That VM (sql01)
 * also has a virtual TPM and more virtual processors than one NUMA node of HV02, where NUMA
 * spanning is off; build-agent (off) has a checkpoint and a GPU partition. A storage move to HV02's
 * default folder does not fit: its C: has 20 GiB free for HV01's 36 GiB of VHD files (D:\VMs has
 * room; R:\VMs is on a read-only volume). HV01 has a live-migration SMB bandwidth limit (250 MB/s)
 * and, as a Windows Server 2025 host, requires SMB signing. HV03 and HV04
 * are ready Kerberos hosts without VMs, so a group of four has both ready and blocked pairs.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { validateHostName } from '../../core/settings/host-name';
import {
  GiB,
  hostFile,
  hostKey,
  readJson,
  writeJsonAtomic,
  type LabConfig,
  type LabEvent,
  type LabHostState,
  type LabLinkCost,
  type LabLocale,
  type LabLocalGroup,
  type LabLocalGroupMember,
  type LabVm,
} from './lab-state';

export const LAB_DOMAIN = 'lab.example';
/** A child domain of the lab's (issue 14 item 1): hosts put there need resource-based delegation. */
const LAB_SECOND_DOMAIN = `emea.${LAB_DOMAIN}`;
export const LAB_WORKSTATION = 'FERRY-WS';
/** The lab directory's saved state (see services/lab/directory/lab-directory-for-lab.ts). */
export const LAB_DIRECTORY_FILE = 'directory.json';
/** The lab's operator: the account lab remote sessions run as, also the lab directory's bind user. */
export const LAB_OPERATOR = 'LAB\\ferry-lab';
export const SID_HYPERV_ADMINISTRATORS = 'S-1-5-32-578';
export const SID_ADMINISTRATORS = 'S-1-5-32-544';
/** A fixed, lab-only domain SID (the lab directory uses the same one for its users and groups). */
export const LAB_DOMAIN_SID = 'S-1-5-21-2000-2000-2000';
const VERSIONS_NEW = ['8.0', '9.0', '9.1', '10.0', '11.0', '12.0'];
const VERSIONS_OLD = ['8.0', '9.0', '9.1', '10.0'];

export class LabInputError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'LabInputError';
  }
}

function baseHost(name: string, index: number): LabHostState {
  const newer = index % 2 === 0;
  return {
    name: hostKey(name),
    domain: LAB_DOMAIN,
    osVersion: newer ? '10.0.26100' : '10.0.20348',
    processorVendor: 'GenuineIntel',
    processorFeatureLevel: newer ? 3 : 2,
    logicalProcessorCount: 32,
    memoryCapacityBytes: 256 * GiB,
    memoryAvailableBytes: 192 * GiB,
    credentialGuardRunning: newer,
    settings: {
      virtualMachineMigrationEnabled: true,
      maximumVirtualMachineMigrations: 2,
      maximumStorageMigrations: 2,
      virtualMachineMigrationAuthenticationType: 'Kerberos',
      virtualMachineMigrationPerformanceOption: 'Compression',
      useAnyNetworkForMigration: false,
    },
    migrationNetworks: [{ subnet: '10.10.10.0/24', priority: 0 }],
    switches: [{ id: randomUUID(), name: 'External', switchType: 'External' }],
    supportedVersions: newer ? VERSIONS_NEW : VERSIONS_OLD,
    defaultVersion: newer ? '12.0' : '10.0',
    vms: [],
    links: [
      { name: 'Management', subnet: `192.168.1.0/24`, linkSpeedGbps: 1, rdma: false },
      { name: 'LM', subnet: '10.10.10.0/24', linkSpeedGbps: 10, rdma: false },
    ],
    openPorts: [135, 445, 5985, 6600],
    klistPurges: [],
    localGroups: defaultLocalGroups(hostKey(name)),
  };
}

/**
 * As on a domain-joined host: Administrators holds the local Administrator and Domain Admins
 * (a nested group the host cannot expand); the lab operator is a direct Hyper-V Administrator.
 */
function defaultLocalGroups(host: string): LabLocalGroup[] {
  return [
    {
      sid: SID_ADMINISTRATORS,
      name: 'Administrators',
      members: [
        { name: `${host}\\Administrator`, sid: 'S-1-5-21-1000-1000-1000-500', objectClass: 'User', principalSource: 'Local' },
        { name: 'LAB\\Domain Admins', sid: `${LAB_DOMAIN_SID}-512`, objectClass: 'Group', principalSource: 'ActiveDirectory' },
      ],
    },
    {
      sid: SID_HYPERV_ADMINISTRATORS,
      name: 'Hyper-V Administrators',
      members: [{ name: LAB_OPERATOR, sid: `${LAB_DOMAIN_SID}-1105`, objectClass: 'User', principalSource: 'ActiveDirectory' }],
    },
  ];
}

function newVm(name: string, memoryGb: number, switchName: string, version: string, state: LabVm['state'] = 'Running'): LabVm {
  return {
    id: randomUUID(),
    name,
    state,
    memoryStartupBytes: Math.round(memoryGb * GiB),
    dynamicMemoryEnabled: false,
    version,
    processorCount: 2,
    processorCompatibilityForMigration: false,
    adapters: [{ name: 'Network Adapter', switchName }],
    disks: [{ path: `C:\\Hyper-V\\Virtual Hard Disks\\${name.replace(/[\\/:*?"<>|\r\n]/g, '_')}.vhdx`, sizeBytes: 40 * GiB, fileSizeBytes: 12 * GiB, passThrough: false }],
    isoPath: '',
    hasSnapshots: false,
  };
}

const VMMS_ADMIN = 'Microsoft-Windows-Hyper-V-VMMS-Admin';
const DAY_MS = 86_400_000;

/** HV01's seeded event history, relative to `now` (lab wording; 20417's text is the TSLM example's). */
function labEventHistory(now: number): LabEvent[] {
  const at = (days: number) => new Date(now - days * DAY_MS).toISOString();
  return [
    { id: 20417, logName: VMMS_ADMIN, timeCreated: at(5), message: "Virtual machine migration operation for 'sql01' completed with an unexpectedly long blackout time of 63.1 seconds." },
    { id: 21502, logName: VMMS_ADMIN, timeCreated: at(10), message: "Virtual machine migration operation for 'web01' failed at migration destination 'HV02'." },
    { id: 21501, logName: VMMS_ADMIN, timeCreated: at(12), message: 'Virtual machine migration operation failed: the virtual machine migration limit "2" was reached, please wait for completion of an ongoing migration operation.' },
    { id: 20417, logName: VMMS_ADMIN, timeCreated: at(45), message: "Virtual machine migration operation for 'web01' completed with an unexpectedly long blackout time of 12.5 seconds." },
  ];
}

/** A lab host's state, or the refusal naming --host when the lab has no such host. */
async function readLabHost(dir: string, host: string): Promise<LabHostState> {
  try {
    return await readJson<LabHostState>(hostFile(dir, host));
  } catch {
    throw new LabInputError('--host', `--host: the lab in '${dir}' has no host '${hostKey(host)}'`);
  }
}

/** Adds events to a lab host's Hyper-V admin logs (Get-WinEvent answers from them). */
export async function seedLabEvents(dir: string, host: string, events: readonly LabEvent[]): Promise<void> {
  const file = hostFile(dir, host);
  const state = await readLabHost(dir, host);
  state.events = [...(state.events ?? []), ...events];
  await writeJsonAtomic(file, state);
}

/** The default lab's imperfections are HV01's and HV02's; further hosts get a ready Kerberos configuration. */
function defaultHosts(names: readonly string[]): LabHostState[] {
  return names.map((name, i) => {
    const h = baseHost(name, i);
    if (i === 0) {
      h.settings.virtualMachineMigrationAuthenticationType = 'CredSSP';
      h.settings.useAnyNetworkForMigration = true;
      h.migrationNetworks = [];
      h.switches = [{ id: randomUUID(), name: 'External-LM', switchType: 'External' }];
      h.vms = [
        newVm('web01', 8, 'External-LM', '10.0'),
        newVm('sql01', 32, 'External-LM', '12.0'),
        newVm('build-agent', 4, 'External-LM', '9.0', 'Off'),
      ];
      const iso = h.vms[2];
      if (iso) {
        iso.isoPath = 'D:\\ISO\\tools.iso';
        // Issue 14 item 5: an Off VM with a checkpoint and a GPU partition (it moves offline).
        iso.hasSnapshots = true;
        iso.gpuPartitionAdapters = 1;
      }
      // sql01 has a virtual TPM and 24 virtual processors: more than one NUMA node of HV02 holds.
      const sql = h.vms[1];
      if (sql) {
        sql.tpmEnabled = true;
        sql.processorCount = 24;
      }
      // Issue 14 item 4: a live-migration SMB bandwidth limit of 250 MB/s caps the SMB option (the
      // model shows it); as a Windows Server 2025 host, HV01's SMB client requires signing.
      h.smb = { bandwidthLimits: [{ category: 'LiveMigration', bytesPerSecond: 250_000_000 }] };
      // Issue 14 item 6: a month of history — a long blackout, a failed move, the limit reached
      // (and a blackout older than the 30 days Ferry reads).
      h.events = labEventHistory(Date.now());
    } else if (i === 1) {
      h.settings.virtualMachineMigrationEnabled = false;
      h.settings.maximumVirtualMachineMigrations = 1;
      h.settings.virtualMachineMigrationPerformanceOption = 'TCPIP';
      // NUMA spanning off: a VM must fit in one of its two nodes (16 processors, 128 GiB each).
      h.numaSpanningEnabled = false;
      h.vms = [newVm('file01', 4, 'External', '9.0')];
      // Issue 14 item 3: the default VHD folder's volume is nearly full; D:\VMs has room, R: is read-only.
      h.volumes = [
        { driveLetter: 'C', label: 'System', sizeBytes: 200 * GiB, freeBytes: 20 * GiB },
        { driveLetter: 'D', label: 'VMs', sizeBytes: 2048 * GiB, freeBytes: 1536 * GiB },
        { driveLetter: 'R', label: 'Archive', sizeBytes: 512 * GiB, freeBytes: 400 * GiB, readOnly: true },
      ];
      h.folders = ['D:\\VMs', 'R:\\VMs'];
    }
    return h;
  });
}

/** The hosts of a lab made without `--hosts`: HV01 and HV02 as the pair, HV03 and HV04 for a group. */
export const DEFAULT_LAB_HOSTS: readonly string[] = ['HV01', 'HV02', 'HV03', 'HV04'];

/** The longest wait the lab models for one set-up or call (a minute: anything longer is a typo). */
const MAX_LINK_MS = 60_000;

/** Refuses a cost that is not a whole number of ms in 0..60,000, naming the option. */
function checkLinkCost(cost: LabLinkCost): LabLinkCost {
  for (const [key, option] of [['connectMs', '--connect-ms'], ['latencyMs', '--latency-ms']] as const) {
    const v = cost[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= MAX_LINK_MS)) {
      throw new LabInputError(option, `${option}: give whole milliseconds from 0 to ${MAX_LINK_MS}`);
    }
  }
  return { ...(cost.connectMs !== undefined ? { connectMs: cost.connectMs } : {}), ...(cost.latencyMs !== undefined ? { latencyMs: cost.latencyMs } : {}) };
}

export interface InitLabOptions extends LabLinkCost {
  readonly hosts?: readonly string[];
  /** checks-kerberos: hosts joined to the child domain LAB_SECOND_DOMAIN instead of the lab's. */
  readonly secondDomainHosts?: readonly string[];
  /** checks-kerberos: hosts whose migration SPNs a stale computer account (`<HOST>-OLD`) also holds. */
  readonly duplicateSpnHosts?: readonly string[];
}

/** Each named host must be one of the lab's; returns their upper-case keys. */
function labHostsArg(names: readonly string[] | undefined, hosts: ReadonlySet<string>, option: string): string[] {
  const keys: string[] = [];
  for (const n of names ?? []) {
    const named = validateHostName(n) === null && (!n.includes('.') || n.toLowerCase().endsWith(`.${LAB_DOMAIN}`));
    if (!named || !hosts.has(hostKey(n))) throw new LabInputError(option, `${option}: '${n.slice(0, 40)}' is not one of the lab's hosts`);
    keys.push(hostKey(n));
  }
  return [...new Set(keys)];
}

export async function initLab(dir: string, opts: InitLabOptions = {}): Promise<{ hosts: string[] }> {
  const names = opts.hosts && opts.hosts.length > 0 ? opts.hosts : DEFAULT_LAB_HOSTS;
  const link = checkLinkCost(opts);
  const seen = new Set<string>();
  for (const n of names) {
    const problem = validateHostName(n);
    if (problem !== null) throw new LabInputError('--hosts', `--hosts: ${problem}`);
    if (n.includes('.') && !n.toLowerCase().endsWith(`.${LAB_DOMAIN}`)) {
      throw new LabInputError('--hosts', `--hosts: lab hosts are short names or names in ${LAB_DOMAIN}`);
    }
    if (/^[\d.]+$/.test(n) || n.includes(':')) throw new LabInputError('--hosts', '--hosts: lab hosts need names, not IP addresses');
    const key = hostKey(n);
    if (key.length > 15) throw new LabInputError('--hosts', `--hosts: '${key}' is longer than 15 characters`);
    if (seen.has(key)) throw new LabInputError('--hosts', `--hosts: '${key}' is listed twice`);
    seen.add(key);
  }
  const secondDomain = labHostsArg(opts.secondDomainHosts, seen, '--second-domain');
  const duplicateSpns = labHostsArg(opts.duplicateSpnHosts, seen, '--duplicate-spn');
  const root = path.resolve(dir);
  await fs.mkdir(path.join(root, 'hosts'), { recursive: true });
  await fs.mkdir(path.join(root, 'faults'), { recursive: true });
  // Start from a clean slate: stale hosts or faults from an earlier lab would leak into this one.
  for (const sub of ['hosts', 'faults']) {
    for (const f of await fs.readdir(path.join(root, sub))) await fs.rm(path.join(root, sub, f), { force: true });
  }
  // A new lab has a new directory: delegation saved for the old hosts must not carry over.
  await fs.rm(path.join(root, LAB_DIRECTORY_FILE), { force: true });
  const config: LabConfig = {
    version: 1,
    domain: LAB_DOMAIN,
    localHost: LAB_WORKSTATION,
    ...(Object.keys(link).length > 0 ? { network: link } : {}),
    ...(duplicateSpns.length > 0 ? { duplicateSpns } : {}),
  };
  await writeJsonAtomic(path.join(root, 'lab.json'), config);
  const hosts = defaultHosts(names);
  for (const h of hosts) if (secondDomain.includes(h.name)) h.domain = LAB_SECOND_DOMAIN;
  for (const h of hosts) await writeJsonAtomic(hostFile(root, h.name), h);
  return { hosts: hosts.map((h) => h.name) };
}

/** Lists the lab's hosts (upper-case short names), or throws when `dir` is not a lab. */
export async function listLabHosts(dir: string): Promise<string[]> {
  await readJson<LabConfig>(path.join(dir, 'lab.json'));
  const files = await fs.readdir(path.join(dir, 'hosts'));
  return files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

export async function addVm(
  dir: string,
  vm: { host: string; name: string; memoryGb: number; switchName?: string; version?: string },
): Promise<LabVm> {
  if (validateHostName(vm.host) !== null) throw new LabInputError('--host', `--host: ${validateHostName(vm.host) ?? ''}`);
  if (vm.name.length === 0 || vm.name.length > 100) throw new LabInputError('--name', '--name: a VM name has 1 to 100 characters');
  if (vm.name.includes('\u0000')) throw new LabInputError('--name', '--name: a VM name cannot contain NUL');
  if (!Number.isFinite(vm.memoryGb) || vm.memoryGb <= 0 || vm.memoryGb > 24 * 1024) {
    throw new LabInputError('--memory-gb', '--memory-gb: give a number of GiB between 0 and 24576');
  }
  if (vm.version !== undefined && !/^\d{1,2}\.\d{1,2}$/.test(vm.version)) {
    throw new LabInputError('--version', "--version: a configuration version looks like '10.0'");
  }
  const file = hostFile(dir, vm.host);
  const state = await readLabHost(dir, vm.host);
  if (state.vms.some((v) => v.name === vm.name)) {
    throw new LabInputError('--name', `--name: host ${state.name} already has a VM with that name`);
  }
  const switchName = vm.switchName ?? state.switches[0]?.name ?? '';
  const created = newVm(vm.name, vm.memoryGb, switchName, vm.version ?? state.defaultVersion);
  state.vms.push(created);
  await writeJsonAtomic(file, state);
  return created;
}

/**
 * Replaces the members of one local group (found by SID) on a lab host — the state switch tests
 * and demos use to take the operator out of Hyper-V Administrators, or to rename the group as a
 * localized Windows would ("Hyper-V-Administratoren").
 */
export async function setLocalGroup(
  dir: string,
  host: string,
  sid: string,
  change: { members?: readonly LabLocalGroupMember[]; name?: string },
): Promise<LabLocalGroup> {
  const file = hostFile(dir, host);
  const state = await readLabHost(dir, host);
  const groups = state.localGroups ?? defaultLocalGroups(state.name);
  const group = groups.find((g) => g.sid === sid);
  if (!group) throw new LabInputError('--sid', `--sid: host ${state.name} has no local group ${sid}`);
  if (change.members !== undefined) group.members = [...change.members];
  if (change.name !== undefined) group.name = change.name;
  state.localGroups = groups;
  await writeJsonAtomic(file, state);
  return group;
}

/** Switches the lab's display language (error texts, local group classes), as a German Windows would show them. */
export async function setLabLocale(dir: string, locale: LabLocale): Promise<void> {
  const file = path.join(dir, 'lab.json');
  const config = await readJson<LabConfig>(file);
  await writeJsonAtomic(file, { ...config, locale });
}

/**
 * Sets what reaching lab hosts costs: the defaults for every host, or one host's own values
 * (`host`). Takes effect at the next cmdlet call of any process (the module re-reads lab.json
 * when it changes).
 */
export async function setLabNetwork(dir: string, cost: LabLinkCost, host?: string): Promise<void> {
  const checked = checkLinkCost(cost);
  const file = path.join(dir, 'lab.json');
  const config = await readJson<LabConfig>(file);
  const network = config.network ?? {};
  let next: LabConfig['network'];
  if (host === undefined) {
    next = { ...network, ...checked };
  } else {
    const key = hostKey(host);
    await fs.access(hostFile(dir, key)).catch(() => {
      throw new LabInputError('--host', `--host: the lab in '${dir}' has no host '${key}'`);
    });
    next = { ...network, hosts: { ...(network.hosts ?? {}), [key]: { ...(network.hosts?.[key] ?? {}), ...checked } } };
  }
  await writeJsonAtomic(file, { ...config, network: next });
}

/** Sets how fast lab live migrations run: `scale` lab seconds per model second (tests: 0.01–0.1). */
export async function setLabTimeScale(dir: string, scale: number): Promise<void> {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new LabInputError('--time-scale', '--time-scale: give a number above 0 and at most 100');
  const file = path.join(dir, 'lab.json');
  const config = await readJson<LabConfig>(file);
  await writeJsonAtomic(file, { ...config, timeScale: scale });
}

/** The lab's time scale for live migrations (lab.json `timeScale`, default 1). */
export async function labTimeScale(dir: string): Promise<number> {
  const config = await readJson<LabConfig>(path.join(dir, 'lab.json'));
  return typeof config.timeScale === 'number' && config.timeScale > 0 ? config.timeScale : 1;
}
