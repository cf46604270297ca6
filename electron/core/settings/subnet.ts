/**
 * Migration-network subnets: a single IP or CIDR, IPv4 or IPv6, parsed (never pattern-matched)
 * into numbers and printed back in one canonical form.
 *
 * Hyper-V reports a network as `<SubnetNumber>/<PrefixLength>` and matches networks by parsed
 * address plus prefix length, so two spellings of the same subnet (`10.0.0.1`, `10.0.0.1/32`,
 * `2001:DB8::/64`, `2001:db8:0::/64`) must compare equal: `subnetKey` gives that identity.
 */

type IpFamily = 'ipv4' | 'ipv6';

export interface ParsedSubnet {
  readonly family: IpFamily;
  /** Address bytes exactly as written (4 or 16). */
  readonly bytes: readonly number[];
  readonly prefix: number;
  /** True when the text had no `/prefix` (a single IP: /32 or /128). */
  readonly singleAddress: boolean;
  /** Bits below the prefix were set in the written address (`10.0.0.5/24`). */
  readonly hostBitsSet: boolean;
  /** `address/prefix` with the network address (host bits cleared), canonically printed. */
  readonly canonical: string;
}

/**
 * What is wrong with a subnet, as a code + params (the window says it from `subnet.<code>`), and
 * the English sentence the CLI and logs print.
 */
type SubnetProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'two-slashes' }
  | { readonly code: 'not-an-address' }
  | { readonly code: 'bad-address'; readonly family: 'IPv4' | 'IPv6' }
  | { readonly code: 'bad-prefix'; readonly max: number }
  | { readonly code: 'host-bits'; readonly prefix: number; readonly canonical: string };

type SubnetIssue = { readonly message: string; readonly code: SubnetProblem['code']; readonly params: Readonly<Record<string, string | number>> };

function subnetMessage(p: SubnetProblem): string {
  switch (p.code) {
    case 'empty':
      return 'is empty';
    case 'too-long':
      return `is longer than ${p.max} characters`;
    case 'two-slashes':
      return 'has more than one "/"';
    case 'not-an-address':
      return 'is not an IPv4 or IPv6 address or subnet';
    case 'bad-address':
      return `is not a valid ${p.family} address`;
    case 'bad-prefix':
      return `has an invalid prefix length (0-${p.max})`;
    case 'host-bits':
      return `has host bits set below /${p.prefix}; did you mean ${p.canonical}?`;
  }
}

function issueOf(problem: SubnetProblem): SubnetIssue {
  const { code, ...params } = problem;
  return { message: subnetMessage(problem), code, params };
}

type SubnetParseResult =
  | { readonly ok: true; readonly subnet: ParsedSubnet }
  | ({ readonly ok: false } & SubnetIssue);

/** Longest text we even look at; the longest valid form (`IPv6 with IPv4 tail/128`) is ~50. */
const MAX_SUBNET_TEXT = 64;

const fail = (problem: SubnetProblem): SubnetParseResult => ({ ok: false, ...issueOf(problem) });

/** Decimal digits only, no sign, no leading zero (an `010` octet is octal to some parsers). */
function parseDecimal(text: string, max: number): number | null {
  if (text.length === 0 || text.length > 3) return null;
  for (const ch of text) if (ch < '0' || ch > '9') return null;
  if (text.length > 1 && text.startsWith('0')) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    const value = parseDecimal(part, 255);
    if (value === null) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseHexGroup(text: string): number | null {
  if (text.length === 0 || text.length > 4) return null;
  for (const ch of text.toLowerCase()) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return null;
  }
  return parseInt(text, 16);
}

/** RFC 4291 §2.2 text forms, including `::` and a trailing dotted IPv4; no zone ids. */
function parseIpv6(text: string): number[] | null {
  const doubleAt = text.indexOf('::');
  if (doubleAt !== -1 && text.indexOf('::', doubleAt + 1) !== -1) return null;
  const head = doubleAt === -1 ? text : text.slice(0, doubleAt);
  const tail = doubleAt === -1 ? '' : text.slice(doubleAt + 2);
  const toGroups = (part: string, allowIpv4Tail: boolean): number[] | null => {
    if (part === '') return [];
    const pieces = part.split(':');
    const groups: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? '';
      if (allowIpv4Tail && i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
        continue;
      }
      const group = parseHexGroup(piece);
      if (group === null) return null;
      groups.push(group);
    }
    return groups;
  };
  const headGroups = toGroups(head, doubleAt === -1);
  const tailGroups = toGroups(tail, true);
  if (headGroups === null || tailGroups === null) return null;
  let groups: number[];
  if (doubleAt === -1) {
    if (headGroups.length !== 8) return null;
    groups = headGroups;
  } else {
    const missing = 8 - headGroups.length - tailGroups.length;
    // `::` stands for at least one zero group.
    if (missing < 1) return null;
    groups = [...headGroups, ...new Array<number>(missing).fill(0), ...tailGroups];
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  return bytes;
}

function maskBytes(bytes: readonly number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = bitsHere === 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
    return b & mask;
  });
}

function formatIpv4(bytes: readonly number[]): string {
  return bytes.join('.');
}

/** RFC 5952: lower case, no leading zeros, the longest run (≥2) of zero groups as `::`. */
function formatIpv6(bytes: readonly number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

function formatAddress(family: IpFamily, bytes: readonly number[]): string {
  return family === 'ipv4' ? formatIpv4(bytes) : formatIpv6(bytes);
}

/**
 * Parses `a.b.c.d`, `a.b.c.d/n`, an IPv6 address, or `ipv6/n`. Anything else — whitespace,
 * quotes, wildcards, zone ids, leading-zero octets, out-of-range prefixes — is refused with a
 * message saying why.
 */
export function parseSubnet(text: string): SubnetParseResult {
  if (typeof text !== 'string' || text.length === 0) return fail({ code: 'empty' });
  if (text.length > MAX_SUBNET_TEXT) return fail({ code: 'too-long', max: MAX_SUBNET_TEXT });
  const slash = text.indexOf('/');
  if (slash !== -1 && text.indexOf('/', slash + 1) !== -1) return fail({ code: 'two-slashes' });
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? null : text.slice(slash + 1);
  const family: IpFamily | null = addressText.includes(':') ? 'ipv6' : addressText.includes('.') ? 'ipv4' : null;
  if (family === null) return fail({ code: 'not-an-address' });
  const bytes = family === 'ipv4' ? parseIpv4(addressText) : parseIpv6(addressText);
  if (bytes === null) return fail({ code: 'bad-address', family: family === 'ipv4' ? 'IPv4' : 'IPv6' });
  const maxPrefix = family === 'ipv4' ? 32 : 128;
  let prefix = maxPrefix;
  if (prefixText !== null) {
    const parsed = parseDecimal(prefixText, maxPrefix);
    if (parsed === null) return fail({ code: 'bad-prefix', max: maxPrefix });
    prefix = parsed;
  }
  const network = maskBytes(bytes, prefix);
  const hostBitsSet = network.some((b, i) => b !== bytes[i]);
  return {
    ok: true,
    subnet: {
      family,
      bytes,
      prefix,
      singleAddress: prefixText === null,
      hostBitsSet,
      canonical: `${formatAddress(family, network)}/${prefix}`,
    },
  };
}

/** Identity for comparing subnets however they were spelled; null when it does not parse. */
export function subnetKey(text: string): string | null {
  const result = parseSubnet(text);
  return result.ok ? result.subnet.canonical : null;
}

/**
 * Validates a subnet typed by the user: must parse and must not have host bits set (so what
 * Ferry writes is exactly what the host reports back). Returns the canonical form or a message.
 */
export function validateSubnetInput(text: string): { readonly canonical: string } | SubnetIssue {
  const result = parseSubnet(text);
  if (!result.ok) return { message: result.message, code: result.code, params: result.params };
  if (result.subnet.hostBitsSet) {
    return issueOf({ code: 'host-bits', prefix: result.subnet.prefix, canonical: result.subnet.canonical });
  }
  return { canonical: result.subnet.canonical };
}
