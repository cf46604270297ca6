# Purges the machine account's Kerberos tickets on a host (klist purge -li 0x3e7), so new
# delegation settings apply without waiting for ticket expiry. Input: { computerName }.
# Output: { computerName, purged, exitCode, output } — purged only when klist exited 0; klist's
# own output is passed on (it is worded in the host's display language).
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

# Runs on the host (remoting: self-contained). klist writes its errors to stdout and stderr.
$FerryKlistPurge = {
    $ErrorActionPreference = 'Continue'
    $text = & klist.exe purge -li 0x3e7 2>&1 | Out-String
    [pscustomobject]@{ exitCode = [int]$LASTEXITCODE; output = [string]$text }
}

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    if (Test-FerryLab) {
        $r = Invoke-HyperVLabKlistPurge -ComputerName $c
    } else {
        $r = Invoke-Command -ComputerName $c -ScriptBlock $FerryKlistPurge
    }
    $exit = [int]$r.exitCode
    return [ordered]@{ computerName = $c; purged = ($exit -eq 0); exitCode = $exit; output = ([string]$r.output).Trim() }
}
