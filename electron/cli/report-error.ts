/**
 * How a command's error reaches the admin: bad input (ArgError, or a directory refusing input) is
 * exit 2, anything else exit 1; always one line naming the command.
 */
import { DirectoryError } from '../services/directory/directory-error';
import { ArgError } from './args';
import type { CliIo } from './run-cli';

export function reportError(io: CliIo, command: string, error: unknown): number {
  io.err(`ferry ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof ArgError) return 2;
  if (error instanceof DirectoryError) return error.code === 'invalid-input' ? 2 : 1;
  return 1;
}
