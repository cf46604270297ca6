/**
 * The engine's apply loop with in-memory executors (no pwsh, no directory): steps in order, each
 * change read back, every change in the audit log with its inverse, the first failure stops the
 * run and the result says what is done, what failed, what was not started and how to restore.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord, Plan, PlanStep, ProgressEvent } from '../../../electron/core/model';
import { applyPlan } from '../../../electron/engine/apply';
import type { StepExecutor } from '../../../electron/engine/step-executor';

/** A step the loop treats as opaque: a Set-VMHost count (PowerShell) or a flag swap (LDAP), 1 → 2. */
function step(id: string, channel: 'powershell' | 'ldap', extra: { optional?: boolean } = {}): PlanStep {
  const common = { id, target: 'HV01', before: 1, after: 2, command: `do ${id}`, inverseCommand: `undo ${id}`, optional: extra.optional ?? false };
  return channel === 'ldap'
    ? { ...common, kind: 'uac-set', setting: 'userAccountControl', channel }
    : { ...common, kind: 'set-host', setting: 'maximumStorageMigrations', channel };
}

const plan = (steps: PlanStep[]): Plan => ({ id: 'plan-1', createdAt: '2026-01-01T00:00:00.000Z', hosts: ['HV01'], steps, warnings: [] });

/** A host whose settings live in a Map; `misbehave` makes one setting fail or read back wrong. */
function memoryHost(misbehave: Record<string, 'throw' | 'wrong'> = {}) {
  const state = new Map<string, unknown>();
  const calls: string[] = [];
  const executor: StepExecutor = {
    async execute(s) {
      calls.push(s.id);
      if (misbehave[s.id] === 'throw') throw Object.assign(new Error(`Set-VMHost failed on ${s.target}`), { code: 'script-error' });
      state.set(s.id, misbehave[s.id] === 'wrong' ? 'other' : s.after);
      const readBack = state.get(s.id);
      return { readBack, verified: readBack === s.after };
    },
  };
  return { state, calls, executor };
}

function auditSink() {
  const records: AuditRecord[] = [];
  return { records, writer: { append: async (r: AuditRecord) => void records.push(r), file: '/audit.jsonl' } };
}

describe('applyPlan with in-memory executors', () => {
  it('runs every step in order, reads each back and audits it with its inverse', async () => {
    const host = memoryHost();
    const dir = memoryHost();
    const audit = auditSink();
    const events: ProgressEvent[] = [];
    const result = await applyPlan(plan([step('a', 'powershell'), step('b', 'ldap'), step('c', 'powershell')]), { powershell: host.executor, ldap: dir.executor }, {
      user: 'CORP\\admin', audit: audit.writer, runId: 'run-1', now: () => new Date('2026-01-02T00:00:00.000Z'), onProgress: (e) => events.push(e),
    });
    expect(result).toMatchObject({ ok: true, runId: 'run-1', planId: 'plan-1', auditLog: '/audit.jsonl', restoreCommands: ['undo c', 'undo b', 'undo a'] });
    expect(result.results.map((r) => [r.stepId, r.status, r.verified])).toEqual([['a', 'done', true], ['b', 'done', true], ['c', 'done', true]]);
    expect(host.calls).toEqual(['a', 'c']);
    expect(dir.calls).toEqual(['b']);
    expect(audit.records.map((r) => [r.stepId, r.result, r.message, r.user, r.before, r.after])).toEqual([
      ['a', 'done', 'undo a', 'CORP\\admin', 1, 2], ['b', 'done', 'undo b', 'CORP\\admin', 1, 2], ['c', 'done', 'undo c', 'CORP\\admin', 1, 2],
    ]);
    expect(events.map((e) => `${e.stepId ?? '-'}:${e.status}`)).toEqual(['a:running', 'a:done', 'b:running', 'b:done', 'c:running', 'c:done', '-:done']);
  });

  it('stops at a step that throws: done / failed / not started, and how to restore what was done', async () => {
    const host = memoryHost({ b: 'throw' });
    const audit = auditSink();
    const result = await applyPlan(plan([step('a', 'powershell'), step('b', 'powershell'), step('c', 'powershell')]), { powershell: host.executor }, { user: 'u', audit: audit.writer });
    expect(result.ok).toBe(false);
    expect(result.results.map((r) => r.status)).toEqual(['done', 'failed', 'not-started']);
    expect(result.results[1]?.error).toMatchObject({ code: 'script-error', message: 'Set-VMHost failed on HV01', target: 'HV01' });
    expect(result.restoreCommands).toEqual(['undo a']);
    expect(host.calls).toEqual(['a', 'b']);
    expect(audit.records.map((r) => [r.stepId, r.result])).toEqual([['a', 'done'], ['b', 'failed']]);
    expect(audit.records[1]?.message).toBe('script-error: Set-VMHost failed on HV01');
  });

  it('stops at a read-back that differs, naming both values', async () => {
    const host = memoryHost({ a: 'wrong' });
    const result = await applyPlan(plan([step('a', 'powershell'), step('b', 'powershell')]), { powershell: host.executor }, { user: 'u' });
    expect(result.results.map((r) => r.status)).toEqual(['failed', 'not-started']);
    expect(result.results[0]).toMatchObject({ readBack: 'other', verified: false, error: { code: 'verify-failed', message: 'HV01 reports "other" for maximumStorageMigrations after the change, not 2.' } });
    expect(result.restoreCommands).toEqual([]);
  });

  it('skips optional steps unless asked, and fails an LDAP step without a directory', async () => {
    const host = memoryHost();
    const skipped = await applyPlan(plan([step('a', 'powershell', { optional: true }), step('b', 'powershell')]), { powershell: host.executor }, { user: 'u' });
    expect(skipped.results.map((r) => r.status)).toEqual(['skipped', 'done']);
    const withOptional = await applyPlan(plan([step('a', 'powershell', { optional: true })]), { powershell: host.executor }, { user: 'u', includeOptional: true });
    expect(withOptional.results.map((r) => r.status)).toEqual(['done']);
    const noDirectory = await applyPlan(plan([step('b', 'ldap')]), { powershell: host.executor }, { user: 'u' });
    expect(noDirectory.results[0]).toMatchObject({ status: 'failed', error: { code: 'no-executor' } });
  });

  it('a cancelled run starts nothing more', async () => {
    const controller = new AbortController();
    const host = memoryHost();
    const cancelling: StepExecutor = {
      async execute(s, signal) {
        const outcome = await host.executor.execute(s, signal);
        controller.abort();
        return outcome;
      },
    };
    const result = await applyPlan(plan([step('a', 'powershell'), step('b', 'powershell')]), { powershell: cancelling }, { user: 'u', signal: controller.signal });
    expect(result.ok).toBe(false);
    expect(result.results.map((r) => [r.status, r.error?.code])).toEqual([['done', undefined], ['not-started', 'cancelled']]);
    expect(host.calls).toEqual(['a']);
  });
});

describe('the target of a run in the audit log', () => {
  it('every record (done and failed) names the lab folder the run changed; without one, none is written', async () => {
    const host = memoryHost({ b: 'throw' });
    const audit = auditSink();
    await applyPlan(plan([step('a', 'powershell'), step('b', 'powershell')]), { powershell: host.executor }, {
      user: 'CORP\\admin', audit: audit.writer, target: { kind: 'lab', labDir: '/labs/one' },
    });
    expect(audit.records.map((r) => [r.stepId, r.result, r.target])).toEqual([
      ['a', 'done', { kind: 'lab', labDir: '/labs/one' }],
      ['b', 'failed', { kind: 'lab', labDir: '/labs/one' }],
    ]);
    const old = auditSink();
    await applyPlan(plan([step('a', 'powershell')]), { powershell: memoryHost().executor }, { user: 'CORP\\admin', audit: old.writer });
    expect(old.records[0]).not.toHaveProperty('target');
  });
});
