/**
 * Pre-copy live migration (Clark et al., NSDI 2005), per Hyper-V performance option.
 *
 * Formulas (field notes §5.2; names from the SpringerPlus 2016 table):
 *   V_0 = M,  t_i = V_i / B,  V_{i+1} = min(D · t_i, W)
 *   stop at the first k with V_k ≤ V_th (converged), or k = n_max, or Σ V_i + V_k ≥ F · M (forced)
 *   T_down = V_k / B + T_resume,  T_mig = T_setup + Σ_{i<k} t_i + T_down,  bytes = Σ_{i≤k} V_i
 * `rounds` counts the pre-copy rounds (k), so the 10 GbE anchor gives 3 and a forced stop n_max.
 * Bandwidth per option (field notes §5.2, [I] shaped by §5.3). k migrations run at once; each
 * one's wire rate is its stream cap or its share of the link, whichever is lower, so total
 * throughput rises with k until the link is full (FINN, model-defaults.ts):
 *   wire(k)      = min(stream cap, link capacity / k)
 *   TCPIP        B = wire(k),  link capacity = η · link,  stream cap = s
 *   Compression  B = min(c · wire(k), idle cores × per-core compression speed / k)   (memory bytes/s)
 *   SMB          B = wire(k),  link capacity = min(Σ links · (RDMA ? rdmaEfficiency : η), memory
 *                bandwidth),  stream cap = channels per link × links × s (none with RDMA)
 * A batch of n equal moves (`simulateBatch`) takes T_setup + max(n · T_serial, waves · T_copy).
 * Shared-nothing moves copy the disks first: T_storage = S_vhd / wire_SMB(k), before the rounds.
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
  /**
   * Shared-nothing moves: bytes of the VM's VHD files (Get-VHD FileSize). Hyper-V copies them
   * first, over SMB, then mirrors disk writes while the memory is copied (field notes §5.2,
   * Kristian Nese NIC 2013) — the mirror's extra traffic is not modelled. Default 0.
   */
  readonly storageBytes?: number;
  /**
   * A live-migration SMB bandwidth limit (Set-SmbBandwidthLimit -Category LiveMigration), bytes
   * per second: caps everything the SMB option sends, shared by concurrent moves. Default none.
   */
  readonly smbLimitBytesPerSecond?: number;
}

export const PERFORMANCE_OPTIONS: readonly PerformanceOption[] = ['TCPIP', 'Compression', 'SMB'];

/** Wire bytes per second one of k concurrent migrations sends with `option` (before compression). */
export function wireBandwidth(option: PerformanceOption, input: ModelInput, a: ModelAssumptions = MODEL_DEFAULTS): number {
  const link = gbpsToBytesPerSecond(Math.max(0, input.linkGbps));
  const links = Math.max(1, Math.floor(input.links ?? 1));
  const k = Math.max(1, Math.floor(input.concurrent ?? 1));
  let capacity = a.tcpEfficiency * link;
  let streamCap = a.perStreamBytesPerSecond;
  if (option === 'SMB') {
    const perLink = (input.rdma === true ? a.rdmaEfficiency : a.tcpEfficiency) * link;
    capacity = Math.min(links * perLink, a.memoryBandwidthBytesPerSecond);
    if (input.smbLimitBytesPerSecond !== undefined && input.smbLimitBytesPerSecond > 0) capacity = Math.min(capacity, input.smbLimitBytesPerSecond);
    streamCap = input.rdma === true ? Infinity : a.smbChannelsPerLink * links * a.perStreamBytesPerSecond;
  }
  return Math.min(streamCap, capacity / k);
}

/** Effective bytes of VM memory per second one of k concurrent migrations moves with `option`. */
export function effectiveBandwidth(option: PerformanceOption, input: ModelInput, a: ModelAssumptions = MODEL_DEFAULTS): number {
  const wire = wireBandwidth(option, input, a);
  if (option !== 'Compression') return wire;
  const k = Math.max(1, Math.floor(input.concurrent ?? 1));
  return Math.min(a.compressionRatio * wire, (a.compressionIdleCores * a.compressionBytesPerSecondPerCore) / k);
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
  // Storage copy, then mirror, then memory: the disks go over SMB (Multichannel, SMB Direct when
  // both ends have RDMA), whatever the memory option is.
  const storageBytes = Math.max(0, input.storageBytes ?? 0);
  const storageRate = wireBandwidth('SMB', input, a);
  const storageSeconds = storageBytes > 0 && storageRate > 0 ? storageBytes / storageRate : 0;
  const base = {
    option, effectiveBytesPerSecond: B,
    ...(option === 'Compression' ? { compressionRatio: a.compressionRatio } : {}),
    ...(storageBytes > 0 ? { storageSeconds } : {}),
  };
  if (!(B > 0)) {
    // Times stay finite (JSON and the schema have no Infinity); `converges: false` carries the verdict.
    const e = explainFacts('no-bandwidth', null, 0, a);
    return { ...base, rounds: 0, totalSeconds: 0, downtimeSeconds: 0, bytesSent: 0, converges: false, why: explainModel(e, 'en'), explain: e };
  }
  const cap = a.dataCapFactor * M;
  let remaining = M;
  let sent = 0;
  let seconds = a.setupSeconds + storageSeconds;
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

export interface BatchResult {
  readonly option: PerformanceOption;
  /** Moves running at once: min(count, the hosts' migration limit). */
  readonly concurrent: number;
  /** Wall-clock seconds from the first move's start to the last one's end. */
  readonly totalSeconds: number;
  /** Wire bytes per second on the link while `concurrent` copies run (what a NIC counter peaks at). */
  readonly peakWireBytesPerSecond: number;
  /** One move of the batch, while `concurrent` run. */
  readonly perMove: ModelResult;
}

/**
 * `count` equal VMs moved with at most `maxConcurrent` at once: the source prepares moves one
 * after another (`serialSetupSecondsPerMove` each) while earlier ones copy, in waves of
 * `concurrent`; the batch ends when both are done.
 */
export function simulateBatch(
  option: PerformanceOption,
  input: ModelInput,
  count: number,
  maxConcurrent: number,
  assumptions: Partial<ModelAssumptions> = {},
): BatchResult {
  const a: ModelAssumptions = { ...MODEL_DEFAULTS, ...assumptions };
  const n = Math.max(1, Math.floor(count));
  const concurrent = Math.max(1, Math.min(n, Math.floor(maxConcurrent)));
  const moveInput = { ...input, concurrent };
  const perMove = simulateOption(option, moveInput, a);
  const copySeconds = perMove.totalSeconds - a.setupSeconds;
  const waves = Math.ceil(n / concurrent);
  const totalSeconds = a.setupSeconds + Math.max(n * a.serialSetupSecondsPerMove, waves * copySeconds);
  return { option, concurrent, totalSeconds, peakWireBytesPerSecond: concurrent * wireBandwidth(option, moveInput, a), perMove };
}

/** The model for all three options, in Hyper-V's order. */
export function runModel(input: ModelInput, assumptions: Partial<ModelAssumptions> = {}): ModelResult[] {
  return PERFORMANCE_OPTIONS.map((option) => simulateOption(option, input, assumptions));
}
