/**
 * The delegation-rights read against a real AD DC (Samba on loopback): Administrator is in Domain
 * Admins (found through tokenGroups, by SID); a freshly created user is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSambaDc, type SambaDc } from '../../support/samba-dc';
import { connectDirectory, type DirectorySession } from '../../../electron/services/directory/directory-session';
import { readUserRights } from '../../../electron/services/directory/user-rights';

let dc: SambaDc;
let session: DirectorySession;

beforeAll(async () => {
  dc = await startSambaDc();
  await dc.tool(['user', 'create', 'helpdesk', 'Helpdesk-Pw-1!']);
  session = await connectDirectory({ url: dc.ldapsUrl, bindUser: dc.bindUser, password: dc.password, caFile: dc.caFile, tlsServerName: 'DC1.lab.example' });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await dc?.stop();
});

describe('readUserRights against Samba AD', () => {
  it('Administrator (no UPN attribute in Samba) is a Domain Admin via tokenGroups', async () => {
    const r = await readUserRights(session);
    expect(r.user).toBe('Administrator@lab.example');
    expect(r.dn).toMatch(/^CN=Administrator,CN=Users,DC=lab,DC=example$/i);
    expect(r.source).toBe('tokenGroups');
    expect(r.privileged).toEqual(expect.arrayContaining(['Domain Admins', 'Enterprise Admins', 'Administrators']));
    expect(r.canConfigureDelegation).toBe(true);
    expect(r.groups).toEqual(expect.arrayContaining(['Domain Admins']));
  });

  it('a plain user cannot configure delegation', async () => {
    const r = await readUserRights(session, 'LAB\\helpdesk');
    expect(r.privileged).toEqual([]);
    expect(r.canConfigureDelegation).toBe(false);
  });
});
