/**
 * `ferry plan` (read both hosts, print the plan, optionally export it as a .ps1) and the
 * shared flow `ferry apply` runs on top of it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplyResult, Plan } from '../../core/model';
import { exportPlanScript } from '../../core/plan/export-script';
import { applyPlan } from '../../engine/apply';
import { createPowerShellExecutor } from '../../engine/powershell-executor';
import { AuditLog } from '../../services/audit/audit-log';
import { ArgError, parseArgs, stringArg, type ArgSpec } from '../args';
import { printJson, printable } from '../output';
import { formatApplyResult, formatPlan } from '../plan-text';
import type { CliIo } from '../run-cli';
import { openPool } from '../session';
import { operatorName } from '../../engine/operator';
import { SETTINGS_SPEC, parseSettingsRequest, readAndPlan } from '../settings-args';

const PLAN_USAGE = `Usage: ferry plan (--source <host> --destination <host> | --hosts <h1,h2,...> | --hosts-file <file>)
                  [--auth Kerberos|CredSSP] [--performance TCPIP|Compression|SMB]
                  [--max-migrations N] [--max-storage-migrations N]
                  [--network <subnet>[,<priority>]]... | [--any-network]
                  [--host-network <host>=<subnet>[,<priority>]]...
                  [--recommended]
                  [--lab <dir>] [--json] [--script <out.ps1>]
One desired value for every host; --host-network gives one host its own incoming networks.
--recommended: start from the window's Recommended settings (for a pair, or what every host of
  the group has in common); the options above override.
`;
const APPLY_USAGE = `Usage: ferry apply <plan options> --yes [--audit-log <file>]\n`;

const APPLY_SPEC: ArgSpec = { ...SETTINGS_SPEC, yes: { type: 'boolean' }, 'audit-log': { type: 'string' } };

export async function runSettingsCommand(mode: 'plan' | 'apply', argv: readonly string[], io: CliIo): Promise<number> {
  const name = `ferry ${mode}`;
  const usage = mode === 'plan' ? PLAN_USAGE : APPLY_USAGE + PLAN_USAGE;
  let request;
  let args;
  try {
    args = parseArgs(argv, mode === 'plan' ? SETTINGS_SPEC : APPLY_SPEC);
    if (args.positionals.length > 0) throw new ArgError(`'${printable(args.positionals[0] ?? '')}'`, 'unexpected argument');
    request = await parseSettingsRequest(args);
    const auditArg = stringArg(args, 'audit-log');
    if (auditArg !== undefined && (auditArg === '' || auditArg.includes('\0'))) throw new ArgError('--audit-log', 'is not a usable file name');
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`${name}: ${error.message}\n${usage}`);
      return 2;
    }
    throw error;
  }
  const labDir = stringArg(args, 'lab');
  const json = args.switches.has('json');
  let pool;
  try {
    pool = openPool(labDir, io.env, io.err);
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    const { plan } = await readAndPlan(pool, request);
    const scriptFile = stringArg(args, 'script');
    if (scriptFile !== undefined) await writeFile(scriptFile, exportPlanScript(plan), 'utf8');
    const problems = plan.warnings.some((w) => w.code === 'host-unreadable' || w.code === 'invalid-host-name');
    if (mode === 'plan') {
      if (json) printJson(io, plan);
      else io.out(formatPlan(plan) + (scriptFile ? `Script written to ${printable(scriptFile)}\n` : ''));
      return problems ? 1 : 0;
    }
    if (!args.switches.has('yes')) {
      if (!json) io.out(formatPlan(plan));
      io.err(`${name}: --yes is required to change anything (nothing was changed)\n`);
      return 2;
    }
    if (problems) {
      if (json) printJson(io, { plan, result: null });
      else io.out(formatPlan(plan));
      io.err(`${name}: not applying: a host could not be read\n`);
      return 1;
    }
    const auditFile = path.resolve(stringArg(args, 'audit-log') ?? (labDir ? path.join(labDir, 'audit.jsonl') : 'ferry-audit.jsonl'));
    const result = await applyWith(plan, pool, auditFile, io, json, labDir);
    if (json) printJson(io, { plan, result });
    else io.out(formatApplyResult(plan, result));
    return result.ok ? 0 : 1;
  } finally {
    await pool.dispose();
  }
}

async function applyWith(plan: Plan, pool: ReturnType<typeof openPool>, auditFile: string, io: CliIo, json: boolean, labDir: string | undefined): Promise<ApplyResult> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await applyPlan(plan, { powershell: createPowerShellExecutor(pool) }, {
      user: operatorName(io.env),
      audit: new AuditLog(auditFile),
      // Recorded so `ferry rollback` restores the same lab (or the real hosts) without being told.
      target: labDir !== undefined ? { kind: 'lab', labDir: path.resolve(labDir) } : { kind: 'hosts' },
      signal: controller.signal,
      onProgress: (e) => {
        if (!json && e.stepId !== undefined && e.status === 'running') io.err(`[${e.index + 1}/${e.total}] ${printable(e.message)}\n`);
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runSettingsCommand('plan', argv, io);
}
