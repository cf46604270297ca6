/**
 * Finding computer accounts: discovery of Hyper-V hosts, resolving typed-in names, reading one
 * account back after a write. Filters are ldapts filter objects (BER-encoded, so a value can never
 * change the filter's structure); names are also validated before any search.
 */
import { AndFilter, EqualityFilter, OrFilter, SubstringFilter } from 'ldapts';
import type { ComputerAccount } from '../../core/model';
import { parentDn } from '../../core/ldap';
import { isComputerName } from '../../core/settings/host-name';
import { MIGRATION_SERVICE_CLASS } from '../../core/delegation';
import { ACCOUNT_ATTRIBUTES, ACCOUNT_BINARY_ATTRIBUTES, toComputerAccount } from './account-mapper';
import { DirectoryError } from './directory-error';
import type { DirectorySession } from './directory-session';

export const HYPERV_SCP_NAME = 'Microsoft Hyper-V';

const isComputer = new EqualityFilter({ attribute: 'objectClass', value: 'computer' });

/**
 * Hyper-V hosts: computers with a `CN=Microsoft Hyper-V` service connection point child, plus
 * computers registering the migration-service SPN. Both paged searches run concurrently on the
 * one connection; the join is in memory.
 */
export async function discoverHyperVHosts(session: DirectorySession): Promise<ComputerAccount[]> {
  const [scps, computers] = await Promise.all([
    session.search({
      filter: new AndFilter({
        filters: [
          new EqualityFilter({ attribute: 'objectClass', value: 'serviceConnectionPoint' }),
          new EqualityFilter({ attribute: 'cn', value: HYPERV_SCP_NAME }),
        ],
      }),
      attributes: ['1.1'],
    }),
    session.search({ filter: isComputer, attributes: ACCOUNT_ATTRIBUTES, binaryAttributes: ACCOUNT_BINARY_ATTRIBUTES }),
  ]);
  const withScp = new Set(scps.map((s) => parentDn(s.dn).toLowerCase()));
  const prefix = `${MIGRATION_SERVICE_CLASS.toLowerCase()}/`;
  const hosts: ComputerAccount[] = [];
  for (const entry of computers) {
    const hasScp = withScp.has(entry.dn.toLowerCase());
    const spns = entry.attrs.get('serviceprincipalname') ?? [];
    if (hasScp || spns.some((s) => s.toLowerCase().startsWith(prefix))) hosts.push(toComputerAccount(entry, hasScp));
  }
  return hosts.sort((a, b) => a.name.localeCompare(b.name));
}

/** Only the SPN signal, as one server-side filter — used where the SCP join is not wanted. */
export function migrationSpnFilter(): SubstringFilter {
  return new SubstringFilter({ attribute: 'servicePrincipalName', initial: `${MIGRATION_SERVICE_CLASS}/`, any: [], final: '' });
}

async function hasScp(session: DirectorySession, dn: string): Promise<boolean> {
  const found = await session.search({
    base: dn,
    scope: 'one',
    filter: new EqualityFilter({ attribute: 'cn', value: HYPERV_SCP_NAME }),
    attributes: ['1.1'],
    paged: false,
  });
  return found.length > 0;
}

/**
 * A typed-in name (NetBIOS, FQDN or `NAME$`) → exactly one computer account. No match and several
 * matches are errors that say so.
 */
export async function resolveComputer(session: DirectorySession, typed: string): Promise<ComputerAccount> {
  const name = typed.trim();
  if (!isComputerName(name)) {
    throw new DirectoryError('invalid-input', `"${typed}" is not a computer name (letters, digits, hyphens and dots only).`, typed);
  }
  const short = name.replace(/\$$/, '').split('.')[0] as string;
  const alternatives = [new EqualityFilter({ attribute: 'sAMAccountName', value: `${short}$` })];
  if (name.includes('.')) alternatives.push(new EqualityFilter({ attribute: 'dNSHostName', value: name }));
  const entries = await session.search({
    filter: new AndFilter({ filters: [isComputer, new OrFilter({ filters: alternatives })] }),
    attributes: ACCOUNT_ATTRIBUTES,
    binaryAttributes: ACCOUNT_BINARY_ATTRIBUTES,
    paged: false,
  });
  // An FQDN must match its dNSHostName when the account has one (hv01.other.example is not HV01).
  const matches = name.includes('.')
    ? entries.filter((e) => {
        const dns = e.attrs.get('dnshostname')?.[0];
        return dns === undefined || dns.toLowerCase() === name.toLowerCase();
      })
    : entries;
  if (matches.length === 0) throw new DirectoryError('not-found', `No computer account named "${name}" was found in ${session.info.dnsDomain}.`, name);
  if (matches.length > 1) {
    throw new DirectoryError('ambiguous', `"${name}" matches ${matches.length} computer accounts (${matches.map((m) => m.dn).join('; ')}); type the full name.`, name);
  }
  const entry = matches[0]!;
  return toComputerAccount(entry, await hasScp(session, entry.dn));
}

/** Reads one account by DN (after a write, to verify it). */
export async function readComputer(session: DirectorySession, dn: string): Promise<ComputerAccount> {
  const [entry] = await session.search({ base: dn, scope: 'base', filter: '(objectClass=*)', attributes: ACCOUNT_ATTRIBUTES, binaryAttributes: ACCOUNT_BINARY_ATTRIBUTES, paged: false });
  if (!entry) throw new DirectoryError('not-found', `The account ${dn} was not found.`, dn);
  return toComputerAccount(entry, await hasScp(session, entry.dn));
}
