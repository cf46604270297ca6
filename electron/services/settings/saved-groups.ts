/**
 * The saved groups file: `<settings folder>/groups.json`, a versioned list of named host groups.
 * Host names only (never credentials); written via temp file + rename so a crash never leaves
 * half a file, and read back through the contract's schema so a damaged file is refused, not used.
 */
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { MAX_SAVED_GROUPS, SavedGroupSchema } from '../../core/contract/schemas';
import type { SavedGroup } from '../../core/model';
import { writeJsonAtomic } from '../lab/lab-state';

const FileSchema = z.object({ version: z.literal(1), groups: z.array(SavedGroupSchema).max(MAX_SAVED_GROUPS) }).strict();

export class SavedGroupsError extends Error {
  constructor(
    readonly kind: 'damaged' | 'too-many' | 'duplicate-host' | 'not-found',
    message: string,
  ) {
    super(message);
    this.name = 'SavedGroupsError';
  }
}

const same = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;
const byName = (a: SavedGroup, b: SavedGroup) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true });

export async function readSavedGroups(file: string): Promise<SavedGroup[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = FileSchema.safeParse(parsed);
  if (!result.success) {
    throw new SavedGroupsError('damaged', `The saved groups file ${file} is damaged. Delete it to start with no saved groups.`);
  }
  return [...result.data.groups].sort(byName);
}

async function write(file: string, groups: readonly SavedGroup[]): Promise<SavedGroup[]> {
  const sorted = [...groups].sort(byName);
  await writeJsonAtomic(file, { version: 1, groups: sorted });
  return sorted;
}

/** Adds the group, or replaces the one of the same name (case-insensitive); host names keep their order. */
export async function saveGroup(file: string, group: SavedGroup): Promise<SavedGroup[]> {
  const seen = new Set<string>();
  for (const h of group.hosts) {
    const key = h.toUpperCase();
    if (seen.has(key)) throw new SavedGroupsError('duplicate-host', `hosts: ${h} is listed twice`);
    seen.add(key);
  }
  const others = (await readSavedGroups(file)).filter((g) => !same(g.name, group.name));
  if (others.length >= MAX_SAVED_GROUPS) throw new SavedGroupsError('too-many', `name: at most ${MAX_SAVED_GROUPS} groups can be saved; delete one first`);
  return write(file, [...others, { name: group.name, hosts: [...group.hosts] }]);
}

export async function deleteGroup(file: string, name: string): Promise<SavedGroup[]> {
  const groups = await readSavedGroups(file);
  const kept = groups.filter((g) => !same(g.name, name));
  if (kept.length === groups.length) throw new SavedGroupsError('not-found', `name: there is no saved group called ${name}`);
  return write(file, kept);
}
