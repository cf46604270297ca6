/**
 * Identity and Active Directory: domain, authentication type, CredSSP limits, Kerberos
 * constrained delegation (four entries + protocol transition), unconstrained delegation, the
 * migration-service SPN and the operator's groups. Field notes §4 A, reference §5–§6.1.
 */
import type { ComputerAccount, Finding, HostFacts } from '../model';
import { hasMigrationSpn, requiredEntries, shortName } from '../delegation/entries';
import { parentAndChild } from '../delegation/domains';
import { UF_TRUSTED_FOR_DELEGATION, UF_TRUSTED_TO_AUTH_FOR_DELEGATION, hasFlag } from '../delegation/uac';
import type { MigrationFacts } from './facts';
import { joined, lowerCaseSet } from './fact-memo';
import { WS2025_BUILD, osBuild } from './vm-feature-rules';
import { operatorRules } from './operator-rules';
import { crossDomainRule, duplicateSpnRule } from './kerberos-rules';
import { DELEGATION_FORWARD, DELEGATION_REVERSE, NO_FIX, cmdQuote, command, finding, manual, planStep, psQuote, show, yesNo } from './finding';

export function identityRules(f: MigrationFacts): Finding[] {
  return [
    ...domainRule(f),
    ...authenticationRule(f),
    ...credSspRules(f),
    ...kerberosRules(f),
    ...operatorRules(f),
    startModeRule(f),
  ];
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

function domainRule(f: MigrationFacts): Finding[] {
  const s = f.source.domain;
  const d = f.destination.domain;
  const evidence = { source: show(s), destination: show(d) };
  if (s === undefined || d === undefined || s === '' || d === '') {
    if (f.source.status !== 'ok' || f.destination.status !== 'ok') return [];
    return [finding('identity.domain', 'identity', 'warn', evidence,
      manual(), undefined, { variant: 'warn' })];
  }
  if (lower(s) === lower(d)) return [finding('identity.domain', 'identity', 'pass', evidence)];
  // A parent and its child domain always trust each other (AD creates that trust with the child).
  const trusted = (f.trustedDomains ?? []).some((t) => lower(t) === lower(d) || lower(t) === lower(s)) || parentAndChild(s, d);
  if (trusted) return [finding('identity.domain', 'identity', 'pass', evidence, NO_FIX, undefined, { variant: 'trusted' })];
  return [finding('identity.domain', 'identity', 'fail', evidence,
    manual())];
}

function authenticationRule(f: MigrationFacts): Finding[] {
  const s = f.source.settings?.virtualMachineMigrationAuthenticationType;
  const d = f.destination.settings?.virtualMachineMigrationAuthenticationType;
  if (s === undefined && d === undefined) return [];
  const evidence = { source: show(s), destination: show(d), chosen: f.authentication };
  const wrong = [s, d].some((v) => v !== undefined && v !== f.authentication);
  if (!wrong) return [finding('identity.authentication-type', 'identity', 'pass', evidence, NO_FIX, undefined, { auth: f.authentication })];
  const who = [s !== undefined && s !== f.authentication ? f.source.computerName : '', d !== undefined && d !== f.authentication ? f.destination.computerName : '']
    .filter(Boolean);
  return [finding('identity.authentication-type', 'identity', 'fail', evidence,
    planStep('virtualMachineMigrationAuthenticationType',
      `Set-VMHost -ComputerName ${psQuote(who[0] ?? '')} -VirtualMachineMigrationAuthenticationType ${f.authentication}`), undefined,
    { auth: f.authentication, hosts: who.join(', ') })];
}

function credSspRules(f: MigrationFacts): Finding[] {
  if (f.authentication !== 'CredSSP') return [];
  const out: Finding[] = [
    finding('identity.credssp-start', 'identity', 'warn',
      { chosen: 'CredSSP', startMode: f.startMode },
      planStep('virtualMachineMigrationAuthenticationType')),
  ];
  const cg = { source: yesNo(f.source.credentialGuardRunning), destination: yesNo(f.destination.credentialGuardRunning) };
  if (f.source.credentialGuardRunning === true) {
    out.push(finding('identity.credssp-credential-guard', 'identity', 'fail', cg,
      planStep('virtualMachineMigrationAuthenticationType'), undefined, { host: f.source.computerName }));
  } else if (f.destination.credentialGuardRunning === true) {
    out.push(finding('identity.credssp-credential-guard', 'identity', 'warn', cg,
      planStep('virtualMachineMigrationAuthenticationType'), undefined,
      { host: f.destination.computerName, source: f.source.computerName }));
  } else if (f.source.credentialGuardRunning === false) {
    out.push(finding('identity.credssp-credential-guard', 'identity', 'pass', cg));
  }
  out.push(...credentialGuardAhead(f));
  return out;
}

/**
 * Issue 14 item 2: Windows Server 2025 turns Credential Guard on by default on domain-joined
 * hosts that meet its requirements, also when upgraded from an older release, and Credential
 * Guard blocks CredSSP's saved-credential delegation. A host below WS2025 that runs without it
 * today loses CredSSP moves at its upgrade.
 */
function credentialGuardAhead(f: MigrationFacts): Finding[] {
  const ahead = [f.source, f.destination].filter((h) => h.credentialGuardRunning === false && (osBuild(h) ?? Infinity) < WS2025_BUILD);
  if (ahead.length === 0) return [];
  const hosts = ahead.map((h) => h.computerName).join(', ');
  return [finding('identity.credssp-credential-guard-ahead', 'identity', 'warn',
    {
      sourceOs: f.source.osVersion ?? 'unknown', destinationOs: f.destination.osVersion ?? 'unknown',
      credentialGuardSource: yesNo(f.source.credentialGuardRunning), credentialGuardDestination: yesNo(f.destination.credentialGuardRunning),
    },
    planStep('virtualMachineMigrationAuthenticationType'),
    undefined, { hosts })];
}

function kerberosRules(f: MigrationFacts): Finding[] {
  if (f.authentication !== 'Kerberos') return [];
  if (!f.directoryAvailable) {
    return [finding('identity.directory', 'identity', 'warn',
      { directory: 'not connected' }, manual())];
  }
  const out: Finding[] = [];
  // The fix names the direction so the UI opens the matching Configure row (forward or reverse).
  const pairs: [HostFacts, ComputerAccount | undefined, HostFacts, ComputerAccount | undefined, string, string][] = [
    [f.source, f.sourceAccount, f.destination, f.destinationAccount, '', DELEGATION_FORWARD],
  ];
  if (f.bothDirections === true) pairs.push([f.destination, f.destinationAccount, f.source, f.sourceAccount, '.reverse', DELEGATION_REVERSE]);
  for (const [from, fromAcc, to, toAcc, suffix, setting] of pairs) {
    if (fromAcc === undefined || toAcc === undefined) {
      const missing = fromAcc === undefined ? from.computerName : to.computerName;
      out.push(finding(`identity.delegation${suffix}`, 'identity', 'fail',
        { account: missing }, manual(), undefined,
        { variant: 'missing-account', account: missing }));
      continue;
    }
    // Across domains the classic entries and protocol transition do not apply: only RBCD does.
    const cross = crossDomainRule(f, fromAcc, toAcc, suffix);
    if (cross !== undefined) {
      out.push(cross);
      continue;
    }
    out.push(delegationEntriesRule(f, fromAcc, toAcc, suffix, setting));
    out.push(protocolTransitionRule(f, fromAcc, suffix, setting));
  }
  for (const [role, acc] of [['source', f.sourceAccount], ['destination', f.destinationAccount]] as const) {
    if (acc === undefined) continue;
    const unconstrained = hasFlag(acc.userAccountControl, UF_TRUSTED_FOR_DELEGATION);
    out.push(finding(`identity.unconstrained.${role}`, 'identity', unconstrained ? 'warn' : 'pass',
      { account: acc.name, userAccountControl: `0x${(acc.userAccountControl >>> 0).toString(16)}` },
      unconstrained ? manual() : NO_FIX,
      undefined, { account: acc.name }));
  }
  if (f.destinationAccount !== undefined) out.push(spnRule(f, f.destinationAccount));
  out.push(...duplicateSpnRule(f));
  return out;
}

function delegationEntriesRule(f: MigrationFacts, from: ComputerAccount, to: ComputerAccount, suffix: string, setting: string): Finding {
  const { entries } = requiredEntries(to, f.dnsDomain ?? '');
  // `holds` for each entry, against the account's entries lower-cased once for all its pairs.
  const have = lowerCaseSet(from.allowedToDelegateTo);
  const missing = entries.filter((e) => !have.has(e.toLowerCase()));
  const evidence = {
    account: from.name,
    required: entries.join('; '),
    present: joined(from.allowedToDelegateTo, '; ') || '(none)',
  };
  if (missing.length === 0) return finding(`identity.delegation${suffix}`, 'identity', 'pass', evidence, NO_FIX, undefined,
    { from: from.name, to: to.name });
  return finding(`identity.delegation${suffix}`, 'identity', 'fail',
    { ...evidence, missing: missing.join('; ') },
    planStep(setting), undefined,
    { from: from.name, to: to.name, count: String(missing.length), missing: missing.join(', ') });
}

function protocolTransitionRule(f: MigrationFacts, acc: ComputerAccount, suffix: string, setting: string): Finding {
  const set = hasFlag(acc.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION);
  const evidence = { account: acc.name, userAccountControl: `0x${(acc.userAccountControl >>> 0).toString(16)}`, startMode: f.startMode };
  if (set) return finding(`identity.protocol-transition${suffix}`, 'identity', 'pass', evidence, NO_FIX, undefined,
    { account: acc.name });
  return finding(`identity.protocol-transition${suffix}`, 'identity', f.startMode === 'remote' ? 'fail' : 'warn', evidence,
    planStep(setting), undefined,
    { account: acc.name });
}

function spnRule(f: MigrationFacts, dest: ComputerAccount): Finding {
  const ok = hasMigrationSpn(dest, f.dnsDomain ?? '');
  const spns = dest.servicePrincipalNames.filter((s) => s.toLowerCase().startsWith('microsoft virtual system migration service/'));
  const evidence = { account: dest.name, migrationSpns: spns.join('; ') || '(none)' };
  if (ok) return finding('identity.migration-spn', 'identity', 'pass', evidence, NO_FIX, undefined,
    { account: dest.name });
  const fqdn = dest.dnsHostName ?? dest.name;
  return finding('identity.migration-spn', 'identity', 'fail', evidence,
    command(
      `setspn -s ${cmdQuote(`Microsoft Virtual System Migration Service/${fqdn}`)} ${cmdQuote(shortName(dest))}`), undefined,
    { account: dest.name });
}

function startModeRule(f: MigrationFacts): Finding {
  const remote = f.startMode === 'remote';
  const text = remote
    ? f.authentication === 'CredSSP'
      ? 'Moves would be started remotely: with CredSSP they fail with 0x8009030E (double hop). Kerberos constrained delegation with "use any authentication protocol" is needed.'
      : 'Moves would be started remotely over WinRM: the source account needs "use any authentication protocol" (protocol transition) in addition to the delegation entries.'
    : 'Moves would be started on the source host: CredSSP works when the operator is signed in there; Kerberos-only delegation may be enough.';
  return finding('identity.start-mode', 'identity', 'info',
    { startMode: f.startMode, authentication: f.authentication }, { kind: 'none', text }, undefined, { variant: remote ? 'remote' : 'local' });
}
