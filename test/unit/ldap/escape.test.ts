import { describe, it, expect } from 'vitest';
import { dnsDomainFromDn, escapeDnValue, escapeFilterValue, parentDn, splitDn } from '../../../electron/core/ldap';

describe('escapeFilterValue (RFC 4515)', () => {
  it('escapes the filter specials and NUL', () => {
    expect(escapeFilterValue('a*b(c)d\\e\u0000')).toBe('a\\2ab\\28c\\29d\\5ce\\00');
  });
  it('turns an injection attempt into inert data', () => {
    expect(escapeFilterValue('*)(objectClass=*')).toBe('\\2a\\29\\28objectClass=\\2a');
  });
  it('leaves ordinary names alone', () => {
    expect(escapeFilterValue('HV01.lab.example')).toBe('HV01.lab.example');
  });
});

describe('escapeDnValue (RFC 4514)', () => {
  it('escapes specials, leading #/space and trailing space', () => {
    expect(escapeDnValue('a,b+c"d\\e<f>g;h=i')).toBe('a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h\\=i');
    expect(escapeDnValue('#x ')).toBe('\\#x\\ ');
    expect(escapeDnValue(' x')).toBe('\\ x');
    expect(escapeDnValue('a\u0000b')).toBe('a\\00b');
  });
});

describe('DN helpers', () => {
  it('splits honouring escapes and strips the first RDN', () => {
    expect(splitDn('CN=a\\,b,CN=Computers,DC=lab,DC=example')).toEqual(['CN=a\\,b', 'CN=Computers', 'DC=lab', 'DC=example']);
    expect(parentDn('CN=Microsoft Hyper-V,CN=HV01,CN=Computers,DC=lab,DC=example')).toBe('CN=HV01,CN=Computers,DC=lab,DC=example');
    expect(dnsDomainFromDn('DC=Lab,DC=Example')).toBe('lab.example');
  });
});
