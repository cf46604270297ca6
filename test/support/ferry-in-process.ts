/**
 * `ferry <args>` run in this process through `runCli` (the code the `ferry` bundle runs), with
 * its output and exit code collected: the CLI integration tests' one way to call the CLI.
 */
import path from 'node:path';
import { runCli, type CliIo } from '../../electron/cli/run-cli';

const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');

export async function ferry(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => { out += t; }, err: (t) => { err += t; }, env: { ...process.env, FERRY_PWSH: PWSH } };
  const code = await runCli(args, io);
  return { code, out, err };
}
