/**
 * Which `msDS-AllowedToDelegateTo` values a source needs to migrate to a destination.
 */
import type { ComputerAccount, PlanWarning } from '../model';

export const MIGRATION_SERVICE_CLASS = 'Microsoft Virtual System Migration Service';
export const CIFS_SERVICE_CLASS = 'cifs';

/** The account's short (NetBIOS) name: sAMAccountName without the trailing `$`, else `name`. */
export function shortName(account: ComputerAccount): string {
  const sam = account.samAccountName.replace(/\$$/, '');
  return sam !== '' ? sam : account.name;
}

/** FQDN from dNSHostName; otherwise name + domain DNS name, with a warning saying so. */
export function fqdnOf(account: ComputerAccount, dnsDomain: string): { fqdn: string; warning?: PlanWarning } {
  if (account.dnsHostName !== undefined && account.dnsHostName !== '') return { fqdn: account.dnsHostName };
  const fqdn = `${shortName(account).toLowerCase()}.${dnsDomain}`;
  return {
    fqdn,
    warning: {
      code: 'no-dns-host-name',
      target: account.name,
      params: { fqdn },
      message: `${account.name} has no dNSHostName in the directory; Ferry assumes ${fqdn}.`,
    },
  };
}

/** The four entries, in the order ADUC-style scripts write them: cifs short, cifs FQDN, migration short, migration FQDN. */
export function requiredEntries(destination: ComputerAccount, dnsDomain: string): { entries: string[]; warnings: PlanWarning[] } {
  const short = shortName(destination);
  const { fqdn, warning } = fqdnOf(destination, dnsDomain);
  return {
    entries: [
      `${CIFS_SERVICE_CLASS}/${short}`,
      `${CIFS_SERVICE_CLASS}/${fqdn}`,
      `${MIGRATION_SERVICE_CLASS}/${short}`,
      `${MIGRATION_SERVICE_CLASS}/${fqdn}`,
    ],
    warnings: warning ? [warning] : [],
  };
}

/**
 * Each entry `from` needs toward `destination` and whether `from` already holds it: what the
 * Configure grid shows, so an entry shown missing is exactly one the planner adds.
 */
export function entriesToward(from: ComputerAccount | undefined, destination: ComputerAccount, dnsDomain: string): { spn: string; present: boolean }[] {
  const have = from?.allowedToDelegateTo ?? [];
  return requiredEntries(destination, dnsDomain).entries.map((spn) => ({ spn, present: holds(have, spn) !== undefined }));
}

/** AD compares these (Unicode string syntax) case-insensitively, so Ferry does too. */
export const sameEntry = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function holds(values: readonly string[], entry: string): string | undefined {
  return values.find((v) => sameEntry(v, entry));
}

/** True when the destination registers the migration-service SPN under its short name or FQDN. */
export function hasMigrationSpn(destination: ComputerAccount, dnsDomain: string): boolean {
  const short = shortName(destination);
  const { fqdn } = fqdnOf(destination, dnsDomain);
  return (
    holds(destination.servicePrincipalNames, `${MIGRATION_SERVICE_CLASS}/${short}`) !== undefined ||
    holds(destination.servicePrincipalNames, `${MIGRATION_SERVICE_CLASS}/${fqdn}`) !== undefined
  );
}
