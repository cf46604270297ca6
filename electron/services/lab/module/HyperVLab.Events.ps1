# A lab host's Hyper-V event logs, for the event history check (issue 14 item 6).
#
# Host state (hosts/<NAME>.json) `events`: [{ id, logName, timeCreated (ISO 8601), message }]
# (`ferry lab init` seeds HV01; seedLabEvents in lab-init.ts adds more).
# Get-WinEvent (Microsoft.PowerShell.Diagnostics, Windows only) with its real parameter sets; the
# lab answers -FilterHashtable (LogName, Id, StartTime, EndTime) and -MaxEvents, newest first, for
# the host of the remote session it runs in (Invoke-HyperVLabOnHost): inside a real remote
# session Get-WinEvent is a local call, so it costs no round trip of its own. Nothing matching is
# an error, as on Windows (NoMatchingEventsFound), and so is a log the host does not have.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

$script:LabEventLogs = @('Microsoft-Windows-Hyper-V-VMMS-Admin', 'Microsoft-Windows-Hyper-V-Worker-Admin')

function New-LabEventRecord([object]$E, [string]$Computer) {
    $o = [pscustomobject]@{
        Id = [int]$E.id
        LogName = [string]$E.logName
        ProviderName = 'Microsoft-Windows-Hyper-V-VMMS'
        MachineName = $Computer
        TimeCreated = ([DateTime]::Parse([string]$E.timeCreated, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)).ToLocalTime()
        LevelDisplayName = 'Error'
        Message = [string]$E.message
    }
    if ([string]$E.logName -like '*Worker*') { $o.ProviderName = 'Microsoft-Windows-Hyper-V-Worker' }
    $o.PSObject.TypeNames.Insert(0, 'System.Diagnostics.Eventing.Reader.EventLogRecord')
    return $o
}

function LabImpl-Get-WinEvent($Cmdlet, [hashtable]$Bound) {
    if (-not $Bound.ContainsKey('FilterHashtable')) { throw 'HyperVLab: Get-WinEvent is simulated for -FilterHashtable only.' }
    $computer = $script:LabSessionHost
    if ($Bound.ContainsKey('ComputerName')) { $computer = [string]$Bound['ComputerName'] }
    if ([string]::IsNullOrEmpty($computer)) { $computer = [string](Get-LabConfig).localHost }
    $name = Resolve-LabHostName $computer
    if ($null -eq $name) { throw (New-LabUnresolvedError $computer) }
    $s = Get-LabHostState $name
    $hits = @()
    foreach ($q in @($Bound['FilterHashtable'])) {
        # Loops, not pipelines: a host read asks twice per host, and pipelines cost milliseconds each.
        $logs = @(foreach ($x in @($q['LogName'])) { if ($null -ne $x) { [string]$x } })
        foreach ($l in $logs) {
            $known = $false
            foreach ($k in $script:LabEventLogs) { if ($k -like $l) { $known = $true } }
            if (-not $known) {
                $text = "There is not an event log on the $computer computer that matches `"$l`"."
                $Cmdlet.WriteError((New-LabErrorRecord $text 'NoMatchingLogsFound,Microsoft.PowerShell.Commands.GetWinEventCommand' ObjectNotFound $l))
            }
        }
        $ids = @(foreach ($x in @($q['Id'])) { if ($null -ne $x) { [int]$x } })
        $start = $q['StartTime']; $end = $q['EndTime']
        foreach ($e in @(Get-LabProp $s 'events' @())) {
            if ($null -eq $e) { continue }
            if ($logs.Count -gt 0) {
                $inLog = $false
                foreach ($l in $logs) { if ([string]$e.logName -like $l) { $inLog = $true } }
                if (-not $inLog) { continue }
            }
            if ($ids.Count -gt 0 -and $ids -notcontains [int]$e.id) { continue }
            $r = New-LabEventRecord $e $name
            if ($null -ne $start -and $r.TimeCreated -lt [DateTime]$start) { continue }
            if ($null -ne $end -and $r.TimeCreated -gt [DateTime]$end) { continue }
            $hits += $r
        }
    }
    $hits = @($hits | Sort-Object -Property TimeCreated -Descending)
    if ($Bound.ContainsKey('MaxEvents')) { $hits = @($hits | Select-Object -First ([int]$Bound['MaxEvents'])) }
    if ($hits.Count -eq 0) {
        $text = 'No events were found that match the specified selection criteria.'
        $Cmdlet.WriteError((New-LabErrorRecord $text 'NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand' ObjectNotFound $null))
        return
    }
    $hits
}
