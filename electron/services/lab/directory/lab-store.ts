/**
 * The lab directory's data: entries with case-insensitive attribute names and values, filter
 * matching, scoped search and AD-like modify semantics (all-or-nothing per request).
 */
import type { FilterNode } from './ldap-codec';

export interface LabAttr {
  name: string;
  values: string[];
}
export interface LabEntry {
  dn: string;
  attrs: Map<string, LabAttr>;
}

export class LdapResultError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const lc = (s: string) => s.toLowerCase();

export function makeEntry(dn: string, attrs: Record<string, string | string[] | undefined>): LabEntry {
  const map = new Map<string, LabAttr>();
  for (const [name, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    if (values.length > 0) map.set(lc(name), { name, values: [...values] });
  }
  return { dn, attrs: map };
}

function matches(entry: LabEntry, f: FilterNode): boolean {
  switch (f.type) {
    case 'and':
      return f.filters.every((x) => matches(entry, x));
    case 'or':
      return f.filters.some((x) => matches(entry, x));
    case 'not':
      return !matches(entry, f.filter);
    case 'present':
      return lc(f.attribute) === 'objectclass' || entry.attrs.has(lc(f.attribute));
    case 'eq':
    case 'approx':
      return (entry.attrs.get(lc(f.attribute))?.values ?? []).some((v) => lc(v) === lc(f.value));
    case 'ge':
    case 'le': {
      const vals = entry.attrs.get(lc(f.attribute))?.values ?? [];
      const num = (s: string) => (/^-?\d+$/.test(s) ? Number(s) : NaN);
      return vals.some((v) => {
        const [a, b] = Number.isNaN(num(v)) || Number.isNaN(num(f.value)) ? [lc(v), lc(f.value)] : [num(v), num(f.value)];
        return f.type === 'ge' ? a >= b : a <= b;
      });
    }
    case 'substr':
      return (entry.attrs.get(lc(f.attribute))?.values ?? []).some((raw) => {
        const v = lc(raw);
        let pos = 0;
        if (f.initial !== undefined) {
          if (!v.startsWith(lc(f.initial))) return false;
          pos = f.initial.length;
        }
        for (const part of f.any) {
          const at = v.indexOf(lc(part), pos);
          if (at < 0) return false;
          pos = at + part.length;
        }
        return f.final === undefined || (v.length - f.final.length >= pos && v.endsWith(lc(f.final)));
      });
    default:
      return false;
  }
}

export class LabStore {
  private readonly entries = new Map<string, LabEntry>();
  private readonly order: string[] = [];

  add(entry: LabEntry): void {
    const key = lc(entry.dn);
    if (!this.entries.has(key)) this.order.push(key);
    this.entries.set(key, entry);
  }

  get(dn: string): LabEntry | undefined {
    return this.entries.get(lc(dn));
  }

  /** Every entry in insertion order (parents before children), for persisting the lab directory. */
  all(): LabEntry[] {
    return this.order.map((key) => this.entries.get(key) as LabEntry);
  }

  /** scope: 0 base, 1 one level, 2 subtree (RFC 4511 values). */
  search(base: string, scope: number, filter: FilterNode): LabEntry[] {
    const b = lc(base);
    const out: LabEntry[] = [];
    if (scope === 0) {
      const e = this.entries.get(b);
      if (!e) throw new LdapResultError(32, `no such object: ${base}`);
      return matches(e, filter) ? [e] : [];
    }
    if (b !== '' && !this.entries.has(b)) throw new LdapResultError(32, `no such object: ${base}`);
    for (const key of this.order) {
      const e = this.entries.get(key) as LabEntry;
      const inside = b === '' || key.endsWith(`,${b}`);
      if (!inside) continue;
      if (scope === 1 && key.slice(key.indexOf(',') + 1) !== b) continue;
      if (matches(e, filter)) out.push(e);
    }
    return out;
  }

  /** Applies all changes or none. 0 add, 1 delete, 2 replace (RFC 4511). */
  modify(dn: string, changes: readonly { operation: number; type: string; values: readonly string[] }[]): void {
    const entry = this.get(dn);
    if (!entry) throw new LdapResultError(32, `no such object: ${dn}`);
    const next = new Map<string, LabAttr>([...entry.attrs].map(([k, a]) => [k, { name: a.name, values: [...a.values] }]));
    for (const c of changes) {
      const key = lc(c.type);
      const attr = next.get(key);
      if (c.operation === 0) {
        const values = attr?.values ?? [];
        for (const v of c.values) {
          if (values.some((x) => lc(x) === lc(v))) throw new LdapResultError(20, `attributeOrValueExists: ${c.type}: ${v}`);
          values.push(v);
        }
        next.set(key, { name: attr?.name ?? c.type, values });
      } else if (c.operation === 1) {
        if (!attr) throw new LdapResultError(16, `noSuchAttribute: ${c.type}`);
        if (c.values.length === 0) next.delete(key);
        else {
          for (const v of c.values) {
            const i = attr.values.findIndex((x) => lc(x) === lc(v));
            if (i < 0) throw new LdapResultError(16, `noSuchAttribute: ${c.type}: ${v}`);
            attr.values.splice(i, 1);
          }
          if (attr.values.length === 0) next.delete(key);
        }
      } else if (c.operation === 2) {
        if (c.values.length === 0) next.delete(key);
        else next.set(key, { name: attr?.name ?? c.type, values: [...c.values] });
      } else {
        throw new LdapResultError(2, 'unknown modify operation');
      }
    }
    // AD keeps single-valued attributes single: a UAC swap that adds without deleting is refused.
    const uac = next.get('useraccountcontrol');
    if (uac && uac.values.length !== 1) throw new LdapResultError(19, 'constraintViolation: userAccountControl must have exactly one value');
    entry.attrs = next;
  }
}
