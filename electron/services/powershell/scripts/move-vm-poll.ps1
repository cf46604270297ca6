# Reads the state and progress of Move-VM jobs this process started (move-vm-start.ps1).
# Input: { jobIds: [int] }.
# Output: { jobs: [{ jobId, state: Running|Completed|Failed|Stopped|NotFound|…, percent, elapsedSeconds?, error?: { message, codes } }] }.
# elapsedSeconds: the job's own PSBeginTime to PSEndTime (or now), so the measured time is the move's, not Ferry's polling.
# A finished job is read once and removed. Progress is the last PercentComplete of the job or its
# child jobs (Hyper-V reports it on the child), errors come with their HRESULTs for the engine.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $out = @()
    foreach ($id in @($in.jobIds)) {
        $job = Get-Job -Id ([int]$id) -ErrorAction SilentlyContinue
        if ($null -eq $job) { $out += [ordered]@{ jobId = [int64]$id; state = 'NotFound'; percent = 0 }; continue }
        $percent = 0
        foreach ($j in @(@($job) + @($job.ChildJobs))) {
            foreach ($p in @($j.Progress)) { if ($null -ne $p -and $p.PercentComplete -ge 0) { $percent = [int]$p.PercentComplete } }
        }
        $state = $job.State.ToString()
        $entry = [ordered]@{ jobId = [int64]$id; state = $state; percent = $percent }
        if ($null -ne $job.PSBeginTime) {
            $end = [DateTime]::Now
            if ($null -ne $job.PSEndTime) { $end = [DateTime]$job.PSEndTime }
            $entry['elapsedSeconds'] = [double](($end - [DateTime]$job.PSBeginTime).TotalSeconds)
        }
        if ($state -eq 'Failed') {
            $records = @(@($job.Error) + @($job.ChildJobs | ForEach-Object { @($_.Error) }) | Where-Object { $null -ne $_ })
            if ($records.Count -gt 0) {
                $facts = Get-FerryErrorFacts $records[0]
                $entry['error'] = [ordered]@{ message = [string]$records[0].Exception.Message; codes = @($facts.codes) }
            } elseif ($null -ne $job.JobStateInfo.Reason) {
                $entry['error'] = [ordered]@{ message = [string]$job.JobStateInfo.Reason.Message; codes = @() }
            }
        }
        if ($state -eq 'Completed' -or $state -eq 'Failed' -or $state -eq 'Stopped') { Remove-Job -Job $job -Force -ErrorAction SilentlyContinue }
        $out += $entry
    }
    return [ordered]@{ jobs = $out }
}
