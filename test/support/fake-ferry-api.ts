/**
 * A fake `window.ferry` for renderer unit tests: answers every channel from in-memory data,
 * records every call, and lets a test override one channel's answer or fire progress events.
 */
import type { EventChannel, EventOf, InvokeChannel, IpcResult, RequestOf, ResponseOf } from '../../electron/core/contract/channels';
import type { DiscoveredHost, HostFacts, ProgressEvent } from '../../electron/core/model';
import { createFerryApi, type FerryApi } from '../../electron/preload/api';

export function fakeAccount(name: string, extra: Partial<DiscoveredHost['account']> = {}): DiscoveredHost['account'] {
  return {
    name,
    dn: `CN=${name},OU=Hyper-V,DC=lab,DC=test`,
    dnsHostName: `${name.toLowerCase()}.lab.test`,
    samAccountName: `${name}$`,
    operatingSystem: 'Windows Server 2022 Datacenter',
    enabled: true,
    userAccountControl: 0x1000,
    allowedToDelegateTo: [],
    servicePrincipalNames: [],
    hasHyperVScp: true,
    ...extra,
  };
}

export function fakeFacts(name: string, extra: Partial<HostFacts> = {}): HostFacts {
  return {
    computerName: name,
    status: 'ok',
    osVersion: '10.0.20348',
    settings: {
      virtualMachineMigrationEnabled: true,
      maximumVirtualMachineMigrations: 2,
      maximumStorageMigrations: 2,
      virtualMachineMigrationAuthenticationType: 'CredSSP',
      virtualMachineMigrationPerformanceOption: 'Compression',
      useAnyNetworkForMigration: true,
      migrationNetworks: [],
    },
    links: [
      { name: 'Management', subnet: '10.0.0.0/24', linkSpeedGbps: 1, rdma: false },
      { name: 'LiveMigration', subnet: '10.0.10.0/24', linkSpeedGbps: 25, rdma: true },
    ],
    vms: [],
    ...extra,
  };
}

type Answers = { [C in InvokeChannel]?: (request: RequestOf<C>) => IpcResult<ResponseOf<C>> | Promise<IpcResult<ResponseOf<C>>> };

interface FakeFerry {
  readonly api: FerryApi;
  readonly calls: { channel: InvokeChannel; request: unknown }[];
  /** Replace the answer of one channel. */
  answer<C extends InvokeChannel>(channel: C, fn: (request: RequestOf<C>) => IpcResult<ResponseOf<C>> | Promise<IpcResult<ResponseOf<C>>>): void;
  emitProgress(event: ProgressEvent): void;
  emitMove(event: EventOf<'ferry:move'>): void;
  readonly listenerCount: () => number;
}

const ok = <T>(data: T): IpcResult<T> => ({ ok: true, data });

export function createFakeFerry(options: { hosts?: DiscoveredHost[]; facts?: HostFacts[]; locale?: string } = {}): FakeFerry {
  const hosts: DiscoveredHost[] = options.hosts ?? [
    { account: fakeAccount('HV01'), delegationState: 'none', source: 'directory' },
    { account: fakeAccount('HV02'), delegationState: 'none', source: 'directory' },
  ];
  const facts = new Map((options.facts ?? hosts.map((h) => fakeFacts(h.account.name))).map((f) => [f.computerName.toUpperCase(), f]));
  const calls: { channel: InvokeChannel; request: unknown }[] = [];
  // Per event channel, so a move event never reaches a progress listener.
  const listeners = new Map<EventChannel, Set<(e: unknown) => void>>();
  const emit = (channel: EventChannel, event: unknown) => {
    for (const l of listeners.get(channel) ?? []) l(event);
  };
  const directory = { connected: true, lab: true, defaultNamingContext: 'DC=lab,DC=test', dnsDomain: 'lab.test' };
  const savedGroups: { name: string; hosts: string[] }[] = [];

  const defaults: Answers = {
    'app:info': () => ok({ name: 'Ferry', version: '0.1.0', labMode: true, platform: 'linux', locale: options.locale ?? 'en-US', powershell: { executable: 'pwsh', available: true } }),
    'lab:open': () => ok({ labDir: '/tmp/lab', hosts: hosts.map((h) => h.account.name), directory }),
    'directory:connect': (r) => ok({ connected: true, url: r.url, bindUser: r.bindUser, lab: false }),
    'directory:disconnect': () => ok({ connected: false, lab: false }),
    'hosts:discover': () => ok({ hosts }),
    'hosts:resolve': (r) =>
      ok({
        results: r.names.map((n) => {
          const h = hosts.find((x) => x.account.name.toUpperCase() === n.toUpperCase());
          return h ? { name: n, host: h } : n.toUpperCase().startsWith('NEW') ? { name: n, host: { account: fakeAccount(n.toUpperCase()), delegationState: 'unknown' as const, source: 'typed' as const } } : { name: n, error: 'No computer account with this name.' };
        }),
      }),
    'hosts:cancel': () => ok({ cancelled: true }),
    'hosts:read': (r) => ok({ hosts: r.hosts.map((n) => facts.get(n.toUpperCase()) ?? { computerName: n, status: 'unreachable' as const }) }),
    'plan:create': (r) =>
      ok({
        id: 'plan-1',
        createdAt: '2025-01-01T00:00:00Z',
        hosts: r.hosts ? [...r.hosts] : [r.source ?? '', r.destination ?? ''],
        steps: [
          { id: 's1', kind: 'set-host' as const, target: r.source ?? r.hosts?.[0] ?? '', setting: 'virtualMachineMigrationAuthenticationType', before: 'CredSSP', after: 'Kerberos', command: 'Set-VMHost -ComputerName HV01 -VirtualMachineMigrationAuthenticationType Kerberos', inverseCommand: 'Set-VMHost -ComputerName HV01 -VirtualMachineMigrationAuthenticationType CredSSP', channel: 'powershell' as const, optional: false },
          { id: 's2', kind: 'delegation-add' as const, target: r.source ?? r.hosts?.[0] ?? '', setting: 'msDS-AllowedToDelegateTo', before: null, after: 'cifs/HV02', command: 'add: msDS-AllowedToDelegateTo\nmsDS-AllowedToDelegateTo: cifs/HV02', inverseCommand: 'delete: msDS-AllowedToDelegateTo', channel: 'ldap' as const, optional: false },
        ],
        warnings: [],
      }),
    'plan:export': () => ok({ fileName: 'ferry-plan-1.ps1', script: '# Ferry plan\nSet-VMHost ...' }),
    'apply:start': (r) => ok({ runId: 'run-1', planId: r.planId, ok: true, results: [{ stepId: 's1', status: 'done' as const, verified: true, readBack: 'Kerberos' }, { stepId: 's2', status: 'done' as const, verified: true }], restoreCommands: [] }),
    'apply:cancel': () => ok({ cancelled: true }),
    'audit:list': () => ok({ records: [] }),
    'rollback:start': (r) => ok({ runId: `rb-${r.runId}`, planId: 'plan-1', ok: true, results: [], restoreCommands: [] }),
    'test:run': (r) => ok({ source: r.source, destination: r.destination, startedAt: '2025-01-01T00:00:00Z', ranBy: 'admin', hosts: [], findings: [], model: [] }),
    'test:group': (r) =>
      ok({
        startedAt: '2025-01-01T00:00:00Z',
        ranBy: 'admin',
        hosts: r.hosts.map((h) => ({ computerName: h, status: 'ok' as const })),
        cells: r.hosts.flatMap((s) => r.hosts.filter((d) => d !== s).map((d) => ({ source: s, destination: d, verdict: 'ready' as const, counts: { fail: 0, warn: 0, info: 0, pass: 1 } }))),
        compareVm: true,
      }),
    'test:pair': (r) => ok({ source: r.source, destination: r.destination, startedAt: '2025-01-01T00:00:00Z', ranBy: 'admin', hosts: [], findings: [], model: [] }),
    'test:cancel': () => ok({ cancelled: true }),
    'move:start': (r) =>
      ok({
        runId: 'move-1',
        moves: r.vms.map((vm) => ({
          vm, source: r.source, destination: r.destination, includeStorage: r.includeStorage, result: 'moved' as const,
          prediction: { option: 'Compression' as const, memorySeconds: 10, storageSeconds: 0, totalSeconds: 10, downtimeSeconds: 0.1, converges: true },
          landing: { where: 'destination' as const, sameState: true, sameMemory: true, state: 'Running', unreachable: [] }, measuredSeconds: 12,
        })),
      }),
    'move:cancel': () => ok({ cancelled: true }),
    'move:back': () => ({ ok: false, error: { code: 'not-found', message: 'The audit log has no move to move back.' } }),
    'move:paths': () => ok({ virtualMachinePath: 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V', virtualHardDiskPath: 'C:\\ProgramData\\Microsoft\\Windows\\Virtual Hard Disks' }),
    'move:history': () => ok({ timings: [] }),
    'test:report': () => ok({ fileName: 'ferry-test.html', html: '<html></html>' }),
    'groups:list': () => ok({ groups: [...savedGroups] }),
    'groups:save': (r) => {
      const i = savedGroups.findIndex((g) => g.name.toLowerCase() === r.name.toLowerCase());
      if (i >= 0) savedGroups.splice(i, 1);
      savedGroups.push({ name: r.name, hosts: [...r.hosts] });
      savedGroups.sort((a, b) => a.name.localeCompare(b.name));
      return ok({ groups: [...savedGroups] });
    },
    'groups:delete': (r) => {
      const i = savedGroups.findIndex((g) => g.name.toLowerCase() === r.name.toLowerCase());
      if (i < 0) return { ok: false, error: { code: 'not-found', message: `name: there is no saved group called ${r.name}`, field: 'name' } };
      savedGroups.splice(i, 1);
      return ok({ groups: [...savedGroups] });
    },
  };
  const answers: Answers = { ...defaults };

  // The real preload mapping over an in-memory transport, so the fake cannot drift from it.
  const api: FerryApi = createFerryApi({
    async invoke(channel, request) {
      calls.push({ channel, request });
      const fn = answers[channel] as ((r: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>) | undefined;
      if (!fn) return { ok: false, error: { code: 'unknown-channel', message: channel } };
      return fn(request);
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });

  return {
    api,
    calls,
    answer(channel, fn) {
      (answers as Record<string, unknown>)[channel] = fn;
    },
    emitProgress(event) {
      emit('ferry:progress', event);
    },
    emitMove(event) {
      emit('ferry:move', event);
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}
