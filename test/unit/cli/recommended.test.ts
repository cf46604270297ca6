/**
 * `ferry plan --recommended` plans what the window's Recommended button would set (the one
 * recommendation in core/settings/recommend.ts for a pair, recommend-group.ts for a group), with
 * given options on top. The hosts are read
 * through an in-memory ScriptRunner, so the whole CLI path from argv to Plan runs without pwsh.
 */
import { describe, expect, it } from 'vitest';
import { ArgError, parseArgs } from '../../../electron/cli/args';
import { parseSettingsRequest, readAndPlan, SETTINGS_SPEC } from '../../../electron/cli/settings-args';
import type { HostFacts, Plan } from '../../../electron/core/model';
import { recommend } from '../../../electron/core/settings/recommend';
import { recommendGroup } from '../../../electron/core/settings/recommend-group';
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

  it('plans the group\'s recommendation for a group (the one Configure shows for it)', async () => {
    // HV03's migration link has no RDMA: the group's weakest link decides, so no host gets SMB.
    const hv03 = fakeFacts('HV03', { links: [
      { name: 'Management', subnet: '10.0.0.0/24', linkSpeedGbps: 1, rdma: false },
      { name: 'LiveMigration', subnet: '10.0.10.0/24', linkSpeedGbps: 25, rdma: false },
    ] });
    const { desired } = recommendGroup([hv01, hv02, hv03]);
    expect(desired.virtualMachineMigrationPerformanceOption).toBe('Compression');
    expect(desired.networks).toEqual([{ subnet: '10.0.10.0/24', priority: 1 }]);
    const request = await parseSettingsRequest(parseArgs(['--hosts', 'HV01,HV02,HV03', '--recommended'], SETTINGS_SPEC));
    const p = (await readAndPlan(runnerFor([hv01, hv02, hv03]), request)).plan;
    for (const host of ['HV01', 'HV02', 'HV03']) {
      expect(afterOf(p, host, 'virtualMachineMigrationAuthenticationType')).toBe('Kerberos');
      expect(afterOf(p, host, 'virtualMachineMigrationPerformanceOption')).toBeUndefined(); // already Compression, not SMB
      expect(p.steps.find((s) => s.target === host && s.kind === 'add-network')?.after).toEqual({ subnet: '10.0.10.0/24', priority: 1 });
    }
  });

  it('refuses options that do not go with it', async () => {
    await expect(parseSettingsRequest(parseArgs(['--hosts', 'HV01,HV02,HV03', '--recommended', '--max-migrations', '0'], SETTINGS_SPEC))).rejects.toThrow(ArgError);
  });
});
