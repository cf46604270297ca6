/**
 * VM names are free text to Hyper-V (quotes, brackets, `$(…)` are all legal): Ferry passes them
 * as data only, bounding their length and refusing control characters, which no admin types and
 * which would garble every log line.
 */
import { MAX_TEXT_LENGTH } from '../contract/schemas';

export function validateVmName(name: string): string | null {
  if (name.length === 0) return 'a VM name cannot be empty';
  if (name.length > MAX_TEXT_LENGTH) return `a VM name has at most ${MAX_TEXT_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a VM name cannot hold control characters';
  return null;
}
