/**
 * Dispatches `ferry <command> ...` to its module. Exit codes: 0 ok, 1 failed or problems
 * found, 2 bad input (with a message naming the argument).
 */
import { commandTable as commands } from './commands/index';

export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
};

export type CommandRunner = (args: readonly string[], io: CliIo) => Promise<number>;



const USAGE = `Usage: ferry <command> [options]

Commands:
  lab init|add-vm         create or extend a simulated lab
  hosts show              read live-migration settings of hosts
  plan | apply | rollback plan, apply and undo host settings
  discover                find Hyper-V hosts in Active Directory
  delegation              show, plan, apply or remove Kerberos constrained delegation
  test | simulate         simulated migration test and migration model
  migrate                 live-migrate VMs the test finds ready (--yes), or move one back
`;

export async function runCli(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.err(`ferry: unknown command '${name}'.\n${USAGE}`);
    return 2;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    io.err(`ferry ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function defaultIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
  };
}
