/** Discover: directory connection, the host list, typed-in hosts, and the chosen pair. */
import type { RequestOf, ResponseOf } from '../../../electron/core/contract/channels';
import type { DiscoveredHost, HostFacts } from '../../../electron/core/model';
import { ask } from './ask';
import { DEFAULT_FILTER, DEFAULT_SORT, parseHostNames, typedNameProblem, type HostFilter, type SortSpec } from './host-list';
import type { SliceFactory } from './types';

export interface AddResult {
  readonly name: string;
  /** i18n key of the validation/resolution problem, or null when added. */
  readonly problemKey: string | null;
  /** The problem's i18n params (besides `name`). */
  readonly problemParams?: Readonly<Record<string, string | number>>;
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
  /** Reads (or re-reads) host facts; calls queue behind one another so none supersedes another. */
  readFacts(names: readonly string[]): Promise<void>;
  /** Reads facts only for hosts never read or asked before: visible rows, the chosen pair. */
  ensureFacts(names: readonly string[]): Promise<void>;
  /**
   * Cancel for reads: drops the queued batches and stops the batch in flight in the main process
   * (its PowerShell calls too). The hosts not read count as never asked, so they are read again
   * when they are next on screen or chosen.
   */
  stopReads(): void;
  addHosts(text: string): Promise<void>;
  setQuery(query: string): void;
  setFilter(filter: Partial<HostFilter>): void;
  setSort(key: SortSpec['key']): void;
  setSource(name: string | null): void;
  setDestination(name: string | null): void;
  toggleGroup(name: string): void;
}

const READ_BATCH = 50; // well under the contract's 500; each host costs a remote read
/**
 * Directories up to this size get every host read right after discovery; larger ones only get
 * the rows on screen and the chosen pair read, so 5,000 hosts never fan out to 5,000 reads.
 */
export const AUTO_READ_LIMIT = 50;

export function factsFor(facts: Readonly<Record<string, HostFacts>>, name: string | null): HostFacts | undefined {
  return name ? facts[name.toUpperCase()] : undefined;
}

export const createDiscoverySlice: SliceFactory<DiscoverySlice> = (api) => (set, get) => {
  // One read queue per store: names wait here, one `hosts:read` runs at a time (a second
  // concurrent `ask('read')` would supersede the first and drop its answer).
  const queued = new Map<string, string>();
  const attempted = new Set<string>();
  let inFlight: readonly string[] = [];
  let draining: Promise<void> | null = null;
  const drain = async (): Promise<void> => {
    try {
      while (queued.size > 0) {
        const batch = [...queued.values()].slice(0, READ_BATCH);
        for (const n of batch) queued.delete(n.toUpperCase());
        inFlight = batch;
        const r = await ask(set, get, 'read', () => api.readHosts({ hosts: batch }));
        inFlight = [];
        if (!r) continue;
        set((s) => {
          const facts = { ...s.facts };
          for (const f of r.hosts) facts[f.computerName.toUpperCase()] = f;
          return { facts };
        });
      }
    } finally {
      draining = null;
    }
  };
  const enqueue = (names: readonly string[]): Promise<void> => {
    for (const n of names) {
      attempted.add(n.toUpperCase());
      queued.set(n.toUpperCase(), n);
    }
    if (queued.size === 0) return draining ?? Promise.resolve();
    draining ??= drain();
    return draining;
  };
  return {
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
    if (!info) return;
    attempted.clear();
    set({ directory: info, hosts: [], facts: {}, source: null, destination: null, group: [] });
  },
  async openLab(reset) {
    const lab = await ask(set, get, 'lab', () => api.openLab(reset ? { reset: true } : {}));
    if (!lab) return false;
    // A (re)opened lab holds new hosts: facts read from the previous one no longer hold.
    attempted.clear();
    set({ directory: lab.directory, labDir: lab.labDir, facts: {} });
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
    const pair = [get().source, get().destination].filter((n): n is string => n !== null);
    if (names.length > 0 && names.length <= AUTO_READ_LIMIT) await get().readFacts(names);
    else if (pair.length > 0) await get().ensureFacts(pair);
  },
  readFacts(names) {
    return enqueue(names);
  },
  ensureFacts(names) {
    const facts = get().facts;
    return enqueue(names.filter((n) => facts[n.toUpperCase()] === undefined && !attempted.has(n.toUpperCase())));
  },
  stopReads() {
    for (const n of [...queued.keys(), ...inFlight.map((name) => name.toUpperCase())]) attempted.delete(n);
    queued.clear();
    if (inFlight.length > 0) void api.cancelRead({}).catch(() => undefined);
  },
  async addHosts(text) {
    const names = parseHostNames(text);
    const invalid: AddResult[] = [];
    const valid: string[] = [];
    for (const n of names) {
      const problem = typedNameProblem(n);
      if (problem) invalid.push({ name: n, problemKey: problem.key, problemParams: problem.params });
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
    set((s) => ({ source: name, destination: s.destination === name ? null : s.destination, plan: null, report: null, desired: null, reasons: [], testVms: [] }));
    if (name) void get().ensureFacts([name]);
  },
  setDestination(name) {
    set((s) => ({ destination: name, source: s.source === name ? null : s.source, plan: null, report: null, desired: null, reasons: [] }));
    if (name) void get().ensureFacts([name]);
  },
  toggleGroup(name) {
    set((s) => ({ group: s.group.includes(name) ? s.group.filter((g) => g !== name) : [...s.group, name] }));
  },
  };
};
