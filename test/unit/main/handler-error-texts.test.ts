/**
 * What a handler tells the window it refused or stopped (a plan gone, a run still going, a test
 * not run yet, a cancelled read, no directory) is a code + params, like refused group requests:
 * each code has an English and a German text with the same placeholders, a refusal about a
 * request field names it, and the English message (logs, the fallback) stays as it was.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDirectoryHandlers } from '../../../electron/main/handlers/directory-handlers';
import { HANDLER_ERROR_CODES } from '../../../electron/main/handlers/handler-error';
import { createMoveHandlers } from '../../../electron/main/handlers/move-handlers';
import { createSettingsHandlers } from '../../../electron/main/handlers/settings-handlers';
import { createTestHandlers } from '../../../electron/main/handlers/test-handlers';
import { UserFacingError } from '../../../electron/main/ipc-dispatch';
import type { ScriptRunner } from '../../../electron/engine/script-runner';
import { MigrationTestCancelled } from '../../../electron/engine/migration-test';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';

const lookup = (resources: object, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);
const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const never = new AbortController().signal;
const aborted = () => {
  const c = new AbortController();
  c.abort();
  return c.signal;
};
const nowhere = path.join(os.tmpdir(), 'ferry-handler-errors-never-written.jsonl');

async function refusal(work: () => Promise<unknown>): Promise<UserFacingError> {
  const error = await work().then(() => undefined, (e: unknown) => e);
  expect(error, 'expected a refusal').toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

/** Every refusal the handlers word through handler-error.ts, each made the way the window would meet it. */
async function everyRefusal(): Promise<UserFacingError[]> {
  const failing = { run: async () => Promise.reject(new Error('WinRM cannot complete the operation')) } as unknown as ScriptRunner;
  const settings = createSettingsHandlers({ pool: failing, auditFile: nowhere, emitProgress: () => undefined, user: 'tester' });
  const tests = createTestHandlers({
    testDeps: () => {
      throw new MigrationTestCancelled();
    },
  });
  const moveDeps = (runner: ScriptRunner) => ({
    runner,
    jobRunner: () => runner,
    auditFile: nowhere,
    historyFile: path.join(os.tmpdir(), 'ferry-handler-errors-history-never-written.json'),
    user: 'tester',
    timeScale: async () => 1,
    reportFor: () => Promise.reject(new Error('not used')),
    emit: () => undefined,
  });
  const moves = createMoveHandlers(moveDeps(failing));
  const directory = createDirectoryHandlers();
  return [
    await refusal(() => settings['plan:export']({ planId: 'plan-gone' }, never)),
    await refusal(() => settings['hosts:read']({ hosts: ['HV01'] }, aborted())),
    await refusal(() => settings['rollback:start']({ runId: 'run-missing' }, never)),
    await refusal(() => tests['test:pair']({ source: 'HV01', destination: 'HV02' }, never)),
    await refusal(() => tests['test:report']({}, never)),
    await refusal(() => tests['test:run']({ source: 'HV01', destination: 'HV02' }, never)),
    await refusal(() => moves['move:paths']({ host: 'HV02' }, never)),
    await refusal(() => moves['move:paths']({ host: 'HV02' }, aborted())),
    await refusal(() => moves['move:back']({ confirmed: true }, never)),
    await refusal(() => directory['hosts:resolve']({ names: ['HV01'] })),
  ];
}

describe('handler refusals as code + params', () => {
  it('every code has an English and a German text with the same placeholders', () => {
    expect(HANDLER_ERROR_CODES.length).toBeGreaterThan(10);
    for (const code of HANDLER_ERROR_CODES) {
      const key = `handlerError.${code}`;
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(de, key), `de ${key}`).toBe('string');
      expect(placeholders(lookup(de, key)), key).toEqual(placeholders(lookup(en, key)));
    }
  });

  it('each refusal carries its key, names its field where it has one, and fills every placeholder', async () => {
    const refusals = await everyRefusal();
    for (const r of refusals) {
      expect(r.text?.messageKey, r.message).toMatch(/^handlerError\.[\w-]+$/);
      const params = r.text?.params ?? {};
      expect(params.field, r.message).toBe(r.field);
      for (const resources of [en, de]) {
        const text = String(lookup(resources, r.text?.messageKey ?? ''));
        expect(text.replace(/\{\{(\w+)\}\}/g, (_, n: string) => (params[n] !== undefined ? String(params[n]) : `{{${n}}}`)), r.message).not.toMatch(/\{\{|undefined/);
      }
    }
    expect(refusals.map((r) => [r.text?.messageKey, r.field ?? null])).toEqual([
      ['handlerError.plan-gone', 'planId'],
      ['handlerError.read-cancelled', null],
      ['handlerError.no-run', 'runId'],
      ['handlerError.no-matrix', null],
      ['handlerError.no-report', null],
      ['handlerError.test-cancelled', null],
      ['handlerError.paths-unanswered', 'host'],
      ['handlerError.paths-cancelled', null],
      ['handlerError.nothing-to-move-back', null],
      ['handlerError.directory-not-connected', null],
    ]);
  });

  it('keeps the English messages the logs and the fallback show', async () => {
    expect((await everyRefusal()).map((r) => r.message)).toEqual([
      'That plan is no longer available; create it again.',
      'Reading host settings was cancelled.',
      'The audit log has no run run-missing.',
      'Run the group test first; there is no matrix yet.',
      'Run the migration test first; there is no report yet.',
      'The migration test was cancelled; no report was made.',
      'HV02 did not answer with its default VM and disk folders: WinRM cannot complete the operation',
      'Reading the default paths was cancelled.',
      'The audit log has no move to move back (every recorded move is failed or already moved back).',
      'Connect to the directory first.',
    ]);
  });
});
