/**
 * "Move back", the rollback of a move: the newest recorded move (audit log) that moved a VM and
 * was not moved back is run the other way — from where the VM went to where it came from, with
 * its storage back to its old folder when it moved with storage — and, once the read-back finds
 * it home, the original record is marked rolled back.
 */
import type { AuditRecord } from '../core/model';
import type { AuditWriter } from './apply';
import { lastMove, moveBackRequest, recordMovedBack, startMoves, type MoveDeps, type MoveEvent, type MoveOutcome, type MoveRun } from './move';
import { readHosts } from './read-hosts';

export class NothingToMoveBack extends Error {
  constructor() {
    super('The audit log has no move to move back (every recorded move is failed or already moved back).');
    this.name = 'NothingToMoveBack';
  }
}

export async function startMoveBack(
  deps: MoveDeps & { readonly audit: AuditWriter },
  records: readonly AuditRecord[],
  onEvent?: (e: MoveEvent) => void,
): Promise<MoveRun> {
  const original = lastMove(records);
  if (original === undefined) throw new NothingToMoveBack();
  const request = moveBackRequest(original);
  const [source, destination] = await readHosts(deps.runner, [request.source, request.destination]);
  if (source === undefined || destination === undefined) throw new NothingToMoveBack();
  const run = startMoves(deps, { source, destination }, request, onEvent);
  const done = run.done.then(async (outcomes: MoveOutcome[]) => {
    for (const o of outcomes) await recordMovedBack(deps.audit, original, o, deps.user);
    return outcomes;
  });
  return { runId: run.runId, done, cancel: run.cancel };
}
