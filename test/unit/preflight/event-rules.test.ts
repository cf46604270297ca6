import { describe, expect, it } from 'vitest';
import type { Finding, HostFacts } from '../../../electron/core/model';
import { blackoutSecondsOf, eventRules, FINDING_TEXTS, localizeFinding, runPreflight, valueFormatFor } from '../../../electron/core/preflight';
import { host, readyFacts, vm, expectWordedInBothLocales } from './fixtures';

type Events = NonNullable<HostFacts['events']>;
const VMMS = 'Microsoft-Windows-Hyper-V-VMMS-Admin';
const ev = (id: number, message = 'x', timeCreated = '2026-11-28T08:00:00.0000000Z') => ({ id, logName: VMMS, timeCreated, message });
const history = (items: Events['items'], errors: string[] = []): Events => ({ days: 30, items, errors });
const pair = (src: Events | undefined, dst: Events | undefined) => readyFacts({
  source: host('HV01', { vms: [vm()], ...(src ? { events: src } : {}) }),
  destination: host('HV02', dst ? { events: dst } : {}),
});
const only = (fs: Finding[], id: string) => {
  const hits = fs.filter((x) => x.id === id);
  expect(hits, `${id} in ${fs.map((x) => x.id).join(', ')}`).toHaveLength(1);
  return hits[0]!;
};
const LONG = "Virtual machine migration operation for 'sql01' completed with an unexpectedly long blackout time of 63.1 seconds.";

describe('event history of the last 30 days', () => {
  it('no events on a host passes; logs not read at all say nothing', () => {
    const out = eventRules(pair(history([]), undefined));
    expect(only(out, 'host.events.source')).toMatchObject({ severity: 'pass', params: { host: 'HV01', days: '30' } });
    expect(out.some((x) => x.id === 'host.events.destination')).toBe(false);
  });

  it('events warn per host with counts, each mapped to the finding it explains; only 21501 is info', () => {
    const f = only(eventRules(pair(history([ev(21502, 'failed'), ev(21501), ev(21502)]), undefined)), 'host.events.source');
    expect(f).toMatchObject({ severity: 'warn', params: { count: '3', events: '21501 ×1, 21502 ×2', explains: 'capacity.concurrency, vm.compare' }, evidence: { event21502: '2', message: 'failed' } });
    expect(only(eventRules(pair(undefined, history([ev(21501)]))), 'host.events.destination').severity).toBe('info');
    expect(only(eventRules(pair(history([ev(20306), ev(21024)]), undefined)), 'host.events.source').params?.explains).toBe('identity.delegation, vm.switch-names');
  });

  it('a log that could not be read is info with the error', () => {
    expect(only(eventRules(pair(history([], ['Microsoft-Windows-Hyper-V-VMMS-Admin: access denied']), undefined)), 'host.events.source')).toMatchObject({ severity: 'info', params: { variant: 'unread' } });
  });

  it('20417 blackout times are read from the text (English and German) and shown beside the model', () => {
    expect(blackoutSecondsOf(LONG)).toBe(63.1);
    expect(blackoutSecondsOf('… mit einer unerwartet langen Ausfallzeit von 12,5 Sekunden abgeschlossen.')).toBe(12.5);
    expect(blackoutSecondsOf('no number here')).toBeUndefined();
    const f = only(eventRules(pair(history([ev(20417, LONG), ev(20417, 'blackout time of 2.0 seconds')]), history([]))), 'capacity.blackout-history');
    expect(f).toMatchObject({ severity: 'warn', params: { variant: 'above-model', host: 'HV01', reportedSeconds: '63.1', count: '2', option: 'Compression' } });
    expect(Number(f.params?.modelSeconds)).toBeLessThan(5);
    // A reported blackout close to the prediction is information only; no 20417, no finding.
    const near = only(eventRules(pair(history([ev(20417, 'blackout time of 0.5 seconds')]), undefined)), 'capacity.blackout-history');
    expect(near.severity).toBe('info');
    expect(eventRules(pair(history([ev(21502)]), undefined)).some((x) => x.id === 'capacity.blackout-history')).toBe(false);
  });

  it('runs with the other rules and is worded in English and German', () => {
    const all = [
      ...runPreflight(pair(history([ev(20417, LONG), ev(21502)]), history([]))),
      ...eventRules(pair(history([ev(21501)]), history([], ['denied']))),
      ...eventRules(pair(history([ev(20417, 'blackout time of 0.5 seconds')]), undefined)),
    ].filter((x) => x.id.startsWith('host.events') || x.id === 'capacity.blackout-history');
    expect(new Set(all.map((f) => `${f.id}/${f.params?.variant ?? f.severity}`)).size).toBe(6);
    expectWordedInBothLocales(all);
    const b = all.find((x) => x.id === 'capacity.blackout-history' && x.severity === 'warn')!;
    // 63.1 s in the reader's locale (formatSeconds: minutes and seconds), not the raw number.
    const de = localizeFinding(FINDING_TEXTS.de, b, valueFormatFor('de')).title;
    expect(de).toMatch(/^Hyper-V meldete Ausfallzeiten bis 1\s?Min\.\s3\s?Sek\. \(Ereignis 20417 auf HV01\)/);
  });
});
