/**
 * Who holds the migration and cifs SPNs of each host (issue 14 item 1): one search over the
 * domain for objects with any of the hosts' SPNs, counted per SPN (`setspn -Q` per value). The
 * filter is built from ldapts filter objects, so a value can never change its structure; its
 * text form (the Negotiate path) is RFC 4515-escaped by ldapts.
 *
 * Limit: the search covers the directory's own domain. A duplicate in another domain of the
 * forest needs a Global Catalog search (port 3268/3269), which Ferry does not make.
 */
import { EqualityFilter, OrFilter } from 'ldapts';
import type { ComputerAccount } from '../../core/model';
import { requiredEntries, sameEntry } from '../../core/delegation';
import type { SpnHolding } from '../../core/preflight';
import type { LowerEntry } from './account-mapper';
import type { DirectorySession } from './directory-session';

/** SPNs per search: AD handles large OR filters, but a few dozen terms keep each request small. */
const SPNS_PER_SEARCH = 100;

/** The SPNs a host's moves depend on: migration service and cifs, short name and FQDN (the four delegation targets). */
const hostSpns = (account: ComputerAccount, dnsDomain: string): string[] => requiredEntries(account, dnsDomain).entries;

/** An OR of `servicePrincipalName=<spn>` equality filters. */
function spnFilter(spns: readonly string[]): OrFilter {
  return new OrFilter({ filters: spns.map((value) => new EqualityFilter({ attribute: 'servicePrincipalName', value })) });
}

/** The holders of each host's SPNs, keyed by the host name given with the account. */
export async function readSpnHolders(session: DirectorySession, hosts: readonly { host: string; account: ComputerAccount }[], dnsDomain: string): Promise<SpnHolding[]> {
  const wanted = hosts.flatMap(({ host, account }) => hostSpns(account, dnsDomain).map((spn) => ({ host, spn })));
  const unique = [...new Map(wanted.map((w) => [w.spn.toLowerCase(), w.spn])).values()];
  const entries: LowerEntry[] = [];
  for (let i = 0; i < unique.length; i += SPNS_PER_SEARCH) {
    entries.push(...(await session.search({ filter: spnFilter(unique.slice(i, i + SPNS_PER_SEARCH)), attributes: ['servicePrincipalName'] })));
  }
  return wanted.map(({ host, spn }) => ({
    host,
    spn,
    holders: entries.filter((e) => (e.attrs.get('serviceprincipalname') ?? []).some((v) => sameEntry(v, spn))).map((e) => e.dn),
  }));
}
