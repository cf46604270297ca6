/**
 * How the engine runs one plan step: PowerShell steps through the pool, LDAP steps through
 * the directory service. Each executor performs the change and reads the value back.
 */
import type { PlanStep } from '../core/model';

export interface StepOutcome {
  /** The value read back from the host or directory after the change. */
  readonly readBack: unknown;
  /** True when the read-back equals the step's `after` value. */
  readonly verified: boolean;
  /** LDAP only: Ferry itself set TRUSTED_TO_AUTH_FOR_DELEGATION in this step. */
  readonly ferrySetFlag?: boolean;
}

export interface StepExecutor {
  execute(step: PlanStep, signal: AbortSignal): Promise<StepOutcome>;
  /**
   * Optional: consecutive steps with the same key go to their target as one change (the LDAP
   * executor: one modify per account for its delegation values and its flag); undefined = alone.
   */
  batchKey?(step: PlanStep): string | undefined;
  /** Runs steps of one batch key, in plan order, as one change: one outcome per step. */
  executeBatch?(steps: readonly PlanStep[], signal: AbortSignal): Promise<StepOutcome[]>;
}

export interface StepExecutors {
  readonly powershell: StepExecutor;
  readonly ldap?: StepExecutor;
}
