import { describe, it, expect } from 'vitest';
import { parseSubnet, subnetKey, validateSubnetInput } from '../../../electron/core/settings/subnet';

describe('parseSubnet', () => {
  it.each([
    ['192.168.10.0/24', '192.168.10.0/24', 'ipv4'],
    ['192.168.0.1', '192.168.0.1/32', 'ipv4'],
    ['0.0.0.0/0', '0.0.0.0/0', 'ipv4'],
    ['2001:836c:6456:1c99::/64', '2001:836c:6456:1c99::/64', 'ipv6'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1/128', 'ipv6'],
    ['::/0', '::/0', 'ipv6'],
    ['::1', '::1/128', 'ipv6'],
    ['fe80:0:0:1:0:0:0:0/64', 'fe80:0:0:1::/64', 'ipv6'],
    ['2001:db8:0:1:0:0:1:1', '2001:db8:0:1::1:1/128', 'ipv6'],
    ['::ffff:10.0.0.1', '::ffff:a00:1/128', 'ipv6'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3/128', 'ipv6'],
  ])('%s → %s', (text, canonical, family) => {
    const r = parseSubnet(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.subnet.canonical).toBe(canonical);
      expect(r.subnet.family).toBe(family);
    }
  });

  it('flags host bits and masks them in the canonical form', () => {
    const r = parseSubnet('10.1.2.3/16');
    expect(r.ok && r.subnet.hostBitsSet).toBe(true);
    expect(r.ok && r.subnet.canonical).toBe('10.1.0.0/16');
    expect(validateSubnetInput('10.1.2.3/16')).toEqual({ message: expect.stringContaining('10.1.0.0/16'), code: 'host-bits', params: { prefix: 16, canonical: '10.1.0.0/16' } });
    expect(validateSubnetInput('10.1.0.0/16')).toEqual({ canonical: '10.1.0.0/16' });
  });

  it('treats different spellings of one subnet as the same key', () => {
    expect(subnetKey('10.0.0.1')).toBe(subnetKey('10.0.0.1/32'));
    expect(subnetKey('2001:DB8::/64')).toBe(subnetKey('2001:db8:0:0::/64'));
    expect(subnetKey('10.0.0.0/24')).not.toBe(subnetKey('10.0.0.0/25'));
  });

  const hostile = [
    '',
    ' 10.0.0.0/24',
    '10.0.0.0/24 ',
    '10.0.0.0/24\n',
    '10.0.0.0/24\u0000',
    "10.0.0.0/24'; Remove-Item C:\\ -Recurse; '",
    '10.0.0.0/24\u2019; calc; \u2018',
    '10.0.0.0/24"',
    '\u201c10.0.0.0/24\u201d',
    '$(calc)',
    '10.0.0.0/24`',
    '10.0.0.0/24;calc',
    '10.0.0.0/24|calc',
    '10.0.0.0\u201324',
    '10.0.0.0\u201424',
    '192.168.*',
    '10.0.0.256',
    '10.0.0',
    '10.0.0.0.0',
    '010.0.0.0',
    '10.0.0.0/33',
    '10.0.0.0/024',
    '10.0.0.0/-1',
    '10.0.0.0/',
    '10.0.0.0/24/24',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    'fe80::1%eth0',
    '::/129',
    '12345::',
    'g::1',
    '+1.2.3.4',
    '1.2.3.4e0',
    '0x10.0.0.0',
    'host.example',
    '10.0.0.0/24'.repeat(1000),
    'x'.repeat(10_000),
  ];
  it.each(hostile.map((h) => [JSON.stringify(h).slice(0, 60), h]))('rejects %s', (_label, text) => {
    expect(parseSubnet(text).ok).toBe(false);
    expect(subnetKey(text)).toBeNull();
  });
});
