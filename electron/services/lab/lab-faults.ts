/**
 * Fault injection for lab hosts (tests and the lab UI): unreachable, slow, access denied,
 * failure on the Nth mutating call, closed ports. The HyperVLab module reads the file on
 * every cmdlet call, so a change applies to the next call of any pool process.
 */
import { promises as fs } from 'node:fs';
import { faultFile, hostFile, type LabFault, writeJsonAtomic } from './lab-state';

export type { LabFault } from './lab-state';

/** Replaces the host's faults; `null` or `{}` clears them. Resets the mutating-call counter. */
export async function setFault(dir: string, host: string, fault: LabFault | null): Promise<void> {
  await fs.access(hostFile(dir, host)).catch(() => {
    throw new Error(`the lab has no host '${host}'`);
  });
  const clean: LabFault = { ...(fault ?? {}) };
  if (clean.failOnMutation !== undefined) clean.mutationCalls = 0;
  await writeJsonAtomic(faultFile(dir, host), clean);
}

export async function getFault(dir: string, host: string): Promise<LabFault> {
  try {
    return JSON.parse(await fs.readFile(faultFile(dir, host), 'utf8')) as LabFault;
  } catch {
    return {};
  }
}
