# Reads one host: migration settings, supported VM versions, switches, NUMA, a VM summary, OS,
# memory, CPU vendor, NIC links, Credential Guard, SMB realities and the migration event history.
# Input: { computerName }. Output: HostFacts minus status/error/elapsedMs.
#
# One remote call per host (issue 11 item 5). The whole read is $FerryHostRead, run ON the host in
# its PowerShell session (Invoke-FerryOnHost: Invoke-Command over the host's one PSSession; in the
# lab Invoke-HyperVLabOnHost), so every cmdlet inside is a local call there: a host costs its
# session set-up and one round trip, not a dozen (Get-VMHost, the networks, versions, switches,
# NUMA, Get-VM and the VM components, Get-VHD per level of parents, CIM, SMB, the event logs).
# That is what lets 50 hosts be read in about one host's time without a runspace per call.
#
# The block is self-contained — a remote session has none of Ferry's functions, and the lab
# refuses a block that calls one (Invoke-HyperVLabOnHost) — it takes values as arguments, never
# as text, and returns plain values only: what crosses the wire is deserialized.
#
# When the host refuses remoting (the account may use Hyper-V over CIM/WMI but not PowerShell
# remoting, or the endpoint is off), the same block runs here instead with $On splatted on each
# cmdlet (@{ CimSession } on real hosts, @{ ComputerName } in the lab): one remote call per cmdlet,
# and without the host-local facts (SMB configuration, event logs), whose absence it says.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

$FerryHostRead = {
    param([hashtable]$On, [bool]$Lab, [bool]$OnHost, [int]$Days, [int]$Max)
    $ErrorActionPreference = 'Stop'
    $facts = [ordered]@{}
    $vmHost = Get-VMHost @On
    $nets = @(Get-VMMigrationNetwork @On | ForEach-Object {
        $p = 0; if ($null -ne $_.Priority) { $p = [int64]$_.Priority }
        [ordered]@{ subnet = [string]$_.Subnet; priority = $p }
    })
    # HostMigrationSettings, as Get-FerryHostSettings (_prelude.ps1) shapes it after a change: the
    # same fields here, because this block runs where Ferry's functions do not exist.
    $facts['settings'] = [ordered]@{
        virtualMachineMigrationEnabled = [bool]$vmHost.VirtualMachineMigrationEnabled
        maximumVirtualMachineMigrations = [int64]$vmHost.MaximumVirtualMachineMigrations
        maximumStorageMigrations = [int64]$vmHost.MaximumStorageMigrations
        virtualMachineMigrationAuthenticationType = $vmHost.VirtualMachineMigrationAuthenticationType.ToString()
        virtualMachineMigrationPerformanceOption = $vmHost.VirtualMachineMigrationPerformanceOption.ToString()
        useAnyNetworkForMigration = [bool]$vmHost.UseAnyNetworkForMigration
        migrationNetworks = $nets
    }
    $facts['logicalProcessorCount'] = [int64]$vmHost.LogicalProcessorCount
    $facts['memoryCapacityBytes'] = [int64]$vmHost.MemoryCapacity
    $facts['supportedVersions'] = @(Get-VMHostSupportedVersion @On | ForEach-Object { $_.Version.ToString() })
    $facts['switches'] = @(Get-VMSwitch @On | ForEach-Object { [ordered]@{ name = [string]$_.Name; switchType = $_.SwitchType.ToString() } })
    # NUMA: with spanning off, a VM must fit in one node of the host it starts on (issue 14 item 5).
    $facts['numaSpanningEnabled'] = [bool]$vmHost.NumaSpanningEnabled
    try {
        $facts['numaNodes'] = @(Get-VMHostNumaNode @On | ForEach-Object {
            [ordered]@{ memoryTotalBytes = [int64]$_.MemoryTotal * 1048576; processorCount = @($_.ProcessorsAvailability).Count }
        })
    } catch { }
    # One call per cmdlet for all VMs (issue 10 item 8): read from here (no remoting) every call
    # is a round trip, so per-VM calls made a 60-VM host cost 180 of them. Components are joined
    # to their VM by VMId (names can repeat).
    $vmList = @(Get-VM @On)
    $cpuById = @{}; $nicsById = @{}; $disksById = @{}
    $vhdByPath = @{}; $vhdMissing = @{}
    $securityById = $null; $gpuById = $null
    if ($vmList.Count -gt 0) {
        # Features that block moves (issue 14 item 5); a cmdlet the host lacks (GPU partitions
        # before Windows Server 2022) leaves the fact unknown, not the read failed.
        try {
            $securityById = @{}
            foreach ($x in @(Get-VMSecurity @On -VMName '*')) { $securityById[[string]$x.VMId] = $x }
        } catch { $securityById = $null }
        try {
            $gpuById = @{}
            foreach ($x in @(Get-VMGpuPartitionAdapter @On -VMName '*')) { $k = [string]$x.VMId; $gpuById[$k] = 1 + [int]$gpuById[$k] }
        } catch { $gpuById = $null }
        foreach ($x in @(Get-VMProcessor @On -VMName '*')) { $cpuById[[string]$x.VMId] = $x }
        foreach ($n in @(Get-VMNetworkAdapter @On -VMName '*')) {
            $k = [string]$n.VMId; if (-not $nicsById.ContainsKey($k)) { $nicsById[$k] = New-Object System.Collections.ArrayList }
            [void]$nicsById[$k].Add($n)
        }
        foreach ($d in @(Get-VMHardDiskDrive @On -VMName '*')) {
            $k = [string]$d.VMId; if (-not $disksById.ContainsKey($k)) { $disksById[$k] = New-Object System.Collections.ArrayList }
            [void]$disksById[$k].Add($d)
        }
        # Sizes come from Get-VHD (a drive has none): FileSize is what a storage move copies. A
        # differencing disk's parents are copied too, so each level of parents is one more call.
        # In VM order (a hashtable's order is not stable), each path once.
        $paths = @(foreach ($vm in $vmList) { $k = [string]$vm.Id; if ($disksById.ContainsKey($k)) { foreach ($d in $disksById[$k]) { if ($null -eq $d.DiskNumber -and -not [string]::IsNullOrEmpty($d.Path)) { [string]$d.Path } } } })
        $wanted = @($paths | Select-Object -Unique)
        $depth = 0
        while ($wanted.Count -gt 0 -and $depth -lt 16) {
            $depth++
            $vhdErrors = $null
            $got = @(Get-VHD @On -Path $wanted -ErrorAction SilentlyContinue -ErrorVariable vhdErrors)
            foreach ($v in $got) { $vhdByPath[([string]$v.Path).ToLowerInvariant()] = $v }
            foreach ($w in $wanted) { if (-not $vhdByPath.ContainsKey($w.ToLowerInvariant())) { $vhdMissing[$w.ToLowerInvariant()] = $true } }
            $parents = @(foreach ($v in $got) {
                $pp = [string]$v.ParentPath
                if ($pp -ne '' -and -not $vhdByPath.ContainsKey($pp.ToLowerInvariant()) -and -not $vhdMissing.ContainsKey($pp.ToLowerInvariant())) { $pp }
            })
            $wanted = @($parents | Select-Object -Unique)
        }
    }
    $vms = @()
    foreach ($vm in $vmList) {
        $k = [string]$vm.Id
        $cpu = $cpuById[$k]
        $nics = @(); if ($nicsById.ContainsKey($k)) { $nics = @($nicsById[$k]) }
        $disks = @(); if ($disksById.ContainsKey($k)) { $disks = @($disksById[$k]) }
        $diskBytes = [int64]0
        $sizesRead = $true
        foreach ($d in $disks) {
            if ($null -ne $d.DiskNumber -or [string]::IsNullOrEmpty($d.Path)) { continue }
            $path = [string]$d.Path
            $hops = 0
            while ($path -ne '' -and $hops -lt 16) {
                $hops++
                $v = $vhdByPath[$path.ToLowerInvariant()]
                if ($null -eq $v) { $sizesRead = $false; break }
                $diskBytes += [int64]$v.FileSize
                $path = [string]$v.ParentPath
            }
        }
        $compat = $false; if ($null -ne $cpu) { $compat = [bool]$cpu.CompatibilityForMigrationEnabled }
        # What Hyper-V is busy with (backing up, merging…): the enum name, not the localized Status.
        $busy = ''
        $secondary = $vm.SecondaryOperationalStatus
        if ($null -ne $secondary) { $busy = $secondary.ToString() }
        elseif ($null -ne $vm.PrimaryOperationalStatus -and $vm.PrimaryOperationalStatus.ToString() -ne 'Ok') { $busy = $vm.PrimaryOperationalStatus.ToString() }
        $entry = [ordered]@{
            name = [string]$vm.Name
            state = $vm.State.ToString()
            memoryAssignedBytes = [int64]$vm.MemoryAssigned
            memoryStartupBytes = [int64]$vm.MemoryStartup
            dynamicMemoryEnabled = [bool]$vm.DynamicMemoryEnabled
            configurationVersion = [string]$vm.Version
            processorCompatibilityForMigration = $compat
            switchNames = @($nics | Where-Object { -not [string]::IsNullOrEmpty($_.SwitchName) } | ForEach-Object { [string]$_.SwitchName })
            hasIsoAttached = (@($vm.DVDDrives | Where-Object { -not [string]::IsNullOrEmpty($_.Path) }).Count -gt 0)
            hasPassThroughDisk = (@($disks | Where-Object { $null -ne $_.DiskNumber }).Count -gt 0)
            hasSnapshots = ($null -ne $vm.ParentSnapshotId)
            diskBytes = [int64]$diskBytes
            diskSizesRead = $sizesRead
            processorCount = [int64]$vm.ProcessorCount
        }
        if ($busy -ne '') { $entry['operationalStatus'] = $busy }
        if ($null -ne $securityById) { $entry['tpmEnabled'] = ($null -ne $securityById[$k] -and [bool]$securityById[$k].TpmEnabled) }
        if ($null -ne $gpuById) { $entry['gpuPartitionAdapters'] = [int]$gpuById[$k] }
        $vms += $entry
    }
    $facts['vms'] = $vms
    if ($Lab) {
        # The lab's stand-in for what real Windows answers through CIM.
        $info = Get-HyperVLabHostInfo @On
        $facts['domain'] = [string]$info.domain
        $facts['osVersion'] = [string]$info.osVersion
        $facts['memoryAvailableBytes'] = [int64]$info.memoryAvailableBytes
        $facts['processorVendor'] = [string]$info.processorVendor
        $facts['credentialGuardRunning'] = [bool]$info.credentialGuardRunning
        $facts['links'] = @($info.links | ForEach-Object { [ordered]@{ name = [string]$_.name; subnet = [string]$_.subnet; linkSpeedGbps = [double]$_.linkSpeedGbps; rdma = [bool]$_.rdma } })
        $facts['openPorts'] = @($info.openPorts | ForEach-Object { [int]$_ })
    } else {
        # Real Windows: CIM (local on the host, or over the host's CIM session); each part is
        # optional, a failure leaves it out.
        $facts['domain'] = [string]$vmHost.FullyQualifiedDomainName
        try {
            $os = Get-CimInstance @On -ClassName Win32_OperatingSystem
            $facts['osVersion'] = [string]$os.Version
            $facts['memoryAvailableBytes'] = [int64]$os.FreePhysicalMemory * 1024
        } catch { }
        try { $facts['processorVendor'] = [string](@(Get-CimInstance @On -ClassName Win32_Processor)[0].Manufacturer) } catch { }
        try {
            $dg = Get-CimInstance @On -Namespace 'root\Microsoft\Windows\DeviceGuard' -ClassName Win32_DeviceGuard
            $facts['credentialGuardRunning'] = (@($dg.SecurityServicesRunning) -contains 1)
        } catch { }
        # The IPv4 links (name, subnet, speed, RDMA): one Get-NetAdapter and one Get-NetAdapterRdma
        # call for all adapters, and each address on its own, so one adapter that cannot be read
        # (a teamed or hidden NIC, an address on an interface that went away) costs only its link.
        $rdma = @{}
        try { foreach ($r in @(Get-NetAdapterRdma @On)) { $rdma[[string]$r.Name] = [bool]$r.Enabled } } catch { }
        $byIndex = @{}
        try { foreach ($a in @(Get-NetAdapter @On)) { $byIndex[[string]$a.InterfaceIndex] = $a } } catch { }
        $addresses = @()
        try { $addresses = @(Get-NetIPAddress @On -AddressFamily IPv4 | Where-Object { $_.PrefixOrigin -ne 'WellKnown' }) } catch { }
        $links = @()
        foreach ($ip in $addresses) {
            try {
                $nic = $byIndex[[string]$ip.InterfaceIndex]
                # Not in the list (the list call failed, or the adapter is hidden): ask for this one.
                if ($null -eq $nic) { $nic = Get-NetAdapter @On -InterfaceIndex $ip.InterfaceIndex }
                $bytes = @(([string]$ip.IPAddress).Split('.') | ForEach-Object { [int]$_ })
                if ($bytes.Count -ne 4) { continue }
                $maskBits = [int]$ip.PrefixLength
                $n = ([uint32]$bytes[0] -shl 24) -bor ([uint32]$bytes[1] -shl 16) -bor ([uint32]$bytes[2] -shl 8) -bor [uint32]$bytes[3]
                $mask = [uint32]0
                if ($maskBits -gt 0) { $mask = [uint32]([uint64]4294967295 -shl (32 - $maskBits) -band 4294967295) }
                $net = $n -band $mask
                $subnet = '{0}.{1}.{2}.{3}/{4}' -f (($net -shr 24) -band 255), (($net -shr 16) -band 255), (($net -shr 8) -band 255), ($net -band 255), $maskBits
                $isRdma = $false; if ($rdma.ContainsKey([string]$nic.Name)) { $isRdma = $rdma[[string]$nic.Name] }
                $links += [ordered]@{ name = [string]$nic.Name; subnet = $subnet; linkSpeedGbps = [double]$nic.ReceiveLinkSpeed / 1e9; rdma = $isRdma }
            } catch { }
        }
        $facts['links'] = $links
    }
    $smb = [ordered]@{}
    $events = [ordered]@{ days = $Days; items = @(); errors = @() }
    if ($OnHost) {
        # SMB realities (issue 14 item 4): signing and encryption make SMB Direct fall back from
        # RDMA placement to send/receive; a live-migration SMB bandwidth limit (0 = none) caps SMB
        # moves. Each part is optional (FS-SMBBW not installed leaves the limit out).
        try {
            $cl = Get-SmbClientConfiguration
            $smb['clientRequireSigning'] = [bool]$cl.RequireSecuritySignature
            if ($null -ne $cl.PSObject.Properties['RequireEncryption']) { $smb['clientRequireEncryption'] = [bool]$cl.RequireEncryption }
        } catch { }
        try {
            $sv = Get-SmbServerConfiguration
            $smb['serverRequireSigning'] = [bool]$sv.RequireSecuritySignature
            $smb['serverEncryptData'] = [bool]$sv.EncryptData
        } catch { }
        try {
            $limits = @(Get-SmbBandwidthLimit -Category LiveMigration)
            $bps = [int64]0
            if ($limits.Count -gt 0) { $bps = [int64]$limits[0].BytesPerSecond }
            $smb['liveMigrationLimitBytesPerSecond'] = $bps
        } catch { }
        # Events (issue 14 item 6): the last $Days days of the VMMS and Worker admin logs, the
        # events that explain migration failures (20306, 20417, 21024, 21501, 21502), at most $Max
        # per log, newest first. "No events found" is an empty log, not an error; a log that cannot
        # be read says so in `errors`. (Get-WinEvent -ComputerName would need the RPC ports.)
        $since = (Get-Date).AddDays(-$Days)
        $items = @(); $errors = @()
        foreach ($log in @('Microsoft-Windows-Hyper-V-VMMS-Admin', 'Microsoft-Windows-Hyper-V-Worker-Admin')) {
            $found = @()
            try {
                $found = @(Get-WinEvent -FilterHashtable @{ LogName = $log; Id = 20306, 20417, 21024, 21501, 21502; StartTime = $since } -MaxEvents $Max)
            } catch {
                if ([string]$_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') { $errors += ($log + ': ' + $_.Exception.Message) }
            }
            foreach ($e in $found) {
                $text = [string]$e.Message
                if ($text.Length -gt 1024) { $text = $text.Substring(0, 1024) }
                $items += [ordered]@{ id = [int]$e.Id; logName = [string]$e.LogName; timeCreated = $e.TimeCreated.ToUniversalTime().ToString('o'); message = $text }
            }
        }
        $events['items'] = $items
        $events['errors'] = $errors
    }
    $facts['smb'] = $smb
    $facts['events'] = $events
    return $facts
}

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $lab = [bool](Test-FerryLab)
    $days = 30; $max = 50
    try {
        $read = Invoke-FerryOnHost -ComputerName $c -ScriptBlock $FerryHostRead -ArgumentList @{}, $lab, $true, $days, $max
    } catch {
        # A host that does not answer does not answer CIM either; anything else (remoting refused)
        # leaves the read from here, one call per cmdlet, saying why the host-local facts are missing.
        if ((Get-FerryErrorCode $_) -eq 'unreachable') { throw }
        $why = [string]$_.Exception.Message
        $read = & $FerryHostRead (Get-FerryOn $c) $lab $false $days $max
        $read['events']['errors'] = @($why)
    }
    $facts = [ordered]@{ computerName = $c }
    foreach ($k in @($read.Keys)) { $facts[[string]$k] = $read[$k] }
    return $facts
}
