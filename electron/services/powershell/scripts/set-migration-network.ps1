# Changes the priority of an existing incoming migration network (Set-VMMigrationNetwork only
# edits existing entries). Input: { computerName, subnet, newPriority }.
# Output: the host's settings read back after the change.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    Set-VMMigrationNetwork -ComputerName $c -Subnet ([Management.Automation.WildcardPattern]::Escape([string]$in.subnet)) -NewPriority ([uint32]$in.newPriority) -Confirm:$false
    return Get-FerryHostSettings -ComputerName $c
}
