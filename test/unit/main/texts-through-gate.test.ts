/**
 * What main says to the window comes back through the real gate with the key + params the window
 * words it with, beside the English message (logs, fallback): a refused group request
 * (plan:create, test:group) names its field; a rollback names the audit records it could not
 * restore. The window shows them in German when it runs in German.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannelNames } from '../../../electron/core/contract/channels';
import { createSettingsHandlers } from '../../../electron/main/handlers/settings-handlers';
import { createTestHandlers } from '../../../electron/main/handlers/test-handlers';
import { createDispatcher, type HandlerMap, type SenderInfo } from '../../../electron/main/ipc-dispatch';
import type { ScriptRunner } from '../../../electron/engine/script-runner';
import { planWarningKey } from '../../../renderer/src/app/plan-warning-text';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import type { ApplyResult } from '../../../electron/core/model';
import { kerberosDesired } from '../../support/desired-settings';

const own: SenderInfo = { isMainFrame: true, url: 'file:///opt/Ferry/index.html' };
const nothingRuns = () => {
  throw new Error('a refused request must not reach a host');
};

function gate(auditFile = path.join(os.tmpdir(), 'ferry-group-refusals-never-written.jsonl')) {
  const settings = createSettingsHandlers({
    pool: { run: nothingRuns } as unknown as ScriptRunner,
    auditFile,
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

describe('rollback warnings through the IPC gate', () => {
  it('rollback:start answers the records it could not restore, which the window says in German', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-rollback-warnings-'));
    try {
      const auditFile = path.join(dir, 'audit.jsonl');
      const record = { time: '2026-12-01T10:00:00.000Z', user: 'admin', runId: 'run-1', planId: 'plan-1', host: 'HV01', result: 'done' };
      fs.writeFileSync(auditFile, [
        { ...record, stepId: 's1', setting: 'vm.location', before: null, after: { vm: 'web01' } },
        { ...record, stepId: 's2', setting: 'maximumStorageMigrations', before: 2, after: 'three' },
      ].map((r) => JSON.stringify(r)).join('\n') + '\n');
      const { dispatcher, unexpected } = gate(auditFile);
      const answer = await dispatcher.dispatch('rollback:start', { runId: 'run-1' }, own);
      expect(unexpected).toEqual([]);
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      const result = answer.data as ApplyResult;
      expect(result.results).toEqual([]);
      expect((result.warnings ?? []).map((w) => [w.target, planWarningKey(w), w.message])).toEqual([
        ['HV01', 'planWarning.audit-unrestorable.wrong-values', expect.stringMatching(/^Audit record s2: maximumStorageMigrations values are not those of a set-host step/)],
        ['HV01', 'planWarning.audit-unrestorable.unknown-setting', 'Audit record s1: setting vm.location is not one Ferry changes; not restored.'],
      ]);
      const de = createI18n('de');
      const w = result.warnings?.[1];
      expect(w && de.t(planWarningKey(w), { ...w.params })).toBe('Eintrag s1 des Überwachungsprotokolls ändert vm.location, das Ferry nicht ändert; er wird nicht wiederhergestellt.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('handler refusals through the IPC gate', () => {
  it('a gone plan, a test not run yet and a run the log does not have carry their key, params and field', async () => {
    const { dispatcher, unexpected } = gate();
    const plan = await dispatcher.dispatch('plan:export', { planId: 'plan-gone' }, own);
    const pair = await dispatcher.dispatch('test:pair', { source: 'HV01', destination: 'HV02' }, own);
    const report = await dispatcher.dispatch('test:report', {}, own);
    const run = await dispatcher.dispatch('rollback:start', { runId: 'run-missing' }, own);
    expect(unexpected).toEqual([]);
    expect(plan).toEqual({ ok: false, error: {
      code: 'not-found', message: 'That plan is no longer available; create it again.', field: 'planId',
      messageKey: 'handlerError.plan-gone', params: { field: 'planId' },
    } });
    expect(pair).toEqual({ ok: false, error: { code: 'not-found', message: 'Run the group test first; there is no matrix yet.', messageKey: 'handlerError.no-matrix', params: {} } });
    expect(report).toMatchObject({ ok: false, error: { code: 'not-found', message: 'Run the migration test first; there is no report yet.', messageKey: 'handlerError.no-report' } });
    expect(run).toEqual({ ok: false, error: {
      code: 'not-found', message: 'The audit log has no run run-missing.', field: 'runId',
      messageKey: 'handlerError.no-run', params: { runId: 'run-missing', field: 'runId' },
    } });
    const de = createI18n('de');
    if (!run.ok && !plan.ok) {
      expect(de.t(run.error.messageKey ?? '', { ...run.error.params })).toBe('Das Überwachungsprotokoll kennt keinen Lauf run-missing.');
      expect(de.t(plan.error.messageKey ?? '', { ...plan.error.params })).toBe('Diesen Plan gibt es nicht mehr; erstellen Sie ihn neu.');
    }
  });
});
