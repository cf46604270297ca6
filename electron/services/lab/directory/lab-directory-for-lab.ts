/**
 * The lab directory of one lab folder, kept across runs: computer objects for the folder's hosts
 * (from `hosts/*.json`), saved to `<labDir>/directory.json` after every successful modify and
 * loaded on the next start. So delegation written by one `ferry` run is seen by the next, and by
 * the app after a restart — as it would be in a real domain.
 *
 * Hosts added to the lab after the directory was saved get their computer objects on the next
 * start; accounts of hosts that left the lab stay (AD keeps a computer object when the server
 * goes away, too). `ferry lab init` deletes the file, so a new lab starts with a clean directory.
 * The file holds directory entries only — never the bind password, which lives in memory.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LAB_DIRECTORY_FILE, LAB_DOMAIN, listLabHosts } from '../lab-init';
import { hostFile, readJson, type LabConfig, type LabHostState } from '../lab-state';
import { addBindUserEntries, addDomainEntries, addHostEntries, baseDnOf, buildStore, hyperVSpns, LAB_DIRECTORY_DOMAIN_SID, startLabDirectory, type LabDirectory, type LabHost } from './lab-directory';
import { LabStore, makeEntry } from './lab-store';

export interface LabDirectoryForLabOptions {
  /** Bind password; default a random one per start. Tests use a recognisable one. */
  readonly password?: string;
  /** Extra computer objects with no simulated host behind them (the UI's 5,000-host test). */
  readonly extraHosts?: readonly LabHost[];
}

const SavedDirectorySchema = z.object({
  version: z.literal(1),
  domain: z.string().min(1),
  entries: z.array(z.object({ dn: z.string().min(1), attributes: z.record(z.string(), z.array(z.string())) })),
});
type SavedDirectory = z.infer<typeof SavedDirectorySchema>;

/** Windows Server release names by build number (what `operatingSystem` says in AD). */
const RELEASES: Readonly<Record<string, string>> = {
  '14393': 'Windows Server 2016 Datacenter',
  '17763': 'Windows Server 2019 Datacenter',
  '20348': 'Windows Server 2022 Datacenter',
  '26100': 'Windows Server 2025 Datacenter',
};

/** `10.0.20348` → AD's `operatingSystem` / `operatingSystemVersion` pair. */
export function adOperatingSystem(osVersion: string | undefined): { os: string; osVersion: string } {
  const m = /^(\d+\.\d+)\.(\d+)/.exec(osVersion ?? '');
  if (!m) return { os: 'Windows Server 2022 Datacenter', osVersion: '10.0 (20348)' };
  const build = m[2] as string;
  return { os: RELEASES[build] ?? 'Windows Server Datacenter', osVersion: `${m[1] as string} (${build})` };
}

/** The computer account a lab host has: FQDN in the lab domain, HOST and Hyper-V SPNs, an SCP. */
export function labHostAccount(name: string, domain: string, osVersion?: string, objectSid?: string): LabHost {
  const fqdn = `${name.toLowerCase()}.${domain}`;
  return { name, dnsHostName: fqdn, ...adOperatingSystem(osVersion), spns: hyperVSpns(name, fqdn), scp: true, ...(objectSid !== undefined ? { objectSid } : {}) };
}

// ---- checks-kerberos (issue 14 item 1): a child domain and stale accounts holding SPNs ----
/** The child domain's SID (lab only), beside the lab domain's LAB_DIRECTORY_DOMAIN_SID. */
const LAB_SECOND_DOMAIN_SID = 'S-1-5-21-3000-3000-3000';

/** The domain a lab host's account lives in: its own (`hosts/<H>.json`) when that is the lab's or a child of it. */
function hostDomainOf(labDomain: string, own: string | undefined): string {
  const d = (own ?? '').toLowerCase();
  return d === labDomain || d.endsWith(`.${labDomain}`) ? d : labDomain;
}

/** A computer account `<HOST>-OLD` (disabled, no Hyper-V SCP) still holding HOST's migration SPNs: the duplicate-SPN defect. */
function staleAccountFor(name: string, fqdn: string): LabHost {
  const migration = hyperVSpns(name, fqdn).filter((s) => s.startsWith('Microsoft Virtual System Migration Service/'));
  return { name: `${name}-OLD`, ...adOperatingSystem(undefined), spns: migration, scp: false, userAccountControl: 0x1002 };
}
// ---- end checks-kerberos ----

export function labDirectoryFile(labDir: string): string {
  return path.join(labDir, LAB_DIRECTORY_FILE);
}

function serialize(store: LabStore, domain: string): SavedDirectory {
  return {
    version: 1,
    domain,
    entries: store.all().map((e) => ({ dn: e.dn, attributes: Object.fromEntries([...e.attrs.values()].map((a) => [a.name, [...a.values]])) })),
  };
}

/** Temp file + rename, so a reader never sees half a file; a failed write leaves no temp behind. */
async function writeAtomic(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(tmp, JSON.stringify(value, null, 1), 'utf8');
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

async function loadSaved(file: string, domain: string): Promise<LabStore | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  let saved: SavedDirectory;
  try {
    saved = SavedDirectorySchema.parse(JSON.parse(text));
  } catch {
    // Refuse rather than silently start empty: that would drop delegation the user set up.
    throw new Error(`The lab directory file ${file} is damaged. Delete it (or run \`ferry lab init\`) to start the lab directory afresh.`);
  }
  // Saved for another domain (an older lab in the same folder): start from the hosts again.
  if (saved.domain.toLowerCase() !== domain) return undefined;
  const store = new LabStore();
  for (const e of saved.entries) store.add(makeEntry(e.dn, e.attributes));
  return store;
}

async function hostState(labDir: string, name: string): Promise<Partial<LabHostState>> {
  try {
    return await readJson<LabHostState>(hostFile(labDir, name));
  } catch {
    return {};
  }
}

/**
 * Starts the lab directory for `labDir` (throws when it is not a lab folder). Same result shape
 * as `startLabDirectory`; `stop()` waits for the last save.
 */
export async function startLabDirectoryForLab(labDir: string, options: LabDirectoryForLabOptions = {}): Promise<LabDirectory> {
  const names = await listLabHosts(labDir);
  const config = await readJson<LabConfig>(path.join(labDir, 'lab.json'));
  const domain = (typeof config.domain === 'string' && config.domain !== '' ? config.domain : LAB_DOMAIN).toLowerCase();
  const baseDn = baseDnOf(domain);
  const file = labDirectoryFile(labDir);

  const loaded = await loadSaved(file, domain);
  const store = loaded ?? buildStore([], domain, baseDn);
  let added = loaded === undefined;
  if (loaded !== undefined && !store.get(`CN=Users,${baseDn}`)) {
    addBindUserEntries(store, domain, baseDn);
    added = true;
  }
  const duplicateSpns = new Set((config.duplicateSpns ?? []).map((h) => h.toUpperCase()));
  for (const [i, name] of names.entries()) {
    const state = await hostState(labDir, name);
    const hostDomain = hostDomainOf(domain, state.domain);
    const hostBase = baseDnOf(hostDomain);
    if (store.get(`CN=${name},CN=Computers,${hostBase}`)) continue;
    if (hostDomain !== domain) addDomainEntries(store, hostDomain);
    const sid = `${hostDomain === domain ? LAB_DIRECTORY_DOMAIN_SID : LAB_SECOND_DOMAIN_SID}-${1200 + i}`;
    addHostEntries(store, labHostAccount(name, hostDomain, state.osVersion, sid), hostBase);
    if (duplicateSpns.has(name.toUpperCase())) addHostEntries(store, staleAccountFor(name, `${name.toLowerCase()}.${hostDomain}`), hostBase);
    added = true;
  }
  for (const host of options.extraHosts ?? []) {
    if (store.get(`CN=${host.name},CN=Computers,${baseDn}`)) continue;
    addHostEntries(store, host, baseDn);
    added = true;
  }

  // Saves run one after another, each writing the newest state (temp file + rename).
  let queue: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    const next = queue.then(() => writeAtomic(file, serialize(store, domain)));
    queue = next.catch(() => undefined);
    return next;
  };
  if (added) await save();

  const directory = await startLabDirectory({
    hosts: [],
    domain,
    store,
    afterModify: save,
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  return {
    url: directory.url,
    baseDn: directory.baseDn,
    bindUser: directory.bindUser,
    password: directory.password,
    stop: async () => {
      await directory.stop();
      await queue;
    },
  };
}
