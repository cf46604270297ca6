/**
 * The options `ferry plan` and `ferry apply` share, turned into validated desired settings,
 * and the read-then-plan sequence both commands run.
 *
 * A setting the user does not give is kept as each host has it (a per-host override built from
 * what was read), except authentication, which defaults to Kerberos: hosts with different
 * authentication types cannot migrate between each other, and Kerberos (with constrained
 * delegation) is the one that works from a management workstation.
 */
import type { DesiredSettings, HostFacts, MigrationNetwork, Plan } from '../core/model';
import { PlanInputError } from '../core/plan/build-plan';
import { recommend } from '../core/settings/recommend';
import { recommendGroup } from '../core/settings/recommend-group';
import { validateSubnetInput } from '../core/settings/subnet';
import { planGroup } from '../engine/plan-group';
import { readHosts } from '../engine/read-hosts';
import type { ScriptRunner } from '../engine/script-runner';
import { ArgError, choiceArg, hostArg, intArg, stringArg, type ArgSpec, type ParsedArgs } from './args';
import { GROUP_HOSTS_SPEC, groupHostsArg, refusePairWithGroup } from './group-args';
import { printable } from './output';

export const SETTINGS_SPEC: ArgSpec = {
  source: { type: 'string' },
  destination: { type: 'string' },
  ...GROUP_HOSTS_SPEC,
  'host-network': { type: 'string', multiple: true },
  auth: { type: 'string' },
  performance: { type: 'string' },
  'max-migrations': { type: 'string' },
  'max-storage-migrations': { type: 'string' },
  network: { type: 'string', multiple: true },
  'any-network': { type: 'boolean' },
  recommended: { type: 'boolean' },
  lab: { type: 'string' },
  json: { type: 'boolean' },
  script: { type: 'string' },
};

interface SettingsRequest {
  /** The group's hosts; a pair is `[source, destination]`. */
  readonly hosts: readonly string[];
  readonly given: Partial<DesiredSettings>;
  /** `--host-network HOST=<subnet>[,<priority>]`: the networks one host accepts, by host. */
  readonly hostNetworks: Readonly<Record<string, readonly MigrationNetwork[]>>;
  /** `--recommended`: the pair's or the group's recommendation (core/settings/recommend*.ts) under the given options. */
  readonly recommended: boolean;
}

/** `<subnet>[,<priority>]`; the subnet is parsed, the priority is decimal digits only. */
function parseNetworkArg(text: string): MigrationNetwork {
  const parts = text.split(',');
  if (parts.length > 2) throw new ArgError('--network', `'${printable(text)}' must be <subnet>[,<priority>]`);
  const checked = validateSubnetInput(parts[0] ?? '');
  if ('message' in checked) throw new ArgError('--network', `'${printable(parts[0] ?? '')}' ${checked.message}`);
  let priority = 0;
  if (parts[1] !== undefined) {
    if (!/^\d{1,10}$/.test(parts[1]) || Number(parts[1]) > 0xffffffff) {
      throw new ArgError('--network', `priority '${printable(parts[1])}' must be a whole number from 0 to 4294967295`);
    }
    priority = Number(parts[1]);
  }
  return { subnet: checked.canonical, priority };
}

/** `HOST=<subnet>[,<priority>]`, the host one of the group. */
function parseHostNetworks(args: ParsedArgs, hosts: readonly string[]): Record<string, MigrationNetwork[]> {
  const out: Record<string, MigrationNetwork[]> = {};
  for (const text of args.values.get('host-network') ?? []) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new ArgError('--host-network', `'${printable(text)}' must be <host>=<subnet>[,<priority>]`);
    const name = text.slice(0, eq);
    const host = hosts.find((h) => h.toLowerCase() === name.toLowerCase());
    if (host === undefined) throw new ArgError('--host-network', `'${printable(name)}' is not one of the hosts`);
    const network = parseNetworkArg(text.slice(eq + 1));
    const list = (out[host] ??= []);
    if (list.some((n) => n.subnet === network.subnet)) throw new ArgError('--host-network', `${network.subnet} is given twice for ${host}`);
    list.push(network);
  }
  return out;
}

async function hostsOf(args: ParsedArgs): Promise<string[]> {
  const group = await groupHostsArg(args);
  if (group !== undefined) {
    refusePairWithGroup(args);
    return group;
  }
  const source = hostArg(args, 'source');
  const destination = hostArg(args, 'destination');
  if (source.toLowerCase() === destination.toLowerCase()) throw new ArgError('--destination', 'must differ from --source');
  return [source, destination];
}

export async function parseSettingsRequest(args: ParsedArgs): Promise<SettingsRequest> {
  const hosts = await hostsOf(args);
  const given: { -readonly [K in keyof DesiredSettings]?: DesiredSettings[K] } = {
    virtualMachineMigrationEnabled: true,
    virtualMachineMigrationAuthenticationType: choiceArg(args, 'auth', ['Kerberos', 'CredSSP'] as const) ?? 'Kerberos',
  };
  const perf = choiceArg(args, 'performance', ['TCPIP', 'Compression', 'SMB'] as const);
  if (perf !== undefined) given.virtualMachineMigrationPerformanceOption = perf;
  const live = intArg(args, 'max-migrations', 1, 64);
  if (live !== undefined) given.maximumVirtualMachineMigrations = live;
  const storage = intArg(args, 'max-storage-migrations', 1, 64);
  if (storage !== undefined) given.maximumStorageMigrations = storage;
  const networks = args.values.get('network') ?? [];
  const any = args.switches.has('any-network');
  if (any && networks.length > 0) throw new ArgError('--any-network', 'cannot be combined with --network');
  if (networks.length > 64) throw new ArgError('--network', 'at most 64 networks');
  if (any) given.networks = 'any';
  else if (networks.length > 0) {
    const list = networks.map((n) => parseNetworkArg(n));
    const seen = new Set<string>();
    for (const n of list) {
      if (seen.has(n.subnet)) throw new ArgError('--network', `${n.subnet} is given twice`);
      seen.add(n.subnet);
    }
    given.networks = list;
  }
  const script = stringArg(args, 'script');
  if (script !== undefined && (script.length === 0 || script.includes('\0'))) throw new ArgError('--script', 'is not a usable file name');
  const hostNetworks = parseHostNetworks(args, hosts);
  if (any && Object.keys(hostNetworks).length > 0) throw new ArgError('--host-network', 'cannot be combined with --any-network');
  const recommended = args.switches.has('recommended');
  if (recommended && args.values.get('auth') === undefined) delete given.virtualMachineMigrationAuthenticationType;
  return { hosts, given, hostNetworks, recommended };
}

/**
 * Fields not given keep each host's current value (valid placeholders for unreadable hosts); a
 * host's `--host-network` list is its own.
 */
function desiredFor(given: Partial<DesiredSettings>, hostNetworks: SettingsRequest['hostNetworks'], facts: readonly HostFacts[]) {
  const desired: DesiredSettings = {
    virtualMachineMigrationEnabled: true,
    maximumVirtualMachineMigrations: 2,
    maximumStorageMigrations: 2,
    virtualMachineMigrationAuthenticationType: 'Kerberos',
    virtualMachineMigrationPerformanceOption: 'Compression',
    networks: 'any',
    ...given,
  };
  const perHost: Record<string, Partial<DesiredSettings>> = {};
  for (const f of facts) {
    const s = f.settings;
    const own = Object.entries(hostNetworks).find(([h]) => h.toLowerCase() === f.computerName.toLowerCase())?.[1];
    const keep: { -readonly [K in keyof DesiredSettings]?: DesiredSettings[K] } = {};
    if (own !== undefined) keep.networks = own.map((n) => ({ ...n }));
    if (s) {
      if (given.maximumVirtualMachineMigrations === undefined) keep.maximumVirtualMachineMigrations = Math.min(64, Math.max(1, s.maximumVirtualMachineMigrations));
      if (given.maximumStorageMigrations === undefined) keep.maximumStorageMigrations = Math.min(64, Math.max(1, s.maximumStorageMigrations));
      if (given.virtualMachineMigrationPerformanceOption === undefined) keep.virtualMachineMigrationPerformanceOption = s.virtualMachineMigrationPerformanceOption;
      if (given.networks === undefined && own === undefined) {
        keep.networks = s.useAnyNetworkForMigration || s.migrationNetworks.length === 0 ? 'any' : s.migrationNetworks.map((n) => ({ ...n }));
      }
    }
    if (Object.keys(keep).length > 0) perHost[f.computerName] = keep;
  }
  return { desired, perHost };
}

/** The recommendation for the pair or group read, with the options given on top (one value for every host). */
function recommendedFor(given: Partial<DesiredSettings>, hostNetworks: SettingsRequest['hostNetworks'], facts: readonly HostFacts[]) {
  const recommendation = facts.length === 2 ? recommend(facts[0], facts[1]) : recommendGroup(facts);
  const desired: DesiredSettings = { ...recommendation.desired, ...given };
  const perHost: Record<string, Partial<DesiredSettings>> = {};
  for (const [host, networks] of Object.entries(hostNetworks)) perHost[host] = { networks: networks.map((n) => ({ ...n })) };
  return { desired, perHost };
}

export async function readAndPlan(runner: ScriptRunner, request: SettingsRequest): Promise<{ facts: HostFacts[]; plan: Plan }> {
  const desired = request.recommended ? recommendedFor : desiredFor;
  try {
    return await planGroup(
      { readHosts: (names) => readHosts(runner, names) },
      { hosts: request.hosts, desired: (facts) => desired(request.given, request.hostNetworks, facts) },
    );
  } catch (error) {
    // A host's own current value can be outside what Ferry accepts (e.g. a subnet it reports
    // with host bits); say so instead of crashing.
    if (error instanceof PlanInputError) throw new Error(`cannot plan: ${error.message}`);
    throw error;
  }
}
