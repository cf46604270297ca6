/**
 * `ferry discover`: Hyper-V hosts in Active Directory. Also home of the directory options and the
 * password prompt shared with `ferry delegation`.
 */
import { parseArgs } from 'node:util';
import type { CliIo } from '../run-cli';
import { connectDirectory, type DirectoryConnectOptions, type DirectorySession } from '../../services/directory/directory-session';
import { discoverHyperVHosts } from '../../services/directory/computer-accounts';
import { DirectoryError } from '../../services/directory/directory-error';
import { assertIntegratedAuthSupported, connectNegotiateDirectory } from '../../services/directory/negotiate-session';
import { ArgError } from '../args';
import { printable } from '../output';
import { validateBindUser, validateDn, validateLdapUrl } from '../../core/ldap/connect-input';
import { openLabDirectorySession } from '../lab-directory-session';
import { delegationStates, UF_TRUSTED_TO_AUTH_FOR_DELEGATION, UF_TRUSTED_FOR_DELEGATION, hasFlag } from '../../core/delegation';

export const DIRECTORY_OPTIONS = {
  'ldap-url': { type: 'string' },
  starttls: { type: 'boolean' },
  'base-dn': { type: 'string' },
  'bind-user': { type: 'string' },
  'ca-file': { type: 'string' },
  'tls-server-name': { type: 'string' },
  'trust-server-certificate': { type: 'boolean' },
  integrated: { type: 'boolean' },
  lab: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export class UsageError extends Error {}

type DirValues = { [K in keyof typeof DIRECTORY_OPTIONS]?: (typeof DIRECTORY_OPTIONS)[K]['type'] extends 'string' ? string : boolean };

/** Reads the password without echo from a TTY; never from an argument. */
async function readPassword(io: CliIo, prompt: string): Promise<string> {
  const fromEnv = io.env.FERRY_LDAP_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new UsageError('no password: set FERRY_LDAP_PASSWORD or run in a terminal to be asked (passwords are never taken as arguments)');
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(buf);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new UsageError('cancelled'));
          return;
        }
        if (ch === '\u007f') buf = buf.slice(0, -1);
        else buf += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/**
 * `--integrated`: the signed-in Windows user through PowerShell (Negotiate), no password. The pool
 * lives as long as the session; closing the session disposes it.
 */
async function integratedDirectory(values: DirValues, url: string, io: CliIo): Promise<DirectorySession> {
  const clash = (['bind-user', 'starttls', 'ca-file', 'tls-server-name', 'trust-server-certificate'] as const).find((k) => values[k] !== undefined);
  if (clash !== undefined) {
    throw new UsageError(`--${clash} cannot be combined with --integrated (Windows signs in for you; ldap:// is Kerberos-sealed, ldaps:// uses the Windows trust store)`);
  }
  assertIntegratedAuthSupported();
  const { PowerShellPool } = await import('../../services/powershell/pool');
  const pool = new PowerShellPool({ size: 1, ...(io.env.FERRY_PWSH ? { executable: io.env.FERRY_PWSH } : {}) });
  try {
    const session = await connectNegotiateDirectory(
      { url, ...(values['base-dn'] !== undefined ? { baseDn: values['base-dn'] } : {}) },
      (script, data) => pool.run(script, data),
    );
    return { ...session, close: async () => { await session.close(); await pool.dispose(); } };
  } catch (error) {
    await pool.dispose();
    throw error;
  }
}

/** The directory flags that name a real directory; none of them goes with `--lab`. */
const REAL_DIRECTORY_FLAGS = ['ldap-url', 'bind-user', 'starttls', 'base-dn', 'ca-file', 'tls-server-name', 'trust-server-certificate', 'integrated'] as const;

export async function directoryFromArgs(values: DirValues, io: CliIo): Promise<DirectorySession> {
  if (values.lab !== undefined) {
    const clash = REAL_DIRECTORY_FLAGS.find((k) => values[k] !== undefined && values[k] !== false);
    if (clash !== undefined) throw new UsageError(`--${clash} cannot be combined with --lab (the lab folder has its own directory)`);
    return openLabDirectorySession(values.lab, io.env);
  }
  const url = values['ldap-url'];
  const bindUser = values['bind-user'];
  if (url === undefined) throw new UsageError('--ldap-url is required (ldaps://server[:port], or ldap://server with --starttls), or --lab <dir> for a lab folder');
  // Checked before any prompt or socket, so bad input is exit 2 with a message naming the flag.
  const urlProblem = validateLdapUrl(url);
  if (urlProblem !== null) throw new UsageError(`--ldap-url: ${urlProblem.replace(/^url: /, '')} (got '${printable(url)}')`);
  if (values['base-dn'] !== undefined && validateDn(values['base-dn']) !== null) throw new UsageError(`--base-dn: not a distinguished name (got '${printable(values['base-dn'])}')`);
  if (values.integrated === true) return integratedDirectory(values, url, io);
  if (bindUser !== undefined && validateBindUser(bindUser) !== null) {
    throw new UsageError(`--bind-user: ${(validateBindUser(bindUser) ?? '').replace(/^bindUser: /, '')} (got '${printable(bindUser)}')`);
  }
  if (bindUser === undefined) throw new UsageError('--bind-user is required (e.g. admin@corp.example)');
  if (values['trust-server-certificate']) io.err('WARNING: --trust-server-certificate: the server certificate is NOT checked. Anyone in the path can read your password.\n');
  const password = await readPassword(io, `Password for ${bindUser}: `);
  const options: DirectoryConnectOptions = {
    url,
    bindUser,
    password,
    startTls: values.starttls === true,
    ...(values['base-dn'] !== undefined ? { baseDn: values['base-dn'] } : {}),
    ...(values['ca-file'] !== undefined ? { caFile: values['ca-file'] } : {}),
    ...(values['tls-server-name'] !== undefined ? { tlsServerName: values['tls-server-name'] } : {}),
    ...(values['trust-server-certificate'] ? { trustServerCertificate: true } : {}),
  };
  return connectDirectory(options);
}

/** Maps an error to the CLI's exit code and prints it. */
export function reportError(io: CliIo, command: string, error: unknown): number {
  if (error instanceof UsageError || error instanceof ArgError) {
    io.err(`ferry ${command}: ${error.message}\n`);
    return 2;
  }
  if (error instanceof DirectoryError) {
    io.err(`ferry ${command}: ${error.message}\n`);
    return error.code === 'invalid-input' ? 2 : 1;
  }
  if (error instanceof TypeError && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
    io.err(`ferry ${command}: ${error.message}\n`);
    return 2;
  }
  io.err(`ferry ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

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
    const { values, positionals } = parseArgs({ args: [...args], options: DIRECTORY_OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    session = await directoryFromArgs(values, io);
    const hosts = await discoverHyperVHosts(session);
    const domain = session.info.dnsDomain;
    const states = delegationStates(hosts, domain);
    const rows = hosts.map((account, i) => ({ account, delegationState: states[i] ?? 'unknown', source: 'directory' as const }));
    if (values.json) {
      io.out(JSON.stringify({ directory: session.info, hosts: rows }, null, 2) + '\n');
    } else {
      io.out(`${hosts.length} Hyper-V host(s) in ${domain}\n`);
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
