# Runs one script for many hosts at once inside this PowerShell process: a RunspacePool (in
# Windows PowerShell 5.1 as in 7) gives each host its own runspace, so N hosts cost the slowest
# host's time, not N times a host's, and one process instead of N. Every runspace shares the
# process's host sessions ($FerryHostSessions, Get-FerryOn): one session per host, reused.
#
# Input: { script, text, setup, items: [base64 JSON input per host], timeoutMs, width }
#   text   the script's own text; setup  what each runspace runs once (prelude, lab, names)
#   width  the most runspaces (hosts at once); timeoutMs  each host's own limit
# Output, as each host finishes: one line `FERRY-ITEM:<index>:<elapsedMs>:<the host's envelope>`
# (the envelope the script would have printed alone); then { ok, data: { count } }.
# Scripts and inputs stay data: the text is compiled as a scriptblock and the input is passed as
# its one argument, exactly as the pool runs a script.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

# Each runspace's first job runs the setup in the runspace's global scope, then every job runs
# the script with its host's input.
$FerryFanOutJob = @'
param([string]$Setup, [string]$Text, [string]$InputBase64)
$global:FerryJsonToPipeline = $true
if (-not $global:FerryRunspaceReady) {
    . ([ScriptBlock]::Create($Setup))
    $global:FerryRunspaceReady = $true
}
& ([ScriptBlock]::Create($Text)) -InputBase64 $InputBase64
'@

function Get-FerryFanOutPool([int]$Width) {
    $current = $global:FerryFanOutPool
    if ($null -ne $current -and $current.GetMaxRunspaces() -eq $Width -and $current.RunspacePoolStateInfo.State -eq 'Opened') { return $current }
    if ($null -ne $current) { try { $current.Dispose() } catch { } }
    # CreateDefault, not CreateDefault2: the built-in cmdlets (Utility, Management, Security…) come
    # with the runspace instead of each runspace importing their modules on first use; the same
    # commands, and ~0.2 MB live and 0.4-0.8 MB RSS less a runspace (50 hosts: -8 MB live heap,
    # 349-355 -> 312-330 MB RSS after two reads).
    $iss = [Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
    # No format data: each runspace would load PowerShell's own views (8 format files) into its
    # own copy, ~0.5 MB of live objects and ~0.9 MB RSS a runspace (~45 MB for 50 hosts), and a
    # fan-out's scripts never format (they print JSON). A module's own formats (Hyper-V's) still
    # load as it is imported; one FormatTable shared by the runspaces instead would refuse them.
    # (Reset empties the collection; it is in Windows PowerShell 5.1's API as in 7's.)
    $iss.Formats.Reset()
    # The process's sessions (CIM and PowerShell), the same objects in every runspace.
    $iss.Variables.Add((New-Object Management.Automation.Runspaces.SessionStateVariableEntry 'FerryHostSessions', $global:FerryHostSessions, 'One CIM session per host, shared by the runspaces'))
    $iss.Variables.Add((New-Object Management.Automation.Runspaces.SessionStateVariableEntry 'FerryRemoteSessions', $global:FerryRemoteSessions, 'One PowerShell session per host, shared by the runspaces'))
    $pool = [RunspaceFactory]::CreateRunspacePool(1, $Width, $iss, $Host)
    $pool.Open()
    $global:FerryFanOutPool = $pool
    return $pool
}

function ConvertTo-FerryItemError([string]$Code, [string]$Message) {
    return (ConvertTo-Json -InputObject ([ordered]@{ ok = $false; error = [ordered]@{ code = $Code; message = $Message } }) -Compress)
}

# The host's envelope from its runspace's output (the last FERRY-JSON line), or an error.
function Get-FerryItemEnvelope([Management.Automation.PowerShell]$Shell, [object]$Output) {
    $line = $null
    foreach ($o in @($Output)) { if ($o -is [string] -and $o.StartsWith('FERRY-JSON:')) { $line = $o } }
    if ($null -ne $line) { return $line.Substring(11) }
    $why = 'The script printed no result.'
    if ($Shell.Streams.Error.Count -gt 0) { $why = [string]$Shell.Streams.Error[0].Exception.Message }
    return (ConvertTo-FerryItemError 'script-error' $why)
}

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $items = @($in.items)
    $width = [Math]::Max(1, [Math]::Min([int]$in.width, 256))
    $timeoutMs = [int]$in.timeoutMs
    $pool = Get-FerryFanOutPool $width
    $jobs = New-Object System.Collections.ArrayList
    for ($i = 0; $i -lt $items.Count; $i++) {
        $shell = [Management.Automation.PowerShell]::Create()
        $shell.RunspacePool = $pool
        $null = $shell.AddScript($FerryFanOutJob).AddArgument([string]$in.setup).AddArgument([string]$in.text).AddArgument([string]$items[$i])
        $clock = [Diagnostics.Stopwatch]::StartNew()
        [void]$jobs.Add([pscustomobject]@{ index = $i; shell = $shell; handle = $shell.BeginInvoke(); clock = $clock; done = $false })
    }
    $left = $jobs.Count
    while ($left -gt 0) {
        foreach ($j in $jobs) {
            if ($j.done) { continue }
            $envelope = $null
            if ($j.handle.IsCompleted) {
                try { $envelope = Get-FerryItemEnvelope $j.shell ($j.shell.EndInvoke($j.handle)) }
                catch { $envelope = ConvertTo-FerryItemError 'script-error' ([string]$_.Exception.Message) }
            } elseif ($j.clock.ElapsedMilliseconds -gt $timeoutMs) {
                # The host's own limit: its runspace is stopped, the others go on.
                try { $j.shell.Stop() } catch { }
                $envelope = ConvertTo-FerryItemError 'timeout' "PowerShell did not answer within $timeoutMs ms."
            }
            if ($null -eq $envelope) { continue }
            $j.done = $true
            $left--
            [Console]::Out.WriteLine('FERRY-ITEM:' + $j.index + ':' + $j.clock.ElapsedMilliseconds + ':' + $envelope)
            $j.shell.Dispose()
        }
        if ($left -gt 0) { Start-Sleep -Milliseconds 5 }
    }
    return [ordered]@{ count = $jobs.Count }
}
