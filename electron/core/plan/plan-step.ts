/**
 * What a plan step's kind says: the PowerShell that makes a host-setting change, and the step
 * that undoes any step. Every switch over `kind` ends in `unreachable`, so a new kind added to
 * `PlanStepSchema` fails the typecheck here (and in the executors) until it is handled.
 */
import type { PlanStep } from '../model';
import {
  addNetworkCommand,
  migrationEnabledCommand,
  removeNetworkCommand,
  setHostCommand,
  setNetworkPriorityCommand,
} from './host-commands';

export type LdapStep = Extract<PlanStep, { readonly channel: 'ldap' }>;
/** The steps that change a Hyper-V host setting (PowerShell, read back as host settings). */
export type HostSettingStep = Exclude<Extract<PlanStep, { readonly channel: 'powershell' }>, { readonly kind: 'klist-purge' }>;
export type PlanStepKind = PlanStep['kind'];

/** A Hyper-V host-setting change (what an exported script runs), not LDAP and not the advisory klist purge. */
export function isHostSettingStep(step: PlanStep): step is HostSettingStep {
  return step.channel === 'powershell' && step.kind !== 'klist-purge';
}

/** For the `default` of an exhaustive switch: the typecheck proves it is never reached. */
export function unreachable(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

/** The Hyper-V PowerShell an admin would type to make the step's change on its host. */
function hostCommand(step: HostSettingStep): string {
  switch (step.kind) {
    case 'enable-migration':
    case 'disable-migration':
      return migrationEnabledCommand(step.target, step.after);
    case 'set-host':
      return setHostCommand(step.target, step.setting, step.after);
    case 'add-network':
      return addNetworkCommand(step.target, step.after);
    case 'remove-network':
      return removeNetworkCommand(step.target, step.before.subnet);
    case 'set-network':
      return setNetworkPriorityCommand(step.target, step.after.subnet, step.after.priority);
    default:
      return unreachable(step, 'host-setting step');
  }
}

/** The step with its command and inverse command written from its values (whatever it had). */
export function withHostCommands(step: HostSettingStep): HostSettingStep {
  return { ...step, command: hostCommand(step), inverseCommand: hostCommand(invertValues(step)) };
}

/** The same change the other way round: before and after swapped, the kind that undoes it. */
function invertValues(step: HostSettingStep): HostSettingStep {
  switch (step.kind) {
    case 'enable-migration':
    case 'disable-migration':
      return { ...step, kind: step.before ? 'enable-migration' : 'disable-migration', before: step.after, after: step.before };
    case 'set-host':
      // Each setting keeps its own value type; the swap cannot mix them.
      return { ...step, before: step.after, after: step.before } as HostSettingStep;
    case 'add-network':
      return { ...step, kind: 'remove-network', before: step.after, after: null };
    case 'remove-network':
      return { ...step, kind: 'add-network', before: null, after: step.before };
    case 'set-network':
      return { ...step, before: step.after, after: step.before };
    default:
      return unreachable(step, 'host-setting step');
  }
}

/**
 * The step that restores what `step` changed, under `id`: host-setting commands are written
 * again from the values (never taken from the step's text); an LDAP step's command is its
 * recorded inverse. A klist purge has nothing to undo: undefined.
 */
export function inverseStep(step: PlanStep, id: string): PlanStep | undefined {
  switch (step.kind) {
    case 'enable-migration':
    case 'disable-migration':
    case 'set-host':
    case 'add-network':
    case 'remove-network':
    case 'set-network': {
      const inverse = invertValues(step);
      return { ...inverse, id, optional: false, command: hostCommand(inverse), inverseCommand: hostCommand(step) };
    }
    case 'delegation-add':
      return { ...step, id, optional: false, kind: 'delegation-remove', before: step.after, after: null, command: step.inverseCommand, inverseCommand: step.command };
    case 'delegation-remove':
      return { ...step, id, optional: false, kind: 'delegation-add', before: null, after: step.before, command: step.inverseCommand, inverseCommand: step.command };
    case 'uac-set':
      return { ...step, id, optional: false, before: step.after, after: step.before, command: step.inverseCommand, inverseCommand: step.command };
    case 'klist-purge':
      return undefined;
    default:
      return unreachable(step, 'plan step');
  }
}
