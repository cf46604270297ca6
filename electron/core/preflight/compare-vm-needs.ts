/**
 * What Hyper-V needs before `Compare-VM -DestinationHost` can run at all, decided from the facts
 * Ferry already gathered, and what a Compare-VM error code says was missing.
 *
 * Compare-VM is not a passive check: the source's VMMS connects to the destination's migration
 * listener (TCP 6600, on the destination's incoming networks) and authenticates as it would for
 * a move. So it fails, with the move's own errors, when migration is off on either host, when
 * 6600 is closed or the destination accepts no network the source can reach (0x8007274D /
 * 0x8007274C), when CredSSP is used and the check is started from another computer
 * (0x8009030E), and when Kerberos lacks the constrained delegation (0x8009030D) or protocol
 * transition for a remote start (0x8009030E). Reference §6.1, §6.2; KB 4558514; KB 2853203.
 *
 * Needs are codes (with the host names they are about), worded per language by the finding
 * texts (`params.needs`), never English sentences.
 */
import type { ComputerAccount, HostFacts } from '../model';
import { CIFS_SERVICE_CLASS, MIGRATION_SERVICE_CLASS, fqdnOf, holds, shortName } from '../delegation/entries';
import { UF_TRUSTED_TO_AUTH_FOR_DELEGATION, hasFlag } from '../delegation/uac';
import type { StartMode } from './facts';
import { subnetsOverlap } from './subnet-reach';

export const COMPARE_VM_NEED_CODES = [
  'migration-enabled',
  'port-6600',
  'incoming-network',
  'credssp-on-source',
  'kerberos-delegation',
  'protocol-transition',
  'kerberos-tickets',
  // 0x80090322: a ticket for the wrong principal (duplicate SPN, wrong account, stale DNS, clock skew).
  'kerberos-principal',
] as const;

export type CompareVmNeedCode = (typeof COMPARE_VM_NEED_CODES)[number];

/** One prerequisite: `host` is the host it concerns; `to` the destination where a direction matters. */
export interface CompareVmNeed {
  readonly code: CompareVmNeedCode;
  readonly host: string;
  readonly to?: string;
}

/** What the prerequisites are decided from: one ordered pair's gathered facts. */
export interface CompareVmPairFacts {
  readonly source: HostFacts;
  readonly destination: HostFacts;
  /** TCP 6600 from the source to the destination: undefined when not probed. */
  readonly port6600Open?: boolean;
  /** Absent when no directory answered (delegation is then not judged beforehand). */
  readonly sourceAccount?: ComputerAccount;
  readonly destinationAccount?: ComputerAccount;
  readonly dnsDomain?: string;
  /** Where the check starts: `remote` for Ferry's own (from this computer), `source` on the source host. */
  readonly startMode: StartMode;
  readonly includeStorage?: boolean;
}

/** The destination accepts a network the source has a link in (or any network). Unknown → true. */
function incomingReachable(source: HostFacts, destination: HostFacts): boolean {
  const s = destination.settings;
  if (s === undefined || s.useAnyNetworkForMigration) return true;
  if (source.links === undefined) return true;
  return s.migrationNetworks.some((n) => source.links?.some((l) => subnetsOverlap(l.subnet, n.subnet)) === true);
}

/** Entries for one service class on the destination (short name or FQDN): any one will do. */
function delegatesTo(from: ComputerAccount, to: ComputerAccount, dnsDomain: string, serviceClass: string): boolean {
  const names = [shortName(to), fqdnOf(to, dnsDomain).fqdn];
  return names.some((n) => holds(from.allowedToDelegateTo, `${serviceClass}/${n}`) !== undefined);
}

function authenticationNeeds(f: CompareVmPairFacts): CompareVmNeed[] {
  const src = f.source.computerName;
  const dst = f.destination.computerName;
  const auth = f.source.settings?.virtualMachineMigrationAuthenticationType;
  if (auth === 'CredSSP') return f.startMode === 'remote' ? [{ code: 'credssp-on-source', host: src }] : [];
  if (auth !== 'Kerberos' || f.sourceAccount === undefined || f.destinationAccount === undefined) return [];
  const out: CompareVmNeed[] = [];
  const domain = f.dnsDomain ?? '';
  const migration = delegatesTo(f.sourceAccount, f.destinationAccount, domain, MIGRATION_SERVICE_CLASS);
  const cifs = f.includeStorage !== true || delegatesTo(f.sourceAccount, f.destinationAccount, domain, CIFS_SERVICE_CLASS);
  if (!migration || !cifs) out.push({ code: 'kerberos-delegation', host: src, to: dst });
  if (f.startMode === 'remote' && !hasFlag(f.sourceAccount.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION)) {
    out.push({ code: 'protocol-transition', host: src });
  }
  return out;
}

/** Everything Hyper-V would refuse Compare-VM for, in the order an admin fixes them; [] = run it. */
export function compareVmNeeds(f: CompareVmPairFacts): CompareVmNeed[] {
  const src = f.source.computerName;
  const dst = f.destination.computerName;
  const out: CompareVmNeed[] = [];
  for (const h of [f.source, f.destination]) {
    if (h.settings?.virtualMachineMigrationEnabled === false) out.push({ code: 'migration-enabled', host: h.computerName });
  }
  if (f.port6600Open === false) out.push({ code: 'port-6600', host: src, to: dst });
  if (!incomingReachable(f.source, f.destination)) out.push({ code: 'incoming-network', host: src, to: dst });
  out.push(...authenticationNeeds(f));
  return out;
}

/** HRESULTs of the migration errors Compare-VM returns (language-neutral: they appear in every locale). */
export const HRESULT = {
  SEC_E_NO_CREDENTIALS: 0x8009030e,
  SEC_E_UNKNOWN_CREDENTIALS: 0x8009030d,
  SEC_E_WRONG_PRINCIPAL: 0x80090322,
  WSAECONNREFUSED: 0x8007274d,
  WSAETIMEDOUT: 0x8007274c,
  WSAECONNRESET: 0x80072746,
  WSAEACCES: 0x8007271d,
} as const;

const NETWORK_CODES: readonly number[] = [HRESULT.WSAECONNREFUSED, HRESULT.WSAETIMEDOUT, HRESULT.WSAECONNRESET, HRESULT.WSAEACCES];

/** `0x8009030E`, `-2146893042` or a number → the unsigned 32-bit code; undefined when not a code. */
export function parseHResult(value: string | number): number | undefined {
  const n = typeof value === 'number' ? value : /^0x[0-9a-f]{1,8}$/i.test(value.trim()) ? Number.parseInt(value.trim().slice(2), 16) : /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < -0x80000000 || n > 0xffffffff) return undefined;
  return n >>> 0;
}

/**
 * The prerequisites a failed Compare-VM names through its error codes, made concrete with the
 * pair's facts (which host, which of the Kerberos parts is missing); [] when no code is known.
 */
export function needsFromCompareError(codes: readonly (string | number)[], f: CompareVmPairFacts): CompareVmNeed[] {
  const known = new Set(codes.map(parseHResult).filter((c): c is number => c !== undefined));
  const src = f.source.computerName;
  const dst = f.destination.computerName;
  const out: CompareVmNeed[] = [];
  const auth = f.source.settings?.virtualMachineMigrationAuthenticationType;
  const authFailed = known.has(HRESULT.SEC_E_NO_CREDENTIALS) || known.has(HRESULT.SEC_E_UNKNOWN_CREDENTIALS);
  if (authFailed && auth === 'CredSSP') out.push({ code: 'credssp-on-source', host: src });
  else if (authFailed) {
    // The facts narrow it down when the directory answered; unknown parts are named.
    const acc = f.sourceAccount;
    const delegation = acc !== undefined && f.destinationAccount !== undefined ? delegatesTo(acc, f.destinationAccount, f.dnsDomain ?? '', MIGRATION_SERVICE_CLASS) : undefined;
    const transition = acc !== undefined ? hasFlag(acc.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION) : undefined;
    if (delegation !== true) out.push({ code: 'kerberos-delegation', host: src, to: dst });
    if (transition !== true && f.startMode === 'remote') out.push({ code: 'protocol-transition', host: src });
    // Everything is in the directory, yet the host still has its old tickets (KB 4558514).
    if (delegation === true && (transition === true || f.startMode === 'source')) out.push({ code: 'kerberos-tickets', host: src });
  }
  // Not a missing SPN alone: a duplicate SPN, the SPN on another account, a name that resolves
  // to another computer or clock skew all give it (field notes P4). Worded as all of them.
  if (known.has(HRESULT.SEC_E_WRONG_PRINCIPAL)) out.push({ code: 'kerberos-principal', host: src, to: dst });
  if (NETWORK_CODES.some((c) => known.has(c))) {
    out.push(incomingReachable(f.source, f.destination) ? { code: 'port-6600', host: src, to: dst } : { code: 'incoming-network', host: src, to: dst });
  }
  return out;
}

/** `code@HOST` or `code@HOST>DEST`, `;`-separated: the form a finding's `needs` param holds. */
export function encodeNeeds(needs: readonly CompareVmNeed[]): string {
  return needs.map((n) => `${n.code}@${n.host}${n.to !== undefined ? `>${n.to}` : ''}`).join(';');
}

export function decodeNeeds(text: string): CompareVmNeed[] {
  const out: CompareVmNeed[] = [];
  for (const item of text.split(';')) {
    const m = /^([a-z0-9-]+)@([^>;@]+)(?:>([^>;@]+))?$/.exec(item.trim());
    if (!m || !(COMPARE_VM_NEED_CODES as readonly string[]).includes(m[1] ?? '')) continue;
    out.push({ code: m[1] as CompareVmNeedCode, host: m[2] ?? '', ...(m[3] !== undefined ? { to: m[3] } : {}) });
  }
  return out;
}
