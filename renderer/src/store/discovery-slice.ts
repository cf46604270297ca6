/** Discover: directory connection, the host list, typed-in hosts, and the chosen pair. */
import type { RequestOf, ResponseOf } from '../../../electron/core/contract/channels';
import type { DiscoveredHost, HostFacts } from '../../../electron/core/model';
import { ask } from './ask';
import { DEFAULT_FILTER, DEFAULT_SORT, parseHostNames, validateHostName, type HostFilter, type SortSpec } from './host-list';
import type { SliceFactory } from './types';

export interface AddResult {
  readonly name: string;
  /** i18n key of the validation/resolution problem, or null when added. */
  readonly problemKey: string | null;
  readonly detail?: string;
}

export interface DiscoverySlice {
  readonly directory: ResponseOf<'directory:connect'> | null;
  readonly labDir: string | null;
  readonly hosts: readonly DiscoveredHost[];
  /** Facts by upper-cased computer name. */
  readonly facts: Readonly<Record<string, HostFacts>>;
  readonly query: string;
  readonly filter: HostFilter;
  readonly sort: SortSpec;
  readonly source: string | null;
  readonly destination: string | null;
  /** Hosts ticked as a group (for reading settings of many at once). */
  readonly group: readonly string[];
  readonly addResults: readonly AddResult[];
  connect(request: RequestOf<'directory:connect'>): Promise<boolean>;
  disconnect(): Promise<void>;
  openLab(reset?: boolean): Promise<boolean>;
  discover(): Promise<void>;
  readFacts(names: readonly string[]): Promise<void>;
  addHosts(text: string): Promise<void>;
  setQuery(query: string): void;
  setFilter(filter: Partial<HostFilter>): void;
  setSort(key: SortSpec['key']): void;
  setSource(name: string | null): void;
  setDestination(name: string | null): void;
  toggleGroup(name: string): void;
}

const READ_BATCH = 500; // the contract's per-call limit

export function factsFor(facts: Readonly<Record<string, HostFacts>>, name: string | null): HostFacts | undefined {
  return name ? facts[name.toUpperCase()] : undefined;
}

export const createDiscoverySlice: SliceFactory<DiscoverySlice> = (api) => (set, get) => ({
  directory: null,
  labDir: null,
  hosts: [],
  facts: {},
  query: '',
  filter: DEFAULT_FILTER,
  sort: DEFAULT_SORT,
  source: null,
  destination: null,
  group: [],
  addResults: [],
  async connect(request) {
    const info = await ask(set, get, 'connect', () => api.connectDirectory(request));
    if (!info) return false;
    set({ directory: info });
    await get().discover();
    return true;
  },
  async disconnect() {
    const info = await ask(set, get, 'disconnect', () => api.disconnectDirectory({}));
    if (info) set({ directory: info, hosts: [], facts: {}, source: null, destination: null, group: [] });
  },
  async openLab(reset) {
    const lab = await ask(set, get, 'lab', () => api.openLab(reset ? { reset: true } : {}));
    if (!lab) return false;
    set({ directory: lab.directory, labDir: lab.labDir });
    await get().discover();
    return true;
  },
  async discover() {
    const r = await ask(set, get, 'discover', () => api.discoverHosts({}));
    if (!r) return;
    // Keep typed-in hosts the directory search did not return.
    const found = new Set(r.hosts.map((h) => h.account.name.toUpperCase()));
    const typed = get().hosts.filter((h) => h.source === 'typed' && !found.has(h.account.name.toUpperCase()));
    set({ hosts: [...r.hosts, ...typed] });
    const names = r.hosts.map((h) => h.account.name);
    if (names.length > 0) await get().readFacts(names);
  },
  async readFacts(names) {
    for (let i = 0; i < names.length; i += READ_BATCH) {
      const batch = names.slice(i, i + READ_BATCH);
      const r = await ask(set, get, 'read', () => api.readHosts({ hosts: batch }));
      if (!r) return;
      set((s) => {
        const facts = { ...s.facts };
        for (const f of r.hosts) facts[f.computerName.toUpperCase()] = f;
        return { facts };
      });
    }
  },
  async addHosts(text) {
    const names = parseHostNames(text);
    const invalid: AddResult[] = [];
    const valid: string[] = [];
    for (const n of names) {
      const problem = validateHostName(n);
      if (problem) invalid.push({ name: n, problemKey: `discover.add.${problem}` });
      else valid.push(n);
    }
    if (names.length === 0) invalid.push({ name: '', problemKey: 'discover.add.empty' });
    if (valid.length === 0) {
      set({ addResults: invalid });
      return;
    }
    const r = await ask(set, get, 'resolve', () => api.resolveHosts({ names: valid.slice(0, 100) }));
    if (!r) {
      set({ addResults: invalid });
      return;
    }
    const results: AddResult[] = [...invalid];
    const added: DiscoveredHost[] = [];
    for (const x of r.results) {
      if (x.host) {
        added.push({ ...x.host, source: 'typed' });
        results.push({ name: x.name, problemKey: null });
      } else {
        results.push({ name: x.name, problemKey: 'discover.add.notFound', ...(x.error ? { detail: x.error } : {}) });
      }
    }
    set((s) => {
      const have = new Set(s.hosts.map((h) => h.account.name.toUpperCase()));
      return { hosts: [...s.hosts, ...added.filter((h) => !have.has(h.account.name.toUpperCase()))], addResults: results };
    });
    if (added.length > 0) await get().readFacts(added.map((h) => h.account.name));
  },
  setQuery(query) {
    set({ query });
  },
  setFilter(filter) {
    set((s) => ({ filter: { ...s.filter, ...filter } }));
  },
  setSort(key) {
    set((s) => ({ sort: { key, descending: s.sort.key === key ? !s.sort.descending : false } }));
  },
  setSource(name) {
    set((s) => ({ source: name, destination: s.destination === name ? null : s.destination, plan: null, report: null }));
  },
  setDestination(name) {
    set((s) => ({ destination: name, source: s.source === name ? null : s.source, plan: null, report: null }));
  },
  toggleGroup(name) {
    set((s) => ({ group: s.group.includes(name) ? s.group.filter((g) => g !== name) : [...s.group, name] }));
  },
});
