/**
 * A plan's delegation changes per computer account: the values each account gets or loses
 * (`msDS-AllowedToDelegateTo`) and whether its "any authentication protocol" flag changes — what
 * an admin checks before a mesh of fifty hosts writes 9,800 values.
 */
import type { PlanStep } from '../../../electron/core/model';

export interface AccountChanges {
  readonly account: string;
  readonly adds: readonly string[];
  readonly removes: readonly string[];
  readonly flag: boolean;
}

export function delegationByAccount(steps: readonly PlanStep[]): AccountChanges[] {
  const out = new Map<string, { account: string; adds: string[]; removes: string[]; flag: boolean }>();
  const entry = (account: string) => {
    const key = account.toUpperCase();
    let e = out.get(key);
    if (!e) out.set(key, (e = { account, adds: [], removes: [], flag: false }));
    return e;
  };
  for (const s of steps) {
    if (s.kind === 'delegation-add') entry(s.target).adds.push(s.after);
    else if (s.kind === 'delegation-remove') entry(s.target).removes.push(s.before);
    else if (s.kind === 'uac-set') entry(s.target).flag = true;
  }
  return [...out.values()];
}
