# Shared by every Ferry script: loaded once per pool process (dot-sourced into the global
# scope), or dot-sourced from disk when a script runs on its own. Makes Windows PowerShell 5.1
# and PowerShell 7 print the same JSON: enums as names, dates as ISO-8601, arrays kept arrays.

# Values already plain, kept as they are (ConvertTo-FerryPlain).
$FerryPlainLeaves = New-Object 'System.Collections.Generic.HashSet[type]'
foreach ($t in @([string], [bool], [int], [long], [double])) { [void]$FerryPlainLeaves.Add($t) }

function ConvertTo-FerryPlain {
    param([object]$Value, [int]$Depth = 0)
    if ($null -eq $Value) { return $null }
    if ($Depth -gt 10) { return [string]$Value }
    if ($Value -is [Enum]) { return $Value.ToString() }
    if ($Value -is [DateTime]) { return $Value.ToUniversalTime().ToString('o') }
    if ($Value -is [DateTimeOffset]) { return $Value.UtcDateTime.ToString('o') }
    if ($Value -is [string] -or $Value -is [bool] -or $Value -is [char]) { return $Value }
    if ($Value -is [version] -or $Value -is [guid] -or $Value -is [TimeSpan]) { return $Value.ToString() }
    if ($Value -is [ValueType]) { return $Value }
    # Values already plain (text, numbers, booleans) are kept without a call each: a host's facts
    # are mostly such leaves, and a PowerShell function call costs far more than the tests.
    if ($Value -is [Collections.IDictionary]) {
        $h = [ordered]@{}
        foreach ($k in $Value.Keys) {
            $v = $Value[$k]
            if ($null -eq $v -or $FerryPlainLeaves.Contains($v.GetType())) { $h[[string]$k] = $v }
            else { $h[[string]$k] = ConvertTo-FerryPlain $v ($Depth + 1) }
        }
        return $h
    }
    if ($Value -is [Collections.IEnumerable]) {
        $list = New-Object System.Collections.ArrayList
        foreach ($item in $Value) {
            if ($null -eq $item -or $FerryPlainLeaves.Contains($item.GetType())) { [void]$list.Add($item) }
            else { [void]$list.Add((ConvertTo-FerryPlain $item ($Depth + 1))) }
        }
        return , $list.ToArray()
    }
    $o = [ordered]@{}
    foreach ($p in $Value.PSObject.Properties) {
        if ($p.MemberType -eq 'ScriptProperty' -or $p.MemberType -eq 'CodeProperty') { continue }
        $o[$p.Name] = ConvertTo-FerryPlain $p.Value ($Depth + 1)
    }
    return $o
}

# One JSON document per call, on its own line after a marker so stray host output cannot be
# mistaken for it.
# In a fan-out's runspace ($FerryJsonToPipeline) the line goes to that runspace's output instead:
# the fan-out tells the hosts' answers apart.
function Write-FerryJson {
    param([object]$Document)
    $json = ConvertTo-Json -InputObject $Document -Depth 8 -Compress
    if ($global:FerryJsonToPipeline) { return ('FERRY-JSON:' + $json) }
    [Console]::Out.WriteLine('FERRY-JSON:' + $json)
}

# What an error says about itself beyond its text, which Windows words in its display language:
# the category, the exception types down the InnerException chain, and every code they carry —
# HResult, ErrorCode / NativeErrorCode (remoting, Win32, sockets, CIM), CIM's error_Code, and
# the 0x........ codes Hyper-V writes into its messages (the same in every language). Codes are
# HRESULT-shaped text (`0x80070005`); a Win32 code n becomes 0x8007nnnn.
function Get-FerryErrorFacts {
    param([Management.Automation.ErrorRecord]$Record)
    $codes = New-Object System.Collections.Generic.List[string]
    $types = New-Object System.Collections.Generic.List[string]
    $native = New-Object System.Collections.Generic.List[string]
    $addCode = {
        param([object]$Value)
        if ($null -eq $Value) { return }
        $n = [int64]0
        if (-not [int64]::TryParse([string]$Value, [ref]$n)) { return }
        if ($n -eq 0) { return }
        if ($n -gt 0 -and $n -lt 65536) { $n = [int64]2147942400 + $n }
        $text = '0x{0:X8}' -f ($n -band [int64]4294967295)
        # The CLR's own exception HRESULTs (COR_E_*) say nothing about the host.
        if (-not $text.StartsWith('0x8013') -and -not $codes.Contains($text)) { $codes.Add($text) }
    }
    $e = $Record.Exception
    $depth = 0
    while ($null -ne $e -and $depth -lt 8) {
        $types.Add($e.GetType().FullName)
        & $addCode $e.HResult
        foreach ($name in @('ErrorCode', 'NativeErrorCode')) {
            $p = $e.PSObject.Properties[$name]
            if ($null -eq $p -or $null -eq $p.Value) { continue }
            if ($p.Value -is [Enum]) { $native.Add($p.Value.ToString()) } else { & $addCode $p.Value }
        }
        $data = $e.PSObject.Properties['ErrorData']
        if ($null -ne $data -and $null -ne $data.Value) {
            $ec = $data.Value.PSObject.Properties['error_Code']
            if ($null -eq $ec -and $null -ne $data.Value.PSObject.Properties['CimInstanceProperties']) { $ec = $data.Value.CimInstanceProperties['error_Code'] }
            if ($null -ne $ec) { & $addCode $ec.Value }
        }
        foreach ($m in [regex]::Matches([string]$e.Message, '0x[0-9A-Fa-f]{8}')) { & $addCode ([Convert]::ToInt64($m.Value.Substring(2), 16)) }
        $e = $e.InnerException
        $depth++
    }
    return [pscustomobject]@{
        category = [string]$Record.CategoryInfo.Category
        errorId = [string]$Record.FullyQualifiedErrorId
        types = @($types)
        codes = @($codes)
        native = @($native)
    }
}

# HRESULTs that mean "the host did not answer": WinRM cannot connect (0x80338126, 0x80338012),
# RPC server unavailable (1722), network path / name not found (53, 67), host not found
# (WSAHOST_NOT_FOUND 11001, WSANO_DATA 11004).
$script:FerryUnreachableCodes = @('0x80338126', '0x80338012', '0x800706BA', '0x80070035', '0x80070043', '0x80072AF9', '0x80072AFC')

# unreachable | access-denied | script-error, from the error's category, exception types and
# codes (Get-FerryErrorFacts) — never from its words, which are German on a German Windows.
function Get-FerryErrorCode {
    param([Management.Automation.ErrorRecord]$Record)
    $f = Get-FerryErrorFacts $Record
    $head = ($f.errorId -split ',')[0]
    if ($f.category -eq 'PermissionDenied' -or $f.category -eq 'SecurityError' -or $f.types -contains 'System.UnauthorizedAccessException' -or
        $f.codes -contains '0x80070005' -or $f.native -contains 'AccessDenied' -or $head -eq 'AccessDenied' -or $head -eq 'UnauthorizedAccess') { return 'access-denied' }
    foreach ($c in $script:FerryUnreachableCodes) { if ($f.codes -contains $c) { return 'unreachable' } }
    if ($f.category -eq 'ConnectionError' -or $f.types -contains 'System.Management.Automation.Remoting.PSRemotingTransportException' -or
        $f.types -contains 'System.Net.Sockets.SocketException' -or $head -eq 'ComputerNotFound' -or $head -eq 'CannotConnect') { return 'unreachable' }
    return 'script-error'
}

# Decodes the one argument (base64 of JSON), runs $Body with the decoded object, and prints
# { ok, data } or { ok:false, error:{ code, message, target } }. Never throws.
function Invoke-FerryMain {
    param([string]$InputBase64, [scriptblock]$Body)
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    $WarningPreference = 'SilentlyContinue'
    $InformationPreference = 'SilentlyContinue'
    # Functions from script modules (the lab) read preferences from their own scope, not ours;
    # an explicit -ErrorAction reaches every command the body calls.
    $PSDefaultParameterValues = @{ '*:ErrorAction' = 'Stop' }
    $in = $null
    $target = $null
    try {
        $text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($InputBase64))
        $in = ConvertFrom-Json -InputObject $text
        if ($null -ne $in -and $null -ne $in.PSObject.Properties['computerName']) { $target = [string]$in.computerName }
        $data = & $Body $in
        Write-FerryJson ([ordered]@{ ok = $true; data = (ConvertTo-FerryPlain $data) })
    } catch {
        $record = $_
        $message = $record.Exception.Message
        $code = Get-FerryErrorCode $record
        if ($record.Exception -is [Management.Automation.CommandNotFoundException] -and $global:FerryHyperV -eq 'missing') {
            $message = "The Hyper-V PowerShell module is not installed on this computer, so Ferry cannot read or change Hyper-V hosts from it. Install the Hyper-V management tools (Hyper-V Module for Windows PowerShell), or use the lab. ($message)"
        }
        if ($null -ne $record.TargetObject -and $record.TargetObject -is [string] -and $code -ne 'script-error') { $target = [string]$record.TargetObject }
        if ($code -eq 'unreachable' -and $null -ne $target) { try { Close-FerryHostSession $target } catch { } }
        $err = [ordered]@{ code = $code; message = $message }
        if ($null -ne $target) { $err['target'] = $target }
        Write-FerryJson ([ordered]@{ ok = $false; error = $err })
    }
}

# True in lab mode: the process was set up for the lab (Use-FerryHyperVCommands), or, for a
# script run on its own, the Hyper-V cmdlets come from the HyperVLab module.
function Test-FerryLab {
    if ($global:FerryMode) { return ($global:FerryMode -eq 'lab') }
    $cmd = Get-Command -Name Get-VMHost -ErrorAction SilentlyContinue
    if ($null -ne $cmd -and $cmd.CommandType -eq 'Alias') { $cmd = $cmd.ResolvedCommand }
    return ($null -ne $cmd -and $cmd.ModuleName -eq 'HyperVLab')
}

# The Hyper-V cmdlets Ferry's scripts call. VMware PowerCLI (VMware.VimAutomation.Core), on many
# admin workstations, has Get-VM, Get-VMHost, Move-VM and more under the same names; PowerShell
# autoloads whichever module comes first on PSModulePath, so a bare Get-VM may be VMware's.
$script:FerryHyperVCommands = @(
    'Get-VMHost', 'Set-VMHost', 'Enable-VMMigration', 'Disable-VMMigration',
    'Get-VMMigrationNetwork', 'Add-VMMigrationNetwork', 'Set-VMMigrationNetwork', 'Remove-VMMigrationNetwork',
    'Compare-VM', 'Move-VM', 'Stop-VM', 'Get-VM', 'Get-VMSwitch', 'Get-VMHostSupportedVersion', 'Get-VMProcessor',
    'Get-VMNetworkAdapter', 'Get-VMHardDiskDrive', 'Get-VMDvdDrive', 'Get-VHD', 'Get-VMSnapshot', 'Get-VMMemory',
    'Get-VMSecurity', 'Get-VMGpuPartitionAdapter', 'Get-VMHostNumaNode'
)

# Pins every Hyper-V name Ferry uses to its module-qualified command (Hyper-V\Get-VM; in the lab
# HyperVLab\Get-VM) with a global alias — aliases win over functions and cmdlets — so the
# scripts' plain `Get-VM` is Hyper-V's whatever else is installed. Call it once per process or
# runspace (the pool does at start). Real mode imports Hyper-V explicitly; when it is missing the
# aliases still point at Hyper-V\…, so a call fails plainly instead of reaching another module.
# Returns { mode, module, hyperV: 'loaded'|'missing', clashes: [{ name, module }] }.
function Use-FerryHyperVCommands {
    param([ValidateSet('real', 'lab')][string]$Mode, [switch]$SkipClashCheck)
    $module = 'Hyper-V'
    if ($Mode -eq 'lab') { $module = 'HyperVLab' }
    $clashes = New-Object System.Collections.ArrayList
    $seen = @{}
    $note = {
        param([string]$Name, [string]$Owner)
        if ($Owner -eq '' -or $Owner -eq 'Hyper-V' -or $Owner -eq 'HyperVLab' -or $seen.ContainsKey("$Owner|$Name")) { return }
        $seen["$Owner|$Name"] = $true
        [void]$clashes.Add([ordered]@{ name = $Name; module = $Owner })
    }
    # Before anything is pinned: the module autoloading would pick for each name (the shadowing).
    if (-not $SkipClashCheck) {
        foreach ($c in @(Get-Command -Name @($script:FerryHyperVCommands) -CommandType Cmdlet, Function -ErrorAction SilentlyContinue)) { & $note ([string]$c.Name) ([string]$c.ModuleName) }
    }
    $state = 'loaded'
    if ($Mode -eq 'real' -and $null -eq (Get-Module -Name 'Hyper-V')) {
        try { Import-Module -Name 'Hyper-V' -ErrorAction Stop -WarningAction SilentlyContinue } catch { $state = 'missing' }
    }
    $names = New-Object System.Collections.Generic.List[string]
    $loaded = Get-Module -Name $module
    foreach ($n in $script:FerryHyperVCommands) {
        if ($Mode -eq 'lab' -and ($null -eq $loaded -or -not $loaded.ExportedCommands.ContainsKey($n))) { continue }
        $names.Add($n)
    }
    if ($Mode -eq 'real' -and $null -ne $loaded) {
        foreach ($n in $loaded.ExportedCommands.Keys) { if ($n -match '^[A-Za-z]+-(VM|VHD)' -and -not $names.Contains($n)) { $names.Add($n) } }
    }
    foreach ($n in $names) { Set-Alias -Name $n -Value "$module\$n" -Scope Global -Force }
    if (-not $SkipClashCheck) {
        # Modules already loaded under the same names, and PowerCLI installed anywhere on the path.
        foreach ($c in @(Get-Command -Name @($script:FerryHyperVCommands) -CommandType Cmdlet, Function -All -ErrorAction SilentlyContinue)) { & $note ([string]$c.Name) ([string]$c.ModuleName) }
        foreach ($m in @(Get-Module -ListAvailable -Name 'VMware.VimAutomation.Core' -ErrorAction SilentlyContinue | Select-Object -First 1)) {
            $theirs = @($m.ExportedCommands.Keys | Where-Object { $script:FerryHyperVCommands -contains $_ })
            if ($theirs.Count -eq 0) { $theirs = @('Get-VM', 'Get-VMHost', 'Move-VM') }
            foreach ($n in $theirs) { & $note $n ([string]$m.Name) }
        }
    }
    $global:FerryMode = $Mode
    $global:FerryHyperV = $state
    return [ordered]@{ mode = $Mode; module = $module; hyperV = $state; clashes = @($clashes) }
}

# Lab mode: imports the HyperVLab module (lab processes start with -ExecutionPolicy Bypass). A
# Group Policy execution policy (MachinePolicy / UserPolicy) overrides Bypass and blocks the
# unsigned module: that is said, with the policy that wins, instead of a bare security error.
function Import-FerryLab {
    param([string]$ModulePath, [string]$LabDir)
    try {
        Import-Module -Name $ModulePath -Force -DisableNameChecking -ErrorAction Stop
    } catch {
        $record = $_
        if ($record.CategoryInfo.Category -ne 'SecurityError' -and -not ($record.Exception -is [Management.Automation.PSSecurityException])) { throw }
        $machine = [string](Get-ExecutionPolicy -Scope MachinePolicy)
        $user = [string](Get-ExecutionPolicy -Scope UserPolicy)
        $scope = 'MachinePolicy'; $policy = $machine
        if ($machine -eq 'Undefined') { $scope = 'UserPolicy'; $policy = $user }
        if ($policy -eq 'Undefined' -or $policy -eq '') {
            throw "PowerShell's execution policy blocked the lab module (HyperVLab) although Ferry starts it with -ExecutionPolicy Bypass: $($record.Exception.Message)"
        }
        throw "Group Policy sets PowerShell's execution policy to $policy ($scope). It overrides the -ExecutionPolicy Bypass Ferry starts lab processes with, so the lab module (HyperVLab, not signed) cannot load on this computer. Ask your administrator to allow it, or use Ferry with real hosts."
    }
    Initialize-HyperVLab -Path $LabDir
}

# One session per host per process, shared by the process's runspaces (a fan-out's too). On
# real hosts: a CIM session (New-CimSession: WinRM, Kerberos) set up at the first call and reused
# by every later one, instead of the temporary session a cmdlet given -ComputerName sets up and
# tears down on each call. In the lab the HyperVLab module models the same (Connect-HyperVLabHost,
# lab.json connectMs). Returns what a call is splatted with: @{ CimSession = $s } on real hosts,
# @{ ComputerName = $c } in the lab (whose cmdlets find the open session by the host's name).
if ($null -eq $global:FerryHostSessions) { $global:FerryHostSessions = [hashtable]::Synchronized(@{}) }
# One VM on a host, resolved once: by Id when the caller has it, else by its exact name. -Name is
# a wildcard to Hyper-V (sql[1] matches sql1) and names can repeat, so scripts pass the object on
# (-VM) instead of the name. $Then says what the admin does after renaming a duplicate.
function Resolve-FerryVm {
    param([string]$ComputerName, [string]$Name, [string]$WantedId, [string]$Then)
    if (-not [string]::IsNullOrEmpty($WantedId)) {
        $vm = @(Get-VM -ComputerName $ComputerName -Id ([guid]$WantedId))
    } else {
        $vm = @(Get-VM -ComputerName $ComputerName | Where-Object { $_.Name -ceq $Name })
    }
    if ($vm.Count -eq 0) { throw "Hyper-V was unable to find a virtual machine with name `"$Name`" on $ComputerName." }
    if ($vm.Count -gt 1) { throw "$($vm.Count) virtual machines on $ComputerName are named `"$Name`"; Ferry cannot tell them apart. Rename one of them, then $Then." }
    return $vm[0]
}

function Get-FerryOn {
    param([string]$ComputerName)
    if (Test-FerryLab) {
        $null = Connect-HyperVLabHost -ComputerName $ComputerName
        return @{ ComputerName = $ComputerName }
    }
    $key = $ComputerName.ToUpperInvariant()
    $s = $global:FerryHostSessions[$key]
    if ($null -eq $s) {
        $s = New-CimSession -ComputerName $ComputerName -ErrorAction Stop
        $global:FerryHostSessions[$key] = $s
    }
    return @{ CimSession = $s }
}

# Runs $ScriptBlock ON the host (issue 11 item 5): one round trip, every cmdlet inside a local call
# there. Real hosts: Invoke-Command over the host's one PSSession (New-PSSession at the first call,
# reused by later calls and by every runspace of the process; a session that broke is replaced).
# Lab: the host's lab session (Connect-HyperVLabHost) and Invoke-HyperVLabOnHost, which, like
# remoting, hands back deserialized output and refuses what a remote session would. The block is
# our own constant code; values go in $ArgumentList. One caller per host at a time: a PSSession
# runs one command at once.
if ($null -eq $global:FerryRemoteSessions) { $global:FerryRemoteSessions = [hashtable]::Synchronized(@{}) }
function Invoke-FerryOnHost {
    param([string]$ComputerName, [scriptblock]$ScriptBlock, [object[]]$ArgumentList = @())
    if (Test-FerryLab) {
        $null = Connect-HyperVLabHost -ComputerName $ComputerName
        return Invoke-HyperVLabOnHost -ComputerName $ComputerName -ScriptBlock $ScriptBlock -ArgumentList $ArgumentList
    }
    $key = $ComputerName.ToUpperInvariant()
    $s = $global:FerryRemoteSessions[$key]
    if ($null -ne $s -and [string]$s.State -ne 'Opened') {
        $global:FerryRemoteSessions.Remove($key)
        try { Remove-PSSession -Session $s -ErrorAction Stop } catch { }
        $s = $null
    }
    if ($null -eq $s) {
        $s = New-PSSession -ComputerName $ComputerName -ErrorAction Stop
        $global:FerryRemoteSessions[$key] = $s
    }
    return Invoke-Command -Session $s -ScriptBlock $ScriptBlock -ArgumentList $ArgumentList -ErrorAction Stop
}

# Drops a host's session once the host stopped answering on it (rebooted, WinRM restarted): the
# next call sets up a new one instead of failing on the dead one again.
function Close-FerryHostSession {
    param([string]$ComputerName)
    if (Test-FerryLab) { $null = Disconnect-HyperVLabHost -ComputerName $ComputerName; return }
    $key = $ComputerName.ToUpperInvariant()
    $r = $global:FerryRemoteSessions[$key]
    if ($null -ne $r) {
        $global:FerryRemoteSessions.Remove($key)
        try { Remove-PSSession -Session $r -ErrorAction Stop } catch { }
    }
    $s = $global:FerryHostSessions[$key]
    if ($null -eq $s) { return }
    $global:FerryHostSessions.Remove($key)
    try { Remove-CimSession -CimSession $s -ErrorAction Stop } catch { }
}

# Closes every session this process holds to the hosts, PowerShell and CIM, before it ends (the
# pool asks when it shuts down). A session a process leaves behind stays on the host until WinRM's
# idle timeout (two hours by default), and an account may hold only so many at once (the remoting
# endpoint's MaxShellsPerUser): an app started and stopped through the day would end up refused.
function Close-FerrySessions {
    if (Test-FerryLab) { $null = Disconnect-HyperVLabHost -All; return }
    $hosts = @($global:FerryRemoteSessions.Keys) + @($global:FerryHostSessions.Keys) | Select-Object -Unique
    foreach ($h in $hosts) { Close-FerryHostSession ([string]$h) }
}

# The settings shape every mutating script returns after its change (HostMigrationSettings; the
# host read shapes the same on the host, get-host-facts.ps1).
# -VMHost: the host object the caller already read (one round trip less).
function Get-FerryHostSettings {
    param([string]$ComputerName, [object]$VMHost)
    $on = Get-FerryOn $ComputerName
    $h = $VMHost
    if ($null -eq $h) { $h = Get-VMHost @on }
    $nets = @(Get-VMMigrationNetwork @on | ForEach-Object {
        $p = 0; if ($null -ne $_.Priority) { $p = [int64]$_.Priority }
        [ordered]@{ subnet = [string]$_.Subnet; priority = $p }
    })
    return [ordered]@{
        virtualMachineMigrationEnabled = [bool]$h.VirtualMachineMigrationEnabled
        maximumVirtualMachineMigrations = [int64]$h.MaximumVirtualMachineMigrations
        maximumStorageMigrations = [int64]$h.MaximumStorageMigrations
        virtualMachineMigrationAuthenticationType = $h.VirtualMachineMigrationAuthenticationType.ToString()
        virtualMachineMigrationPerformanceOption = $h.VirtualMachineMigrationPerformanceOption.ToString()
        useAnyNetworkForMigration = [bool]$h.UseAnyNetworkForMigration
        migrationNetworks = $nets
    }
}
