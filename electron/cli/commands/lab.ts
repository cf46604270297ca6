/**
 * `ferry lab init <dir> [--hosts A,B]` and
 * `ferry lab add-vm <dir> --host H --name N --memory-gb G [--switch S] [--version V]`.
 * Exit 0 done, 1 failed, 2 bad input (the message names the argument).
 */
import { addVm, initLab, LabInputError } from '../../services/lab/lab-init';
import type { CliIo } from '../run-cli';

const USAGE = `Usage:
  ferry lab init <dir> [--hosts HV01,HV02] [--connect-ms <ms>] [--latency-ms <ms>]   (default HV01–HV04)
                  [--second-domain HV04] [--duplicate-spn HV02]
      --connect-ms     what setting up a session to a host costs (once per session)
      --latency-ms     what each remote call to a host costs
      --second-domain  these hosts join the child domain emea.lab.example (delegation must be resource-based)
      --duplicate-spn  a stale account HOST-OLD also holds these hosts' migration SPNs
  ferry lab add-vm <dir> --host <host> --name <vm name> --memory-gb <GiB> [--switch <name>] [--version <x.y>]
`;

class BadInput extends Error {}

/** Splits `--flag value` pairs (also `--flag=value`); positional arguments are returned in order. */
function parseArgs(args: readonly string[], allowed: readonly string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!allowed.includes(name)) throw new BadInput(`${name.slice(0, 40)}: unknown option`);
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new BadInput(`${name}: needs a value`);
    if (flags.has(name)) throw new BadInput(`${name}: given twice`);
    flags.set(name, value);
    value = undefined;
  }
  return { positional, flags };
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'init') {
      const { positional, flags } = parseArgs(rest, ['--hosts', '--connect-ms', '--latency-ms', '--second-domain', '--duplicate-spn']);
      const dir = positional[0];
      if (dir === undefined || dir === '' || positional.length > 1) throw new BadInput('<dir>: give exactly one lab folder');
      const hostsArg = flags.get('--hosts');
      const hosts = hostsArg === undefined ? undefined : hostsArg.split(',').map((h) => h.trim());
      if (hosts && hosts.some((h) => h === '')) throw new BadInput('--hosts: empty host name in the list');
      const cost: { connectMs?: number; latencyMs?: number } = {};
      for (const [flag, key] of [['--connect-ms', 'connectMs'], ['--latency-ms', 'latencyMs']] as const) {
        const v = flags.get(flag);
        if (v === undefined) continue;
        if (!/^\d{1,5}$/.test(v)) throw new BadInput(`${flag}: give whole milliseconds from 0 to 60000`);
        cost[key] = Number(v);
      }
      const defects: { secondDomainHosts?: string[]; duplicateSpnHosts?: string[] } = {};
      for (const [flag, key] of [['--second-domain', 'secondDomainHosts'], ['--duplicate-spn', 'duplicateSpnHosts']] as const) {
        const v = flags.get(flag);
        if (v === undefined) continue;
        const list = v.split(',').map((h) => h.trim());
        if (list.some((h) => h === '')) throw new BadInput(`${flag}: empty host name in the list`);
        defects[key] = list;
      }
      const result = await initLab(dir, { ...(hosts ? { hosts } : {}), ...cost, ...defects });
      io.out(`Lab created in ${dir} with hosts ${result.hosts.join(', ')}.\n`);
      return 0;
    }
    if (sub === 'add-vm') {
      const { positional, flags } = parseArgs(rest, ['--host', '--name', '--memory-gb', '--switch', '--version']);
      const dir = positional[0];
      if (dir === undefined || dir === '' || positional.length > 1) throw new BadInput('<dir>: give exactly one lab folder');
      const host = flags.get('--host');
      const name = flags.get('--name');
      const mem = flags.get('--memory-gb');
      if (host === undefined) throw new BadInput('--host: required');
      if (name === undefined) throw new BadInput('--name: required');
      if (mem === undefined) throw new BadInput('--memory-gb: required');
      if (!/^\d+(\.\d+)?$/.test(mem)) throw new BadInput('--memory-gb: give a number of GiB');
      const switchName = flags.get('--switch');
      const version = flags.get('--version');
      const vm = await addVm(dir, {
        host,
        name,
        memoryGb: Number(mem),
        ...(switchName !== undefined ? { switchName } : {}),
        ...(version !== undefined ? { version } : {}),
      });
      io.out(`Added VM (${vm.memoryStartupBytes / 1024 ** 3} GiB, version ${vm.version}) to ${host}.\n`);
      return 0;
    }
    io.err(`ferry lab: ${sub === undefined ? 'missing sub-command' : 'unknown sub-command'}.\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof BadInput || error instanceof LabInputError) {
      io.err(`ferry lab: ${error.message}\n`);
      return 2;
    }
    io.err(`ferry lab: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
