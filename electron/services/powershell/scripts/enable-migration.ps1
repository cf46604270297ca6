# Enables or disables incoming and outgoing live migration on a host (Enable-/Disable-VMMigration).
# Input: { computerName, enabled }. Output: the host's settings read back after the change.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    if ([bool]$in.enabled) { Enable-VMMigration -ComputerName $c -Confirm:$false } else { Disable-VMMigration -ComputerName $c -Confirm:$false }
    return Get-FerryHostSettings -ComputerName $c
}
