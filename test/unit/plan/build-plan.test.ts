import { describe, it, expect } from 'vitest';
import { buildPlan, PlanInputError } from '../../../electron/core/plan/build-plan';
import { quotePs } from '../../../electron/core/plan/ps-quote';
import { rollbackSteps } from '../../../electron/core/plan/inverse';
import type { AuditRecord, DesiredSettings, HostFacts, HostMigrationSettings, PlanStep } from '../../../electron/core/model';

const base: HostMigrationSettings = {
  virtualMachineMigrationEnabled: false,
  maximumVirtualMachineMigrations: 2,
  maximumStorageMigrations: 2,
  virtualMachineMigrationAuthenticationType: 'CredSSP',
  virtualMachineMigrationPerformanceOption: 'Compression',
  useAnyNetworkForMigration: true,
  migrationNetworks: [{ subnet: '172.16.0.0/16', priority: 7 }],
};
const desired: DesiredSettings = {
  virtualMachineMigrationEnabled: true,
  maximumVirtualMachineMigrations: 4,
  maximumStorageMigrations: 3,
  virtualMachineMigrationAuthenticationType: 'Kerberos',
  virtualMachineMigrationPerformanceOption: 'SMB',
  networks: [
    { subnet: '10.0.0.0/24', priority: 1 },
    { subnet: '2001:DB8::/64', priority: 2 },
  ],
};
const facts = (name: string, settings: HostMigrationSettings = base): HostFacts => ({ computerName: name, status: 'ok', settings });

/** Applies steps to settings the way Hyper-V would (the unit-level stand-in for a host). */
function simulate(settings: HostMigrationSettings, steps: readonly PlanStep[]): HostMigrationSettings {
  let s = { ...settings, migrationNetworks: [...settings.migrationNetworks] };
  for (const step of steps) {
    const after = step.after as { subnet: string; priority: number } | null;
    const before = step.before as { subnet: string; priority: number } | null;
    switch (step.kind) {
      case 'enable-migration':
      case 'disable-migration':
        s = { ...s, virtualMachineMigrationEnabled: step.kind === 'enable-migration' };
        break;
      case 'set-host':
        s = { ...s, [step.setting]: step.after };
        break;
      case 'add-network':
        s.migrationNetworks.push(after!);
        break;
      case 'remove-network':
        s.migrationNetworks = s.migrationNetworks.filter((n) => n.subnet !== before!.subnet);
        break;
      case 'set-network':
        s.migrationNetworks = s.migrationNetworks.map((n) => (n.subnet === before!.subnet ? { ...n, priority: after!.priority } : n));
        break;
      default:
        throw new Error(`unexpected ${step.kind}`);
    }
  }
  return s;
}

describe('buildPlan', () => {
  const plan = buildPlan({ hosts: [facts('HV01'), facts('HV02')], desired, createdAt: '2025-01-01T00:00:00.000Z' });

  it('orders steps per host: Set-VMHost, networks added, extra removed, then restricted, enable last', () => {
    const hv01 = plan.steps.filter((s) => s.target === 'HV01');
    expect(hv01.map((s) => `${s.kind}:${s.setting}`)).toEqual([
      'set-host:virtualMachineMigrationAuthenticationType',
      'set-host:virtualMachineMigrationPerformanceOption',
      'set-host:maximumVirtualMachineMigrations',
      'set-host:maximumStorageMigrations',
      'add-network:migrationNetwork',
      'add-network:migrationNetwork',
      'remove-network:migrationNetwork',
      'set-host:useAnyNetworkForMigration',
      'enable-migration:virtualMachineMigrationEnabled',
    ]);
    const addAt = plan.steps.findIndex((s) => s.kind === 'add-network' && s.target === 'HV01');
    const restrictAt = plan.steps.findIndex((s) => s.setting === 'useAnyNetworkForMigration' && s.target === 'HV01');
    expect(addAt).toBeLessThan(restrictAt);
    expect(plan.steps.slice(0, 9).every((s) => s.target === 'HV01')).toBe(true);
    expect(plan.hosts).toEqual(['HV01', 'HV02']);
  });

  it('writes exact commands and inverses, with canonical subnets', () => {
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    expect(byId.get('HV01:set-host:maximumVirtualMachineMigrations')?.command).toBe(
      "Set-VMHost -ComputerName 'HV01' -MaximumVirtualMachineMigrations 4",
    );
    expect(byId.get('HV01:set-host:maximumVirtualMachineMigrations')?.inverseCommand).toBe(
      "Set-VMHost -ComputerName 'HV01' -MaximumVirtualMachineMigrations 2",
    );
    expect(byId.get('HV01:set-host:virtualMachineMigrationAuthenticationType')?.command).toBe(
      "Set-VMHost -ComputerName 'HV01' -VirtualMachineMigrationAuthenticationType 'Kerberos'",
    );
    expect(byId.get('HV01:add-network:2001:db8::/64')?.command).toBe(
      "Add-VMMigrationNetwork -ComputerName 'HV01' -Subnet '2001:db8::/64' -Priority 2",
    );
    expect(byId.get('HV01:add-network:10.0.0.0/24')?.inverseCommand).toBe("Remove-VMMigrationNetwork -ComputerName 'HV01' -Subnet '10.0.0.0/24'");
    expect(byId.get('HV01:remove-network:172.16.0.0/16')?.inverseCommand).toBe(
      "Add-VMMigrationNetwork -ComputerName 'HV01' -Subnet '172.16.0.0/16' -Priority 7",
    );
    expect(byId.get('HV01:set-host:useAnyNetworkForMigration')?.command).toBe("Set-VMHost -ComputerName 'HV01' -UseAnyNetworkForMigration $false");
    expect(byId.get('HV01:enable-migration:virtualMachineMigrationEnabled')?.command).toBe("Enable-VMMigration -ComputerName 'HV01'");
    expect(byId.get('HV01:enable-migration:virtualMachineMigrationEnabled')?.inverseCommand).toBe("Disable-VMMigration -ComputerName 'HV01'");
    expect(plan.steps.some((s) => s.command.includes('Set-VMMigrationNetwork'))).toBe(false);
  });

  it('re-planning after the steps are applied yields zero steps', () => {
    const after = [
      facts('HV01', simulate(base, plan.steps.filter((s) => s.target === 'HV01'))),
      facts('HV02', simulate(base, plan.steps.filter((s) => s.target === 'HV02'))),
    ];
    expect(buildPlan({ hosts: after, desired }).steps).toEqual([]);
  });

  it('changes only a priority with Set-VMMigrationNetwork on an existing entry', () => {
    const host = { ...base, migrationNetworks: [{ subnet: '10.0.0.0/24', priority: 9 }] };
    const p = buildPlan({ hosts: [facts('HV01', host)], desired: { ...desired, networks: [{ subnet: '10.0.0.0/24', priority: 1 }] } });
    const setNet = p.steps.find((s) => s.kind === 'set-network');
    expect(setNet?.command).toBe("Set-VMMigrationNetwork -ComputerName 'HV01' -Subnet '10.0.0.0/24' -NewPriority 1");
    expect(setNet?.inverseCommand).toBe("Set-VMMigrationNetwork -ComputerName 'HV01' -Subnet '10.0.0.0/24' -NewPriority 9");
  });

  it('honours per-host overrides', () => {
    const p = buildPlan({ hosts: [facts('HV01'), facts('HV02')], desired, perHost: { hv02: { maximumVirtualMachineMigrations: 8 } } });
    expect(p.steps.find((s) => s.id === 'HV02:set-host:maximumVirtualMachineMigrations')?.after).toBe(8);
    expect(p.steps.find((s) => s.id === 'HV01:set-host:maximumVirtualMachineMigrations')?.after).toBe(4);
  });

  it('warns and plans nothing for unreadable hosts and refused names', () => {
    const p = buildPlan({
      hosts: [
        { computerName: 'HV03', status: 'unreachable', error: { code: 'unreachable', message: 'gone' } },
        facts("HV01'; calc"),
      ],
      desired,
    });
    expect(p.steps).toEqual([]);
    expect(p.warnings.map((w) => w.code)).toEqual(['host-unreadable', 'invalid-host-name']);
  });

  it('refuses invalid desired settings, naming the field', () => {
    expect(() => buildPlan({ hosts: [facts('HV01')], desired: { ...desired, networks: [{ subnet: '10.0.0.0/24$(calc)', priority: 1 }] } })).toThrow(
      PlanInputError,
    );
    try {
      buildPlan({ hosts: [facts('HV01')], desired: { ...desired, networks: [{ subnet: '10.0.0.0/24$(calc)', priority: 1 }] } });
    } catch (e) {
      expect((e as PlanInputError).issues[0]?.field).toBe('networks.0.subnet');
    }
  });

  it('appends delegation steps and warnings from another planner', () => {
    const ldap: PlanStep = {
      id: 'delegation-add:HV01:cifs/HV02',
      kind: 'delegation-add',
      target: 'HV01',
      setting: 'msDS-AllowedToDelegateTo',
      before: null,
      after: 'cifs/HV02',
      command: 'dn: CN=HV01\nadd: msDS-AllowedToDelegateTo',
      inverseCommand: 'dn: CN=HV01\ndelete: msDS-AllowedToDelegateTo',
      channel: 'ldap',
      optional: false,
    };
    const p = buildPlan({ hosts: [facts('HV01')], desired, extraSteps: [ldap], extraWarnings: [{ code: 'x', message: 'y' }] });
    expect(p.steps.at(-1)).toEqual(ldap);
    expect(p.warnings).toContainEqual({ code: 'x', message: 'y' });
  });
});

describe('quotePs', () => {
  it.each([
    ["it's", "'it''s'"],
    ['a\u2018b', "'a\u2018\u2018b'"],
    ['a\u2019b', "'a\u2019\u2019b'"],
    ['a\u201Ab', "'a\u201A\u201Ab'"],
    ['a\u201Bb', "'a\u201B\u201Bb'"],
    ["'\u2018\u2019\u201A\u201B", "'''\u2018\u2018\u2019\u2019\u201A\u201A\u201B\u201B'"],
    ['$(calc) `n "x" \u201cy\u201d', "'$(calc) `n \"x\" \u201cy\u201d'"],
  ])('%s', (input, expected) => {
    expect(quotePs(input)).toBe(expected);
  });

  it('leaves no odd run of any single-quote character inside the literal', () => {
    const quoted = quotePs("x'\u2018\u2019\u201A\u201B; Remove-Item C:\\ ;'");
    const inner = quoted.slice(1, -1);
    for (const run of inner.match(/['\u2018\u2019\u201A\u201B]+/g) ?? []) expect(run.length % 2).toBe(0);
  });
});

describe('rollbackSteps', () => {
  const rec = (stepId: string, setting: string, before: unknown, after: unknown, result: AuditRecord['result'] = 'done'): AuditRecord => ({
    time: '2025-01-01T00:00:00.000Z',
    user: 'admin',
    runId: 'run-1',
    planId: 'plan-1',
    stepId,
    host: 'HV01',
    setting,
    before,
    after,
    result,
  });

  it('restores before-values newest first, skipping failed and already rolled-back records', () => {
    const { steps, warnings } = rollbackSteps([
      rec('a', 'maximumVirtualMachineMigrations', 2, 4),
      rec('b', 'migrationNetwork', null, { subnet: '10.0.0.0/24', priority: 1 }),
      rec('c', 'useAnyNetworkForMigration', true, false),
      rec('d', 'virtualMachineMigrationEnabled', false, true, 'failed'),
      rec('e', 'migrationNetwork', { subnet: '172.16.0.0/16', priority: 7 }, null),
      rec('e', 'migrationNetwork', null, { subnet: '172.16.0.0/16', priority: 7 }, 'rolled-back'),
    ]);
    expect(warnings).toEqual([]);
    expect(steps.map((s) => s.command)).toEqual([
      "Set-VMHost -ComputerName 'HV01' -UseAnyNetworkForMigration $true",
      "Remove-VMMigrationNetwork -ComputerName 'HV01' -Subnet '10.0.0.0/24'",
      "Set-VMHost -ComputerName 'HV01' -MaximumVirtualMachineMigrations 2",
    ]);
    expect(steps[0]?.after).toBe(true);
  });

  it('refuses tampered records instead of running them', () => {
    const { steps, warnings } = rollbackSteps([
      rec('a', 'migrationNetwork', null, { subnet: "10.0.0.0/24'; calc; '", priority: 1 }),
      rec('b', 'virtualMachineMigrationAuthenticationType', "Kerberos'; calc", 'Kerberos'),
      { ...rec('c', 'maximumStorageMigrations', 2, 3), host: 'HV01\u2019; calc' },
    ]);
    expect(steps).toEqual([]);
    expect(warnings).toHaveLength(3);
  });

  it('turns delegation records into LDAP inverse steps', () => {
    const { steps } = rollbackSteps([
      { ...rec('d1', 'msDS-AllowedToDelegateTo', null, 'cifs/HV02.lab.example'), message: 'dn: x\ndelete: msDS-AllowedToDelegateTo' },
      rec('u1', 'userAccountControl', 4096, 4096 + 0x1000000),
    ]);
    expect(steps.map((s) => [s.kind, s.channel, s.before, s.after])).toEqual([
      ['uac-set', 'ldap', 4096 + 0x1000000, 4096],
      ['delegation-remove', 'ldap', 'cifs/HV02.lab.example', null],
    ]);
  });
});
