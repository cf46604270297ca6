import { describe, it, expect } from 'vitest';
import { GIB, MB, MODEL_DEFAULTS, effectiveBandwidth, runModel, simulateOption } from '../../../electron/core/simulate';
import { ModelResultSchema } from '../../../electron/core/contract/schemas';

const anchor = { memoryBytes: 16 * GIB, dirtyBytesPerSecond: 200 * MB, linkGbps: 10 };
// The field notes' worked examples (§5.2) assume one stream fills the link and no setup time:
// they check the round loop. The defaults cap one TCP stream (published-figures.test.ts).
const linkBound = { perStreamBytesPerSecond: Infinity, setupSeconds: 0 };
const within = (value: number, expected: number, share = 0.3) => {
  expect(value).toBeGreaterThanOrEqual(expected * (1 - share));
  expect(value).toBeLessThanOrEqual(expected * (1 + share));
};

describe('pre-copy model', () => {
  it('matches the 10 GbE anchor: 16 GiB at 200 MB/s converges in ≈18 s with ≈0.1 s blackout', () => {
    const r = simulateOption('TCPIP', anchor, linkBound);
    expect(r.converges).toBe(true);
    expect(r.rounds).toBe(3);
    within(r.totalSeconds, 18);
    within(r.downtimeSeconds, 0.1);
  });

  it('matches the 1 GbE anchor: does not converge, blackout near 19 s, total near 344 s', () => {
    const r = simulateOption('TCPIP', { ...anchor, linkGbps: 1 }, linkBound);
    expect(r.converges).toBe(false);
    expect(r.rounds).toBe(MODEL_DEFAULTS.maxRounds);
    within(r.downtimeSeconds, 19);
    within(r.totalSeconds, 344);
    expect(r.why).toMatch(/ρ = 1\.78/);
  });

  it('matches the 25 GbE row (≈7 s) and the 10 GbE / 1.5 GB/s row (no convergence, ≈34 s)', () => {
    within(simulateOption('TCPIP', { ...anchor, linkGbps: 25 }, linkBound).totalSeconds, 7);
    const hot = simulateOption('TCPIP', { ...anchor, dirtyBytesPerSecond: 1500 * MB }, linkBound);
    expect(hot.converges).toBe(false);
    within(hot.totalSeconds, 34);
    within(hot.downtimeSeconds, 1.9);
  });

  it('is monotonic in memory: more memory never takes less time', () => {
    for (const option of ['TCPIP', 'Compression', 'SMB'] as const) {
      let last = 0;
      for (const gib of [1, 2, 4, 8, 16, 32, 64, 128]) {
        const t = simulateOption(option, { ...anchor, memoryBytes: gib * GIB }).totalSeconds;
        expect(t).toBeGreaterThanOrEqual(last);
        last = t;
      }
    }
  });

  it('is monotonic in link speed: a faster link never takes longer', () => {
    for (const option of ['TCPIP', 'Compression', 'SMB'] as const) {
      let last = Infinity;
      for (const gbps of [0.5, 1, 2.5, 5, 10, 25, 40, 100]) {
        const t = simulateOption(option, { ...anchor, linkGbps: gbps }).totalSeconds;
        expect(t).toBeLessThanOrEqual(last);
        last = t;
      }
    }
  });

  it('never converges when the dirty rate reaches the bandwidth, even with a tiny working set', () => {
    const B = effectiveBandwidth('TCPIP', anchor);
    for (const factor of [1, 1.01, 2, 10]) {
      const r = simulateOption('TCPIP', { ...anchor, dirtyBytesPerSecond: B * factor }, { writableWorkingSetBytes: 1e6 });
      expect(r.converges).toBe(false);
    }
    expect(simulateOption('TCPIP', { ...anchor, dirtyBytesPerSecond: B * 0.5 }).converges).toBe(true);
  });

  it('models the options: one TCP stream capped, compression capped by idle CPU, SMB sums links and channels, RDMA uncapped', () => {
    const link = (10e9 / 8) * 0.9;
    const stream = MODEL_DEFAULTS.perStreamBytesPerSecond;
    expect(effectiveBandwidth('TCPIP', anchor)).toBe(stream);
    expect(effectiveBandwidth('TCPIP', { ...anchor, linkGbps: 1 })).toBeCloseTo(0.9 * 1e9 / 8);
    expect(effectiveBandwidth('Compression', { ...anchor, linkGbps: 1 })).toBeCloseTo(2 * 0.9 * 1e9 / 8);
    expect(effectiveBandwidth('Compression', anchor)).toBeCloseTo(2 * stream);
    expect(effectiveBandwidth('Compression', { ...anchor, linkGbps: 25 }, { ...MODEL_DEFAULTS, compressionRatio: 4 })).toBeCloseTo(4 * 250e6);
    expect(effectiveBandwidth('SMB', { ...anchor, links: 2 })).toBeCloseTo(2 * link);
    expect(effectiveBandwidth('SMB', { ...anchor, links: 2, rdma: true })).toBeGreaterThan(2 * link);
    expect(effectiveBandwidth('SMB', { ...anchor, linkGbps: 100, links: 8, rdma: true })).toBe(MODEL_DEFAULTS.memoryBandwidthBytesPerSecond);
    expect(effectiveBandwidth('SMB', { ...anchor, linkGbps: 100 })).toBe(4 * stream);
  });

  it('concurrent moves add up until the link is full, then share it (no even B/k split below the link)', () => {
    const stream = MODEL_DEFAULTS.perStreamBytesPerSecond;
    expect(effectiveBandwidth('TCPIP', { ...anchor, concurrent: 2 })).toBe(stream);
    expect(effectiveBandwidth('TCPIP', { ...anchor, concurrent: 4 })).toBeCloseTo((10e9 / 8) * 0.9 / 4);
    expect(simulateOption('TCPIP', { ...anchor, concurrent: 2 }).totalSeconds).toBe(simulateOption('TCPIP', anchor).totalSeconds);
    expect(simulateOption('TCPIP', { ...anchor, concurrent: 4 }).totalSeconds).toBeGreaterThan(simulateOption('TCPIP', anchor).totalSeconds);
    expect(effectiveBandwidth('TCPIP', { ...anchor, linkGbps: 1, concurrent: 2 })).toBeCloseTo(0.9 * 1e9 / 8 / 2);
  });

  it('says which compression ratio it assumed', () => {
    expect(simulateOption('Compression', anchor).compressionRatio).toBe(2);
    expect(simulateOption('Compression', anchor, { compressionRatio: 3 }).compressionRatio).toBe(3);
    expect(simulateOption('TCPIP', anchor).compressionRatio).toBeUndefined();
  });

  it('takes overrides and stops at the data cap', () => {
    const capped = simulateOption('TCPIP', { ...anchor, linkGbps: 1 }, { dataCapFactor: 1.5 });
    expect(capped.converges).toBe(false);
    expect(capped.why).toMatch(/data cap/);
    expect(capped.rounds).toBeLessThan(MODEL_DEFAULTS.maxRounds);
    expect(simulateOption('TCPIP', anchor, { ...linkBound, stopCopyThresholdBytes: 1e9 }).rounds).toBeLessThan(3);
  });

  it('answers a zero link without NaN or Infinity, and every result fits the contract', () => {
    const zero = simulateOption('TCPIP', { ...anchor, linkGbps: 0 });
    expect(zero.converges).toBe(false);
    for (const r of [...runModel(anchor), zero, ...runModel({ ...anchor, dirtyBytesPerSecond: 0 })]) {
      expect(ModelResultSchema.safeParse(r).success).toBe(true);
      expect(Number.isFinite(r.totalSeconds)).toBe(true);
    }
    expect(runModel(anchor).map((r) => r.option)).toEqual(['TCPIP', 'Compression', 'SMB']);
  });
});

describe('shared-nothing moves: storage copy, then memory', () => {
  it('copies the disks first over SMB (channels per link), and adds that time before the memory rounds', () => {
    const vmOnly = simulateOption('TCPIP', anchor);
    const withDisks = simulateOption('TCPIP', { ...anchor, storageBytes: 100 * GIB });
    const smbWire = Math.min(4 * MODEL_DEFAULTS.perStreamBytesPerSecond, 0.9 * 10e9 / 8);
    expect(withDisks.storageSeconds).toBeCloseTo((100 * GIB) / smbWire, 6);
    expect(withDisks.totalSeconds).toBeCloseTo(vmOnly.totalSeconds + withDisks.storageSeconds!, 6);
    // The blackout is the memory's: the storage copy runs while the VM runs.
    expect(withDisks.downtimeSeconds).toBeCloseTo(vmOnly.downtimeSeconds, 9);
    expect(vmOnly.storageSeconds).toBeUndefined();
  });

  it('RDMA on both ends speeds the storage copy; more concurrent moves slow it once the link is full', () => {
    const plain = simulateOption('TCPIP', { ...anchor, storageBytes: 100 * GIB, linkGbps: 25 }).storageSeconds!;
    expect(simulateOption('TCPIP', { ...anchor, storageBytes: 100 * GIB, linkGbps: 25, rdma: true }).storageSeconds!).toBeLessThan(plain);
    expect(simulateOption('TCPIP', { ...anchor, storageBytes: 100 * GIB, linkGbps: 25, concurrent: 4 }).storageSeconds!).toBeGreaterThan(plain);
  });
});
