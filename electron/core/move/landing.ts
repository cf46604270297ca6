/**
 * Where a VM is after a move, from reading both hosts back (never from the job's word alone):
 * on the destination as it ran before (same state, same memory), still on the source, on both
 * (a copy left behind), on neither, or unknown because a host does not answer.
 */
export interface VmPlacement {
  readonly computerName: string;
  readonly reachable: boolean;
  readonly found: boolean;
  readonly state?: string;
  readonly memoryAssignedBytes?: number;
  readonly memoryStartupBytes?: number;
  readonly disks?: readonly string[];
}

export interface VmBefore {
  readonly state: string;
  readonly memoryAssignedBytes: number;
  readonly memoryStartupBytes: number;
  /** Its disks' paths on the source (a move back with storage returns them to their folder). */
  readonly disks?: readonly string[];
}

export type LandingWhere = 'destination' | 'source' | 'both' | 'nowhere' | 'unknown';

export interface Landing {
  readonly where: LandingWhere;
  /** On the destination: the same state as before the move. */
  readonly sameState?: boolean;
  /** On the destination: the same startup memory (and assigned memory when running). */
  readonly sameMemory?: boolean;
  readonly state?: string;
  /** Hosts that did not answer the read-back. */
  readonly unreachable: readonly string[];
}

export function landing(before: VmBefore, source: VmPlacement, destination: VmPlacement): Landing {
  const unreachable = [source, destination].filter((p) => !p.reachable).map((p) => p.computerName);
  const onSrc = source.reachable && source.found;
  const onDst = destination.reachable && destination.found;
  if (onDst && !onSrc && source.reachable) {
    const sameState = destination.state === before.state;
    const running = before.state.toLowerCase() === 'running';
    const sameMemory =
      destination.memoryStartupBytes === before.memoryStartupBytes && (!running || destination.memoryAssignedBytes === before.memoryAssignedBytes);
    return { where: 'destination', sameState, sameMemory, ...(destination.state !== undefined ? { state: destination.state } : {}), unreachable };
  }
  if (onSrc && onDst) return { where: 'both', unreachable };
  if (onSrc) return { where: 'source', ...(source.state !== undefined ? { state: source.state } : {}), unreachable };
  if (onDst) return { where: 'destination', ...(destination.state !== undefined ? { state: destination.state } : {}), sameState: destination.state === before.state, unreachable };
  if (unreachable.length > 0) return { where: 'unknown', unreachable };
  return { where: 'nowhere', unreachable };
}
