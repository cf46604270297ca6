import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, ModelResult } from '../../../electron/core/model';
import { FindingSchema } from '../../../electron/core/contract/schemas';
import {
  FINDING_TEXTS,
  findingTextFor,
  localizeFinding,
  modelRules,
  runPreflight,
  textIdOf,
  valueFormatFor,
  type MigrationFacts,
} from '../../../electron/core/preflight';
import { GiB, account, host, readyFacts, vm, withSettings } from './fixtures';

const dir = path.resolve(__dirname, '../../../electron/core/preflight');
const LOCALES = ['en', 'de'] as const;

/** Values a template id's `${…}` can take, as the rules build them. */
const EXPANSIONS: Record<string, string[]> = {
  '${suffix}': ['', '.reverse'],
  '${role}': ['source', 'destination'],
  '${i.messageId}': ['33012', '21024'],
};

/** Every finding id the rule sources can emit: literals and expanded templates. */
function idsInSources(): string[] {
  const ids = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'finding-texts.ts')) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/['`]((?:identity|host|network|vm|capacity)\.[\w.${}-]+)['`]/g)) {
      let variants = [m[1]!];
      for (const [placeholder, values] of Object.entries(EXPANSIONS)) {
        variants = variants.flatMap((v) => (v.includes(placeholder) ? values.map((x) => v.replace(placeholder, x)) : [v]));
      }
      variants.forEach((v) => ids.add(v));
    }
  }
  return [...ids];
}

/** Facts that drive the rules through (nearly) every id and variant. */
function scenarios(): MigrationFacts[] {
  const ready = readyFacts({ bothDirections: true });
  const badVm = vm({
    name: 'app02', configurationVersion: '12.0', processorCompatibilityForMigration: false, switchNames: ['Missing'],
    hasIsoAttached: true, hasPassThroughDisk: true, state: 'Merging', memoryAssignedBytes: 512 * GiB,
  });
  return [
    ready,
    readyFacts({ vmNames: ['web01', 'old', 'off', 'ghost'], source: host('HV01', { vms: [vm(), vm({ name: 'old', configurationVersion: '5.0' }), vm({ name: 'off', state: 'Off' })] }) }),
    readyFacts({
      bothDirections: true,
      source: host('HV01', { vms: [badVm], processorVendor: 'AuthenticAMD', domain: 'a.example', credentialGuardRunning: true }),
      destination: withSettings(host('HV02', { domain: 'b.example', memoryAvailableBytes: 1 * GiB }), {
        virtualMachineMigrationEnabled: false, maximumVirtualMachineMigrations: 0, virtualMachineMigrationPerformanceOption: 'SMB', virtualMachineMigrationAuthenticationType: 'CredSSP', useAnyNetworkForMigration: true,
      }),
      sourceAccount: account('HV01', undefined, { userAccountControl: 0x1000 | 0x80000 }),
      destinationAccount: account('HV02', undefined, { servicePrincipalNames: [] }),
      vmNames: ['app02'],
      vmReports: [{ name: 'app02', incompatibilities: [{ messageId: 33012, message: 'Switch missing', source: 'net' }, { messageId: 21024, message: 'Other', source: 'x' }] }],
      portChecks: [{ from: 'HV01', target: 'HV02', port: 6600, open: false }, { from: 'HV01', target: 'HV02', port: 445, open: false }, { from: 'WORKSTATION', target: 'HV01', port: 5985, open: false }],
      operator: { name: 'alice', groups: ['Protected Users'], notDelegated: true },
      includeStorage: true,
    }),
    readyFacts({
      authentication: 'CredSSP', startMode: 'source', vmNames: ['a', 'b', 'c'],
      source: withSettings(host('HV01', { vms: [vm({ name: 'a' }), vm({ name: 'b' }), vm({ name: 'c' })], links: undefined, processorVendor: undefined, domain: undefined }), { virtualMachineMigrationPerformanceOption: 'SMB' }),
      destination: host('HV02', { credentialGuardRunning: true, switches: undefined, supportedVersions: undefined, memoryAvailableBytes: 20 * GiB }),
      vmReports: [{ name: 'a', error: 'access denied', incompatibilities: [] }, { name: 'b', incompatibilities: [{ messageId: 33012, message: 'Switch missing', source: 'net' }] }],
      operator: { name: 'bob', groups: ['Domain Admins'] }, portChecks: [], includeStorage: true,
    }),
    readyFacts({ destination: withSettings(host('HV02', { memoryAvailableBytes: undefined }), { migrationNetworks: [] }), source: host('HV01', { vms: [vm()], credentialGuardRunning: false }), authentication: 'CredSSP' }),
    readyFacts({ destination: withSettings(host('HV02'), { migrationNetworks: [{ subnet: '192.168.9.0/24', priority: 0 }] }), directoryAvailable: false, sourceAccount: undefined, trustedDomains: ['b.example'] }),
    readyFacts({ sourceAccount: undefined, bothDirections: true }),
    readyFacts({ source: host('HV01', { status: 'unreachable', settings: undefined, domain: undefined }), destination: host('HV02', { status: 'access-denied', settings: undefined }) }),
    readyFacts({ source: host('HV01', { status: 'timeout', settings: undefined }), destination: host('HV02', { status: 'ok', settings: undefined }) }),
    readyFacts({ source: host('HV01', { status: 'error', settings: undefined }), startMode: 'source', sourceAccount: account('HV01', 'HV02', { userAccountControl: 0x1000 }) }),
    readyFacts({ source: { ...host('HV01', { vms: [vm()] }), domain: 'a.example' }, destination: { ...host('HV02'), domain: 'b.example' }, trustedDomains: ['b.example'] }),
  ];
}

const model = (option: ModelResult['option'], converges: boolean): ModelResult => ({ option, rounds: 3, totalSeconds: 20, downtimeSeconds: converges ? 0.1 : 30, bytesSent: 1, converges });

function emitted(): Finding[] {
  return [
    ...scenarios().flatMap(runPreflight),
    ...modelRules([model('Compression', true)], 'Compression'),
    ...modelRules([model('TCPIP', false), model('SMB', true)], 'TCPIP'),
    ...modelRules([model('TCPIP', false)], 'TCPIP'),
  ];
}

describe('finding texts', () => {
  it('every finding id in the rule sources has an entry in English and German', () => {
    const ids = idsInSources();
    expect(ids.length).toBeGreaterThan(35);
    // A template id with an unknown `${…}` must be added to EXPANSIONS, not silently skipped.
    expect(ids.filter((id) => id.includes('${'))).toEqual([]);
    for (const locale of LOCALES) {
      const table = FINDING_TEXTS[locale] as Record<string, unknown>;
      expect(ids.filter((id) => table[id] === undefined && table[textIdOf(id)] === undefined).map((id) => `${locale}:${id}`)).toEqual([]);
    }
  });

  it('German has exactly the ids, variants and fields English has, with the same placeholders', () => {
    const flat = (t: object) => JSON.stringify(Object.entries(t).map(([id, v]) => [id, Object.entries(v as object).map(([k, x]) => [k, Object.keys(x as object)])]));
    expect(flat(FINDING_TEXTS.de)).toBe(flat(FINDING_TEXTS.en));
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
    for (const [id, variants] of Object.entries(FINDING_TEXTS.en)) {
      for (const [variant, text] of Object.entries(variants as Record<string, { title: string; fix?: string }>)) {
        const de = (FINDING_TEXTS.de as Record<string, Record<string, { title: string; fix?: string }>>)[id]?.[variant];
        expect(vars(de?.title ?? ''), `${id}/${variant}`).toBe(vars(text.title));
        expect(vars(de?.fix ?? ''), `${id}/${variant} fix`).toBe(vars(text.fix ?? ''));
      }
    }
  });

  it('every emitted finding has a wording and all its values, in both languages', () => {
    const findings = emitted();
    const ids = new Set(findings.map((f) => `${textIdOf(f.id)}/${f.params?.variant ?? f.severity}`));
    expect(ids.size).toBeGreaterThan(80);
    for (const f of findings) {
      expect(FindingSchema.safeParse(f).success).toBe(true);
      for (const locale of LOCALES) {
        const where = `${locale}:${f.id}/${f.params?.variant ?? f.severity}`;
        expect(findingTextFor(FINDING_TEXTS[locale], f), where).toBeDefined();
        const text = localizeFinding(FINDING_TEXTS[locale], f);
        expect(text.localized, where).toBe(true);
        expect(text.title + text.fixText, where).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('the engine\'s English title and fix are the table\'s English, for every finding (one wording, not two)', () => {
    for (const f of emitted()) {
      const text = localizeFinding(FINDING_TEXTS.en, f);
      const where = `${f.id}/${f.params?.variant ?? f.severity}`;
      expect(f.title, where).toBe(text.title);
      expect(f.fix.text, where).toBe(text.fixText);
    }
  });

  it('the English wording matches the engine title for simple findings; German differs', () => {
    const f = runPreflight(readyFacts()).find((x) => x.id === 'vm.state')!;
    expect(localizeFinding(FINDING_TEXTS.en, f).title).toBe(f.title);
    expect(localizeFinding(FINDING_TEXTS.de, f).title).toBe('„web01“ läuft: sie wird live verschoben');
    const mem = runPreflight(readyFacts({ destination: host('HV02', { memoryAvailableBytes: 1.5 * GiB }) })).find((x) => x.id === 'capacity.memory')!;
    // Sizes come as raw bytes and are formatted by the caller's locale: decimal comma in German.
    expect(localizeFinding(FINDING_TEXTS.de, mem, valueFormatFor('de')).title).toBe('HV02 fehlt Arbeitsspeicher für „web01“ (8\u00a0GiB benötigt, 1,5\u00a0GiB frei)');
    expect(localizeFinding(FINDING_TEXTS.en, mem, valueFormatFor('en')).title).toBe('HV02 lacks memory for "web01" (8\u00a0GiB needed, 1.5\u00a0GiB free)');
  });

  it('falls back to the engine text for an unknown id or a finding without params', () => {
    const unknown: Finding = { id: 'future.check', group: 'host', severity: 'warn', title: 'Engine title', evidence: {}, fix: { kind: 'manual', text: 'Engine fix' } };
    expect(localizeFinding(FINDING_TEXTS.de, unknown)).toEqual({ title: 'Engine title', fixText: 'Engine fix', localized: false });
    const old: Finding = { id: 'vm.iso', group: 'vm', severity: 'warn', title: '"x" has an ISO attached', evidence: {}, fix: { kind: 'command', text: 'Eject', command: 'c' } };
    expect(localizeFinding(FINDING_TEXTS.de, old).title).toBe('"x" has an ISO attached');
  });
});

describe('delegation fix direction', () => {
  it('names the forward and the reverse direction in fix.setting', () => {
    const facts = readyFacts({
      bothDirections: true,
      sourceAccount: account('HV01', undefined, { userAccountControl: 0x1000 }),
      destinationAccount: account('HV02', undefined, { userAccountControl: 0x1000 }),
    });
    const found = runPreflight(facts);
    const setting = (id: string) => found.find((x) => x.id === id)?.fix.setting;
    expect(setting('identity.delegation')).toBe('delegation:forward');
    expect(setting('identity.delegation.reverse')).toBe('delegation:reverse');
    expect(setting('identity.protocol-transition')).toBe('delegation:forward');
    expect(setting('identity.protocol-transition.reverse')).toBe('delegation:reverse');
  });
});
