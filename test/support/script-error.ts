/** The PowerShellScriptError a call rejects with; throws when it resolves or fails otherwise. */
import { PowerShellScriptError } from '../../electron/services/powershell/pool';

export async function scriptError(p: Promise<unknown>): Promise<PowerShellScriptError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PowerShellScriptError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
