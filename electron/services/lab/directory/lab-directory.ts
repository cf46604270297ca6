/**
 * Ferry's lab directory: a loopback LDAP server holding the lab's hosts as computer objects with
 * SPNs and Hyper-V service connection points, so lab mode runs the real directory code.
 *
 * Lab only: plain LDAP on 127.0.0.1 with a random port and a random per-start password (the
 * directory service accepts ldap:// without TLS only for `lab: true` loopback URLs). No TLS:
 * Windows has no openssl to mint a certificate offline, and nothing leaves the machine.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { decodeRequest, encodeEntry, encodeResult, PAGED_OID, readPagedControl, splitFrames, writePagedControl, type Request } from './ldap-codec';
import { LabStore, LdapResultError, makeEntry, type LabEntry } from './lab-store';

export interface LabHost {
  readonly name: string;
  readonly dnsHostName?: string;
  readonly os?: string;
  readonly osVersion?: string;
  readonly spns?: readonly string[];
  readonly scp?: boolean;
  readonly userAccountControl?: number;
  readonly allowedToDelegateTo?: readonly string[];
  /** The account's SID (`S-1-5-21-…`), stored as text and sent binary. */
  readonly objectSid?: string;
}

export interface LabDirectoryOptions {
  readonly hosts: readonly LabHost[];
  readonly domain?: string;
  /** Serve this store instead of one built from `hosts` (a lab directory loaded from disk). */
  readonly store?: LabStore;
  /** Bind password; default a random one per start. Tests pass a recognisable one. */
  readonly password?: string;
  /**
   * Runs after every successful modify, before the client hears success (so a write the client
   * saw acknowledged is saved). If it throws, the modify is undone and reported as failed.
   */
  readonly afterModify?: (store: LabStore) => Promise<void>;
  /** The bind user is in Domain Admins (default true); false models a delegated helpdesk account. */
  readonly bindUserIsDomainAdmin?: boolean;
}

export interface LabDirectory {
  readonly url: string;
  readonly baseDn: string;
  readonly bindUser: string;
  readonly password: string;
  stop(): Promise<void>;
}

/** Default SPNs of a Hyper-V host: HOST, migration service and console, short and FQDN. */
export function hyperVSpns(name: string, fqdn: string): string[] {
  return ['HOST', 'Microsoft Virtual System Migration Service', 'Microsoft Virtual Console Service'].flatMap((c) => [`${c}/${name}`, `${c}/${fqdn}`]);
}

/** The computers container of the lab domain, where every lab host's account lives. */
export const computersDn = (baseDn: string): string => `CN=Computers,${baseDn}`;

/** A host's computer object and, for Hyper-V hosts, its `Microsoft Hyper-V` SCP. */
export function addHostEntries(store: LabStore, h: LabHost, baseDn: string): void {
  const dn = `CN=${h.name},${computersDn(baseDn)}`;
  store.add(
    makeEntry(dn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
      cn: h.name,
      sAMAccountName: `${h.name}$`,
      dNSHostName: h.dnsHostName,
      operatingSystem: h.os,
      operatingSystemVersion: h.osVersion,
      userAccountControl: String(h.userAccountControl ?? 0x1000),
      servicePrincipalName: h.spns ? [...h.spns] : undefined,
      'msDS-AllowedToDelegateTo': h.allowedToDelegateTo ? [...h.allowedToDelegateTo] : undefined,
      objectSid: h.objectSid,
    }),
  );
  if (h.scp) store.add(makeEntry(`CN=Microsoft Hyper-V,${dn}`, { objectClass: ['top', 'serviceConnectionPoint'], cn: 'Microsoft Hyper-V', keywords: 'Microsoft Hyper-V' }));
}

/** A further domain's root and Computers container (a child domain of the lab's), when missing. */
export function addDomainEntries(store: LabStore, domain: string): void {
  const baseDn = baseDnOf(domain);
  if (!store.get(baseDn)) store.add(makeEntry(baseDn, { objectClass: ['top', 'domain', 'domainDNS'], dc: domain.split('.')[0] }));
  if (!store.get(computersDn(baseDn))) store.add(makeEntry(computersDn(baseDn), { objectClass: ['top', 'container'], cn: 'Computers' }));
}

export function buildStore(hosts: readonly LabHost[], domain: string, baseDn: string, bindUserIsDomainAdmin = true): LabStore {
  const store = new LabStore();
  store.add(makeEntry(baseDn, { objectClass: ['top', 'domain', 'domainDNS'], dc: domain.split('.')[0] }));
  store.add(makeEntry(computersDn(baseDn), { objectClass: ['top', 'container'], cn: 'Computers' }));
  addBindUserEntries(store, domain, baseDn, bindUserIsDomainAdmin);
  for (const h of hosts) addHostEntries(store, h, baseDn);
  return store;
}

/** The lab's fixed domain SID (lab hosts' local groups name the same Domain Admins SID). */
export const LAB_DIRECTORY_DOMAIN_SID = 'S-1-5-21-2000-2000-2000';
export const LAB_BIND_ACCOUNT = 'ferry-lab';

/**
 * The bind user as a user object (so Ferry can read its groups) with Domain Admins and Domain
 * Users; objectSid values are stored as text and sent binary. Adds only what is missing, so a
 * directory saved before users existed gains them on its next start.
 */
export function addBindUserEntries(store: LabStore, domain: string, baseDn: string, domainAdmin = true): void {
  const users = `CN=Users,${baseDn}`;
  const userDn = `CN=${LAB_BIND_ACCOUNT},${users}`;
  const admins = `CN=Domain Admins,${users}`;
  const domainUsers = `CN=Domain Users,${users}`;
  const add = (dn: string, attrs: Record<string, string | string[] | undefined>) => {
    if (!store.get(dn)) store.add(makeEntry(dn, attrs));
  };
  add(users, { objectClass: ['top', 'container'], cn: 'Users' });
  add(admins, {
    objectClass: ['top', 'group'], cn: 'Domain Admins', sAMAccountName: 'Domain Admins',
    objectSid: `${LAB_DIRECTORY_DOMAIN_SID}-512`, member: domainAdmin ? userDn : undefined,
  });
  add(domainUsers, { objectClass: ['top', 'group'], cn: 'Domain Users', sAMAccountName: 'Domain Users', objectSid: `${LAB_DIRECTORY_DOMAIN_SID}-513` });
  add(userDn, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    cn: LAB_BIND_ACCOUNT,
    sAMAccountName: LAB_BIND_ACCOUNT,
    userPrincipalName: `${LAB_BIND_ACCOUNT}@${domain}`,
    objectSid: `${LAB_DIRECTORY_DOMAIN_SID}-1105`,
    primaryGroupID: '513',
    userAccountControl: '512',
    memberOf: domainAdmin ? admins : undefined,
  });
}

/** `lab.example` → `DC=lab,DC=example`. */
export const baseDnOf = (domain: string): string => domain.split('.').map((p) => `DC=${p}`).join(',');

function project(entry: LabEntry, attributes: readonly string[]): { name: string; values: string[] }[] {
  const wanted = attributes.map((a) => a.toLowerCase());
  if (wanted.includes('1.1') && wanted.length === 1) return [];
  const all = wanted.length === 0 || wanted.includes('*');
  return [...entry.attrs.entries()].filter(([k]) => all || wanted.includes(k)).map(([, a]) => a);
}

export async function startLabDirectory(options: LabDirectoryOptions): Promise<LabDirectory> {
  const domain = (options.domain ?? 'lab.example').toLowerCase();
  const baseDn = baseDnOf(domain);
  const bindUser = `${LAB_BIND_ACCOUNT}@${domain}`;
  const password = options.password ?? randomBytes(18).toString('base64url');
  const store = options.store ?? buildStore(options.hosts, domain, baseDn, options.bindUserIsDomainAdmin ?? true);
  const sockets = new Set<net.Socket>();

  const handle = (req: Request, bound: { ok: boolean }, send: (b: Buffer) => void): void => {
    switch (req.op) {
      case 'bind': {
        const ok = (req.name.toLowerCase() === bindUser || req.name.toLowerCase() === `cn=ferry-lab,cn=users,${baseDn.toLowerCase()}`) && req.password === password;
        bound.ok = ok;
        send(encodeResult(req.id, 0x61, ok ? 0 : 49, ok ? '' : '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e'));
        return;
      }
      case 'search': {
        if (req.base === '' && req.scope === 0) {
          send(encodeEntry(req.id, '', [
            { name: 'defaultNamingContext', values: [baseDn] },
            { name: 'dnsHostName', values: [`dc1.${domain}`] },
            { name: 'supportedControl', values: [PAGED_OID] },
            { name: 'supportedLDAPVersion', values: ['3'] },
          ]));
          send(encodeResult(req.id, 0x65, 0));
          return;
        }
        if (!bound.ok) {
          send(encodeResult(req.id, 0x65, 1, '000004DC: LdapErr: DSID-0C090A5C, comment: In order to perform this operation a successful bind must be completed on the connection.'));
          return;
        }
        try {
          const found = store.search(req.base, req.scope, req.filter);
          const paged = req.controls.find((c) => c.oid === PAGED_OID);
          let start = 0;
          let end = found.length;
          if (paged?.value) {
            const { size, cookie } = readPagedControl(paged.value);
            start = cookie === '' ? 0 : Number(cookie) || 0;
            end = size > 0 ? Math.min(found.length, start + size) : found.length;
          } else if (req.sizeLimit > 0) end = Math.min(end, req.sizeLimit);
          for (const e of found.slice(start, end)) send(encodeEntry(req.id, e.dn, project(e, req.attributes)));
          const next = end < found.length ? String(end) : '';
          send(encodeResult(req.id, 0x65, 0, '', paged ? (w) => writePagedControl(w, next) : undefined));
        } catch (error) {
          const e = error instanceof LdapResultError ? error : new LdapResultError(80, 'other');
          send(encodeResult(req.id, 0x65, e.code, e.message));
        }
        return;
      }
      case 'modify': {
        if (!bound.ok) {
          send(encodeResult(req.id, 0x67, 50, 'insufficientAccessRights: bind first'));
          return;
        }
        const entry = store.get(req.dn);
        const before = entry?.attrs;
        try {
          store.modify(req.dn, req.changes);
        } catch (error) {
          const e = error instanceof LdapResultError ? error : new LdapResultError(80, 'other');
          send(encodeResult(req.id, 0x67, e.code, e.message));
          return;
        }
        if (!options.afterModify) {
          send(encodeResult(req.id, 0x67, 0));
          return;
        }
        options.afterModify(store).then(
          () => send(encodeResult(req.id, 0x67, 0)),
          () => {
            // Not saved = not done: the next start would not see it, so the client must not either.
            if (entry && before) entry.attrs = before;
            send(encodeResult(req.id, 0x67, 80, 'other: the lab directory could not save the change'));
          },
        );
        return;
      }
      case 'extended':
        send(encodeResult(req.id, 0x78, 2, 'The lab directory serves plain LDAP on loopback only (no StartTLS).'));
        return;
      case 'other':
        send(encodeResult(req.id, req.tag + 1, 53, 'unwillingToPerform: the lab directory supports bind, search and modify'));
        return;
      default:
        return;
    }
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    // Many small response PDUs per request: without this, delayed ACKs add ~40 ms per round trip.
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const bound = { ok: false };
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      try {
        const { frames, rest } = splitFrames(pending.length ? Buffer.concat([pending, chunk]) : chunk);
        pending = Buffer.from(rest);
        for (const frame of frames) {
          const req = decodeRequest(frame);
          if (req.op === 'unbind') {
            socket.end();
            return;
          }
          handle(req, bound, (b) => socket.write(b));
        }
      } catch {
        socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `ldap://127.0.0.1:${port}`,
    baseDn,
    bindUser,
    password,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A synthetic directory of `count` computers, `withScp` of them Hyper-V hosts (UI bench, demos). */
export function syntheticLabHosts(count: number, withScp: number, domain = 'lab.example'): LabHost[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `HV${String(i + 1).padStart(5, '0')}`;
    const fqdn = `${name.toLowerCase()}.${domain}`;
    const hyperV = i < withScp;
    return { name, dnsHostName: fqdn, os: 'Windows Server 2022 Datacenter', osVersion: '10.0 (20348)', spns: hyperV ? hyperVSpns(name, fqdn) : [`HOST/${name}`, `HOST/${fqdn}`], scp: hyperV };
  });
}
