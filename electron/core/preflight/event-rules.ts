/**
 * Event history (issue 14 item 6): what the hosts' Hyper-V admin logs (VMMS, Worker) recorded
 * about migrations in the last 30 days, each event mapped to the finding it explains, and the
 * blackouts Hyper-V reported (event 20417) beside the model's prediction. Facts from Get-WinEvent
 * -FilterHashtable (get-host-facts.ps1). Past events do not block a move; they say where to look.
 * Event meanings: reference §6.3 (TSLM); 20306 is unverified (field notes: "could not be found
 * in any source searched", often quoted as the migration-authentication event).
 */
import type { Finding, HostFacts } from '../model';
import { runModel } from '../simulate/pre-copy';
import type { MigrationFacts } from './facts';
import { finding, manual, NO_FIX } from './finding';
import { modelInputFromFacts } from './model-input';

/** Each event id → the finding id it explains. */
const EVENT_EXPLAINS: Readonly<Record<number, string>> = {
  20306: 'identity.delegation',
  20417: 'capacity.model',
  21024: 'vm.switch-names',
  21501: 'capacity.concurrency',
  21502: 'vm.compare',
};
/** Only 21501 (the limit was reached, the move queued) is routine; the others are failures or long blackouts. */
const ROUTINE = new Set([21501]);

type Events = NonNullable<HostFacts['events']>;

export function eventRules(f: MigrationFacts): Finding[] {
  const out: Finding[] = [];
  for (const [role, host] of [['source', f.source], ['destination', f.destination]] as const) {
    if (host.events !== undefined) out.push(history(`host.events.${role}`, host.computerName, host.events));
  }
  out.push(...blackouts(f));
  return out;
}

function history(id: string, host: string, ev: Events): Finding {
  const days = String(ev.days);
  if (ev.items.length === 0) {
    if (ev.errors.length > 0) {
      return finding(id, 'host', 'info', { host, error: ev.errors.join('; ') }, manual(), undefined, { host, variant: 'unread' });
    }
    return finding(id, 'host', 'pass', { host, days }, NO_FIX, undefined, { host, days });
  }
  const counts = new Map<number, number>();
  for (const e of ev.items) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  const ids = [...counts.keys()].sort((a, b) => a - b);
  const summary = ids.map((i) => `${i} ×${counts.get(i) ?? 0}`).join(', ');
  const explains = [...new Set(ids.map((i) => EVENT_EXPLAINS[i]).filter((x): x is string => x !== undefined))].join(', ');
  const latest = ev.items[0];
  const evidence: Record<string, string> = { host, days, ...Object.fromEntries(ids.map((i) => [`event${i}`, String(counts.get(i) ?? 0)])), explains };
  if (latest !== undefined) {
    evidence.latestEvent = `${latest.id} ${latest.timeCreated}`;
    evidence.message = latest.message;
  }
  const severity = ids.every((i) => ROUTINE.has(i)) ? 'info' : 'warn';
  return finding(id, 'host', severity, evidence, manual(), undefined, { host, days, count: String(ev.items.length), events: summary, explains });
}

/** Blackout seconds in a 20417 text ("…blackout time of 63.1 seconds"; German "63,1 Sekunden"). */
export function blackoutSecondsOf(message: string): number | undefined {
  const m = /(\d+(?:[.,]\d+)?)\s*(?:seconds?|sekunden|sec|s)\b/i.exec(message);
  if (!m?.[1]) return undefined;
  const n = Number(m[1].replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

function blackouts(f: MigrationFacts): Finding[] {
  const reported: { host: string; seconds: number }[] = [];
  for (const h of [f.source, f.destination]) {
    for (const e of h.events?.items ?? []) {
      const s = e.id === 20417 ? blackoutSecondsOf(e.message) : undefined;
      if (s !== undefined) reported.push({ host: h.computerName, seconds: s });
    }
  }
  if (reported.length === 0) return [];
  const worst = reported.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const option = f.source.settings?.virtualMachineMigrationPerformanceOption ?? 'Compression';
  const model = runModel(modelInputFromFacts(f).input).find((m) => m.option === option);
  const predicted = model?.downtimeSeconds;
  const evidence = {
    host: worst.host, reportedBlackoutSeconds: String(worst.seconds), events20417: String(reported.length), option,
    modelBlackoutSeconds: predicted === undefined ? 'unknown' : String(predicted),
  };
  const params = { host: worst.host, reportedSeconds: String(worst.seconds), count: String(reported.length), option, modelSeconds: predicted === undefined ? '0' : String(predicted) };
  // Reported far above the prediction: the VMs dirty memory faster, or the link is busier, than the model assumes.
  const above = predicted !== undefined && worst.seconds > 2 * Math.max(predicted, 1);
  return [finding('capacity.blackout-history', 'capacity', above ? 'warn' : 'info', evidence, above ? manual() : NO_FIX, undefined, above ? { ...params, variant: 'above-model' } : params)];
}
