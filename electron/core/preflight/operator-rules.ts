/**
 * The operator's rights (reference §4.3): local Hyper-V Administrators (S-1-5-32-578) or
 * Administrators (S-1-5-32-544) on both hosts to move VMs, and Domain Admins (or
 * SeEnableDelegationPrivilege) for the directory account that writes the delegation.
 *
 * Local memberships come from each host (`get-operator-rights.ps1`); a membership that may come
 * through a nested domain group is `unknown` there, and is confirmed here only when the
 * directory shows the operator directly in that domain group — never guessed.
 */
import type { Finding, HostFacts } from '../model';
import type { Membership, MigrationFacts, OperatorFacts, OperatorHostRights } from './facts';
import { NO_FIX, command, finding, manual, psQuote, shortHost, yesNo } from './finding';

export const SID_HYPERV_ADMINISTRATORS = 'S-1-5-32-578';
export const SID_ADMINISTRATORS = 'S-1-5-32-544';

const ADMIN_GROUPS = ['hyper-v administrators', 'administrators', 'domain admins', 'enterprise admins'];

export function operatorRules(f: MigrationFacts): Finding[] {
  const op = f.operator;
  if (op === undefined) return [];
  const out: Finding[] = [];
  const groups = op.groups.map((g) => g.toLowerCase());
  const evidence = { operator: op.name, groups: op.groups.join('; ') || '(none)', notDelegated: yesNo(op.notDelegated) };
  if (groups.includes('protected users') || op.notDelegated === true) {
    out.push(finding('identity.operator-delegable', 'identity', 'warn', evidence,
      manual(), undefined, { operator: op.name }));
  }
  if (op.hosts === undefined) {
    // No local read: the directory groups are all there is (a hint, not proof).
    const admin = groups.some((g) => ADMIN_GROUPS.includes(g));
    out.push(finding('identity.operator-groups', 'identity', admin ? 'pass' : 'info', evidence,
      admin ? NO_FIX : manual(), undefined,
      { operator: op.name }));
  } else {
    for (const [role, host] of [['source', f.source], ['destination', f.destination]] as const) {
      const rights = rightsFor(op.hosts, host);
      if (rights !== undefined) out.push(localRule(op, role, host, rights));
    }
  }
  const delegation = delegationRightsRule(f, op);
  if (delegation) out.push(delegation);
  return out;
}

const sameHost = (a: string, b: string) => shortHost(a) === shortHost(b);

function rightsFor(all: readonly OperatorHostRights[], host: HostFacts): OperatorHostRights | undefined {
  return all.find((r) => sameHost(r.computerName, host.computerName));
}

/** The account part of `DOMAIN\\user` or `user@domain`, lower-cased. */
const accountPart = (name: string): string => {
  const afterSlash = name.slice(name.lastIndexOf('\\') + 1);
  const at = afterSlash.indexOf('@');
  return (at > 0 ? afterSlash.slice(0, at) : afterSlash).toLowerCase();
};

/** Nested domain groups the directory shows the operator directly in. */
function confirmedNesting(op: OperatorFacts, rights: OperatorHostRights): string[] {
  const mine = new Set(op.groups.map(accountPart));
  return (rights.nestedGroups ?? []).filter((g) => mine.has(accountPart(g)));
}

function localRule(op: OperatorFacts, role: 'source' | 'destination', host: HostFacts, rights: OperatorHostRights): Finding {
  const id = `identity.operator-local.${role}`;
  const name = host.computerName;
  const params = { operator: op.name, host: name };
  const show = (m: Membership) => m;
  const evidence: Record<string, string> = {
    host: name,
    operator: op.name,
    hyperVAdministrators: show(rights.hyperVAdministrators),
    administrators: show(rights.administrators),
  };
  if (rights.nestedGroups && rights.nestedGroups.length > 0) evidence.nestedGroups = rights.nestedGroups.join('; ');
  if (rights.error !== undefined) {
    evidence.error = rights.error;
    return finding(id, 'identity', 'info', evidence,
      manual(), undefined,
      { ...params, variant: 'unreadable' });
  }
  const direct = rights.hyperVAdministrators === 'yes' || rights.administrators === 'yes';
  const via = direct ? [] : confirmedNesting(op, rights);
  if (direct || via.length > 0) {
    if (via.length > 0) evidence.via = via.join('; ');
    return finding(id, 'identity', 'pass', evidence, NO_FIX, undefined, params);
  }
  const fix = command(
    `Invoke-Command -ComputerName ${psQuote(name)} -ScriptBlock { Add-LocalGroupMember -SID '${SID_HYPERV_ADMINISTRATORS}' -Member ${psQuote(op.name)} }`);
  if (rights.hyperVAdministrators === 'no' && rights.administrators === 'no') {
    return finding(id, 'identity', 'fail', evidence, fix, undefined, params);
  }
  // Only nested domain groups could grant it: the host cannot tell without resolving them.
  return finding(id, 'identity', 'info', evidence,
    { ...fix, text: `Membership through ${(rights.nestedGroups ?? []).join(', ') || 'a nested group'} could not be confirmed. If moves fail with access denied, ${fix.text.charAt(0).toLowerCase()}${fix.text.slice(1)}` },
    undefined, { ...params, groups: (rights.nestedGroups ?? []).join(', ') || '-', variant: 'unknown' });
}

function delegationRightsRule(f: MigrationFacts, op: OperatorFacts): Finding | undefined {
  const r = op.delegationRights;
  if (r === undefined) return undefined;
  const evidence = { user: r.user, privilegedGroups: r.via.join('; ') || '(none)' };
  if (r.canConfigure) {
    return finding('identity.operator-delegation-rights', 'identity', 'info', evidence, NO_FIX, undefined,
      { user: r.user, groups: r.via.join(', ') });
  }
  const fix = manual();
  // With CredSSP no delegation is written, so missing rights only matter for a later switch to Kerberos.
  const severity = f.authentication === 'Kerberos' ? 'warn' : 'info';
  return finding('identity.operator-delegation-rights', 'identity', severity, evidence, fix, undefined,
    { user: r.user, variant: severity === 'warn' ? 'warn' : 'not-needed' });
}
