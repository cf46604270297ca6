/**
 * Delegation plans: diff what each source account holds against what live migration needs and
 * produce value-level LDAP steps (add/delete single values, UAC swap) plus warnings.
 *
 * Pure: the accounts come in as read from the directory; nothing here touches LDAP.
 */
import type { ComputerAccount, PlanStep, PlanWarning } from '../model';
import { hasMigrationSpn, holds, requiredEntries, sameEntry, shortName } from './entries';
import { crossDomain } from './domains';
import { planWarning } from '../plan/plan-warning';
import {
  UF_TRUSTED_FOR_DELEGATION,
  UF_TRUSTED_TO_AUTH_FOR_DELEGATION,
  hasFlag,
  withFlag,
  withoutFlag,
} from './uac';

export const DELEGATION_ATTRIBUTE = 'msDS-AllowedToDelegateTo';
export const UAC_ATTRIBUTE = 'userAccountControl';
const KLIST_PURGE_COMMAND = 'klist purge -li 0x3e7';

export interface DirectedPair {
  readonly source: ComputerAccount;
  readonly destination: ComputerAccount;
}

interface DelegationPlan {
  readonly steps: PlanStep[];
  readonly warnings: PlanWarning[];
}

interface PlanOptions {
  readonly dnsDomain: string;
  /** Add the optional `klist purge -li 0x3e7` step for every host whose account changed. */
  readonly includeKlistPurge?: boolean;
}

/** source → destination, and destination → source unless `bothDirections` is false. */
export function pairsFor(source: ComputerAccount, destination: ComputerAccount, bothDirections = true): DirectedPair[] {
  return bothDirections ? [{ source, destination }, { source: destination, destination: source }] : [{ source, destination }];
}

/** Every ordered pair of distinct hosts: the full mesh for N hosts. */
export function meshPairs(hosts: readonly ComputerAccount[]): DirectedPair[] {
  const pairs: DirectedPair[] = [];
  for (const source of hosts) {
    for (const destination of hosts) {
      if (source.dn.toLowerCase() !== destination.dn.toLowerCase()) pairs.push({ source, destination });
    }
  }
  return pairs;
}

const ldif = (dn: string, op: 'add' | 'delete', attribute: string, value: string | number): string =>
  `dn: ${dn}\nchangetype: modify\n${op}: ${attribute}\n${attribute}: ${value}\n-`;

const uacSwap = (dn: string, from: number, to: number): string =>
  `dn: ${dn}\nchangetype: modify\ndelete: ${UAC_ATTRIBUTE}\n${UAC_ATTRIBUTE}: ${from}\n-\nadd: ${UAC_ATTRIBUTE}\n${UAC_ATTRIBUTE}: ${to}\n-`;

function delegationAddStep(account: ComputerAccount, value: string): PlanStep {
  return {
    id: `delegation-add:${shortName(account)}:${value}`,
    kind: 'delegation-add',
    target: shortName(account),
    setting: DELEGATION_ATTRIBUTE,
    before: null,
    after: value,
    command: ldif(account.dn, 'add', DELEGATION_ATTRIBUTE, value),
    inverseCommand: ldif(account.dn, 'delete', DELEGATION_ATTRIBUTE, value),
    channel: 'ldap',
    optional: false,
  };
}

function delegationRemoveStep(account: ComputerAccount, value: string): PlanStep {
  return {
    id: `delegation-remove:${shortName(account)}:${value}`,
    kind: 'delegation-remove',
    target: shortName(account),
    setting: DELEGATION_ATTRIBUTE,
    before: value,
    after: null,
    command: ldif(account.dn, 'delete', DELEGATION_ATTRIBUTE, value),
    inverseCommand: ldif(account.dn, 'add', DELEGATION_ATTRIBUTE, value),
    channel: 'ldap',
    optional: false,
  };
}

function uacStep(account: ComputerAccount, before: number, after: number): PlanStep {
  return {
    id: `uac-set:${shortName(account)}:${after}`,
    kind: 'uac-set',
    target: shortName(account),
    setting: UAC_ATTRIBUTE,
    before,
    after,
    command: uacSwap(account.dn, before, after),
    inverseCommand: uacSwap(account.dn, after, before),
    channel: 'ldap',
    optional: false,
  };
}

export function klistPurgeStep(host: string): PlanStep {
  return {
    id: `klist-purge:${host}`,
    kind: 'klist-purge',
    target: host,
    setting: 'kerberosTickets',
    before: null,
    after: null,
    command: KLIST_PURGE_COMMAND,
    inverseCommand: '',
    channel: 'powershell',
    optional: true,
  };
}

function pushUnique(warnings: PlanWarning[], w: PlanWarning): void {
  if (!warnings.some((x) => x.code === w.code && x.target === w.target && x.message === w.message)) warnings.push(w);
}

/** Groups pairs by source account (keeps first-seen order) so each account gets one UAC step. */
function bySource(pairs: readonly DirectedPair[]): Map<string, { source: ComputerAccount; destinations: ComputerAccount[] }> {
  const groups = new Map<string, { source: ComputerAccount; destinations: ComputerAccount[] }>();
  for (const { source, destination } of pairs) {
    const key = source.dn.toLowerCase();
    const group = groups.get(key) ?? { source, destinations: [] };
    group.destinations.push(destination);
    groups.set(key, group);
  }
  return groups;
}

/**
 * The apply plan: for each source, the missing entries (one step each), then the UAC flag if it
 * is not set. Entries already held (in any letter case) produce no step, so re-applying is empty.
 */
export function planDelegation(pairs: readonly DirectedPair[], options: PlanOptions): DelegationPlan {
  const steps: PlanStep[] = [];
  const purge: PlanStep[] = [];
  const warnings: PlanWarning[] = [];
  for (const { source, destinations } of bySource(pairs).values()) {
    if (hasFlag(source.userAccountControl, UF_TRUSTED_FOR_DELEGATION)) {
      pushUnique(warnings, planWarning('unconstrained-delegation', source.name));
    }
    const planned: string[] = [];
    for (const destination of destinations) {
      // Across domains msDS-AllowedToDelegateTo does nothing (issue 14 item 1): no entries, say why.
      const domains = crossDomain(source, destination);
      if (domains !== undefined) {
        pushUnique(warnings, planWarning('cross-domain', source.name, { to: destination.name, ...domains }));
        continue;
      }
      const { entries, warnings: entryWarnings } = requiredEntries(destination, options.dnsDomain);
      entryWarnings.forEach((w) => pushUnique(warnings, w));
      if (!hasMigrationSpn(destination, options.dnsDomain)) {
        pushUnique(warnings, planWarning('missing-spn', destination.name));
      }
      for (const entry of entries) {
        if (holds(source.allowedToDelegateTo, entry) === undefined && !planned.some((p) => sameEntry(p, entry))) {
          planned.push(entry);
          steps.push(delegationAddStep(source, entry));
        }
      }
    }
    let changed = planned.length > 0;
    if (!hasFlag(source.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION)) {
      steps.push(uacStep(source, source.userAccountControl, withFlag(source.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION)));
      changed = true;
    }
    if (changed && options.includeKlistPurge) purge.push(klistPurgeStep(shortName(source)));
  }
  return { steps: [...steps, ...purge], warnings };
}

interface RemoveOptions extends PlanOptions {
  /** From the audit log: did Ferry set TRUSTED_TO_AUTH_FOR_DELEGATION on this account? */
  readonly ferrySetFlag: (account: ComputerAccount) => boolean;
}

/**
 * The removal plan: deletes only Ferry's four entries per pair (as the directory spells them),
 * and clears the flag only when no constrained-delegation entry would be left and Ferry set it.
 */
export function planDelegationRemoval(pairs: readonly DirectedPair[], options: RemoveOptions): DelegationPlan {
  const steps: PlanStep[] = [];
  const purge: PlanStep[] = [];
  const warnings: PlanWarning[] = [];
  for (const { source, destinations } of bySource(pairs).values()) {
    const removed: string[] = [];
    for (const destination of destinations) {
      const { entries, warnings: entryWarnings } = requiredEntries(destination, options.dnsDomain);
      entryWarnings.forEach((w) => pushUnique(warnings, w));
      for (const entry of entries) {
        const held = holds(source.allowedToDelegateTo, entry);
        if (held !== undefined && !removed.includes(held)) {
          removed.push(held);
          steps.push(delegationRemoveStep(source, held));
        }
      }
    }
    const left = source.allowedToDelegateTo.filter((v) => !removed.includes(v));
    let changed = removed.length > 0;
    if (hasFlag(source.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION)) {
      if (left.length === 0 && options.ferrySetFlag(source)) {
        steps.push(uacStep(source, source.userAccountControl, withoutFlag(source.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION)));
        changed = true;
      } else {
        pushUnique(warnings, planWarning('flag-kept', source.name, left.length > 0 ? { reason: 'still-delegates', count: left.length } : { reason: 'not-set-by-ferry' }));
      }
    }
    if (changed && options.includeKlistPurge) purge.push(klistPurgeStep(shortName(source)));
  }
  return { steps: [...steps, ...purge], warnings };
}

type DelegationState = 'none' | 'partial' | 'complete';

/**
 * The peers' required entries, indexed once: how often each lower-cased entry is needed across
 * all peers, and which entries each peer (by lower-cased DN) contributes, so an account's own
 * entries can be left out without rescanning the peers.
 */
interface PeerIndex {
  readonly needed: ReadonlyMap<string, number>;
  readonly total: number;
  readonly byDn: ReadonlyMap<string, readonly string[]>;
}

function indexPeers(peers: readonly ComputerAccount[], dnsDomain: string): PeerIndex {
  const needed = new Map<string, number>();
  const byDn = new Map<string, string[]>();
  let total = 0;
  for (const peer of peers) {
    const entries = requiredEntries(peer, dnsDomain).entries.map((e) => e.toLowerCase());
    const dn = peer.dn.toLowerCase();
    const own = byDn.get(dn) ?? [];
    own.push(...entries);
    byDn.set(dn, own);
    for (const e of entries) needed.set(e, (needed.get(e) ?? 0) + 1);
    total += entries.length;
  }
  return { needed, total, byDn };
}

/** The state of one account against an index of its peers: O(entries the account holds). */
function delegationStateIn(index: PeerIndex, account: ComputerAccount): DelegationState {
  const own = index.byDn.get(account.dn.toLowerCase()) ?? [];
  const total = index.total - own.length;
  if (total === 0) return 'none';
  const ownCount = new Map<string, number>();
  for (const e of own) ownCount.set(e, (ownCount.get(e) ?? 0) + 1);
  let held = 0;
  // Each distinct value counts once however often the directory repeats it (AD compares case-insensitively).
  for (const value of new Set(account.allowedToDelegateTo.map((v) => v.toLowerCase()))) {
    held += (index.needed.get(value) ?? 0) - (ownCount.get(value) ?? 0);
  }
  if (held === 0) return 'none';
  if (held === total && hasFlag(account.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION)) return 'complete';
  return 'partial';
}

/**
 * Delegation of `account` towards every peer, for the list view: 'none' when it holds none of the
 * entries, 'complete' when it holds all of them and the protocol-transition flag, else 'partial'.
 */
export function delegationState(account: ComputerAccount, peers: readonly ComputerAccount[], dnsDomain: string): DelegationState {
  return delegationStateIn(indexPeers(peers, dnsDomain), account);
}

/** Every account's state against all the others, in input order: one index, linear in the list. */
export function delegationStates(accounts: readonly ComputerAccount[], dnsDomain: string): DelegationState[] {
  const index = indexPeers(accounts, dnsDomain);
  return accounts.map((a) => delegationStateIn(index, a));
}
