/**
 * The one argument parser for `ferry` commands: `--name value`, `--name=value`, repeatable
 * flags, boolean switches (with an optional one-letter `-x` form) and positionals. Anything
 * unknown is bad input (ArgError, exit 2) with a message naming the argument — a typo must never
 * be silently ignored by a tool that changes hosts.
 */
import { validateHostName } from '../core/settings/host-name';
import { printable } from './output';

interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** A one-letter alias for a switch (`-h` for `--help`). */
  readonly short?: string;
}

export type ArgSpec = Readonly<Record<string, FlagSpec>>;

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

/** Bad command-line input: `argument` is the flag or positional it concerns. */
export class ArgError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
    this.name = 'ArgError';
  }
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPositionals || !arg.startsWith('--')) {
      if (!onlyPositionals && arg.startsWith('-') && arg.length > 1) {
        const alias = Object.entries(spec).find(([, f]) => f.type === 'boolean' && f.short !== undefined && `-${f.short}` === arg)?.[0];
        if (alias === undefined) throw new ArgError(printable(arg), 'unknown option');
        if (switches.has(alias)) throw new ArgError(`--${alias}`, 'given more than once');
        switches.add(alias);
        continue;
      }
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const flag = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (flag === undefined) throw new ArgError(`--${printable(name)}`, 'unknown option');
    if (flag.type === 'boolean') {
      if (eq !== -1) throw new ArgError(`--${name}`, 'takes no value');
      if (switches.has(name)) throw new ArgError(`--${name}`, 'given more than once');
      switches.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new ArgError(`--${name}`, 'needs a value');
      i++;
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !flag.multiple) throw new ArgError(`--${name}`, 'given more than once');
    list.push(value);
    values.set(name, list);
  }
  return { values, switches, positionals };
}

export function stringArg(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.[0];
}

export function requiredString(args: ParsedArgs, name: string): string {
  const value = stringArg(args, name);
  if (value === undefined) throw new ArgError(`--${name}`, 'is required');
  return value;
}

/** A whole number in [min, max], decimal digits only (no `1e3`, `0x10`, `+4`, spaces). */
export function intArg(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = stringArg(args, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,10}$/.test(text)) throw new ArgError(`--${name}`, `must be a whole number from ${min} to ${max}`);
  const value = Number(text);
  if (value < min || value > max) throw new ArgError(`--${name}`, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function choiceArg<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const text = stringArg(args, name);
  if (text === undefined) return undefined;
  // Accept any letter case but hand back Hyper-V's own spelling.
  const match = choices.find((c) => c.toLowerCase() === text.toLowerCase());
  if (match === undefined) throw new ArgError(`--${name}`, `must be one of ${choices.join(', ')} (got '${printable(text)}')`);
  return match;
}

/** A required host-name flag, checked with core's host-name rule. */
export function hostArg(args: ParsedArgs, name: string): string {
  const value = requiredString(args, name);
  const problem = validateHostName(value);
  if (problem !== null) throw new ArgError(`--${name}`, `${problem} (got '${printable(value)}')`);
  return value;
}
