/**
 * Reads N hosts in parallel through the pool. Each host gets its own status, error and
 * elapsed time; one slow or dead host only costs its own pool slot (and its own timeout).
 */
import { HostFactsSchema } from '../core/contract/schemas';
import type { HostFacts, HostStatus } from '../core/model';
import { validateHostName } from '../core/settings/host-name';
import { errorInfoOf, type ScriptRunner } from './script-runner';

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

export async function readHost(runner: ScriptRunner, name: string, options: ReadHostsOptions = {}): Promise<HostFacts> {
  const started = Date.now();
  const problem = validateHostName(name);
  if (problem !== null) {
    return { computerName: name, status: 'error', error: { code: 'invalid-host-name', message: problem }, elapsedMs: 0 };
  }
  try {
    const data = await runner.run<Record<string, unknown>>(
      READ_SCRIPT,
      { computerName: name },
      { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
    );
    const picked: Record<string, unknown> = {};
    for (const key of FACT_KEYS) if (data && data[key] !== undefined && data[key] !== null) picked[key] = data[key];
    const elapsedMs = Date.now() - started;
    const parsed = HostFactsSchema.safeParse({ ...picked, computerName: name, status: 'ok', elapsedMs });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? issue.path.map(String).join('.') : '';
      return {
        computerName: name,
        status: 'error',
        error: { code: 'bad-output', message: `Unexpected answer from ${name}${where ? ` (${where}: ${issue?.message ?? ''})` : ''}`, target: name },
        elapsedMs,
      };
    }
    return parsed.data;
  } catch (error) {
    const info = errorInfoOf(error);
    return {
      computerName: name,
      status: STATUS_BY_CODE[info.code] ?? 'error',
      error: { ...info, target: info.target ?? name },
      elapsedMs: Date.now() - started,
    };
  }
}

/** All hosts at once; the result keeps the order of `names`. Never throws for one host. */
export async function readHosts(runner: ScriptRunner, names: readonly string[], options: ReadHostsOptions = {}): Promise<HostFacts[]> {
  return Promise.all(names.map((name) => readHost(runner, name, options)));
}
