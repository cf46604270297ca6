/**
 * The move queue: Hyper-V refuses a live migration beyond a host's simultaneous-migration limit
 * (MaximumVirtualMachineMigrations; event 21501, field notes P11), and a host counts every move it
 * takes part in, as source or destination. So a move starts only while both of its hosts have a
 * free slot; the rest wait, in the order they were asked for.
 */
import { shortHost } from '../preflight/finding';

export interface QueueEntry {
  readonly id: string;
  readonly source: string;
  readonly destination: string;
}

/** The limit of a host (at least 1). */
export type LimitOf = (host: string) => number;

/** The waiting moves that may start now, given those running; in order, each taking its slots. */
export function startable<T extends QueueEntry>(waiting: readonly T[], running: readonly QueueEntry[], limitOf: LimitOf): T[] {
  const busy = new Map<string, number>();
  const take = (h: string) => busy.set(shortHost(h), (busy.get(shortHost(h)) ?? 0) + 1);
  const free = (h: string) => (busy.get(shortHost(h)) ?? 0) < Math.max(1, limitOf(h));
  for (const r of running) {
    take(r.source);
    take(r.destination);
  }
  const out: T[] = [];
  for (const w of waiting) {
    if (free(w.source) && free(w.destination)) {
      out.push(w);
      take(w.source);
      take(w.destination);
    }
  }
  return out;
}

/** Limits from each host's MaximumVirtualMachineMigrations (unknown host: 1, the safe guess). */
export function limitsFrom(hosts: readonly { computerName: string; settings?: { maximumVirtualMachineMigrations: number } }[]): LimitOf {
  const m = new Map(hosts.map((h) => [shortHost(h.computerName), h.settings?.maximumVirtualMachineMigrations ?? 1]));
  return (host) => m.get(shortHost(host)) ?? 1;
}
