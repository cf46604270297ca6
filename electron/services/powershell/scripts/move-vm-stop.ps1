# Cancels a Move-VM job this process started: Stop-Job on a live migration cancels it and the VM
# stays on the source. Input: { jobId }. Output: { jobId, state } (the job's state afterwards: a
# move whose outcome was decided before the stop keeps it — Completed or Failed).
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $job = Get-Job -Id ([int]$in.jobId) -ErrorAction SilentlyContinue
    if ($null -eq $job) { return [ordered]@{ jobId = [int64]$in.jobId; state = 'NotFound' } }
    Stop-Job -Job $job
    return [ordered]@{ jobId = [int64]$in.jobId; state = $job.State.ToString() }
}
