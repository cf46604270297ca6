import type { CliIo } from '../run-cli';

// Placeholder until the command lands.
export async function run(_args: readonly string[], io: CliIo): Promise<number> {
  io.err('ferry simulate: not implemented yet\n');
  return 1;
}
