/**
 * Host-name validation: NetBIOS names, DNS names (RFC 1123 labels) and IP literals.
 *
 * Returns null when the name is acceptable, otherwise a message that says what is wrong. A
 * host name ends up as a PowerShell argument and an LDAP filter value, so anything outside
 * these rules is refused before it travels anywhere.
 */
/** Longest DNS name (RFC 1035) — also bounds every host field we accept. */
const MAX_HOST_LENGTH = 253;

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for an IPv6 literal (optionally with an embedded IPv4 tail), checked by structure. */
function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return false;
  let head = text;
  let groupsForV4 = 0;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4.test(tail)) return false;
    head = text.slice(0, lastColon + 1) + '0';
    groupsForV4 = 1;
  }
  const doubles = head.split('::').length - 1;
  if (doubles > 1) return false;
  const isGroup = (g: string) => /^[0-9A-Fa-f]{1,4}$/.test(g);
  if (doubles === 1) {
    const [left = '', right = ''] = head.split('::');
    const l = left === '' ? [] : left.split(':');
    const r = right === '' ? [] : right.split(':');
    if (![...l, ...r].every(isGroup)) return false;
    return l.length + r.length + groupsForV4 <= 7;
  }
  const groups = head.split(':');
  return groups.length + groupsForV4 === 8 && groups.every(isGroup);
}

export function validateHostName(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'host name is empty';
  if (name.length > MAX_HOST_LENGTH) return `host name is longer than ${MAX_HOST_LENGTH} characters`;
  if (IPV4.test(name) || isIpv6(name)) return null;
  if (/^[\d.]+$/.test(name)) return `'${printable(name)}' is not a valid IPv4 address`;
  const labels = name.endsWith('.') ? name.slice(0, -1).split('.') : name.split('.');
  for (const label of labels) {
    if (label.length === 0) return 'host name has an empty label (two dots in a row, or a leading dot)';
    if (label.length > 63) return 'a host name label is longer than 63 characters';
    if (!LABEL.test(label)) {
      return `'${printable(label)}' is not a valid host name label: use letters, digits and inner hyphens only`;
    }
  }
  // A single-label name is a NetBIOS computer name: at most 15 characters, not all digits.
  if (labels.length === 1) {
    const only = labels[0] ?? '';
    if (only.length > 15) return 'a NetBIOS computer name is at most 15 characters (use the DNS name instead)';
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'the last label of a host name cannot be all digits';
  return null;
}

/** Shows control characters visibly so an error message cannot reshape the terminal. */
function printable(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  let out = '';
  for (const c of shown) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}
