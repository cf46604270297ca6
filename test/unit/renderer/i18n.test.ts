import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { en } from '../../../renderer/src/i18n/en';
import { de } from '../../../renderer/src/i18n/de';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { formatBytes, formatNumber, formatSeconds, formatDateTime } from '../../../renderer/src/i18n/format';

const root = path.resolve(__dirname, '../../../renderer/src');

function flatten(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v as object, key)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

const enKeys = flatten(en);
const deKeys = flatten(de);

describe('i18n resources', () => {
  it('every English key exists in German and vice versa, none empty', () => {
    expect([...enKeys.keys()].filter((k) => !deKeys.has(k))).toEqual([]);
    expect([...deKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys, ...deKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
    const mismatched = [...enKeys].filter(([k, v]) => vars(v) !== vars(deKeys.get(k) ?? '')).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('every literal key used in the renderer exists in the resources', () => {
    const used = new Set<string>();
    for (const file of sources(root, /\.(ts|tsx)$/)) {
      // The resources themselves (by their place under renderer/src: the checkout may sit in a folder named i18n too).
      if (path.relative(root, file).split(path.sep)[0] === 'i18n') continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1]!);
      // keys the store hands to t() (risks, reasons, hints, validation)
      for (const m of text.matchAll(/'((?:risk|recommend|value|errors\.hint|discover\.add)\.[\w.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('keys built from enums exist for every enum value', () => {
    const need = [
      ...['ok', 'unreachable', 'access-denied', 'timeout', 'error', 'unknown'].map((s) => `status.${s}`),
      ...['pending', 'running', 'done', 'failed', 'skipped', 'not-started'].map((s) => `stepStatus.${s}`),
      ...['identity', 'host', 'network', 'vm', 'capacity'].map((s) => `test.group.${s}`),
      ...['pass', 'warn', 'fail', 'info'].map((s) => `severity.${s}`),
      ...['info', 'connect', 'disconnect', 'lab', 'discover', 'resolve', 'read', 'plan', 'export', 'apply', 'cancel', 'audit', 'rollback', 'test', 'report'].map((s) => `ops.${s}`),
      ...['migrationEnabled', 'maxLive', 'maxStorage', 'networks', 'authentication', 'performance', 'delegationForward', 'delegationReverse'].map((s) => `configure.row.${s}`),
      ...['invalid-input', 'forbidden', 'not-found', 'cancelled', 'session-ended', 'failed', 'unknown'].map((s) => `errors.hint.${s}`),
      ...['done', 'failed', 'rolled-back'].map((s) => `history.result.${s}`),
      ...['invalid-host-name', 'duplicate-host', 'host-unreadable.error', 'host-unreadable.no-detail', 'unparsable-network', 'no-dns-host-name', 'unconstrained-delegation', 'missing-spn', 'flag-kept.still-delegates', 'flag-kept.not-set-by-ferry', 'no-directory'].map((s) => `planWarning.${s}`),
      ...['empty', 'too-long', 'bad-ipv4', 'empty-label', 'label-too-long', 'bad-label', 'netbios-too-long', 'numeric-last-label'].map((s) => `hostName.${s}`),
    ];
    expect(need.filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('components render text through t(), not literals', () => {
    const offenders: string[] = [];
    for (const file of sources(root, /\.tsx$/)) {
      const text = fs.readFileSync(file, 'utf8');
      if (/<\w[^>]*>/.test(text) && /<(Button|h2|h3|p|label|legend|Badge)\b/.test(text) && !text.includes('t(')) offenders.push(file);
      // JSX text made of words (letters and a space) between tags is a literal string.
      for (const m of text.matchAll(/>\s*([A-Za-z][A-Za-z]+(?: [A-Za-z]+)+)\s*</g)) offenders.push(`${path.basename(file)}: "${m[1]}"`);
      for (const m of text.matchAll(/(?:aria-label|label|title|placeholder)="([A-Za-z][^"]*)"/g)) offenders.push(`${path.basename(file)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('translates in both languages', () => {
    const i = createI18n('de');
    expect(i.t('nav.discover')).toBe('Ermitteln');
    expect(i.t('configure.title', { source: 'HV01', destination: 'HV02' })).toBe('HV01 → HV02 konfigurieren');
    void i.changeLanguage('en');
    expect(i.t('risk.credssp')).toMatch(/^CredSSP: moves must be started on the source host/);
  });
});

describe('locale formatting', () => {
  it('numbers and sizes', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'de')).toBe('12.345');
    expect(formatBytes(1.5 * 1024 ** 3, 'en')).toBe('1.5\u00a0GiB');
    expect(formatBytes(1.5 * 1024 ** 3, 'de')).toBe('1,5\u00a0GiB');
    expect(formatBytes(512, 'en')).toBe('512\u00a0B');
    expect(formatBytes(64 * 1024 ** 3, 'de')).toBe('64\u00a0GiB');
  });

  it('durations and times', () => {
    expect(formatSeconds(2.25, 'en')).toMatch(/^2\.3\s?sec/);
    expect(formatSeconds(2.25, 'de')).toMatch(/^2,3\s?Sek/);
    expect(formatSeconds(125, 'en')).toMatch(/^2\s?min 5\s?sec/);
    expect(formatSeconds(Infinity, 'en')).toBe('∞');
    expect(formatDateTime('2025-03-01T12:00:00Z', 'de')).toMatch(/2025/);
    expect(formatDateTime('2025-03-01T12:00:00Z', 'en')).toMatch(/Mar/);
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
