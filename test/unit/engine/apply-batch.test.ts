/**
 * applyPlan with an executor that batches: consecutive steps under one key go as one change,
 * each step still read back, recorded and restorable on its own; a batch that fails changed
 * nothing, so every step of it failed and the rest did not start.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord, Plan, PlanStep } from '../../../electron/core/model';
import { applyPlan } from '../../../electron/engine/apply';
import type { StepExecutor, StepOutcome } from '../../../electron/engine/step-executor';

const step = (target: string, value: string, optional = false): PlanStep => ({
  id: `delegation-add:${target}:${value}`,
  kind: 'delegation-add',
  target,
  setting: 'msDS-AllowedToDelegateTo',
  before: null,
  after: value,
  command: `add ${value}`,
  inverseCommand: `delete ${value}`,
  channel: 'ldap',
  optional,
});

const plan = (steps: PlanStep[]): Plan => ({ id: 'plan-1', createdAt: '2026-12-03T00:00:00Z', hosts: [], steps, warnings: [] });

/** An in-memory directory: one value set per account, a change applied all or not at all. */
function fakeDirectory(failFor?: string) {
  const held = new Map<string, Set<string>>();
  const changes: string[][] = [];
  const apply = (steps: readonly PlanStep[]): StepOutcome[] => {
    changes.push(steps.map((s) => String(s.after)));
    const target = steps[0]?.target ?? '';
    if (target === failFor) throw Object.assign(new Error('insufficientAccessRights'), { code: 'access-denied' });
    const set = held.get(target) ?? new Set<string>();
    for (const s of steps) set.add(String(s.after));
    held.set(target, set);
    return steps.map((s) => ({ readBack: [...set], verified: set.has(String(s.after)) }));
  };
  const executor: StepExecutor = {
    execute: async (s) => apply([s])[0] as StepOutcome,
    batchKey: (s) => `account:${s.target}`,
    executeBatch: async (steps) => apply(steps),
  };
  return { executor, changes, held };
}

describe('applyPlan batches what the executor batches', () => {
  it('one change per account, each value done, audited and restorable on its own', async () => {
    const d = fakeDirectory();
    const steps = [step('HV01', 'a'), step('HV01', 'b'), step('HV01', 'c'), step('HV02', 'a'), step('HV02', 'b')];
    const audit: AuditRecord[] = [];
    const events: string[] = [];
    const r = await applyPlan(plan(steps), { powershell: d.executor, ldap: d.executor }, {
      user: 'tester',
      audit: { append: async (rec) => void audit.push(rec) },
      onProgress: (e) => events.push(`${e.status}:${e.stepId ?? ''}`),
    });
    expect(r.ok).toBe(true);
    expect(d.changes).toEqual([['a', 'b', 'c'], ['a', 'b']]);
    expect(r.results.map((x) => x.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(audit.map((a) => `${a.host}:${String(a.after)}:${a.result}`)).toEqual(['HV01:a:done', 'HV01:b:done', 'HV01:c:done', 'HV02:a:done', 'HV02:b:done']);
    expect(r.restoreCommands).toEqual(['delete b', 'delete a', 'delete c', 'delete b', 'delete a']);
    expect(events.filter((e) => e.startsWith('done:delegation-add:'))).toHaveLength(5);
    expect(events.filter((e) => e.startsWith('running:'))).toHaveLength(5);
  });

  it('a batch that fails changed nothing: its steps failed, later ones did not start', async () => {
    const d = fakeDirectory('HV02');
    const steps = [step('HV01', 'a'), step('HV02', 'a'), step('HV02', 'b'), step('HV03', 'a')];
    const r = await applyPlan(plan(steps), { powershell: d.executor, ldap: d.executor }, { user: 'tester' });
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => x.status)).toEqual(['done', 'failed', 'failed', 'not-started']);
    expect(r.results[2]?.error?.code).toBe('access-denied');
    expect(r.restoreCommands).toEqual(['delete a']);
    expect(d.held.has('HV02')).toBe(false);
  });

  it('a skipped optional step ends a batch; a step alone runs through execute', async () => {
    const d = fakeDirectory();
    const steps = [step('HV01', 'a'), step('HV01', 'opt', true), step('HV01', 'b')];
    const r = await applyPlan(plan(steps), { powershell: d.executor, ldap: d.executor }, { user: 'tester' });
    expect(r.results.map((x) => x.status)).toEqual(['done', 'skipped', 'done']);
    expect(d.changes).toEqual([['a'], ['b']]);
  });
});
