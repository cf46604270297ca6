/**
 * One authenticated LDAP session (ldapts 8.x): TLS, simple bind, RootDSE, paged search (over two
 * connections, so searches run side by side) and value-level modifies. The password is used for
 * the binds and kept in this closure only; it is never logged, returned or written anywhere.
 */
import { readFile } from 'node:fs/promises';
import { Attribute, Change, Client, type Filter } from 'ldapts';
import type { ConnectionOptions } from 'node:tls';
import { dnsDomainFromDn } from '../../core/ldap';
import { describeChanges, type ValueChange } from './directory-changes';

export type { ValueChange } from './directory-changes';
import { DirectoryError, sessionEnded, toDirectoryError } from './directory-error';
import { lowerEntry, type LowerEntry } from './account-mapper';

export interface DirectoryConnectOptions {
  /** `ldaps://host[:port]`, or `ldap://host[:port]` with `startTls` (or the loopback lab). */
  readonly url: string;
  readonly startTls?: boolean;
  readonly baseDn?: string;
  /** UPN (`admin@lab.example`) or DN. */
  readonly bindUser: string;
  readonly password: string;
  /** PEM file with the CA that signed the DC's certificate. */
  readonly caFile?: string;
  /** Loudly labelled escape hatch: accept any certificate. Never the default. */
  readonly trustServerCertificate?: boolean;
  /** Name to check the certificate against when the URL uses an address (e.g. `DC1.lab.example`). */
  readonly tlsServerName?: string;
  /** Ferry's own lab directory: plain LDAP is allowed, but only to a loopback address. */
  readonly lab?: boolean;
  readonly timeoutMs?: number;
  readonly pageSize?: number;
}

export interface DirectoryInfo {
  readonly url: string;
  readonly defaultNamingContext: string;
  readonly dnsDomain: string;
  readonly bindUser: string;
  readonly lab: boolean;
}

export interface SearchSpec {
  readonly base?: string;
  readonly scope?: 'base' | 'one' | 'sub';
  readonly filter: Filter | string;
  readonly attributes: readonly string[];
  readonly paged?: boolean;
  /** Binary attributes (objectSid, tokenGroups): returned as lower-case hex instead of text. */
  readonly binaryAttributes?: readonly string[];
}

export interface DirectorySession {
  readonly info: DirectoryInfo;
  search(spec: SearchSpec): Promise<LowerEntry[]>;
  addValue(dn: string, attribute: string, value: string): Promise<void>;
  deleteValue(dn: string, attribute: string, value: string): Promise<void>;
  /** Delete-old-value + add-new-value in one modify: fails if the old value is gone. */
  swapValue(dn: string, attribute: string, oldValue: string, newValue: string): Promise<void>;
  /**
   * Several single-value adds and deletes on one entry in one modify, which the directory
   * applies all or not at all (RFC 4511 §4.6): a group's delegation costs one request per account.
   */
  modifyValues(dn: string, changes: readonly ValueChange[]): Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function checkUrl(options: DirectoryConnectOptions): URL {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new DirectoryError('invalid-input', `Not an LDAP URL: use ldaps://server[:port] or ldap://server with StartTLS.`, undefined, 'url');
  }
  if (url.protocol === 'ldaps:') return url;
  if (url.protocol !== 'ldap:') throw new DirectoryError('invalid-input', 'The URL must start with ldaps:// or ldap://.', undefined, 'url');
  if (options.startTls) return url;
  // Plain LDAP is allowed for Ferry's loopback lab directory only: credentials never cross a wire.
  if (options.lab && LOOPBACK.has(url.hostname)) return url;
  throw new DirectoryError('tls-required', 'ldap:// without StartTLS would send the password in clear text. Use ldaps:// or add StartTLS.', undefined, 'url');
}

async function tlsOptionsFor(options: DirectoryConnectOptions): Promise<ConnectionOptions> {
  const tls: ConnectionOptions = { minVersion: 'TLSv1.2' };
  if (options.caFile !== undefined) {
    try {
      tls.ca = [await readFile(options.caFile)];
    } catch {
      throw new DirectoryError('invalid-input', 'The CA file cannot be read. Give the path of a PEM file with the CA certificate of your domain controllers.', undefined, 'caFile');
    }
  }
  if (options.tlsServerName !== undefined) tls.servername = options.tlsServerName;
  if (options.trustServerCertificate === true) tls.rejectUnauthorized = false;
  return tls;
}

function upnDomain(bindUser: string): string | undefined {
  const at = bindUser.lastIndexOf('@');
  return at > 0 ? bindUser.slice(at + 1).toLowerCase() : undefined;
}

async function openClient(options: DirectoryConnectOptions, url: URL, tlsOptions: ConnectionOptions): Promise<Client> {
  const timeout = options.timeoutMs ?? 15_000;
  const client = new Client({
    url: options.url,
    timeout,
    connectTimeout: timeout,
    ...(url.protocol === 'ldaps:' ? { tlsOptions } : {}),
  });
  // ldapts resolves the servername from the URL host; an address URL with a certificate name needs the override.
  try {
    if (url.protocol === 'ldap:' && options.startTls) await client.startTLS(tlsOptions);
    await client.bind(options.bindUser, options.password);
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw toDirectoryError(error, 'connect and sign in');
  }
  return client;
}

export async function connectDirectory(options: DirectoryConnectOptions): Promise<DirectorySession> {
  const url = checkUrl(options);
  const tlsOptions = await tlsOptionsFor(options);
  const client = await openClient(options, url, tlsOptions);
  // A second connection, opened only after the first bind succeeded (a wrong password must not
  // count twice towards the account's lockout), lets searches run side by side: Samba answers one
  // connection's requests in order, and discovery's two searches took 1.6x as long on one.
  // Best effort: without it everything still works on the first. Modifies stay on the first.
  const spare = await openClient(options, url, tlsOptions).catch(() => undefined);
  const searchers = [client, ...(spare ? [spare] : [])].map((c) => ({ client: c, inFlight: 0 }));
  const pageSize = options.pageSize ?? 1000;
  const closeAll = () => Promise.all(searchers.map((s) => s.client.unbind().catch(() => undefined)));

  // ldapts reopens a closed connection by itself on the next request, without a bind: an
  // anonymous search would then fail with an obscure "operations error", or worse, return less.
  // So a closed spare is dropped, and a closed first connection ends the session for good.
  let ended = false;
  const endSession = (): DirectoryError => {
    ended = true;
    void closeAll();
    return sessionEnded();
  };
  const ensureOpen = (): void => {
    if (ended) throw sessionEnded();
    for (let i = searchers.length - 1; i > 0; i--) if (!searchers[i]!.client.isConnected) searchers.splice(i, 1);
    if (!client.isConnected) throw endSession();
  };
  /** After a request: if its connection was reopened unbound, the answer is not the bound user's. */
  const ensureStillBound = (c: Client): void => {
    if (!c.isBound) throw endSession();
  };

  const search = async (spec: SearchSpec): Promise<LowerEntry[]> => {
    ensureOpen();
    // The least busy connection, the first on a tie: a read-back right after a modify goes to it.
    const searcher = searchers.reduce((best, s) => (s.inFlight < best.inFlight ? s : best));
    searcher.inFlight++;
    try {
      const result = await searcher.client.search(spec.base ?? baseDn, {
        scope: spec.scope ?? 'sub',
        filter: spec.filter,
        attributes: [...spec.attributes],
        ...(spec.paged === false ? {} : { paged: { pageSize } }),
        ...(spec.binaryAttributes ? { explicitBufferAttributes: [...spec.binaryAttributes] } : {}),
      });
      ensureStillBound(searcher.client);
      const hex = new Set((spec.binaryAttributes ?? []).map((a) => a.toLowerCase()));
      return result.searchEntries.map((e) => lowerEntry(e, hex));
    } catch (error) {
      if (error instanceof DirectoryError) throw error;
      ensureStillBound(searcher.client);
      throw toDirectoryError(error, 'search the directory');
    } finally {
      searcher.inFlight--;
    }
  };

  let baseDn = '';
  let rootDse: LowerEntry | undefined;
  try {
    [rootDse] = await search({ base: '', scope: 'base', filter: '(objectClass=*)', attributes: ['defaultNamingContext', 'dnsHostName'], paged: false });
  } catch (error) {
    await closeAll();
    throw error;
  }
  const defaultNamingContext = options.baseDn ?? rootDse?.attrs.get('defaultnamingcontext')?.[0] ?? '';
  if (defaultNamingContext === '') {
    await closeAll();
    throw new DirectoryError('not-found', 'The directory did not announce a default naming context; give the base DN explicitly.');
  }
  baseDn = defaultNamingContext;
  const info: DirectoryInfo = {
    url: options.url,
    defaultNamingContext,
    dnsDomain: dnsDomainFromDn(defaultNamingContext) || upnDomain(options.bindUser) || '',
    bindUser: options.bindUser,
    lab: options.lab === true,
  };

  const modify = async (dn: string, changes: Change[], what: string): Promise<void> => {
    ensureOpen();
    try {
      await client.modify(dn, changes);
    } catch (error) {
      ensureStillBound(client);
      throw toDirectoryError(error, what, dn);
    }
  };
  const modifyValues = (dn: string, changes: readonly ValueChange[]) =>
    modify(dn, changes.map((c) => new Change({ operation: c.operation, modification: new Attribute({ type: c.attribute, values: [c.value] }) })), describeChanges(changes));

  return {
    info,
    search,
    addValue: (dn, attribute, value) => modifyValues(dn, [{ operation: 'add', attribute, value }]),
    deleteValue: (dn, attribute, value) => modifyValues(dn, [{ operation: 'delete', attribute, value }]),
    swapValue: (dn, attribute, oldValue, newValue) => modifyValues(dn, [{ operation: 'delete', attribute, value: oldValue }, { operation: 'add', attribute, value: newValue }]),
    modifyValues,
    close: async () => {
      await closeAll();
    },
  };
}
