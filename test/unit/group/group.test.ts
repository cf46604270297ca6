import { describe, expect, it } from 'vitest';
import {
  coversReverse,
  orderedPairs,
  pairGroup,
  topologyPairs,
  validateGroupHosts,
  validatePairs,
  validateTopology,
} from '../../../electron/core/group';

const names = (pairs: readonly { source: string; destination: string }[]) => pairs.map((p) => `${p.source}>${p.destination}`);

describe('group pairs and topologies', () => {
  it('N hosts give N×(N−1) ordered pairs, source-major, skipping a host paired with itself in any case', () => {
    expect(names(orderedPairs(['A', 'B', 'C']))).toEqual(['A>B', 'A>C', 'B>A', 'B>C', 'C>A', 'C>B']);
    expect(orderedPairs(Array.from({ length: 50 }, (_, i) => `HV${i}`))).toHaveLength(2450);
    expect(names(orderedPairs(['hv01', 'HV01']))).toEqual([]);
  });

  it('a hub topology allows moves to the hubs only (hubs among themselves too)', () => {
    expect(names(topologyPairs(['A', 'B', 'C', 'D'], { kind: 'hub', hubs: ['c', 'D'] }))).toEqual(['A>c', 'A>D', 'B>c', 'B>D', 'C>D', 'D>c'].map((x) => x.replace('>c', '>C')));
    expect(topologyPairs(['A', 'B'], { kind: 'mesh' })).toEqual(orderedPairs(['A', 'B']));
  });

  it('a pair is the group of two: both directions = mesh, one way = the destination as hub', () => {
    expect(pairGroup('HV01', 'HV02', true)).toEqual({ hosts: ['HV01', 'HV02'], topology: { kind: 'mesh' } });
    const oneWay = pairGroup('HV01', 'HV02', false);
    expect(names(topologyPairs(oneWay.hosts, oneWay.topology))).toEqual(['HV01>HV02']);
    const mesh = topologyPairs(['HV01', 'HV02'], { kind: 'mesh' });
    expect(coversReverse(mesh, { source: 'HV01', destination: 'HV02' })).toBe(true);
    expect(coversReverse(topologyPairs(oneWay.hosts, oneWay.topology), { source: 'HV01', destination: 'HV02' })).toBe(false);
  });

  it('refuses bad groups naming the field', () => {
    expect(validateGroupHosts(['HV01'])).toEqual([{ field: 'hosts', message: 'hosts: a group needs at least two hosts', messageKey: 'groupIssue.too-few-hosts', params: { field: 'hosts', min: 2, count: 1 } }]);
    expect(validateGroupHosts(['HV01', 'hv01'])[0]).toEqual({ field: 'hosts.1', message: 'hosts.1: hv01 is listed twice', messageKey: 'groupIssue.listed-twice', params: { field: 'hosts.1', host: 'hv01' } });
    expect(validateGroupHosts(['HV01', "HV02'; rm -rf"])[0]?.field).toBe('hosts.1');
    expect(validateGroupHosts(Array.from({ length: 101 }, (_, i) => `HV${i}`))[0]?.field).toBe('hosts');
    expect(validateTopology(['A', 'B'], { kind: 'hub', hubs: [] })[0]?.field).toBe('delegation.hubs');
    expect(validateTopology(['A', 'B'], { kind: 'hub', hubs: ['B', 'Z'] })).toEqual([{ field: 'delegation.hubs.1', message: 'delegation.hubs.1: Z is not in the group', messageKey: 'groupIssue.not-in-group', params: { field: 'delegation.hubs.1', host: 'Z' } }]);
    expect(validateTopology(['A', 'B'], { kind: 'hub', hubs: ['Z'] }, '')[0]?.field).toBe('hubs.0');
    expect(validatePairs(['A', 'B'], [{ source: 'A', destination: 'A' }, { source: 'X', destination: 'B' }]).map((i) => i.field)).toEqual(['pairs.0.destination', 'pairs.1.source']);
  });
});
