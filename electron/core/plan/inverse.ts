/**
 * Rollback plan from audit records: each `done` change of a run, newest first, turned into the
 * step that restores its `before` value.
 *
 * The audit log is a file anyone with access could edit, so every value read from it is
 * checked again (host name, subnet, enum, number) before it reaches a command or a script;
 * records that fail are reported, not run.
 */
import type { AuditRecord, MigrationNetwork, PlanStep, PlanWarning } from '../model';
import { HOST_VALUE_SETTINGS, type HostValueSetting } from '../settings/diff';
import { validateHostName } from '../settings/host-name';
import { parseSubnet } from '../settings/subnet';
import {
  addNetworkCommand,
  migrationEnabledCommand,
  removeNetworkCommand,
  setHostCommand,
  setNetworkPriorityCommand,
} from './host-commands';
import { NETWORK_SETTING } from './host-steps';

/** LDAP attributes the delegation planner writes (see core/delegation/plan.ts). */
const LDAP_SETTINGS: ReadonlySet<string> = new Set(['msDS-AllowedToDelegateTo', 'userAccountControl']);

function channelForSetting(setting: string): PlanStep['channel'] {
  return LDAP_SETTINGS.has(setting) ? 'ldap' : 'powershell';
}

const ENUM_VALUES: Readonly<Partial<Record<HostValueSetting, readonly string[]>>> = {
  virtualMachineMigrationAuthenticationType: ['CredSSP', 'Kerberos'],
  virtualMachineMigrationPerformanceOption: ['TCPIP', 'Compression', 'SMB'],
};

function isNetwork(value: unknown): value is MigrationNetwork {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.subnet === 'string' &&
    parseSubnet(v.subnet).ok &&
    typeof v.priority === 'number' &&
    Number.isInteger(v.priority) &&
    v.priority >= 0 &&
    v.priority <= 0xffffffff
  );
}

function isHostValue(setting: HostValueSetting, value: unknown): value is string | number {
  const allowed = ENUM_VALUES[setting];
  if (allowed) return typeof value === 'string' && allowed.includes(value);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

interface Built {
  readonly kind: PlanStep['kind'];
  readonly command: string;
  readonly inverseCommand: string;
}

/** The restoring step for one PowerShell record, or a reason it cannot be built. */
function powershellInverse(r: AuditRecord): Built | string {
  const host = r.host;
  if (r.setting === 'virtualMachineMigrationEnabled') {
    if (typeof r.before !== 'boolean' || typeof r.after !== 'boolean') return 'values are not true/false';
    return {
      kind: r.before ? 'enable-migration' : 'disable-migration',
      command: migrationEnabledCommand(host, r.before),
      inverseCommand: migrationEnabledCommand(host, r.after),
    };
  }
  if (r.setting === 'useAnyNetworkForMigration') {
    if (typeof r.before !== 'boolean' || typeof r.after !== 'boolean') return 'values are not true/false';
    return { kind: 'set-host', command: setHostCommand(host, r.setting, r.before), inverseCommand: setHostCommand(host, r.setting, r.after) };
  }
  const hostValue = HOST_VALUE_SETTINGS.find((s) => s === r.setting);
  if (hostValue !== undefined) {
    if (!isHostValue(hostValue, r.before) || !isHostValue(hostValue, r.after)) return 'values are not valid for the setting';
    return { kind: 'set-host', command: setHostCommand(host, hostValue, r.before), inverseCommand: setHostCommand(host, hostValue, r.after) };
  }
  if (r.setting === NETWORK_SETTING) {
    const before = r.before === null || r.before === undefined ? null : r.before;
    const after = r.after === null || r.after === undefined ? null : r.after;
    if (before === null && isNetwork(after)) {
      return { kind: 'remove-network', command: removeNetworkCommand(host, after.subnet), inverseCommand: addNetworkCommand(host, after) };
    }
    if (after === null && isNetwork(before)) {
      return { kind: 'add-network', command: addNetworkCommand(host, before), inverseCommand: removeNetworkCommand(host, before.subnet) };
    }
    if (isNetwork(before) && isNetwork(after)) {
      return {
        kind: 'set-network',
        command: setNetworkPriorityCommand(host, before.subnet, before.priority),
        inverseCommand: setNetworkPriorityCommand(host, after.subnet, after.priority),
      };
    }
    return 'network values are not valid subnets with priorities';
  }
  return `setting ${r.setting} is not one Ferry changes`;
}

/** LDAP records: the directory engineer's executor performs the change from kind/before/after. */
function ldapInverse(r: AuditRecord): Built | string {
  const recorded = r.message ?? '';
  if (r.setting === 'msDS-AllowedToDelegateTo') {
    if ((r.before === null || r.before === undefined) && typeof r.after === 'string') {
      return { kind: 'delegation-remove', command: recorded, inverseCommand: '' };
    }
    if ((r.after === null || r.after === undefined) && typeof r.before === 'string') {
      return { kind: 'delegation-add', command: recorded, inverseCommand: '' };
    }
    return 'delegation values are not a single added or removed entry';
  }
  if (r.setting === 'userAccountControl') {
    if (!Number.isInteger(r.before) || !Number.isInteger(r.after)) return 'userAccountControl values are not numbers';
    return { kind: 'uac-set', command: recorded, inverseCommand: '' };
  }
  return `setting ${r.setting} is not one Ferry changes`;
}

interface RollbackPlanParts {
  readonly steps: PlanStep[];
  readonly warnings: PlanWarning[];
}

/**
 * Restoring steps for the `done` records given (one run), newest change first. Records that
 * were already rolled back (a `rolled-back` record with the same stepId) are skipped.
 */
export function rollbackSteps(records: readonly AuditRecord[]): RollbackPlanParts {
  const rolledBack = new Set(records.filter((r) => r.result === 'rolled-back').map((r) => r.stepId));
  const steps: PlanStep[] = [];
  const warnings: PlanWarning[] = [];
  const done = records.filter((r) => r.result === 'done' && !rolledBack.has(r.stepId));
  for (const r of [...done].reverse()) {
    const nameProblem = validateHostName(r.host);
    if (nameProblem !== null) {
      warnings.push({ code: 'audit-invalid-host', message: `Audit record ${r.stepId}: host name refused: ${nameProblem}` });
      continue;
    }
    const channel = channelForSetting(r.setting);
    if (r.setting === 'kerberosTickets') continue; // klist purge has nothing to undo
    const built = channel === 'ldap' ? ldapInverse(r) : powershellInverse(r);
    if (typeof built === 'string') {
      warnings.push({ code: 'audit-unrestorable', target: r.host, message: `Audit record ${r.stepId}: ${built}; not restored.` });
      continue;
    }
    steps.push({
      id: `rollback:${r.stepId}`,
      kind: built.kind,
      target: r.host,
      setting: r.setting,
      before: r.after ?? null,
      after: r.before ?? null,
      command: built.command,
      inverseCommand: built.inverseCommand,
      channel,
      optional: false,
    });
  }
  return { steps, warnings };
}
