/**
 * The one-click "Recommended" settings for a source/destination pair: policy in core, so the
 * window (Configure's Recommended button) and the CLI (`ferry plan --recommended`) recommend the
 * same. Reasons are codes (`recommend.*`) + params; the renderer localizes them.
 *
 * Rules (Microsoft guidance in shared/reference): Kerberos with constrained delegation both ways;
 * restrict migration to the hosts' dedicated network when both have one (otherwise any network);
 * Compression below 10 Gb/s, SMB when the path is 10 Gb/s or faster and RDMA-capable on both sides.
 */
import type { DesiredSettings, HostFacts, MigrationLink, MigrationNetwork } from '../model';

export interface Recommendation {
  readonly desired: DesiredSettings;
  readonly delegation: { readonly enabled: boolean; readonly bothDirections: boolean };
  /** i18n keys (with values) explaining each choice. */
  readonly reasons: readonly { readonly key: string; readonly values?: Record<string, string | number> }[];
}

const SMB_THRESHOLD_GBPS = 10;

const MANAGEMENT = /manag|mgmt|admin/i;
const MIGRATION = /migrat|live|\blm\b|vmotion/i;

interface CommonLink {
  readonly subnet: string;
  readonly name: string;
  readonly speedGbps: number;
  readonly rdma: boolean;
}

/** Subnets both hosts have a link on; speed and RDMA are the weaker side's. */
export function commonLinks(a: readonly MigrationLink[], b: readonly MigrationLink[]): CommonLink[] {
  const out: CommonLink[] = [];
  for (const la of a) {
    const lb = b.find((x) => x.subnet === la.subnet);
    if (!lb || out.some((c) => c.subnet === la.subnet)) continue;
    out.push({
      subnet: la.subnet,
      name: `${la.name} ${lb.name}`,
      speedGbps: Math.min(la.linkSpeedGbps, lb.linkSpeedGbps),
      rdma: la.rdma && lb.rdma,
    });
  }
  return out;
}

/**
 * A dedicated migration network: a shared subnet named for migration, or — when the hosts share
 * more than one subnet — the shared ones that are not the management network.
 */
export function dedicatedLinks(common: readonly CommonLink[]): CommonLink[] {
  const named = common.filter((c) => MIGRATION.test(c.name) && !MANAGEMENT.test(c.name));
  if (named.length > 0) return named;
  if (common.length < 2) return [];
  const nonMgmt = common.filter((c) => !MANAGEMENT.test(c.name));
  return nonMgmt.length > 0 && nonMgmt.length < common.length ? nonMgmt : [];
}

/** The priority both hosts already give a subnet, when they agree. */
function sharedPriority(a: HostFacts | undefined, b: HostFacts | undefined, subnet: string): number | undefined {
  const priority = (f: HostFacts | undefined) => f?.settings?.migrationNetworks.find((n) => n.subnet === subnet)?.priority;
  const pa = priority(a);
  return pa !== undefined && pa === priority(b) ? pa : undefined;
}

export function recommend(source: HostFacts | undefined, destination: HostFacts | undefined): Recommendation {
  const reasons: { key: string; values?: Record<string, string | number> }[] = [
    { key: 'recommend.kerberos' },
  ];
  const common = commonLinks(source?.links ?? [], destination?.links ?? []);
  const dedicated = dedicatedLinks(common).sort((x, y) => y.speedGbps - x.speedGbps);

  let networks: DesiredSettings['networks'];
  let path: readonly CommonLink[];
  if (dedicated.length > 0) {
    // Hyper-V prefers the lowest priority number, so the fastest dedicated link gets 1 — unless
    // both hosts already list the subnet with one priority: keeping it avoids a needless change.
    networks = dedicated.map((c, i): MigrationNetwork => ({ subnet: c.subnet, priority: sharedPriority(source, destination, c.subnet) ?? i + 1 }));
    path = dedicated;
    reasons.push({ key: 'recommend.dedicated', values: { subnets: dedicated.map((d) => d.subnet).join(', ') } });
  } else {
    networks = 'any';
    path = common;
    reasons.push({ key: 'recommend.noDedicated' });
  }

  const best = path.reduce<CommonLink | undefined>((m, c) => (!m || c.speedGbps > m.speedGbps ? c : m), undefined);
  let performance: DesiredSettings['virtualMachineMigrationPerformanceOption'] = 'Compression';
  if (!best) {
    reasons.push({ key: 'recommend.speedUnknown' });
  } else if (best.speedGbps >= SMB_THRESHOLD_GBPS && best.rdma) {
    performance = 'SMB';
    reasons.push({ key: 'recommend.smb', values: { gbps: best.speedGbps } });
  } else if (best.speedGbps >= SMB_THRESHOLD_GBPS) {
    reasons.push({ key: 'recommend.fastNoRdma', values: { gbps: best.speedGbps } });
  } else {
    reasons.push({ key: 'recommend.compression', values: { gbps: best.speedGbps } });
  }

  const current = (f: HostFacts | undefined, k: 'maximumVirtualMachineMigrations' | 'maximumStorageMigrations') =>
    f?.settings?.[k] ?? 2;
  const clamp = (n: number) => Math.min(64, Math.max(1, n));
  return {
    desired: {
      virtualMachineMigrationEnabled: true,
      // Keep what the admin already chose; Hyper-V's default of 2 otherwise.
      maximumVirtualMachineMigrations: clamp(Math.max(current(source, 'maximumVirtualMachineMigrations'), current(destination, 'maximumVirtualMachineMigrations'))),
      maximumStorageMigrations: clamp(Math.max(current(source, 'maximumStorageMigrations'), current(destination, 'maximumStorageMigrations'))),
      virtualMachineMigrationAuthenticationType: 'Kerberos',
      virtualMachineMigrationPerformanceOption: performance,
      networks,
    },
    delegation: { enabled: true, bothDirections: true },
    reasons,
  };
}
