/**
 * A directory session that notes the DN of every modify request it sends, for the claim "one
 * modify per account" (tests and the fleet bench).
 */
import type { DirectorySession } from '../../electron/services/directory/directory-session';

export function countingDirectory(s: DirectorySession, modifies: string[]): DirectorySession {
  const noted = <A extends [string, ...unknown[]]>(f: (...a: A) => Promise<void>) => (...a: A) => {
    modifies.push(a[0]);
    return f(...a);
  };
  return {
    info: s.info,
    search: (spec) => s.search(spec),
    addValue: noted(s.addValue),
    deleteValue: noted(s.deleteValue),
    swapValue: noted(s.swapValue),
    modifyValues: noted(s.modifyValues),
    close: () => s.close(),
  };
}
