/**
 * A bounded pool of long-lived PowerShell processes (node-powershell 5).
 *
 * node-powershell runs one command at a time per process, so parallelism across hosts equals
 * the pool size. The pool keeps its own queue because node-powershell's dispose() drops
 * queued invocations without settling them; every call here settles — with its result, a
 * timeout, a cancel, or the death of its process — and a process that timed out, was
 * cancelled or died is killed and replaced by a fresh one on the next call.
 *
 * Scripts reach the process as one line: a base64 scriptblock invoked with one argument, the
 * base64 of the JSON input. Nothing else is ever interpolated into PowerShell text.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PowerShell } from 'node-powershell';
import type { ZodType } from 'zod';
import { defaultLabModulePath, defaultScriptsDir } from './assets';
import { parseEnvelope } from './envelope';
import { PowerShellScriptError } from './errors';
import { resolvePowerShellExecutable } from './executable';
import { powershellExecutableOptions } from './process-args';
import { powershellProcessEnv } from './process-env';
import { CONSTRAINED_LANGUAGE_MESSAGE, RESTRICTED_LANGUAGE_MODES, parseStartReport, type PowerShellStartReport } from './start-report';

export { PowerShellScriptError } from './errors';
export type { PowerShellErrorCode } from './errors';
export { clashNotice, type PowerShellStartReport } from './start-report';

export interface PowerShellPoolOptions {
  /** Number of processes (default 4). */
  readonly size?: number;
  readonly executable?: string;
  /** Lab mode: each process imports the HyperVLab module with this state folder. */
  readonly labDir?: string;
  /** HyperVLab.psd1 (default: the source tree or dist/lab). */
  readonly labModulePath?: string;
  readonly scriptsDir?: string;
  /** Per-call timeout (default 60 s). */
  readonly defaultTimeoutMs?: number;
  /** Time a new process may take to start and load the prelude/lab (default 60 s). */
  readonly startTimeoutMs?: number;
  /** `runEach`: the most hosts one process runs at once, each in its own runspace (default 64). */
  readonly fanOutWidth?: number;
  /**
   * Called once with what the first process found at start: lab or real mode, whether Hyper-V
   * is installed, and other modules that define Hyper-V's cmdlet names (PowerCLI).
   */
  readonly onStart?: (report: PowerShellStartReport) => void;
}

export interface RunOptions<T> {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly schema?: ZodType<T>;
}

/** One host's answer in a fan-out: its data, or its own error (the others are unaffected). */
export type EachResult<T> =
  | { readonly ok: true; readonly data: T; readonly elapsedMs: number }
  | { readonly ok: false; readonly error: PowerShellScriptError; readonly elapsedMs: number };

/** The most hosts one process runs at once (runspaces), unless the pool is told otherwise. */
export const DEFAULT_FAN_OUT_WIDTH = 64;
const FAN_OUT_SCRIPT = 'fan-out.ps1';
const ITEM_LINE = /^FERRY-ITEM:(\d+):(\d+):(.*)$/;

interface Slot {
  readonly id: number;
  readonly ps: PowerShell;
  readonly ready: Promise<void>;
  busy: boolean;
  dead: boolean;
  job: Job | undefined;
}

interface Job {
  readonly script: string;
  readonly data: unknown;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly target: string | undefined;
  readonly resolve: (stdout: string) => void;
  readonly reject: (error: PowerShellScriptError) => void;
  settled: boolean;
  cleanup: () => void;
}

const SCRIPT_NAME = /^[a-z0-9][a-z0-9-]*\.ps1$/;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** One stdin line that runs `scriptText` as a scriptblock (dot-sourced when `dot`). */
function oneLine(scriptText: string, dot: boolean, argB64?: string): string {
  const block = `([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${b64(scriptText)}'))))`;
  return `${dot ? '.' : '&'} ${block}${argB64 === undefined ? '' : ` -InputBase64 '${argB64}'`}`;
}

/**
 * The process's language mode, read from its stdout: in Constrained Language Mode the command
 * prints its answer but node-powershell's own end marker ([Console]::Out.WriteLine) fails, so the
 * invocation never settles and the answer is taken from the stream.
 */
function languageModeOf(ps: PowerShell): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      const m = /FERRY-LANG=(\w+)/.exec(seen);
      if (m?.[1] !== undefined) {
        ps.streams.stdout.off('data', onData);
        resolve(m[1]);
      }
    };
    ps.streams.stdout.on('data', onData);
    ps.invoke("'FERRY-LANG=' + $ExecutionContext.SessionState.LanguageMode").then(
      (r) => {
        ps.streams.stdout.off('data', onData);
        ps.history.length = 0;
        resolve(/FERRY-LANG=(\w+)/.exec(r.stdout?.toString('utf8') ?? '')?.[1] ?? 'unknown');
      },
      (e: unknown) => {
        ps.streams.stdout.off('data', onData);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

const START_WITH_CLASH_CHECK = '  Write-FerryJson ([ordered]@{ ok = $true; data = (ConvertTo-FerryPlain (Use-FerryHyperVCommands -Mode $ferryMode)) })';
const START_WITHOUT_CLASH_CHECK = '  Write-FerryJson ([ordered]@{ ok = $true; data = (ConvertTo-FerryPlain (Use-FerryHyperVCommands -Mode $ferryMode -SkipClashCheck)) })';

/** How long a process shutting down may take to close its sessions to the hosts. */
const SESSION_CLOSE_MS = 3000;

/** Best effort: a process that does not answer in time is killed with its sessions. */
async function closeSessions(ps: PowerShell): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SESSION_CLOSE_MS);
  });
  try {
    await Promise.race([ps.invoke('Close-FerrySessions').then(() => undefined, () => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Each input's envelope from a fan-out's `FERRY-ITEM:` lines; an input with none failed. */
function eachResults<T>(stdout: string, inputs: readonly unknown[], schema: ZodType<T> | undefined): EachResult<T>[] {
  const lines = new Map<number, { elapsedMs: number; envelope: string }>();
  for (const raw of stdout.split(/\r?\n/)) {
    const at = raw.indexOf('FERRY-ITEM:');
    const m = at < 0 ? null : ITEM_LINE.exec(raw.slice(at));
    if (m) lines.set(Number(m[1]), { elapsedMs: Number(m[2]), envelope: m[3] ?? '' });
  }
  return inputs.map((input, i): EachResult<T> => {
    const target = targetOf(input);
    const line = lines.get(i);
    if (!line) return { ok: false, error: new PowerShellScriptError('bad-output', 'The fan-out printed no result for this input.', target), elapsedMs: 0 };
    try {
      return { ok: true, data: parseEnvelope(`FERRY-JSON:${line.envelope}`, schema, target), elapsedMs: line.elapsedMs };
    } catch (error) {
      const e = error instanceof PowerShellScriptError ? error : new PowerShellScriptError('bad-output', String(error), target);
      return { ok: false, error: e, elapsedMs: line.elapsedMs };
    }
  });
}

function targetOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'computerName' in data) {
    const v = (data as { computerName: unknown }).computerName;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

export class PowerShellPool {
  readonly size: number;
  private readonly executable: string;
  private readonly scriptsDir: string;
  private readonly labDir: string | undefined;
  private readonly labModulePath: string;
  private readonly defaultTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly fanOutWidth: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly scriptCache = new Map<string, Promise<string>>();
  private prelude: Promise<string> | undefined;
  private runspaceSetupText: Promise<string> | undefined;
  private readonly onStart: ((report: PowerShellStartReport) => void) | undefined;
  private started: PowerShellStartReport | undefined;
  private nextId = 1;
  private disposed = false;
  /** Processes started so far (tests and the bench read it). */
  spawned = 0;

  constructor(opts: PowerShellPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.size ?? 4));
    this.executable = resolvePowerShellExecutable(opts.executable);
    this.scriptsDir = path.resolve(opts.scriptsDir ?? defaultScriptsDir());
    this.labDir = opts.labDir === undefined ? undefined : path.resolve(opts.labDir);
    this.labModulePath = path.resolve(opts.labModulePath ?? defaultLabModulePath());
    this.defaultTimeoutMs = opts.defaultTimeoutMs ?? 60_000;
    this.startTimeoutMs = opts.startTimeoutMs ?? 60_000;
    this.fanOutWidth = Math.max(1, Math.min(256, Math.floor(opts.fanOutWidth ?? DEFAULT_FAN_OUT_WIDTH)));
    this.onStart = opts.onStart;
    // node-powershell lets this variable override any executable we pass.
    delete process.env.NODE_POWERSHELL;
  }

  /** Runs `scripts/<script>` with `data` as its input and returns its validated `data`. */
  run<T>(script: string, data: unknown, opts: RunOptions<T> = {}): Promise<T> {
    const target = targetOf(data);
    return this.enqueue(script, data, opts, target).then((stdout) => parseEnvelope(stdout, opts.schema, target));
  }

  /**
   * Runs `scripts/<script>` once per input, all at once inside as few processes as it takes
   * (`fanOutWidth` inputs per process, each in its own runspace, sharing the process's host
   * sessions): N hosts cost about the slowest host's time. Every input gets its own result, in
   * the order given; `timeoutMs` is each input's own limit. Cancelling ends them all.
   */
  async runEach<T>(script: string, inputs: readonly unknown[], opts: RunOptions<T> = {}): Promise<EachResult<T>[]> {
    if (!SCRIPT_NAME.test(script)) throw new PowerShellScriptError('script-error', `Unknown script name '${script}'.`);
    const text = await this.scriptText(script).catch(() => {
      throw new PowerShellScriptError('script-error', `Unknown script '${script}'.`);
    });
    const setup = await this.runspaceSetup();
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs;
    const chunks: (readonly unknown[])[] = [];
    for (let i = 0; i < inputs.length; i += this.fanOutWidth) chunks.push(inputs.slice(i, i + this.fanOutWidth));
    const answers = await Promise.all(
      chunks.map(async (chunk) => {
        // One width for every call, so the process keeps its runspaces (opened as needed) from one group to the next.
        const data = { script, text, setup, timeoutMs, width: this.fanOutWidth, items: chunk.map((d) => b64(JSON.stringify(d ?? {}))) };
        // The process's own limit: every input's, plus opening the runspaces.
        const stdout = await this.enqueue(FAN_OUT_SCRIPT, data, { ...opts, timeoutMs: timeoutMs + this.startTimeoutMs }, undefined);
        parseEnvelope(stdout);
        return eachResults<T>(stdout, chunk, opts.schema);
      }),
    );
    return answers.flat();
  }

  private enqueue(script: string, data: unknown, opts: RunOptions<unknown>, target: string | undefined): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      if (this.disposed) return reject(new PowerShellScriptError('cancelled', 'The PowerShell pool has been shut down.', target));
      if (!SCRIPT_NAME.test(script)) return reject(new PowerShellScriptError('script-error', `Unknown script name '${script}'.`, target));
      if (opts.signal?.aborted) return reject(new PowerShellScriptError('cancelled', 'The call was cancelled.', target));
      const job: Job = {
        script,
        data,
        timeoutMs: opts.timeoutMs ?? this.defaultTimeoutMs,
        signal: opts.signal,
        target,
        resolve,
        reject,
        settled: false,
        cleanup: () => undefined,
      };
      if (opts.signal) {
        const onAbort = () => this.cancel(job);
        opts.signal.addEventListener('abort', onAbort, { once: true });
        job.cleanup = () => opts.signal?.removeEventListener('abort', onAbort);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /**
   * Rejects every waiting call with 'cancelled' and ends every process. An idle process first
   * closes its sessions to the hosts (`Close-FerrySessions`, at most `SESSION_CLOSE_MS`): a session
   * left behind holds a shell on the host until WinRM's idle timeout. A busy one is killed at once.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    const running = this.slots.flatMap((s) => (s.job ? [s.job] : []));
    for (const job of [...this.queue.splice(0), ...running]) {
      this.settle(job, new PowerShellScriptError('cancelled', 'The PowerShell pool has been shut down.', job.target));
    }
    await Promise.all(
      this.slots.splice(0).map(async (s) => {
        if (!s.busy && !s.dead) await closeSessions(s.ps);
        await this.kill(s);
      }),
    );
  }

  /** What the first process found at start (undefined until one has started). */
  get startReport(): PowerShellStartReport | undefined {
    return this.started;
  }

  /** Process ids of the live processes (for diagnostics and tests). */
  get processCount(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  private settle(job: Job, outcome: PowerShellScriptError | string): void {
    if (job.settled) return;
    job.settled = true;
    job.cleanup();
    if (typeof outcome === 'string') job.resolve(outcome);
    else job.reject(outcome);
  }

  /** An abort: a queued job leaves the queue; a running one is settled and its process retired. */
  private cancel(job: Job): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
    this.settle(job, new PowerShellScriptError('cancelled', 'The call was cancelled.', job.target));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      let slot = this.slots.find((s) => !s.busy && !s.dead);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift();
      if (!job) return;
      slot.busy = true;
      slot.job = job;
      void this.execute(slot, job);
    }
  }

  private spawn(): Slot {
    const lab = this.labDir === undefined ? undefined : { dir: this.labDir, modulePath: this.labModulePath };
    const env = powershellProcessEnv(process.env, { executable: this.executable, ...(lab ? { lab } : {}) });
    const ps = new PowerShell({
      executable: this.executable,
      executableOptions: powershellExecutableOptions({ lab: lab !== undefined }),
      spawnOptions: { windowsHide: true, env },
      throwOnInvocationError: false,
    });
    this.spawned++;
    // node-powershell rejects its private exit promise when the process dies by a signal or a
    // non-zero code; with no listener that becomes an unhandled rejection, so we listen here.
    (ps as unknown as { exitPromise?: Promise<void> }).exitPromise?.catch(() => undefined);
    const slot: Slot = { id: this.nextId++, ps, ready: Promise.resolve(), busy: false, dead: false, job: undefined };
    ps.streams.stdout.once('close', () => this.markDead(slot));
    (slot as { ready: Promise<void> }).ready = this.initialise(ps, this.spawned === 1);
    this.slots.push(slot);
    return slot;
  }

  /** What a process (`start`) or a fan-out's runspace runs before its first script. */
  private async setupText(start: string): Promise<string> {
    // Paths come from the environment, never from the command text.
    return [
      "$ProgressPreference = 'SilentlyContinue'",
      "$WarningPreference = 'SilentlyContinue'",
      await this.preludeText(),
      'try {',
      "  $ferryMode = 'real'",
      "  if ($env:FERRY_LAB_MODULE) { Import-FerryLab -ModulePath $env:FERRY_LAB_MODULE -LabDir $env:FERRY_LAB_DIR; $ferryMode = 'lab' }",
      start,
      "} catch { Write-FerryJson ([ordered]@{ ok = $false; error = [ordered]@{ code = 'script-error'; message = [string]$_.Exception.Message } }) }",
    ].join('\n');
  }

  /** A fan-out runspace's set-up: the process's, without its answer (the runspace prints nothing). */
  private runspaceSetup(): Promise<string> {
    this.runspaceSetupText ??= this.setupText('  $null = Use-FerryHyperVCommands -Mode $ferryMode -SkipClashCheck');
    return this.runspaceSetupText;
  }

  private async initialise(ps: PowerShell, first: boolean): Promise<void> {
    // First, plainly: Constrained Language Mode (WDAC/AppLocker) forbids the .NET calls every
    // later line makes, node-powershell's own included, so nothing else could even answer.
    const language = await languageModeOf(ps);
    if (RESTRICTED_LANGUAGE_MODES.includes(language)) throw new PowerShellScriptError('constrained-language', CONSTRAINED_LANGUAGE_MESSAGE);
    const setup = [
      '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false',
      '$OutputEncoding = [Console]::OutputEncoding',
      // The clash check costs a module scan: once per real-host pool, by its first process (in the
      // lab the names are pinned to HyperVLab as well, but another module's cmdlets matter only
      // to real hosts).
      await this.setupText(first && this.labDir === undefined ? START_WITH_CLASH_CHECK : START_WITHOUT_CLASH_CHECK),
    ].join('\n');
    const result = await ps.invoke(oneLine(setup, true));
    ps.history.length = 0;
    const stdout = result.stdout?.toString('utf8') ?? '';
    let report: PowerShellStartReport;
    try {
      report = parseStartReport(parseEnvelope(stdout));
    } catch (error) {
      if (error instanceof PowerShellScriptError && error.code !== 'bad-output') throw error;
      throw new Error(`PowerShell failed to start: ${result.raw.slice(0, 500)}`);
    }
    if (this.started === undefined) {
      this.started = report;
      this.onStart?.(report);
    }
  }

  private preludeText(): Promise<string> {
    this.prelude ??= fs.readFile(path.join(this.scriptsDir, '_prelude.ps1'), 'utf8');
    return this.prelude;
  }

  private scriptText(name: string): Promise<string> {
    let text = this.scriptCache.get(name);
    if (!text) {
      text = fs.readFile(path.join(this.scriptsDir, name), 'utf8');
      text.catch(() => this.scriptCache.delete(name));
      this.scriptCache.set(name, text);
    }
    return text;
  }

  private async execute(slot: Slot, job: Job): Promise<void> {
    if (job.settled) return this.release(slot);
    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Promise<'timeout' | 'aborted'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), job.timeoutMs);
      job.signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    try {
      const started = await Promise.race([
        slot.ready.then(() => 'ready' as const),
        new Promise<'start-timeout'>((r) => setTimeout(() => r('start-timeout'), this.startTimeoutMs).unref()),
        watchdog,
      ]);
      if (started !== 'ready') return this.fail(slot, job, started === 'start-timeout' ? 'timeout' : started);
      const text = await this.scriptText(job.script).catch(() => {
        throw new PowerShellScriptError('script-error', `Unknown script '${job.script}'.`, job.target);
      });
      const command = oneLine(text, false, b64(JSON.stringify(job.data ?? {})));
      const invocation = slot.ps.invoke(command);
      invocation.catch(() => undefined);
      const outcome = await Promise.race([invocation.then((r) => ({ r })), watchdog]);
      slot.ps.history.length = 0;
      if (outcome === 'timeout' || outcome === 'aborted') return this.fail(slot, job, outcome);
      if (slot.dead) return this.fail(slot, job, 'died');
      this.settle(job, outcome.r.stdout?.toString('utf8') ?? '');
      this.release(slot);
    } catch (error) {
      if (error instanceof PowerShellScriptError) {
        this.settle(job, error);
        return this.release(slot);
      }
      // ProcessError / InvocationError: the process is gone or unusable.
      this.fail(slot, job, 'died', error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  private fail(slot: Slot, job: Job, why: 'timeout' | 'aborted' | 'died', detail?: string): void {
    const error =
      why === 'timeout'
        ? new PowerShellScriptError('timeout', `PowerShell did not answer within ${job.timeoutMs} ms.`, job.target)
        : why === 'aborted'
          ? new PowerShellScriptError('cancelled', 'The call was cancelled.', job.target)
          : new PowerShellScriptError('process-died', `The PowerShell process ended unexpectedly${detail ? `: ${detail.slice(0, 300)}` : ''}.`, job.target);
    this.settle(job, error);
    this.retire(slot);
  }

  private release(slot: Slot): void {
    slot.busy = false;
    slot.job = undefined;
    if (slot.dead) this.retire(slot);
    else this.pump();
  }

  private markDead(slot: Slot): void {
    slot.dead = true;
    if (!slot.busy) this.retire(slot);
  }

  /** Removes a process from the pool, kills it, and lets the queue move on a fresh one. */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.dead = true;
    slot.busy = false;
    slot.job = undefined;
    void this.kill(slot);
    this.pump();
  }

  private async kill(slot: Slot): Promise<void> {
    slot.dead = true;
    slot.ready.catch(() => undefined);
    try {
      await slot.ps.dispose('SIGKILL');
    } catch {
      // Killed by a signal: node-powershell reports that as an error; it is what we asked for.
    }
  }
}
