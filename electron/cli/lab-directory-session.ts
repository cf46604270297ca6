/**
 * `--lab <dir>` for the directory commands: starts the lab folder's directory in this process
 * (loopback, saved to `<dir>/directory.json` after every change) and connects to it with the lab
 * session, so `discover`, `delegation`, `test` and `rollback` run Ferry's real LDAP code against
 * the lab without any password prompt.
 *
 * The bind password is a random one per run. When FERRY_LDAP_PASSWORD is set, the lab directory
 * takes that one instead, so scripts and tests can drive the password path end to end (bind,
 * logging, audit) with a recognisable value; it is held in memory only, like any password.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { connectDirectory, type DirectorySession } from '../services/directory/directory-session';
import { startLabDirectoryForLab } from '../services/lab/directory/lab-directory-for-lab';
import { ArgError } from './args';

/** The lab folder `--lab` names, resolved; bad input (exit 2) when it is not one. */
export function labFolderArg(labDir: string): string {
  const dir = path.resolve(labDir);
  if (labDir === '' || labDir.includes('\0') || !existsSync(path.join(dir, 'lab.json')) || !statSync(dir).isDirectory()) {
    throw new ArgError('--lab', 'is not a lab folder (create one with `ferry lab init <dir>`)');
  }
  return dir;
}

export async function openLabDirectorySession(labDir: string, env: Readonly<Record<string, string | undefined>>): Promise<DirectorySession> {
  const dir = labFolderArg(labDir);
  const fromEnv = env.FERRY_LDAP_PASSWORD;
  const lab = await startLabDirectoryForLab(dir, fromEnv !== undefined && fromEnv !== '' ? { password: fromEnv } : {});
  try {
    const session = await connectDirectory({ url: lab.url, bindUser: lab.bindUser, password: lab.password, baseDn: lab.baseDn, lab: true });
    return {
      ...session,
      close: async () => {
        try {
          await session.close();
        } finally {
          await lab.stop();
        }
      },
    };
  } catch (error) {
    await lab.stop();
    throw error;
  }
}
