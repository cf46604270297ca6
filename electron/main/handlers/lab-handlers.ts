/**
 * `lab:open`: makes sure a lab exists in `<dataDir>/lab` (creating it, or re-creating it on
 * `reset`), starts the lab directory when the caller provides one, and answers with its hosts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { initLab, listLabHosts } from '../../services/lab/lab-init';
import type { Handler } from '../ipc-dispatch';

interface LabHandlerDeps {
  readonly dataDir: string;
  /** Starts the loopback lab directory for this lab; its answer describes the connection. */
  readonly startLabDirectory?: (labDir: string) => Promise<unknown>;
}

interface DirectoryInfo {
  connected: boolean;
  url?: string;
  defaultNamingContext?: string;
  dnsDomain?: string;
  bindUser?: string;
  lab: boolean;
}

function asDirectoryInfo(value: unknown): DirectoryInfo {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === 'string' ? { [k]: v[k] as string } : {});
  return {
    connected: v.connected === true,
    ...str('url'),
    ...str('defaultNamingContext'),
    ...str('dnsDomain'),
    ...str('bindUser'),
    lab: true,
  };
}

export function createLabHandlers(deps: LabHandlerDeps): { 'lab:open': Handler<'lab:open'> } {
  return {
    'lab:open': async (request) => {
      const labDir = path.join(deps.dataDir, 'lab');
      const exists = await fs
        .access(path.join(labDir, 'lab.json'))
        .then(() => true)
        .catch(() => false);
      const hosts = !exists || request.reset === true ? (await initLab(labDir)).hosts : await listLabHosts(labDir);
      const directory = deps.startLabDirectory ? asDirectoryInfo(await deps.startLabDirectory(labDir)) : { connected: false, lab: true };
      return { labDir, hosts, directory };
    },
  };
}
