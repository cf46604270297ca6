/**
 * Writes the lab directory's saved state (`<lab>/directory.json`) with computer accounts that
 * delegate as given, so a test can set up Kerberos delegation without starting the lab directory.
 * The lab's Compare-VM reads delegation from this file, as Hyper-V asks the domain.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

interface LabAccount {
  readonly host: string;
  /** Hosts this account may delegate to (cifs + migration service, short name and FQDN). */
  readonly delegateTo: readonly string[];
  /** TRUSTED_TO_AUTH_FOR_DELEGATION ("use any authentication protocol"). */
  readonly protocolTransition: boolean;
}

export async function writeLabDelegation(lab: string, accounts: readonly LabAccount[], domain = 'lab.example'): Promise<void> {
  await writeFile(path.join(lab, 'directory.json'), JSON.stringify({ version: 1, domain, entries: accountEntries(accounts, domain) }), 'utf8');
}

/** The computer accounts' directory entries, delegating as given. */
function accountEntries(accounts: readonly LabAccount[], domain: string) {
  const base = domain.split('.').map((p) => `DC=${p}`).join(',');
  const entries = accounts.map((a) => ({
    dn: `CN=${a.host},CN=Computers,${base}`,
    attributes: {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
      cn: [a.host],
      sAMAccountName: [`${a.host}$`],
      dNSHostName: [`${a.host.toLowerCase()}.${domain}`],
      userAccountControl: [String(0x1000 | (a.protocolTransition ? 0x1000000 : 0))],
      'msDS-AllowedToDelegateTo': a.delegateTo.flatMap((d) =>
        ['cifs', 'Microsoft Virtual System Migration Service'].flatMap((c) => [`${c}/${d}`, `${c}/${d.toLowerCase()}.${domain}`]),
      ),
    },
  }));
  return entries;
}

/**
 * Sets delegation on the computer accounts of a lab directory file the lab directory already
 * saved (every other attribute kept), as an admin's ADUC edit would; the directory reads it on
 * its next start (`lab:open` again).
 */
export async function delegateInLabDirectory(lab: string, accounts: readonly LabAccount[], domain = 'lab.example'): Promise<void> {
  const file = path.join(lab, 'directory.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: { dn: string; attributes: Record<string, string[]> }[] };
  const wanted = accountEntries(accounts, domain);
  for (const w of wanted) {
    const e = saved.entries.find((x) => x.dn.toLowerCase() === w.dn.toLowerCase());
    if (e === undefined) throw new Error(`${file} has no ${w.dn}`);
    e.attributes['userAccountControl'] = w.attributes.userAccountControl;
    e.attributes['msDS-AllowedToDelegateTo'] = w.attributes['msDS-AllowedToDelegateTo'];
  }
  await writeFile(file, JSON.stringify(saved), 'utf8');
}
