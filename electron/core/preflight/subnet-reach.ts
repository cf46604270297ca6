/**
 * Whether two subnets share addresses: the source can reach a destination migration network
 * when one of its own links lies in (or contains) that network.
 */
import { parseSubnet, type ParsedSubnet } from '../settings/subnet';

// The same few subnet strings recur across every VM and host pair; parsing once keeps the rule
// set at scale (1,000 VMs) cheap. Bounded so hostile input cannot grow it without limit.
const cache = new Map<string, ParsedSubnet | null>();
const CACHE_LIMIT = 4096;

function parsed(text: string): ParsedSubnet | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const r = parseSubnet(text);
  const value = r.ok ? r.subnet : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, value);
  return value;
}

export function subnetsOverlap(a: string, b: string): boolean {
  const pa = parsed(a);
  const pb = parsed(b);
  if (pa === null || pb === null || pa.family !== pb.family) return false;
  const prefix = Math.min(pa.prefix, pb.prefix);
  const x = pa.bytes;
  const y = pb.bytes;
  for (let bit = 0; bit < prefix; bit += 8) {
    const i = bit / 8;
    const bits = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if (((x[i] ?? 0) & mask) !== ((y[i] ?? 0) & mask)) return false;
  }
  return true;
}
