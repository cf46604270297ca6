/**
 * LDAP escaping, pure: filter values per RFC 4515, DN attribute values per RFC 4514.
 *
 * Every value that came from a user or a host (a typed-in name, a dNSHostName) passes through
 * one of these before it becomes part of a filter string or a DN, so it stays data.
 */

/** RFC 4515 §3: escape `* ( ) \ NUL` (and, to be safe, every non-printable ASCII byte) as `\xx`. */
export function escapeFilterValue(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '*' || ch === '(' || ch === ')' || ch === '\\' || code < 0x20 || code === 0x7f) {
      out += '\\' + code.toString(16).padStart(2, '0');
    } else {
      out += ch;
    }
  }
  return out;
}

/** RFC 4514 §2.4: escape an attribute value for use inside a DN. */
export function escapeDnValue(value: string): string {
  let out = '';
  const chars = [...value];
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0) ?? 0;
    const first = i === 0;
    const last = i === chars.length - 1;
    if (code === 0) out += '\\00';
    else if (',+"\\<>;='.includes(ch)) out += '\\' + ch;
    else if (first && (ch === ' ' || ch === '#')) out += '\\' + ch;
    else if (last && ch === ' ') out += '\\ ';
    else if (code < 0x20 || code === 0x7f) out += '\\' + code.toString(16).padStart(2, '0');
    else out += ch;
  });
  return out;
}

/**
 * Splits a DN string into its RDN strings, honouring `\` escapes (so `CN=a\,b,DC=x` has two RDNs).
 * Used to strip the first RDN of a service connection point's DN.
 */
export function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i] as string;
    if (ch === '\\' && i + 1 < dn.length) {
      current += ch + (dn[i + 1] as string);
      i++;
    } else if (ch === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** The parent DN: everything after the first RDN (empty for a single-RDN DN). */
export function parentDn(dn: string): string {
  return splitDn(dn).slice(1).join(',');
}

/** `DC=lab,DC=example` → `lab.example` (lower case); non-DC RDNs are ignored. */
export function dnsDomainFromDn(dn: string): string {
  return splitDn(dn)
    .filter((rdn) => /^dc=/i.test(rdn))
    .map((rdn) => rdn.slice(3).toLowerCase())
    .join('.');
}
