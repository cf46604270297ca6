/**
 * What the migration test gathers for a group — once per host, not once per pair — and the
 * per-pair view (`MigrationFacts`) the preflight rules read.
 *
 * Host facts, computer accounts, the operator's rights and the workstation's WinRM probes belong
 * to a host; the 6600/445 probes and Compare-VM reports belong to an ordered pair. Gathering is
 * the engine's job; this module only indexes and slices.
 */
import type { AuthenticationType, ComputerAccount, HostFacts, StorageTarget } from '../model';
import type { MigrationFacts, OperatorFacts, PortCheck, SpnHolding, StartMode, VmCheckSkip, VmCompatibilityReport } from '../preflight/facts';
import { hostKey, type OrderedPair } from './group';

export interface GroupFacts {
  /** Every host of the group, read once (a host that could not be read has a non-ok status). */
  readonly hosts: readonly HostFacts[];
  /** Computer accounts by `hostKey`; a host without an entry was not found (or not asked). */
  readonly accounts: ReadonlyMap<string, ComputerAccount>;
  /** A directory answered for every host (distinguishes "not found" from "not asked"). */
  readonly directoryAvailable: boolean;
  readonly operator?: OperatorFacts;
  /** Every probe made: workstation → host (WinRM) and source → destination (6600, 445). */
  readonly portChecks: readonly PortCheck[];
  /** Compare-VM reports by `pairKey`; a pair without an entry had no Compare-VM run. */
  readonly vmReports: ReadonlyMap<string, readonly VmCompatibilityReport[]>;
  /**
   * Why Compare-VM was not run for a pair (by `pairKey`), when Ferry could tell beforehand that
   * Hyper-V would refuse it, or chose not to run it (group size).
   */
  readonly vmChecksSkipped?: ReadonlyMap<string, VmCheckSkip>;
  readonly dnsDomain?: string;
  readonly trustedDomains?: readonly string[];
  /** With storage: each destination's target folder and its volume, by `hostKey` (issue 14 item 3). */
  readonly storageTargets?: ReadonlyMap<string, StorageTarget>;
  /** Holders of each host's migration and cifs SPNs, by `hostKey` (issue 14 item 1); absent = not read. */
  readonly spnHolders?: ReadonlyMap<string, readonly SpnHolding[]>;
}

/** What the operator asked the test to assume: the same for every pair of a run. */
export interface GroupTestChoices {
  readonly authentication: AuthenticationType;
  readonly startMode: StartMode;
  readonly includeStorage?: boolean;
  /**
   * The VMs to check on each source: `all` = every VM the source runs; a list = those names
   * (in a pair test a name the source lacks is a finding; in a group it belongs to another host).
   */
  readonly vms: 'all' | readonly string[];
  /** Keep names the source lacks (the pair test's "VM not found"), instead of skipping them. */
  readonly strictVmNames?: boolean;
}

export const pairKey = (source: string, destination: string): string => `${hostKey(source)}>${hostKey(destination)}`;

/** Indexes built once per run so that slicing a pair costs O(what the pair owns). */
export interface GroupIndex {
  readonly facts: GroupFacts;
  readonly hostByKey: ReadonlyMap<string, HostFacts>;
  readonly probesByEnds: ReadonlyMap<string, readonly PortCheck[]>;
}

export function indexGroup(facts: GroupFacts): GroupIndex {
  const hostByKey = new Map(facts.hosts.map((h) => [hostKey(h.computerName), h]));
  const probesByEnds = new Map<string, PortCheck[]>();
  for (const c of facts.portChecks) {
    const key = pairKey(c.from, c.target);
    const list = probesByEnds.get(key);
    if (list) list.push(c);
    else probesByEnds.set(key, [c]);
  }
  return { facts, hostByKey, probesByEnds };
}

const unread = (name: string): HostFacts => ({
  computerName: name,
  status: 'error',
  error: { code: 'not-read', message: `${name} was not read.`, target: name },
});

function vmNamesFor(source: HostFacts, choices: GroupTestChoices): string[] {
  const present = (source.vms ?? []).map((v) => v.name);
  if (choices.vms === 'all') return present;
  const wanted = [...new Set(choices.vms)];
  if (choices.strictVmNames === true) return wanted;
  const have = new Set(present.map((n) => n.toLowerCase()));
  return wanted.filter((n) => have.has(n.toLowerCase()));
}

/**
 * The facts of one ordered pair. `bothDirections` says whether the reverse pair is part of the
 * same run (then delegation is checked both ways, as the pair test always did when asked).
 */
export function pairFacts(index: GroupIndex, pair: OrderedPair, choices: GroupTestChoices, bothDirections: boolean): MigrationFacts {
  const { facts } = index;
  const source = index.hostByKey.get(hostKey(pair.source)) ?? unread(pair.source);
  const destination = index.hostByKey.get(hostKey(pair.destination)) ?? unread(pair.destination);
  const sourceAccount = facts.accounts.get(hostKey(pair.source));
  const destinationAccount = facts.accounts.get(hostKey(pair.destination));
  const key = pairKey(pair.source, pair.destination);
  const portChecks = [
    ...(index.probesByEnds.get(key) ?? []),
    ...(index.probesByEnds.get(pairKey('WORKSTATION', pair.source)) ?? []),
    ...(index.probesByEnds.get(pairKey('WORKSTATION', pair.destination)) ?? []),
  ];
  const skipped = facts.vmChecksSkipped?.get(key);
  const storage = choices.includeStorage === true ? facts.storageTargets?.get(hostKey(pair.destination)) : undefined;
  const dnsDomain = facts.dnsDomain ?? source.domain;
  return {
    source,
    destination,
    ...(sourceAccount ? { sourceAccount } : {}),
    ...(destinationAccount ? { destinationAccount } : {}),
    directoryAvailable: facts.directoryAvailable,
    authentication: choices.authentication,
    vmNames: vmNamesFor(source, choices),
    vmReports: facts.vmReports.get(key) ?? [],
    ...(skipped !== undefined ? { vmChecksSkipped: skipped } : {}),
    portChecks,
    startMode: choices.startMode,
    bothDirections,
    ...(choices.includeStorage !== undefined ? { includeStorage: choices.includeStorage } : {}),
    ...(storage !== undefined ? { destinationStorage: storage } : {}),
    ...(facts.operator ? { operator: facts.operator } : {}),
    ...(dnsDomain !== undefined ? { dnsDomain } : {}),
    ...(facts.trustedDomains ? { trustedDomains: facts.trustedDomains } : {}),
    ...(facts.spnHolders ? { spnHolders: [...(facts.spnHolders.get(hostKey(pair.source)) ?? []), ...(facts.spnHolders.get(hostKey(pair.destination)) ?? [])] } : {}),
  };
}
