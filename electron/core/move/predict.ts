/**
 * The model's prediction for one move: the pre-copy model (core/simulate) for the VM's memory
 * over the links the hosts share, with the source's performance option and the moves running at
 * once; for VM + storage the model's own storage-copy phase first (the disks' file bytes over
 * SMB, shared by the moves at once). The lab's Move-VM takes the same formulas' time
 * (HyperVLab.Move.ps1), so a lab move's measured time checks the whole path; on real hosts the
 * measured/predicted pairs show the model's error.
 */
import type { HostFacts, PerformanceOption, VmSummary } from '../model';
import { memoryNeeded } from '../preflight/capacity-rules';
import { sharedLinks } from '../preflight/model-input';
import { MODEL_DEFAULTS, type ModelAssumptions } from '../simulate/model-defaults';
import { simulateOption } from '../simulate/pre-copy';

export interface MovePrediction {
  readonly option: PerformanceOption;
  readonly memorySeconds: number;
  readonly storageSeconds: number;
  readonly totalSeconds: number;
  readonly downtimeSeconds: number;
  readonly converges: boolean;
}

export interface PredictInput {
  readonly vm: VmSummary;
  readonly source: HostFacts;
  readonly destination: HostFacts;
  readonly includeStorage: boolean;
  /** Moves sharing the bandwidth while this one runs (default 1). */
  readonly concurrent?: number;
  readonly dirtyBytesPerSecond?: number;
}

export function predictMove(p: PredictInput, a: ModelAssumptions = MODEL_DEFAULTS): MovePrediction {
  const option = p.source.settings?.virtualMachineMigrationPerformanceOption ?? 'Compression';
  const links = sharedLinks({ source: p.source, destination: p.destination });
  const linkGbps = links.length > 0 ? Math.max(...links.map((l) => l.speedGbps)) : a.defaultLinkGbps;
  const r = simulateOption(
    option,
    {
      memoryBytes: memoryNeeded(p.vm),
      dirtyBytesPerSecond: p.dirtyBytesPerSecond ?? a.defaultDirtyBytesPerSecond,
      linkGbps,
      links: Math.max(1, links.length),
      rdma: links.length > 0 && links.every((l) => l.rdma),
      concurrent: p.concurrent ?? 1,
      ...(p.includeStorage ? { storageBytes: p.vm.diskBytes } : {}),
    },
    a,
  );
  const storageSeconds = r.storageSeconds ?? 0;
  return {
    option,
    memorySeconds: r.totalSeconds - storageSeconds,
    storageSeconds,
    totalSeconds: r.totalSeconds,
    downtimeSeconds: r.downtimeSeconds,
    converges: r.converges,
  };
}
