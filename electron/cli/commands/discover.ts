/**
 * `ferry discover`: Hyper-V hosts in Active Directory (the directory flags: ../directory-args.ts).
 */
import type { CliIo } from '../run-cli';
import type { DirectorySession } from '../../services/directory/directory-session';
import { UF_TRUSTED_TO_AUTH_FOR_DELEGATION, UF_TRUSTED_FOR_DELEGATION, hasFlag } from '../../core/delegation';
import { discoverHosts } from '../../engine/discover';
import { ArgError, parseArgs } from '../args';
import { DIRECTORY_SPEC, directoryFromArgs } from '../directory-args';
import { printable } from '../output';
import { reportError } from '../report-error';

const USAGE = `Usage: ferry discover --ldap-url <ldaps://host[:port]|ldap://host --starttls> [--base-dn <dn>]
                      --bind-user <upn> [--ca-file <pem>] [--tls-server-name <name>] [--json]
       ferry discover --ldap-url <ldap://dc|ldaps://dc> --integrated [--base-dn <dn>] [--json]
       ferry discover --lab <dir> [--json]
The password comes from FERRY_LDAP_PASSWORD or a prompt; --integrated (Windows only) signs in as
the logged-on domain user instead, with no password; --lab uses the lab folder's own directory.
`;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  let session: DirectorySession | undefined;
  try {
    const parsed = parseArgs(args, DIRECTORY_SPEC);
    if (parsed.switches.has('help')) {
      io.out(USAGE);
      return 0;
    }
    if (parsed.positionals.length > 0) throw new ArgError(`'${printable(parsed.positionals[0] ?? '')}'`, 'unexpected argument');
    session = await directoryFromArgs(parsed, io);
    const rows = await discoverHosts(session);
    const domain = session.info.dnsDomain;
    if (parsed.switches.has('json')) {
      io.out(JSON.stringify({ directory: session.info, hosts: rows }, null, 2) + '\n');
    } else {
      io.out(`${rows.length} Hyper-V host(s) in ${domain}\n`);
      for (const { account: a, delegationState: state } of rows) {
        const flags = [
          a.enabled ? '' : 'disabled',
          a.hasHyperVScp ? 'scp' : 'spn-only',
          hasFlag(a.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION) ? 'any-protocol' : '',
          hasFlag(a.userAccountControl, UF_TRUSTED_FOR_DELEGATION) ? 'UNCONSTRAINED' : '',
        ].filter(Boolean);
        io.out(`  ${a.name.padEnd(16)} ${(a.dnsHostName ?? '-').padEnd(32)} ${(a.operatingSystem ?? '').padEnd(34)} delegation:${state} [${flags.join(',')}]\n`);
      }
    }
    return 0;
  } catch (error) {
    return reportError(io, 'discover', error);
  } finally {
    await session?.close();
  }
}
