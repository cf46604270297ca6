/**
 * The group flags several commands share: `--hosts HV01,HV02,...` or `--hosts-file <file>` (one
 * name a line; blank lines and `#` comments ignored), and for delegation `--topology mesh|hub`
 * with `--hub <host>` (repeatable). A pair (`--source` + `--destination`) is the group of two.
 */
import { readFile } from 'node:fs/promises';
import { MAX_GROUP_HOSTS } from '../core/contract/schemas';
import { topologyOf, isGroupIssue, validateGroupHosts, type DelegationTopology } from '../core/group';
import { ArgError, choiceArg, stringArg, type ArgSpec, type ParsedArgs } from './args';
import { printable } from './output';

export const GROUP_HOSTS_SPEC: ArgSpec = {
  hosts: { type: 'string' },
  'hosts-file': { type: 'string' },
};

export const GROUP_SPEC: ArgSpec = {
  ...GROUP_HOSTS_SPEC,
  topology: { type: 'string' },
  hub: { type: 'string', multiple: true },
};

/** A hosts file is short: refuse anything that is not plausibly one. */
const MAX_HOSTS_FILE_BYTES = 64 * 1024;

async function namesFromFile(file: string): Promise<string[]> {
  if (file === '' || file.includes('\0')) throw new ArgError('--hosts-file', 'is not a usable file name');
  let text: string;
  try {
    const buffer = await readFile(file);
    if (buffer.length > MAX_HOSTS_FILE_BYTES) throw new ArgError('--hosts-file', `is larger than ${MAX_HOSTS_FILE_BYTES / 1024} KB`);
    text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof ArgError) throw error;
    throw new ArgError('--hosts-file', `cannot be read (${printable(error instanceof Error ? error.message : String(error))})`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** The group's hosts, or undefined when neither `--hosts` nor `--hosts-file` was given. */
export async function groupHostsArg(args: ParsedArgs): Promise<string[] | undefined> {
  const list = stringArg(args, 'hosts');
  const file = stringArg(args, 'hosts-file');
  if (list === undefined && file === undefined) return undefined;
  if (list !== undefined && file !== undefined) throw new ArgError('--hosts-file', 'cannot be combined with --hosts');
  const flag = list !== undefined ? '--hosts' : '--hosts-file';
  const hosts = list !== undefined ? list.split(',').map((h) => h.trim()).filter((h) => h !== '') : await namesFromFile(file ?? '');
  if (hosts.length > MAX_GROUP_HOSTS) throw new ArgError(flag, `at most ${MAX_GROUP_HOSTS} hosts (got ${hosts.length})`);
  const issue = validateGroupHosts(hosts)[0];
  if (issue) {
    const index = /^hosts\.(\d+)$/.exec(issue.field)?.[1];
    const name = index !== undefined ? hosts[Number(index)] ?? '' : '';
    throw new ArgError(flag, index !== undefined ? `${issue.message.replace(/^hosts\.\d+: /, '')} (got '${printable(name)}')` : issue.message.replace(/^hosts: /, ''));
  }
  return hosts;
}

/** `--topology mesh|hub` with `--hub`; default mesh. Pairs use `--one-way` instead. */
export function topologyArg(args: ParsedArgs, hosts: readonly string[]): DelegationTopology {
  const kind = choiceArg(args, 'topology', ['mesh', 'hub'] as const);
  const hubs = args.values.get('hub') ?? [];
  const topology = topologyOf(hosts, false, { ...(kind ? { topology: kind } : {}), hubs }, '');
  if (isGroupIssue(topology)) throw new ArgError(topology.field.startsWith('hubs') ? '--hub' : '--topology', topology.message.replace(/^hubs(\.\d+)?: /, ''));
  return topology;
}

/** Group flags must not be mixed with a pair's. */
export function refusePairWithGroup(args: ParsedArgs): void {
  for (const pairFlag of ['source', 'destination']) {
    if (stringArg(args, pairFlag) !== undefined) throw new ArgError(`--${pairFlag}`, 'cannot be combined with --hosts/--hosts-file (a pair is --source and --destination alone)');
  }
}
