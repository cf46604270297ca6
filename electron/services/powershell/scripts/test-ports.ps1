# TCP reachability of the target's ports as seen from another host: one bounded connect per
# port, all at once. (Test-NetConnection waits ~21 s on a dropped port and pings first, so a few
# ports could outlive the call's timeout.) Input: { from, target, ports: number[], timeoutMs? }.
# Output: [{ port, open, state }], state 'open', 'closed' (refused or failed at once) or
# 'filtered' (no answer within timeoutMs, default 3000: a firewall dropping the SYN).
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

# Runs on the source host (remoting: self-contained). Every connect starts before any is waited
# for, so the whole probe takes one timeout at most.
$FerryPortProbe = {
    param([string]$Target, [int[]]$Ports, [int]$TimeoutMs)
    $pending = @()
    foreach ($p in $Ports) {
        $client = New-Object System.Net.Sockets.TcpClient
        $task = $null
        try { $task = $client.ConnectAsync($Target, $p) } catch { $task = $null }
        $pending += [pscustomobject]@{ port = $p; client = $client; task = $task }
    }
    $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMs)
    foreach ($x in $pending) {
        $state = 'closed'
        if ($null -ne $x.task) {
            $left = [int][Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
            $done = $true
            try { $done = $x.task.Wait($left) } catch { $done = $true }
            if (-not $done) { $state = 'filtered' }
            elseif ($x.task.Status -eq [System.Threading.Tasks.TaskStatus]::RanToCompletion -and $x.client.Connected) { $state = 'open' }
        }
        $x.client.Close()
        [pscustomobject]@{ port = [int]$x.port; state = $state }
    }
}

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $from = [string]$in.from
    $target = [string]$in.target
    $ports = [int[]]@($in.ports | ForEach-Object { [int]$_ })
    $timeout = 3000
    if ($null -ne $in.PSObject.Properties['timeoutMs'] -and $null -ne $in.timeoutMs) { $timeout = [Math]::Min(10000, [Math]::Max(100, [int]$in.timeoutMs)) }
    if (Test-FerryLab) {
        # Lab: the source must answer; the lab answers for its hosts' ports (faults included).
        $null = Get-VMHost -ComputerName $from
        $states = @(Test-HyperVLabTcpPort -ComputerName $target -Port $ports -TimeoutMs $timeout)
        $answers = @(for ($i = 0; $i -lt $ports.Count; $i++) { [pscustomobject]@{ port = $ports[$i]; state = [string]$states[$i] } })
    } else {
        $answers = @(Invoke-Command -ComputerName $from -ArgumentList $target, $ports, $timeout -ScriptBlock $FerryPortProbe)
    }
    $results = @($answers | ForEach-Object { [ordered]@{ port = [int]$_.port; open = ([string]$_.state -eq 'open'); state = [string]$_.state } })
    return , $results
}
