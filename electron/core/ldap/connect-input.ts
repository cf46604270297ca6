/**
 * Checks what an admin typed to connect to the directory before any socket is opened, so a
 * bad value gets a message naming its field instead of a vague connection failure.
 */
import { hostNameProblem } from '../settings/host-name';
import { splitDn } from './escape';

interface ConnectInput {
  readonly url: string;
  readonly bindUser: string;
  readonly baseDn?: string;
}

interface FieldProblem {
  readonly field: 'url' | 'bindUser' | 'baseDn';
  readonly message: string;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `ldaps://host[:port]` or `ldap://host[:port]`, with an optional trailing slash and nothing else. */
export function validateLdapUrl(url: string): string | null {
  const m = /^(ldaps?):\/\/(\[[0-9A-Fa-f:.]+\]|[^/:[\]]+)(?::(\d{1,5}))?\/?$/.exec(url);
  if (!m) return 'url: use ldaps://server[:port], or ldap://server[:port] with StartTLS.';
  const host = m[2] as string;
  const port = m[3];
  const hostOk = host.startsWith('[') ? /^\[[0-9A-Fa-f:.]+\]$/.test(host) && host.includes(':') : hostNameProblem(host) === null;
  if (!hostOk) return `url: '${host.slice(0, 64)}' is not a server name or IP address.`;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return 'url: the port must be between 1 and 65535.';
  return null;
}

/** A UPN (`admin@corp.example`), a down-level name (`CORP\admin`) or a DN. */
export function validateBindUser(user: string): string | null {
  if (user.trim() !== user || user.length === 0 || user.length > 512 || CONTROL.test(user)) {
    return 'bindUser: give your user name as admin@corp.example or CORP\\admin.';
  }
  const upn = /^([^@\s"\\/[\]:;|=,+*?<>]{1,256})@([^@\s]+)$/.exec(user);
  if (upn && hostNameProblem(upn[2] as string) === null) return null;
  const downLevel = /^([A-Za-z0-9][A-Za-z0-9-]{0,14})\\([^\\@\s"/[\]:;|=,+*?<>]{1,256})$/.exec(user);
  if (downLevel) return null;
  if (validateDn(user) === null && user.includes('=')) return null;
  return 'bindUser: give your user name as admin@corp.example or CORP\\admin.';
}

/** A DN whose every RDN is `attribute=value` with a plain attribute name. */
export function validateDn(dn: string): string | null {
  if (dn.length === 0 || dn.length > 2048 || CONTROL.test(dn)) return 'not a distinguished name';
  const rdns = splitDn(dn);
  if (rdns.length === 0) return 'not a distinguished name';
  for (const rdn of rdns) {
    const eq = rdn.indexOf('=');
    if (eq <= 0 || rdn.slice(eq + 1).trim() === '') return 'not a distinguished name';
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(rdn.slice(0, eq).trim())) return 'not a distinguished name';
  }
  return null;
}

export function validateConnectInput(input: ConnectInput): FieldProblem | null {
  const url = validateLdapUrl(input.url);
  if (url) return { field: 'url', message: url };
  const user = validateBindUser(input.bindUser);
  if (user) return { field: 'bindUser', message: user };
  if (input.baseDn !== undefined && input.baseDn !== '' && validateDn(input.baseDn) !== null) {
    return { field: 'baseDn', message: 'baseDn: give a distinguished name such as DC=corp,DC=example.' };
  }
  return null;
}
