/**
 * The one error type the PowerShell service throws. `code` tells the caller what happened to
 * the host (unreachable, access denied) or to the call (timeout, cancelled, process died).
 */
export const POWERSHELL_ERROR_CODES = [
  'unreachable',
  'access-denied',
  'timeout',
  'cancelled',
  'script-error',
  'bad-output',
  'process-died',
  /** The PowerShell runs in Constrained Language Mode (WDAC/AppLocker): Ferry cannot work there. */
  'constrained-language',
] as const;

export type PowerShellErrorCode = (typeof POWERSHELL_ERROR_CODES)[number];

export class PowerShellScriptError extends Error {
  constructor(
    readonly code: PowerShellErrorCode,
    message: string,
    readonly target?: string,
  ) {
    super(message);
    this.name = 'PowerShellScriptError';
  }
}

export function isPowerShellErrorCode(value: unknown): value is PowerShellErrorCode {
  return typeof value === 'string' && (POWERSHELL_ERROR_CODES as readonly string[]).includes(value);
}
