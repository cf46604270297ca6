/**
 * What a handler tells the window it refused or stopped (a plan gone, a run still going, a test
 * not run yet, a cancelled read), as a code + params, the way refused group requests are
 * (core/group/group-issue.ts): the English message for logs and the window's fallback comes from
 * the one table below; the window says the code in its language (`handlerError.*` in
 * renderer/src/i18n). A refusal about a request field names it, here, once per code.
 */
import type { IpcError } from '../../core/contract/channels';
import { UserFacingError } from '../ipc-dispatch';
import { fillPlaceholders } from '../../core/text/fill-placeholders';

interface Entry {
  readonly ipc: IpcError['code'];
  /** English; `{{name}}` is a param. */
  readonly en: string;
  /** The request field the refusal is about, when it is about one. */
  readonly field?: string;
}

const TABLE = {
  'plan-gone': { ipc: 'not-found', field: 'planId', en: 'That plan is no longer available; create it again.' },
  'read-cancelled': { ipc: 'cancelled', en: 'Reading host settings was cancelled.' },
  'run-still-going': { ipc: 'failed', field: 'runId', en: 'That run is still going; cancel it first.' },
  'no-run': { ipc: 'not-found', field: 'runId', en: 'The audit log has no run {{runId}}.' },
  'test-cancelled': { ipc: 'cancelled', en: 'The migration test was cancelled; no report was made.' },
  'no-matrix': { ipc: 'not-found', en: 'Run the group test first; there is no matrix yet.' },
  'pair-not-covered': { ipc: 'not-found', field: 'source', en: 'The last group test did not cover {{source}} → {{destination}}.' },
  'no-report': { ipc: 'not-found', en: 'Run the migration test first; there is no report yet.' },
  'move-running': { ipc: 'failed', en: 'A move is running; wait for it to end or cancel it first.' },
  'nothing-to-move-back': { ipc: 'not-found', en: 'The audit log has no move to move back (every recorded move is failed or already moved back).' },
  'paths-cancelled': { ipc: 'cancelled', en: 'Reading the default paths was cancelled.' },
  'paths-unanswered': { ipc: 'failed', field: 'host', en: '{{host}} did not answer with its default VM and disk folders: {{detail}}' },
  'directory-not-connected': { ipc: 'failed', en: 'Connect to the directory first.' },
} as const satisfies Readonly<Record<string, Entry>>;

type HandlerErrorCode = keyof typeof TABLE;

/** Every code, for the tests that hold each to an English and a German text. */
export const HANDLER_ERROR_CODES = Object.keys(TABLE) as readonly HandlerErrorCode[];

type Params = Readonly<Record<string, string | number>>;

/** The refusal for `code`: English message, its field (params carry it too, as group issues do), key + params. */
export function handlerError(code: HandlerErrorCode, params: Params = {}, target?: string): UserFacingError {
  const entry: Entry = TABLE[code];
  const message = fillPlaceholders(entry.en, params);
  const withField = entry.field !== undefined ? { ...params, field: entry.field } : { ...params };
  return new UserFacingError(entry.ipc, message, entry.field, target, { messageKey: `handlerError.${code}`, params: withField });
}
