/**
 * The simulated migration test: gather facts about a source → destination move (both hosts in
 * parallel, the directory, port probes, Compare-VM per VM), run the preflight rules and the
 * pre-copy model, and return a TestReport. Nothing is moved or changed.
 *
 * Every I/O step is an injected function, so this runs the same against the real pool, the lab
 * or a test double, and a dead host or a failing probe becomes a finding, never a crash.
 */
import type { AuthenticationType, ComputerAccount, HostFacts, HypotheticalVm, TestReport } from '../core/model';
import {
  PORT_LIVE_MIGRATION,
  PORT_SMB,
  PORT_WINRM_HTTP,
  PORT_WINRM_HTTPS,
  WORKSTATION,
  modelInputFromFacts,
  modelRules,
  runPreflight,
  type MigrationFacts,
  type OperatorFacts,
  type PortCheck,
  type StartMode,
  type VmCompatibilityReport,
} from '../core/preflight';
import { MODEL_DEFAULTS, runModel, type ModelAssumptions } from '../core/simulate';

export interface MigrationTestDeps {
  /** Host facts; a host that cannot be read comes back with a non-ok status (or the call throws). */
  readonly readHosts: (names: readonly string[]) => Promise<readonly HostFacts[]>;
  /** The computer account; absent = no directory. Resolves undefined when the account is not found. */
  readonly readAccount?: (name: string) => Promise<ComputerAccount | undefined>;
  /** The operator's rights on the named hosts (local groups) and in the directory, as far as readable. */
  readonly readOperator?: (hosts: readonly string[]) => Promise<OperatorFacts | undefined>;
  readonly compareVm: (source: string, vmName: string, destination: string) => Promise<VmCompatibilityReport>;
  /** Probes TCP ports on `target` from `from` (`WORKSTATION` = the computer running Ferry). */
  readonly checkPorts: (from: string, target: string, ports: readonly number[]) => Promise<readonly { port: number; open: boolean }[]>;
  readonly now: () => Date;
  readonly user: string;
  /** The directory's DNS domain, used for FQDNs of accounts without dNSHostName. */
  readonly dnsDomain?: string;
}

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
  readonly assumptions?: Partial<ModelAssumptions>;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The test was cancelled: no report, because findings from cut-off reads would be wrong. */
export class MigrationTestCancelled extends Error {
  constructor() {
    super('The migration test was cancelled.');
    this.name = 'MigrationTestCancelled';
  }
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new MigrationTestCancelled();
}

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
    return answers.filter((a) => ports.includes(a.port)).map((a) => ({ from, target, port: a.port, open: a.open === true }));
  } catch {
    // An unanswered probe leaves the port "not probed" (info), the host finding says why.
    return [];
  }
}

async function compare(deps: MigrationTestDeps, source: string, vm: string, destination: string): Promise<VmCompatibilityReport> {
  try {
    return await deps.compareVm(source, vm, destination);
  } catch (e) {
    return { name: vm, incompatibilities: [], error: errorText(e) };
  }
}

async function account(deps: MigrationTestDeps, name: string): Promise<{ account?: ComputerAccount; ok: boolean }> {
  if (!deps.readAccount) return { ok: false };
  try {
    const acc = await deps.readAccount(name);
    return acc ? { account: acc, ok: true } : { ok: true };
  } catch {
    return { ok: false };
  }
}

/**
 * `signal` is checked between the phases; the deps should honour the same signal so the calls
 * in flight stop too (createMigrationTestDeps does).
 */
export async function runMigrationTest(deps: MigrationTestDeps, request: MigrationTestRequest, signal?: AbortSignal): Promise<TestReport> {
  stopIfCancelled(signal);
  const startedAt = deps.now().toISOString();
  const { source, destination } = request;
  const vmNames = [...new Set(request.vms ?? [])];
  const [src, dst, srcAcc, dstAcc, operator] = await Promise.all([
    readOne(deps, source),
    readOne(deps, destination),
    account(deps, source),
    account(deps, destination),
    deps.readOperator ? deps.readOperator([source, destination]).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  stopIfCancelled(signal);
  const srcUp = src.status === 'ok';
  const dstUp = dst.status === 'ok';
  const winrm = [PORT_WINRM_HTTP, PORT_WINRM_HTTPS];
  const probes = await Promise.all([
    srcUp ? probe(deps, source, destination, [PORT_LIVE_MIGRATION, PORT_SMB]) : Promise.resolve([]),
    probe(deps, WORKSTATION, source, winrm),
    probe(deps, WORKSTATION, destination, winrm),
  ]);
  stopIfCancelled(signal);
  const vmReports = srcUp && dstUp ? await Promise.all(vmNames.map((vm) => compare(deps, source, vm, destination))) : [];
  stopIfCancelled(signal);
  const facts: MigrationFacts = {
    source: src,
    destination: dst,
    ...(srcAcc.account ? { sourceAccount: srcAcc.account } : {}),
    ...(dstAcc.account ? { destinationAccount: dstAcc.account } : {}),
    directoryAvailable: srcAcc.ok && dstAcc.ok,
    authentication: request.authentication ?? 'Kerberos',
    vmNames,
    vmReports,
    portChecks: probes.flat(),
    startMode: request.startMode ?? 'remote',
    ...(request.bothDirections !== undefined ? { bothDirections: request.bothDirections } : {}),
    ...(request.includeStorage !== undefined ? { includeStorage: request.includeStorage } : {}),
    ...(operator ? { operator } : {}),
    ...(deps.dnsDomain !== undefined ? { dnsDomain: deps.dnsDomain } : src.domain !== undefined ? { dnsDomain: src.domain } : {}),
  };
  const assumptions: ModelAssumptions = { ...MODEL_DEFAULTS, ...(request.assumptions ?? {}) };
  const { input } = modelInputFromFacts(facts, request.hypothetical, assumptions);
  const model = runModel(input, assumptions);
  const findings = [...runPreflight(facts), ...modelRules(model, src.settings?.virtualMachineMigrationPerformanceOption)];
  return { source, destination, startedAt, ranBy: deps.user, hosts: [src, dst], findings, model };
}

/** Exit code for the CLI: 1 when any finding fails. */
export const reportFails = (report: TestReport): boolean => report.findings.some((f) => f.severity === 'fail');
