/**
 * Reads N hosts at once. Each host gets its own status, error and elapsed time; one slow or dead
 * host costs only its own time (and its own timeout). With a runner that fans out (the pool's
 * `runEach`: one process, a runspace and one session per host) a group of hosts costs about its
 * slowest host's read; otherwise each host is one pool call.
 */
import { HostFactsSchema } from '../core/contract/schemas';
import type { HostFacts, HostStatus } from '../core/model';
import { validateHostName } from '../core/settings/host-name';
import { errorInfoOf, type RunOptions, type ScriptRunner } from './script-runner';

export const READ_SCRIPT = 'get-host-facts.ps1';

export interface ReadHostsOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

const STATUS_BY_CODE: Readonly<Record<string, HostStatus>> = {
  unreachable: 'unreachable',
  'access-denied': 'access-denied',
  timeout: 'timeout',
};

/** Fields the script may report; identity and status are Ferry's, not the script's. */
const FACT_KEYS = Object.keys(HostFactsSchema.shape).filter(
  (k) => k !== 'computerName' && k !== 'status' && k !== 'error' && k !== 'elapsedMs',
);

function runOptions(options: ReadHostsOptions): RunOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
}

function invalidName(name: string): HostFacts | undefined {
  const problem = validateHostName(name);
  return problem === null ? undefined : { computerName: name, status: 'error', error: { code: 'invalid-host-name', message: problem }, elapsedMs: 0 };
}

/** The host's facts from what the script answered, checked against HostFactsSchema. */
function factsOf(name: string, data: Record<string, unknown> | null | undefined, elapsedMs: number): HostFacts {
  const picked: Record<string, unknown> = {};
  for (const key of FACT_KEYS) if (data && data[key] !== undefined && data[key] !== null) picked[key] = data[key];
  const parsed = HostFactsSchema.safeParse({ ...picked, computerName: name, status: 'ok', elapsedMs });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.map(String).join('.') : '';
  return {
    computerName: name,
    status: 'error',
    error: { code: 'bad-output', message: `Unexpected answer from ${name}${where ? ` (${where}: ${issue?.message ?? ''})` : ''}`, target: name },
    elapsedMs,
  };
}

function failureOf(name: string, error: unknown, elapsedMs: number): HostFacts {
  const info = errorInfoOf(error);
  return { computerName: name, status: STATUS_BY_CODE[info.code] ?? 'error', error: { ...info, target: info.target ?? name }, elapsedMs };
}

export async function readHost(runner: ScriptRunner, name: string, options: ReadHostsOptions = {}): Promise<HostFacts> {
  const started = Date.now();
  const invalid = invalidName(name);
  if (invalid) return invalid;
  try {
    const data = await runner.run<Record<string, unknown>>(READ_SCRIPT, { computerName: name }, runOptions(options));
    return factsOf(name, data, Date.now() - started);
  } catch (error) {
    return failureOf(name, error, Date.now() - started);
  }
}

/** All hosts at once; the result keeps the order of `names`. Never throws for one host. */
export async function readHosts(runner: ScriptRunner, names: readonly string[], options: ReadHostsOptions = {}): Promise<HostFacts[]> {
  const valid = names.filter((name) => invalidName(name) === undefined);
  if (runner.runEach === undefined || valid.length < 2) return Promise.all(names.map((name) => readHost(runner, name, options)));
  const started = Date.now();
  const byName = new Map<string, HostFacts>();
  try {
    const answers = await runner.runEach<Record<string, unknown>>(READ_SCRIPT, valid.map((computerName) => ({ computerName })), runOptions(options));
    valid.forEach((name, i) => {
      const a = answers[i];
      byName.set(name, a === undefined ? failureOf(name, new Error('No answer.'), 0) : a.ok ? factsOf(name, a.data, a.elapsedMs) : failureOf(name, a.error, a.elapsedMs));
    });
  } catch (error) {
    // The fan-out itself failed (cancelled, its process died): every host says so.
    for (const name of valid) byName.set(name, failureOf(name, error, Date.now() - started));
  }
  return names.map((name) => invalidName(name) ?? byName.get(name) ?? failureOf(name, new Error('No answer.'), 0));
}
