/**
 * Host-name validation: NetBIOS names, DNS names (RFC 1123 labels) and IP literals.
 *
 * The one home of this rule: the zod HostNameSchema, the CLI, the engine and the renderer's
 * typed-name check all call it. A host name ends up as a PowerShell argument and an LDAP filter
 * value, so anything outside these rules is refused before it travels anywhere.
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

/**
 * What is wrong with a host name, as a code + params: the CLI and the IPC gate print it with
 * `hostNameMessage` (English), the renderer localizes the code. Label and value texts are already
 * made printable (control characters shown as \uXXXX).
 */
type HostNameProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'bad-ipv4'; readonly value: string }
  | { readonly code: 'empty-label' }
  | { readonly code: 'label-too-long' }
  | { readonly code: 'bad-label'; readonly label: string }
  | { readonly code: 'netbios-too-long' }
  | { readonly code: 'numeric-last-label' };

export function hostNameProblem(name: string): HostNameProblem | null {
  if (typeof name !== 'string' || name.length === 0) return { code: 'empty' };
  if (name.length > MAX_HOST_LENGTH) return { code: 'too-long', max: MAX_HOST_LENGTH };
  if (IPV4.test(name) || isIpv6(name)) return null;
  if (/^[\d.]+$/.test(name)) return { code: 'bad-ipv4', value: printable(name) };
  const labels = name.endsWith('.') ? name.slice(0, -1).split('.') : name.split('.');
  for (const label of labels) {
    if (label.length === 0) return { code: 'empty-label' };
    if (label.length > 63) return { code: 'label-too-long' };
    if (!LABEL.test(label)) return { code: 'bad-label', label: printable(label) };
  }
  // A single-label name is a NetBIOS computer name: at most 15 characters, not all digits.
  if (labels.length === 1) {
    const only = labels[0] ?? '';
    if (only.length > 15) return { code: 'netbios-too-long' };
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return { code: 'numeric-last-label' };
  return null;
}

/** The English sentence for a problem (CLI output, IPC gate messages). */
function hostNameMessage(problem: HostNameProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'host name is empty';
    case 'too-long':
      return `host name is longer than ${problem.max} characters`;
    case 'bad-ipv4':
      return `'${problem.value}' is not a valid IPv4 address`;
    case 'empty-label':
      return 'host name has an empty label (two dots in a row, or a leading dot)';
    case 'label-too-long':
      return 'a host name label is longer than 63 characters';
    case 'bad-label':
      return `'${problem.label}' is not a valid host name label: use letters, digits and inner hyphens only`;
    case 'netbios-too-long':
      return 'a NetBIOS computer name is at most 15 characters (use the DNS name instead)';
    case 'numeric-last-label':
      return 'the last label of a host name cannot be all digits';
  }
}

/**
 * The problem as an IPC gate issue: the English message, and the i18n key + params the window
 * says it with (the name shown printable and cut to 40 characters: it is echoed back).
 */
export function hostNameIssue(name: string): { message: string; messageKey: string; messageParams: Record<string, string | number> } | null {
  const problem = hostNameProblem(name);
  if (problem === null) return null;
  const { code, ...params } = problem;
  return { message: hostNameMessage(problem), messageKey: `hostName.${code}`, messageParams: { name: printable(String(name)), ...params } };
}

/**
 * A computer named as the directory knows it: a host name, or its sAMAccountName (`NAME$`) —
 * the same rule with the account's `$` taken off first.
 */
export function isComputerName(name: string): boolean {
  return hostNameProblem(name.endsWith('$') ? name.slice(0, -1) : name) === null;
}

/** Null when the name is acceptable, otherwise the English sentence saying what is wrong. */
export function validateHostName(name: string): string | null {
  const problem = hostNameProblem(name);
  return problem === null ? null : hostNameMessage(problem);
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
