/**
 * The real dependencies of the migration test: PowerShell scripts through the pool
 * (`get-host-facts.ps1` via readHosts, `compare-vm.ps1`, `test-ports.ps1`) and computer
 * accounts through the directory session. Kept apart from `migration-test.ts` so the test logic
 * knows no service.
 */
import net from 'node:net';
import { z } from 'zod';
import { StorageTargetSchema } from '../core/contract/schemas';
import type { ComputerAccount, StorageTarget } from '../core/model';
import { WORKSTATION, type OperatorFacts, type OperatorHostRights, type VmCompatibilityReport } from '../core/preflight';
import { resolveComputer } from '../services/directory/computer-accounts';
import { readSpnHolders } from '../services/directory/spn-holders';
import { DirectoryError } from '../services/directory/directory-error';
import type { DirectorySession } from '../services/directory/directory-session';
import { readUserRights, type UserRights } from '../services/directory/user-rights';
import type { MigrationTestDeps } from './migration-test';
import { readHosts } from './read-hosts';
import type { RunOptions, ScriptRunner } from './script-runner';

export const COMPARE_VM_SCRIPT = 'compare-vm.ps1';
export const TEST_PORTS_SCRIPT = 'test-ports.ps1';
export const OPERATOR_RIGHTS_SCRIPT = 'get-operator-rights.ps1';
const STORAGE_TARGET_SCRIPT = 'get-storage-target.ps1';

const MembershipSchema = z.enum(['yes', 'no', 'unknown']);
const OperatorRightsSchema = z.object({
  computerName: z.string(),
  user: z.string(),
  hyperVAdministrators: MembershipSchema,
  administrators: MembershipSchema,
  nestedGroups: z.array(z.string()).nullish(),
  error: z.string().nullish(),
});

const CompareVmOutputSchema = z.object({
  name: z.string().optional(),
  vmId: z.string().nullish(),
  incompatibilities: z
    .array(z.object({ messageId: z.coerce.number(), message: z.string(), source: z.string().nullish() }))
    .nullish(),
  /** Compare-VM itself failed (Hyper-V refused the check): its message and HRESULTs. */
  error: z.object({ message: z.string(), codes: z.array(z.string()).nullish() }).nullish(),
  plannedVm: z.enum(['left-before', 'removed', 'remove-failed']).nullish(),
});

const PortsOutputSchema = z.array(z.object({ port: z.number().int(), open: z.boolean(), state: z.enum(['open', 'closed', 'filtered']).nullish() }));

export interface MigrationTestDepsOptions {
  readonly pool: ScriptRunner;
  readonly directory?: DirectorySession;
  readonly user: string;
  readonly now?: () => Date;
  /** Per-call timeout for each script (default: the pool's). */
  readonly timeoutMs?: number;
  /**
   * How ports are probed from the computer running Ferry: `tcp` connects from this process (real
   * hosts); `lab` asks the HyperVLab module, whose hosts exist only in its state folder.
   */
  readonly workstationProbe?: 'tcp' | 'lab';
  /**
   * The account whose local group memberships are checked (`DOMAIN\\user`). Default: the account
   * Ferry's remote sessions run as on each host — the one that would start the move.
   */
  readonly operator?: string;
  /** Cancels every PowerShell call the test makes (the port probes end on their own timeout). */
  readonly signal?: AbortSignal;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The operator's rights: local groups per host (get-operator-rights.ps1; a host that cannot be
 * read answers `unknown` with the error) and, with a directory, the operator's own groups and the
 * bound user's right to configure delegation. Directory failures leave those parts out.
 */
export async function readOperatorRights(
  pool: ScriptRunner,
  hosts: readonly string[],
  options: { directory?: DirectorySession; operator?: string; fallbackName: string; run?: RunOptions },
): Promise<OperatorFacts> {
  const runOpts = options.run ?? {};
  const readHost = async (computerName: string): Promise<OperatorHostRights & { user?: string }> => {
    try {
      const raw = await pool.run<unknown>(OPERATOR_RIGHTS_SCRIPT, { computerName, ...(options.operator !== undefined ? { user: options.operator } : {}) }, runOpts);
      const r = OperatorRightsSchema.parse(raw);
      return {
        computerName, user: r.user, hyperVAdministrators: r.hyperVAdministrators, administrators: r.administrators,
        ...(r.nestedGroups && r.nestedGroups.length > 0 ? { nestedGroups: r.nestedGroups } : {}),
        ...(r.error ? { error: r.error } : {}),
      };
    } catch (error) {
      return { computerName, hyperVAdministrators: 'unknown', administrators: 'unknown', error: errorText(error) };
    }
  };
  const { directory } = options;
  const [rights, bound] = await Promise.all([
    Promise.all(hosts.map(readHost)),
    directory ? readUserRights(directory).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const name = options.operator ?? rights.find((r) => r.user !== undefined && r.user !== '')?.user ?? options.fallbackName;
  // The operator's own directory groups confirm memberships the hosts only see through nesting.
  const own: UserRights | undefined = directory ? await readUserRights(directory, name).catch(() => undefined) : undefined;
  return {
    name,
    groups: own?.groups ?? [],
    ...(own ? { notDelegated: own.notDelegated } : {}),
    hosts: rights.map(({ user: _user, ...r }) => r),
    ...(bound ? { delegationRights: { user: bound.user, canConfigure: bound.canConfigureDelegation, via: bound.privileged } } : {}),
  };
}

/** One TCP connect per port from this process, in parallel; refused or unreachable = closed, silent for 3 s = filtered. */
export async function tcpProbe(target: string, ports: readonly number[], timeoutMs = 3000): Promise<{ port: number; open: boolean; filtered?: boolean }[]> {
  return Promise.all(
    ports.map(
      (port) =>
        new Promise<{ port: number; open: boolean; filtered?: boolean }>((resolve) => {
          const socket = net.connect({ host: target, port });
          const done = (open: boolean, filtered = false) => {
            socket.destroy();
            resolve({ port, open, ...(filtered ? { filtered } : {}) });
          };
          socket.setTimeout(timeoutMs, () => done(false, true));
          socket.once('connect', () => done(true));
          socket.once('error', () => done(false));
        }),
    ),
  );
}

export function createMigrationTestDeps(options: MigrationTestDepsOptions): MigrationTestDeps {
  const { pool, directory } = options;
  const runOpts = {
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return {
    readHosts: (names) => readHosts(pool, names, runOpts),
    readOperator: (hosts) =>
      readOperatorRights(pool, hosts, {
        ...(directory ? { directory } : {}),
        ...(options.operator !== undefined ? { operator: options.operator } : {}),
        run: runOpts,
        fallbackName: options.user,
      }),
    ...(directory
      ? {
          readAccount: async (name: string): Promise<ComputerAccount | undefined> => {
            try {
              return await resolveComputer(directory, name);
            } catch (error) {
              // "Not found" is a finding about the host; anything else means the directory is unusable.
              if (error instanceof DirectoryError && error.code === 'not-found') return undefined;
              throw error;
            }
          },
          dnsDomain: directory.info.dnsDomain,
          readSpnHolders: (hosts: readonly { host: string; account: ComputerAccount }[]) => readSpnHolders(directory, hosts, directory.info.dnsDomain),
        }
      : {}),
    compareVm: async (source, vmName, destination, compare): Promise<VmCompatibilityReport> => {
      const input = {
        computerName: source,
        name: vmName,
        destinationHost: destination,
        includeStorage: compare.includeStorage,
        ...(compare.destinationStoragePath !== undefined ? { destinationStoragePath: compare.destinationStoragePath } : {}),
      };
      const raw = await pool.run<unknown>(COMPARE_VM_SCRIPT, input, runOpts);
      const parsed = CompareVmOutputSchema.parse(raw ?? {});
      const codes = parsed.error?.codes ?? [];
      return {
        name: vmName,
        incompatibilities: (parsed.incompatibilities ?? []).map((i) => ({ messageId: i.messageId, message: i.message, source: i.source ?? '' })),
        ...(parsed.error ? { error: parsed.error.message, ...(codes.length > 0 ? { errorCodes: codes } : {}) } : {}),
        ...(parsed.plannedVm ? { plannedVm: parsed.plannedVm } : {}),
        ...(parsed.vmId ? { vmId: parsed.vmId } : {}),
      };
    },
    readStorageTarget: async (host, path): Promise<StorageTarget> => {
      const raw = await pool.run<unknown>(STORAGE_TARGET_SCRIPT, { computerName: host, ...(path !== undefined ? { path } : {}) }, runOpts);
      return StorageTargetSchema.parse(raw);
    },
    checkPorts: async (from, target, ports) => {
      if (from === WORKSTATION && options.workstationProbe !== 'lab') return tcpProbe(target, ports);
      // Lab: the module answers for its simulated hosts (honouring unreachable/closedPorts faults);
      // asking "from" the target itself only needs the target to be up.
      const probeFrom = from === WORKSTATION ? target : from;
      const raw = await pool.run<unknown>(TEST_PORTS_SCRIPT, { from: probeFrom, target, ports: [...ports] }, runOpts);
      return PortsOutputSchema.parse(Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw]).map((p) => ({
        port: p.port,
        open: p.open,
        ...(p.state === 'filtered' ? { filtered: true } : {}),
      }));
    },
    now: options.now ?? (() => new Date()),
    user: options.user,
  };
}
