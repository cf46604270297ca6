/**
 * What the source and destination pickers offer for the text typed into them. A directory can
 * hold thousands of hosts; a list of all of them is both slow to render and useless to scroll,
 * so the pickers show the best few matches and say how many more there are.
 */
interface HostMatches {
  /** The name equal to the text first, then names starting with it, then names containing it. */
  readonly shown: readonly string[];
  /** Matches left out beyond `limit`. */
  readonly more: number;
}

export const PICKER_LIMIT = 50;

export function hostMatches(names: readonly string[], text: string, limit = PICKER_LIMIT): HostMatches {
  const needle = text.trim().toLowerCase();
  const exact: string[] = [];
  const starts: string[] = [];
  const contains: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const at = lower.indexOf(needle);
    if (at < 0) continue;
    if (needle.length > 0 && lower === needle) exact.push(name);
    else (at === 0 ? starts : contains).push(name);
  }
  const all = exact.concat(starts, contains);
  return { shown: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}
