/**
 * Binary SIDs and the self-relative security descriptor AD keeps in
 * `msDS-AllowedToActOnBehalfOfOtherIdentity` (resource-based constrained delegation, reference
 * §5.6): the destination's account lists, as ACCESS_ALLOWED ACEs of its DACL, the accounts that
 * may delegate to it. Pure (bytes as hex text or Uint8Array), so the lab, the directory service
 * and the rules share one reading. Layout: MS-DTYP 2.4.6 (SECURITY_DESCRIPTOR, self-relative),
 * 2.4.5 (ACL), 2.4.4.2 (ACCESS_ALLOWED_ACE), 2.4.2.2 (SID).
 */

/** ACCESS_ALLOWED_ACE_TYPE. */
const ACE_ACCESS_ALLOWED = 0x00;
/** SE_DACL_PRESENT | SE_SELF_RELATIVE: what AD and samba-tool write for RBCD. */
const SD_CONTROL = 0x0004 | 0x8000;
/** What samba-tool's add-principal (and ADUC) grant the principal: GENERIC_ALL as AD rights. */
const RBCD_ACCESS_MASK = 0x000f01ff;
/** ACL_REVISION_DS (the DACL revision for ADS objects). */
const ACL_REVISION_DS = 4;
/** BUILTIN\Administrators: the owner a new RBCD descriptor gets (as samba-tool does). */
const SID_BUILTIN_ADMINISTRATORS = 'S-1-5-32-544';

interface Ace {
  readonly type: number;
  readonly flags: number;
  readonly mask: number;
  /** `S-1-…`; undefined for object ACEs and other types this reader does not decode. */
  readonly sid?: string;
  /** The ACE's bytes as read, so an edit writes untouched ACEs back exactly. */
  readonly raw: Uint8Array;
}

interface SecurityDescriptor {
  readonly revision: number;
  readonly control: number;
  readonly owner?: string;
  readonly group?: string;
  /** undefined when the descriptor has no DACL. */
  readonly dacl?: { readonly revision: number; readonly aces: readonly Ace[] };
}

export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export const bytesToHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The SID at `offset` and its length in bytes; undefined when the bytes are not a SID. */
function readSid(b: Uint8Array, offset: number): { sid: string; length: number } | undefined {
  if (offset < 0 || offset + 8 > b.length) return undefined;
  const count = b[offset + 1] ?? 0;
  const length = 8 + 4 * count;
  if (count > 15 || offset + length > b.length) return undefined;
  let authority = 0;
  for (let i = 0; i < 6; i++) authority = authority * 256 + (b[offset + 2 + i] ?? 0);
  const v = view(b);
  const subs = Array.from({ length: count }, (_, i) => v.getUint32(offset + 8 + 4 * i, true));
  return { sid: `S-${b[offset] ?? 1}-${authority}${subs.map((s) => `-${s}`).join('')}`, length };
}

/** Binary SID → `S-1-5-21-…`; undefined when the bytes are not exactly one SID. */
export function sidFromBytes(b: Uint8Array): string | undefined {
  const r = readSid(b, 0);
  return r !== undefined && r.length === b.length ? r.sid : undefined;
}

export function sidFromHexText(hex: string): string | undefined {
  const b = hexToBytes(hex);
  return b === undefined ? undefined : sidFromBytes(b);
}

/** `S-1-5-21-…` → the binary SID (revision, count, 48-bit big-endian authority, little-endian sub-authorities). */
export function sidToBytes(sid: string): Uint8Array | undefined {
  const m = /^S-(\d+)-(\d+)((?:-\d+)*)$/i.exec(sid.trim());
  if (!m) return undefined;
  const subs = (m[3] ?? '').split('-').filter(Boolean).map(Number);
  const authority = Number(m[2]);
  if (subs.length > 15 || subs.some((x) => x > 0xffffffff) || authority > 2 ** 48 - 1 || Number(m[1]) > 255) return undefined;
  const b = new Uint8Array(8 + 4 * subs.length);
  b[0] = Number(m[1]);
  b[1] = subs.length;
  let a = authority;
  for (let i = 5; i >= 0; i--) {
    b[2 + i] = a % 256;
    a = Math.floor(a / 256);
  }
  const v = view(b);
  subs.forEach((x, i) => v.setUint32(8 + 4 * i, x, true));
  return b;
}

function readAcl(b: Uint8Array, offset: number): SecurityDescriptor['dacl'] | undefined {
  if (offset + 8 > b.length) return undefined;
  const v = view(b);
  const size = v.getUint16(offset + 2, true);
  const count = v.getUint16(offset + 4, true);
  if (offset + size > b.length) return undefined;
  const aces: Ace[] = [];
  let at = offset + 8;
  for (let i = 0; i < count; i++) {
    if (at + 4 > offset + size) return undefined;
    const type = b[at] ?? 0;
    const flags = b[at + 1] ?? 0;
    const aceSize = v.getUint16(at + 2, true);
    if (aceSize < 4 || at + aceSize > offset + size) return undefined;
    const mask = aceSize >= 8 ? v.getUint32(at + 4, true) : 0;
    // Basic ACEs (allowed, denied, audit, alarm: types 0–3) carry the SID right after the mask.
    const sid = type <= 3 && aceSize >= 16 ? readSid(b, at + 8)?.sid : undefined;
    aces.push({ type, flags, mask, ...(sid !== undefined ? { sid } : {}), raw: b.slice(at, at + aceSize) });
    at += aceSize;
  }
  return { revision: b[offset] ?? ACL_REVISION_DS, aces };
}

/** A self-relative security descriptor; undefined when the bytes are not one. */
export function parseSecurityDescriptor(b: Uint8Array): SecurityDescriptor | undefined {
  if (b.length < 20 || b[0] !== 1) return undefined;
  const v = view(b);
  const control = v.getUint16(2, true);
  if ((control & 0x8000) === 0) return undefined;
  const [ownerAt, groupAt, , daclAt] = [4, 8, 12, 16].map((o) => v.getUint32(o, true)) as [number, number, number, number];
  const owner = ownerAt !== 0 ? readSid(b, ownerAt)?.sid : undefined;
  const group = groupAt !== 0 ? readSid(b, groupAt)?.sid : undefined;
  let dacl: SecurityDescriptor['dacl'];
  if ((control & 0x0004) !== 0 && daclAt !== 0) {
    dacl = readAcl(b, daclAt);
    if (dacl === undefined) return undefined;
  }
  return { revision: 1, control, ...(owner !== undefined ? { owner } : {}), ...(group !== undefined ? { group } : {}), ...(dacl !== undefined ? { dacl } : {}) };
}

/**
 * The accounts an RBCD descriptor lets delegate: the SIDs of its ACCESS_ALLOWED ACEs (what
 * `samba-tool delegation show` lists and the KDC checks). [] for an empty or unreadable value.
 */
export function allowedTrustees(hex: string): string[] {
  const b = hexToBytes(hex);
  const sd = b === undefined ? undefined : parseSecurityDescriptor(b);
  return (sd?.dacl?.aces ?? []).filter((a) => a.type === ACE_ACCESS_ALLOWED && a.sid !== undefined).map((a) => a.sid as string);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function allowedAce(sid: string): Uint8Array {
  const s = sidToBytes(sid);
  if (s === undefined) throw new Error(`Not a SID: ${sid}`);
  const ace = new Uint8Array(8 + s.length);
  const v = view(ace);
  ace[0] = ACE_ACCESS_ALLOWED;
  ace[1] = 0;
  v.setUint16(2, ace.length, true);
  v.setUint32(4, RBCD_ACCESS_MASK, true);
  ace.set(s, 8);
  return ace;
}

/** Owner, group and DACL laid out as a self-relative descriptor (owner, group, DACL in that order). */
function encode(sd: { owner?: string; group?: string; aces: readonly Uint8Array[]; aclRevision: number }): Uint8Array {
  const owner = sd.owner !== undefined ? sidToBytes(sd.owner) : undefined;
  const group = sd.group !== undefined ? sidToBytes(sd.group) : undefined;
  const aclBody = concat(sd.aces);
  const acl = new Uint8Array(8 + aclBody.length);
  const av = view(acl);
  acl[0] = sd.aclRevision;
  av.setUint16(2, acl.length, true);
  av.setUint16(4, sd.aces.length, true);
  acl.set(aclBody, 8);
  const header = new Uint8Array(20);
  const hv = view(header);
  header[0] = 1;
  hv.setUint16(2, SD_CONTROL, true);
  let at = 20;
  if (owner) {
    hv.setUint32(4, at, true);
    at += owner.length;
  }
  if (group) {
    hv.setUint32(8, at, true);
    at += group.length;
  }
  hv.setUint32(16, at, true);
  return concat([header, ...(owner ? [owner] : []), ...(group ? [group] : []), acl]);
}

/**
 * The RBCD value with `sid` allowed (hex), keeping every other ACE byte for byte; `current`
 * undefined or '' starts a new descriptor owned by BUILTIN\Administrators. Returns the input
 * unchanged when `sid` is already allowed. Throws on a value that is not a descriptor.
 */
export function withTrustee(current: string | undefined, sid: string): string {
  if (current === undefined || current === '') return bytesToHex(encode({ owner: SID_BUILTIN_ADMINISTRATORS, aces: [allowedAce(sid)], aclRevision: ACL_REVISION_DS }));
  const sd = readOrThrow(current);
  const aces = sd.dacl?.aces ?? [];
  if (aces.some((a) => a.type === ACE_ACCESS_ALLOWED && a.sid?.toUpperCase() === sid.toUpperCase())) return current.toLowerCase();
  return bytesToHex(encode({ ...ownerGroup(sd), aces: [...aces.map((a) => a.raw), allowedAce(sid)], aclRevision: sd.dacl?.revision ?? ACL_REVISION_DS }));
}

/** The RBCD value without `sid`'s allowed ACEs (hex); the input unchanged when it had none. */
export function withoutTrustee(current: string, sid: string): string {
  const sd = readOrThrow(current);
  const aces = sd.dacl?.aces ?? [];
  const keep = aces.filter((a) => !(a.type === ACE_ACCESS_ALLOWED && a.sid?.toUpperCase() === sid.toUpperCase()));
  if (keep.length === aces.length) return current.toLowerCase();
  return bytesToHex(encode({ ...ownerGroup(sd), aces: keep.map((a) => a.raw), aclRevision: sd.dacl?.revision ?? ACL_REVISION_DS }));
}

function readOrThrow(hex: string): SecurityDescriptor {
  const b = hexToBytes(hex);
  const sd = b === undefined ? undefined : parseSecurityDescriptor(b);
  if (sd === undefined) throw new Error('msDS-AllowedToActOnBehalfOfOtherIdentity does not hold a readable security descriptor.');
  return sd;
}

const ownerGroup = (sd: SecurityDescriptor): { owner?: string; group?: string } => ({
  ...(sd.owner !== undefined ? { owner: sd.owner } : {}),
  ...(sd.group !== undefined ? { group: sd.group } : {}),
});
