/**
 * Every assumption of the pre-copy model, with its source, in one overridable object.
 *
 * Sources (see ../shared/reference/field-notes.md §5): [V] verified, [S] secondary, [I] our
 * inference. Units: bytes, bytes per second, seconds. Callers override any field with
 * `{ ...MODEL_DEFAULTS, field: value }` or by passing a partial to `runModel`.
 */
export interface ModelAssumptions {
  /** η: share of the raw link speed TCP/IP delivers to the migration stream. [I] field notes §5.2 "η ≈ 0.9". */
  readonly tcpEfficiency: number;
  /** c: memory-to-wire compression ratio. [S] "halves the time" (Aidan Finn; TechTarget 2013), so c = 2. */
  readonly compressionRatio: number;
  /** Compression throughput of one idle logical processor, bytes of memory per second. [I] typical LZ-class speed. */
  readonly compressionBytesPerSecondPerCore: number;
  /** Idle logical processors Hyper-V may use for compression (it uses only spare CPU). [V] Ben Armstrong 2013; count [I]. */
  readonly compressionIdleCores: number;
  /** Share of each link SMB Direct (RDMA) delivers. [S] "practically zero CPU overhead"; 1 → 3 NICs scaled linearly. */
  readonly rdmaEfficiency: number;
  /** Host memory bandwidth that caps SMB Direct across many NICs. [S] 4sysops: a 4th 56 Gb/s NIC added nothing (DDR3), ≈ 3 × 56 Gb/s. */
  readonly memoryBandwidthBytesPerSecond: number;
  /** V_th: remaining dirty data at which the VM is paused for stop-and-copy. [I] field notes §5.2 worked examples: 100 MB. */
  readonly stopCopyThresholdBytes: number;
  /** n_max: pre-copy rounds before a forced stop-and-copy. [S/U] Directions on Microsoft: Hyper-V stops after 10 passes. */
  readonly maxRounds: number;
  /** F: never send more than F × memory. [V] Xen `DEF_MAX_FACTOR 3` (xc_domain_save.c). */
  readonly dataCapFactor: number;
  /** W: writable working set, the most a VM can re-dirty in one round. [I] field notes §5.2 worked examples: 2 GiB. */
  readonly writableWorkingSetBytes: number;
  /** T_setup: connection and planned-VM creation before the first round. [I] 0 so the anchors match the published table. */
  readonly setupSeconds: number;
  /** T_resume: CPU/device state transfer and resume on the destination, part of the blackout. [I] 30 ms. */
  readonly resumeSeconds: number;
  /** Dirty rate assumed when the facts carry none (no perf counter read). [I] "medium" profile = the anchor's 200 MB/s. */
  readonly defaultDirtyBytesPerSecond: number;
  /** Link speed assumed when no migration link was read. [I] 10 GbE, the common server NIC. */
  readonly defaultLinkGbps: number;
}

export const MODEL_DEFAULTS: ModelAssumptions = {
  tcpEfficiency: 0.9,
  compressionRatio: 2,
  compressionBytesPerSecondPerCore: 250e6,
  compressionIdleCores: 4,
  rdmaEfficiency: 0.95,
  memoryBandwidthBytesPerSecond: (3 * 56e9) / 8,
  stopCopyThresholdBytes: 100e6,
  maxRounds: 10,
  dataCapFactor: 3,
  writableWorkingSetBytes: 2 * 1024 ** 3,
  setupSeconds: 0,
  resumeSeconds: 0.03,
  defaultDirtyBytesPerSecond: 200e6,
  defaultLinkGbps: 10,
};

/** Unit helpers: the CLI flag names carry these units (GiB, MB/s, Gbit/s). */
export const GIB = 1024 ** 3;
export const MB = 1e6;
export const gbpsToBytesPerSecond = (gbps: number): number => (gbps * 1e9) / 8;
