/**
 * `ferry rollback --audit-log <file> [--run <id>] [--lab <dir>] [--yes] [--json]`: restores the
 * before-values of a recorded apply (default: the newest run with changes left to undo).
 * Without `--yes` it prints what it would do and changes nothing.
 */
import path from 'node:path';
import { createPowerShellExecutor } from '../../engine/powershell-executor';
import { latestRunId, planRollback, rollback } from '../../engine/rollback';
import { AuditLog } from '../../services/audit/audit-log';
import { ArgError, parseArgs, requiredString, stringArg } from '../args';
import { printJson, printable } from '../output';
import { formatApplyResult, formatPlan } from '../plan-text';
import type { CliIo } from '../run-cli';
import { openPool } from '../session';
import { currentUser } from '../settings-args';

const USAGE = 'Usage: ferry rollback --audit-log <file> [--run <id>] [--lab <dir>] [--yes] [--json]\n';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let auditFile: string;
  let runArg: string | undefined;
  let args;
  try {
    args = parseArgs(argv, {
      'audit-log': { type: 'string' },
      run: { type: 'string' },
      lab: { type: 'string' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (args.positionals.length > 0) throw new ArgError(`'${printable(args.positionals[0] ?? '')}'`, 'unexpected argument');
    const file = requiredString(args, 'audit-log');
    if (file === '' || file.includes('\0')) throw new ArgError('--audit-log', 'is not a usable file name');
    auditFile = path.resolve(file);
    runArg = stringArg(args, 'run');
    if (runArg !== undefined && !/^[A-Za-z0-9._:-]{1,64}$/.test(runArg)) throw new ArgError('--run', 'is not a run id');
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`ferry rollback: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const json = args.switches.has('json');
  const audit = new AuditLog(auditFile);
  const { records, badLines } = await audit.read();
  if (badLines.length > 0) io.err(`ferry rollback: ignoring ${badLines.length} unreadable line(s) in the audit log\n`);
  const runId = runArg ?? latestRunId(records);
  if (runId === undefined) {
    io.err('ferry rollback: the audit log has no changes left to undo\n');
    return 1;
  }
  if (!records.some((r) => r.runId === runId)) {
    io.err(`ferry rollback: --run: the audit log has no run ${printable(runId)}\n`);
    return 2;
  }
  if (!args.switches.has('yes')) {
    const plan = await planRollback(runId, audit);
    if (json) printJson(io, plan);
    else io.out(formatPlan(plan) + 'Nothing was changed: add --yes to restore these values.\n');
    return plan.warnings.length > 0 ? 1 : 0;
  }
  let pool;
  try {
    pool = openPool(stringArg(args, 'lab'), io.env);
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`ferry rollback: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    const { plan, result } = await rollback(runId, audit, { powershell: createPowerShellExecutor(pool) }, {
      user: currentUser(io.env),
      onProgress: (e) => {
        if (!json && e.stepId !== undefined && e.status === 'running') io.err(`[${e.index + 1}/${e.total}] ${printable(e.message)}\n`);
      },
    });
    if (json) printJson(io, { plan, result });
    else io.out(formatApplyResult(plan, result));
    return result.ok && plan.warnings.length === 0 ? 0 : 1;
  } finally {
    await pool.dispose();
  }
}
