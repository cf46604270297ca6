/**
 * What a PowerShell process finds when it starts (`Use-FerryHyperVCommands` in _prelude.ps1), and
 * how Ferry says it to the admin: lab or real mode, whether the Hyper-V module is installed, other
 * modules answering to Hyper-V's cmdlet names (VMware PowerCLI's Get-VM, Get-VMHost, Move-VM),
 * and Constrained Language Mode, in which Ferry cannot work at all.
 */
import { z } from 'zod';

const StartReportSchema = z.object({
  mode: z.enum(['real', 'lab']),
  module: z.string(),
  hyperV: z.enum(['loaded', 'missing']),
  clashes: z.array(z.object({ name: z.string(), module: z.string() })).nullish(),
});

export interface PowerShellStartReport {
  readonly mode: 'real' | 'lab';
  /** The module the Hyper-V names are pinned to (`Hyper-V`, or `HyperVLab` in the lab). */
  readonly module: string;
  readonly hyperV: 'loaded' | 'missing';
  /** Other modules (loaded or on PSModulePath) that define the same cmdlet names. */
  readonly clashes: readonly { readonly name: string; readonly module: string }[];
}

export function parseStartReport(data: unknown): PowerShellStartReport {
  const r = StartReportSchema.parse(data);
  return { mode: r.mode, module: r.module, hyperV: r.hyperV, clashes: r.clashes ?? [] };
}

/** Language modes in which Ferry's PowerShell cannot run (`FullLanguage` is the only one it can). */
export const RESTRICTED_LANGUAGE_MODES: readonly string[] = ['ConstrainedLanguage', 'RestrictedLanguage', 'NoLanguage'];

export const CONSTRAINED_LANGUAGE_MESSAGE =
  'PowerShell runs in Constrained Language Mode on this computer (an App Control for Business/WDAC or AppLocker policy). ' +
  'In that mode Ferry cannot read or change Hyper-V hosts, run the migration test, sign in to the directory with --integrated or use the lab: ' +
  'its PowerShell commands decode their input and call .NET types, which the mode forbids. ' +
  'Run Ferry on an admin workstation without that policy, or ask the policy owner whether PowerShell may run in Full Language mode for it.';

/**
 * One plain sentence per clashing module, or undefined when there is none: Ferry still calls
 * Hyper-V's own cmdlets (module-qualified), but an admin's own console may not.
 */
export function clashNotice(report: PowerShellStartReport): string | undefined {
  if (report.clashes.length === 0) return undefined;
  const byModule = new Map<string, string[]>();
  for (const c of report.clashes) byModule.set(c.module, [...(byModule.get(c.module) ?? []), c.name]);
  const lines = [...byModule].map(([module, names]) => {
    const list = [...new Set(names)].sort();
    return `${module} also defines ${list.join(', ')}. Ferry calls Hyper-V's own (${report.module}\\${list[0] ?? 'Get-VM'} …), so its answers are Hyper-V's; in your own console, where both modules are loaded, type ${report.module}\\${list[0] ?? 'Get-VM'} to be sure.`;
  });
  return lines.join('\n');
}
