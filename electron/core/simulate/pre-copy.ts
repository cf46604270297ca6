/**
 * Pre-copy live migration (Clark et al., NSDI 2005), per Hyper-V performance option.
 *
 * Formulas (field notes §5.2; names from the SpringerPlus 2016 table):
 *   V_0 = M,  t_i = V_i / B,  V_{i+1} = min(D · t_i, W)
 *   stop at the first k with V_k ≤ V_th (converged), or k = n_max, or Σ V_i + V_k ≥ F · M (forced)
 *   T_down = V_k / B + T_resume,  T_mig = T_setup + Σ_{i<k} t_i + T_down,  bytes = Σ_{i≤k} V_i
 * `rounds` counts the pre-copy rounds (k), so the 10 GbE anchor gives 3 and a forced stop n_max.
 * Bandwidth per option (field notes §5.2, [I] shaped by §5.3):
 *   TCPIP        B = η · link
 *   Compression  B = min(c · η · link, idle cores × per-core compression speed)   (memory bytes/s)
 *   SMB          B = Σ links · (RDMA ? rdmaEfficiency : η), capped by host memory bandwidth
 *   k concurrent migrations share B: each gets B / k.
 */
import { explainModel, type ModelExplain } from './explain';
import type { ModelResult, PerformanceOption } from '../model';
import { MODEL_DEFAULTS, gbpsToBytesPerSecond, type ModelAssumptions } from './model-defaults';

export interface ModelInput {
  /** M: memory to move, bytes (assigned memory for dynamic-memory VMs). */
  readonly memoryBytes: number;
  /** D: page dirty rate, bytes per second. */
  readonly dirtyBytesPerSecond: number;
  /** Speed of one migration link, Gbit/s. */
  readonly linkGbps: number;
  /** Links usable by SMB Multichannel (TCP/IP and Compression use one). Default 1. */
  readonly links?: number;
  /** RDMA on both ends (SMB Direct). Default false. */
  readonly rdma?: boolean;
  /** Simultaneous migrations sharing the bandwidth. Default 1. */
  readonly concurrent?: number;
}

export const PERFORMANCE_OPTIONS: readonly PerformanceOption[] = ['TCPIP', 'Compression', 'SMB'];

/** Effective bytes of VM memory per second one migration moves with `option`. */
export function effectiveBandwidth(option: PerformanceOption, input: ModelInput, a: ModelAssumptions = MODEL_DEFAULTS): number {
  const link = gbpsToBytesPerSecond(Math.max(0, input.linkGbps));
  const links = Math.max(1, Math.floor(input.links ?? 1));
  const share = Math.max(1, Math.floor(input.concurrent ?? 1));
  let total: number;
  switch (option) {
    case 'TCPIP':
      total = a.tcpEfficiency * link;
      break;
    case 'Compression':
      total = Math.min(a.compressionRatio * a.tcpEfficiency * link, a.compressionIdleCores * a.compressionBytesPerSecondPerCore);
      break;
    case 'SMB': {
      const perLink = (input.rdma === true ? a.rdmaEfficiency : a.tcpEfficiency) * link;
      total = Math.min(links * perLink, a.memoryBandwidthBytesPerSecond);
      break;
    }
  }
  return total / share;
}

/** Runs the round loop for one option. */
export function simulateOption(
  option: PerformanceOption,
  input: ModelInput,
  assumptions: Partial<ModelAssumptions> = {},
): ModelResult {
  const a: ModelAssumptions = { ...MODEL_DEFAULTS, ...assumptions };
  const B = effectiveBandwidth(option, input, a);
  const M = Math.max(0, input.memoryBytes);
  const D = Math.max(0, input.dirtyBytesPerSecond);
  const rho = B > 0 ? D / B : Infinity;
  const base = { option, effectiveBytesPerSecond: B };
  if (!(B > 0)) {
    // Times stay finite (JSON and the schema have no Infinity); `converges: false` carries the verdict.
    const e = explainFacts('no-bandwidth', null, 0, a);
    return { ...base, rounds: 0, totalSeconds: 0, downtimeSeconds: 0, bytesSent: 0, converges: false, why: explainModel(e, 'en'), explain: e };
  }
  const cap = a.dataCapFactor * M;
  let remaining = M;
  let sent = 0;
  let seconds = a.setupSeconds;
  let rounds = 0;
  let stop: 'threshold' | 'rounds' | 'data-cap' = 'threshold';
  while (remaining > a.stopCopyThresholdBytes) {
    if (rounds >= a.maxRounds) {
      stop = 'rounds';
      break;
    }
    if (rounds > 0 && sent + remaining >= cap) {
      stop = 'data-cap';
      break;
    }
    const t = remaining / B;
    sent += remaining;
    seconds += t;
    rounds += 1;
    remaining = Math.min(D * t, a.writableWorkingSetBytes);
  }
  const downtime = remaining / B + a.resumeSeconds;
  // D ≥ B never converges in the pre-copy sense even when W happens to fit under V_th.
  const converges = stop === 'threshold' && rho < 1;
  const explain = explainFacts(stop, rho, rounds, a);
  return {
    ...base,
    rounds,
    totalSeconds: seconds + downtime,
    downtimeSeconds: downtime,
    bytesSent: sent + remaining,
    converges,
    why: explainModel(explain, 'en'),
    explain,
  };
}

function explainFacts(stop: ModelExplain['stop'], rho: number | null, rounds: number, a: ModelAssumptions): ModelExplain {
  return { stop, rho, rounds, maxRounds: a.maxRounds, dataCapFactor: a.dataCapFactor, stopCopyThresholdBytes: a.stopCopyThresholdBytes };
}

/** The model for all three options, in Hyper-V's order. */
export function runModel(input: ModelInput, assumptions: Partial<ModelAssumptions> = {}): ModelResult[] {
  return PERFORMANCE_OPTIONS.map((option) => simulateOption(option, input, assumptions));
}
