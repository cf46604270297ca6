/**
 * `ferry rollback --audit-log <file> [--run <id>] [--lab <dir> | --real-hosts] [<directory options>] [--yes] [--json]`:
 * restores the before-values of a recorded apply (default: the newest run with changes left to
 * undo) — host settings through PowerShell, delegation records through LDAP (the lab folder's
 * directory, or the directory the options name). Where to restore comes from the audit log (the
 * lab folder or real hosts the run changed); a `--lab` that names another place is refused, and a
 * log from before targets were recorded needs `--lab` or `--real-hosts`. Without `--yes` it
 * prints what it would do and changes nothing.
 */
import path from 'node:path';
import type { AuditRecord, AuditTarget, PlanStep } from '../../core/model';
import { createPowerShellExecutor } from '../../engine/powershell-executor';
import { createLdapExecutor } from '../../engine/directory-executor';
import type { StepExecutor } from '../../engine/step-executor';
import type { DirectorySession } from '../../services/directory/directory-session';
import type { PowerShellPool } from '../../services/powershell/pool';
import { openLabDirectorySession } from '../lab-directory-session';
import { DIRECTORY_CONNECTION_SPEC, directoryFromArgs, namesRealDirectory } from '../directory-args';
import { reportError } from '../report-error';
import { latestRunId, planRollback, rollback, runTarget } from '../../engine/rollback';
import { AuditLog } from '../../services/audit/audit-log';
import { ArgError, parseArgs, requiredString, stringArg, type ParsedArgs } from '../args';
import { escapeControls, printJson, printable } from '../output';
import { formatApplyResult, formatPlan } from '../plan-text';
import type { CliIo } from '../run-cli';
import { openPool } from '../session';
import { operatorName } from '../../engine/operator';

const USAGE = `Usage: ferry rollback --audit-log <file> [--run <id>] [--lab <dir> | --real-hosts] [--yes] [--json]
         [--ldap-url <url> --bind-user <upn> [--starttls] [--base-dn <dn>] [--ca-file <pem>] | --integrated]
The audit log says which lab folder or real hosts a run changed; the rollback restores there.
--lab must name that same folder; logs written before targets were recorded need --lab or --real-hosts.
A run that changed delegation needs the directory: the lab's own, or the directory options.
`;

const samePath = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);

const describeTarget = (t: AuditTarget) => (t.kind === 'lab' ? `the lab ${t.labDir}` : 'real hosts');

/**
 * Where to restore a run: what its records say, checked against `--lab`/`--real-hosts`; a string
 * is the refusal. `undefined` target: not recorded and not given (asked for only when restoring).
 */
export function rollbackTarget(records: readonly AuditRecord[], runId: string, given: { readonly labDir?: string; readonly realHosts: boolean }): AuditTarget | undefined | string {
  const recorded = runTarget(records, runId);
  const lab = given.labDir !== undefined ? path.resolve(given.labDir) : undefined;
  if (recorded?.kind === 'lab') {
    if (given.realHosts) return `--real-hosts: run ${runId} changed ${describeTarget(recorded)}, not real hosts`;
    if (lab !== undefined && !samePath(lab, recorded.labDir)) return `--lab: run ${runId} changed ${describeTarget(recorded)}, not ${lab}`;
    return recorded;
  }
  if (recorded?.kind === 'hosts') {
    if (lab !== undefined) return `--lab: run ${runId} changed real hosts, not a lab`;
    return recorded;
  }
  if (lab !== undefined) return { kind: 'lab', labDir: lab };
  return given.realHosts ? { kind: 'hosts' } : undefined;
}


/** A step runner that refuses: the rollback plan has no step for this channel. */
const refuse = (channel: string): StepExecutor => ({
  execute: (step: PlanStep) => Promise.reject(new Error(`No ${channel} connection for ${step.target}.`)),
});

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let auditFile: string;
  let runArg: string | undefined;
  let args;
  try {
    args = parseArgs(argv, {
      'audit-log': { type: 'string' },
      run: { type: 'string' },
      lab: { type: 'string' },
      'real-hosts': { type: 'boolean' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
      ...DIRECTORY_CONNECTION_SPEC,
    });
    if (args.positionals.length > 0) throw new ArgError(`'${printable(args.positionals[0] ?? '')}'`, 'unexpected argument');
    const file = requiredString(args, 'audit-log');
    if (file === '' || file.includes('\0')) throw new ArgError('--audit-log', 'is not a usable file name');
    auditFile = path.resolve(file);
    runArg = stringArg(args, 'run');
    if (runArg !== undefined && !/^[A-Za-z0-9._:-]{1,64}$/.test(runArg)) throw new ArgError('--run', 'is not a run id');
    if (args.switches.has('real-hosts') && stringArg(args, 'lab') !== undefined) throw new ArgError('--real-hosts', 'cannot be combined with --lab');
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
  const givenLab = stringArg(args, 'lab');
  const target = rollbackTarget(records, runId, { ...(givenLab !== undefined ? { labDir: givenLab } : {}), realHosts: args.switches.has('real-hosts') });
  if (typeof target === 'string') {
    // Whole: both folder paths must be readable to tell which lab is meant.
    io.err(`ferry rollback: ${escapeControls(target)}\n`);
    return 2;
  }
  if (!args.switches.has('yes')) {
    const plan = await planRollback(runId, audit);
    if (json) printJson(io, { ...plan, ...(target ? { target } : {}) });
    else io.out(`${formatPlan(plan)}Restores on: ${target ? describeTarget(target) : 'not recorded in the audit log (give --lab <dir> or --real-hosts)'}\nNothing was changed: add --yes to restore these values.\n`);
    return plan.warnings.length > 0 ? 1 : 0;
  }
  if (target === undefined) {
    io.err(`ferry rollback: the audit log does not record which lab or hosts run ${printable(runId)} changed (an older Ferry wrote it): give --lab <dir> for a lab, or --real-hosts\n`);
    return 2;
  }
  const plan = await planRollback(runId, audit);
  const labDir = target.kind === 'lab' ? target.labDir : undefined;
  let pool: PowerShellPool | undefined;
  let directory: DirectorySession | undefined;
  try {
    // Open only what the plan needs: a delegation-only run needs no PowerShell, and vice versa.
    if (plan.steps.some((s) => s.channel === 'powershell')) pool = openPool(labDir, io.env, io.err);
    if (plan.steps.some((s) => s.channel === 'ldap')) directory = await openDirectory(args, labDir, io);
  } catch (error) {
    await pool?.dispose();
    if (error instanceof ArgError) {
      io.err(`ferry rollback: ${error.message}\n`);
      return 2;
    }
    return reportError(io, 'rollback', error);
  }
  try {
    const executors = {
      powershell: pool ? createPowerShellExecutor(pool) : refuse('PowerShell'),
      ldap: directory ? createLdapExecutor(directory) : refuse('directory'),
    };
    const { plan: ran, result } = await rollback(runId, audit, executors, {
      user: operatorName(io.env),
      target,
      onProgress: (e) => {
        if (!json && e.stepId !== undefined && e.status === 'running') io.err(`[${e.index + 1}/${e.total}] ${printable(e.message)}\n`);
      },
    });
    if (json) printJson(io, { plan: ran, result });
    else io.out(formatApplyResult(ran, result));
    return result.ok && ran.warnings.length === 0 ? 0 : 1;
  } finally {
    await directory?.close();
    await pool?.dispose();
  }
}

/** The directory a delegation rollback writes to: the lab folder's, or the one the options name. */
async function openDirectory(args: ParsedArgs, labDir: string | undefined, io: CliIo): Promise<DirectorySession> {
  if (!namesRealDirectory(args)) {
    if (labDir === undefined) throw new ArgError('--ldap-url', 'is needed (or --lab <dir>): this run changed delegation in the directory');
    return openLabDirectorySession(labDir, io.env);
  }
  // --lab names the run's hosts here; the directory is the one the connection flags name.
  return directoryFromArgs({ ...args, values: new Map([...args.values].filter(([flag]) => flag !== 'lab')) }, io);
}
