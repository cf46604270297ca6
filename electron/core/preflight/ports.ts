/**
 * Port reachability from the gathered probes: `open`, `closed` or `unknown` (not probed).
 */
import type { MigrationFacts } from './facts';

export type PortState = 'open' | 'closed' | 'unknown';

export function portState(f: MigrationFacts, from: string, target: string, port: number): PortState {
  const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const hit = f.portChecks.find((c) => c.port === port && eq(c.from, from) && eq(c.target, target));
  if (hit) return hit.open ? 'open' : 'closed';
  return 'unknown';
}

/** True when the probe got no answer at all (dropped by a firewall), not a refusal. */
export function portFiltered(f: MigrationFacts, from: string, target: string, port: number): boolean {
  const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return f.portChecks.some((c) => c.port === port && eq(c.from, from) && eq(c.target, target) && !c.open && c.filtered === true);
}
