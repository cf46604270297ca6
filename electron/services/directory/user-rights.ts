/**
 * Whether a directory user may configure Kerberos constrained delegation: membership of Domain
 * Admins (RID 512), Enterprise Admins (RID 519) or the domain's Administrators
 * (S-1-5-32-544) — reference §4.3. Writing msDS-AllowedToDelegateTo / TRUSTED_TO_AUTH_FOR_DELEGATION
 * without it fails with insufficientAccessRights (SeEnableDelegationPrivilege; a custom grant of
 * that privilege is not visible over LDAP, so "no" means "not through these groups").
 *
 * Groups are matched by SID, not name (names are localized: "Domänen-Admins"). `tokenGroups`
 * (constructed, base scope only) holds every group SID including nested and primary groups; when
 * the server does not return it, the direct `memberOf` groups and `primaryGroupID` are used.
 */
import { escapeFilterValue } from '../../core/ldap';
import { DirectoryError } from './directory-error';
import type { DirectorySession } from './directory-session';
import type { LowerEntry } from './account-mapper';
import { sidFromHexText } from '../../core/delegation';

export interface UserRights {
  /** The name asked about (UPN, DOMAIN\\user or DN). */
  readonly user: string;
  readonly dn: string;
  /** CNs of the direct groups (memberOf), for evidence. */
  readonly groups: readonly string[];
  /** Privileged groups found, by their English well-known names. */
  readonly privileged: readonly string[];
  readonly canConfigureDelegation: boolean;
  /** userAccountControl NOT_DELEGATED: "sensitive and cannot be delegated". */
  readonly notDelegated: boolean;
  /** Where the group SIDs came from. */
  readonly source: 'tokenGroups' | 'memberOf';
}

const UF_NOT_DELEGATED = 0x100000;
const USER_ATTRIBUTES = ['sAMAccountName', 'memberOf', 'primaryGroupID', 'userAccountControl', 'objectSid'];

/** Binary SID (as hex) → `S-1-5-21-…`; undefined when it is not a SID (one reader: core/delegation). */
export const sidFromHex = sidFromHexText;

/** The privileged group a SID names, or undefined. */
export function privilegedGroupOf(sid: string): string | undefined {
  if (sid === 'S-1-5-32-544') return 'Administrators';
  if (!/^S-1-5-21-\d+-\d+-\d+-\d+$/.test(sid)) return undefined;
  if (sid.endsWith('-512')) return 'Domain Admins';
  if (sid.endsWith('-519')) return 'Enterprise Admins';
  return undefined;
}

const first = (e: LowerEntry, name: string): string | undefined => e.attrs.get(name.toLowerCase())?.[0];
const all = (e: LowerEntry, name: string): string[] => e.attrs.get(name.toLowerCase()) ?? [];
const cnOf = (dn: string): string => /^CN=((?:[^,\\]|\\.)*)/i.exec(dn)?.[1]?.replace(/\\(.)/g, '$1') ?? dn;

async function findUser(session: DirectorySession, user: string): Promise<LowerEntry> {
  const binaryAttributes = ['objectSid'];
  if (/^[^@\\]*=/.test(user)) {
    const [entry] = await session.search({ base: user, scope: 'base', filter: '(objectClass=*)', attributes: USER_ATTRIBUTES, paged: false, binaryAttributes });
    if (entry) return entry;
  } else {
    const slash = user.lastIndexOf('\\');
    const at = user.lastIndexOf('@');
    const sam = slash >= 0 ? user.slice(slash + 1) : at > 0 ? user.slice(0, at) : user;
    // A UPN is not always set (Samba's Administrator has none): the account part is tried too.
    const byUpn = at > 0 && slash < 0 ? `(userPrincipalName=${escapeFilterValue(user)})` : '';
    const filter = `(&(objectClass=user)(|${byUpn}(sAMAccountName=${escapeFilterValue(sam)})))`;
    const found = await session.search({ filter, attributes: [...USER_ATTRIBUTES, 'userPrincipalName'], binaryAttributes });
    const exact = found.find((e) => (first(e, 'userPrincipalName') ?? '').toLowerCase() === user.toLowerCase());
    const entry = exact ?? (found.length === 1 ? found[0] : undefined);
    if (entry) return entry;
  }
  throw new DirectoryError('not-found', `The user ${user} was not found in the directory.`);
}

async function tokenGroupSids(session: DirectorySession, dn: string): Promise<string[] | undefined> {
  try {
    const [entry] = await session.search({ base: dn, scope: 'base', filter: '(objectClass=*)', attributes: ['tokenGroups'], paged: false, binaryAttributes: ['tokenGroups'] });
    const sids = entry ? all(entry, 'tokenGroups').map(sidFromHex).filter((s): s is string => s !== undefined) : [];
    return sids.length > 0 ? sids : undefined;
  } catch {
    return undefined;
  }
}

async function memberOfSids(session: DirectorySession, user: LowerEntry): Promise<string[]> {
  const sids: string[] = [];
  for (const dn of all(user, 'memberOf')) {
    try {
      const [g] = await session.search({ base: dn, scope: 'base', filter: '(objectClass=*)', attributes: ['objectSid'], paged: false, binaryAttributes: ['objectSid'] });
      const sid = g ? sidFromHex(first(g, 'objectSid') ?? '') : undefined;
      if (sid) sids.push(sid);
    } catch {
      // A group we may not read grants nothing we can show.
    }
  }
  // The primary group (usually Domain Users, 513) is not in memberOf: domain SID + primaryGroupID.
  const own = sidFromHex(first(user, 'objectSid') ?? '');
  const primary = first(user, 'primaryGroupID');
  if (own && primary && /^\d+$/.test(primary)) sids.push(`${own.slice(0, own.lastIndexOf('-'))}-${primary}`);
  return sids;
}

/** Reads `user` (default: the bound user) and whether it may configure delegation. */
export async function readUserRights(session: DirectorySession, user: string = session.info.bindUser): Promise<UserRights> {
  const entry = await findUser(session, user);
  const fromTokens = await tokenGroupSids(session, entry.dn);
  const sids = fromTokens ?? (await memberOfSids(session, entry));
  const privileged = [...new Set(sids.map(privilegedGroupOf).filter((g): g is string => g !== undefined))];
  const uac = Number(first(entry, 'userAccountControl') ?? '0') >>> 0;
  return {
    user,
    dn: entry.dn,
    groups: all(entry, 'memberOf').map(cnOf),
    privileged,
    canConfigureDelegation: privileged.length > 0,
    notDelegated: (uac & UF_NOT_DELEGATED) !== 0,
    source: fromTokens ? 'tokenGroups' : 'memberOf',
  };
}
