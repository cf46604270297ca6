# HyperVLab: simulated Hyper-V hosts behind the real cmdlet names and parameter sets.
#
# State lives in a lab folder ($env:FERRY_LAB_DIR, or Initialize-HyperVLab -Path):
#   lab.json              { domain, localHost }
#   hosts/<NAME>.json     one file per host: settings, networks, switches, VMs, links, ports
#   lab.json `network`    what reaching a host costs: connectMs, latencyMs (HyperVLab.Sessions.ps1)
#   faults/<NAME>.json    fault injection: unreachable, latencyMs, accessDenied, failOnMutation,
#                         mutationCalls, closedPorts
# Several pool processes may touch the lab at once: every write goes to a temp file that is
# renamed over the old one, and mutations of one host hold that host's lock file.
# Runs on Windows PowerShell 5.1 and PowerShell 7: no ?? / ternary / -AsHashtable.
Set-StrictMode -Version 2.0

$script:LabDir = $env:FERRY_LAB_DIR

# Compiling the types costs seconds per process; the pool starts several, so the assembly is
# compiled once into the lab folder (the user's own data, not a shared temp dir) keyed by the
# source hash and edition, and later processes only load it.
if (-not ('Microsoft.HyperV.PowerShell.VMHost' -as [type])) {
    # The object model and the lab's job type (Move-VM -AsJob), compiled as one assembly.
    $source = [IO.File]::ReadAllText((Join-Path $PSScriptRoot 'HyperVLab.Types.cs')) + "`n" + [IO.File]::ReadAllText((Join-Path $PSScriptRoot 'HyperVLab.Jobs.cs'))
    $loaded = $false
    if (-not [string]::IsNullOrEmpty($script:LabDir) -and [IO.Directory]::Exists($script:LabDir)) {
        try {
            $sha = [Security.Cryptography.SHA256]::Create()
            $hash = [BitConverter]::ToString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($source + $PSVersionTable.PSEdition + [Environment]::Version))).Replace('-', '').Substring(0, 16)
            $cacheDir = Join-Path $script:LabDir '.cache'
            $dll = Join-Path $cacheDir "HyperVLab.Types.$hash.dll"
            if (-not [IO.File]::Exists($dll)) {
                $null = [IO.Directory]::CreateDirectory($cacheDir)
                $tmp = Join-Path $cacheDir "build.$PID.$([guid]::NewGuid().ToString('N')).dll"
                Add-Type -TypeDefinition $source -Language CSharp -OutputAssembly $tmp -OutputType Library
                try { [IO.File]::Move($tmp, $dll) } catch { [IO.File]::Delete($tmp) }
            }
            Add-Type -Path $dll
            $loaded = $true
        } catch { $loaded = $false }
    }
    if (-not $loaded -and -not ('Microsoft.HyperV.PowerShell.VMHost' -as [type])) { Add-Type -TypeDefinition $source -Language CSharp }
}
$script:Utf8 = New-Object System.Text.UTF8Encoding $false

function Initialize-HyperVLab {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    $script:LabDir = [IO.Path]::GetFullPath($Path)
}

# ---- real error texts -------------------------------------------------------------------

# An ErrorRecord shaped like the real one: the text (in the lab's language, HyperVLab.Texts.ps1),
# a category, and an exception whose type and HRESULT say what happened, so code that must not
# read the text (other display languages) still can tell.
function New-LabErrorRecord([string]$Message, [string]$Id, [Management.Automation.ErrorCategory]$Category, [object]$Target, [Exception]$Exception) {
    if ($null -eq $Exception) { $Exception = New-Object System.Exception $Message }
    return New-Object Management.Automation.ErrorRecord $Exception, $Id, $Category, $Target
}

# Hyper-V's texts: a name that does not resolve, a host whose WinRM endpoint does not answer,
# and the authorization-policy denial.
function Get-LabUnresolvedText([string]$Computer) { return Get-LabText 'Unresolved' @($Computer) }
function Get-LabUnreachableText([string]$Computer) { return Get-LabText 'Unreachable' @($Computer) }
function Get-LabAccessDeniedText([string]$Computer) { return Get-LabText 'AccessDenied' @($Computer) }

# The name lookup failed (WSAHOST_NOT_FOUND, 11001) / WinRM could not connect (0x80338126) / the
# authorization policy said no (UnauthorizedAccessException, 0x80070005).
function New-LabUnresolvedError([string]$Computer) {
    $text = Get-LabUnresolvedText $Computer
    $ex = New-Object System.Exception $text, (New-Object System.Net.Sockets.SocketException 11001)
    return New-LabErrorRecord $text 'HostNotResolved' ([Management.Automation.ErrorCategory]::ObjectNotFound) $Computer $ex
}
function New-LabUnreachableError([string]$Computer) {
    $text = Get-LabUnreachableText $Computer
    $ex = New-Object System.Runtime.InteropServices.COMException $text, -2144108250
    return New-LabErrorRecord $text 'Unreachable' ([Management.Automation.ErrorCategory]::ConnectionError) $Computer $ex
}
function New-LabAccessDeniedError([string]$Computer) {
    $text = Get-LabAccessDeniedText $Computer
    $ex = New-Object System.UnauthorizedAccessException $text
    return New-LabErrorRecord $text 'AccessDenied' ([Management.Automation.ErrorCategory]::PermissionDenied) $Computer $ex
}

# ---- files ------------------------------------------------------------------------------

function Get-LabDir {
    if ([string]::IsNullOrEmpty($script:LabDir)) {
        throw 'HyperVLab: no lab folder. Set $env:FERRY_LAB_DIR or run Initialize-HyperVLab -Path <folder>.'
    }
    return $script:LabDir
}

function Read-LabJson([string]$Path) {
    if (-not [IO.File]::Exists($Path)) { return $null }
    $text = [IO.File]::ReadAllText($Path, $script:Utf8)
    return ConvertFrom-Json -InputObject $text
}

function Write-LabJson([string]$Path, [object]$Value) {
    $json = ConvertTo-Json -InputObject $Value -Depth 12
    $tmp = "$Path.$PID.$([guid]::NewGuid().ToString('N')).tmp"
    [IO.File]::WriteAllText($tmp, $json, $script:Utf8)
    if ([IO.File]::Exists($Path)) { [IO.File]::Replace($tmp, $Path, [NullString]::Value) } else { [IO.File]::Move($tmp, $Path) }
}

# Exclusive per-host lock (FileShare.None; advisory flock on Unix), retried for up to 10 s.
function Enter-LabLock([string]$Name) {
    $path = Join-Path (Join-Path (Get-LabDir) 'hosts') "$Name.lock"
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    while ($true) {
        try {
            return [IO.File]::Open($path, [IO.FileMode]::OpenOrCreate, [IO.FileAccess]::ReadWrite, [IO.FileShare]::None)
        } catch [System.IO.IOException] {
            if ([DateTime]::UtcNow -gt $deadline) { throw "HyperVLab: host '$Name' is locked by another process." }
            Start-Sleep -Milliseconds 15
        }
    }
}

# lab.json changes only when a lab is re-created: cached per process, re-read when its write
# time changes.
$script:LabConfigCache = $null
$script:LabConfigStamp = $null
function Get-LabConfig {
    $path = Join-Path (Get-LabDir) 'lab.json'
    $stamp = $path + '|' + [IO.File]::GetLastWriteTimeUtc($path).Ticks
    if ($null -ne $script:LabConfigCache -and $script:LabConfigStamp -eq $stamp) { return $script:LabConfigCache }
    $cfg = Read-LabJson $path
    if ($null -eq $cfg) { throw "HyperVLab: '$(Get-LabDir)' is not a lab folder (lab.json missing)." }
    $script:LabConfigCache = $cfg
    $script:LabConfigStamp = $stamp
    return $cfg
}

# Maps whatever the caller typed (short name, FQDN, 'localhost', '.') to a lab host file name,
# or $null when no such host exists. Only [A-Za-z0-9-] names can name a file, so hostile text
# never reaches a path.
function Resolve-LabHostName([string]$Computer) {
    # Inside a remote session its host's resolved name comes back often (Get-LabTargets gives it).
    if (-not [string]::IsNullOrEmpty($Computer) -and $Computer -ceq $script:LabSessionHost) { return $Computer }
    $cfg = Get-LabConfig
    $name = $Computer
    if ([string]::IsNullOrEmpty($name) -or $name -eq '.' -or $name -eq 'localhost') { $name = [string]$cfg.localHost }
    $suffix = '.' + [string]$cfg.domain
    if ($name.EndsWith($suffix, [StringComparison]::OrdinalIgnoreCase)) { $name = $name.Substring(0, $name.Length - $suffix.Length) }
    if ($name -cnotmatch '^[A-Za-z0-9-]{1,63}$') { return $null }
    $upper = $name.ToUpperInvariant()
    if ([IO.File]::Exists((Join-Path (Join-Path (Get-LabDir) 'hosts') "$upper.json"))) { return $upper }
    return $null
}

function Get-LabFault([string]$Name) {
    return Read-LabJson (Join-Path (Join-Path (Get-LabDir) 'faults') "$Name.json")
}

# A fault with `traceCalls` records each call to the host as it starts, before its latency (a line
# in faults/<NAME>.calls), so a test waits for a call to be under way instead of sleeping. Best
# effort: a line lost to two processes appending at once is only a missed trace.
function Write-LabCallTrace([string]$Name, [object]$Fault, [string]$What) {
    if (-not [bool](Get-LabProp $Fault 'traceCalls' $false)) { return }
    $path = Join-Path (Join-Path (Get-LabDir) 'faults') "$Name.calls"
    try { [IO.File]::AppendAllText($path, $What + "`n", $script:Utf8) } catch { }
}

function Get-LabProp([object]$Obj, [string]$Prop, [object]$Default) {
    if ($null -eq $Obj) { return $Default }
    $p = $Obj.PSObject.Properties[$Prop]
    if ($null -eq $p -or $null -eq $p.Value) { return $Default }
    return $p.Value
}

# Applies the host's faults and returns its file name. Throws the real error texts. -Remoting:
# the call opens a PowerShell remote session (Invoke-HyperVLabOnHost), which `remotingDenied` refuses.
function Enter-LabHost([string]$Computer, [switch]$Mutating, [switch]$Remoting) {
    $name = Resolve-LabHostName $Computer
    if ($null -eq $name) { throw (New-LabUnresolvedError $Computer) }
    # A call to the host of the remote session it runs in is a local call there: the session paid
    # the round trip (and met the host's faults, and landed the moves due) when it was entered.
    if ($name -ceq $script:LabSessionHost) {
        if ($Mutating -or $Remoting) { $fault = Get-LabFault $name } else { return $name }
    } else {
        # Moves whose moment has come land first (HyperVLab.Move.ps1): a host down mid-move is down now.
        Sync-LabMigrations
        $fault = Get-LabFault $name
        Write-LabCallTrace $name $fault 'call'
        $latency = (Get-LabCallDelay $name) + [int](Get-LabProp $fault 'latencyMs' 0)
        if ($latency -gt 0) { Start-Sleep -Milliseconds $latency }
    }
    if ([bool](Get-LabProp $fault 'unreachable' $false)) {
        throw (New-LabUnreachableError $Computer)
    }
    if ([bool](Get-LabProp $fault 'accessDenied' $false)) {
        throw (New-LabAccessDeniedError $Computer)
    }
    if ($Remoting -and [bool](Get-LabProp $fault 'remotingDenied' $false)) {
        throw (New-LabRemotingDeniedError $Computer)
    }
    if ($Mutating) {
        $n = [int](Get-LabProp $fault 'failOnMutation' 0)
        if ($n -gt 0) {
            $lock = Enter-LabLock $name
            try {
                $path = Join-Path (Join-Path (Get-LabDir) 'faults') "$name.json"
                $fault = Read-LabJson $path
                $calls = [int](Get-LabProp $fault 'mutationCalls' 0) + 1
                $fault | Add-Member -NotePropertyName mutationCalls -NotePropertyValue $calls -Force
                Write-LabJson $path $fault
            } finally { $lock.Dispose() }
            if ($calls -eq $n) {
                throw (New-LabErrorRecord "The operation on computer '$Computer' failed: injected failure on mutating call $n (HyperVLab fault)." 'InjectedFailure' OperationStopped $Computer)
            }
        }
    }
    return $name
}

function Get-LabHostFile([string]$Name) { return [IO.Path]::Combine((Get-LabDir), 'hosts', "$Name.json") }

# Inside a remote session (Invoke-HyperVLabOnHost) the session's host state is read once: a dozen
# local cmdlets in one block see the host as it was when the block began, and a save drops the
# copy. The session clears it at entry and exit, so no copy outlives one block.
$script:LabSessionState = $null

function Get-LabHostState([string]$Name) {
    $inSession = $Name -ceq $script:LabSessionHost
    if ($inSession -and $null -ne $script:LabSessionState) { return $script:LabSessionState }
    $state = Read-LabJson (Get-LabHostFile $Name)
    if ($inSession) { $script:LabSessionState = $state }
    return $state
}

function Save-LabHostState([string]$Name, [object]$State) {
    if ($Name -ceq $script:LabSessionHost) { $script:LabSessionState = $null }
    Write-LabJson (Get-LabHostFile $Name) $State
}

# Runs $Change against the host's state under its lock (read afresh, never a session's copy), then
# saves it.
function Update-LabHost([string]$Name, [scriptblock]$Change) {
    $lock = Enter-LabLock $Name
    try {
        $state = Read-LabJson (Get-LabHostFile $Name)
        & $Change $state
        Save-LabHostState $Name $state
    } finally { $lock.Dispose() }
}

function Get-LabTargets([hashtable]$Bound) {
    if ($Bound.ContainsKey('CimSession')) { throw 'HyperVLab: -CimSession is not simulated; use -ComputerName.' }
    if ($Bound.ContainsKey('ComputerName')) { return @($Bound['ComputerName']) }
    # Inside a remote session (Invoke-HyperVLabOnHost) a cmdlet without -ComputerName runs on that
    # session's host; anywhere else on this computer.
    if (-not [string]::IsNullOrEmpty($script:LabSessionHost)) { return @($script:LabSessionHost) }
    return @([string](Get-LabConfig).localHost)
}

# Hyper-V writes one non-terminating error per failing computer; callers use -ErrorAction Stop.
function Invoke-LabPerHost([System.Management.Automation.PSCmdlet]$Cmdlet, [string[]]$Computers, [switch]$Mutating, [scriptblock]$Body) {
    foreach ($c in $Computers) {
        try {
            $name = Enter-LabHost $c -Mutating:$Mutating
        } catch {
            $Cmdlet.WriteError($_)
            continue
        }
        & $Body $name $c
    }
}

# ---- object builders --------------------------------------------------------------------

function New-LabVMHost([string]$Name) {
    $s = Get-LabHostState $Name
    $h = New-Object Microsoft.HyperV.PowerShell.VMHost
    $h.Name = $s.name
    $h.ComputerName = $s.name
    $h.FullyQualifiedDomainName = $s.domain
    $h.LogicalProcessorCount = [int]$s.logicalProcessorCount
    $h.MemoryCapacity = [long]$s.memoryCapacityBytes
    $h.VirtualMachineMigrationEnabled = [bool]$s.settings.virtualMachineMigrationEnabled
    $h.MaximumVirtualMachineMigrations = [uint32]$s.settings.maximumVirtualMachineMigrations
    $h.MaximumStorageMigrations = [uint32]$s.settings.maximumStorageMigrations
    $h.VirtualMachineMigrationAuthenticationType = [Microsoft.HyperV.PowerShell.MigrationAuthenticationType]$s.settings.virtualMachineMigrationAuthenticationType
    $h.VirtualMachineMigrationPerformanceOption = [Microsoft.HyperV.PowerShell.VMMigrationPerformance]$s.settings.virtualMachineMigrationPerformanceOption
    $h.UseAnyNetworkForMigration = [bool]$s.settings.useAnyNetworkForMigration
    $h.NumaSpanningEnabled = [bool](Get-LabProp $s 'numaSpanningEnabled' $true)
    $h.SupportedVmVersions = [string[]]@($s.supportedVersions)
    $h.VirtualMachinePath = 'C:\ProgramData\Microsoft\Windows\Hyper-V'
    $h.VirtualHardDiskPath = 'C:\ProgramData\Microsoft\Windows\Virtual Hard Disks'
    return $h
}

function New-LabVM([object]$State, [object]$Vm) {
    $o = New-Object Microsoft.HyperV.PowerShell.VirtualMachine
    $o.Name = [string]$Vm.name
    $o.Id = [guid]$Vm.id
    $o.ComputerName = [string]$State.name
    $o.Version = [string]$Vm.version
    $o.Generation = 2
    $o.State = [Microsoft.HyperV.PowerShell.VMState]([string]$Vm.state)
    $o.Status = 'Operating normally'
    $o.PrimaryOperationalStatus = [Microsoft.HyperV.PowerShell.VMOperationalStatus]::Ok
    $busy = [string](Get-LabProp $Vm 'operationalStatus' '')
    if ($busy -ne '') {
        # A VM Hyper-V is busy with (backup, merge…): InService plus what it is doing.
        $o.PrimaryOperationalStatus = [Microsoft.HyperV.PowerShell.VMOperationalStatus]::InService
        $o.SecondaryOperationalStatus = [Microsoft.HyperV.PowerShell.VMOperationalStatus]$busy
        $o.Status = $busy
    }
    $o.MemoryStartup = [long]$Vm.memoryStartupBytes
    if ($o.State -eq [Microsoft.HyperV.PowerShell.VMState]::Running) { $o.MemoryAssigned = [long]$Vm.memoryStartupBytes }
    $o.MemoryDemand = $o.MemoryAssigned
    $o.MemoryMinimum = 536870912
    $o.MemoryMaximum = [long]$Vm.memoryStartupBytes
    $o.DynamicMemoryEnabled = [bool](Get-LabProp $Vm 'dynamicMemoryEnabled' $false)
    $o.ProcessorCount = [long](Get-LabProp $Vm 'processorCount' 2)
    $o.Path = 'C:\ProgramData\Microsoft\Windows\Hyper-V'
    if ([bool](Get-LabProp $Vm 'hasSnapshots' $false)) {
        $o.ParentSnapshotId = [guid]::NewGuid()
        $o.ParentSnapshotName = 'Checkpoint'
    }
    $o.HardDrives = [Microsoft.HyperV.PowerShell.HardDiskDrive[]]@(New-LabDisks $State $Vm)
    $dvd = @()
    $iso = [string](Get-LabProp $Vm 'isoPath' '')
    if ($iso -ne '') {
        $d = New-Object Microsoft.HyperV.PowerShell.DvdDrive
        $d.Name = 'DVD Drive'; $d.Path = $iso; $d.VMName = $o.Name; $d.ComputerName = $o.ComputerName
        $dvd += $d
    }
    $o.DVDDrives = [Microsoft.HyperV.PowerShell.DvdDrive[]]$dvd
    $list = New-Object 'System.Collections.Generic.List[Microsoft.HyperV.PowerShell.VMNetworkAdapter]'
    foreach ($a in @(New-LabAdapters $State $Vm)) { $list.Add($a) }
    $o.NetworkAdapters = $list
    return $o
}

function New-LabAdapters([object]$State, [object]$Vm) {
    foreach ($a in @(Get-LabProp $Vm 'adapters' @())) {
        $n = New-Object Microsoft.HyperV.PowerShell.VMNetworkAdapter
        $n.Name = [string]$a.name
        $n.VMName = [string]$Vm.name
        $n.SwitchName = [string](Get-LabProp $a 'switchName' '')
        $n.MacAddress = '00155D000000'
        $n.IPAddresses = [string[]]@()
        $n.VMId = [guid]$Vm.id
        $n.ComputerName = [string]$State.name
        $n
    }
}

function New-LabDisks([object]$State, [object]$Vm) {
    $i = 0
    foreach ($d in @(Get-LabProp $Vm 'disks' @())) {
        $h = New-Object Microsoft.HyperV.PowerShell.HardDiskDrive
        $h.Name = 'Hard Drive'
        $h.ControllerType = [Microsoft.HyperV.PowerShell.ControllerType]::SCSI
        $h.ControllerNumber = 0
        $h.ControllerLocation = $i
        if ([bool](Get-LabProp $d 'passThrough' $false)) { $h.DiskNumber = 2 + $i } else { $h.Path = [string]$d.path }
        $h.VMId = [guid]$Vm.id
        $h.VMName = [string]$Vm.name
        $h.ComputerName = [string]$State.name
        $i++
        $h
    }
}

function Find-LabVms([object]$State, [string[]]$Names) {
    foreach ($vm in @(Get-LabProp $State 'vms' @())) {
        if ($null -eq $Names -or $Names.Count -eq 0) { $vm; continue }
        foreach ($n in $Names) {
            $hit = $false
            try { $hit = ([Management.Automation.WildcardPattern]::new($n, 'IgnoreCase')).IsMatch([string]$vm.name) }
            catch { $hit = ([string]$vm.name -eq $n) }
            if ($hit) { $vm; break }
        }
    }
}

# VMs named by -VMName (with -ComputerName) or given as objects by -VM: (state name, vm) pairs.
function Get-LabVmPairs([System.Management.Automation.PSCmdlet]$Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('VM')) {
        foreach ($v in @($Bound['VM'])) {
            $name = Enter-LabHost $v.ComputerName
            $state = Get-LabHostState $name
            foreach ($vm in @(Get-LabProp $state 'vms' @())) { if ([string]$vm.id -eq [string]$v.Id) { , @($state, $vm) } }
        }
        return
    }
    if ($Bound.ContainsKey('VMSnapshot') -or $Bound.ContainsKey('VMDriveController')) { throw 'HyperVLab: checkpoints and drive controllers are not simulated.' }
    foreach ($c in (Get-LabTargets $Bound)) {
        $name = Enter-LabHost $c
        $state = Get-LabHostState $name
        $found = @(Find-LabVms $state @($Bound['VMName']))
        # As PowerShell's wildcard convention has it, `-VMName *` on a host without VMs is no error.
        $wild = @(@($Bound['VMName']) | Where-Object { [Management.Automation.WildcardPattern]::ContainsWildcardCharacters([string]$_) }).Count -gt 0
        if ($found.Count -eq 0 -and -not $wild) {
            $Cmdlet.WriteError((New-LabErrorRecord (Get-LabText 'VmNotFound' @((@($Bound['VMName']) -join ', '))) 'ObjectNotFound' ObjectNotFound $c))
        }
        foreach ($vm in $found) { , @($state, $vm) }
    }
}

# ---- implementations --------------------------------------------------------------------

function LabImpl-Get-VMHost($Cmdlet, [hashtable]$Bound) {
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) { param($name) New-LabVMHost $name }
}

function LabImpl-Set-VMHost($Cmdlet, [hashtable]$Bound) {
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) -Mutating {
        param($name, $c)
        if (-not $Cmdlet.ShouldProcess($c, 'Set-VMHost')) { return }
        Update-LabHost $name {
            param($s)
            if ($Bound.ContainsKey('MaximumVirtualMachineMigrations')) { $s.settings.maximumVirtualMachineMigrations = [int]$Bound['MaximumVirtualMachineMigrations'] }
            if ($Bound.ContainsKey('MaximumStorageMigrations')) { $s.settings.maximumStorageMigrations = [int]$Bound['MaximumStorageMigrations'] }
            if ($Bound.ContainsKey('VirtualMachineMigrationAuthenticationType')) { $s.settings.virtualMachineMigrationAuthenticationType = $Bound['VirtualMachineMigrationAuthenticationType'].ToString() }
            if ($Bound.ContainsKey('VirtualMachineMigrationPerformanceOption')) { $s.settings.virtualMachineMigrationPerformanceOption = $Bound['VirtualMachineMigrationPerformanceOption'].ToString() }
            if ($Bound.ContainsKey('UseAnyNetworkForMigration')) { $s.settings.useAnyNetworkForMigration = [bool]$Bound['UseAnyNetworkForMigration'] }
        }
        if ($Bound.ContainsKey('Passthru')) { New-LabVMHost $name }
    }
}

function Set-LabMigrationEnabled($Cmdlet, [hashtable]$Bound, [bool]$Enabled, [string]$Verb) {
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) -Mutating {
        param($name, $c)
        if (-not $Cmdlet.ShouldProcess($c, $Verb)) { return }
        $st = Get-LabHostState $name
        if ($Enabled -and [string]::IsNullOrEmpty([string]$st.domain)) {
            throw (New-LabErrorRecord "The operation on computer '$c' failed: live migration requires the host to be joined to a domain." 'NotDomainJoined' InvalidOperation $c)
        }
        Update-LabHost $name { param($s) $s.settings.virtualMachineMigrationEnabled = $Enabled }
        if ($Bound.ContainsKey('Passthru')) { New-LabVMHost $name }
    }
}
function LabImpl-Enable-VMMigration($Cmdlet, [hashtable]$Bound) { Set-LabMigrationEnabled $Cmdlet $Bound $true 'Enable-VMMigration' }
function LabImpl-Disable-VMMigration($Cmdlet, [hashtable]$Bound) { Set-LabMigrationEnabled $Cmdlet $Bound $false 'Disable-VMMigration' }

function New-LabNetwork([string]$Computer, [object]$Entry) {
    $n = New-Object Microsoft.HyperV.PowerShell.VMMigrationNetwork
    $n.Subnet = [string]$Entry.subnet
    $n.Priority = [int]$Entry.priority
    $n.ComputerName = $Computer
    return $n
}

# Hyper-V matches -Subnet by wildcard or by equal address + prefix length.
function Test-LabSubnetMatch([string]$Pattern, [string]$Subnet) {
    if ($Pattern -eq $Subnet) { return $true }
    if ($Pattern.IndexOfAny([char[]]'*?[') -ge 0) {
        try { return ([Management.Automation.WildcardPattern]::new($Pattern, 'IgnoreCase')).IsMatch($Subnet) } catch { return $false }
    }
    $a = $Pattern.Split('/'); $b = $Subnet.Split('/')
    $pa = if ($a.Count -gt 1) { $a[1] } else { '' }
    $pb = if ($b.Count -gt 1) { $b[1] } else { '' }
    $ipA = $null; $ipB = $null
    if ([Net.IPAddress]::TryParse($a[0], [ref]$ipA) -and [Net.IPAddress]::TryParse($b[0], [ref]$ipB)) {
        if ($pa -eq '') { if ($ipA.AddressFamily -eq 'InterNetwork') { $pa = '32' } else { $pa = '128' } }
        if ($pb -eq '') { if ($ipB.AddressFamily -eq 'InterNetwork') { $pb = '32' } else { $pb = '128' } }
        return ($ipA.Equals($ipB) -and $pa -eq $pb)
    }
    return $false
}

function LabImpl-Get-VMMigrationNetwork($Cmdlet, [hashtable]$Bound) {
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) {
        param($name)
        $s = Get-LabHostState $name
        foreach ($e in @(Get-LabProp $s 'migrationNetworks' @())) {
            if ($Bound.ContainsKey('Subnet')) {
                $ok = $false
                foreach ($p in @($Bound['Subnet'])) { if (Test-LabSubnetMatch $p ([string]$e.subnet)) { $ok = $true } }
                if (-not $ok) { continue }
            }
            if ($Bound.ContainsKey('Priority') -and @($Bound['Priority']) -notcontains [uint32]$e.priority) { continue }
            New-LabNetwork $s.name $e
        }
    }
}

function ConvertTo-LabSubnet([string]$Subnet) {
    $parts = $Subnet.Split('/')
    $ip = $null
    if ($parts.Count -gt 2 -or -not [Net.IPAddress]::TryParse($parts[0], [ref]$ip)) {
        throw (New-LabErrorRecord "The parameter Subnet is invalid: '$Subnet' is not an IP address or subnet." 'InvalidParameter' InvalidArgument $Subnet)
    }
    $max = 32; if ($ip.AddressFamily -ne 'InterNetwork') { $max = 128 }
    if ($parts.Count -eq 1) { return "$($ip.ToString())/$max" }
    $len = 0
    if (-not [int]::TryParse($parts[1], [ref]$len) -or $len -lt 0 -or $len -gt $max) {
        throw (New-LabErrorRecord "The parameter Subnet is invalid: '$Subnet' has a bad prefix length." 'InvalidParameter' InvalidArgument $Subnet)
    }
    return "$($ip.ToString())/$len"
}

function LabImpl-Add-VMMigrationNetwork($Cmdlet, [hashtable]$Bound) {
    $subnet = ConvertTo-LabSubnet ([string]$Bound['Subnet'])
    $prio = 0; if ($Bound.ContainsKey('Priority')) { $prio = [int]$Bound['Priority'] }
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) -Mutating {
        param($name, $c)
        if (-not $Cmdlet.ShouldProcess($c, "Add-VMMigrationNetwork $subnet")) { return }
        $script:labDup = $false
        Update-LabHost $name {
            param($s)
            foreach ($e in @($s.migrationNetworks)) { if (Test-LabSubnetMatch $subnet ([string]$e.subnet)) { $script:labDup = $true } }
            if (-not $script:labDup) { $s.migrationNetworks = @(@($s.migrationNetworks) + [pscustomobject]@{ subnet = $subnet; priority = $prio }) }
        }
        if ($script:labDup) {
            throw (New-LabErrorRecord "The operation on computer '$c' failed: the migration network '$subnet' already exists." 'AlreadyExists' ResourceExists $c)
        }
        if ($Bound.ContainsKey('Passthru')) { New-LabNetwork $name ([pscustomobject]@{ subnet = $subnet; priority = $prio }) }
    }
}

function LabImpl-Set-VMMigrationNetwork($Cmdlet, [hashtable]$Bound) {
    $pattern = [string]$Bound['Subnet']
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) -Mutating {
        param($name, $c)
        if (-not $Cmdlet.ShouldProcess($c, "Set-VMMigrationNetwork $pattern")) { return }
        $script:labHits = @()
        Update-LabHost $name {
            param($s)
            foreach ($e in @($s.migrationNetworks)) {
                if (Test-LabSubnetMatch $pattern ([string]$e.subnet)) {
                    if ($Bound.ContainsKey('NewSubnet')) { $e.subnet = ConvertTo-LabSubnet ([string]$Bound['NewSubnet']) }
                    if ($Bound.ContainsKey('NewPriority')) { $e.priority = [int]$Bound['NewPriority'] }
                    $script:labHits += $e
                }
            }
        }
        # Set-VMMigrationNetwork edits existing entries only; it never creates one.
        if ($script:labHits.Count -eq 0) {
            throw (New-LabErrorRecord "No migration network matching '$pattern' was found on computer '$c'." 'ObjectNotFound' ObjectNotFound $c)
        }
        if ($Bound.ContainsKey('Passthru')) { foreach ($e in $script:labHits) { New-LabNetwork $name $e } }
    }
}

function LabImpl-Remove-VMMigrationNetwork($Cmdlet, [hashtable]$Bound) {
    $pattern = [string]$Bound['Subnet']
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) -Mutating {
        param($name, $c)
        if (-not $Cmdlet.ShouldProcess($c, "Remove-VMMigrationNetwork $pattern")) { return }
        $script:labHits = @()
        Update-LabHost $name {
            param($s)
            $keep = @()
            foreach ($e in @($s.migrationNetworks)) { if (Test-LabSubnetMatch $pattern ([string]$e.subnet)) { $script:labHits += $e } else { $keep += $e } }
            $s.migrationNetworks = $keep
        }
        if ($script:labHits.Count -eq 0) {
            throw (New-LabErrorRecord "No migration network matching '$pattern' was found on computer '$c'." 'ObjectNotFound' ObjectNotFound $c)
        }
        if ($Bound.ContainsKey('Passthru')) { foreach ($e in $script:labHits) { New-LabNetwork $name $e } }
    }
}

function LabImpl-Get-VM($Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('ClusterObject')) { throw 'HyperVLab: cluster objects are not simulated.' }
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) {
        param($name)
        $s = Get-LabHostState $name
        $names = $null; if ($Bound.ContainsKey('Name')) { $names = @($Bound['Name']) }
        foreach ($vm in @(Find-LabVms $s $names)) {
            if ($Bound.ContainsKey('Id') -and [string]$vm.id -ne [string]$Bound['Id']) { continue }
            New-LabVM $s $vm
        }
    }
}

function LabImpl-Get-VMSwitch($Cmdlet, [hashtable]$Bound) {
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) {
        param($name)
        $s = Get-LabHostState $name
        foreach ($w in @(Get-LabProp $s 'switches' @())) {
            if ($Bound.ContainsKey('Name') -and -not ([Management.Automation.WildcardPattern]::new([string]$Bound['Name'], 'IgnoreCase')).IsMatch([string]$w.name)) { continue }
            $o = New-Object Microsoft.HyperV.PowerShell.VMSwitch
            $o.Name = [string]$w.name
            $o.Id = [guid](Get-LabProp $w 'id' ([guid]::Empty))
            $o.SwitchType = [Microsoft.HyperV.PowerShell.VMSwitchType]([string]$w.switchType)
            $o.ComputerName = [string]$s.name
            if ($Bound.ContainsKey('SwitchType') -and @($Bound['SwitchType']) -notcontains $o.SwitchType) { continue }
            $o
        }
    }
}

function LabImpl-Get-VMHostSupportedVersion($Cmdlet, [hashtable]$Bound) {
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) {
        param($name)
        $s = Get-LabHostState $name
        foreach ($v in @($s.supportedVersions)) {
            $o = New-Object Microsoft.HyperV.PowerShell.VMHostSupportedVersion
            $o.Version = [version]$v
            $o.Name = "Microsoft Windows Server configuration version $v"
            $o.IsDefault = ([string]$v -eq [string]$s.defaultVersion)
            if ($Bound.ContainsKey('Default') -and -not $o.IsDefault) { continue }
            $o
        }
    }
}

function LabImpl-Get-VMProcessor($Cmdlet, [hashtable]$Bound) {
    foreach ($pair in @(Get-LabVmPairs $Cmdlet $Bound)) {
        $o = New-Object Microsoft.HyperV.PowerShell.VMProcessor
        $o.Count = [long](Get-LabProp $pair[1] 'processorCount' 2)
        $o.CompatibilityForMigrationEnabled = [bool](Get-LabProp $pair[1] 'processorCompatibilityForMigration' $false)
        $o.VMId = [guid]$pair[1].id
        $o.VMName = [string]$pair[1].name
        $o.ComputerName = [string]$pair[0].name
        $o
    }
}

function LabImpl-Get-VMNetworkAdapter($Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('ManagementOS') -or $Bound.ContainsKey('All')) { return }
    foreach ($pair in @(Get-LabVmPairs $Cmdlet $Bound)) {
        foreach ($a in @(New-LabAdapters $pair[0] $pair[1])) {
            if ($Bound.ContainsKey('Name') -and $a.Name -notlike [string]$Bound['Name']) { continue }
            $a
        }
    }
}

function LabImpl-Get-VMHardDiskDrive($Cmdlet, [hashtable]$Bound) {
    foreach ($pair in @(Get-LabVmPairs $Cmdlet $Bound)) { New-LabDisks $pair[0] $pair[1] }
}

# Get-VHD -Path (one call for any number of files) or -VMId: the VHD files a host holds are its
# VMs' disks (lab state `disks`: path, sizeBytes = virtual size, fileSizeBytes = size on disk,
# parentPath/parentFileSizeBytes = a differencing disk's parent, missing = the file is gone). A
# path no VM's disk has is an error per path, as a missing file is.
function Get-LabVhdFiles([object]$State, [object]$Vm) {
    foreach ($d in @(Get-LabProp $Vm 'disks' @())) {
        if ([bool](Get-LabProp $d 'passThrough' $false) -or [bool](Get-LabProp $d 'missing' $false)) { continue }
        $size = [uint64](Get-LabProp $d 'sizeBytes' 0)
        $parent = [string](Get-LabProp $d 'parentPath' '')
        $o = New-Object Microsoft.Vhd.PowerShell.VirtualHardDisk
        $o.ComputerName = [string]$State.name; $o.Path = [string]$d.path; $o.Size = $size
        $o.FileSize = [uint64](Get-LabProp $d 'fileSizeBytes' $size)
        $o.VhdFormat = [Microsoft.Vhd.PowerShell.VhdFormat]::VHDX; $o.Attached = ([string]$Vm.state -eq 'Running')
        if ($parent -ne '') { $o.VhdType = [Microsoft.Vhd.PowerShell.VhdType]::Differencing; $o.ParentPath = $parent } else { $o.VhdType = [Microsoft.Vhd.PowerShell.VhdType]::Dynamic }
        $o
        if ($parent -ne '') {
            $p = New-Object Microsoft.Vhd.PowerShell.VirtualHardDisk
            $p.ComputerName = [string]$State.name; $p.Path = $parent; $p.Size = $size
            $p.FileSize = [uint64](Get-LabProp $d 'parentFileSizeBytes' $size)
            $p.VhdFormat = [Microsoft.Vhd.PowerShell.VhdFormat]::VHDX; $p.VhdType = [Microsoft.Vhd.PowerShell.VhdType]::Dynamic
            $p
        }
    }
}

function LabImpl-Get-VHD($Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('DiskNumber')) { throw 'HyperVLab: Get-VHD -DiskNumber is not simulated.' }
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) {
        param($name, $c)
        $s = Get-LabHostState $name
        $files = @()
        foreach ($vm in @(Get-LabProp $s 'vms' @())) {
            if ($Bound.ContainsKey('VMId') -and @($Bound['VMId'] | ForEach-Object { [string]$_ }) -notcontains [string]$vm.id) { continue }
            $files += @(Get-LabVhdFiles $s $vm)
        }
        if ($Bound.ContainsKey('VMId')) { $files; return }
        foreach ($path in @($Bound['Path'])) {
            $hit = @($files | Where-Object { [string]::Equals($_.Path, [string]$path, [StringComparison]::OrdinalIgnoreCase) } | Select-Object -First 1)
            if ($hit.Count -eq 0) {
                $ex = New-Object System.IO.FileNotFoundException (Get-LabText 'VhdNotFound' @([string]$path)), ([string]$path)
                $Cmdlet.WriteError((New-LabErrorRecord (Get-LabText 'VhdNotFound' @([string]$path)) 'ObjectNotFound,Microsoft.Vhd.PowerShell.Cmdlets.GetVHD' ObjectNotFound $path $ex))
                continue
            }
            $hit[0]
        }
    }
}

# Get-VMSecurity / Get-VMGpuPartitionAdapter for VMs named by -VMName (with -ComputerName) or
# given by -VM: lab state `tpmEnabled`, `shielded`, `gpuPartitionAdapters` (a count).
function LabImpl-Get-VMSecurity($Cmdlet, [hashtable]$Bound) {
    foreach ($pair in @(Get-LabVmPairs $Cmdlet $Bound)) {
        $o = New-Object Microsoft.HyperV.PowerShell.VMSecurity
        $o.TpmEnabled = [bool](Get-LabProp $pair[1] 'tpmEnabled' $false)
        $o.Shielded = [bool](Get-LabProp $pair[1] 'shielded' $false)
        $o.VMId = [guid]$pair[1].id; $o.VMName = [string]$pair[1].name; $o.ComputerName = [string]$pair[0].name
        $o
    }
}

function LabImpl-Get-VMGpuPartitionAdapter($Cmdlet, [hashtable]$Bound) {
    foreach ($pair in @(Get-LabVmPairs $Cmdlet $Bound)) {
        $n = [int](Get-LabProp $pair[1] 'gpuPartitionAdapters' 0)
        for ($i = 0; $i -lt $n; $i++) {
            $o = New-Object Microsoft.HyperV.PowerShell.VMGpuPartitionAdapter
            $o.Id = "Microsoft:$($pair[1].id)\GPUP\$i"; $o.Name = 'GPU Partition Settings'
            $o.VMId = [guid]$pair[1].id; $o.VMName = [string]$pair[1].name; $o.ComputerName = [string]$pair[0].name
            if ($Bound.ContainsKey('AdapterId') -and $o.Id -ne [string]$Bound['AdapterId']) { continue }
            $o
        }
    }
}

# Get-VMHostNumaNode: lab state `numaNodes` ({ memoryTotalBytes, processorCount }), by default two
# nodes that split the host's memory and processors evenly.
function LabImpl-Get-VMHostNumaNode($Cmdlet, [hashtable]$Bound) {
    Invoke-LabPerHost $Cmdlet (Get-LabTargets $Bound) {
        param($name)
        $s = Get-LabHostState $name
        $nodes = @(Get-LabProp $s 'numaNodes' @())
        if ($nodes.Count -eq 0) {
            $half = [pscustomobject]@{ memoryTotalBytes = [long]([long]$s.memoryCapacityBytes / 2); processorCount = [int]([int]$s.logicalProcessorCount / 2) }
            $nodes = @($half, $half)
        }
        $i = 0
        foreach ($n in $nodes) {
            $o = New-Object Microsoft.HyperV.PowerShell.VMHostNumaNode
            $o.NodeId = $i; $o.ComputerName = [string]$s.name
            $o.MemoryTotal = [long]([long]$n.memoryTotalBytes / 1MB); $o.MemoryAvailable = [long]($o.MemoryTotal * 3 / 4)
            $o.ProcessorsAvailability = [int[]]@(1..([int]$n.processorCount) | ForEach-Object { 100 })
            $i++
            if ($Bound.ContainsKey('Id') -and $o.NodeId -ne [int]$Bound['Id']) { continue }
            $o
        }
    }
}

function Get-LabVersionValue([string]$Version) {
    $v = $null
    if ([version]::TryParse($Version, [ref]$v)) { return $v }
    return [version]'0.0'
}

# The compatibility rules a real Compare-VM applies that the lab can model. MessageId 33012 is
# the documented switch text; the other ids are the lab's own (documented in the lab README).
function Get-LabIncompatibilities([object]$Src, [object]$Vm, [object]$VmObj, [object]$Dst) {
    $out = @()
    $switches = @(@(Get-LabProp $Dst 'switches' @()) | ForEach-Object { [string]$_.name })
    foreach ($a in @($VmObj.NetworkAdapters)) {
        if (-not [string]::IsNullOrEmpty($a.SwitchName) -and $switches -notcontains $a.SwitchName) {
            $e = New-Object Microsoft.HyperV.PowerShell.VMCompatibilityError
            $e.MessageId = 33012; $e.Message = "Could not find Ethernet switch '$($a.SwitchName)'."; $e.Source = $a
            $out += $e
        }
    }
    if (@($Dst.supportedVersions) -notcontains [string]$Vm.version) {
        $max = (@($Dst.supportedVersions) | ForEach-Object { Get-LabVersionValue $_ } | Sort-Object | Select-Object -Last 1)
        $e = New-Object Microsoft.HyperV.PowerShell.VMCompatibilityError
        $e.MessageId = 40000
        $e.Message = "The virtual machine '$($Vm.name)' has configuration version $($Vm.version), which the destination host '$($Dst.name)' does not support (highest supported: $max)."
        $e.Source = $VmObj
        $out += $e
    }
    $compat = [bool](Get-LabProp $Vm 'processorCompatibilityForMigration' $false)
    $srcVendor = [string](Get-LabProp $Src 'processorVendor' '')
    $dstVendor = [string](Get-LabProp $Dst 'processorVendor' '')
    if ($srcVendor -ne $dstVendor) {
        $e = New-Object Microsoft.HyperV.PowerShell.VMCompatibilityError
        $e.MessageId = 24008
        $e.Message = "The virtual machine '$($Vm.name)' is using processor-specific features not supported on host '$($Dst.name)': the processor vendor differs ($srcVendor, $dstVendor)."
        $e.Source = $VmObj
        $out += $e
    } elseif (-not $compat -and [int](Get-LabProp $Src 'processorFeatureLevel' 0) -gt [int](Get-LabProp $Dst 'processorFeatureLevel' 0)) {
        $e = New-Object Microsoft.HyperV.PowerShell.VMCompatibilityError
        $e.MessageId = 24007
        $e.Message = "The virtual machine '$($Vm.name)' is using processor-specific features not supported on host '$($Dst.name)'. To migrate this virtual machine to a physical computer with a different processor, modify the virtual machine settings to limit the processor features used by the virtual machine."
        $e.Source = $VmObj
        $out += $e
    }
    $need = [long]$Vm.memoryStartupBytes
    $free = [long](Get-LabProp $Dst 'memoryAvailableBytes' 0)
    if ($need -gt $free) {
        $e = New-Object Microsoft.HyperV.PowerShell.VMCompatibilityError
        $e.MessageId = 32000
        $e.Message = "Not enough memory on host '$($Dst.name)' for virtual machine '$($Vm.name)': it needs $need bytes, $free bytes are available."
        $e.Source = $VmObj
        $out += $e
    }
    return , $out
}

# Compare-VM: HyperVLab.Compare.ps1. Move-VM and its jobs: HyperVLab.Move.ps1.

# ---- helpers the scripts use where real Windows needs CIM or remoting --------------------

# Test-NetConnection with the real parameter names, answering from lab state: open when the
# target is reachable, lists the port, and no fault closes it.
function Test-NetConnection {
    [CmdletBinding(DefaultParameterSetName = 'ICMP')]
    param(
        [Parameter(Position = 0, ValueFromPipeline = $true)][Alias('RemoteAddress', 'cn')][string]$ComputerName,
        [Parameter(ParameterSetName = 'CommonTCPPort', Position = 1)][ValidateSet('HTTP', 'RDP', 'SMB', 'WINRM')][string]$CommonTCPPort,
        [Parameter(ParameterSetName = 'RemotePort', Mandatory = $true, ValueFromPipelineByPropertyName = $true)][Alias('RemotePort')][int]$Port,
        [Parameter(ParameterSetName = 'ICMP')][switch]$TraceRoute,
        [Parameter(ParameterSetName = 'ICMP')][ValidateRange(1, 120)][int]$Hops,
        [Parameter(ParameterSetName = 'NetRouteDiagnostics', Mandatory = $true)][switch]$DiagnoseRouting,
        [Parameter(ParameterSetName = 'NetRouteDiagnostics')][string]$ConstrainSourceAddress,
        [Parameter(ParameterSetName = 'NetRouteDiagnostics')][uint32]$ConstrainInterface,
        [ValidateSet('Quiet', 'Detailed')][string]$InformationLevel = 'Detailed'
    )
    $p = $Port
    if ($PSCmdlet.ParameterSetName -eq 'CommonTCPPort') { $p = @{ HTTP = 80; RDP = 3389; SMB = 445; WINRM = 5985 }[$CommonTCPPort] }
    $open = $false
    $name = Resolve-LabHostName $ComputerName
    if ($null -ne $name) {
        $fault = Get-LabFault $name
        $latency = [int](Get-LabProp $fault 'latencyMs' 0)
        if ($latency -gt 0) { Start-Sleep -Milliseconds $latency }
        $s = Get-LabHostState $name
        $open = (Get-LabPortState $name $p) -eq 'open'
    }
    if ($InformationLevel -eq 'Quiet') { return $open }
    return [pscustomobject]@{ ComputerName = $ComputerName; RemotePort = $p; TcpTestSucceeded = $open }
}

# What real Windows answers through CIM (OS, memory, CPU vendor, NICs, Credential Guard).
function Get-HyperVLabHostInfo {
    [CmdletBinding()]
    param([string]$ComputerName)
    $name = Enter-LabHost @(Get-LabTargets $PSBoundParameters)[0]
    $s = Get-LabHostState $name
    return [pscustomobject]@{
        domain = [string]$s.domain
        osVersion = [string](Get-LabProp $s 'osVersion' '')
        memoryCapacityBytes = [long](Get-LabProp $s 'memoryCapacityBytes' 0)
        memoryAvailableBytes = [long](Get-LabProp $s 'memoryAvailableBytes' 0)
        logicalProcessorCount = [int](Get-LabProp $s 'logicalProcessorCount' 0)
        processorVendor = [string](Get-LabProp $s 'processorVendor' '')
        credentialGuardRunning = [bool](Get-LabProp $s 'credentialGuardRunning' $false)
        links = @(Get-LabProp $s 'links' @())
        openPorts = @(Get-LabProp $s 'openPorts' @())
    }
}

# `klist purge -li 0x3e7` on a lab host: recorded in its state. Answers what the real remote
# block does: klist's exit code and output (fault `klistFails`: klist's own failure, exit 1).
function Invoke-HyperVLabKlistPurge {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName)
    $name = Enter-LabHost $ComputerName -Mutating
    if ([bool](Get-LabProp (Get-LabFault $name) 'klistFails' $false)) {
        return [pscustomobject]@{ exitCode = 1; output = (Get-LabText 'KlistFailed') }
    }
    Update-LabHost $name {
        param($s)
        $list = @(Get-LabProp $s 'klistPurges' @()) + [DateTime]::UtcNow.ToString('o')
        $s | Add-Member -NotePropertyName klistPurges -NotePropertyValue $list -Force
    }
    return [pscustomobject]@{ exitCode = 0; output = (Get-LabText 'KlistPurged') }
}

# Bounded TCP connects to a lab host's ports, all at once, as the real probe makes them: one
# state per port, 'open', 'closed' (refused at once) or 'filtered' (no answer: the probe waits its
# whole timeout once, as dropped SYNs make it).
function Test-HyperVLabTcpPort {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName, [Parameter(Mandatory = $true)][int[]]$Port, [int]$TimeoutMs = 3000)
    $name = Resolve-LabHostName $ComputerName
    $states = @(foreach ($p in $Port) { if ($null -eq $name) { 'closed' } else { Get-LabPortState $name $p } })
    if ($null -ne $name) {
        $latency = [int](Get-LabProp (Get-LabFault $name) 'latencyMs' 0)
        if ($latency -gt 0) { Start-Sleep -Milliseconds ([Math]::Min($latency, $TimeoutMs)) }
    }
    if ($states -contains 'filtered') { Start-Sleep -Milliseconds $TimeoutMs }
    return $states
}

. (Join-Path $PSScriptRoot 'HyperVLab.Texts.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.Compare.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.Move.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.LocalGroups.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.Sessions.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.Storage.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.Smb.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.Events.ps1')
. (Join-Path $PSScriptRoot 'HyperVLab.Signatures.ps1')
