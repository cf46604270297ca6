import { describe, it, expect } from 'vitest';
import type { Finding, ModelResult } from '../../../electron/core/model';
import { EVIDENCE_TEXTS, modelRules, readableLabel, runPreflight, type MigrationFacts } from '../../../electron/core/preflight';
import { findingView } from '../../../renderer/src/features/test/finding-view';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';
import { GiB, account, host, readyFacts, vm, withSettings } from '../preflight/fixtures';

/** The lab's HV01 → HV02 before "Recommended": CredSSP, migration off, any network, two broken VMs. */
function labFacts(): MigrationFacts {
  const web01 = vm({ name: 'web01', switchNames: ['External-LM'], hasIsoAttached: true, memoryAssignedBytes: 6 * GiB });
  const sql01 = vm({ name: 'sql01', configurationVersion: '12.0', processorCompatibilityForMigration: false, memoryAssignedBytes: 1.5 * GiB });
  return readyFacts({
    source: withSettings(host('HV01', { vms: [web01, sql01], links: undefined }), { virtualMachineMigrationAuthenticationType: 'CredSSP', virtualMachineMigrationPerformanceOption: 'SMB' }),
    destination: withSettings(host('HV02', { memoryAvailableBytes: 7.25 * GiB }), { virtualMachineMigrationEnabled: false, useAnyNetworkForMigration: true }),
    sourceAccount: account('HV01'),
    destinationAccount: account('HV02', undefined, { servicePrincipalNames: [] }),
    vmNames: ['web01', 'sql01'],
    vmReports: [{ name: 'web01', incompatibilities: [{ messageId: 33012, message: 'Could not find Ethernet switch External-LM.', source: 'net' }] }, { name: 'sql01', incompatibilities: [] }],
    portChecks: [{ from: 'HV01', target: 'HV02', port: 6600, open: false }, { from: 'WORKSTATION', target: 'HV01', port: 5985, open: true }],
    operator: { name: 'LAB\\admin', groups: [], notDelegated: true },
    includeStorage: true,
    bothDirections: true,
  });
}

const model = (option: ModelResult['option'], converges: boolean, total: number): ModelResult =>
  ({ option, rounds: 4, totalSeconds: total, downtimeSeconds: converges ? 0.35 : 3.5, bytesSent: 20 * GiB, converges });

function labFindings(): Finding[] {
  return [
    ...runPreflight(labFacts()),
    ...runPreflight(readyFacts()),
    ...runPreflight(readyFacts({ directoryAvailable: false, destination: host('HV02', { status: 'unreachable', settings: undefined, memoryAvailableBytes: undefined }) })),
    ...modelRules([model('TCPIP', false, 912.4), model('Compression', true, 67.25), model('SMB', true, 90)], 'TCPIP'),
  ];
}

/** English words of the evidence vocabulary and labels that must not appear in the German list ("Port" and "live" are German too). */
const ENGLISH = /\b(unknown|none|open|closed|true|false|yes|no|answered|unreachable|not found|not connected|any network|attached|Source|Destination|Required|Present|Missing|Account|Memory|free|needed|assigned|storage|From|To|State|Planned)\b/;

describe('German findings list', () => {
  it('formats a size with the German decimal comma in title and evidence', () => {
    const mem = labFindings().find((f) => f.id === 'capacity.memory' && f.vm === 'sql01')!;
    expect(mem.severity).toBe('pass');
    const failing = runPreflight(readyFacts({ destination: host('HV02', { memoryAvailableBytes: 7.25 * GiB }), source: host('HV01', { vms: [vm({ memoryAssignedBytes: 9.5 * GiB })] }) }))
      .find((f) => f.id === 'capacity.memory')!;
    const view = findingView(de, failing, 'de');
    expect(view.title).toBe('HV02 fehlt Arbeitsspeicher für „web01“ (9,5\u00a0GiB benötigt, 7,3\u00a0GiB frei)');
    expect(view.evidence).toContainEqual({ key: 'freeBytes', label: 'Freier Arbeitsspeicher auf dem Ziel', value: '7,3\u00a0GiB' });
    const english = findingView(en, failing, 'en');
    expect(english.title).toBe('HV02 lacks memory for "web01" (9.5\u00a0GiB needed, 7.3\u00a0GiB free)');
    expect(english.evidence).toContainEqual({ key: 'freeBytes', label: 'Free memory on the destination', value: '7.3\u00a0GiB' });
  });

  it('formats model durations per locale', () => {
    const f = labFindings().find((x) => x.id === 'capacity.model')!;
    const view = findingView(de, f, 'de');
    expect(view.title).toMatch(/Ausfallzeit etwa 3,5\s?Sek/);
    expect(view.fixText).toMatch(/Compression: .*1\s?Min\.? 7\s?Sek\.? mit 0,35\s?Sek/);
    expect(findingView(en, f, 'en').title).toMatch(/blackout about 3\.5\s?sec/);
  });

  it('leaks no English evidence label or vocabulary word into the German list for the lab findings', () => {
    const findings = labFindings();
    expect(findings.length).toBeGreaterThan(40);
    const unknownLabels = new Set<string>();
    const leaks: string[] = [];
    for (const f of findings) {
      const view = findingView(de, f, 'de');
      if (ENGLISH.test(view.title)) leaks.push(`${f.id} title: ${view.title}`);
      for (const line of view.evidence) {
        if (!Object.hasOwn(EVIDENCE_TEXTS.de.labels, line.key)) unknownLabels.add(line.key);
        if (ENGLISH.test(line.label)) leaks.push(`${f.id} label: ${line.label}`);
        // Values that are data (host, VM, switch names, SPNs, messages from Hyper-V) are exempt.
        const data = [f.vm, 'HV01', 'HV02', 'web01', 'sql01'].some((d) => d !== undefined && line.value.includes(d)) || /^[A-Z]|[/;]/.test(line.value);
        if (!data && ENGLISH.test(line.value)) leaks.push(`${f.id} ${line.key}: ${line.value}`);
        if (/\d\.\d\s?(GiB|Sek)/.test(line.value)) leaks.push(`${f.id} ${line.key}: English number ${line.value}`);
      }
      if (/\d\.\d\u00a0GiB/.test(view.title + view.fixText)) leaks.push(`${f.id}: English number in ${view.title}`);
    }
    expect([...unknownLabels]).toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('shows vocabulary in German, keeps data as it is, and gives an unknown label a readable form', () => {
    const f = labFindings().find((x) => x.id === 'network.port-6600')!;
    const lines = findingView(de, f, 'de').evidence;
    expect(lines).toEqual([
      { key: 'from', label: 'Von', value: 'HV01' },
      { key: 'to', label: 'Nach', value: 'HV02' },
      { key: 'port', label: 'Port', value: '6600' },
      { key: 'state', label: 'Zustand', value: 'geschlossen' },
    ]);
    const future: Finding = { id: 'future.check', group: 'host', severity: 'info', title: 't', evidence: { smbSigningPort445: 'closed', vm: 'unknown' }, fix: { kind: 'none', text: '' } };
    expect(findingView(de, future, 'de').evidence).toEqual([
      { key: 'smbSigningPort445', label: 'Smb signing port 445', value: 'geschlossen' },
      // A VM literally named "unknown" is data, not vocabulary.
      { key: 'vm', label: 'VM', value: 'unknown' },
    ]);
    expect(readableLabel('rdmaSource')).toBe('Rdma source');
    const winrm = labFindings().find((x) => x.id === 'network.winrm.source')!;
    expect(findingView(de, winrm, 'de').evidence[0]).toEqual({ key: 'from', label: 'Von', value: 'dieser Computer' });
  });

  it('has the same evidence labels and vocabulary in English and German', () => {
    for (const part of ['labels', 'values', 'valuesByLabel'] as const) {
      expect(Object.keys(EVIDENCE_TEXTS.de[part]).sort()).toEqual(Object.keys(EVIDENCE_TEXTS.en[part]).sort());
    }
  });
});
