/**
 * `ferry hosts show <host...> [--lab <dir>] [--json]`: live-migration settings of each host,
 * read in parallel. Exit 1 when any host could not be read.
 */
import type { HostFacts } from '../../core/model';
import { validateHostName } from '../../core/settings/host-name';
import { readHosts } from '../../engine/read-hosts';
import { ArgError, parseArgs, stringArg } from '../args';
import { formatTable, printJson, printable } from '../output';
import type { CliIo } from '../run-cli';
import { openPool } from '../session';

const USAGE = 'Usage: ferry hosts show <host...> [--lab <dir>] [--json]\n';

/** The documented `--json` shape: exactly these fields, enums as Hyper-V spells them. */
function hostJson(f: HostFacts) {
  const s = f.settings;
  return {
    computerName: f.computerName,
    status: f.status,
    settings: s
      ? {
          virtualMachineMigrationEnabled: s.virtualMachineMigrationEnabled,
          maximumVirtualMachineMigrations: s.maximumVirtualMachineMigrations,
          maximumStorageMigrations: s.maximumStorageMigrations,
          virtualMachineMigrationAuthenticationType: s.virtualMachineMigrationAuthenticationType,
          virtualMachineMigrationPerformanceOption: s.virtualMachineMigrationPerformanceOption,
          useAnyNetworkForMigration: s.useAnyNetworkForMigration,
          migrationNetworks: s.migrationNetworks.map((n) => ({ subnet: n.subnet, priority: n.priority })),
        }
      : null,
    error: f.error ? { code: f.error.code, message: f.error.message } : null,
  };
}

function formatHosts(facts: readonly HostFacts[]): string {
  const rows = facts.map((f) => {
    const s = f.settings;
    const nets = s ? (s.useAnyNetworkForMigration ? 'any' : s.migrationNetworks.map((n) => `${n.subnet} (${n.priority})`).join(', ') || '(none)') : '';
    return [
      f.computerName,
      f.status,
      s ? (s.virtualMachineMigrationEnabled ? 'yes' : 'no') : '',
      s ? String(s.maximumVirtualMachineMigrations) : '',
      s ? String(s.maximumStorageMigrations) : '',
      s?.virtualMachineMigrationAuthenticationType ?? '',
      s?.virtualMachineMigrationPerformanceOption ?? '',
      nets,
    ];
  });
  let text = formatTable(['Host', 'Status', 'Migration', 'Live', 'Storage', 'Auth', 'Performance', 'Networks'], rows);
  for (const f of facts) if (f.error) text += `${printable(f.computerName)}: ${printable(f.error.message)}\n`;
  return text;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let names: string[];
  let labDir: string | undefined;
  let json: boolean;
  try {
    const args = parseArgs(argv, { lab: { type: 'string' }, json: { type: 'boolean' } });
    const [sub, ...hosts] = args.positionals;
    if (sub !== 'show') throw new ArgError(sub === undefined ? 'subcommand' : `'${printable(sub)}'`, 'expected `show`');
    if (hosts.length === 0) throw new ArgError('host', 'give at least one host name');
    if (hosts.length > 500) throw new ArgError('host', 'at most 500 hosts');
    for (const h of hosts) {
      const problem = validateHostName(h);
      if (problem !== null) throw new ArgError(`host '${printable(h)}'`, problem);
    }
    names = hosts;
    labDir = stringArg(args, 'lab');
    json = args.switches.has('json');
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`ferry hosts: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  let pool;
  try {
    pool = openPool(labDir, io.env, io.err);
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`ferry hosts: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    const facts = await readHosts(pool, names);
    if (json) printJson(io, facts.map(hostJson));
    else io.out(formatHosts(facts));
    return facts.every((f) => f.status === 'ok') ? 0 : 1;
  } finally {
    await pool.dispose();
  }
}
