/**
 * Just enough LDAPv3 (RFC 4511) BER for the lab server: frame splitting, request decoding and
 * response encoding.
 *
 * Why this and not a library server: ldapjs (the usual Node LDAP server) is decommissioned and
 * unmaintained; the other npm servers are small and unvetted. ldapts — already our client — exports
 * its BerReader/BerWriter, so the server reuses that tested BER layer and adds only the LDAP message
 * shapes the directory service actually sends (bind, search with paging, modify, unbind).
 */
import { BerReader, BerWriter } from 'ldapts';
import { sidToBytes } from '../../../core/delegation/security-descriptor';

export const PAGED_OID = '1.2.840.113556.1.4.319';

export type FilterNode =
  | { type: 'and' | 'or'; filters: FilterNode[] }
  | { type: 'not'; filter: FilterNode }
  | { type: 'eq' | 'ge' | 'le' | 'approx'; attribute: string; value: string }
  | { type: 'substr'; attribute: string; initial?: string; any: string[]; final?: string }
  | { type: 'present'; attribute: string }
  | { type: 'unsupported' };

export interface Control {
  readonly oid: string;
  readonly critical: boolean;
  readonly value?: Buffer;
}

export type Request =
  | { op: 'bind'; id: number; name: string; password: string }
  | { op: 'unbind'; id: number }
  | { op: 'search'; id: number; base: string; scope: number; sizeLimit: number; filter: FilterNode; attributes: string[]; controls: Control[] }
  | { op: 'modify'; id: number; dn: string; changes: { operation: number; type: string; values: string[] }[] }
  | { op: 'extended'; id: number; oid: string }
  | { op: 'abandon'; id: number }
  | { op: 'other'; id: number; tag: number };

/** Splits complete BER messages off the front of `buf`; returns them and the rest. */
export function splitFrames(buf: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = [];
  let offset = 0;
  while (buf.length - offset >= 2) {
    if (buf[offset] !== 0x30) throw new Error('not an LDAP message');
    const first = buf[offset + 1] as number;
    let len: number;
    let header: number;
    if (first < 0x80) {
      len = first;
      header = 2;
    } else {
      const n = first & 0x7f;
      if (n > 4) throw new Error('LDAP message too long');
      if (buf.length - offset < 2 + n) break;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + (buf[offset + 2 + i] as number);
      header = 2 + n;
    }
    if (len > 16 * 1024 * 1024) throw new Error('LDAP message too long');
    if (buf.length - offset < header + len) break;
    frames.push(buf.subarray(offset, offset + header + len));
    offset += header + len;
  }
  return { frames, rest: buf.subarray(offset) };
}

const str = (r: BerReader, tag = 0x04): string => r.readString(tag) ?? '';

/** Enters a constructed element and returns the offset where it ends (BerReader's readSequence returns the tag). */
function enter(r: BerReader, tag?: number): number {
  if (r.readSequence(tag) === null) throw new Error('truncated LDAP message');
  return r.offset + r.length;
}

function readFilter(r: BerReader): FilterNode {
  const tag = r.peek();
  if (tag === 0x87) return { type: 'present', attribute: str(r, 0x87) };
  const end = enter(r, tag ?? undefined);
  switch (tag) {
    case 0xa0:
    case 0xa1: {
      const filters: FilterNode[] = [];
      while (r.offset < end) filters.push(readFilter(r));
      return { type: tag === 0xa0 ? 'and' : 'or', filters };
    }
    case 0xa2:
      return { type: 'not', filter: readFilter(r) };
    case 0xa3:
    case 0xa5:
    case 0xa6:
    case 0xa8: {
      const attribute = str(r);
      const value = str(r);
      const type = tag === 0xa3 ? 'eq' : tag === 0xa5 ? 'ge' : tag === 0xa6 ? 'le' : 'approx';
      return { type, attribute, value };
    }
    case 0xa4: {
      const attribute = str(r);
      const seqEnd = enter(r);
      const node: { type: 'substr'; attribute: string; initial?: string; any: string[]; final?: string } = { type: 'substr', attribute, any: [] };
      while (r.offset < seqEnd) {
        const t = r.peek();
        const v = str(r, t ?? 0x80);
        if (t === 0x80) node.initial = v;
        else if (t === 0x81) node.any.push(v);
        else node.final = v;
      }
      return node;
    }
    default:
      r.offset = end;
      return { type: 'unsupported' };
  }
}

function readControls(r: BerReader, end: number): Control[] {
  const controls: Control[] = [];
  if (r.offset >= end || r.peek() !== 0xa0) return controls;
  const cEnd = enter(r, 0xa0);
  while (r.offset < cEnd) {
    const e = enter(r);
    const oid = str(r);
    let critical = false;
    let value: Buffer | undefined;
    if (r.offset < e && r.peek() === 0x01) critical = r.readBoolean() ?? false;
    if (r.offset < e && r.peek() === 0x04) value = r.readString(0x04, true) ?? undefined;
    r.offset = e;
    controls.push({ oid, critical, ...(value ? { value } : {}) });
  }
  return controls;
}

export function decodeRequest(frame: Buffer): Request {
  const r = new BerReader(frame);
  const end = enter(r);
  const id = r.readInt() ?? 0;
  const tag = r.peek() ?? 0;
  if (tag === 0x42) return { op: 'unbind', id };
  if (tag === 0x50) return { op: 'abandon', id };
  const opEnd = enter(r, tag);
  switch (tag) {
    case 0x60: {
      r.readInt();
      const name = str(r);
      const password = r.peek() === 0x80 ? str(r, 0x80) : '';
      return { op: 'bind', id, name, password };
    }
    case 0x63: {
      const base = str(r);
      const scope = r.readEnumeration() ?? 2;
      r.readEnumeration();
      const sizeLimit = r.readInt() ?? 0;
      r.readInt();
      r.readBoolean();
      const filter = readFilter(r);
      const attributes: string[] = [];
      const aEnd = enter(r);
      while (r.offset < aEnd) attributes.push(str(r));
      r.offset = opEnd;
      return { op: 'search', id, base, scope, sizeLimit, filter, attributes, controls: readControls(r, end) };
    }
    case 0x66: {
      const dn = str(r);
      const changes: { operation: number; type: string; values: string[] }[] = [];
      const cEnd = enter(r);
      while (r.offset < cEnd) {
        r.readSequence();
        const operation = r.readEnumeration() ?? -1;
        r.readSequence();
        const type = str(r);
        const vEnd = enter(r, 0x31);
        const values: string[] = [];
        const hex = HEX_BINARY_ATTRIBUTES.has(type.toLowerCase());
        while (r.offset < vEnd) values.push(hex ? (r.readString(0x04, true) ?? Buffer.alloc(0)).toString('hex') : str(r));
        changes.push({ operation, type, values });
      }
      return { op: 'modify', id, dn, changes };
    }
    case 0x77:
      return { op: 'extended', id, oid: str(r, 0x80) };
    default:
      return { op: 'other', id, tag };
  }
}

function envelope(id: number, body: (w: BerWriter) => void, controls?: (w: BerWriter) => void): Buffer {
  const w = new BerWriter();
  w.startSequence();
  w.writeInt(id);
  body(w);
  if (controls) {
    w.startSequence(0xa0);
    controls(w);
    w.endSequence();
  }
  w.endSequence();
  return w.buffer;
}

export function encodeResult(id: number, tag: number, code: number, message = '', controls?: (w: BerWriter) => void): Buffer {
  return envelope(
    id,
    (w) => {
      w.startSequence(tag);
      w.writeEnumeration(code);
      w.writeString('');
      w.writeString(message);
      w.endSequence();
    },
    controls,
  );
}

/** SID attributes the lab stores as `S-1-…` text (readable directory.json) and sends binary, as AD does. */
const BINARY_SID_ATTRIBUTES = new Set(['objectsid', 'tokengroups']);

/**
 * Binary attributes the lab stores as lower-case hex text and sends (and reads) as bytes: the
 * RBCD security descriptor (checks-kerberos, issue 14 item 1).
 */
const HEX_BINARY_ATTRIBUTES = new Set(['msds-allowedtoactonbehalfofotheridentity']);

/** `S-1-5-21-…` → the binary SID (core/delegation's one writer). */
export function sidToBuffer(sid: string): Buffer | undefined {
  const b = sidToBytes(sid);
  return b === undefined ? undefined : Buffer.from(b);
}

export function encodeEntry(id: number, dn: string, attrs: readonly { name: string; values: readonly string[] }[]): Buffer {
  return envelope(id, (w) => {
    w.startSequence(0x64);
    w.writeString(dn);
    w.startSequence();
    for (const a of attrs) {
      w.startSequence();
      w.writeString(a.name);
      w.startSequence(0x31);
      for (const v of a.values) {
        const sid = BINARY_SID_ATTRIBUTES.has(a.name.toLowerCase()) ? sidToBuffer(v) : undefined;
        if (sid) w.writeBuffer(sid, 0x04);
        else if (HEX_BINARY_ATTRIBUTES.has(a.name.toLowerCase()) && /^([0-9a-f]{2})+$/i.test(v)) w.writeBuffer(Buffer.from(v, 'hex'), 0x04);
        else w.writeString(v);
      }
      w.endSequence();
      w.endSequence();
    }
    w.endSequence();
    w.endSequence();
  });
}

export function writePagedControl(w: BerWriter, cookie: string): void {
  const inner = new BerWriter();
  inner.startSequence();
  inner.writeInt(0);
  inner.writeString(cookie);
  inner.endSequence();
  w.startSequence();
  w.writeString(PAGED_OID);
  w.writeBuffer(inner.buffer, 0x04);
  w.endSequence();
}

export function readPagedControl(value: Buffer): { size: number; cookie: string } {
  const r = new BerReader(value);
  r.readSequence();
  const size = r.readInt() ?? 0;
  const cookie = r.readString() ?? '';
  return { size, cookie };
}
