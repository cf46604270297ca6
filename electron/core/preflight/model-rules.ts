/**
 * Turns the model into findings (field notes §4 F.36): the option the source uses must converge;
 * when another option would, say so.
 */
import type { Finding, ModelResult, PerformanceOption } from '../model';
import { NO_FIX, finding, planStep } from './finding';

export function modelRules(model: readonly ModelResult[], chosen: PerformanceOption | undefined): Finding[] {
  const option = chosen ?? 'Compression';
  const r = model.find((m) => m.option === option);
  if (r === undefined) return [];
  // Raw seconds (`…Seconds`) in evidence and params: each UI formats them in its own locale. The
  // model's English explanation stays in `TestReport.model[].why`; here only what a UI can word.
  const evidence: Record<string, string> = {
    option, rounds: String(r.rounds), totalSeconds: String(r.totalSeconds), blackoutSeconds: String(r.downtimeSeconds), converges: String(r.converges),
  };
  const times = { totalSeconds: String(r.totalSeconds), blackoutSeconds: String(r.downtimeSeconds) };
  if (r.converges) return [finding('capacity.model', 'capacity', 'pass', evidence, NO_FIX, undefined,
    { option, ...times })];
  const better = model.filter((m) => m.converges).sort((a, b) => a.totalSeconds - b.totalSeconds)[0];
  return [finding('capacity.model', 'capacity', 'warn', evidence,
    better
      ? planStep('virtualMachineMigrationPerformanceOption')
      : { kind: 'manual', text: 'No option converges: add bandwidth (faster or more links, RDMA), move the VM at a quieter time, or accept the long blackout.' },
    undefined,
    better
      ? { variant: 'better', option, blackoutSeconds: times.blackoutSeconds, better: better.option, betterTotalSeconds: String(better.totalSeconds), betterBlackoutSeconds: String(better.downtimeSeconds) }
      : { variant: 'stuck', option, blackoutSeconds: times.blackoutSeconds })];
}
