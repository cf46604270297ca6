/**
 * Runs host-setting plan steps through the PowerShell pool. Each mutating script returns the
 * host's settings read back after the change; the executor compares the value the step meant
 * to set with what the host now reports.
 */
import { HostMigrationSettingsSchema } from '../core/contract/schemas';
import type { HostMigrationSettings, MigrationNetwork, PlanStep } from '../core/model';
import { unreachable, type HostSettingStep } from '../core/plan/plan-step';
import { subnetKey } from '../core/settings/subnet';
import type { ScriptRunner } from './script-runner';
import type { StepExecutor, StepOutcome } from './step-executor';

/** A step the executor cannot run (wrong channel or a kind it does not know). */
class UnsupportedStepError extends Error {
  readonly code = 'unsupported-step';
  constructor(step: PlanStep) {
    super(`Ferry cannot run a ${step.kind} step on ${step.target} through PowerShell.`);
    this.name = 'UnsupportedStepError';
  }
}

/** The settings a mutating script read back, or an error naming what was wrong. */
class ReadBackError extends Error {
  readonly code = 'bad-output';
  constructor(message: string) {
    super(message);
    this.name = 'ReadBackError';
  }
}

/** The script and its data for a step; data is passed as JSON, never as PowerShell text. */
function scriptFor(step: HostSettingStep): { script: string; data: Record<string, unknown> } {
  const computerName = step.target;
  switch (step.kind) {
    case 'enable-migration':
    case 'disable-migration':
      return { script: 'enable-migration.ps1', data: { computerName, enabled: step.kind === 'enable-migration' } };
    case 'set-host':
      return { script: 'set-host.ps1', data: { computerName, [step.setting]: step.after } };
    case 'add-network':
      return { script: 'add-migration-network.ps1', data: { computerName, subnet: step.after.subnet, priority: step.after.priority } };
    case 'remove-network':
      return { script: 'remove-migration-network.ps1', data: { computerName, subnet: step.before.subnet } };
    case 'set-network':
      return { script: 'set-migration-network.ps1', data: { computerName, subnet: step.before.subnet, newPriority: step.after.priority } };
    default:
      return unreachable(step, 'host-setting step');
  }
}

/** The host's entry for a subnet (compared parsed), as `{ subnet, priority }`, or null. */
function networkEntry(settings: HostMigrationSettings, subnet: string): MigrationNetwork | null {
  const key = subnetKey(subnet);
  const found = settings.migrationNetworks.find((n) => subnetKey(n.subnet) === key);
  return found ? { subnet: found.subnet, priority: found.priority } : null;
}

/** What the host now reports for the step's setting, and whether it is the step's `after`. */
function verifyStep(step: HostSettingStep, settings: HostMigrationSettings): StepOutcome {
  switch (step.kind) {
    case 'enable-migration':
    case 'disable-migration':
    case 'set-host': {
      const readBack = settings[step.setting];
      return { readBack, verified: readBack === step.after };
    }
    case 'add-network':
    case 'set-network': {
      const readBack = networkEntry(settings, step.after.subnet);
      return { readBack, verified: readBack !== null && readBack.priority === step.after.priority };
    }
    case 'remove-network': {
      const readBack = networkEntry(settings, step.before.subnet);
      return { readBack, verified: readBack === null };
    }
    default:
      return unreachable(step, 'host-setting step');
  }
}

/** `klist purge -li 0x3e7` did not succeed on the host: the step failed, with klist's words. */
class KlistPurgeError extends Error {
  readonly code = 'klist-failed';
  constructor(
    message: string,
    readonly target: string,
  ) {
    super(message);
    this.name = 'KlistPurgeError';
  }
}

export function createPowerShellExecutor(runner: ScriptRunner, options: { timeoutMs?: number } = {}): StepExecutor {
  return {
    async execute(step, signal) {
      if (step.channel !== 'powershell') throw new UnsupportedStepError(step);
      const timeout = options.timeoutMs ? { timeoutMs: options.timeoutMs } : {};
      if (step.kind === 'klist-purge') {
        // Advisory step: nothing to read back; klist's exit code is the proof, its output the reason.
        const r = await runner.run<{ purged?: unknown; exitCode?: unknown; output?: unknown }>('klist-purge.ps1', { computerName: step.target }, { signal, ...timeout });
        if (r?.purged !== true) {
          const exit = typeof r?.exitCode === 'number' ? r.exitCode : 'unknown';
          const output = typeof r?.output === 'string' && r.output !== '' ? `: ${r.output.slice(0, 500)}` : '';
          throw new KlistPurgeError(`klist purge failed on ${step.target} (exit code ${exit})${output}`, step.target);
        }
        return { readBack: null, verified: true };
      }
      const { script, data } = scriptFor(step);
      const result = await runner.run<unknown>(script, data, { signal, ...timeout });
      // The scripts return the settings read back; `{ settings }` is accepted too.
      const wrapped = typeof result === 'object' && result !== null && 'settings' in result;
      const parsed = HostMigrationSettingsSchema.safeParse(wrapped ? (result as { settings: unknown }).settings : result);
      if (!parsed.success) throw new ReadBackError(`${step.target} did not report its settings after ${step.kind}.`);
      return verifyStep(step, parsed.data);
    },
  };
}
