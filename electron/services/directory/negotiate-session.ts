/**
 * Integrated Windows authentication: the same DirectorySession as the ldapts one, but every
 * operation runs `directory-negotiate.ps1` (System.DirectoryServices.Protocols, AuthType.Negotiate)
 * as the signed-in user, so a domain-joined workstation needs no password. Only Windows can do
 * that; this adapter is unit-tested with a fake runner and the script is checked statically.
 *
 * Each call opens its own LDAP connection inside the script: the PowerShell pool's processes are
 * shared, so no connection state may live between calls.
 */
import { z } from 'zod';
import { dnsDomainFromDn } from '../../core/ldap';
import type { LowerEntry } from './account-mapper';
import { describeChanges, type ValueChange } from './directory-changes';
import { DirectoryError, toDirectoryError, type DirectoryErrorCode } from './directory-error';
import type { DirectoryInfo, DirectorySession, SearchSpec } from './directory-session';

/** The PowerShell pool's `run(script, data)`: returns the script's `data`, throws on failure. */
export type DirectoryScriptRunner = (script: string, data: unknown) => Promise<unknown>;

export const NEGOTIATE_SCRIPT = 'directory-negotiate.ps1';

export interface NegotiateConnectOptions {
  /** `ldap://dc[:port]` (Kerberos-signed and sealed) or `ldaps://dc[:port]` (Windows trust store). */
  readonly url: string;
  readonly baseDn?: string;
  readonly timeoutMs?: number;
  readonly pageSize?: number;
}

export type NegotiateRequest =
  | { op: 'rootdse'; server: string; port: number; ldaps: boolean; timeoutSeconds: number }
  | {
      op: 'search';
      server: string;
      port: number;
      ldaps: boolean;
      timeoutSeconds: number;
      base: string;
      scope: 'base' | 'one' | 'sub';
      filter: string;
      attributes: string[];
      paged: boolean;
      pageSize: number;
    }
  | {
      op: 'modify';
      server: string;
      port: number;
      ldaps: boolean;
      timeoutSeconds: number;
      dn: string;
      changes: { operation: 'add' | 'delete'; attribute: string; value: string }[];
    };

const EntrySchema = z.object({ dn: z.string(), attrs: z.record(z.string(), z.array(z.string())) });
const ResultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), ldapCode: z.number().optional() }) }),
]);
const RootDseSchema = z.object({ rootDse: z.array(EntrySchema), user: z.string() });

const KNOWN_CODES: readonly DirectoryErrorCode[] = [
  'bad-credentials', 'insufficient-rights', 'unreachable', 'certificate-untrusted', 'not-found', 'ambiguous', 'conflict', 'tls-required', 'invalid-input', 'failed',
];

/** Integrated authentication needs a Windows logon session; elsewhere say so instead of failing obscurely. */
export function assertIntegratedAuthSupported(platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') {
    throw new DirectoryError(
      'failed',
      `Integrated Windows authentication needs a domain-joined Windows workstation (this is ${platform}). Use --bind-user with FERRY_LDAP_PASSWORD instead.`,
    );
  }
}

function endpoint(url: string): { server: string; port: number; ldaps: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DirectoryError('invalid-input', 'Not an LDAP URL: use ldap://dc.example.com or ldaps://dc.example.com[:port].');
  }
  if (parsed.protocol !== 'ldap:' && parsed.protocol !== 'ldaps:') throw new DirectoryError('invalid-input', 'The URL must start with ldap:// or ldaps://.');
  if (parsed.hostname === '' || parsed.pathname.length > 1 || parsed.search !== '' || parsed.username !== '') {
    throw new DirectoryError('invalid-input', 'The URL must name only a server and optional port.');
  }
  const ldaps = parsed.protocol === 'ldaps:';
  return { server: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port === '' ? (ldaps ? 636 : 389) : Number(parsed.port), ldaps };
}

/** Runner failures (PowerShellScriptError and the like) in the directory's vocabulary. */
function fromRunnerError(error: unknown, what: string): DirectoryError {
  if (error instanceof DirectoryError) return error;
  const e = error as { code?: unknown; message?: unknown };
  const text = typeof e?.message === 'string' ? e.message : String(error);
  switch (e?.code) {
    case 'timeout':
      return new DirectoryError('unreachable', `The directory did not answer in time while trying to ${what}.`);
    case 'unreachable':
      return new DirectoryError('unreachable', `The directory server cannot be reached while trying to ${what}: ${text}`);
    case 'access-denied':
      return new DirectoryError('insufficient-rights', `Access denied while trying to ${what}: ${text}`);
    default:
      return new DirectoryError('failed', `Could not ${what} with Windows authentication: ${text}`);
  }
}

function fromScriptError(error: { code: string; message: string; ldapCode?: number | undefined }, what: string, target?: string): DirectoryError {
  if (error.ldapCode === 49) {
    return new DirectoryError(
      'bad-credentials',
      'The directory refused your Windows sign-in (Negotiate). Log on with a domain account, check the clock is in sync with the domain, or use --bind-user.',
      target,
    );
  }
  // LDAP result codes get exactly the messages the ldapts session gives.
  if (error.ldapCode !== undefined && [8, 13, 16, 19, 20, 32, 50, 53].includes(error.ldapCode)) {
    return toDirectoryError({ code: error.ldapCode, message: error.message }, what, target);
  }
  if (error.code === 'unreachable') {
    return new DirectoryError('unreachable', `The directory server cannot be reached (${error.message.trim()}). Check the server name, port and firewall.`, target);
  }
  const code = (KNOWN_CODES as readonly string[]).includes(error.code) ? (error.code as DirectoryErrorCode) : 'failed';
  return new DirectoryError(code, `Could not ${what}: ${error.message.trim()}`, target);
}

/** Opens (and proves) a Negotiate session by reading the RootDSE; later calls reconnect per operation. */
export async function connectNegotiateDirectory(options: NegotiateConnectOptions, run: DirectoryScriptRunner): Promise<DirectorySession> {
  const where = { ...endpoint(options.url), timeoutSeconds: Math.max(1, Math.ceil((options.timeoutMs ?? 15_000) / 1000)) };
  const pageSize = options.pageSize ?? 1000;

  const call = async (request: NegotiateRequest, what: string, target?: string): Promise<unknown> => {
    let raw: unknown;
    try {
      raw = await run(NEGOTIATE_SCRIPT, request);
    } catch (error) {
      throw fromRunnerError(error, what);
    }
    const result = ResultSchema.safeParse(raw);
    if (!result.success) throw new DirectoryError('failed', `Could not ${what}: the directory script returned an unexpected result.`, target);
    if (!result.data.ok) throw fromScriptError(result.data.error, what, target);
    return result.data.data;
  };

  const rootRaw = await call({ op: 'rootdse', ...where }, 'connect and sign in with Windows authentication');
  const root = RootDseSchema.safeParse(rootRaw);
  if (!root.success) throw new DirectoryError('failed', 'The directory script returned an unexpected RootDSE.');
  const announced = root.data.rootDse[0]?.attrs.defaultnamingcontext?.[0];
  const defaultNamingContext = options.baseDn ?? announced ?? '';
  if (defaultNamingContext === '') throw new DirectoryError('not-found', 'The directory did not announce a default naming context; give the base DN explicitly.');
  const info: DirectoryInfo = {
    url: options.url,
    defaultNamingContext,
    dnsDomain: dnsDomainFromDn(defaultNamingContext),
    bindUser: root.data.user,
    lab: false,
  };

  const search = async (spec: SearchSpec): Promise<LowerEntry[]> => {
    const data = await call(
      {
        op: 'search',
        ...where,
        base: spec.base ?? defaultNamingContext,
        scope: spec.scope ?? 'sub',
        // ldapts filter objects print RFC 4515-escaped text; the script passes it to SearchRequest as data.
        filter: typeof spec.filter === 'string' ? spec.filter : spec.filter.toString(),
        attributes: [...spec.attributes],
        paged: spec.paged !== false,
        pageSize,
      },
      'search the directory',
    );
    const entries = z.array(EntrySchema).safeParse(data ?? []);
    if (!entries.success) throw new DirectoryError('failed', 'The directory script returned malformed entries.');
    return entries.data.map((e) => ({ dn: e.dn, attrs: new Map(Object.entries(e.attrs).map(([k, v]) => [k.toLowerCase(), v])) }));
  };

  const modifyValues = async (dn: string, changes: readonly ValueChange[]): Promise<void> => {
    await call({ op: 'modify', ...where, dn, changes: changes.map((c) => ({ ...c })) }, describeChanges(changes), dn);
  };

  return {
    info,
    search,
    addValue: (dn, attribute, value) => modifyValues(dn, [{ operation: 'add', attribute, value }]),
    deleteValue: (dn, attribute, value) => modifyValues(dn, [{ operation: 'delete', attribute, value }]),
    swapValue: (dn, attribute, oldValue, newValue) => modifyValues(dn, [{ operation: 'delete', attribute, value: oldValue }, { operation: 'add', attribute, value: newValue }]),
    modifyValues,
    close: async () => undefined,
  };
}
