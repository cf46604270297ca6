/**
 * Which AD domain a computer account lives in, and whether two domains trust each other by
 * construction. Classic constrained delegation (`msDS-AllowedToDelegateTo`) works only when the
 * delegating account and the target service are in the same domain; across domains only
 * resource-based delegation on the target works (reference §5.6).
 */
import type { ComputerAccount } from '../model';
import { dnsDomainFromDn } from '../ldap';

/** The account's DNS domain: its DN's `DC=` parts, else its dNSHostName's suffix; undefined when neither says. */
export function accountDomain(account: ComputerAccount): string | undefined {
  const fromDn = dnsDomainFromDn(account.dn);
  if (fromDn !== '') return fromDn;
  const dns = account.dnsHostName?.toLowerCase() ?? '';
  const dot = dns.indexOf('.');
  return dot > 0 && dot < dns.length - 1 ? dns.slice(dot + 1) : undefined;
}

const sameDomain = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A parent and its child domain (`lab.example`, `emea.lab.example`): AD creates a two-way transitive trust between them. */
export function parentAndChild(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x !== y && (x.endsWith(`.${y}`) || y.endsWith(`.${x}`));
}

/** True when `to`'s account lets `from`'s delegate to it (its RBCD descriptor allows `from`'s SID). */
export function allowsResourceBased(to: ComputerAccount, from: ComputerAccount): boolean | undefined {
  if (from.objectSid === undefined || to.allowedToActOnBehalfOf === undefined) return undefined;
  const sid = from.objectSid.toUpperCase();
  return to.allowedToActOnBehalfOf.some((s) => s.toUpperCase() === sid);
}

/** The domains of the two accounts when both are known and differ; undefined otherwise. */
export function crossDomain(from: ComputerAccount, to: ComputerAccount): { fromDomain: string; toDomain: string } | undefined {
  const fromDomain = accountDomain(from);
  const toDomain = accountDomain(to);
  if (fromDomain === undefined || toDomain === undefined || sameDomain(fromDomain, toDomain)) return undefined;
  return { fromDomain, toDomain };
}
