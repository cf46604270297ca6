# Where a VM is: each named host is asked for the VM by Id (after a move, both hosts are read back).
# Input: { vmId, hosts: [string] }.
# Output: { hosts: [{ computerName, reachable, found, state?, memoryAssignedBytes?, memoryStartupBytes?, disks?: [path], error? }] }.
# A host that does not answer is reported (reachable false, with its error), not thrown: the VM
# may still be on the other one.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $id = [guid][string]$in.vmId
    $out = @()
    foreach ($h in @($in.hosts)) {
        $c = [string]$h
        $entry = [ordered]@{ computerName = $c; reachable = $true; found = $false }
        try {
            $vm = @(Get-VM -ComputerName $c | Where-Object { $_.Id -eq $id })
            if ($vm.Count -gt 0) {
                $entry['found'] = $true
                $entry['state'] = $vm[0].State.ToString()
                $entry['memoryAssignedBytes'] = [int64]$vm[0].MemoryAssigned
                $entry['memoryStartupBytes'] = [int64]$vm[0].MemoryStartup
                $entry['disks'] = @(@($vm[0].HardDrives) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_.Path })
            }
        } catch {
            $entry['reachable'] = $false
            $entry['error'] = [ordered]@{ code = (Get-FerryErrorCode $_); message = [string]$_.Exception.Message }
        }
        $out += $entry
    }
    return [ordered]@{ hosts = $out }
}
