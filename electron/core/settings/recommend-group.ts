/**
 * "Recommended" for a group: the pair rules (recommend.ts) applied to what every host has in
 * common — the subnets all hosts have a link on (speed and RDMA of the weakest), the priority
 * all hosts agree on, the largest simultaneous-migration counts — with a full mesh of delegation.
 * Configure's Recommended for a group and `ferry plan --recommended --hosts …` both use it.
 */
import type { HostFacts, MigrationLink } from '../model';
import { commonLinks, recommend, type Recommendation } from './recommend';

/** What every host of the group has, as one host's facts (the pair rules read nothing else). */
function commonFacts(group: readonly HostFacts[]): HostFacts | undefined {
  const [first, ...rest] = group;
  if (!first) return undefined;
  let links: readonly MigrationLink[] = first.links ?? [];
  for (const f of rest) {
    links = commonLinks(links, f.links ?? []).map((c) => ({ name: c.name, subnet: c.subnet, linkSpeedGbps: c.speedGbps, rdma: c.rdma }));
  }
  const max = (k: 'maximumVirtualMachineMigrations' | 'maximumStorageMigrations') => Math.max(...group.map((f) => f.settings?.[k] ?? 2));
  const agreed = (first.settings?.migrationNetworks ?? []).filter((n) =>
    rest.every((f) => f.settings?.migrationNetworks.some((m) => m.subnet === n.subnet && m.priority === n.priority) === true),
  );
  return {
    ...first,
    links: [...links],
    ...(first.settings
      ? { settings: { ...first.settings, maximumVirtualMachineMigrations: max('maximumVirtualMachineMigrations'), maximumStorageMigrations: max('maximumStorageMigrations'), migrationNetworks: agreed } }
      : {}),
  };
}

/** The pair's reasons that speak of "both hosts", said of the whole group. */
const GROUP_REASONS: Readonly<Record<string, string>> = {
  'recommend.dedicated': 'group.recommend.dedicated',
  'recommend.noDedicated': 'group.recommend.noDedicated',
  'recommend.smb': 'group.recommend.smb',
  'recommend.fastNoRdma': 'group.recommend.fastNoRdma',
};

export function recommendGroup(group: readonly (HostFacts | undefined)[]): Recommendation {
  const common = commonFacts(group.filter((f): f is HostFacts => f !== undefined));
  const r = recommend(common, common);
  return { ...r, reasons: r.reasons.map((x) => ({ ...x, key: GROUP_REASONS[x.key] ?? x.key })) };
}
