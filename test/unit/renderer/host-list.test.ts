import { describe, it, expect } from 'vitest';
import { buildRows, filterRows, sortRows, parseHostNames, typedNameProblem, DEFAULT_FILTER, DEFAULT_SORT, type HostFilter, type HostRow, type SortSpec } from '../../../renderer/src/store/host-list';
import { fakeAccount, fakeFacts } from '../../support/fake-ferry-api';
import type { DiscoveredHost, HostFacts } from '../../../electron/core/model';
import { HostNameSchema } from '../../../electron/core/contract/schemas';

/** What the Discover table shows: sorted, then searched and filtered. */
const visibleRows = (rows: readonly HostRow[], query: string, filter: HostFilter, sort: SortSpec) => filterRows(sortRows(rows, sort), query, filter);

function fleet(n: number) {
  const hosts: DiscoveredHost[] = [];
  const facts: Record<string, HostFacts> = {};
  for (let i = 0; i < n; i++) {
    const name = `HV${String(i).padStart(4, '0')}`;
    hosts.push({ account: fakeAccount(name), delegationState: i % 3 === 0 ? 'complete' : 'none', source: 'directory' });
    const f = fakeFacts(name, { status: i % 10 === 0 ? 'unreachable' : 'ok' });
    facts[name] = i % 2 === 0 ? f : { ...f, settings: { ...f.settings!, virtualMachineMigrationEnabled: false } };
  }
  return buildRows(hosts, facts);
}

describe('host list', () => {
  it('searches by every word, filters and sorts', () => {
    const rows = fleet(50);
    expect(visibleRows(rows, 'hv004', DEFAULT_FILTER, DEFAULT_SORT).map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `HV004${i}`));
    expect(visibleRows(rows, 'HV0012 lab.test', DEFAULT_FILTER, DEFAULT_SORT).map((r) => r.name)).toEqual(['HV0012']);
    const off = visibleRows(rows, '', { ...DEFAULT_FILTER, migration: 'off' }, DEFAULT_SORT);
    expect(off.every((r) => r.migrationEnabled === false)).toBe(true);
    expect(off).toHaveLength(25);
    expect(visibleRows(rows, '', { ...DEFAULT_FILTER, status: 'unreachable' }, DEFAULT_SORT)).toHaveLength(5);
    expect(visibleRows(rows, '', { ...DEFAULT_FILTER, delegation: 'complete' }, DEFAULT_SORT)).toHaveLength(17);
    expect(visibleRows(rows, '', DEFAULT_FILTER, { key: 'name', descending: true })[0]?.name).toBe('HV0049');
    const byMig = visibleRows(rows, '', DEFAULT_FILTER, { key: 'migration', descending: false });
    expect(byMig[0]?.migrationEnabled).toBe(false);
  });

  it('filtering keeps the order it is given, so a keystroke never re-sorts', () => {
    const sorted = sortRows(fleet(50), { key: 'name', descending: true });
    const hits = filterRows(sorted, 'hv004', DEFAULT_FILTER).map((r) => r.name);
    expect(hits).toEqual(Array.from({ length: 10 }, (_, i) => `HV004${9 - i}`));
  });

  it('filters 5,000 sorted hosts by prefix, keeping their order', () => {
    // How fast: `npm run bench -- renderer` (pure filter, and the whole keystroke in Chromium).
    const rows = sortRows(fleet(5000), DEFAULT_SORT);
    expect(filterRows(rows, 'hv', DEFAULT_FILTER)).toHaveLength(5000);
    expect(filterRows(rows, 'hv1', DEFAULT_FILTER)).toHaveLength(1000);
    expect(filterRows(rows, 'hv123', DEFAULT_FILTER).map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `HV123${i}`));
    expect(filterRows(rows, 'hv4999', DEFAULT_FILTER).map((r) => r.name)).toEqual(['HV4999']);
  });

  it('marks unread hosts as unknown', () => {
    const rows = buildRows([{ account: fakeAccount('X'), delegationState: 'unknown', source: 'typed' }], {});
    expect(rows[0]).toMatchObject({ name: 'X', status: 'unknown', statusDetail: '', migrationEnabled: undefined, origin: 'typed' });
  });

  it("carries the engine's reason for a host that could not be read", () => {
    const error = { code: 'process-died', message: 'The PowerShell process ended unexpectedly.', target: 'X' };
    const rows = buildRows([{ account: fakeAccount('X'), delegationState: 'unknown', source: 'typed' }], {
      X: { computerName: 'X', status: 'error', error, elapsedMs: 5 },
    });
    expect(rows[0]).toMatchObject({ status: 'error', statusDetail: 'The PowerShell process ended unexpectedly.' });
  });

  const key = (n: string) => typedNameProblem(n)?.key ?? null;

  it('parses and validates typed names', () => {
    expect(parseHostNames(' hv01, HV01;hv02\nhv03 ')).toEqual(['hv01', 'hv02', 'hv03']);
    expect(key('hv01.lab.test')).toBeNull();
    expect(key('hv 01')).toBe('hostName.bad-label');
    expect(key("hv01'; rm")).toBe('hostName.bad-label');
    expect(key('-hv')).toBe('hostName.bad-label');
    expect(typedNameProblem('a'.repeat(254))).toEqual({ key: 'hostName.too-long', params: { name: 'a'.repeat(254), max: 253 } });
    expect(key('')).toBe('hostName.empty');
  });

  it('accepts and refuses exactly the names the IPC gate does (one rule: core/settings/host-name.ts)', () => {
    const names = ['HV01', 'hv01.lab.test', 'HV01.', '10.0.0.1', 'fe80::1', '::ffff:10.0.0.1', '999.1.1.1', 'THIS-NAME-IS-TOO-LONG', 'this-name-is-long.lab.test',
      'hv01..lab', '.hv01', 'a'.repeat(64) + '.lab', 'hv01.123', 'hv_01', 'hv01$', '', 'a'.repeat(254), 'HV01\u0000'];
    const disagree = names.filter((n) => (typedNameProblem(n) === null) !== HostNameSchema.safeParse(n).success);
    expect(disagree).toEqual([]);
    // The names the renderer's own rule used to get wrong.
    expect(['999.1.1.1', 'THIS-NAME-IS-TOO-LONG', 'hv01.123'].map(key)).toEqual(['hostName.bad-ipv4', 'hostName.netbios-too-long', 'hostName.numeric-last-label']);
    expect(['fe80::1', 'HV01.'].map(key)).toEqual([null, null]);
  });
});
