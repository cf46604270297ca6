import { describe, expect, it } from 'vitest';
import {
  allowedTrustees, bytesToHex, hexToBytes, parseSecurityDescriptor, sidFromBytes, sidToBytes, withoutTrustee, withTrustee,
} from '../../../electron/core/delegation';
import { accountDomain, allowsResourceBased, parentAndChild } from '../../../electron/core/delegation';
import { sidToBuffer } from '../../../electron/services/lab/directory/ldap-codec';
import { sidFromHex } from '../../../electron/services/directory/user-rights';
import { account } from '../preflight/fixtures';

const HV01 = 'S-1-5-21-1004336348-1177238915-682003330-1105';
const HV03 = 'S-1-5-21-1004336348-1177238915-682003330-1107';

describe('SIDs', () => {
  it('round-trip through the binary form (the lab codec and the directory reader use the same code)', () => {
    const b = sidToBytes(HV01)!;
    expect(b.length).toBe(8 + 4 * 5);
    expect(sidFromBytes(b)).toBe(HV01);
    expect(sidFromHex(Buffer.from(b).toString('hex'))).toBe(HV01);
    expect(Buffer.from(b).equals(sidToBuffer(HV01)!)).toBe(true);
    expect(sidToBytes('S-1-5-32-544')).toEqual(new Uint8Array([1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 2, 0, 0]));
    expect(sidToBytes('not a sid')).toBeUndefined();
    expect(sidFromBytes(new Uint8Array([1, 5, 0]))).toBeUndefined();
  });
});

describe('the RBCD security descriptor (msDS-AllowedToActOnBehalfOfOtherIdentity)', () => {
  it('a new value allows exactly one principal, owned by BUILTIN\\Administrators, DACL revision 4', () => {
    const hex = withTrustee(undefined, HV01);
    const sd = parseSecurityDescriptor(hexToBytes(hex)!)!;
    expect(sd.owner).toBe('S-1-5-32-544');
    expect(sd.dacl?.revision).toBe(4);
    expect(sd.dacl?.aces).toHaveLength(1);
    expect(sd.dacl?.aces[0]).toMatchObject({ type: 0, flags: 0, mask: 0x000f01ff, sid: HV01 });
    expect(allowedTrustees(hex)).toEqual([HV01]);
  });

  it('adding and removing one principal keeps the others byte for byte; re-adding changes nothing', () => {
    const one = withTrustee('', HV01);
    const two = withTrustee(one, HV03);
    expect(allowedTrustees(two)).toEqual([HV01, HV03]);
    expect(withTrustee(two, HV03)).toBe(two);
    const back = withoutTrustee(two, HV03);
    expect(back).toBe(one);
    expect(withoutTrustee(back, HV03)).toBe(back);
    expect(allowedTrustees(withoutTrustee(back, HV01))).toEqual([]);
  });

  it('an ACE type it does not decode (an object ACE) survives an edit untouched', () => {
    const base = hexToBytes(withTrustee('', HV01))!;
    // Append an ACCESS_ALLOWED_OBJECT ACE (type 5) of 12 bytes by hand and fix the ACL header.
    const daclAt = new DataView(base.buffer).getUint32(16, true);
    const objectAce = new Uint8Array([5, 0, 12, 0, 0x10, 0, 0, 0, 0, 0, 0, 0]);
    const grown = new Uint8Array(base.length + objectAce.length);
    grown.set(base);
    grown.set(objectAce, base.length);
    const v = new DataView(grown.buffer);
    v.setUint16(daclAt + 2, v.getUint16(daclAt + 2, true) + 12, true);
    v.setUint16(daclAt + 4, 2, true);
    const hex = bytesToHex(grown);
    expect(allowedTrustees(hex)).toEqual([HV01]);
    const edited = withTrustee(hex, HV03);
    const aces = parseSecurityDescriptor(hexToBytes(edited)!)!.dacl!.aces;
    expect(aces.map((a) => a.type)).toEqual([0, 5, 0]);
    expect(Array.from(aces[1]!.raw)).toEqual(Array.from(objectAce));
  });

  it('garbage is no descriptor: nothing allowed, and an edit refuses it', () => {
    expect(allowedTrustees('zz')).toEqual([]);
    expect(allowedTrustees('0100')).toEqual([]);
    expect(() => withTrustee('01000480', HV01)).toThrow(/security descriptor/);
  });
});

describe('account domains', () => {
  it('come from the DN, else from dNSHostName; parent and child domains are recognised', () => {
    expect(accountDomain(account('HV01'))).toBe('corp.example');
    expect(accountDomain(account('HV04', undefined, { dn: 'CN=HV04,CN=Computers,DC=emea,DC=corp,DC=example' }))).toBe('emea.corp.example');
    expect(accountDomain(account('HV05', undefined, { dn: 'CN=HV05', dnsHostName: 'hv05.apac.example' }))).toBe('apac.example');
    expect(parentAndChild('corp.example', 'emea.corp.example')).toBe(true);
    expect(parentAndChild('corp.example', 'other.example')).toBe(false);
  });

  it('RBCD allows by SID; unknown when either side was not read', () => {
    const to = account('HV04', undefined, { allowedToActOnBehalfOf: [HV01] });
    expect(allowsResourceBased(to, account('HV01', undefined, { objectSid: HV01 }))).toBe(true);
    expect(allowsResourceBased(to, account('HV03', undefined, { objectSid: HV03 }))).toBe(false);
    expect(allowsResourceBased(account('HV04'), account('HV01', undefined, { objectSid: HV01 }))).toBeUndefined();
  });
});
