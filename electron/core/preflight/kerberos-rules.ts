/**
 * Kerberos gaps that pass the classic checks (issue 14 item 1):
 * - hosts in different domains: classic constrained delegation (`msDS-AllowedToDelegateTo`)
 *   only reaches services in the delegating account's own domain, so entries naming a host of
 *   another (even trusting) domain do nothing; only resource-based constrained delegation on
 *   the destination's account (`msDS-AllowedToActOnBehalfOfOtherIdentity`) crosses domains
 *   (reference §5.6). Domains come from the accounts' DNs (else dNSHostName).
 * - duplicate SPNs: a migration or cifs SPN held by two objects, or by an object that is not the
 *   host's own account, makes the KDC encrypt the ticket for the wrong key: 0x80090322
 *   (field notes P4, §4 A 6). Facts from one LDAP count per SPN (`SpnHolding`).
 */
import type { ComputerAccount, Finding } from '../model';
import { accountDomain, allowsResourceBased, crossDomain } from '../delegation/domains';
import { holds, requiredEntries } from '../delegation/entries';
import { splitDn } from '../ldap';
import type { MigrationFacts, SpnHolding } from './facts';
import { cmdQuote, command, finding, NO_FIX, psQuote } from './finding';

/** The SAM name without `$`, else the account's name: what `Get-ADComputer -Identity` takes. */
const identity = (a: ComputerAccount): string => a.samAccountName.replace(/\$$/, '') || a.name;

/**
 * Adds `from` to the RBCD list of `to` without dropping the principals already there
 * (`-PrincipalsAllowedToDelegateToAccount` replaces the whole list), each on its own domain's DC.
 */
function rbcdCommand(from: ComputerAccount, fromDomain: string, to: ComputerAccount, toDomain: string): string {
  return `$to = Get-ADComputer -Identity ${psQuote(identity(to))} -Server ${psQuote(toDomain)} -Properties PrincipalsAllowedToDelegateToAccount; ` +
    `$from = Get-ADComputer -Identity ${psQuote(identity(from))} -Server ${psQuote(fromDomain)}; ` +
    `Set-ADComputer -Identity $to -Server ${psQuote(toDomain)} -PrincipalsAllowedToDelegateToAccount (@($to.PrincipalsAllowedToDelegateToAccount) + $from.DistinguishedName)`;
}

/**
 * One direction (`from` delegates to `to`) across domains; undefined when both accounts are in
 * one domain (the classic rules apply). Evidence per side of the pair, whichever direction.
 */
export function crossDomainRule(f: MigrationFacts, from: ComputerAccount, to: ComputerAccount, suffix: string): Finding | undefined {
  const domains = crossDomain(from, to);
  if (domains === undefined) return undefined;
  const { fromDomain, toDomain } = domains;
  const src = f.sourceAccount;
  const dst = f.destinationAccount;
  const side = (a: ComputerAccount | undefined) => ({
    domain: a ? (accountDomain(a) ?? 'unknown') : 'unknown',
    sid: a?.objectSid ?? 'unknown',
    rbcd: a?.allowedToActOnBehalfOf === undefined ? 'unknown' : a.allowedToActOnBehalfOf.join('; ') || '(none)',
  });
  const s = side(src);
  const d = side(dst);
  const evidence = {
    domainSource: s.domain, domainDestination: d.domain,
    sidSource: s.sid, sidDestination: d.sid,
    rbcdSource: s.rbcd, rbcdDestination: d.rbcd,
    // What the classic rule would have passed on: entries that name `to` but do nothing across domains.
    classicEntries: requiredEntries(to, toDomain).entries.filter((e) => holds(from.allowedToDelegateTo, e) !== undefined).join('; ') || '(none)',
  };
  const params = { from: from.name, to: to.name, fromDomain, toDomain };
  const id = `identity.cross-domain${suffix}`;
  const allowed = allowsResourceBased(to, from);
  if (allowed === true) {
    return finding(id, 'identity', 'pass', evidence, NO_FIX, undefined, { ...params, variant: 'rbcd' });
  }
  const cmd = rbcdCommand(from, fromDomain, to, toDomain);
  const fix = command(
    cmd);
  if (allowed === undefined) {
    return finding(id, 'identity', 'warn',
      evidence, fix, undefined, { ...params, variant: 'unreadable', command: cmd });
  }
  return finding(id, 'identity', 'fail',
    evidence, fix, undefined, { ...params, command: cmd });
}

/** The first RDN's value of a DN (`CN=HV02-OLD,CN=Computers,…` → `HV02-OLD`): the name setspn takes. */
function rdnValue(dn: string): string {
  const first = splitDn(dn)[0] ?? dn;
  const eq = first.indexOf('=');
  return (eq >= 0 ? first.slice(eq + 1) : first).replace(/\\(.)/g, '$1');
}

const sameDn = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

interface SpnProblem {
  readonly spn: string;
  readonly holders: readonly string[];
  /** Holders that are not the host's own account (all of them when the account is unknown and there are several). */
  readonly strays: readonly string[];
}

/** An SPN held by several objects, or by one that is not the host's account. */
function problemsOf(holdings: readonly SpnHolding[], account: ComputerAccount | undefined): SpnProblem[] {
  const out: SpnProblem[] = [];
  for (const h of holdings) {
    const own = account === undefined ? undefined : h.holders.find((dn) => sameDn(dn, account.dn));
    const strays = account === undefined ? (h.holders.length > 1 ? [...h.holders] : []) : h.holders.filter((dn) => !sameDn(dn, account.dn));
    if (h.holders.length > 1 || (own === undefined && account !== undefined && h.holders.length === 1)) out.push({ spn: h.spn, holders: h.holders, strays });
  }
  return out;
}

const describe = (problems: readonly SpnProblem[]): string =>
  problems.length === 0 ? 'unique' : problems.map((p) => `${p.spn}: ${p.holders.join(' | ')}`).join('; ');

/**
 * One finding for the pair: the migration and cifs SPNs (short name and FQDN) of both hosts,
 * each held by the host's own account and nothing else. Absent without the LDAP count.
 */
export function duplicateSpnRule(f: MigrationFacts): Finding[] {
  if (f.spnHolders === undefined) return [];
  const of = (host: string) => f.spnHolders?.filter((h) => h.host.toLowerCase() === host.toLowerCase()) ?? [];
  const src = problemsOf(of(f.source.computerName), f.sourceAccount);
  const dst = problemsOf(of(f.destination.computerName), f.destinationAccount);
  const evidence = { spnHoldersSource: describe(src), spnHoldersDestination: describe(dst) };
  const hosts = { source: f.source.computerName, destination: f.destination.computerName };
  const all = [...src, ...dst];
  if (all.length === 0) {
    return [finding('identity.duplicate-spn', 'identity', 'pass', evidence, NO_FIX, undefined, hosts)];
  }
  const removals = all.flatMap((p) => p.strays.map((dn) => `setspn -D ${cmdQuote(p.spn)} ${cmdQuote(rdnValue(dn))}`));
  const cmd = [...new Set(removals), 'setspn -X'].join('; ');
  const names = [...new Set([...(src.length > 0 ? [hosts.source] : []), ...(dst.length > 0 ? [hosts.destination] : [])])].join(', ');
  const spns = all.map((p) => p.spn).join(', ');
  return [finding('identity.duplicate-spn', 'identity', 'fail', evidence,
    command(cmd),
    undefined, { ...hosts, hosts: names, spns, count: String(all.length), command: cmd })];
}
