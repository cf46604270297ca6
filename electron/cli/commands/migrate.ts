/**
 * `ferry migrate`: live-migrates VMs the test finds ready — the same engine call the app makes.
 * It tests the pair first (for the named VMs), refuses a VM the test blocks (naming the finding),
 * prints what would move and moves nothing without `--yes`; then one line per event (queued,
 * started, progress in 10 % steps, done with where the read-back found the VM and the measured
 * time beside the model's). `--move-back` moves the newest recorded move's VM back.
 * Exit 0: every VM moved; 1: one did not (failed, cancelled, or must be started on the source:
 * CredSSP — the command to run there is printed); 2: bad input. Ctrl+C cancels (Stop-Job).
 */
import path from 'node:path';
import { moveCandidates, validateVmName, type MoveCandidate } from '../../core/move';
import type { TestReport } from '../../core/model';
import { validateHostName } from '../../core/settings/host-name';
import { validateStoragePath } from '../../core/settings/storage-path';
import { runMigrationTest } from '../../engine/migration-test';
import { createMigrationTestDeps } from '../../engine/migration-test-deps';
import { readHosts } from '../../engine/read-hosts';
import { startMoveBack, NothingToMoveBack } from '../../engine/move-back';
import { lastMove, startMovesFromReport, type MoveDeps, type MoveEvent, type MoveOutcome, type MoveRun } from '../../engine/move';
import { AuditLog } from '../../services/audit/audit-log';
import type { DirectorySession } from '../../services/directory/directory-session';
import { labTimeScale } from '../../services/lab/lab-init';
import { MOVE_HISTORY_FILE, MoveHistory } from '../../services/move/move-history';
import { PowerShellPool } from '../../services/powershell/pool';
import { ArgError, parseArgs, stringArg, type ParsedArgs } from '../args';
import { labFolderArg, openLabDirectorySession } from '../lab-directory-session';
import { printJson, printable } from '../output';
import type { CliIo } from '../run-cli';
import { startNotice } from '../session';
import { operatorName } from '../../engine/operator';

const SPEC = {
  source: { type: 'string' },
  destination: { type: 'string' },
  vm: { type: 'string', multiple: true },
  'include-storage': { type: 'boolean' },
  'destination-storage-path': { type: 'string' },
  'start-on-source': { type: 'boolean' },
  'move-back': { type: 'boolean' },
  'audit-log': { type: 'string' },
  history: { type: 'string' },
  lab: { type: 'string' },
  yes: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const USAGE = `Usage: ferry migrate --source <host> --destination <host> --vm <name> [--vm <name>]...
                     [--include-storage [--destination-storage-path <D:\\VMs>]] [--start-on-source]
                     [--lab <dir>] [--audit-log <file>] [--history <file>] [--json] --yes
       ferry migrate --move-back [--audit-log <file>] [--lab <dir>] --yes
Tests the pair first; only VMs the test finds ready move. Without --yes nothing moves.
Exit 0: every VM moved; 1: one did not; 2: bad input. Ctrl+C cancels the moves (the VMs stay on the source).
`;

interface Parsed {
  readonly moveBack: boolean;
  readonly source: string;
  readonly destination: string;
  readonly vms: string[];
  readonly includeStorage: boolean;
  readonly destinationStoragePath?: string;
  readonly startOnSource: boolean;
}

function hostArg(args: ParsedArgs, name: string): string {
  const value = stringArg(args, name);
  if (value === undefined) throw new ArgError(`--${name}`, 'is required');
  const problem = validateHostName(value);
  if (problem !== null) throw new ArgError(`--${name}`, `${problem} (got '${printable(value)}')`);
  return value;
}

function fileArg(args: ParsedArgs, name: string): string | undefined {
  const v = stringArg(args, name);
  if (v !== undefined && (v === '' || v.includes('\0'))) throw new ArgError(`--${name}`, 'is not a usable file name');
  return v;
}

function parse(args: ParsedArgs): Parsed {
  if (args.positionals.length > 0) throw new ArgError(`'${printable(args.positionals[0] ?? '')}'`, 'unexpected argument');
  fileArg(args, 'audit-log');
  fileArg(args, 'history');
  const labArg = stringArg(args, 'lab');
  if (labArg !== undefined) labFolderArg(labArg);
  if (args.switches.has('move-back')) {
    for (const f of ['source', 'destination', 'vm', 'destination-storage-path']) if (args.values.has(f)) throw new ArgError(`--${f}`, 'is not used with --move-back (the audit log says what moved)');
    if (args.switches.has('include-storage')) throw new ArgError('--include-storage', 'is not used with --move-back');
    return { moveBack: true, source: '', destination: '', vms: [], includeStorage: false, startOnSource: false };
  }
  const source = hostArg(args, 'source');
  const destination = hostArg(args, 'destination');
  if (source.toLowerCase() === destination.toLowerCase()) throw new ArgError('--destination', 'must differ from --source');
  const vms = args.values.get('vm') ?? [];
  if (vms.length === 0) throw new ArgError('--vm', 'is required (the VMs to move)');
  if (vms.length > 64) throw new ArgError('--vm', 'at most 64 VMs at a time');
  for (const vm of vms) {
    const problem = validateVmName(vm);
    if (problem !== null) throw new ArgError('--vm', `${problem} (got '${printable(vm)}')`);
  }
  const includeStorage = args.switches.has('include-storage');
  const storage = stringArg(args, 'destination-storage-path');
  if (storage !== undefined) {
    if (!includeStorage) throw new ArgError('--destination-storage-path', 'needs --include-storage');
    const problem = validateStoragePath(storage);
    if (problem !== null) throw new ArgError('--destination-storage-path', `${problem} (got '${printable(storage)}')`);
  }
  return { moveBack: false, source, destination, vms: [...new Set(vms)], includeStorage, ...(storage !== undefined ? { destinationStoragePath: storage } : {}), startOnSource: args.switches.has('start-on-source') };
}

const secs = (s: number | undefined) => (s === undefined ? '?' : `${s.toFixed(1)} s`);

/** One line per event; progress only in 10 % steps. */
function eventPrinter(io: CliIo, json: boolean): (e: MoveEvent) => void {
  const shown = new Map<string, number>();
  return (e) => {
    if (json) return;
    const vm = printable(e.vm);
    if (e.kind === 'queued') io.out(`${vm}: queued\n`);
    else if (e.kind === 'started') io.out(`${vm}: started (model: ${secs(e.predictedSeconds)})\n`);
    else if (e.kind === 'progress') {
      const step = Math.floor(e.percent / 10) * 10;
      if (step > (shown.get(e.vm) ?? -1) && step < 100) {
        shown.set(e.vm, step);
        io.out(`${vm}: ${step} %\n`);
      }
    } else io.out(`${vm}: ${outcomeLine(e.outcome)}\n`);
  };
}

export function outcomeLine(o: MoveOutcome): string {
  const where = o.landing?.where;
  const at = where === 'destination' ? o.destination : where === 'source' ? o.source : where === 'unknown' ? `unknown (no answer from ${o.landing?.unreachable.join(', ') ?? ''})` : where ?? o.source;
  switch (o.result) {
    case 'moved': {
      const same = o.landing?.sameState === false || o.landing?.sameMemory === false ? '; NOT as before (state or memory differs)' : `; read back on ${o.destination}: ${o.landing?.state ?? ''}, same memory`;
      return `moved to ${o.destination} in ${secs(o.measuredSeconds)} (model: ${secs(o.prediction.totalSeconds)})${same}`;
    }
    case 'run-on-source':
      return `not started: ${o.source} uses CredSSP, so the move must start on ${o.source}. Run this there (PowerShell as administrator):\n  ${o.command ?? ''}`;
    case 'cancelled':
      return `cancelled; the VM is on ${at}`;
    case 'failed':
      return `FAILED: ${printable(o.error?.message ?? 'unknown error')}${o.error?.codes.length ? ` [${o.error.codes.join(', ')}]` : ''}\n  the VM is on ${at}`;
  }
}

function planText(report: TestReport, p: Parsed, chosen: MoveCandidate[]): string {
  const src = report.hosts[0]?.settings;
  const lines = [
    `Move ${chosen.length} VM(s) from ${report.source} to ${report.destination}: ${chosen.map((c) => `"${printable(c.name)}"`).join(', ')}`,
    `  ${p.includeStorage ? `VM + storage${p.destinationStoragePath ? ` to ${printable(p.destinationStoragePath)}` : ''}` : 'VM only (its storage stays where it is: shared storage)'}`,
    `  authentication: ${src?.virtualMachineMigrationAuthenticationType ?? 'unknown'}, performance option: ${src?.virtualMachineMigrationPerformanceOption ?? 'unknown'}`,
  ];
  return lines.join('\n') + '\n';
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  let p: Parsed;
  try {
    args = parseArgs(argv, SPEC);
    if (args.switches.has('help')) {
      io.out(USAGE);
      return 0;
    }
    p = parse(args);
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`ferry migrate: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const labDir = stringArg(args, 'lab');
  if (labDir === undefined && process.platform !== 'win32') {
    io.err('ferry migrate: --lab: is required here: real Hyper-V hosts can only be managed from Windows\n');
    return 2;
  }
  const json = args.switches.has('json');
  const auditFile = path.resolve(stringArg(args, 'audit-log') ?? (labDir ? path.join(labDir, 'audit.jsonl') : 'ferry-audit.jsonl'));
  const audit = new AuditLog(auditFile);
  const history = new MoveHistory(path.resolve(stringArg(args, 'history') ?? path.join(path.dirname(auditFile), MOVE_HISTORY_FILE)));
  const exe = io.env.FERRY_PWSH ? { executable: io.env.FERRY_PWSH } : {};
  const lab = labDir !== undefined ? { labDir } : {};
  const pool = new PowerShellPool({ ...lab, onStart: startNotice(io.err), ...exe });
  // A Hyper-V job lives in the process that started it: the moves get one of their own.
  const jobs = new PowerShellPool({ ...lab, size: 1, ...exe });
  let directory: DirectorySession | undefined;
  let runHandle: MoveRun | undefined;
  const onSigint = () => {
    io.err('Cancelling the moves (Stop-Job)…\n');
    runHandle?.cancel();
  };
  try {
    const deps: MoveDeps = {
      runner: pool,
      jobRunner: jobs,
      audit,
      history,
      user: operatorName(io.env),
      timeScale: labDir !== undefined ? await labTimeScale(labDir) : 1,
    };
    const print = eventPrinter(io, json);
    if (p.moveBack) {
      const { records } = await audit.read();
      const last = lastMove(records);
      if (last === undefined) throw new NothingToMoveBack();
      if (!args.switches.has('yes')) {
        io.out(`Would move "${printable(String((last.after as { vm?: unknown } | null)?.vm ?? ''))}" back from ${String((last.after as { destination?: unknown } | null)?.destination ?? '')} to ${last.host}.\nNothing moved: add --yes to move it back.\n`);
        return 0;
      }
      runHandle = await startMoveBack({ ...deps, audit }, records, print);
    } else {
      if (labDir !== undefined) directory = await openLabDirectorySession(labDir, io.env);
      const testDeps = createMigrationTestDeps({ pool, ...(directory ? { directory } : {}), user: deps.user, workstationProbe: labDir !== undefined ? 'lab' : 'tcp' });
      // The pair is tested as it is configured: the move uses the source's authentication as it is.
      const [sourceFacts] = await readHosts(pool, [p.source]);
      const authentication = sourceFacts?.settings?.virtualMachineMigrationAuthenticationType;
      const report = await runMigrationTest(testDeps, {
        source: p.source, destination: p.destination, vms: p.vms, includeStorage: p.includeStorage,
        ...(authentication !== undefined ? { authentication } : {}),
        startMode: p.startOnSource ? 'source' : 'remote',
        ...(p.destinationStoragePath !== undefined ? { destinationStoragePath: p.destinationStoragePath } : {}),
      });
      const candidates = moveCandidates(report);
      const blocked = p.vms.map((n) => ({ n, c: candidates.find((c) => c.name === n) })).filter((x) => x.c?.ready !== true);
      if (blocked.length > 0) {
        for (const b of blocked) {
          const why = b.c === undefined ? `${p.source} has no such VM` : b.c.reason?.kind === 'finding' ? `${b.c.reason.title ?? ''} (${b.c.reason.findingId ?? ''})` : 'the test did not check it';
          io.err(`ferry migrate: "${printable(b.n)}" is not ready to move: ${printable(why)}\n`);
        }
        io.err('Nothing moved. Fix what the test found (ferry test shows the fixes), then try again.\n');
        return 1;
      }
      if (!json) io.out(planText(report, p, candidates.filter((c) => p.vms.includes(c.name))));
      if (!args.switches.has('yes')) {
        io.out('Nothing moved: add --yes to move these VMs.\n');
        return 0;
      }
      runHandle = startMovesFromReport(deps, report, {
        source: p.source, destination: p.destination, vms: p.vms, includeStorage: p.includeStorage,
        startMode: p.startOnSource ? 'source' : 'remote',
        ...(p.destinationStoragePath !== undefined ? { destinationStoragePath: p.destinationStoragePath } : {}),
      }, print);
    }
    process.on('SIGINT', onSigint);
    const outcomes = await runHandle.done;
    if (json) printJson(io, { runId: runHandle.runId, auditLog: auditFile, moves: outcomes });
    else io.out(`Audit log: ${auditFile}\n`);
    return outcomes.every((o) => o.result === 'moved') ? 0 : 1;
  } catch (error) {
    if (error instanceof NothingToMoveBack) {
      io.err(`ferry migrate: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    await directory?.close();
    await Promise.all([pool.dispose(), jobs.dispose()]);
  }
}
