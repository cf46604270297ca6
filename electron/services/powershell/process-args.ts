/**
 * The switches each PowerShell process starts with (node-powershell adds -NoLogo, -NoExit and
 * -Command -). Pure, so the rules are unit-tested.
 *
 * Lab processes import the HyperVLab module from a .psm1 file, which Windows clients' default
 * execution policy (Restricted) refuses, so they start with -ExecutionPolicy Bypass for that
 * process only. A Group Policy execution policy still wins over it; the lab import says so
 * (`Import-FerryLab` in _prelude.ps1). Real-host processes run no script files: they keep the
 * machine's policy.
 */
export function powershellExecutableOptions(options: { readonly lab: boolean }): Record<string, string | boolean> {
  return {
    '-NoProfile': true,
    '-NonInteractive': true,
    ...(options.lab ? { '-ExecutionPolicy': 'Bypass' } : {}),
  };
}
