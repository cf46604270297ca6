import { describe, it, expect } from 'vitest';
import { buildPlan } from '../../../electron/core/plan/build-plan';
import { exportPlanScript } from '../../../electron/core/plan/export-script';
import type { DesiredSettings, HostFacts, Plan } from '../../../electron/core/model';

const desired: DesiredSettings = {
  virtualMachineMigrationEnabled: true,
  maximumVirtualMachineMigrations: 4,
  maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'Kerberos',
  virtualMachineMigrationPerformanceOption: 'Compression',
  networks: [{ subnet: '10.0.0.0/24', priority: 1 }],
};
const host = (name: string): HostFacts => ({
  computerName: name,
  status: 'ok',
  settings: {
    virtualMachineMigrationEnabled: false,
    maximumVirtualMachineMigrations: 2,
    maximumStorageMigrations: 2,
    virtualMachineMigrationAuthenticationType: 'CredSSP',
    virtualMachineMigrationPerformanceOption: 'Compression',
    useAnyNetworkForMigration: true,
    migrationNetworks: [],
  },
});

describe('exportPlanScript', () => {
  const plan = buildPlan({ hosts: [host('HV01'), host('HV02')], desired, id: 'plan-abc', createdAt: '2025-02-03T04:05:06.000Z' });
  const script = exportPlanScript(plan);
  const lines = script.split('\r\n');

  it('has the header, #Requires, ShouldProcess binding and stop-on-error before any step', () => {
    expect(script).toContain('Ferry plan plan-abc: prepare HV01, HV02 for live migration');
    expect(script).toContain('Generated: 2025-02-03T04:05:06.000Z by Ferry.');
    const requires = lines.indexOf('#Requires -Modules Hyper-V');
    const binding = lines.indexOf('[CmdletBinding(SupportsShouldProcess)]');
    const eap = lines.indexOf("$ErrorActionPreference = 'Stop'");
    const firstStep = lines.findIndex((l) => l.startsWith('# Step 1 of'));
    expect(requires).toBeGreaterThan(0);
    expect(binding).toBe(requires + 1);
    expect(lines[binding + 1]).toBe('param()');
    expect(eap).toBeGreaterThan(binding);
    expect(firstStep).toBeGreaterThan(eap);
  });

  it('wraps every step command in ShouldProcess, in plan order', () => {
    const commands = lines.filter((l) => l.startsWith('    ') && !l.trimStart().startsWith('#') && /^\s+[A-Z][a-z]+-VM/.test(l)).map((l) => l.trim());
    expect(commands).toEqual(plan.steps.map((s) => s.command));
    const guards = lines.filter((l) => l.startsWith('if ($PSCmdlet.ShouldProcess('));
    expect(guards).toHaveLength(plan.steps.length);
    expect(guards[0]).toBe("if ($PSCmdlet.ShouldProcess('HV01', 'HV01: virtualMachineMigrationAuthenticationType CredSSP -> Kerberos')) {");
  });

  it('comments out LDAP steps and keeps hostile text from escaping a comment', () => {
    const withLdap: Plan = {
      ...plan,
      steps: [
        ...plan.steps,
        {
          id: 'd1',
          kind: 'delegation-add',
          target: 'HV01',
          setting: 'msDS-AllowedToDelegateTo',
          before: null,
          after: 'cifs/HV02\u2028Remove-Item C:\\',
          command: 'dn: CN=HV01,DC=lab\nchangetype: modify\nadd: msDS-AllowedToDelegateTo\rRemove-Item X:\\ -Recurse\u2029calc',
          inverseCommand: '',
          channel: 'ldap',
          optional: false,
        },
      ],
    };
    const text = exportPlanScript(withLdap);
    const ldapPart = text.slice(text.lastIndexOf('# Step', text.indexOf('(delegation-add)')));
    for (const line of ldapPart.split('\r\n')) {
      if (line === '' || line === "Write-Host 'Ferry plan finished.'") continue;
      expect(line.startsWith('#')).toBe(true);
    }
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain('#   Remove-Item X:\\ -Recurse');
  });

  it('says when there is nothing to do', () => {
    const empty = exportPlanScript({ ...plan, steps: [] });
    expect(empty).toContain('# Nothing to change');
    expect(empty).not.toContain('ShouldProcess(');
  });
});
