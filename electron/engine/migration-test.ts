/**
 * The simulated migration test of a group of hosts: gather facts once per host (host reads,
 * computer accounts, the operator's rights, WinRM probes from this computer), then per ordered
 * pair what only a pair has (TCP 6600/445 from source to destination, Compare-VM per VM), and
 * evaluate every pair with the preflight rules and the pre-copy model. Nothing is moved or
 * changed. The pair test is this test for the group of two with one pair.
 *
 * Every I/O step is an injected function, so this runs the same against the real pool, the lab
 * or a test double, and a dead host or a failing probe becomes a finding, never a crash.
 */
import type { AuthenticationType, ComputerAccount, HostFacts, HypotheticalVm, StorageTarget, TestReport } from '../core/model';
import {
  coversReverse,
  hostKey,
  pairGroup,
  pairKey,
  readinessMatrix,
  topologyPairs,
  type DelegationTopology,
  type GroupFacts,
  type MatrixCell,
  type OrderedPair,
  type PairResult,
} from '../core/group';
import {
  compareVmNeeds,
  needsFromCompareError,
  PORT_LIVE_MIGRATION,
  PORT_SMB,
  PORT_WINRM_HTTP,
  PORT_WINRM_HTTPS,
  WORKSTATION,
  type OperatorFacts,
  type CompareVmPairFacts,
  type PortCheck,
  type SpnHolding,
  type StartMode,
  type VmCheckSkip,
  type VmCompatibilityReport,
} from '../core/preflight';
import type { ModelAssumptions } from '../core/simulate';

export interface MigrationTestDeps {
  /** Host facts; a host that cannot be read comes back with a non-ok status (or the call throws). */
  readonly readHosts: (names: readonly string[]) => Promise<readonly HostFacts[]>;
  /** The computer account; absent = no directory. Resolves undefined when the account is not found. */
  readonly readAccount?: (name: string) => Promise<ComputerAccount | undefined>;
  /** The operator's rights on the named hosts (local groups) and in the directory, as far as readable. */
  readonly readOperator?: (hosts: readonly string[]) => Promise<OperatorFacts | undefined>;
  readonly compareVm: (source: string, vmName: string, destination: string, options: CompareVmOptions) => Promise<VmCompatibilityReport>;
  /** Probes TCP ports on `target` from `from` (`WORKSTATION` = the computer running Ferry). */
  readonly checkPorts: (from: string, target: string, ports: readonly number[]) => Promise<readonly { port: number; open: boolean; filtered?: boolean }[]>;
  /**
   * With storage: the destination folder (`path`, else the host's default VHD folder), whether it
   * exists and takes files, and its volume (get-storage-target.ps1). Absent: not checked.
   */
  readonly readStorageTarget?: (host: string, path?: string) => Promise<StorageTarget>;
  readonly now: () => Date;
  readonly user: string;
  /** The directory's DNS domain, used for FQDNs of accounts without dNSHostName. */
  readonly dnsDomain?: string;
  /** Holders of the found hosts' migration and cifs SPNs (issue 14 item 1); absent = not counted. */
  readonly readSpnHolders?: (hosts: readonly { host: string; account: ComputerAccount }[]) => Promise<readonly SpnHolding[]>;
}

/** How Compare-VM checks the move: VM only (shared storage), or with its storage (shared nothing). */
export interface CompareVmOptions {
  readonly includeStorage: boolean;
  /** One destination folder for all the VM's files (`-DestinationStoragePath`); only with storage. */
  readonly destinationStoragePath?: string;
}

/** A pair test, as the Test workspace and `ferry test --source --destination` ask for it. */
export interface MigrationTestRequest {
  readonly source: string;
  readonly destination: string;
  readonly vms?: readonly string[];
  readonly hypothetical?: HypotheticalVm;
  /** What the hosts should use; Ferry recommends Kerberos (CredSSP fails under Credential Guard). */
  readonly authentication?: AuthenticationType;
  readonly startMode?: StartMode;
  readonly bothDirections?: boolean;
  readonly includeStorage?: boolean;
  readonly destinationStoragePath?: string;
  readonly assumptions?: Partial<ModelAssumptions>;
  /**
   * "Test again" after a fix: VMs Hyper-V's Compare-VM found compatible in the last run are not
   * compared again (one remote call per VM saved). Ferry's fixes change host settings and
   * delegation, which Compare-VM's prerequisites check re-reads every run; a compatible VM's own
   * configuration is not something they change. Everything else is read and checked again.
   */
  readonly compatibleBefore?: readonly string[];
}

/** The test of a group: every pair its topology allows unless `pairs` names some. */
export interface GroupTestRequest {
  readonly hosts: readonly string[];
  /** Default: a full mesh (every host to every other). */
  readonly topology?: DelegationTopology;
  readonly pairs?: readonly OrderedPair[];
  /** Default `all`: every VM of each source. A list names VMs (each on whichever host has it). */
  readonly vms?: 'all' | readonly string[];
  /** A named VM the source lacks is a finding (the pair test), not skipped. */
  readonly strictVmNames?: boolean;
  readonly hypothetical?: HypotheticalVm;
  readonly authentication?: AuthenticationType;
  readonly startMode?: StartMode;
  readonly includeStorage?: boolean;
  readonly destinationStoragePath?: string;
  readonly assumptions?: Partial<ModelAssumptions>;
  /**
   * Hyper-V's own check per VM and pair: `auto` runs it when the run needs at most
   * `COMPARE_VM_BUDGET` calls (a pair always does), otherwise says per VM that it was not run.
   */
  readonly compareVm?: 'auto' | 'all' | 'none';
  /** See MigrationTestRequest.compatibleBefore. */
  readonly compatibleBefore?: readonly string[];
}

export interface GroupTestReport {
  readonly startedAt: string;
  readonly ranBy: string;
  readonly hosts: readonly HostFacts[];
  readonly pairs: readonly OrderedPair[];
  readonly cells: readonly MatrixCell[];
  /** Some VM of some pair was not checked with Compare-VM (beyond the budget, or not asked). */
  readonly compareVmSkipped: boolean;
  /** One pair's findings and model, evaluated from the gathered facts when asked (a cell opened). */
  readonly pairResult: (pair: OrderedPair) => PairResult | undefined;
}

/** Compare-VM calls a group test makes on its own; beyond this the matrix relies on Ferry's rules. */
export const COMPARE_VM_BUDGET = 200;

/** The test was cancelled: no report, because findings from cut-off reads would be wrong. */
export class MigrationTestCancelled extends Error {
  constructor() {
    super('The migration test was cancelled.');
    this.name = 'MigrationTestCancelled';
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new MigrationTestCancelled();
}

/**
 * Each host on its own call, so one host's failure (or a reader that throws) costs only that
 * host; a reader that batches (the fan-out) may gather the calls of one tick into one.
 */
async function readOne(deps: MigrationTestDeps, name: string): Promise<HostFacts> {
  try {
    const [facts] = await deps.readHosts([name]);
    return facts ?? { computerName: name, status: 'error', error: { code: 'no-answer', message: `No facts returned for ${name}`, target: name } };
  } catch (e) {
    return { computerName: name, status: 'error', error: { code: 'error', message: errorText(e), target: name } };
  }
}

async function probe(deps: MigrationTestDeps, from: string, target: string, ports: readonly number[]): Promise<PortCheck[]> {
  try {
    const answers = await deps.checkPorts(from, target, ports);
    return answers
      .filter((a) => ports.includes(a.port))
      .map((a) => ({ from, target, port: a.port, open: a.open === true, ...(a.open !== true && a.filtered === true ? { filtered: true } : {}) }));
  } catch {
    // An unanswered probe leaves the port "not probed" (info), the host finding says why.
    return [];
  }
}

async function compare(deps: MigrationTestDeps, source: string, vm: string, destination: string, options: CompareVmOptions, pair: CompareVmPairFacts): Promise<VmCompatibilityReport> {
  let report: VmCompatibilityReport;
  try {
    report = await deps.compareVm(source, vm, destination, options);
  } catch (e) {
    const info = e as { errorCodes?: unknown };
    const codes = Array.isArray(info.errorCodes) ? info.errorCodes.filter((c): c is string => typeof c === 'string') : [];
    report = { name: vm, incompatibilities: [], error: errorText(e), ...(codes.length > 0 ? { errorCodes: codes } : {}) };
  }
  if (report.error === undefined || report.errorCodes === undefined) return report;
  // Hyper-V's own error (0x8009030E, 0x8007274D…) says which prerequisite was missing.
  const needs = needsFromCompareError(report.errorCodes, pair);
  return needs.length > 0 ? { ...report, needs } : report;
}

/** Each destination's storage folder once, by host key; a probe that fails is a target with its error. */
async function readStorageTargets(deps: MigrationTestDeps, destinations: readonly string[], path: string | undefined): Promise<Map<string, StorageTarget> | undefined> {
  const read = deps.readStorageTarget;
  if (!read) return undefined;
  const names = [...new Map(destinations.map((d) => [hostKey(d), d])).values()];
  const answers = await Promise.all(names.map(async (name) => {
    try {
      return [hostKey(name), await read(name, path)] as const;
    } catch (e) {
      return [hostKey(name), { path: path ?? '', chosen: path !== undefined, error: errorText(e) }] as const;
    }
  }));
  return new Map(answers);
}

/** Accounts by host key; `ok` is false when a directory was asked and could not answer. */
async function readAccounts(deps: MigrationTestDeps, names: readonly string[]): Promise<{ accounts: Map<string, ComputerAccount>; ok: boolean }> {
  const accounts = new Map<string, ComputerAccount>();
  const read = deps.readAccount;
  if (!read) return { accounts, ok: false };
  const answers = await Promise.all(
    names.map(async (name) => {
      try {
        return { name, account: await read(name), ok: true };
      } catch {
        return { name, account: undefined, ok: false };
      }
    }),
  );
  for (const a of answers) if (a.account) accounts.set(hostKey(a.name), a.account);
  return { accounts, ok: answers.every((a) => a.ok) };
}

/** SPN holders by host key; undefined when not counted (no directory, or the count failed: no finding then). */
async function countSpnHolders(deps: MigrationTestDeps, hosts: readonly string[], accounts: ReadonlyMap<string, ComputerAccount>): Promise<Map<string, SpnHolding[]> | undefined> {
  const found = hosts.flatMap((host) => {
    const account = accounts.get(hostKey(host));
    return account ? [{ host, account }] : [];
  });
  if (!deps.readSpnHolders || found.length === 0) return undefined;
  try {
    const byHost = new Map<string, SpnHolding[]>();
    for (const h of await deps.readSpnHolders(found)) {
      const key = hostKey(h.host);
      byHost.set(key, [...(byHost.get(key) ?? []), h]);
    }
    return byHost;
  } catch {
    return undefined;
  }
}

function vmsOf(host: HostFacts | undefined, request: GroupTestRequest): string[] {
  const present = (host?.vms ?? []).map((v) => v.name);
  const wanted = request.vms ?? 'all';
  if (wanted === 'all') return present;
  if (request.strictVmNames === true) return [...new Set(wanted)];
  const have = new Set(present.map((n) => n.toLowerCase()));
  return [...new Set(wanted)].filter((n) => have.has(n.toLowerCase()));
}

/**
 * `signal` is checked between the phases; the deps should honour the same signal so the calls
 * in flight stop too (createMigrationTestDeps does).
 */
export async function runGroupTest(deps: MigrationTestDeps, request: GroupTestRequest, signal?: AbortSignal): Promise<GroupTestReport> {
  stopIfCancelled(signal);
  const startedAt = deps.now().toISOString();
  const hosts = request.hosts;
  const topology = request.topology ?? { kind: 'mesh' };
  const pairs = request.pairs ?? topologyPairs(hosts, topology);
  const allowed = topologyPairs(hosts, topology);

  // Phase 1, once per host: facts, accounts, the operator, WinRM from this computer.
  const winrm = [PORT_WINRM_HTTP, PORT_WINRM_HTTPS];
  const [facts, accounts, operator, workstationProbes] = await Promise.all([
    Promise.all(hosts.map((h) => readOne(deps, h))),
    readAccounts(deps, hosts),
    deps.readOperator ? deps.readOperator(hosts).catch(() => undefined) : Promise.resolve(undefined),
    Promise.all(hosts.map((h) => probe(deps, WORKSTATION, h, winrm))),
  ]);
  stopIfCancelled(signal);
  const spnHolders = await countSpnHolders(deps, hosts, accounts.accounts);
  const byKey = new Map(facts.map((f) => [hostKey(f.computerName), f]));
  const up = (name: string) => byKey.get(hostKey(name))?.status === 'ok';

  // Phase 2, per pair: the migration port (and SMB) from the source, Compare-VM per VM.
  const pairProbes = await Promise.all(
    pairs.map((p) => (up(p.source) ? probe(deps, p.source, p.destination, [PORT_LIVE_MIGRATION, PORT_SMB]) : Promise.resolve([]))),
  );
  stopIfCancelled(signal);
  const comparable = pairs.filter((p) => up(p.source) && up(p.destination));
  const dnsDomain = deps.dnsDomain ?? facts.find((f) => f.domain !== undefined)?.domain;
  const startMode = request.startMode ?? 'remote';
  const compareOptions: CompareVmOptions = {
    includeStorage: request.includeStorage === true,
    ...(request.includeStorage === true && request.destinationStoragePath !== undefined ? { destinationStoragePath: request.destinationStoragePath } : {}),
  };
  const probesOf = new Map(pairs.map((p, i) => [pairKey(p.source, p.destination), pairProbes[i] ?? []]));
  const pairFactsOf = (p: OrderedPair): CompareVmPairFacts => {
    const port = probesOf.get(pairKey(p.source, p.destination))?.find((c) => c.port === PORT_LIVE_MIGRATION);
    const src = accounts.accounts.get(hostKey(p.source));
    const dst = accounts.accounts.get(hostKey(p.destination));
    return {
      source: byKey.get(hostKey(p.source)) as HostFacts,
      destination: byKey.get(hostKey(p.destination)) as HostFacts,
      ...(port ? { port6600Open: port.open } : {}),
      ...(src && dst ? { sourceAccount: src, destinationAccount: dst } : {}),
      ...(dnsDomain !== undefined ? { dnsDomain } : {}),
      // Ferry starts Compare-VM from this computer whatever the moves' start mode, so CredSSP and
      // Kerberos-only delegation refuse the check as they refuse a remotely started move.
      startMode: 'remote',
      includeStorage: compareOptions.includeStorage,
    };
  };
  const vmReports = new Map<string, VmCompatibilityReport[]>();
  const vmChecksSkipped = new Map<string, VmCheckSkip>();
  // Where Hyper-V would refuse the check, say what it needs instead of running it per VM.
  const runnable: { pair: OrderedPair; facts: CompareVmPairFacts }[] = [];
  for (const p of comparable) {
    const pf = pairFactsOf(p);
    const needs = compareVmNeeds(pf);
    if (needs.length > 0) vmChecksSkipped.set(pairKey(p.source, p.destination), { reason: 'prerequisites', needs });
    else runnable.push({ pair: p, facts: pf });
  }
  const calls = runnable.reduce((n, r) => n + vmsOf(byKey.get(hostKey(r.pair.source)), request).length, 0);
  const mode = request.compareVm ?? 'auto';
  const runCompare = mode === 'all' || (mode === 'auto' && calls <= COMPARE_VM_BUDGET);
  if (runCompare) {
    await Promise.all(
      runnable.map(async ({ pair: p, facts: pf }) => {
        const names = vmsOf(byKey.get(hostKey(p.source)), request);
        const compatible = new Set(request.compatibleBefore ?? []);
        vmReports.set(pairKey(p.source, p.destination), await Promise.all(names.map((vm) =>
          compatible.has(vm) ? Promise.resolve<VmCompatibilityReport>({ name: vm, incompatibilities: [] }) : compare(deps, p.source, vm, p.destination, compareOptions, pf))));
      }),
    );
  } else {
    for (const { pair: p } of runnable) vmChecksSkipped.set(pairKey(p.source, p.destination), { reason: 'not-requested' });
  }
  const storageTargets = request.includeStorage === true ? await readStorageTargets(deps, pairs.filter((p) => up(p.destination)).map((p) => p.destination), request.destinationStoragePath) : undefined;
  stopIfCancelled(signal);

  const gathered: GroupFacts = {
    hosts: facts,
    accounts: accounts.accounts,
    directoryAvailable: deps.readAccount !== undefined && accounts.ok,
    ...(operator ? { operator } : {}),
    portChecks: [...workstationProbes.flat(), ...pairProbes.flat()],
    vmReports,
    vmChecksSkipped,
    ...(dnsDomain !== undefined ? { dnsDomain } : {}),
    ...(storageTargets ? { storageTargets } : {}),
    ...(spnHolders ? { spnHolders } : {}),
  };
  const options = {
    authentication: request.authentication ?? 'Kerberos',
    startMode,
    vms: request.vms ?? 'all',
    ...(request.strictVmNames !== undefined ? { strictVmNames: request.strictVmNames } : {}),
    ...(request.includeStorage !== undefined ? { includeStorage: request.includeStorage } : {}),
    ...(request.hypothetical ? { hypothetical: request.hypothetical } : {}),
    ...(request.assumptions ? { assumptions: request.assumptions } : {}),
  } as const;
  // Delegation is checked both ways for a pair when the topology also allows the reverse move.
  const { cells, compareVmSkipped, pairResult } = readinessMatrix(gathered, pairs, options, (p) => coversReverse(allowed, p));
  return { startedAt, ranBy: deps.user, hosts: facts, pairs, cells, compareVmSkipped, pairResult };
}

/** The pair test: the group of two, the one pair source → destination. */
export async function runMigrationTest(deps: MigrationTestDeps, request: MigrationTestRequest, signal?: AbortSignal): Promise<TestReport> {
  const { source, destination } = request;
  const group = pairGroup(source, destination, request.bothDirections === true);
  const report = await runGroupTest(
    deps,
    {
      hosts: group.hosts,
      topology: group.topology,
      pairs: [{ source, destination }],
      vms: request.vms ?? [],
      strictVmNames: true,
      compareVm: 'all',
      ...(request.hypothetical ? { hypothetical: request.hypothetical } : {}),
      ...(request.authentication ? { authentication: request.authentication } : {}),
      ...(request.startMode ? { startMode: request.startMode } : {}),
      ...(request.includeStorage !== undefined ? { includeStorage: request.includeStorage } : {}),
      ...(request.destinationStoragePath !== undefined ? { destinationStoragePath: request.destinationStoragePath } : {}),
      ...(request.assumptions ? { assumptions: request.assumptions } : {}),
      ...(request.compatibleBefore ? { compatibleBefore: request.compatibleBefore } : {}),
    },
    signal,
  );
  return pairReport(report, { source, destination });
}

/** One pair of a group report as the pair test's report. */
export function pairReport(report: GroupTestReport, pair: OrderedPair): TestReport {
  const result = report.pairResult(pair);
  if (result === undefined) throw new Error(`The test did not cover ${pair.source} → ${pair.destination}.`);
  const host = (name: string) => report.hosts.find((h) => hostKey(h.computerName) === hostKey(name));
  const hosts = [host(result.source), host(result.destination)].filter((h): h is HostFacts => h !== undefined);
  return { source: result.source, destination: result.destination, startedAt: report.startedAt, ranBy: report.ranBy, hosts, findings: [...result.findings], model: [...result.model] };
}

/** Exit code for the CLI: 1 when any finding fails. */
export const reportFails = (report: TestReport): boolean => report.findings.some((f) => f.severity === 'fail');

/** Exit code for the CLI's group test: 1 when any pair is blocked. */
export const groupFails = (report: GroupTestReport): boolean => report.cells.some((c) => c.verdict === 'blocked');
