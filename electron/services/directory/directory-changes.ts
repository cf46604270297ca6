/** Value-level changes to one directory entry, shared by the LDAP and the Negotiate sessions. */

/** One value added to or deleted from a multi-valued attribute (never a replace). */
export interface ValueChange {
  readonly operation: 'add' | 'delete';
  readonly attribute: string;
  readonly value: string;
}

/** What a multi-value modify does, for its error message: "add 12 msDS-AllowedToDelegateTo values". */
export function describeChanges(changes: readonly ValueChange[]): string {
  const [a, b] = changes;
  if (a !== undefined && changes.length === 1) return `${a.operation} ${a.attribute} value "${a.value}"`;
  if (a !== undefined && b !== undefined && changes.length === 2 && a.operation === 'delete' && b.operation === 'add' && a.attribute === b.attribute) {
    return `change ${a.attribute} from ${a.value} to ${b.value}`;
  }
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(`${c.operation} ${c.attribute}`, (counts.get(`${c.operation} ${c.attribute}`) ?? 0) + 1);
  return [...counts].map(([what, n]) => (n === 1 ? `${what} value` : `${what.replace(' ', ` ${n} `)} values`)).join(', ');
}
