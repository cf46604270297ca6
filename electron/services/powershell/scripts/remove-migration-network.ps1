# Removes one incoming migration network. Input: { computerName, subnet }. The subnet is matched
# literally (wildcard characters escaped). Output: the host's settings read back after the change.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    Remove-VMMigrationNetwork -ComputerName $c -Subnet ([Management.Automation.WildcardPattern]::Escape([string]$in.subnet)) -Confirm:$false
    return Get-FerryHostSettings -ComputerName $c
}
