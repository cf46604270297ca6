import { describe, it, expect } from 'vitest';
import { settingRows, delegationEntries, rowForSetting, type RowInput } from '../../../renderer/src/store/settings-rows';
import { recommend } from '../../../electron/core/settings/recommend';
import { fakeAccount, fakeFacts } from '../../support/fake-ferry-api';
import { planDelegation } from '../../../electron/core/delegation/plan';

function input(over: Partial<RowInput> = {}): RowInput {
  const s = fakeFacts('HV01');
  const d = fakeFacts('HV02', { settings: { ...s.settings!, virtualMachineMigrationEnabled: false } });
  return {
    sourceName: 'HV01', destinationName: 'HV02', sourceFacts: s, destinationFacts: d,
    sourceAccount: fakeAccount('HV01'), destinationAccount: fakeAccount('HV02'),
    desired: recommend(s, d).desired, delegation: { enabled: true, bothDirections: true }, ...over,
  };
}

describe('settingRows', () => {
  it('has one row per setting and marks differences', () => {
    const rows = settingRows(input());
    expect(rows.map((r) => r.id)).toEqual(['migrationEnabled', 'maxLive', 'maxStorage', 'networks', 'authentication', 'performance', 'delegationForward', 'delegationReverse']);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by.migrationEnabled?.differs).toBe(true); // HV02 has it off
    expect(by.maxLive?.differs).toBe(false);
    expect(by.authentication?.differs).toBe(true); // CredSSP now, Kerberos desired
    expect(by.delegationForward?.differs).toBe(true);
    expect(by.migrationEnabled?.destination).toEqual({ kind: 'key', key: 'value.off' });
  });

  it('spells out the risks of CredSSP and any network', () => {
    const base = input();
    const rows = settingRows({ ...base, desired: { ...base.desired, virtualMachineMigrationAuthenticationType: 'CredSSP', networks: 'any' } });
    expect(rows.find((r) => r.id === 'authentication')?.risks).toEqual(['risk.credssp']);
    expect(rows.find((r) => r.id === 'networks')?.risks).toEqual(['risk.anyNetwork']);
    const noDeleg = settingRows({ ...base, delegation: { enabled: false, bothDirections: false } });
    expect(noDeleg.find((r) => r.id === 'authentication')?.risks).toEqual(['risk.kerberosNoDelegation']);
    expect(noDeleg.find((r) => r.id === 'delegationForward')?.differs).toBe(false);
  });

  it('shows the four delegation entries per direction and the any-protocol flag', () => {
    expect(delegationEntries(fakeAccount('HV02'), 'HV02', 'lab.test')).toEqual([
      'cifs/HV02', 'cifs/hv02.lab.test',
      'Microsoft Virtual System Migration Service/HV02', 'Microsoft Virtual System Migration Service/hv02.lab.test',
    ]);
    const src = fakeAccount('HV01', { allowedToDelegateTo: ['cifs/HV02', 'CIFS/hv02.lab.test', 'Microsoft Virtual System Migration Service/HV02', 'Microsoft Virtual System Migration Service/hv02.lab.test'], userAccountControl: 0x1000 | 0x1000000 });
    const rows = settingRows(input({ sourceAccount: src }));
    const fwd = rows.find((r) => r.id === 'delegationForward')!;
    expect(fwd.differs).toBe(false);
    expect(fwd.risks).toEqual(['risk.anyProtocol']);
    expect(fwd.source.kind === 'delegation' && fwd.source.view.entries.every((e) => e.present)).toBe(true);
    expect(rows.find((r) => r.id === 'delegationReverse')?.differs).toBe(true);
  });

  it('shows missing exactly the entries the planner adds, with the planner’s FQDN fallback (core/delegation/entries.ts)', () => {
    // HV02's account has no dNSHostName: the planner assumes <short>.<directory domain>.
    const hv02 = fakeAccount('HV02', { dnsHostName: undefined });
    const hv01 = fakeAccount('HV01', { allowedToDelegateTo: ['cifs/HV02', 'Microsoft Virtual System Migration Service/HV02'] });
    const rows = settingRows(input({ sourceAccount: hv01, destinationAccount: hv02, dnsDomain: 'corp.test' }));
    const fwd = rows.find((r) => r.id === 'delegationForward')!;
    const missing = fwd.source.kind === 'delegation' ? fwd.source.view.entries.filter((e) => !e.present).map((e) => e.spn) : [];
    const planned = planDelegation([{ source: hv01, destination: hv02 }], { dnsDomain: 'corp.test', includeKlistPurge: false })
      .steps.filter((st) => st.kind === 'delegation-add').map((st) => st.after);
    expect(missing).toEqual(['cifs/hv02.corp.test', 'Microsoft Virtual System Migration Service/hv02.corp.test']);
    expect(missing).toEqual(planned);
    expect(fwd.differs).toBe(true);
  });

  it('treats unread hosts as different (never as equal)', () => {
    const rows = settingRows(input({ destinationFacts: undefined }));
    expect(rows.find((r) => r.id === 'maxLive')?.differs).toBe(true);
    expect(rows.find((r) => r.id === 'maxLive')?.destination).toEqual({ kind: 'unknown' });
  });

  it('maps fix settings to rows', () => {
    expect(rowForSetting('virtualMachineMigrationAuthenticationType')).toBe('authentication');
    expect(rowForSetting('maximumStorageMigrations')).toBe('maxStorage');
    expect(rowForSetting('maximumVirtualMachineMigrations')).toBe('maxLive');
    expect(rowForSetting('useAnyNetworkForMigration')).toBe('networks');
    expect(rowForSetting('msDS-AllowedToDelegateTo')).toBe('delegationForward');
    expect(rowForSetting('virtualMachineMigrationEnabled')).toBe('migrationEnabled');
    expect(rowForSetting('virtualMachineMigrationPerformanceOption')).toBe('performance');
    expect(rowForSetting('something-else')).toBeNull();
    expect(rowForSetting(undefined)).toBeNull();
  });
});

describe('rowForSetting: delegation direction', () => {
  it('opens the row of the direction the finding names', () => {
    expect(rowForSetting('delegation:forward')).toBe('delegationForward');
    expect(rowForSetting('delegation:reverse')).toBe('delegationReverse');
    expect(rowForSetting('Delegation:Reverse')).toBe('delegationReverse');
    expect(rowForSetting('delegation')).toBe('delegationForward');
  });
});
