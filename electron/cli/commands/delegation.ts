/**
 * `ferry delegation show|plan|apply|remove --source A --destination B [--one-way]`:
 * Kerberos constrained delegation for live migration, through the same engine code as the app.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CliIo } from '../run-cli';
import type { Plan, PlanStep, PlanWarning } from '../../core/model';
import { delegationState, ferrySetFlagFromAudit, hasFlag, shortName, UF_TRUSTED_FOR_DELEGATION, UF_TRUSTED_TO_AUTH_FOR_DELEGATION } from '../../core/delegation';
import type { DirectorySession } from '../../services/directory/directory-session';
import { resolveComputer } from '../../services/directory/computer-accounts';
import { AuditLog } from '../../services/audit/audit-log';
import { createLdapExecutor } from '../../engine/directory-executor';
import { planGroupDelegationFor, planGroupDelegationRemovalFor } from '../../engine/directory-planner';
import { pairGroup, type DelegationTopology } from '../../core/group';
import { applyPlan } from '../../engine/apply';
import { operatorName } from '../../engine/operator';
import { ArgError, hostArg, parseArgs, stringArg, type ArgSpec, type ParsedArgs } from '../args';
import { DIRECTORY_SPEC, directoryFromArgs } from '../directory-args';
import { GROUP_SPEC, groupHostsArg, refusePairWithGroup, topologyArg } from '../group-args';
import { printable } from '../output';
import { reportError } from '../report-error';

const USAGE = `Usage: ferry delegation show|plan|apply|remove --source <host> --destination <host> [--one-way]
       ferry delegation show|plan|apply|remove (--hosts <h1,h2,...> | --hosts-file <file>)
         [--topology mesh|hub [--hub <host>]...] [--leaving <host>]   (remove: only that host's entries)
         --ldap-url <url> [--starttls] --bind-user <upn> [--ca-file <pem>] [--base-dn <dn>]
         (or --ldap-url <url> --integrated on a domain-joined Windows workstation: no password)
         (or --lab <dir>: the lab folder's own directory, no password)
         [--yes] [--json] [--audit-log <file>]
apply/remove change the directory only with --yes (or after you confirm at the prompt).
With --lab the audit log defaults to <dir>/audit.jsonl (as for \`ferry apply\`), so
\`ferry rollback --audit-log <dir>/audit.jsonl --lab <dir>\` can undo it.
`;

const SPEC: ArgSpec = {
  ...DIRECTORY_SPEC,
  source: { type: 'string' },
  destination: { type: 'string' },
  ...GROUP_SPEC,
  leaving: { type: 'string' },
  'one-way': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'audit-log': { type: 'string' },
};

function describePlan(steps: readonly PlanStep[], warnings: readonly PlanWarning[]): string {
  const lines: string[] = [];
  if (steps.length === 0) lines.push('Nothing to change: the delegation is already as required.');
  for (const [i, s] of steps.entries()) {
    lines.push(`${i + 1}. [${s.kind}] ${s.target}${s.optional ? ' (optional, run on request)' : ''}`);
    lines.push(...s.command.split('\n').map((l) => `     ${l}`));
  }
  for (const w of warnings) lines.push(`WARNING ${w.code}: ${w.message}`);
  return lines.join('\n') + '\n';
}

async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function show(session: DirectorySession, hosts: readonly string[], json: boolean, io: CliIo): Promise<number> {
  const accounts = await Promise.all(hosts.map((h) => resolveComputer(session, h)));
  const rows = accounts.map((acc) => {
    const others = accounts.filter((a) => a !== acc);
    return { account: acc, towards: others.map((o) => shortName(o)).join(', '), state: delegationState(acc, others, session.info.dnsDomain) };
  });
  if (json) {
    io.out(JSON.stringify({ accounts: rows }, null, 2) + '\n');
    return 0;
  }
  for (const r of rows) {
    io.out(`${r.account.name} (${r.account.dn})\n`);
    io.out(`  delegation to ${r.towards}: ${r.state}\n`);
    io.out(`  use any authentication protocol: ${hasFlag(r.account.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION) ? 'yes' : 'no'}\n`);
    if (hasFlag(r.account.userAccountControl, UF_TRUSTED_FOR_DELEGATION)) io.out('  WARNING: unconstrained delegation is enabled\n');
    for (const v of r.account.allowedToDelegateTo) io.out(`  msDS-AllowedToDelegateTo: ${v}\n`);
  }
  return 0;
}

/** A pair (`--source`/`--destination`, `--one-way`) or a group (`--hosts`/`--hosts-file`, `--topology`). */
async function groupOf(args: ParsedArgs): Promise<{ hosts: string[]; topology: DelegationTopology }> {
  const hosts = await groupHostsArg(args);
  if (hosts !== undefined) {
    refusePairWithGroup(args);
    if (args.switches.has('one-way')) throw new ArgError('--one-way', 'is for a pair; a group uses --topology hub --hub <host>');
    return { hosts, topology: topologyArg(args, hosts) };
  }
  if (stringArg(args, 'topology') !== undefined || args.values.has('hub')) throw new ArgError('--topology', 'and --hub need --hosts or --hosts-file');
  const source = hostArg(args, 'source');
  const destination = hostArg(args, 'destination');
  if (source.toLowerCase() === destination.toLowerCase()) throw new ArgError('--destination', 'must differ from --source');
  return pairGroup(source, destination, !args.switches.has('one-way'));
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  let session: DirectorySession | undefined;
  try {
    const parsed = parseArgs(args, SPEC);
    if (parsed.switches.has('help')) {
      io.out(USAGE);
      return 0;
    }
    const [action, ...extra] = parsed.positionals;
    if (action === undefined || !['show', 'plan', 'apply', 'remove'].includes(action)) {
      throw new ArgError(action === undefined ? 'action' : `'${printable(action)}'`, `expected show, plan, apply or remove\n${USAGE}`);
    }
    if (extra.length > 0) throw new ArgError(`'${printable(extra[0] ?? '')}'`, 'unexpected argument');
    const { hosts, topology } = await groupOf(parsed);
    const leaving = stringArg(parsed, 'leaving');
    if (leaving !== undefined) {
      if (action !== 'remove') throw new ArgError('--leaving', 'is for remove');
      if (!hosts.some((h) => h.toLowerCase() === leaving.toLowerCase())) throw new ArgError('--leaving', `'${printable(leaving)}' is not one of the hosts`);
    }
    const json = parsed.switches.has('json');
    const lab = stringArg(parsed, 'lab');
    const auditFile = stringArg(parsed, 'audit-log') ?? (lab !== undefined ? path.join(lab, 'audit.jsonl') : undefined);
    const audit = auditFile !== undefined ? new AuditLog(path.resolve(auditFile)) : undefined;
    if (action === 'remove' && audit === undefined) {
      io.err('note: without --audit-log Ferry cannot tell whether it set "Use any authentication protocol", so that flag is kept.\n');
    }
    session = await directoryFromArgs(parsed, io);
    if (action === 'show') return await show(session, hosts, json, io);

    const records = audit ? (await audit.read()).records : [];
    const result =
      action === 'remove'
        ? await planGroupDelegationRemovalFor(session, hosts, topology, (acc) => ferrySetFlagFromAudit(records, shortName(acc)), leaving !== undefined ? { onlyWith: leaving } : {})
        : await planGroupDelegationFor(session, hosts, topology);
    const plan: Plan = {
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      hosts: result.accounts.map((a) => shortName(a)),
      steps: result.steps,
      warnings: result.warnings,
    };
    if (action === 'plan') {
      io.out(json ? JSON.stringify(plan, null, 2) + '\n' : describePlan(plan.steps, plan.warnings));
      return 0;
    }
    if (!json) io.out(describePlan(plan.steps, plan.warnings));
    if (plan.steps.every((s) => s.optional)) {
      if (json) io.out(JSON.stringify({ plan, result: null }, null, 2) + '\n');
      return 0;
    }
    if (!parsed.switches.has('yes') && !(await confirm(io, `${action === 'apply' ? 'Apply' : 'Remove'} these changes in ${session.info.dnsDomain}? [y/N] `))) {
      throw new ArgError('--yes', 'not confirmed: nothing was changed (pass --yes to confirm non-interactively)');
    }
    // The optional klist-purge steps are skipped (listed as advice); only LDAP steps run here.
    const noPowerShell = { execute: async () => Promise.reject(new Error('PowerShell steps are not run by this command')) };
    const applied = await applyPlan(plan, { powershell: noPowerShell, ldap: createLdapExecutor(session) }, {
      user: operatorName(io.env),
      ...(audit ? { audit } : {}),
      onProgress: (e) => {
        if (!json && e.stepId !== undefined && (e.status === 'done' || e.status === 'failed')) io.err(`  [${e.index + 1}/${e.total}] ${e.status}: ${e.message}\n`);
      },
    });
    if (json) io.out(JSON.stringify({ plan, result: applied }, null, 2) + '\n');
    else {
      io.out(applied.ok ? 'Done. Every change was read back and verified.\n' : 'FAILED: the run stopped at the first failure.\n');
      for (const r of applied.results.filter((x) => x.error)) io.out(`  ${r.stepId}: ${r.error?.message ?? ''}\n`);
      if (!applied.ok && applied.restoreCommands.length > 0) io.out(`To undo what was done:\n${applied.restoreCommands.join('\n')}\n`);
      io.out('The change takes effect after AD replication and a new Kerberos ticket: run `klist purge -li 0x3e7` on each host (or restart it).\n');
    }
    return applied.ok ? 0 : 1;
  } catch (error) {
    return reportError(io, 'delegation', error);
  } finally {
    await session?.close();
  }
}
