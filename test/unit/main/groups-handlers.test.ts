/** Saved groups: a JSON file in the settings folder, validated on the way in and on the way back. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../electron/core/contract/channels';
import { MAX_SAVED_GROUPS } from '../../../electron/core/contract/schemas';
import { createGroupsHandlers } from '../../../electron/main/handlers/groups-handlers';
import { UserFacingError } from '../../../electron/main/ipc-dispatch';

const dirs: string[] = [];
function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-groups-'));
  dirs.push(dir);
  const file = path.join(dir, 'settings', 'groups.json');
  return { file, handlers: createGroupsHandlers({ file }) };
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const signal = new AbortController().signal;

describe('groups:* handlers', () => {
  it('lists nothing at first, saves, replaces by name regardless of case, deletes', async () => {
    const { file, handlers } = setup();
    expect(await handlers['groups:list']({}, signal)).toEqual({ groups: [] });
    await handlers['groups:save']({ name: 'West', hosts: ['HV03', 'HV04'] }, signal);
    const saved = await handlers['groups:save']({ name: 'East rack', hosts: ['HV01', 'HV02', 'HV03'] }, signal);
    expect(saved.groups.map((g) => g.name)).toEqual(['East rack', 'West']);
    const replaced = await handlers['groups:save']({ name: 'east RACK', hosts: ['HV02', 'HV01'] }, signal);
    expect(replaced.groups).toEqual([{ name: 'east RACK', hosts: ['HV02', 'HV01'] }, { name: 'West', hosts: ['HV03', 'HV04'] }]);
    // The file holds exactly that, and a new handler (the next app start) reads it back.
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, groups: replaced.groups });
    expect(await createGroupsHandlers({ file })['groups:list']({}, signal)).toEqual(replaced);
    expect((await handlers['groups:delete']({ name: 'west' }, signal)).groups.map((g) => g.name)).toEqual(['east RACK']);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['groups.json']); // no temp file left behind
  });

  it('refuses a host listed twice, an unknown name, and a damaged file, each naming what is wrong', async () => {
    const { file, handlers } = setup();
    await expect(handlers['groups:save']({ name: 'A', hosts: ['HV01', 'hv01'] }, signal)).rejects.toMatchObject({ code: 'invalid-input', field: 'hosts' });
    await expect(handlers['groups:delete']({ name: 'nope' }, signal)).rejects.toMatchObject({ code: 'not-found', field: 'name' });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const bad of ['{"version":1,"groups":"x"', '{"version":1,"groups":[{"name":"A","hosts":["HV01"]}]}', '{"version":2,"groups":[]}']) {
      fs.writeFileSync(file, bad);
      const error = await handlers['groups:list']({}, signal).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as UserFacingError).message).toMatch(/damaged.*Delete it/);
    }
  });

  it(`keeps at most ${MAX_SAVED_GROUPS} groups`, async () => {
    const { file, handlers } = setup();
    const groups = Array.from({ length: MAX_SAVED_GROUPS }, (_, i) => ({ name: `G${i}`, hosts: ['HV01', 'HV02'] }));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ version: 1, groups }));
    await expect(handlers['groups:save']({ name: 'one more', hosts: ['HV01', 'HV02'] }, signal)).rejects.toMatchObject({ code: 'invalid-input', field: 'name' });
    // Replacing one of them is still fine.
    expect((await handlers['groups:save']({ name: 'G7', hosts: ['HV03', 'HV04'] }, signal)).groups).toHaveLength(MAX_SAVED_GROUPS);
  });

  it('the contract refuses names with control characters or edge spaces, and groups of one host', () => {
    const save = invokeChannels['groups:save'].request;
    for (const name of ['', ' East', 'East ', 'a\nb', 'a\u0000b', 'a\u202eb', 'x'.repeat(65)]) {
      expect(save.safeParse({ name, hosts: ['HV01', 'HV02'] }).success, JSON.stringify(name)).toBe(false);
    }
    expect(save.safeParse({ name: 'Ost-Rack ä 1', hosts: ['HV01', 'HV02'] }).success).toBe(true);
    expect(save.safeParse({ name: 'A', hosts: ['HV01'] }).success).toBe(false);
    expect(save.safeParse({ name: 'A', hosts: ['HV01', 'HV02'], password: 'x' }).success).toBe(false);
  });
});
