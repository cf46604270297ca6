# Starts a live migration of one VM as a Hyper-V job: Move-VM -VM <vm> -DestinationHost <dst> -AsJob,
# VM only or with -IncludeStorage [-DestinationStoragePath]. The job lives in this PowerShell
# process, so polling (move-vm-poll.ps1) and cancelling (move-vm-stop.ps1) must run in the same
# one: the engine keeps moves on a process of their own.
# Input: { computerName (source), name, vmId?, destinationHost, includeStorage?, destinationStoragePath? }.
# Output: { jobId, vmId, name, before: { state, memoryAssignedBytes, memoryStartupBytes, disks: [path] } }.
#
# -Name is a wildcard to Hyper-V, so the VM is resolved once — by Id when given, else by exact
# name — and passed as the object (-VM), as compare-vm.ps1 does.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $name = [string]$in.name
    $byId = ''
    if ($null -ne $in.PSObject.Properties['vmId']) { $byId = [string]$in.vmId }
    $target = Resolve-FerryVm -ComputerName $c -Name $name -WantedId $byId -Then 'move it'
    # -IncludeStorage is always bound ($false included): -VM with -DestinationHost alone fits two parameter sets.
    $params = @{ VM = $target; DestinationHost = [string]$in.destinationHost; IncludeStorage = $false; AsJob = $true }
    if ($null -ne $in.PSObject.Properties['includeStorage'] -and [bool]$in.includeStorage) {
        $params['IncludeStorage'] = $true
        if ($null -ne $in.PSObject.Properties['destinationStoragePath'] -and -not [string]::IsNullOrEmpty([string]$in.destinationStoragePath)) {
            $params['DestinationStoragePath'] = [string]$in.destinationStoragePath
        }
    }
    $job = Move-VM @params
    return [ordered]@{
        jobId = [int64]$job.Id
        vmId = [string]$target.Id
        name = [string]$target.Name
        before = [ordered]@{
            state = $target.State.ToString()
            memoryAssignedBytes = [int64]$target.MemoryAssigned
            memoryStartupBytes = [int64]$target.MemoryStartup
            disks = @(@($target.HardDrives) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_.Path })
        }
    }
}
