/**
 * What the engine needs from the PowerShell pool (`services/powershell/pool.ts`), as a
 * structural type: the engine can be driven by the real pool or by anything that runs a script
 * with one JSON data argument.
 */
export interface RunOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** One input's answer from `runEach`: its data, or its own error (the others are unaffected). */
export type EachOutcome<T> =
  | { readonly ok: true; readonly data: T; readonly elapsedMs: number }
  | { readonly ok: false; readonly error: unknown; readonly elapsedMs: number };

export interface ScriptRunner {
  run<T>(script: string, data: unknown, opts?: RunOptions): Promise<T>;
  /**
   * Optional: one script for many inputs at once (the pool's fan-out: one process, a runspace
   * per host, one session per host), each input's own result in order. Without it callers run
   * the inputs one `run` each.
   */
  runEach?<T>(script: string, inputs: readonly unknown[], opts?: RunOptions): Promise<EachOutcome<T>[]>;
}

/** The pool's error codes (PowerShellScriptError.code), read without importing the class. */
export type ScriptErrorCode =
  | 'unreachable'
  | 'access-denied'
  | 'timeout'
  | 'cancelled'
  | 'script-error'
  | 'bad-output'
  | 'process-died'
  | 'constrained-language';

export function errorInfoOf(error: unknown): { code: string; message: string; target?: string } {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; target?: unknown };
    const code = typeof e.code === 'string' ? e.code : 'error';
    const message = typeof e.message === 'string' ? e.message : String(error);
    return typeof e.target === 'string' ? { code, message, target: e.target } : { code, message };
  }
  return { code: 'error', message: String(error) };
}
