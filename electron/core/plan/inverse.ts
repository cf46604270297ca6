/**
 * Rollback plan from audit records: each `done` change of a run, newest first, turned into the
 * step that restores its `before` value.
 *
 * The audit log is a file anyone with access could edit, and it holds no step kind (only the
 * setting and its values), so every record is parsed again into a `PlanStep` — the kind from
 * the setting and the values' shape, then the step's own schema (enum, number, entry), the host
 * name and the subnets — before anything reaches a command or a script; records that fail are
 * reported, not run.
 */
import { PlanStepSchema } from '../contract/schemas';
import type { AuditRecord, PlanStep, PlanWarning } from '../model';
import { HOST_VALUE_SETTINGS } from '../settings/diff';
import { hostNameIssue } from '../settings/host-name';
import { parseSubnet } from '../settings/subnet';
import { NETWORK_SETTING } from './host-steps';
import { inverseStep, type PlanStepKind } from './plan-step';
import { fillPlaceholders } from '../text/fill-placeholders';

const SET_HOST_SETTINGS: ReadonlySet<string> = new Set([...HOST_VALUE_SETTINGS, 'useAnyNetworkForMigration']);
const LDAP_SETTINGS: ReadonlySet<string> = new Set(['msDS-AllowedToDelegateTo', 'userAccountControl']);

/** The kind of step that wrote a record with this setting and these values; undefined: not one Ferry makes. */
function kindOf(setting: string, before: unknown, after: unknown): PlanStepKind | undefined {
  if (setting === 'virtualMachineMigrationEnabled') return after === true ? 'enable-migration' : 'disable-migration';
  if (SET_HOST_SETTINGS.has(setting)) return 'set-host';
  if (setting === NETWORK_SETTING) return before === null ? 'add-network' : after === null ? 'remove-network' : 'set-network';
  if (setting === 'msDS-AllowedToDelegateTo') return before === null ? 'delegation-add' : 'delegation-remove';
  if (setting === 'userAccountControl') return 'uac-set';
  if (setting === 'kerberosTickets') return 'klist-purge';
  return undefined;
}

const subnetsOf = (step: PlanStep): string[] =>
  [step.before, step.after].flatMap((v) => (typeof v === 'object' && v !== null && 'subnet' in v ? [v.subnet] : []));

/**
 * Why a record cannot be restored, as a reason + params; the English words (CLI, logs) come from
 * this one table, the window says the reason from `planWarning.audit-unrestorable.*`.
 */
const UNRESTORABLE = {
  'unknown-setting': 'setting {{setting}} is not one Ferry changes',
  'wrong-values': '{{setting}} values are not those of a {{kind}} step ({{detail}})',
  'bad-subnet': 'network values are not valid subnets with priorities',
} as const satisfies Readonly<Record<string, string>>;

interface Unrestorable {
  readonly reason: keyof typeof UNRESTORABLE;
  readonly params: Readonly<Record<string, string>>;
}

const unrestorableText = (u: Unrestorable): string =>
  fillPlaceholders(UNRESTORABLE[u.reason], u.params);

function readRecord(r: AuditRecord): PlanStep | Unrestorable {
  const before = r.before ?? null;
  const after = r.after ?? null;
  const kind = kindOf(r.setting, before, after);
  if (kind === undefined) return { reason: 'unknown-setting', params: { setting: r.setting } };
  const parsed = PlanStepSchema.safeParse({
    id: r.stepId,
    kind,
    target: r.host,
    setting: r.setting,
    before,
    after,
    command: '',
    inverseCommand: r.message ?? '',
    channel: LDAP_SETTINGS.has(r.setting) ? 'ldap' : 'powershell',
    optional: kind === 'klist-purge',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: 'wrong-values', params: { setting: r.setting, kind, detail: issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid' } };
  }
  const bad = subnetsOf(parsed.data).find((s) => !parseSubnet(s).ok);
  if (bad !== undefined) return { reason: 'bad-subnet', params: {} };
  return parsed.data;
}

const isUnrestorable = (x: PlanStep | Unrestorable): x is Unrestorable => 'reason' in x;

/**
 * The step a `done` record says was applied, or why it cannot be read as one (English). Its
 * command is not known (the record keeps the inverse, as `message`); the inverse of an LDAP step
 * is that text.
 */
export function recordedStep(r: AuditRecord): PlanStep | string {
  const read = readRecord(r);
  return isUnrestorable(read) ? unrestorableText(read) : read;
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
    // The host is named printable (host-name.ts): the record is a file anyone could have edited.
    const badName = hostNameIssue(r.host);
    if (badName !== null) {
      warnings.push({
        code: 'audit-invalid-host',
        params: { stepId: r.stepId, host: String(badName.messageParams.name) },
        message: `Audit record ${r.stepId}: host name refused: ${badName.message}`,
      });
      continue;
    }
    const applied = readRecord(r);
    if (isUnrestorable(applied)) {
      warnings.push({
        code: 'audit-unrestorable',
        target: r.host,
        params: { stepId: r.stepId, reason: applied.reason, ...applied.params },
        message: `Audit record ${r.stepId}: ${unrestorableText(applied)}; not restored.`,
      });
      continue;
    }
    const restore = inverseStep(applied, `rollback:${r.stepId}`);
    if (restore !== undefined) steps.push(restore);
  }
  return { steps, warnings };
}
