/**
 * `ferry delegation show|plan|apply|remove --source A --destination B [--one-way]`:
 * Kerberos constrained delegation for live migration, through the same engine code as the app.
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../run-cli';
import type { Plan, PlanStep, PlanWarning } from '../../core/model';
import { delegationState, ferrySetFlagFromAudit, hasFlag, shortName, UF_TRUSTED_FOR_DELEGATION, UF_TRUSTED_TO_AUTH_FOR_DELEGATION } from '../../core/delegation';
import type { DirectorySession } from '../../services/directory/directory-session';
import { resolveComputer } from '../../services/directory/computer-accounts';
import { AuditLog } from '../../services/audit/audit-log';
import { createLdapExecutor } from '../../engine/directory-executor';
import { planGroupDelegationFor, planGroupDelegationRemovalFor } from '../../engine/directory-planner';
import { pairGroup, topologyOf, isGroupIssue, validateGroupHosts, type DelegationTopology } from '../../core/group';
import { MAX_GROUP_HOSTS } from '../../core/contract/schemas';
import { readFile } from 'node:fs/promises';
import { applyPlan } from '../../engine/apply';
import { validateHostName } from '../../core/settings/host-name';
import { printable } from '../output';
import { DIRECTORY_OPTIONS, UsageError, directoryFromArgs, reportError } from './discover';

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

const OPTIONS = {
  ...DIRECTORY_OPTIONS,
  source: { type: 'string' },
  destination: { type: 'string' },
  hosts: { type: 'string' },
  'hosts-file': { type: 'string' },
  topology: { type: 'string' },
  hub: { type: 'string', multiple: true },
  leaving: { type: 'string' },
  'one-way': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'audit-log': { type: 'string' },
} as const;

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
async function groupOf(values: Record<string, unknown>): Promise<{ hosts: string[]; topology: DelegationTopology }> {
  const list = typeof values.hosts === 'string' ? values.hosts : undefined;
  const file = typeof values['hosts-file'] === 'string' ? values['hosts-file'] : undefined;
  const source = typeof values.source === 'string' ? values.source : undefined;
  const destination = typeof values.destination === 'string' ? values.destination : undefined;
  if (list !== undefined || file !== undefined) {
    if (list !== undefined && file !== undefined) throw new UsageError('--hosts and --hosts-file cannot be combined');
    if (source !== undefined || destination !== undefined) throw new UsageError('--source/--destination cannot be combined with --hosts/--hosts-file');
    if (values['one-way'] === true) throw new UsageError('--one-way is for a pair; a group uses --topology hub --hub <host>');
    const hosts = list !== undefined ? list.split(',').map((h) => h.trim()).filter((h) => h !== '') : await hostsFile(file ?? '');
    const issue = validateGroupHosts(hosts)[0];
    if (issue) throw new UsageError(`${list !== undefined ? '--hosts' : '--hosts-file'}: ${printable(issue.message.replace(/^hosts(\.\d+)?: /, ''))}`);
    const kind = values.topology;
    if (kind !== undefined && kind !== 'mesh' && kind !== 'hub') throw new UsageError(`--topology: must be mesh or hub (got '${printable(String(kind))}')`);
    const hubs = Array.isArray(values.hub) ? values.hub.map(String) : [];
    const topology = topologyOf(hosts, false, { ...(kind ? { topology: kind } : {}), hubs }, '');
    if (isGroupIssue(topology)) throw new UsageError(`${topology.field.startsWith('hubs') ? '--hub' : '--topology'}: ${printable(topology.message.replace(/^hubs(\.\d+)?: /, ''))}`);
    return { hosts, topology };
  }
  if (values.topology !== undefined || values.hub !== undefined) throw new UsageError('--topology and --hub need --hosts or --hosts-file');
  if (source === undefined || destination === undefined) throw new UsageError('--source and --destination (or --hosts) are required');
  for (const [flag, name] of [['--source', source], ['--destination', destination]] as const) {
    const problem = validateHostName(name);
    if (problem !== null) throw new UsageError(`${flag}: ${problem} (got '${printable(name)}')`);
  }
  if (source.toLowerCase() === destination.toLowerCase()) throw new UsageError('--source and --destination must be different hosts');
  return pairGroup(source, destination, values['one-way'] !== true);
}

async function hostsFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`--hosts-file: cannot be read (${printable(error instanceof Error ? error.message : String(error))})`);
  }
  const hosts = text.split(/\r?\n/).map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '');
  if (hosts.length > MAX_GROUP_HOSTS) throw new UsageError(`--hosts-file: at most ${MAX_GROUP_HOSTS} hosts`);
  return hosts;
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  let session: DirectorySession | undefined;
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const [action, ...extra] = positionals;
    if (action === undefined || !['show', 'plan', 'apply', 'remove'].includes(action)) throw new UsageError(`expected show, plan, apply or remove\n${USAGE}`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const { hosts, topology } = await groupOf(values);
    const leaving = values.leaving;
    if (leaving !== undefined) {
      if (action !== 'remove') throw new UsageError('--leaving is for remove');
      if (!hosts.some((h) => h.toLowerCase() === leaving.toLowerCase())) throw new UsageError(`--leaving: '${printable(leaving)}' is not one of the hosts`);
    }
    const json = values.json === true;
    const auditFile = values['audit-log'] ?? (values.lab !== undefined ? path.join(values.lab, 'audit.jsonl') : undefined);
    const audit = auditFile !== undefined ? new AuditLog(path.resolve(auditFile)) : undefined;
    if (action === 'remove' && audit === undefined) {
      io.err('note: without --audit-log Ferry cannot tell whether it set "Use any authentication protocol", so that flag is kept.\n');
    }
    session = await directoryFromArgs(values, io);
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
    if (values.yes !== true && !(await confirm(io, `${action === 'apply' ? 'Apply' : 'Remove'} these changes in ${session.info.dnsDomain}? [y/N] `))) {
      throw new UsageError('not confirmed: nothing was changed (pass --yes to confirm non-interactively)');
    }
    // The optional klist-purge steps are skipped (listed as advice); only LDAP steps run here.
    const noPowerShell = { execute: async () => Promise.reject(new Error('PowerShell steps are not run by this command')) };
    const applied = await applyPlan(plan, { powershell: noPowerShell, ldap: createLdapExecutor(session) }, {
      user: io.env.USER ?? os.userInfo().username,
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
