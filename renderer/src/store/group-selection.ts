/**
 * Ticking hosts into a group in the Discover list: a click toggles one host, a shift-click sets
 * every host between the last clicked one (the anchor) and this one — in the list's current
 * order — to the clicked host's new state, as file managers do. Pure, so it is unit-tested.
 */
export interface GroupPick {
  readonly group: readonly string[];
  readonly anchor: string | null;
}

const key = (n: string) => n.toUpperCase();

export function pickHost(current: GroupPick, name: string, ordered: readonly string[], shift: boolean): GroupPick {
  const selected = new Set(current.group.map(key));
  const on = !selected.has(key(name));
  const from = shift && current.anchor !== null ? ordered.findIndex((n) => key(n) === key(current.anchor ?? '')) : -1;
  const to = ordered.findIndex((n) => key(n) === key(name));
  const range = from >= 0 && to >= 0 ? ordered.slice(Math.min(from, to), Math.max(from, to) + 1) : [name];
  return { group: setAll(current.group, range, on), anchor: name };
}

/** Adds (`on`) or removes every name, keeping the group's order and appending new names in theirs. */
export function setAll(group: readonly string[], names: readonly string[], on: boolean): string[] {
  const changing = new Set(names.map(key));
  if (!on) return group.filter((g) => !changing.has(key(g)));
  const have = new Set(group.map(key));
  const added: string[] = [];
  for (const n of names) {
    if (have.has(key(n))) continue;
    have.add(key(n));
    added.push(n);
  }
  return [...group, ...added];
}
