import { describe, expect, it } from 'vitest';
import { isComputerName, validateHostName } from '../../../electron/core/settings/host-name';

describe('validateHostName', () => {
  it.each(['HV01', 'hv-02', 'hv01.lab.example', 'HV01.LAB.EXAMPLE.', '10.0.0.1', '::1', 'fe80::1', '2001:db8::10', '::ffff:192.0.2.1', 'a'.repeat(15)])(
    'accepts %s',
    (name) => expect(validateHostName(name)).toBeNull(),
  );

  it.each([
    ['', 'empty'],
    ['a'.repeat(16), 'NetBIOS'],
    ['-hv01', 'label'],
    ['hv01-', 'label'],
    ['hv_01', 'label'],
    ['hv01..lab', 'empty label'],
    ['.hv01', 'empty label'],
    ['256.1.1.1', 'IPv4'],
    ['1.2.3', 'IPv4'],
    ['a'.repeat(64) + '.example', '63'],
    ['x'.repeat(254), '253'],
    ["hv'01", 'label'],
    ['hv01;calc', 'label'],
    ['hv$(x)', 'label'],
    ['hv01\nx', 'label'],
    ['hv01\u0000', 'label'],
    ['hv–01', 'label'],
    ['2001:db8:::1', 'label'],
    ['lab.123', 'digits'],
  ])('rejects %j (%s)', (name, word) => {
    const message = validateHostName(name);
    expect(message).not.toBeNull();
    expect(message).toContain(word);
  });

  it('never echoes control characters', () => {
    expect(validateHostName('a\u001b[31mb')).toContain('\\u001b');
  });
});

describe('isComputerName (a directory lookup: the host-name rule, or NAME$)', () => {
  it('accepts host names and account names and rejects hostile ones', () => {
    for (const ok of ['HV01', 'hv01.lab.example', 'HV01$', 'a-b']) expect(isComputerName(ok)).toBe(true);
    for (const bad of ['', '*', 'a)(b', 'HV01,CN=x', 'a b', 'a\u0000', "a'b", 'x'.repeat(254), '-a', 'a..b', '$', 'HV01$$']) {
      expect(isComputerName(bad)).toBe(false);
    }
  });
});
