/**
 * The bound user's right to configure delegation, read by Ferry's directory code from the lab
 * directory (memberOf + group objectSid sent binary, as AD does).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLabDirectory, type LabDirectory } from '../../../electron/services/lab/directory/lab-directory';
import { startLabDirectoryForLab } from '../../../electron/services/lab/directory/lab-directory-for-lab';
import { initLab } from '../../../electron/services/lab/lab-init';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { readUserRights, sidFromHex, privilegedGroupOf } from '../../../electron/services/directory/user-rights';
import { DirectoryError } from '../../../electron/services/directory/directory-error';
import { sidToBuffer } from '../../../electron/services/lab/directory/ldap-codec';

const open: { lab: LabDirectory; session: DirectorySession }[] = [];
const dirs: string[] = [];

async function start(opts: Parameters<typeof startLabDirectory>[0]) {
  const lab = await startLabDirectory(opts);
  const session = await connectDirectory({ url: lab.url, bindUser: lab.bindUser, password: lab.password, lab: true });
  open.push({ lab, session });
  return session;
}

afterAll(async () => {
  for (const o of open) {
    await o.session.close();
    await o.lab.stop();
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('SID text ↔ binary', () => {
  it('round-trips and recognises the privileged groups by SID', () => {
    const sid = 'S-1-5-21-3623811015-3361044348-30300820-512';
    expect(sidFromHex(sidToBuffer(sid)!.toString('hex'))).toBe(sid);
    expect(sidFromHex(sidToBuffer('S-1-5-32-544')!.toString('hex'))).toBe('S-1-5-32-544');
    expect(sidFromHex('0102')).toBeUndefined();
    expect(privilegedGroupOf(sid)).toBe('Domain Admins');
    expect(privilegedGroupOf('S-1-5-21-1-2-3-519')).toBe('Enterprise Admins');
    expect(privilegedGroupOf('S-1-5-32-544')).toBe('Administrators');
    expect(privilegedGroupOf('S-1-5-21-1-2-3-513')).toBeUndefined();
    expect(privilegedGroupOf('S-1-5-32-578')).toBeUndefined();
  });
});

describe('readUserRights against the lab directory', () => {
  it('the lab bind user is a Domain Admin: it can configure delegation', async () => {
    const session = await start({ hosts: [] });
    const r = await readUserRights(session);
    expect(r.user).toBe('ferry-lab@lab.example');
    expect(r.dn).toBe('CN=ferry-lab,CN=Users,DC=lab,DC=example');
    expect(r.groups).toEqual(['Domain Admins']);
    expect(r.privileged).toEqual(['Domain Admins']);
    expect(r.canConfigureDelegation).toBe(true);
    expect(r.notDelegated).toBe(false);
    expect(r.source).toBe('memberOf');
  });

  it('a bind user outside Domain Admins cannot (primary group Domain Users only)', async () => {
    const session = await start({ hosts: [], bindUserIsDomainAdmin: false });
    const r = await readUserRights(session);
    expect(r.groups).toEqual([]);
    expect(r.privileged).toEqual([]);
    expect(r.canConfigureDelegation).toBe(false);
  });

  it('an unknown user is not-found; a hostile name is escaped, not a filter', async () => {
    const session = await start({ hosts: [] });
    await expect(readUserRights(session, 'nobody@lab.example')).rejects.toBeInstanceOf(DirectoryError);
    await expect(readUserRights(session, '*)(sAMAccountName=*')).rejects.toMatchObject({ code: 'not-found' });
    expect((await readUserRights(session, 'LAB\\ferry-lab')).canConfigureDelegation).toBe(true);
  });

  it('a lab folder directory has the bind user too, also when loaded from a file saved before users existed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-lab-opdir-'));
    dirs.push(dir);
    await initLab(dir);
    const first = await startLabDirectoryForLab(dir);
    await first.stop();
    // Drop the user objects, as a directory.json saved by an older Ferry would lack them.
    const file = path.join(dir, 'directory.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { entries: { dn: string }[] };
    saved.entries = saved.entries.filter((e) => !e.dn.includes('CN=Users'));
    expect(saved.entries.length).toBeGreaterThan(2);
    writeFileSync(file, JSON.stringify({ ...saved, entries: saved.entries }));
    const lab = await startLabDirectoryForLab(dir);
    const session = await connectDirectory({ url: lab.url, bindUser: lab.bindUser, password: lab.password, lab: true });
    open.push({ lab, session });
    expect((await readUserRights(session)).canConfigureDelegation).toBe(true);
  });
});
