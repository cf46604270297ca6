/**
 * `groups:list|save|delete`: the admin's named groups of hosts, kept in one JSON file in the
 * app's settings folder (see services/settings/saved-groups.ts). Each answer is every saved group.
 */
import { deleteGroup, readSavedGroups, saveGroup, SavedGroupsError } from '../../services/settings/saved-groups';
import { UserFacingError, type Handler } from '../ipc-dispatch';

export interface GroupsHandlers {
  readonly 'groups:list': Handler<'groups:list'>;
  readonly 'groups:save': Handler<'groups:save'>;
  readonly 'groups:delete': Handler<'groups:delete'>;
}

async function userFacing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SavedGroupsError)) throw error;
    switch (error.kind) {
      case 'duplicate-host':
        throw new UserFacingError('invalid-input', error.message, 'hosts');
      case 'too-many':
        throw new UserFacingError('invalid-input', error.message, 'name');
      case 'not-found':
        throw new UserFacingError('not-found', error.message, 'name');
      case 'damaged':
        throw new UserFacingError('failed', error.message);
    }
  }
}

export function createGroupsHandlers(deps: { readonly file: string }): GroupsHandlers {
  return {
    'groups:list': () => userFacing(async () => ({ groups: await readSavedGroups(deps.file) })),
    'groups:save': (request) => userFacing(async () => ({ groups: await saveGroup(deps.file, request) })),
    'groups:delete': (request) => userFacing(async () => ({ groups: await deleteGroup(deps.file, request.name) })),
  };
}
