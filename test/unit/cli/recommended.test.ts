/**
 * `ferry plan --recommended` plans what the window's Recommended button would set (the one
 * recommendation in core/settings/recommend.ts), with given options on top. The hosts are read
 * through an in-memory ScriptRunner, so the whole CLI path from argv to Plan runs without pwsh.
 */
import { describe, expect, it } from 'vitest';
import { ArgError, parseArgs } from '../../../electron/cli/args';
import { parseSettingsRequest, readAndPlan, SETTINGS_SPEC } from '../../../electron/cli/settings-args';
import type { HostFacts, Plan } from '../../../electron/core/model';
import { recommend } from '../../../electron/core/settings/recommend';
import type { ScriptRunner } from '../../../electron/engine/script-runner';
import { fakeFacts } from '../../support/fake-ferry-api';

/** Answers get-host-facts.ps1 from fixed facts, as the script would (no identity, no status). */
function runnerFor(facts: readonly HostFacts[]): ScriptRunner {
  return {
    async run<T>(_script: string, data: unknown): Promise<T> {
      const name = (data as { computerName: string }).computerName;
      const f = facts.find((x) => x.computerName === name);
      if (f === undefined) throw Object.assign(new Error(`${name} is unreachable`), { code: 'unreachable' });
      const { computerName: _c, status: _s, elapsedMs: _e, ...answer } = f;
      return answer as T;
    },
  };
}

const hv01 = fakeFacts('HV01');
const hv02 = fakeFacts('HV02', { settings: { ...hv01.settings!, virtualMachineMigrationEnabled: false } });

async function plan(argv: string[]): Promise<Plan> {
  const request = await parseSettingsRequest(parseArgs(argv, SETTINGS_SPEC));
  return (await readAndPlan(runnerFor([hv01, hv02]), request)).plan;
}

const afterOf = (p: Plan, host: string, setting: string) => p.steps.find((s) => s.target === host && s.setting === setting)?.after;

describe('ferry plan --recommended', () => {
  it('plans the recommendation for the pair', async () => {
    const { desired } = recommend(hv01, hv02);
    expect(desired.virtualMachineMigrationPerformanceOption).toBe('SMB'); // 25 Gb/s RDMA link on both
    const p = await plan(['--source', 'HV01', '--destination', 'HV02', '--recommended']);
    for (const host of ['HV01', 'HV02']) {
      expect(afterOf(p, host, 'virtualMachineMigrationPerformanceOption')).toBe('SMB');
      expect(afterOf(p, host, 'virtualMachineMigrationAuthenticationType')).toBe('Kerberos');
    }
    expect(JSON.stringify(p.steps)).toContain('10.0.10.0/24');
    // Without it, the hosts keep their own performance option and networks.
    const kept = await plan(['--source', 'HV01', '--destination', 'HV02']);
    expect(afterOf(kept, 'HV01', 'virtualMachineMigrationPerformanceOption')).toBeUndefined();
    expect(JSON.stringify(kept.steps)).not.toContain('10.0.10.0/24');
  });

  it('lets given options override the recommendation', async () => {
    const p = await plan(['--source', 'HV01', '--destination', 'HV02', '--recommended', '--performance', 'Compression', '--auth', 'CredSSP']);
    expect(afterOf(p, 'HV01', 'virtualMachineMigrationPerformanceOption')).toBeUndefined(); // already Compression
    expect(afterOf(p, 'HV01', 'virtualMachineMigrationAuthenticationType')).toBeUndefined(); // already CredSSP
    expect(JSON.stringify(p.steps)).toContain('10.0.10.0/24');
  });

  it('is for a pair', async () => {
    await expect(parseSettingsRequest(parseArgs(['--hosts', 'HV01,HV02,HV03', '--recommended'], SETTINGS_SPEC))).rejects.toThrow(ArgError);
  });
});
