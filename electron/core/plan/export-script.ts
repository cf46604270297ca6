/**
 * A plan as a `.ps1` an admin can read, review and run on a workstation with the Hyper-V
 * management tools.
 *
 * - `[CmdletBinding(SupportsShouldProcess)]` gives the script `-WhatIf` and `-Confirm`; each
 *   step is wrapped in `$PSCmdlet.ShouldProcess(...)`, so `-WhatIf` prints what would change and
 *   runs nothing.
 * - `$ErrorActionPreference = 'Stop'` makes the first failing cmdlet end the script.
 * - LDAP (delegation) steps are emitted as comments holding the exact LDIF, not as
 *   ActiveDirectory-module commands: the script then requires only Hyper-V, and the UAC change
 *   is a delete-old-value/add-new-value pair that `Set-ADComputer` cannot make atomic. Ferry (or
 *   `ldapmodify`) applies those with read-back.
 * - Optional advisory steps (klist purge) must run on the host itself, so they are comments too.
 */
import type { Plan, PlanStep } from '../model';
import { isHostSettingStep } from './plan-step';
import { quotePs } from './ps-quote';

/**
 * Comment text on one line: control characters and Unicode line/paragraph separators become
 * `?`, so no value can end the comment and start code.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, '?');
}

/** Header text also must not close the `<# ... #>` help block. */
function headerText(text: string): string {
  return oneLine(text).replace(/#>/g, '# >');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'object' && value !== null && 'subnet' in value && 'priority' in value) {
    const n = value as { subnet: unknown; priority: unknown };
    return `${String(n.subnet)} priority ${String(n.priority)}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function describeStep(step: PlanStep): string {
  return `${step.target}: ${step.setting} ${describeValue(step.before)} -> ${describeValue(step.after)}`;
}

function commentBlock(text: string, indent = ''): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => `${indent}#   ${oneLine(line)}`);
}

export function exportPlanScript(plan: Plan): string {
  const hosts = plan.hosts.map(headerText).join(', ');
  const runnable = plan.steps.filter(isHostSettingStep);
  const lines: string[] = [
    '<#',
    '.SYNOPSIS',
    `    Ferry plan ${headerText(plan.id)}: prepare ${hosts} for live migration without Failover Clustering.`,
    '.DESCRIPTION',
    `    What: ${runnable.length} Hyper-V host setting change(s), listed below step by step.`,
    '    Why:  live migration between stand-alone hosts needs migration enabled on both hosts,',
    '          the same authentication (Kerberos needs constrained delegation in AD), a chosen',
    '          performance option, and incoming migration networks restricted to the intended subnets.',
    `    Generated: ${headerText(plan.createdAt)} by Ferry.`,
    `    Hosts: ${hosts}`,
    '    Review every line. Run with -WhatIf first: it shows each change and makes none.',
    '    The script stops at the first error.',
    '#>',
    '#Requires -Modules Hyper-V',
    '[CmdletBinding(SupportsShouldProcess)]',
    'param()',
    "$ErrorActionPreference = 'Stop'",
    '',
  ];
  if (plan.warnings.length > 0) {
    lines.push('# Warnings from the plan:');
    for (const w of plan.warnings) lines.push(...commentBlock(`[${w.code}] ${w.message}`));
    lines.push('');
  }
  plan.steps.forEach((step, i) => {
    const title = `# Step ${i + 1} of ${plan.steps.length} (${step.kind}): ${oneLine(describeStep(step))}`;
    lines.push(title);
    if (isHostSettingStep(step)) {
      lines.push(`# Undo: ${oneLine(step.inverseCommand)}`);
      lines.push(`if ($PSCmdlet.ShouldProcess(${quotePs(oneLine(step.target))}, ${quotePs(oneLine(describeStep(step)))})) {`);
      lines.push(`    ${oneLine(step.command)}`);
      lines.push('}');
    } else if (step.channel === 'ldap') {
      lines.push('# Active Directory change, NOT run by this script (apply it with Ferry or ldapmodify):');
      lines.push(...commentBlock(step.command));
    } else {
      lines.push(`# ${step.optional ? 'Optional, ' : ''}run on ${oneLine(step.target)} itself, NOT run by this script:`);
      lines.push(...commentBlock(step.command));
    }
    lines.push('');
  });
  if (plan.steps.length === 0) lines.push('# Nothing to change: the hosts already match the desired settings.', '');
  lines.push("Write-Host 'Ferry plan finished.'");
  return lines.join('\r\n') + '\r\n';
}
