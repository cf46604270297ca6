/**
 * Runs host-setting plan steps through the PowerShell pool. Each mutating script returns the
 * host's settings read back after the change; the executor compares the value the step meant
 * to set with what the host now reports.
 */
import { HostMigrationSettingsSchema } from '../core/contract/schemas';
import type { HostMigrationSettings, MigrationNetwork, PlanStep } from '../core/model';
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

const SET_HOST_SETTINGS = new Set([
  'maximumVirtualMachineMigrations',
  'maximumStorageMigrations',
  'virtualMachineMigrationAuthenticationType',
  'virtualMachineMigrationPerformanceOption',
  'useAnyNetworkForMigration',
]);

function asNetwork(value: unknown): MigrationNetwork | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return typeof v.subnet === 'string' && typeof v.priority === 'number' ? { subnet: v.subnet, priority: v.priority } : null;
}

/** The script and its data for a step; data is passed as JSON, never as PowerShell text. */
function scriptFor(step: PlanStep): { script: string; data: Record<string, unknown> } {
  const computerName = step.target;
  switch (step.kind) {
    case 'enable-migration':
    case 'disable-migration':
      return { script: 'enable-migration.ps1', data: { computerName, enabled: step.kind === 'enable-migration' } };
    case 'set-host':
      if (!SET_HOST_SETTINGS.has(step.setting)) throw new UnsupportedStepError(step);
      return { script: 'set-host.ps1', data: { computerName, [step.setting]: step.after } };
    case 'add-network': {
      const n = asNetwork(step.after);
      if (!n) throw new UnsupportedStepError(step);
      return { script: 'add-migration-network.ps1', data: { computerName, subnet: n.subnet, priority: n.priority } };
    }
    case 'remove-network': {
      const n = asNetwork(step.before);
      if (!n) throw new UnsupportedStepError(step);
      return { script: 'remove-migration-network.ps1', data: { computerName, subnet: n.subnet } };
    }
    case 'set-network': {
      const before = asNetwork(step.before);
      const after = asNetwork(step.after);
      if (!before || !after) throw new UnsupportedStepError(step);
      return { script: 'set-migration-network.ps1', data: { computerName, subnet: before.subnet, newPriority: after.priority } };
    }
    default:
      throw new UnsupportedStepError(step);
  }
}

/** What the host now reports for the step's setting, and whether it is the step's `after`. */
function verifyStep(step: PlanStep, settings: HostMigrationSettings): StepOutcome {
  if (step.setting === 'migrationNetwork') {
    const wanted = asNetwork(step.after);
    const named = wanted ?? asNetwork(step.before);
    const key = named ? subnetKey(named.subnet) : null;
    const found = settings.migrationNetworks.find((n) => key !== null && subnetKey(n.subnet) === key) ?? null;
    const readBack = found ? { subnet: found.subnet, priority: found.priority } : null;
    const verified = wanted === null ? found === null : found !== null && found.priority === wanted.priority;
    return { readBack, verified };
  }
  const readBack = (settings as unknown as Record<string, unknown>)[step.setting];
  return { readBack, verified: readBack !== undefined && readBack === step.after };
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
