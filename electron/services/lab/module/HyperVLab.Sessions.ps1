# What reaching a lab host costs, so benches show what real hosts would (lab.json `network`):
#   connectMs  setting up a session to the host (WinRM + Kerberos + the CIM/PowerShell session),
#              paid once per session;
#   latencyMs  one remote call's round trip, paid by every cmdlet call.
# Defaults for every host, and per-host values under `network.hosts.<NAME>`.
#
# A cmdlet called with -ComputerName and no open session pays connectMs on every call, as a
# Hyper-V cmdlet does when it sets up and tears down a temporary session per call. A session
# opened with Connect-HyperVLabHost (Ferry's Get-FerryOn does in lab mode what New-CimSession does
# on real hosts) lasts for the process: later calls to that host pay latencyMs only. The fault
# file's `latencyMs` (a slow host) comes on top.

function Get-LabNetwork([string]$Name) {
    $net = Get-LabProp (Get-LabConfig) 'network' $null
    $connect = [int](Get-LabProp $net 'connectMs' 0)
    $latency = [int](Get-LabProp $net 'latencyMs' 0)
    $one = Get-LabProp (Get-LabProp $net 'hosts' $null) $Name $null
    if ($null -ne $one) {
        $connect = [int](Get-LabProp $one 'connectMs' $connect)
        $latency = [int](Get-LabProp $one 'latencyMs' $latency)
    }
    return [pscustomobject]@{ connectMs = $connect; latencyMs = $latency }
}

function Get-LabSessionKey([string]$Name) { return (Get-LabDir) + '|' + $Name }

# The wait one call to the host costs: a session set-up unless one is open, then the round trip.
function Get-LabCallDelay([string]$Name) {
    $net = Get-LabNetwork $Name
    $ms = $net.latencyMs
    if (-not [HyperVLab.LabSessions]::IsOpen((Get-LabSessionKey $Name))) { $ms += $net.connectMs }
    return $ms
}

# Opens this process's session to a lab host (once: an open session is reused). Refuses as
# New-CimSession does: a name that does not resolve, a host that does not answer, access denied.
function Connect-HyperVLabHost {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName)
    $name = Resolve-LabHostName $ComputerName
    if ($null -eq $name) { throw (New-LabUnresolvedError $ComputerName) }
    $key = Get-LabSessionKey $name
    if ([HyperVLab.LabSessions]::IsOpen($key)) { return [pscustomobject]@{ ComputerName = $name; Reused = $true } }
    $fault = Get-LabFault $name
    Write-LabCallTrace $name $fault 'connect'
    $ms = (Get-LabNetwork $name).connectMs + [int](Get-LabProp $fault 'latencyMs' 0)
    if ($ms -gt 0) { Start-Sleep -Milliseconds $ms }
    if ([bool](Get-LabProp $fault 'unreachable' $false)) { throw (New-LabUnreachableError $ComputerName) }
    if ([bool](Get-LabProp $fault 'accessDenied' $false)) { throw (New-LabAccessDeniedError $ComputerName) }
    [HyperVLab.LabSessions]::Open($key)
    return [pscustomobject]@{ ComputerName = $name; Reused = $false }
}

# Ends this process's session to a lab host (the next call sets one up again), or with -All every
# session it has to this lab's hosts. A host with `traceCalls` records the end ('disconnect').
function Disconnect-HyperVLabHost {
    [CmdletBinding(DefaultParameterSetName = 'One')]
    param([Parameter(ParameterSetName = 'One', Mandatory = $true)][string]$ComputerName, [Parameter(ParameterSetName = 'All', Mandatory = $true)][switch]$All)
    $names = @()
    if ($All) {
        $prefix = (Get-LabSessionKey '')
        foreach ($k in [HyperVLab.LabSessions]::Keys()) { if ($k.StartsWith($prefix, [StringComparison]::OrdinalIgnoreCase)) { $names += $k.Substring($prefix.Length) } }
    } else {
        $name = Resolve-LabHostName $ComputerName
        if ($null -eq $name) { return $false }
        $names = @($name)
    }
    $closed = $false
    foreach ($n in $names) {
        if ([HyperVLab.LabSessions]::Close((Get-LabSessionKey $n))) {
            $closed = $true
            Write-LabCallTrace $n (Get-LabFault $n) 'disconnect'
        }
    }
    return $closed
}

# ---- remote sessions: Invoke-Command's stand-in ---------------------------------------------

# The host the block running in Invoke-HyperVLabOnHost is "on" ($null outside any): a cmdlet there
# without -ComputerName is a local call on that host (Get-LabTargets, Enter-LabHost).
$script:LabSessionHost = $null

# A remote session has its own modules' commands, not this computer's functions: a block that calls
# a function defined only here (one of Ferry's helpers, dot-sourced into this session) fails on a
# real host with CommandNotFoundException once it gets there. The lab refuses it the same way,
# before running it. Functions the block defines itself, cmdlets, and commands of modules (the
# lab's exported stand-ins for Hyper-V, SmbShare…) are what a host has; commands this computer
# does not have at all are left to the host.
function Assert-LabRemoteBlock([scriptblock]$Block) {
    $text = $Block.ToString()
    # Checked once per process ([HyperVLab.LabRemoteBlocks]): in a fan-out, a check per runspace
    # cost every runspace its own look-ups, ~0.3 s of CPU and ~0.6 MB the process kept.
    if ([HyperVLab.LabRemoteBlocks]::IsRunnable($text)) { return }
    [Threading.Monitor]::Enter([HyperVLab.LabRemoteBlocks]::Gate)
    try {
        if ([HyperVLab.LabRemoteBlocks]::IsRunnable($text)) { return }
        Test-LabRemoteBlock $Block
        [HyperVLab.LabRemoteBlocks]::MarkRunnable($text)
    } finally { [Threading.Monitor]::Exit([HyperVLab.LabRemoteBlocks]::Gate) }
}

# Throws CommandNotFoundException for the first command of $Block that would not exist in a
# remote session (Assert-LabRemoteBlock).
function Test-LabRemoteBlock([scriptblock]$Block) {
    $ast = $Block.Ast
    $defined = @{}
    foreach ($f in $ast.FindAll({ param($a) $a -is [Management.Automation.Language.FunctionDefinitionAst] }, $true)) { $defined[$f.Name] = $true }
    $exported = (Get-Module -Name HyperVLab).ExportedCommands
    foreach ($c in $ast.FindAll({ param($a) $a -is [Management.Automation.Language.CommandAst] }, $true)) {
        $name = $c.GetCommandName()
        if ([string]::IsNullOrEmpty($name) -or $defined.ContainsKey($name)) { continue }
        $cmd = Get-Command -Name $name -ErrorAction SilentlyContinue | Select-Object -First 1
        # Ferry pins the Hyper-V names to their module with aliases (Get-VM -> HyperVLab\Get-VM).
        if ($null -ne $cmd -and $cmd.CommandType -eq 'Alias') { $cmd = $cmd.ResolvedCommand }
        # Not here at all (Get-CimInstance on Linux): a Windows host's own module may have it, and
        # a branch the lab takes would fail on it anyway.
        if ($null -eq $cmd) { continue }
        # A program (klist.exe) is the host's own, found on its path there.
        if ($cmd.CommandType -eq 'Application') { continue }
        $onlyHere = [string]::IsNullOrEmpty([string]$cmd.ModuleName) -or ($cmd.ModuleName -eq 'HyperVLab' -and -not $exported.ContainsKey([string]$cmd.Name))
        if ($onlyHere) {
            $message = "The term '$name' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
            $ex = New-Object Management.Automation.CommandNotFoundException $message
            throw (New-LabErrorRecord $message 'CommandNotFoundException' ([Management.Automation.ErrorCategory]::ObjectNotFound) $name $ex)
        }
    }
}

# PowerShell remoting refused by the host (the account may not use the endpoint, or it is off):
# the PSRemotingTransportException Invoke-Command throws, ErrorCode 5 (access denied).
function New-LabRemotingDeniedError([string]$Computer) {
    $text = Get-LabText 'RemotingDenied' @($Computer)
    $ex = New-Object Management.Automation.Remoting.PSRemotingTransportException $text
    $ex.ErrorCode = 5
    return New-LabErrorRecord $text 'AccessDenied,PSSessionStateBroken' ([Management.Automation.ErrorCategory]::OpenError) $Computer $ex
}

# Runs $ScriptBlock "on" a lab host, as Invoke-Command does on real Windows: one round trip (the
# host's session, or connectMs without one; its faults apply, and `remotingDenied` refuses the
# session), every cmdlet inside a local call on that host, and the output handed back as remoting
# hands it: serialized and deserialized (property bags, enums as their values, no methods).
function Invoke-HyperVLabOnHost {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$ComputerName,
        [Parameter(Mandatory = $true)][scriptblock]$ScriptBlock,
        [object[]]$ArgumentList = @()
    )
    $name = Enter-LabHost $ComputerName -Remoting
    Assert-LabRemoteBlock $ScriptBlock
    $previous = $script:LabSessionHost
    $script:LabSessionHost = $name
    $script:LabSessionState = $null
    try { $out = @(& $ScriptBlock @ArgumentList) } finally { $script:LabSessionHost = $previous; $script:LabSessionState = $null }
    foreach ($o in $out) { [Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize($o)) }
}
