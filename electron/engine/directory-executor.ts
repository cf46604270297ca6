/**
 * The LDAP step executor: runs `delegation-add`, `delegation-remove` and `uac-set` steps through a
 * directory session, one value per modify, and reads the account back after every write.
 */
import type { PlanStep } from '../core/model';
import { DELEGATION_ATTRIBUTE, UAC_ATTRIBUTE, UF_TRUSTED_TO_AUTH_FOR_DELEGATION, hasFlag, holds } from '../core/delegation';
import type { ComputerAccount } from '../core/model';
import { DirectoryError } from '../services/directory/directory-error';
import type { DirectorySession } from '../services/directory/directory-session';
import { readComputer, resolveComputer } from '../services/directory/computer-accounts';
import type { StepExecutor, StepOutcome } from './step-executor';

export function createLdapExecutor(directory: DirectorySession): StepExecutor {
  const dns = new Map<string, string>();
  const accountOf = async (target: string): Promise<ComputerAccount> => {
    const known = dns.get(target.toLowerCase());
    if (known !== undefined) return readComputer(directory, known);
    const account = await resolveComputer(directory, target);
    dns.set(target.toLowerCase(), account.dn);
    return account;
  };

  return {
    async execute(step: PlanStep, signal: AbortSignal): Promise<StepOutcome> {
      if (signal.aborted) throw new DirectoryError('failed', 'Cancelled before the step started.', step.target);
      const { dn } = await accountOf(step.target);
      switch (step.kind) {
        case 'delegation-add': {
          const value = String(step.after);
          await directory.addValue(dn, DELEGATION_ATTRIBUTE, value);
          const back = await readComputer(directory, dn);
          return { readBack: back.allowedToDelegateTo, verified: holds(back.allowedToDelegateTo, value) !== undefined };
        }
        case 'delegation-remove': {
          const value = String(step.before);
          await directory.deleteValue(dn, DELEGATION_ATTRIBUTE, value);
          const back = await readComputer(directory, dn);
          return { readBack: back.allowedToDelegateTo, verified: holds(back.allowedToDelegateTo, value) === undefined };
        }
        case 'uac-set': {
          const before = Number(step.before);
          const after = Number(step.after);
          await directory.swapValue(dn, UAC_ATTRIBUTE, String(before), String(after));
          const back = await readComputer(directory, dn);
          const ferrySetFlag = !hasFlag(before, UF_TRUSTED_TO_AUTH_FOR_DELEGATION) && hasFlag(after, UF_TRUSTED_TO_AUTH_FOR_DELEGATION);
          return { readBack: back.userAccountControl, verified: back.userAccountControl === after, ferrySetFlag };
        }
        default:
          throw new DirectoryError('invalid-input', `The directory cannot run a "${step.kind}" step.`, step.target);
      }
    },
  };
}
