/**
 * LDAP entry → ComputerAccount. Attribute names are matched case-insensitively because servers
 * return them in their schema's spelling (`dNSHostName`, `dnshostname`, ...).
 */
import type { Entry } from 'ldapts';
import type { ComputerAccount } from '../../core/model';
import { allowedTrustees, isEnabled, sidFromHexText } from '../../core/delegation';

/** The attributes discovery and delegation need; requested explicitly so nothing else travels. */
export const ACCOUNT_ATTRIBUTES = [
  'cn',
  'sAMAccountName',
  'dNSHostName',
  'operatingSystem',
  'operatingSystemVersion',
  'userAccountControl',
  'msDS-AllowedToDelegateTo',
  'servicePrincipalName',
  'objectSid',
  'msDS-AllowedToActOnBehalfOfOtherIdentity',
];

/** Binary attributes of ACCOUNT_ATTRIBUTES: every search asking for them passes these (read as hex). */
export const ACCOUNT_BINARY_ATTRIBUTES = ['objectSid', 'msDS-AllowedToActOnBehalfOfOtherIdentity'];

export type LowerEntry = { dn: string; attrs: Map<string, string[]> };

/** `hexAttributes` (lower-case names) keep binary values as hex, e.g. SIDs asked as buffers. */
export function lowerEntry(entry: Entry, hexAttributes?: ReadonlySet<string>): LowerEntry {
  const attrs = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(entry)) {
    if (key === 'dn') continue;
    const list = Array.isArray(raw) ? raw : [raw];
    const hex = hexAttributes?.has(key.toLowerCase()) === true;
    attrs.set(
      key.toLowerCase(),
      list.map((v) => (Buffer.isBuffer(v) ? v.toString(hex ? 'hex' : 'utf8') : String(v))),
    );
  }
  return { dn: entry.dn, attrs };
}

const first = (e: LowerEntry, name: string): string | undefined => e.attrs.get(name.toLowerCase())?.[0];
const all = (e: LowerEntry, name: string): string[] => e.attrs.get(name.toLowerCase()) ?? [];

export function toComputerAccount(entry: LowerEntry, hasHyperVScp: boolean): ComputerAccount {
  const sam = first(entry, 'sAMAccountName') ?? '';
  const uac = Number(first(entry, 'userAccountControl') ?? '0') >>> 0;
  const dnsHostName = first(entry, 'dNSHostName');
  const os = first(entry, 'operatingSystem');
  const osVersion = first(entry, 'operatingSystemVersion');
  const sid = sidFromHexText(first(entry, 'objectSid') ?? '');
  // RBCD: the accounts the descriptor allows; an absent attribute allows none.
  const rbcd = all(entry, 'msDS-AllowedToActOnBehalfOfOtherIdentity').flatMap(allowedTrustees);
  return {
    name: first(entry, 'cn') ?? sam.replace(/\$$/, ''),
    dn: entry.dn,
    ...(dnsHostName ? { dnsHostName } : {}),
    samAccountName: sam,
    ...(os ? { operatingSystem: os } : {}),
    ...(osVersion ? { operatingSystemVersion: osVersion } : {}),
    enabled: isEnabled(uac),
    userAccountControl: uac,
    allowedToDelegateTo: all(entry, 'msDS-AllowedToDelegateTo'),
    servicePrincipalNames: all(entry, 'servicePrincipalName'),
    hasHyperVScp,
    ...(sid !== undefined ? { objectSid: sid, allowedToActOnBehalfOf: rbcd } : {}),
  };
}
