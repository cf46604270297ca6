/**
 * Compare-VM's prerequisites (issue 10, item 1): what Hyper-V would refuse, decided from the
 * gathered facts; what a failed Compare-VM's HRESULT says was missing; and the finding that
 * names it in English and German (codes worded per language, not English text).
 */
import { describe, expect, it } from 'vitest';
import {
  FINDING_TEXTS,
  compareVmNeeds,
  decodeNeeds,
  encodeNeeds,
  localizeFinding,
  needsFromCompareError,
  parseHResult,
  vmRules,
  type CompareVmPairFacts,
} from '../../../electron/core/preflight';
import { account, host, readyFacts, vm, withSettings } from './fixtures';

const ready = (over: Partial<CompareVmPairFacts> = {}): CompareVmPairFacts => ({
  source: host('HV01', { vms: [vm()] }),
  destination: host('HV02'),
  port6600Open: true,
  sourceAccount: account('HV01', 'HV02'),
  destinationAccount: account('HV02', 'HV01'),
  dnsDomain: 'corp.example',
  startMode: 'remote',
  ...over,
});

describe('compareVmNeeds', () => {
  it('a ready pair needs nothing', () => {
    expect(compareVmNeeds(ready())).toEqual([]);
  });

  it('migration off on either host, 6600 closed, no reachable incoming network', () => {
    const needs = compareVmNeeds(ready({
      source: withSettings(host('HV01'), { virtualMachineMigrationEnabled: false }),
      destination: withSettings(host('HV02'), { virtualMachineMigrationEnabled: false, migrationNetworks: [{ subnet: '192.168.50.0/24', priority: 0 }] }),
      port6600Open: false,
    }));
    expect(needs).toEqual([
      { code: 'migration-enabled', host: 'HV01' },
      { code: 'migration-enabled', host: 'HV02' },
      { code: 'port-6600', host: 'HV01', to: 'HV02' },
      { code: 'incoming-network', host: 'HV01', to: 'HV02' },
    ]);
    // "Any network" on the destination, or 6600 not probed, is no reason to skip.
    expect(compareVmNeeds(ready({ destination: withSettings(host('HV02'), { useAnyNetworkForMigration: true, migrationNetworks: [] }), port6600Open: undefined }))).toEqual([]);
  });

  it('CredSSP on the source refuses a remote start only', () => {
    const credssp = withSettings(host('HV01'), { virtualMachineMigrationAuthenticationType: 'CredSSP' });
    expect(compareVmNeeds(ready({ source: credssp }))).toEqual([{ code: 'credssp-on-source', host: 'HV01' }]);
    expect(compareVmNeeds(ready({ source: credssp, startMode: 'source' }))).toEqual([]);
  });

  it('Kerberos without the delegation entries, or without protocol transition for a remote start', () => {
    const noEntries = account('HV01');
    expect(compareVmNeeds(ready({ sourceAccount: noEntries }))).toEqual([{ code: 'kerberos-delegation', host: 'HV01', to: 'HV02' }]);
    const kerberosOnly = account('HV01', 'HV02', { userAccountControl: 0x1000 });
    expect(compareVmNeeds(ready({ sourceAccount: kerberosOnly }))).toEqual([{ code: 'protocol-transition', host: 'HV01' }]);
    expect(compareVmNeeds(ready({ sourceAccount: kerberosOnly, startMode: 'source' }))).toEqual([]);
    // Without a directory the delegation is not judged beforehand.
    expect(compareVmNeeds(ready({ sourceAccount: undefined }))).toEqual([]);
  });
});

describe('needsFromCompareError', () => {
  it('reads HRESULTs however they are written', () => {
    expect(parseHResult('0x8009030E')).toBe(0x8009030e);
    expect(parseHResult('-2146893042')).toBe(0x8009030e);
    expect(parseHResult(-2146893042)).toBe(0x8009030e);
    expect(parseHResult('not a code')).toBeUndefined();
  });

  it('maps the real migration errors to the same prerequisites the facts give', () => {
    const credssp = ready({ source: withSettings(host('HV01'), { virtualMachineMigrationAuthenticationType: 'CredSSP' }) });
    expect(needsFromCompareError(['0x8009030E'], credssp)).toEqual([{ code: 'credssp-on-source', host: 'HV01' }]);
    expect(needsFromCompareError(['0x8009030D'], ready({ sourceAccount: account('HV01') }))).toEqual([{ code: 'kerberos-delegation', host: 'HV01', to: 'HV02' }]);
    // Everything is in the directory: the host still uses its old tickets.
    expect(needsFromCompareError(['0x8009030D'], ready())).toEqual([{ code: 'kerberos-tickets', host: 'HV01' }]);
    expect(needsFromCompareError(['0x8007274D'], ready())).toEqual([{ code: 'port-6600', host: 'HV01', to: 'HV02' }]);
    expect(needsFromCompareError([-2147014836], ready())).toEqual([{ code: 'port-6600', host: 'HV01', to: 'HV02' }]);
    expect(needsFromCompareError(['0x80070005'], ready())).toEqual([]);
  });

  it('round-trips the coded form', () => {
    const needs = [{ code: 'migration-enabled', host: 'HV02' }, { code: 'kerberos-delegation', host: 'HV01', to: 'HV02' }] as const;
    expect(encodeNeeds(needs)).toBe('migration-enabled@HV02;kerberos-delegation@HV01>HV02');
    expect(decodeNeeds(encodeNeeds(needs))).toEqual(needs);
  });
});

describe('the vm.compare finding names what is needed, in both languages', () => {
  const needs = [{ code: 'migration-enabled', host: 'HV02' }, { code: 'credssp-on-source', host: 'HV01' }] as const;
  const skipped = readyFacts({ vmChecksSkipped: { reason: 'prerequisites', needs }, vmReports: [] });

  it('English and German wording of the codes, no English words in German', () => {
    const f = vmRules(skipped).find((x) => x.id === 'vm.compare');
    expect(f).toMatchObject({ severity: 'info', params: { variant: 'prerequisites', needs: 'migration-enabled@HV02;credssp-on-source@HV01' } });
    expect(f?.title).toBe('Compare-VM not run for "web01": it needs incoming and outgoing live migrations enabled on HV02; Kerberos on HV01, or the check started on HV01 itself (CredSSP, 0x8009030E) first');
    const de = localizeFinding(FINDING_TEXTS.de, f!);
    expect(de.localized).toBe(true);
    expect(de.title).toBe('Compare-VM für „web01“ nicht ausgeführt: zuerst nötig: eingehende und ausgehende Livemigrationen auf HV02; Kerberos auf HV01 oder der Start der Prüfung auf HV01 selbst (CredSSP, 0x8009030E)');
    expect(de.title).not.toMatch(/migration-enabled|enabled on|itself/);
  });

  it('a Compare-VM that ran and failed with a known code reads the same, not as a bare warning', () => {
    const ran = readyFacts({ vmReports: [{ name: 'web01', incompatibilities: [], error: 'Keine Anmeldeinformationen (0x8009030E)', needs: [{ code: 'credssp-on-source', host: 'HV01' }] }] });
    const f = vmRules(ran).find((x) => x.id === 'vm.compare');
    expect(f).toMatchObject({ severity: 'info', params: { variant: 'prerequisites', needs: 'credssp-on-source@HV01' }, evidence: { error: 'Keine Anmeldeinformationen (0x8009030E)' } });
  });

  it('a planned VM left behind is reported: removed, or left from an earlier move', () => {
    const removed = readyFacts({ vmReports: [{ name: 'web01', incompatibilities: [], plannedVm: 'removed' }] });
    expect(vmRules(removed).find((x) => x.id === 'vm.planned-vm')).toMatchObject({ severity: 'info', params: { variant: 'removed', vm: 'web01', host: 'HV02' } });
    const before = readyFacts({ vmReports: [{ name: 'web01', incompatibilities: [], plannedVm: 'left-before', vmId: '6f0b2a9e-0000-4000-8000-000000000001' }] });
    const f = vmRules(before).find((x) => x.id === 'vm.planned-vm');
    expect(f).toMatchObject({ severity: 'warn', params: { variant: 'left-before' } });
    expect(f?.fix.command).toContain("Msvm_PlannedComputerSystem");
    expect(f?.fix.command).toContain('6f0b2a9e-0000-4000-8000-000000000001');
    expect(localizeFinding(FINDING_TEXTS.de, f!).localized).toBe(true);
    expect(vmRules(readyFacts()).some((x) => x.id === 'vm.planned-vm')).toBe(false);
  });
});
