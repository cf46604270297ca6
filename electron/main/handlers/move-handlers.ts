/**
 * IPC handlers for moving VMs (issue 12), the window's side of `ferry migrate`: `move:start`
 * checks the request against main's own test report for the pair (only VMs the test found ready
 * move; the window's word is not enough) and runs engine/move.ts, pushing each step as a
 * `ferry:move` event; `move:cancel` cancels in main (Stop-Job on a running move, a queued one
 * never starts); `move:back` is the rollback of the newest recorded move; `move:paths` reads the
 * destination's default folders for a move with storage; `move:history` the measured-vs-predicted
 * pairs. One move run at a time: a second one would compete for the same migration slots.
 */
import type { EventOf } from '../../core/contract/channels';
import { MoveInputError } from '../../core/move';
import type { TestReport } from '../../core/model';
import { startMoveBack, NothingToMoveBack } from '../../engine/move-back';
import { startMovesFromReport, type MoveDeps, type MoveEvent, type MoveRun } from '../../engine/move';
import { errorInfoOf, type ScriptRunner } from '../../engine/script-runner';
import { AuditLog } from '../../services/audit/audit-log';
import { MoveHistory } from '../../services/move/move-history';
import { UserFacingError, type Handler } from '../ipc-dispatch';
import { handlerError } from './handler-error';

interface MoveHandlerDeps {
  /** Short host calls: the read-back, the default paths. */
  readonly runner: ScriptRunner;
  /** The moves' own PowerShell process (a Hyper-V job lives in the process that started it). */
  readonly jobRunner: () => ScriptRunner;
  readonly auditFile: string;
  readonly historyFile: string;
  readonly user: string;
  /** Lab seconds per model second (the lab's `timeScale`); 1 on real hosts. */
  readonly timeScale: () => Promise<number>;
  /** Main's last test report for the pair (throws a UserFacingError when there is none). */
  readonly reportFor: (source: string, destination: string, signal: AbortSignal) => Promise<TestReport>;
  readonly emit: (event: EventOf<'ferry:move'>) => void;
  readonly pollMs?: number;
}

type MoveChannels = 'move:start' | 'move:cancel' | 'move:back' | 'move:paths' | 'move:history';
type MoveHandlers = { readonly [C in MoveChannels]: Handler<C> };

export function createMoveHandlers(deps: MoveHandlerDeps): MoveHandlers {
  const audit = new AuditLog(deps.auditFile);
  const history = new MoveHistory(deps.historyFile);
  let current: MoveRun | undefined;

  const moveDeps = async (): Promise<MoveDeps> => ({
    runner: deps.runner,
    jobRunner: deps.jobRunner(),
    audit,
    history,
    user: deps.user,
    timeScale: await deps.timeScale(),
    ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
  });

  /**
   * Runs one move run to its end with its events pushed under its run id. The engine reports its
   * first events before it hands back the run (and its id), so those wait for the id.
   */
  const track = async (start: (onEvent: (e: MoveEvent) => void) => MoveRun | Promise<MoveRun>, signal: AbortSignal) => {
    if (current !== undefined) throw handlerError('move-running');
    let early: MoveEvent[] | undefined = [];
    let runId = '';
    const run = await start((e) => (early !== undefined ? void early.push(e) : deps.emit({ ...e, runId })));
    runId = run.runId;
    for (const e of early) deps.emit({ ...e, runId });
    early = undefined;
    current = run;
    // The window went away mid-move: the moves stop, as on Ctrl+C in the CLI.
    const onAbort = () => run.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return { runId: run.runId, moves: await run.done };
    } finally {
      signal.removeEventListener('abort', onAbort);
      current = undefined;
    }
  };

  return {
    'move:start': async (request, signal) => {
      const report = await deps.reportFor(request.source, request.destination, signal);
      const d = await moveDeps();
      try {
        return await track(
          (onEvent) =>
            startMovesFromReport(
              d,
              report,
              {
                source: request.source,
                destination: request.destination,
                vms: request.vms,
                includeStorage: request.includeStorage,
                ...(request.destinationStoragePath !== undefined ? { destinationStoragePath: request.destinationStoragePath } : {}),
              },
              onEvent,
            ),
          signal,
        );
      } catch (error) {
        if (error instanceof MoveInputError) throw new UserFacingError('invalid-input', error.message, error.field);
        throw error;
      }
    },

    'move:cancel': async ({ vm }) => {
      if (current === undefined) return { cancelled: false };
      current.cancel(vm);
      return { cancelled: true };
    },

    'move:back': async (_request, signal) => {
      const d = await moveDeps();
      const { records } = await audit.read();
      try {
        return await track((onEvent) => startMoveBack({ ...d, audit }, records, onEvent), signal);
      } catch (error) {
        if (error instanceof NothingToMoveBack) throw handlerError('nothing-to-move-back');
        throw error;
      }
    },

    // The host name was checked at the gate (HostNameSchema).
    'move:paths': async ({ host }, signal) => {
      try {
        return await deps.runner.run<{ virtualMachinePath: string; virtualHardDiskPath: string }>('get-move-paths.ps1', { computerName: host }, { signal });
      } catch (error) {
        if (signal.aborted) throw handlerError('paths-cancelled');
        throw handlerError('paths-unanswered', { host, detail: errorInfoOf(error).message.slice(0, 300) }, host);
      }
    },

    'move:history': async () => ({ timings: await history.read() }),
  };
}
