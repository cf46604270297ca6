/**
 * Model inputs from the gathered facts: the largest selected VM (or the operator's hypothetical
 * VM), the migration links both hosts share, RDMA on both ends, and how many moves run at once.
 */
import type { HypotheticalVm, MigrationLink } from '../model';
import { GIB, MB, MODEL_DEFAULTS, type ModelAssumptions } from '../simulate/model-defaults';
import type { ModelInput } from '../simulate/pre-copy';
import type { MigrationFacts } from './facts';
import { memoryNeeded } from './capacity-rules';
import { subnetsOverlap } from './subnet-reach';
import { findVm } from './vm-rules';

/** Used when neither VMs nor a hypothetical VM are given: the field notes' anchor VM. */
export const DEFAULT_HYPOTHETICAL: HypotheticalVm = { memoryGiB: 16, dirtyMBps: 200 };

export interface DerivedModelInput {
  readonly input: ModelInput;
  /** Where each number came from, for the report ("facts", "hypothetical", "default"). */
  readonly basis: Readonly<Record<string, string>>;
}

/** Link pairs on a shared subnet that the destination accepts migrations on. */
export function sharedLinks(f: Pick<MigrationFacts, 'source' | 'destination'>): { speedGbps: number; rdma: boolean }[] {
  const d = f.destination.settings;
  const accepts = (l: MigrationLink) =>
    d === undefined || d.useAnyNetworkForMigration || d.migrationNetworks.some((n) => subnetsOverlap(n.subnet, l.subnet));
  const pairs: { speedGbps: number; rdma: boolean }[] = [];
  for (const sl of f.source.links ?? []) {
    const dl = (f.destination.links ?? []).find((x) => subnetsOverlap(x.subnet, sl.subnet) && accepts(x));
    if (dl) pairs.push({ speedGbps: Math.min(sl.linkSpeedGbps, dl.linkSpeedGbps), rdma: sl.rdma && dl.rdma });
  }
  return pairs.filter((p) => p.speedGbps > 0);
}

export function modelInputFromFacts(
  f: MigrationFacts,
  hypothetical?: HypotheticalVm,
  assumptions: ModelAssumptions = MODEL_DEFAULTS,
): DerivedModelInput {
  const basis: Record<string, string> = {};
  let memoryBytes: number;
  let dirty = assumptions.defaultDirtyBytesPerSecond;
  basis.dirtyRate = 'default';
  const vms = f.vmNames.map((n) => findVm(f.source, n)).filter((v) => v !== undefined);
  if (hypothetical !== undefined) {
    memoryBytes = hypothetical.memoryGiB * GIB;
    dirty = hypothetical.dirtyMBps * MB;
    basis.memory = 'hypothetical';
    basis.dirtyRate = 'hypothetical';
  } else if (vms.length > 0) {
    // The largest VM sets the worst case; an Off VM still shows what its memory would cost.
    memoryBytes = Math.max(...vms.map((v) => memoryNeeded(v) || v.memoryStartupBytes));
    basis.memory = 'facts';
  } else {
    memoryBytes = DEFAULT_HYPOTHETICAL.memoryGiB * GIB;
    dirty = DEFAULT_HYPOTHETICAL.dirtyMBps * MB;
    basis.memory = 'default';
  }
  const pairs = sharedLinks(f);
  let linkGbps = assumptions.defaultLinkGbps;
  let links = 1;
  let rdma = false;
  if (pairs.length > 0) {
    linkGbps = Math.max(...pairs.map((p) => p.speedGbps));
    links = pairs.length;
    rdma = pairs.every((p) => p.rdma);
    basis.links = 'facts';
  } else basis.links = 'default';
  const s = f.source.settings;
  const d = f.destination.settings;
  const limit = s && d ? Math.max(1, Math.min(s.maximumVirtualMachineMigrations, d.maximumVirtualMachineMigrations)) : 1;
  const concurrent = Math.max(1, Math.min(vms.length, limit));
  // Shared-nothing: the largest selected VM's VHD files are copied before its memory.
  let storageBytes = 0;
  if (f.includeStorage === true && hypothetical === undefined && vms.length > 0) {
    storageBytes = Math.max(...vms.map((v) => v.diskBytes));
    basis.storage = 'facts';
  }
  // A live-migration SMB bandwidth limit on either host caps the SMB option (issue 14 item 4).
  const smbLimit = smbLimitOf(f);
  if (smbLimit !== undefined) basis.smbLimit = 'facts';
  return {
    input: { memoryBytes, dirtyBytesPerSecond: dirty, linkGbps, links, rdma, concurrent, ...(storageBytes > 0 ? { storageBytes } : {}), ...(smbLimit !== undefined ? { smbLimitBytesPerSecond: smbLimit } : {}) },
    basis,
  };
}

/** The lower of the two hosts' live-migration SMB bandwidth limits; undefined when neither has one. */
export function smbLimitOf(f: Pick<MigrationFacts, 'source' | 'destination'>): number | undefined {
  const limits = [f.source.smb?.liveMigrationLimitBytesPerSecond, f.destination.smb?.liveMigrationLimitBytesPerSecond].filter((x): x is number => x !== undefined && x > 0);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}
