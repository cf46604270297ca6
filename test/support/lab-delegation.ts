/**
 * Writes the lab directory's saved state (`<lab>/directory.json`) with computer accounts that
 * delegate as given, so a test can set up Kerberos delegation without starting the lab directory.
 * The lab's Compare-VM reads delegation from this file, as Hyper-V asks the domain.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

interface LabAccount {
  readonly host: string;
  /** Hosts this account may delegate to (cifs + migration service, short name and FQDN). */
  readonly delegateTo: readonly string[];
  /** TRUSTED_TO_AUTH_FOR_DELEGATION ("use any authentication protocol"). */
  readonly protocolTransition: boolean;
}

export async function writeLabDelegation(lab: string, accounts: readonly LabAccount[], domain = 'lab.example'): Promise<void> {
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
  await writeFile(path.join(lab, 'directory.json'), JSON.stringify({ version: 1, domain, entries }), 'utf8');
}
