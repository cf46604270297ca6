/**
 * The persistent lab directory of a lab folder: accounts built from the folder's hosts, changes
 * saved to directory.json and seen by the next start, new hosts added, a failed save undoing the
 * change, a damaged file refused, and `lab init` resetting it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLabDirectoryForLab } from '../../../electron/services/lab/directory/lab-directory-for-lab';
import type { LabDirectory } from '../../../electron/services/lab/directory/lab-directory';
import { initLab } from '../../../electron/services/lab/lab-init';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { discoverHyperVHosts, resolveComputer } from '../../../electron/services/directory/computer-accounts';
import { DirectoryError } from '../../../electron/services/directory/directory-error';

const PASSWORD = 'Lab-Directory-Test-Pa55!';
const VALUE = 'cifs/hv02.lab.example';
let lab: string;
let running: { dir: LabDirectory; session: DirectorySession }[] = [];

async function open(password?: string): Promise<{ dir: LabDirectory; session: DirectorySession }> {
  const dir = await startLabDirectoryForLab(lab, password !== undefined ? { password } : {});
  const session = await connectDirectory({ url: dir.url, bindUser: dir.bindUser, password: dir.password, lab: true });
  const pair = { dir, session };
  running.push(pair);
  return pair;
}
async function close(pair: { dir: LabDirectory; session: DirectorySession }): Promise<void> {
  running = running.filter((p) => p !== pair);
  await pair.session.close();
  await pair.dir.stop();
}

beforeEach(async () => {
  lab = await mkdtemp(path.join(os.tmpdir(), 'ferry-labdir-'));
  // Two hosts, so a third added by hand below is the one that appears on the next start.
  await initLab(lab, { hosts: ['HV01', 'HV02'] });
});
afterEach(async () => {
  for (const p of running) await close(p);
  await rm(lab, { recursive: true, force: true });
});

describe('startLabDirectoryForLab', () => {
  it('serves the lab hosts as Hyper-V computer accounts, with the explicit password', async () => {
    const pair = await open(PASSWORD);
    expect(pair.dir.password).toBe(PASSWORD);
    const hosts = await discoverHyperVHosts(pair.session);
    expect(hosts.map((h) => [h.name, h.dnsHostName, h.operatingSystem, h.hasHyperVScp])).toEqual([
      ['HV01', 'hv01.lab.example', 'Windows Server 2025 Datacenter', true],
      ['HV02', 'hv02.lab.example', 'Windows Server 2022 Datacenter', true],
    ]);
    const [entry] = await pair.session.search({ base: pair.dir.baseDn, scope: 'sub', filter: '(sAMAccountName=HV02$)', attributes: ['servicePrincipalName'] });
    expect(entry?.attrs.get('serviceprincipalname')).toEqual(expect.arrayContaining(['HOST/HV02', 'HOST/hv02.lab.example', 'Microsoft Virtual System Migration Service/hv02.lab.example']));
    await expect(connectDirectory({ url: pair.dir.url, bindUser: pair.dir.bindUser, password: 'wrong-password', lab: true })).rejects.toMatchObject({ code: 'bad-credentials' });
    expect(await readFile(path.join(lab, 'directory.json'), 'utf8')).not.toContain(PASSWORD);
  });

  it('saves every change, and the next start (new password) sees it; a new lab host appears', async () => {
    const first = await open();
    const hv01 = await resolveComputer(first.session, 'HV01');
    await first.session.addValue(hv01.dn, 'msDS-AllowedToDelegateTo', VALUE);
    // Saved before the client heard success, while the directory is still running.
    expect(await readFile(path.join(lab, 'directory.json'), 'utf8')).toContain(VALUE);
    const firstPassword = first.dir.password;
    await close(first);

    const hv02 = JSON.parse(await readFile(path.join(lab, 'hosts', 'HV02.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(lab, 'hosts', 'HV03.json'), JSON.stringify({ ...hv02, name: 'HV03' }));
    const second = await open();
    expect(second.dir.password).not.toBe(firstPassword);
    expect((await resolveComputer(second.session, 'HV01')).allowedToDelegateTo).toEqual([VALUE]);
    expect((await discoverHyperVHosts(second.session)).map((h) => h.name)).toEqual(['HV01', 'HV02', 'HV03']);
  });

  it('a change that cannot be saved is undone and reported as failed', async () => {
    const pair = await open();
    const hv01 = await resolveComputer(pair.session, 'HV01');
    await rm(path.join(lab, 'directory.json'));
    await mkdir(path.join(lab, 'directory.json', 'blocker'), { recursive: true });
    const error = await pair.session.addValue(hv01.dn, 'msDS-AllowedToDelegateTo', VALUE).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DirectoryError);
    expect((await resolveComputer(pair.session, 'HV01')).allowedToDelegateTo).toEqual([]);
    expect((await readdir(lab)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a damaged file; ferry lab init resets it', async () => {
    await writeFile(path.join(lab, 'directory.json'), '{"version":1,"entries":"nope"');
    await expect(startLabDirectoryForLab(lab)).rejects.toThrow(/damaged/);
    await initLab(lab);
    expect(existsSync(path.join(lab, 'directory.json'))).toBe(false);
    const pair = await open();
    expect((await resolveComputer(pair.session, 'HV01')).allowedToDelegateTo).toEqual([]);
  });
});
