import { describe, expect, it } from 'vitest';
import type { Finding, HostFacts } from '../../../electron/core/model';
import { modelInputFromFacts, runPreflight, smbRules } from '../../../electron/core/preflight';
import { runModel as simulate } from '../../../electron/core/simulate';
import { host, readyFacts, vm, withSettings, expectWordedInBothLocales } from './fixtures';

type Smb = NonNullable<HostFacts['smb']>;
const smbPair = (src: Smb | undefined, dst: Smb | undefined, option: 'SMB' | 'Compression' = 'SMB') => readyFacts({
  source: withSettings(host('HV01', { vms: [vm()], ...(src ? { smb: src } : {}) }), { virtualMachineMigrationPerformanceOption: option }),
  destination: host('HV02', dst ? { smb: dst } : {}),
});
const off: Smb = { clientRequireSigning: false, clientRequireEncryption: false, serverRequireSigning: false, serverEncryptData: false, liveMigrationLimitBytesPerSecond: 0 };
const only = (fs: Finding[], id: string) => {
  const hits = fs.filter((x) => x.id === id);
  expect(hits, `${id} in ${fs.map((x) => x.id).join(', ')}`).toHaveLength(1);
  return hits[0]!;
};

describe('SMB option realities: signing, encryption, the live-migration bandwidth limit', () => {
  it('neither signed nor encrypted passes; no limit, no limit finding', () => {
    const out = smbRules(smbPair(off, off));
    expect(only(out, 'network.smb-signing')).toMatchObject({ severity: 'pass', evidence: { smbSigningSource: 'no', smbEncryptionDestination: 'no' } });
    expect(out.some((x) => x.id === 'network.smb-bandwidth-limit')).toBe(false);
  });

  it('the source client requiring signing, or the destination server encrypting, warns that SMB Direct falls back to send/receive', () => {
    expect(only(smbRules(smbPair({ ...off, clientRequireSigning: true }, off)), 'network.smb-signing')).toMatchObject({ severity: 'warn', params: { variant: 'signing' }, evidence: { smbSigningSource: 'yes', smbSigningDestination: 'no' } });
    expect(only(smbRules(smbPair(off, { ...off, serverEncryptData: true })), 'network.smb-signing')).toMatchObject({ severity: 'warn', params: { variant: 'encryption' } });
    expect(only(smbRules(smbPair({ ...off, clientRequireEncryption: true }, { ...off, serverRequireSigning: true })), 'network.smb-signing').params?.variant).toBe('signing-encryption');
    // The destination's client and the source's server are not on this move's path.
    expect(only(smbRules(smbPair({ ...off, serverRequireSigning: true }, { ...off, clientRequireSigning: true })), 'network.smb-signing').severity).toBe('pass');
  });

  it('facts that could not be read are info; another performance option says nothing', () => {
    expect(only(smbRules(smbPair(undefined, undefined)), 'network.smb-signing')).toMatchObject({ severity: 'info', params: { variant: 'unread' } });
    expect(smbRules(smbPair({ ...off, clientRequireSigning: true, liveMigrationLimitBytesPerSecond: 1e8 }, off, 'Compression'))).toEqual([]);
    expect(runPreflight(smbPair({ ...off, clientRequireSigning: true }, off)).some((x) => x.id === 'network.smb-signing')).toBe(true);
  });

  it('a live-migration limit on either host is shown per side and the lower one feeds the model\'s SMB option', () => {
    const facts = smbPair({ ...off, liveMigrationLimitBytesPerSecond: 250e6 }, { ...off, liveMigrationLimitBytesPerSecond: 500e6 });
    const f = only(smbRules(facts), 'network.smb-bandwidth-limit');
    expect(f).toMatchObject({ severity: 'info', params: { limitBytes: '250000000' }, evidence: { sourceSmbLimitBytes: '250000000', destinationSmbLimitBytes: '500000000' } });
    const derived = modelInputFromFacts(facts);
    expect(derived.input.smbLimitBytesPerSecond).toBe(250e6);
    expect(derived.basis.smbLimit).toBe('facts');
    const limited = simulate(derived.input).find((m) => m.option === 'SMB')!;
    const free = simulate(modelInputFromFacts(smbPair(off, off)).input).find((m) => m.option === 'SMB')!;
    // 8 GiB at ≤ 250 MB/s takes at least 34 s; unlimited SMB over 10 GbE is far quicker.
    expect(limited.totalSeconds).toBeGreaterThan(34);
    expect(free.totalSeconds).toBeLessThan(limited.totalSeconds / 2);
    // TCP/IP and Compression do not go through SMB: the limit leaves them alone.
    expect(simulate(derived.input).find((m) => m.option === 'TCPIP')!.totalSeconds).toBe(simulate(modelInputFromFacts(smbPair(off, off)).input).find((m) => m.option === 'TCPIP')!.totalSeconds);
  });

  it('every variant is worded in English and German', () => {
    const all = [
      ...smbRules(smbPair(off, off)), ...smbRules(smbPair({ ...off, clientRequireSigning: true }, off)),
      ...smbRules(smbPair(off, { ...off, serverEncryptData: true })), ...smbRules(smbPair({ ...off, clientRequireSigning: true }, { ...off, serverEncryptData: true })),
      ...smbRules(smbPair(undefined, undefined)), ...smbRules(smbPair({ ...off, liveMigrationLimitBytesPerSecond: 125e6 }, off)),
    ];
    expect(new Set(all.map((f) => `${f.id}/${f.params?.variant ?? f.severity}`)).size).toBe(6);
    expectWordedInBothLocales(all);
  });
});
