/**
 * A group request main refuses (plan:create, test:group) comes back through the real gate with
 * the field, the English message (logs, fallback) and the key + params the window says it with:
 * the window shows it in German when it runs in German.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannelNames } from '../../../electron/core/contract/channels';
import { createSettingsHandlers } from '../../../electron/main/handlers/settings-handlers';
import { createTestHandlers } from '../../../electron/main/handlers/test-handlers';
import { createDispatcher, type HandlerMap, type SenderInfo } from '../../../electron/main/ipc-dispatch';
import type { ScriptRunner } from '../../../electron/engine/script-runner';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { kerberosDesired } from '../../support/desired-settings';

const own: SenderInfo = { isMainFrame: true, url: 'file:///opt/Ferry/index.html' };
const nothingRuns = () => {
  throw new Error('a refused request must not reach a host');
};

function gate() {
  const settings = createSettingsHandlers({
    pool: { run: nothingRuns } as unknown as ScriptRunner,
    auditFile: path.join(os.tmpdir(), 'ferry-group-refusals-never-written.jsonl'),
    emitProgress: () => undefined,
    user: 'tester',
  });
  const tests = createTestHandlers({ testDeps: nothingRuns });
  const rest = Object.fromEntries(invokeChannelNames.map((c) => [c, nothingRuns]));
  const unexpected: unknown[] = [];
  const dispatcher = createDispatcher({ ...rest, ...settings, ...tests } as unknown as HandlerMap, () => true, (_, e) => unexpected.push(e));
  return { dispatcher, unexpected };
}

describe('group refusals through the IPC gate', () => {
  it('plan:create and test:group name the field and carry the key the window words in German', async () => {
    const { dispatcher, unexpected } = gate();
    const plan = await dispatcher.dispatch('plan:create', { hosts: ['HV01', 'hv01'], desired: kerberosDesired('any'), delegation: { enabled: true } }, own);
    const test = await dispatcher.dispatch('test:group', { hosts: ['HV01', 'HV02'], topology: 'hub', hubs: ['HV07'] }, own);
    expect(unexpected).toEqual([]);
    expect(plan).toEqual({ ok: false, error: {
      code: 'invalid-input', message: 'hosts.1: hv01 is listed twice', field: 'hosts.1',
      messageKey: 'groupIssue.listed-twice', params: { field: 'hosts.1', host: 'hv01' },
    } });
    expect(test).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'hubs.0', message: 'hubs.0: HV07 is not in the group', messageKey: 'groupIssue.not-in-group' } });
    const de = createI18n('de');
    if (!plan.ok && !test.ok) {
      expect(de.t(plan.error.messageKey ?? '', { ...plan.error.params })).toBe('hv01 steht zweimal in der Liste.');
      expect(de.t(test.error.messageKey ?? '', { ...test.error.params })).toBe('HV07 gehört nicht zur Gruppe.');
    }
  });
});
