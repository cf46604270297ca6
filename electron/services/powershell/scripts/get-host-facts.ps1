# Reads one host: migration settings, supported VM versions, switches, a VM summary, and
# (best effort) OS, memory, CPU vendor, NIC links and Credential Guard.
# Input: { computerName }. Output: HostFacts minus status/error/elapsedMs.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $facts = [ordered]@{ computerName = $c }
    # One session to the host for every call below (Get-FerryOn).
    $on = Get-FerryOn $c
    $facts['settings'] = Get-FerryHostSettings -ComputerName $c
    $vmHost = Get-VMHost @on
    $facts['logicalProcessorCount'] = [int64]$vmHost.LogicalProcessorCount
    $facts['memoryCapacityBytes'] = [int64]$vmHost.MemoryCapacity
    $facts['supportedVersions'] = @(Get-VMHostSupportedVersion @on | ForEach-Object { $_.Version.ToString() })
    $facts['switches'] = @(Get-VMSwitch @on | ForEach-Object { [ordered]@{ name = [string]$_.Name; switchType = $_.SwitchType.ToString() } })
    $vms = @()
    foreach ($vm in @(Get-VM @on)) {
        $cpu = Get-VMProcessor -VM $vm
        $nics = @(Get-VMNetworkAdapter -VM $vm)
        $disks = @(Get-VMHardDiskDrive -VM $vm)
        $diskBytes = 0
        foreach ($d in $disks) { if ($null -ne $d.PSObject.Properties['SizeBytes']) { $diskBytes += [int64]$d.SizeBytes } }
        $vms += [ordered]@{
            name = [string]$vm.Name
            state = $vm.State.ToString()
            memoryAssignedBytes = [int64]$vm.MemoryAssigned
            memoryStartupBytes = [int64]$vm.MemoryStartup
            dynamicMemoryEnabled = [bool]$vm.DynamicMemoryEnabled
            configurationVersion = [string]$vm.Version
            processorCompatibilityForMigration = [bool]$cpu.CompatibilityForMigrationEnabled
            switchNames = @($nics | Where-Object { -not [string]::IsNullOrEmpty($_.SwitchName) } | ForEach-Object { [string]$_.SwitchName })
            hasIsoAttached = (@($vm.DVDDrives | Where-Object { -not [string]::IsNullOrEmpty($_.Path) }).Count -gt 0)
            hasPassThroughDisk = (@($disks | Where-Object { $null -ne $_.DiskNumber }).Count -gt 0)
            hasSnapshots = ($null -ne $vm.ParentSnapshotId)
            diskBytes = [int64]$diskBytes
        }
    }
    $facts['vms'] = $vms
    if (Test-FerryLab) {
        $info = Get-HyperVLabHostInfo -ComputerName $c
        $facts['domain'] = $info.domain
        $facts['osVersion'] = $info.osVersion
        $facts['memoryAvailableBytes'] = [int64]$info.memoryAvailableBytes
        $facts['processorVendor'] = $info.processorVendor
        $facts['credentialGuardRunning'] = [bool]$info.credentialGuardRunning
        $facts['links'] = @($info.links | ForEach-Object { [ordered]@{ name = [string]$_.name; subnet = [string]$_.subnet; linkSpeedGbps = [double]$_.linkSpeedGbps; rdma = [bool]$_.rdma } })
        $facts['openPorts'] = @($info.openPorts | ForEach-Object { [int]$_ })
    } else {
        # Real Windows: CIM over WinRM; each part is optional, a failure leaves it out.
        $facts['domain'] = [string]$vmHost.FullyQualifiedDomainName
        try {
            $os = Get-CimInstance @on -ClassName Win32_OperatingSystem
            $facts['osVersion'] = [string]$os.Version
            $facts['memoryAvailableBytes'] = [int64]$os.FreePhysicalMemory * 1024
        } catch { }
        try { $facts['processorVendor'] = [string](@(Get-CimInstance @on -ClassName Win32_Processor)[0].Manufacturer) } catch { }
        try {
            $dg = Get-CimInstance @on -Namespace 'root\Microsoft\Windows\DeviceGuard' -ClassName Win32_DeviceGuard
            $facts['credentialGuardRunning'] = (@($dg.SecurityServicesRunning) -contains 1)
        } catch { }
        try {
            $rdma = @{}
            try { foreach ($r in @(Get-NetAdapterRdma @on)) { $rdma[[string]$r.Name] = [bool]$r.Enabled } } catch { }
            $links = @()
            foreach ($ip in @(Get-NetIPAddress @on -AddressFamily IPv4 | Where-Object { $_.PrefixOrigin -ne 'WellKnown' })) {
                $nic = Get-NetAdapter @on -InterfaceIndex $ip.InterfaceIndex
                $bytes = $ip.IPAddress.Split('.') | ForEach-Object { [int]$_ }
                $maskBits = [int]$ip.PrefixLength
                $n = ([uint32]$bytes[0] -shl 24) -bor ([uint32]$bytes[1] -shl 16) -bor ([uint32]$bytes[2] -shl 8) -bor [uint32]$bytes[3]
                $mask = [uint32]0
                if ($maskBits -gt 0) { $mask = [uint32]([uint64]4294967295 -shl (32 - $maskBits) -band 4294967295) }
                $net = $n -band $mask
                $subnet = '{0}.{1}.{2}.{3}/{4}' -f (($net -shr 24) -band 255), (($net -shr 16) -band 255), (($net -shr 8) -band 255), ($net -band 255), $maskBits
                $isRdma = $false; if ($rdma.ContainsKey([string]$nic.Name)) { $isRdma = $rdma[[string]$nic.Name] }
                $links += [ordered]@{ name = [string]$nic.Name; subnet = $subnet; linkSpeedGbps = [double]$nic.ReceiveLinkSpeed / 1e9; rdma = $isRdma }
            }
            $facts['links'] = $links
        } catch { }
    }
    return $facts
}
