/**
 * Fault injection for lab hosts (tests and the lab UI): unreachable, slow, access denied,
 * failure on the Nth mutating call, closed ports. The HyperVLab module reads the file on
 * every cmdlet call, so a change applies to the next call of any pool process.
 */
import { promises as fs } from 'node:fs';
import { callTraceFile, faultFile, hostFile, type LabFault, writeJsonAtomic } from './lab-state';

export type { LabFault } from './lab-state';

/** Replaces the host's faults; `null` or `{}` clears them. Resets the mutating-call counter and the call trace. */
export async function setFault(dir: string, host: string, fault: LabFault | null): Promise<void> {
  await fs.access(hostFile(dir, host)).catch(() => {
    throw new Error(`the lab has no host '${host}'`);
  });
  const clean: LabFault = { ...(fault ?? {}) };
  if (clean.failOnMutation !== undefined) clean.mutationCalls = 0;
  await fs.rm(callTraceFile(dir, host), { force: true });
  await writeJsonAtomic(faultFile(dir, host), clean);
}

/** How many calls to the host have started since its `traceCalls` fault was set. */
export async function labCalls(dir: string, host: string): Promise<number> {
  const text = await fs.readFile(callTraceFile(dir, host), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '').length;
}

export async function getFault(dir: string, host: string): Promise<LabFault> {
  try {
    return JSON.parse(await fs.readFile(faultFile(dir, host), 'utf8')) as LabFault;
  } catch {
    return {};
  }
}
