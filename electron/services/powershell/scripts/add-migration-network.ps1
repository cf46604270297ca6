# Adds one incoming migration network. Input: { computerName, subnet, priority }.
# Output: the host's settings read back after the change.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    Add-VMMigrationNetwork -ComputerName $c -Subnet ([string]$in.subnet) -Priority ([uint32]$in.priority) -Confirm:$false
    return Get-FerryHostSettings -ComputerName $c
}
