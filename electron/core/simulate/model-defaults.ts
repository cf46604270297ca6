/**
 * Every assumption of the pre-copy model, with its source, in one overridable object.
 *
 * Sources (see ../shared/reference/field-notes.md §5): [V] verified, [S] secondary, [I] our
 * inference. FINN is Aidan Finn, "Windows Server 2012 Hyper-V Concurrent Live Migration & NIC
 * Teaming Speed Comparisons" (aidanfinn.com/?p=12228): idle 512 MiB VMs, up to 20 at once; 1 GbE
 * 1/10/20 VMs in 7/40/80 s at ≈122 MB/s peak, 10 GbE in 5/13/21 s, one VM peaking at 338 MB/s
 * (test/unit/simulate/published-figures.test.ts reproduces them). Units: bytes, bytes per second, seconds. Callers override any field with
 * `{ ...MODEL_DEFAULTS, field: value }` or by passing a partial to `runModel`.
 */
export interface ModelAssumptions {
  /**
   * η: share of the raw link speed TCP/IP delivers once the link is full. [I] field notes §5.2
   * "η ≈ 0.9"; Aidan Finn's WS2012 1 GbE runs peaked at 119.5–122.8 MB/s (0.96–0.98 of line
   * rate, FINN below), so 0.9 errs on the slow side.
   */
  readonly tcpEfficiency: number;
  /**
   * s: wire bytes per second ONE migration's TCP stream carries: it is CPU-bound well below
   * 10 GbE, so one move cannot fill a fast link and concurrent moves add up until the link is
   * full. [S] FINN: one VM over 1 × 10 GbE peaked at 338,530,495 bytes/s.
   */
  readonly perStreamBytesPerSecond: number;
  /**
   * TCP connections SMB Multichannel opens per RSS-capable interface, each a stream of its own.
   * [V] `Get-SmbClientConfiguration` ConnectionCountPerRssNetworkInterface, default 4 (PSDOCS
   * Set-SmbClientConfiguration). SMB Direct (RDMA) is offloaded and not stream-capped.
   */
  readonly smbChannelsPerLink: number;
  /**
   * c: memory-to-wire compression ratio, a visible default (`ferry simulate --compression-ratio`,
   * `ModelResult.compressionRatio`): it depends on the guest's memory (zero and duplicate pages
   * compress well). [S] "halves the time" (Aidan Finn; TechTarget 2013), so c = 2.
   */
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
  /**
   * n_max: pre-copy passes before Hyper-V suspends the VM and copies the rest. [S] Directions on
   * Microsoft, "Live Migration Switch Over" (2009, updated 2020): "until it has made 10 passes …
   * If the copy cannot be completed in 10 iterations, Hyper-V suspends the VM". No later source
   * gives another number for Windows Server 2012 R2 and newer; the first full copy counts as a pass.
   */
  readonly maxRounds: number;
  /** F: never send more than F × memory. [V] Xen `DEF_MAX_FACTOR 3` (xc_domain_save.c). */
  readonly dataCapFactor: number;
  /** W: writable working set, the most a VM can re-dirty in one round. [I] field notes §5.2 worked examples: 2 GiB. */
  readonly writableWorkingSetBytes: number;
  /**
   * T_setup: connection, configuration transfer and planned-VM creation before the first pass,
   * and the switch-over after it. [I] fitted to FINN: one idle 512 MiB VM took 5 s over 10 GbE,
   * of which 1.6 s is the copy at 338 MB/s.
   */
  readonly setupSeconds: number;
  /**
   * Preparation of one move that the source does one move after another (a batch of k moves
   * needs at least k × this before its last copy starts). [I] fitted to FINN's 10 GbE series:
   * 1, 10, 20 VMs took 5, 13, 21 s, ≈0.85 s per extra VM while the link was not full.
   */
  readonly serialSetupSecondsPerMove: number;
  /** T_resume: CPU/device state transfer and resume on the destination, part of the blackout. [I] 30 ms. */
  readonly resumeSeconds: number;
  /** Dirty rate assumed when the facts carry none (no perf counter read). [I] "medium" profile = the anchor's 200 MB/s. */
  readonly defaultDirtyBytesPerSecond: number;
  /** Link speed assumed when no migration link was read. [I] 10 GbE, the common server NIC. */
  readonly defaultLinkGbps: number;
}

export const MODEL_DEFAULTS: ModelAssumptions = {
  tcpEfficiency: 0.9,
  perStreamBytesPerSecond: 338e6,
  smbChannelsPerLink: 4,
  compressionRatio: 2,
  compressionBytesPerSecondPerCore: 250e6,
  compressionIdleCores: 4,
  rdmaEfficiency: 0.95,
  memoryBandwidthBytesPerSecond: (3 * 56e9) / 8,
  stopCopyThresholdBytes: 100e6,
  maxRounds: 10,
  dataCapFactor: 3,
  writableWorkingSetBytes: 2 * 1024 ** 3,
  setupSeconds: 2.25,
  serialSetupSecondsPerMove: 0.85,
  resumeSeconds: 0.03,
  defaultDirtyBytesPerSecond: 200e6,
  defaultLinkGbps: 10,
};

/** Unit helpers: the CLI flag names carry these units (GiB, MB/s, Gbit/s). */
export const GIB = 1024 ** 3;
export const MB = 1e6;
export const gbpsToBytesPerSecond = (gbps: number): number => (gbps * 1e9) / 8;
