/**
 * `ferry simulate`: the pre-copy model for a hypothetical VM, per performance option. Units are
 * in the flag names: GiB, megabytes per second, gigabits per second.
 */
import { ArgError, parseArgs, stringArg, intArg, type ParsedArgs } from '../args';
import { formatTable, printJson } from '../output';
import type { CliIo } from '../run-cli';
import { GIB, MB, MODEL_DEFAULTS, runModel } from '../../core/simulate';
import { formatSeconds } from '../../core/report';

const SPEC = {
  'memory-gb': { type: 'string' },
  'dirty-mb-per-s': { type: 'string' },
  'link-gbps': { type: 'string' },
  links: { type: 'string' },
  rdma: { type: 'boolean' },
  concurrent: { type: 'string' },
  'compression-ratio': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const USAGE = `Usage: ferry simulate --memory-gb <GiB> --dirty-mb-per-s <MB/s> --link-gbps <Gbit/s>
                      [--links <n>] [--rdma] [--concurrent <n>] [--compression-ratio <r>] [--json]
  --compression-ratio  how far memory compresses for the Compression option (default ${MODEL_DEFAULTS.compressionRatio}:1)
`;

/** A positive decimal (no exponent, hex, sign or spaces) within [min, max]. */
export function decimalArg(args: ParsedArgs, name: string, min: number, max: number, required: boolean): number | undefined {
  const text = stringArg(args, name);
  if (text === undefined) {
    if (required) throw new ArgError(`--${name}`, 'is required');
    return undefined;
  }
  if (!/^\d{1,7}(\.\d{1,6})?$/.test(text)) throw new ArgError(`--${name}`, `must be a number from ${min} to ${max}`);
  const value = Number(text);
  if (!(value >= min && value <= max)) throw new ArgError(`--${name}`, `must be a number from ${min} to ${max}`);
  return value;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  let input;
  let compressionRatio: number | undefined;
  try {
    args = parseArgs(argv, SPEC);
    if (args.switches.has('help')) {
      io.out(USAGE);
      return 0;
    }
    if (args.positionals.length > 0) throw new ArgError(args.positionals[0] ?? '', 'unexpected argument');
    const memoryGiB = decimalArg(args, 'memory-gb', 0.001, 24 * 1024, true) ?? 0;
    const dirtyMBps = decimalArg(args, 'dirty-mb-per-s', 0, 100_000, true) ?? 0;
    const linkGbps = decimalArg(args, 'link-gbps', 0.001, 10_000, true) ?? 0;
    compressionRatio = decimalArg(args, 'compression-ratio', 1, 20, false);
    input = {
      memoryBytes: memoryGiB * GIB,
      dirtyBytesPerSecond: dirtyMBps * MB,
      linkGbps,
      links: intArg(args, 'links', 1, 64) ?? 1,
      rdma: args.switches.has('rdma'),
      concurrent: intArg(args, 'concurrent', 1, 64) ?? 1,
    };
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`ferry simulate: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const model = runModel(input, compressionRatio === undefined ? {} : { compressionRatio });
  if (args.switches.has('json')) {
    printJson(io, model);
    return 0;
  }
  io.out(formatTable(
    ['Option', 'Rounds', 'Total', 'Blackout', 'Data sent', 'Converges'],
    model.map((m) => [m.option, String(m.rounds), formatSeconds(m.totalSeconds), formatSeconds(m.downtimeSeconds), `${(m.bytesSent / GIB).toFixed(1)} GiB`, m.converges ? 'yes' : 'NO']),
  ));
  for (const m of model) io.out(`${m.option}: ${m.why ?? ''}\n`);
  // The ratio depends on the guest's memory; say what was assumed and whether it is the default.
  const ratio = compressionRatio ?? MODEL_DEFAULTS.compressionRatio;
  io.out(`Compression assumes memory compresses ${ratio}:1 (${compressionRatio === undefined ? 'default; change with --compression-ratio' : '--compression-ratio'}).\n`);
  return 0;
}
