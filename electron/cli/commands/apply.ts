/**
 * `ferry apply <plan options> --yes [--audit-log <file>]`: plan, then apply step by step with
 * read-back, stopping at the first failure. Without `--yes` it only shows the plan (exit 2).
 */
import type { CliIo } from '../run-cli';
import { runSettingsCommand } from './plan';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runSettingsCommand('apply', argv, io);
}
