/**
 * The directory flags `ferry discover`, `delegation`, `test` and `rollback` share, and the
 * directory session they name: the lab folder's (`--lab`), a password bind (`--ldap-url` +
 * `--bind-user`, the password from FERRY_LDAP_PASSWORD or a prompt, never an argument) or the
 * signed-in Windows user (`--integrated`). Bad input is an ArgError naming the flag, raised
 * before any prompt or socket.
 */
import type { CliIo } from './run-cli';
import { connectDirectory, type DirectoryConnectOptions, type DirectorySession } from '../services/directory/directory-session';
import { assertIntegratedAuthSupported, connectNegotiateDirectory } from '../services/directory/negotiate-session';
import { validateBindUser, validateDn, validateLdapUrl } from '../core/ldap/connect-input';
import { ArgError, stringArg, type ArgSpec, type ParsedArgs } from './args';
import { openLabDirectorySession } from './lab-directory-session';
import { printable } from './output';

/** The flags that name a real directory and how to reach it. */
export const DIRECTORY_CONNECTION_SPEC: ArgSpec = {
  'ldap-url': { type: 'string' },
  starttls: { type: 'boolean' },
  'base-dn': { type: 'string' },
  'bind-user': { type: 'string' },
  'ca-file': { type: 'string' },
  'tls-server-name': { type: 'string' },
  'trust-server-certificate': { type: 'boolean' },
  integrated: { type: 'boolean' },
};

/** `ferry discover`'s flags, which `delegation` and `test` take as well. */
export const DIRECTORY_SPEC: ArgSpec = {
  ...DIRECTORY_CONNECTION_SPEC,
  lab: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The directory flags that name a real directory; none of them goes with `--lab`. */
const REAL_DIRECTORY_FLAGS = ['ldap-url', 'bind-user', 'starttls', 'base-dn', 'ca-file', 'tls-server-name', 'trust-server-certificate', 'integrated'] as const;

const given = (args: ParsedArgs, flag: string): boolean => args.switches.has(flag) || stringArg(args, flag) !== undefined;

/** True when the flags name a real directory (`--ldap-url` or `--integrated`). */
export const namesRealDirectory = (args: ParsedArgs): boolean => given(args, 'ldap-url') || given(args, 'integrated');

/** Reads the password without echo from a TTY; never from an argument. */
async function readPassword(io: CliIo, prompt: string): Promise<string> {
  const fromEnv = io.env.FERRY_LDAP_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new ArgError('--bind-user', 'no password: set FERRY_LDAP_PASSWORD or run in a terminal to be asked (passwords are never taken as arguments)');
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
          reject(new ArgError('password', 'cancelled'));
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
async function integratedDirectory(args: ParsedArgs, url: string, io: CliIo): Promise<DirectorySession> {
  const clash = (['bind-user', 'starttls', 'ca-file', 'tls-server-name', 'trust-server-certificate'] as const).find((k) => given(args, k));
  if (clash !== undefined) {
    throw new ArgError(`--${clash}`, 'cannot be combined with --integrated (Windows signs in for you; ldap:// is Kerberos-sealed, ldaps:// uses the Windows trust store)');
  }
  assertIntegratedAuthSupported();
  const { PowerShellPool } = await import('../services/powershell/pool');
  const pool = new PowerShellPool({ size: 1, ...(io.env.FERRY_PWSH ? { executable: io.env.FERRY_PWSH } : {}) });
  const baseDn = stringArg(args, 'base-dn');
  try {
    const session = await connectNegotiateDirectory({ url, ...(baseDn !== undefined ? { baseDn } : {}) }, (script, data) => pool.run(script, data));
    return { ...session, close: async () => { await session.close(); await pool.dispose(); } };
  } catch (error) {
    await pool.dispose();
    throw error;
  }
}

export async function directoryFromArgs(args: ParsedArgs, io: CliIo): Promise<DirectorySession> {
  const lab = stringArg(args, 'lab');
  if (lab !== undefined) {
    const clash = REAL_DIRECTORY_FLAGS.find((k) => given(args, k));
    if (clash !== undefined) throw new ArgError(`--${clash}`, 'cannot be combined with --lab (the lab folder has its own directory)');
    return openLabDirectorySession(lab, io.env);
  }
  const url = stringArg(args, 'ldap-url');
  const bindUser = stringArg(args, 'bind-user');
  const baseDn = stringArg(args, 'base-dn');
  if (url === undefined) throw new ArgError('--ldap-url', 'is required (ldaps://server[:port], or ldap://server with --starttls), or --lab <dir> for a lab folder');
  // Checked before any prompt or socket, so bad input is exit 2 with a message naming the flag.
  const urlProblem = validateLdapUrl(url);
  if (urlProblem !== null) throw new ArgError('--ldap-url', `${urlProblem.replace(/^url: /, '')} (got '${printable(url)}')`);
  if (baseDn !== undefined && validateDn(baseDn) !== null) throw new ArgError('--base-dn', `not a distinguished name (got '${printable(baseDn)}')`);
  if (args.switches.has('integrated')) return integratedDirectory(args, url, io);
  const bindProblem = bindUser !== undefined ? validateBindUser(bindUser) : null;
  if (bindUser !== undefined && bindProblem !== null) throw new ArgError('--bind-user', `${bindProblem.replace(/^bindUser: /, '')} (got '${printable(bindUser)}')`);
  if (bindUser === undefined) throw new ArgError('--bind-user', 'is required (e.g. admin@corp.example)');
  const trustAny = args.switches.has('trust-server-certificate');
  if (trustAny) io.err('WARNING: --trust-server-certificate: the server certificate is NOT checked. Anyone in the path can read your password.\n');
  const password = await readPassword(io, `Password for ${bindUser}: `);
  const caFile = stringArg(args, 'ca-file');
  const tlsServerName = stringArg(args, 'tls-server-name');
  const options: DirectoryConnectOptions = {
    url,
    bindUser,
    password,
    startTls: args.switches.has('starttls'),
    ...(baseDn !== undefined ? { baseDn } : {}),
    ...(caFile !== undefined ? { caFile } : {}),
    ...(tlsServerName !== undefined ? { tlsServerName } : {}),
    ...(trustAny ? { trustServerCertificate: true } : {}),
  };
  return connectDirectory(options);
}
