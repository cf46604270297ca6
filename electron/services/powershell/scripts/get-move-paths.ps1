# The host's default folders for VMs and virtual hard disks (Get-VMHost), offered as the
# -DestinationStoragePath choices of a move with storage.
# Input: { computerName }. Output: { virtualMachinePath, virtualHardDiskPath }.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $h = Get-VMHost -ComputerName ([string]$in.computerName)
    return [ordered]@{ virtualMachinePath = [string]$h.VirtualMachinePath; virtualHardDiskPath = [string]$h.VirtualHardDiskPath }
}
