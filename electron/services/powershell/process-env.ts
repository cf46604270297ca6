/**
 * The environment each PowerShell process starts with. Pure, so the rules are unit-tested.
 *
 * PowerShell 7 sends start-up telemetry to Microsoft and looks for updates on the internet at
 * every start unless told not to; Ferry must never send data anywhere nor need the network, so
 * both are switched off here for every process it starts (Windows PowerShell 5.1 does neither).
 *
 * Every `-NonInteractive` start also replays one per-user multicore-JIT profile
 * (`StartupProfileData-NonInteractive` in PowerShell's cache folder), which pwsh processes of
 * that user rewrite when they exit. Parallel starts and exits corrupt it, and from then on every
 * pwsh of that user dies at start with "Stack overflow." (PowerShell/PowerShell#26528,
 * dotnet/runtime#121977; no fix upstream) — seen here after a test run, and it would take every
 * host read in Ferry down with it. So Ferry's processes neither read nor write that profile: the
 * runtime skips multicore JIT on machines with fewer CPUs than `MultiCoreJitMinNumCpus` (a
 * hexadecimal DWORD). A start costs ~0.4 s more, once per long-lived process.
 */
/** More CPUs than any machine has (hexadecimal 0xFFFF). */
const NO_MULTICORE_JIT = 'FFFF';

export interface ProcessEnvOptions {
  /** Lab mode: the state folder and the HyperVLab module every process imports. */
  readonly lab?: { readonly dir: string; readonly modulePath: string };
  /** The PowerShell the environment is for: Windows PowerShell 5.1 must not get pwsh 7's module paths. */
  readonly executable?: string;
}

/** `powershell.exe`, Windows PowerShell 5.1 (pwsh 7 is `pwsh`/`pwsh.exe`). */
export function isWindowsPowerShell(executable: string): boolean {
  return /(^|[\\/])powershell(\.exe)?$/i.test(executable);
}

/** A pwsh 7 module folder: `$PSHOME\Modules` (`PowerShell\7\Modules`, a store or dotnet-tool copy), `Program Files\PowerShell\Modules`, `Documents\PowerShell\Modules`. */
function isPwsh7ModuleFolder(entry: string): boolean {
  const s = entry.trim().replace(/[\\/]+$/, '').split(/[\\/]/).map((x) => x.toLowerCase());
  if (s.some((x) => x.startsWith('microsoft.powershell_'))) return true;
  return s.some((x, i) =>
    x === 'powershell' &&
    ((s[i + 1] === 'modules' && (s[i - 1] === 'documents' || s[i - 1] === 'program files')) || (/^\d/.test(s[i + 1] ?? '') && s[i + 2] === 'modules')));
}

/**
 * PSModulePath for a Windows PowerShell 5.1 process started from an environment pwsh 7 touched
 * (Ferry started from a pwsh 7 prompt): pwsh 7 puts its own folders first — `…\PowerShell\7\Modules`,
 * `…\Program Files\PowerShell\Modules`, `Documents\PowerShell\Modules` — and 5.1 would load its
 * newer, incompatible modules from there. Those entries go; the machine's and the user's Windows
 * PowerShell folders and other products' entries stay. Undefined when nothing is left (5.1 then
 * builds its default).
 */
export function windowsPowerShellModulePath(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const kept = value.split(';').filter((entry) => entry.trim() !== '' && !isPwsh7ModuleFolder(entry));
  return kept.length > 0 ? kept.join(';') : undefined;
}

export function powershellProcessEnv(
  base: Readonly<Record<string, string | undefined>>,
  options: ProcessEnvOptions = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...base };
  // node-powershell lets this variable override the executable we pass.
  delete env.NODE_POWERSHELL;
  env.POWERSHELL_TELEMETRY_OPTOUT = '1';
  env.POWERSHELL_UPDATECHECK = 'Off';
  env.DOTNET_MultiCoreJitMinNumCpus = NO_MULTICORE_JIT;
  // The .NET Framework under Windows PowerShell 5.1 reads the older prefix (not verified there).
  env.COMPlus_MultiCoreJitMinNumCpus = NO_MULTICORE_JIT;
  // No colours or terminal sequences in what we parse.
  env.TERM = 'dumb';
  env.NO_COLOR = '1';
  if (options.executable !== undefined && isWindowsPowerShell(options.executable)) {
    for (const key of Object.keys(env).filter((k) => k.toLowerCase() === 'psmodulepath')) {
      const path = windowsPowerShellModulePath(env[key]);
      if (path === undefined) delete env[key];
      else env[key] = path;
    }
  }
  if (options.lab) {
    env.FERRY_LAB_DIR = options.lab.dir;
    env.FERRY_LAB_MODULE = options.lab.modulePath;
  } else {
    // A real-host pool never loads the lab, whatever the parent's environment says.
    delete env.FERRY_LAB_DIR;
    delete env.FERRY_LAB_MODULE;
  }
  return env;
}
