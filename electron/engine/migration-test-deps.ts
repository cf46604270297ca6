/**
 * The real dependencies of the migration test: PowerShell scripts through the pool
 * (`get-host-facts.ps1` via readHosts, `compare-vm.ps1`, `test-ports.ps1`) and computer
 * accounts through the directory session. Kept apart from `migration-test.ts` so the test logic
 * knows no service.
 */
import net from 'node:net';
import { z } from 'zod';
import type { ComputerAccount } from '../core/model';
import { WORKSTATION, type VmCompatibilityReport } from '../core/preflight';
import { resolveComputer } from '../services/directory/computer-accounts';
import { DirectoryError } from '../services/directory/directory-error';
import type { DirectorySession } from '../services/directory/directory-session';
import type { MigrationTestDeps } from './migration-test';
import { readHosts } from './read-hosts';
import type { ScriptRunner } from './script-runner';

export const COMPARE_VM_SCRIPT = 'compare-vm.ps1';
export const TEST_PORTS_SCRIPT = 'test-ports.ps1';

const CompareVmOutputSchema = z.object({
  name: z.string().optional(),
  incompatibilities: z
    .array(z.object({ messageId: z.coerce.number(), message: z.string(), source: z.string().nullish() }))
    .nullish(),
});

const PortsOutputSchema = z.array(z.object({ port: z.number().int(), open: z.boolean() }));

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
}

/** One TCP connect per port from this process; refused, unreachable or silent for 3 s = closed. */
export async function tcpProbe(target: string, ports: readonly number[], timeoutMs = 3000): Promise<{ port: number; open: boolean }[]> {
  return Promise.all(
    ports.map(
      (port) =>
        new Promise<{ port: number; open: boolean }>((resolve) => {
          const socket = net.connect({ host: target, port });
          const done = (open: boolean) => {
            socket.destroy();
            resolve({ port, open });
          };
          socket.setTimeout(timeoutMs, () => done(false));
          socket.once('connect', () => done(true));
          socket.once('error', () => done(false));
        }),
    ),
  );
}

export function createMigrationTestDeps(options: MigrationTestDepsOptions): MigrationTestDeps {
  const { pool, directory } = options;
  const runOpts = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  return {
    readHosts: (names) => readHosts(pool, names, runOpts),
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
        }
      : {}),
    compareVm: async (source, vmName, destination): Promise<VmCompatibilityReport> => {
      const raw = await pool.run<unknown>(COMPARE_VM_SCRIPT, { computerName: source, name: vmName, destinationHost: destination }, runOpts);
      const parsed = CompareVmOutputSchema.parse(raw ?? {});
      return {
        name: vmName,
        incompatibilities: (parsed.incompatibilities ?? []).map((i) => ({ messageId: i.messageId, message: i.message, source: i.source ?? '' })),
      };
    },
    checkPorts: async (from, target, ports) => {
      if (from === WORKSTATION && options.workstationProbe !== 'lab') return tcpProbe(target, ports);
      // Lab: the module answers for its simulated hosts (honouring unreachable/closedPorts faults);
      // asking "from" the target itself only needs the target to be up.
      const probeFrom = from === WORKSTATION ? target : from;
      const raw = await pool.run<unknown>(TEST_PORTS_SCRIPT, { from: probeFrom, target, ports: [...ports] }, runOpts);
      return PortsOutputSchema.parse(Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw]);
    },
    now: options.now ?? (() => new Date()),
    user: options.user,
  };
}
