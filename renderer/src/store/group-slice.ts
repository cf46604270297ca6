/**
 * A group of hosts as the unit of work in the window: which hosts are ticked (click, shift-click
 * range, all matching the filter), named groups saved in the app's settings, the group's desired
 * column with host-specific incoming networks and the delegation topology, its plan, and its
 * readiness matrix with one cell's findings on request. A pair stays the pair picker's job.
 */
import type { DelegationTopology, GroupIssue } from '../../../electron/core/group';
import { groupIssue, validateGroupHosts } from '../../../electron/core/group';
import type { RequestOf } from '../../../electron/core/contract/channels';
import type { DesiredSettings, GroupTestSummary, Plan, SavedGroup, TestReport } from '../../../electron/core/model';
import { ask, toUiError } from './ask';
import { desiredFromCurrent } from './configure-slice';
import { factsFor } from './discovery-slice';
import { pickHost, setAll } from './group-selection';
import { recommendGroup } from '../../../electron/core/settings/recommend-group';
import type { SliceFactory } from './types';

export type Scope = 'pair' | 'group';
export type NetworkMode = 'shared' | 'perHost';

export interface GroupSlice {
  /** What Configure and Test work on: the chosen pair or the ticked group. */
  readonly scope: Scope;
  readonly groupAnchor: string | null;
  readonly savedGroups: readonly SavedGroup[];
  readonly networkMode: NetworkMode;
  /** Host-specific incoming networks as typed ("10.0.1.0/24, 10.0.2.0/24"), by upper-cased name. */
  readonly hostNetworks: Readonly<Record<string, string>>;
  readonly topology: DelegationTopology['kind'];
  readonly hubs: readonly string[];
  readonly matrix: GroupTestSummary | null;
  /** The matrix cell whose findings are open. */
  readonly cell: { readonly source: string; readonly destination: string } | null;
  readonly cellReport: TestReport | null;
  /** A click (shift = range in the list's order `ordered`) on a host's group checkbox. */
  pickInGroup(name: string, ordered: readonly string[], shift: boolean): void;
  /** Ticks every host in `names` (the rows the filter shows), or unticks them when all already are. */
  toggleAllInGroup(names: readonly string[]): void;
  clearGroup(): void;
  loadGroups(): Promise<void>;
  saveGroup(name: string): Promise<boolean>;
  deleteGroup(name: string): Promise<void>;
  openGroup(name: string): void;
  /** Configure (and then Test) the ticked group; reads the hosts not read yet. */
  configureGroup(): void;
  /** Configure (and then Test) the chosen pair, as before groups. */
  configurePair(): void;
  startGroupFromCurrent(): void;
  applyGroupRecommended(): void;
  setNetworkMode(mode: NetworkMode): void;
  setHostNetwork(host: string, text: string): void;
  setTopology(topology: DelegationTopology['kind']): void;
  toggleHub(host: string): void;
  createGroupPlan(): Promise<Plan | undefined>;
  runGroupTest(): Promise<GroupTestSummary | undefined>;
  openCell(source: string, destination: string): Promise<TestReport | undefined>;
  closeCell(): void;
}

/** "10.0.10.0/24, 10.0.20.0/24" → priorities by order (1 = preferred). */
export function parseNetworks(text: string): { subnet: string; priority: number }[] {
  return text
    .split(/[\s,;]+/)
    .filter((s) => s.length > 0)
    .map((subnet, i) => ({ subnet, priority: i + 1 }));
}

export function networksText(networks: DesiredSettings['networks']): string {
  return networks === 'any' ? '' : networks.map((n) => n.subnet).join(', ');
}

type GroupPlanInput = Pick<GroupSlice, 'networkMode' | 'hostNetworks' | 'topology' | 'hubs'> & {
  readonly group: readonly string[];
  readonly desired: DesiredSettings | null;
  readonly delegation: { readonly enabled: boolean };
};

/** The host-specific networks that differ from the shared column (perHost mode only), by upper-cased name. */
export function hostNetworkOverrides(s: Pick<GroupPlanInput, 'group' | 'networkMode' | 'hostNetworks'>): Record<string, DesiredSettings['networks']> {
  if (s.networkMode !== 'perHost') return {};
  const out: Record<string, DesiredSettings['networks']> = {};
  for (const h of s.group) {
    const list = parseNetworks(s.hostNetworks[h.toUpperCase()] ?? '');
    if (list.length > 0) out[h.toUpperCase()] = list;
  }
  return out;
}

/**
 * The `plan:create` request for the group, or what stops it: the field (named as the request
 * names it) and a code + params the error list says in the reader's language, as the gate's.
 */
export function groupPlanRequest(s: GroupPlanInput): RequestOf<'plan:create'> | GroupIssue {
  const issue = validateGroupHosts(s.group)[0];
  if (issue) return issue;
  if (!s.desired) return groupIssue('desired', 'choose-settings');
  const hubs = s.hubs.filter((h) => s.group.some((g) => g.toUpperCase() === h.toUpperCase()));
  if (s.delegation.enabled && s.topology === 'hub' && hubs.length === 0) return groupIssue('delegation.hubs', 'no-hubs');
  const overrides = hostNetworkOverrides(s);
  const perHost = s.group.filter((h) => overrides[h.toUpperCase()] !== undefined).map((h) => ({ host: h, settings: { networks: overrides[h.toUpperCase()] ?? 'any' } }));
  return {
    hosts: [...s.group],
    desired: s.desired,
    ...(perHost.length > 0 ? { perHost } : {}),
    delegation: { enabled: s.delegation.enabled, topology: s.topology, ...(s.topology === 'hub' ? { hubs } : {}) },
  };
}

export const createGroupSlice: SliceFactory<GroupSlice> = (api) => (set, get) => {
  // A new group (other hosts) makes the plan, the matrix and any open cell stale.
  const stale = { plan: null, matrix: null, cell: null, cellReport: null } as const;
  return {
    scope: 'pair',
    groupAnchor: null,
    savedGroups: [],
    networkMode: 'shared',
    hostNetworks: {},
    topology: 'mesh',
    hubs: [],
    matrix: null,
    cell: null,
    cellReport: null,
    pickInGroup(name, ordered, shift) {
      const next = pickHost({ group: get().group, anchor: get().groupAnchor }, name, ordered, shift);
      set({ group: next.group, groupAnchor: next.anchor, ...stale });
    },
    toggleAllInGroup(names) {
      const have = new Set(get().group.map((g) => g.toUpperCase()));
      const all = names.length > 0 && names.every((n) => have.has(n.toUpperCase()));
      set({ group: setAll(get().group, names, !all), ...stale });
    },
    clearGroup() {
      set({ group: [], groupAnchor: null, ...stale });
    },
    async loadGroups() {
      const r = await ask(set, get, 'groups', () => api.listGroups({}));
      if (r) set({ savedGroups: r.groups });
    },
    async saveGroup(name) {
      const r = await ask(set, get, 'groups', () => api.saveGroup({ name: name.trim(), hosts: [...get().group] }));
      if (r) set({ savedGroups: r.groups });
      return r !== undefined;
    },
    async deleteGroup(name) {
      const r = await ask(set, get, 'groups', () => api.deleteGroup({ name }));
      if (r) set({ savedGroups: r.groups });
    },
    openGroup(name) {
      const g = get().savedGroups.find((x) => x.name === name);
      if (!g) return;
      set({ group: [...g.hosts], groupAnchor: null, ...stale });
      void get().ensureFacts(g.hosts);
    },
    configureGroup() {
      const { group } = get();
      if (group.length < 2) return;
      set({ scope: 'group', workspace: 'configure', desired: null, reasons: [], ...stale });
      void get().ensureFacts(group);
    },
    configurePair() {
      // The group's desired column is not the pair's: start the pair from its own hosts.
      set((s) => (s.scope === 'pair' ? { workspace: 'configure' } : { scope: 'pair', workspace: 'configure', desired: null, reasons: [], plan: null }));
    },
    startGroupFromCurrent() {
      const s = get();
      const first = s.group.map((h) => factsFor(s.facts, h)?.settings).find((x) => x !== undefined);
      if (!first) return;
      set({ desired: desiredFromCurrent(first), reasons: [], plan: null });
    },
    applyGroupRecommended() {
      const s = get();
      const r = recommendGroup(s.group.map((h) => factsFor(s.facts, h)));
      set({ desired: r.desired, delegation: { ...s.delegation, enabled: r.delegation.enabled }, topology: 'mesh', reasons: r.reasons, plan: null });
    },
    setNetworkMode(networkMode) {
      const s = get();
      // Switching to per host starts every host from the shared column, so nothing changes unseen.
      const shared = networksText(s.desired?.networks ?? 'any');
      const hostNetworks = networkMode === 'perHost' ? Object.fromEntries(s.group.map((h) => [h.toUpperCase(), s.hostNetworks[h.toUpperCase()] ?? shared])) : s.hostNetworks;
      set({ networkMode, hostNetworks, plan: null });
    },
    setHostNetwork(host, text) {
      set((s) => ({ hostNetworks: { ...s.hostNetworks, [host.toUpperCase()]: text }, plan: null }));
    },
    setTopology(topology) {
      set({ topology, plan: null, matrix: null });
    },
    toggleHub(host) {
      set((s) => ({ hubs: s.hubs.includes(host) ? s.hubs.filter((h) => h !== host) : [...s.hubs, host], plan: null, matrix: null }));
    },
    async createGroupPlan() {
      const request = groupPlanRequest(get());
      if ('field' in request) {
        set((s) => ({ errors: [...s.errors.filter((e) => e.op !== 'plan'), toUiError('plan', { code: 'invalid-input', ...request })] }));
        return undefined;
      }
      const plan = await ask(set, get, 'plan', () => api.createPlan(request));
      if (plan) set({ plan, apply: null, progress: {} });
      return plan;
    },
    async runGroupTest() {
      const { group, topology, hubs } = get();
      if (group.length < 2) return undefined;
      const request: RequestOf<'test:group'> = topology === 'hub' && hubs.length > 0 ? { hosts: [...group], topology, hubs: [...hubs] } : { hosts: [...group] };
      const matrix = await ask(set, get, 'test', () => api.runGroupTest(request));
      if (matrix) set({ matrix, cell: null, cellReport: null });
      return matrix;
    },
    async openCell(source, destination) {
      set({ cell: { source, destination }, cellReport: null });
      const report = await ask(set, get, 'cell', () => api.pairReport({ source, destination }));
      const open = get().cell;
      if (report && open?.source === source && open.destination === destination) set({ cellReport: report });
      return report;
    },
    closeCell() {
      set({ cell: null, cellReport: null });
    },
  };
};
