/**
 * Builds everything the main process serves — services, engine, IPC handlers — from plain
 * paths, with no Electron import, so the test bridge and the app run the same code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EventChannel, EventOf } from '../core/contract/channels';
import type { PlanStep } from '../core/model';
import { createMigrationTestDeps } from '../engine/migration-test-deps';
import { operatorName } from '../engine/operator';
import { NO_DIRECTORY_WARNING } from '../engine/plan-group';
import type { ScriptRunner } from '../engine/script-runner';
import type { StepExecutor } from '../engine/step-executor';
import type { LabDirectory, LabHost } from '../services/lab/directory/lab-directory';
import { startLabDirectoryForLab } from '../services/lab/directory/lab-directory-for-lab';
import { PowerShellPool, clashNotice } from '../services/powershell/pool';
import { createDirectoryHandlers } from './handlers/directory-handlers';
import { createGroupsHandlers } from './handlers/groups-handlers';
import { createLabHandlers } from './handlers/lab-handlers';
import { createMoveHandlers } from './handlers/move-handlers';
import { labTimeScale } from '../services/lab/lab-init';
import { MOVE_HISTORY_FILE } from '../services/move/move-history';
import { createSettingsHandlers, type DelegationPlanner } from './handlers/settings-handlers';
import { createTestHandlers } from './handlers/test-handlers';
import { UserFacingError, type HandlerMap } from './ipc-dispatch';

export interface AppContextOptions {
  /** Per-user data folder (Electron's `userData`): logs, audit log, the lab, settings (saved groups). */
  readonly dataDir: string;
  readonly version: string;
  readonly locale: string;
  /** Where the bundled `.ps1` scripts (`scripts/`) and the lab module (`lab/`) live, unpacked from asar. */
  readonly resourcesDir?: string;
  /** Force lab mode on or off; by default lab mode wherever the Hyper-V module is absent. */
  readonly labMode?: boolean;
  readonly powershellExecutable?: string;
  readonly poolSize?: number;
  /**
   * Lab mode only: extra computer objects the lab directory serves next to the lab's hosts
   * (the test bridge's 5,000-host list). They have no simulated host behind them.
   */
  readonly extraLabDirectoryHosts?: readonly LabHost[];
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export type EventSink = <E extends EventChannel>(channel: E, payload: EventOf<E>) => void;

export interface AppContext {
  readonly handlers: HandlerMap;
  readonly labMode: boolean;
  setEventSink(sink: EventSink): void;
  dispose(): Promise<void>;
}

/** The Hyper-V PowerShell module ships in the Windows PowerShell module folder when installed. */
export function hyperVModulePresent(platform: string = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  if (platform !== 'win32') return false;
  const root = env['SystemRoot'] ?? 'C:\\Windows';
  return fs.existsSync(path.join(root, 'System32', 'WindowsPowerShell', 'v1.0', 'Modules', 'Hyper-V'));
}

export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  const log = options.log ?? (() => undefined);
  const labMode = options.labMode ?? !hyperVModulePresent();
  const labDir = path.join(options.dataDir, 'lab');
  // The operator as the audit log records it, the same format as the CLI's.
  const user = operatorName();
  let sink: EventSink = () => undefined;

  // One pool for the app's life, started on first use so start-up stays fast.
  let pool: PowerShellPool | undefined;
  const scripts = options.resourcesDir ? { scriptsDir: path.join(options.resourcesDir, 'scripts') } : {};
  const labModule = options.resourcesDir ? { labModulePath: path.join(options.resourcesDir, 'lab', 'HyperVLab.psd1') } : {};
  const getPool = (): PowerShellPool => {
    pool ??= new PowerShellPool({
      size: options.poolSize ?? 4,
      // PowerCLI's same-named cmdlets: Ferry calls Hyper-V's own, the log says the other is there.
      onStart: (report) => {
        const notice = clashNotice(report);
        if (notice !== undefined) log('warn', notice);
      },
      ...(options.powershellExecutable ? { executable: options.powershellExecutable } : {}),
      ...(labMode ? { labDir, ...labModule } : {}),
      ...scripts,
    });
    return pool;
  };
  const runner: ScriptRunner = {
    run: (script, data, opts) => getPool().run(script, data, opts),
    runEach: (script, inputs, opts) => getPool().runEach(script, inputs, opts),
  };
  // Moves: a Hyper-V job lives in the process that started it, so they get one process of their own.
  let jobs: PowerShellPool | undefined;
  const getJobs = (): PowerShellPool => {
    jobs ??= new PowerShellPool({
      size: 1,
      ...(options.powershellExecutable ? { executable: options.powershellExecutable } : {}),
      ...(labMode ? { labDir, ...labModule } : {}),
      ...scripts,
    });
    return jobs;
  };

  const auditFile = path.join(options.dataDir, 'audit', 'ferry-audit.jsonl');
  const directory = createDirectoryHandlers({ log });
  let labDirectory: LabDirectory | undefined;
  const startLab = async (dir: string) => {
    await labDirectory?.stop();
    // The lab's directory lives in the lab folder, so delegation survives restarts and the CLI sees it.
    labDirectory = await startLabDirectoryForLab(dir, options.extraLabDirectoryHosts ? { extraHosts: options.extraLabDirectoryHosts } : {});
    return directory.connectLab({
      url: labDirectory.url,
      startTls: false,
      bindUser: labDirectory.bindUser,
      password: labDirectory.password,
      baseDn: labDirectory.baseDn,
      lab: true,
    });
  };

  // The directory session can change at any time (connect, disconnect, lab), so the LDAP
  // executor and the delegation planner look it up when they run, not when they are built.
  const ldapExecutor: StepExecutor = {
    execute: (step: PlanStep, signal: AbortSignal) => directory.ldapExecutor().execute(step, signal),
  };
  const delegationPlanner: DelegationPlanner = async (hosts, topology) => {
    if (!directory.currentDirectory()) return { steps: [], warnings: [NO_DIRECTORY_WARNING] };
    return directory.planDelegation(hosts, topology);
  };

  const settings = createSettingsHandlers({
    pool: runner,
    auditFile,
    ldapExecutor,
    delegationPlanner,
    emitProgress: (event) => sink('ferry:progress', event),
    user,
    target: labMode ? { kind: 'lab', labDir: path.resolve(labDir) } : { kind: 'hosts' },
  });
  const tests = createTestHandlers({
    testDeps: (signal) => {
      const session = directory.currentDirectory();
      return createMigrationTestDeps({ pool: runner, user, signal, workstationProbe: labMode ? 'lab' : 'tcp', ...(session ? { directory: session } : {}) });
    },
    locale: options.locale.toLowerCase().startsWith('de') ? 'de' : 'en',
  });
  const moves = createMoveHandlers({
    runner,
    jobRunner: getJobs,
    auditFile,
    historyFile: path.join(options.dataDir, 'settings', MOVE_HISTORY_FILE),
    user,
    timeScale: () => (labMode ? labTimeScale(labDir).catch(() => 1) : Promise.resolve(1)),
    // The test's own report for the pair, kept in main: the window's word on readiness is not enough.
    reportFor: (source, destination, signal) => tests['test:pair']({ source, destination }, signal),
    emit: (event) => sink('ferry:move', event),
  });
  const lab = createLabHandlers({ dataDir: options.dataDir, startLabDirectory: startLab });

  const handlers: HandlerMap = {
    'app:info': async () => ({
      name: 'Ferry',
      version: options.version,
      labMode,
      platform: process.platform,
      locale: options.locale,
      powershell: { executable: options.powershellExecutable ?? (labMode ? 'pwsh' : 'powershell.exe'), available: true },
    }),
    'lab:open': async (request, signal) => {
      if (!labMode) throw new UserFacingError('failed', 'The lab is only available in lab mode.');
      return lab['lab:open'](request, signal);
    },
    'directory:connect': (request) => directory['directory:connect'](request),
    'directory:disconnect': (request) => directory['directory:disconnect'](request),
    'hosts:discover': (request) => directory['hosts:discover'](request),
    'hosts:resolve': (request) => directory['hosts:resolve'](request),
    ...settings,
    ...tests,
    ...moves,
    ...createGroupsHandlers({ file: path.join(options.dataDir, 'settings', 'groups.json') }),
  };

  return {
    handlers,
    labMode,
    setEventSink(next) {
      sink = next;
    },
    async dispose() {
      await directory.dispose().catch(() => undefined);
      await labDirectory?.stop().catch(() => undefined);
      await pool?.dispose().catch(() => undefined);
      await jobs?.dispose().catch(() => undefined);
    },
  };
}
