/**
 * Human-readable plan and apply output for the terminal.
 */
import type { ApplyResult, Plan } from '../core/model';
import { describeStep } from '../core/plan/export-script';
import { escapeControls, printable } from './output';

export function formatPlan(plan: Plan): string {
  const lines: string[] = [`Plan ${plan.id} for ${plan.hosts.join(', ')}: ${plan.steps.length} step(s).`];
  plan.steps.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(3)}. [${s.kind}${s.optional ? ', optional' : ''}] ${printable(describeStep(s))}`);
    for (const line of s.command.split('\n')) lines.push(`       ${escapeControls(line)}`);
  });
  if (plan.steps.length === 0) lines.push('  Nothing to change: the hosts already have the desired settings.');
  for (const w of plan.warnings) lines.push(`warning [${w.code}]: ${printable(w.message)}`);
  return lines.join('\n') + '\n';
}

export function formatApplyResult(plan: Plan, result: ApplyResult): string {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const lines: string[] = [`Run ${result.runId}: ${result.ok ? 'all steps done and verified' : 'STOPPED at a failure'}.`];
  for (const r of result.results) {
    const step = byId.get(r.stepId);
    const what = step ? describeStep(step) : r.stepId;
    lines.push(`  ${r.status.padEnd(11)} ${printable(what)}${r.error ? ` — ${printable(r.error.message)}` : ''}`);
  }
  if (!result.ok && result.restoreCommands.length > 0) {
    lines.push('To restore what was changed, run (or use `ferry rollback`):');
    // Whole, one line each (a multi-line LDIF record line by line), so each runs as pasted.
    for (const c of result.restoreCommands) for (const line of c.split('\n')) lines.push(`  ${escapeControls(line)}`);
  }
  if (result.auditLog) lines.push(`Audit log: ${result.auditLog}`);
  return lines.join('\n') + '\n';
}
