/**
 * What the engine needs from the PowerShell pool (`services/powershell/pool.ts`), as a
 * structural type: the engine can be driven by the real pool or by anything that runs a script
 * with one JSON data argument.
 */
export interface RunOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface ScriptRunner {
  run<T>(script: string, data: unknown, opts?: RunOptions): Promise<T>;
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
