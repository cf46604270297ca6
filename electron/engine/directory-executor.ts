/**
 * The LDAP step executor: runs `delegation-add`, `delegation-remove` and `uac-set` steps through a
 * directory session and reads the account back after every write. Consecutive steps for one
 * account go as one modify (`executeBatch`): its delegation values added or deleted value by
 * value and its flag swapped, which the directory applies all or not at all — a group's
 * delegation costs one request per account, not one per value.
 */
import type { PlanStep } from '../core/model';
import { unreachable, type LdapStep } from '../core/plan/plan-step';
import { DELEGATION_ATTRIBUTE, UAC_ATTRIBUTE, UF_TRUSTED_TO_AUTH_FOR_DELEGATION, hasFlag, holds } from '../core/delegation';
import type { ComputerAccount } from '../core/model';
import { DirectoryError } from '../services/directory/directory-error';
import type { DirectorySession, ValueChange } from '../services/directory/directory-session';
import { readComputer, resolveComputer } from '../services/directory/computer-accounts';
import type { StepExecutor, StepOutcome } from './step-executor';

/** The step as one the directory runs, or a refusal naming its kind. */
function ldapStep(step: PlanStep): LdapStep {
  if (step.channel !== 'ldap') throw new DirectoryError('invalid-input', `The directory cannot run a "${step.kind}" step.`, step.target);
  return step;
}

/** The value-level changes one step makes (never a replace). */
function changesOf(step: LdapStep): ValueChange[] {
  switch (step.kind) {
    case 'delegation-add':
      return [{ operation: 'add', attribute: DELEGATION_ATTRIBUTE, value: step.after }];
    case 'delegation-remove':
      return [{ operation: 'delete', attribute: DELEGATION_ATTRIBUTE, value: step.before }];
    case 'uac-set':
      // Delete-old + add-new: fails instead of overwriting when the value changed since the read.
      return [
        { operation: 'delete', attribute: UAC_ATTRIBUTE, value: String(step.before) },
        { operation: 'add', attribute: UAC_ATTRIBUTE, value: String(step.after) },
      ];
    default:
      return unreachable(step, 'LDAP step');
  }
}

/** What the account read back after the change says about one step. */
function outcomeOf(step: LdapStep, back: ComputerAccount): StepOutcome {
  switch (step.kind) {
    case 'delegation-add':
      return { readBack: back.allowedToDelegateTo, verified: holds(back.allowedToDelegateTo, step.after) !== undefined };
    case 'delegation-remove':
      return { readBack: back.allowedToDelegateTo, verified: holds(back.allowedToDelegateTo, step.before) === undefined };
    case 'uac-set': {
      const ferrySetFlag = !hasFlag(step.before, UF_TRUSTED_TO_AUTH_FOR_DELEGATION) && hasFlag(step.after, UF_TRUSTED_TO_AUTH_FOR_DELEGATION);
      return { readBack: back.userAccountControl, verified: back.userAccountControl === step.after, ferrySetFlag };
    }
    default:
      return unreachable(step, 'LDAP step');
  }
}

export function createLdapExecutor(directory: DirectorySession): StepExecutor {
  const dns = new Map<string, string>();
  const dnOf = async (target: string): Promise<string> => {
    const known = dns.get(target.toLowerCase());
    if (known !== undefined) return known;
    const account = await resolveComputer(directory, target);
    dns.set(target.toLowerCase(), account.dn);
    return account.dn;
  };

  const run = async (steps: readonly PlanStep[], signal: AbortSignal): Promise<StepOutcome[]> => {
    const first = steps[0];
    if (first === undefined) return [];
    if (signal.aborted) throw new DirectoryError('failed', 'Cancelled before the step started.', first.target);
    const ldap = steps.map(ldapStep);
    const changes = ldap.flatMap(changesOf);
    const dn = await dnOf(first.target);
    await directory.modifyValues(dn, changes);
    const back = await readComputer(directory, dn);
    return ldap.map((s) => outcomeOf(s, back));
  };

  return {
    async execute(step, signal) {
      const [outcome] = await run([step], signal);
      if (outcome === undefined) throw new DirectoryError('failed', 'No outcome for the step.', step.target);
      return outcome;
    },
    batchKey: (step) => (step.channel === 'ldap' ? `account:${step.target.toLowerCase()}` : undefined),
    executeBatch: run,
  };
}
