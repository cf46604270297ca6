# Reads one host: migration settings, supported VM versions, switches, a VM summary, and
# (best effort) OS, memory, CPU vendor, NIC links and Credential Guard. Disk sizes come from
# Get-VHD; every Hyper-V cmdlet is called once for all VMs.
# Input: { computerName }. Output: HostFacts minus status/error/elapsedMs.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

# ---- SMB realities and event history (issue 14 items 4, 6): one block run on the host ---------
# One remote call (Invoke-Command over WinRM; in the lab its stand-in) for what the host itself
# answers: the cmdlets inside are local calls there, so the host costs one round trip, not four.
# Values come as arguments, never as text. Each part is optional: a cmdlet that fails (FS-SMBBW
# not installed, a log that cannot be read) leaves its fact out, never the read.
#  SMB: signing and encryption (Get-SmbClientConfiguration / Get-SmbServerConfiguration) make SMB
#    Direct fall back from RDMA placement to send/receive; a live-migration SMB bandwidth limit
#    (Get-SmbBandwidthLimit -Category LiveMigration, 0 = none) caps SMB moves.
#  Events: the last $Days days of the VMMS and Worker admin logs, the events that explain
#    migration failures (20306, 20417, 21024, 21501, 21502), at most $Max per log, newest first.
#    (Get-WinEvent -ComputerName would need the Remote Event Log RPC ports.) "No events found" is
#    an empty log, not an error; a log that cannot be read says so in `errors`.
$FerryHostSelfRead = {
    param([int]$Days, [int]$Max)
    $smb = [ordered]@{}
    try {
        $cl = Get-SmbClientConfiguration -ErrorAction Stop
        $smb['clientRequireSigning'] = [bool]$cl.RequireSecuritySignature
        if ($null -ne $cl.PSObject.Properties['RequireEncryption']) { $smb['clientRequireEncryption'] = [bool]$cl.RequireEncryption }
    } catch { }
    try {
        $sv = Get-SmbServerConfiguration -ErrorAction Stop
        $smb['serverRequireSigning'] = [bool]$sv.RequireSecuritySignature
        $smb['serverEncryptData'] = [bool]$sv.EncryptData
    } catch { }
    try {
        $limits = @(Get-SmbBandwidthLimit -Category LiveMigration -ErrorAction Stop)
        $bps = [int64]0
        if ($limits.Count -gt 0) { $bps = [int64]$limits[0].BytesPerSecond }
        $smb['liveMigrationLimitBytesPerSecond'] = $bps
    } catch { }
    $since = (Get-Date).AddDays(-$Days)
    $items = @()
    $errors = @()
    foreach ($log in @('Microsoft-Windows-Hyper-V-VMMS-Admin', 'Microsoft-Windows-Hyper-V-Worker-Admin')) {
        $found = @()
        try {
            $found = @(Get-WinEvent -FilterHashtable @{ LogName = $log; Id = 20306, 20417, 21024, 21501, 21502; StartTime = $since } -MaxEvents $Max -ErrorAction Stop)
        } catch {
            if ([string]$_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') { $errors += ($log + ': ' + $_.Exception.Message) }
        }
        foreach ($e in $found) {
            $text = [string]$e.Message
            if ($text.Length -gt 1024) { $text = $text.Substring(0, 1024) }
            $items += [pscustomobject]@{ id = [int]$e.Id; logName = [string]$e.LogName; timeCreated = $e.TimeCreated.ToUniversalTime().ToString('o'); message = $text }
        }
    }
    [pscustomobject]@{ smb = [pscustomobject]$smb; events = [pscustomobject]@{ days = $Days; items = $items; errors = $errors } }
}
function Get-FerryHostSelfFacts([string]$ComputerName) {
    $days = 30; $max = 50
    try {
        if (Test-FerryLab) { $r = Invoke-HyperVLabOnHost -ComputerName $ComputerName -ArgumentList $days, $max -ScriptBlock $FerryHostSelfRead }
        else { $r = Invoke-Command -ComputerName $ComputerName -ArgumentList $days, $max -ScriptBlock $FerryHostSelfRead -ErrorAction Stop }
    } catch {
        # Remoting refused: the host keeps its other facts, and says why its logs are missing.
        return [ordered]@{ smb = [ordered]@{}; events = [ordered]@{ days = $days; items = @(); errors = @([string]$_.Exception.Message) } }
    }
    $smb = [ordered]@{}
    foreach ($p in $r.smb.PSObject.Properties) { $smb[$p.Name] = $p.Value }
    $events = [ordered]@{
        days = [int]$r.events.days
        items = @($r.events.items | ForEach-Object { [ordered]@{ id = [int]$_.id; logName = [string]$_.logName; timeCreated = [string]$_.timeCreated; message = [string]$_.message } })
        errors = @($r.events.errors | ForEach-Object { [string]$_ })
    }
    return [ordered]@{ smb = $smb; events = $events }
}

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $facts = [ordered]@{ computerName = $c }
    # One session to the host for every call below (Get-FerryOn).
    $on = Get-FerryOn $c
    # Every call but Get-VHD is independent of the others: all start at once (Start-FerryCall, on
    # the host's session), so the read costs the session, then Get-VMHardDiskDrive and one Get-VHD
    # per level of differencing parents, not the sum of a dozen round trips. The VM components are
    # asked for with Get-VM, not after it; a host without VMs ignores their answers (and, read one
    # call after another, never makes them).
    $call = @{}
    $call.settings = Start-FerryCall { param($c) $on = Get-FerryOn $c; $h = Get-VMHost @on; [pscustomobject]@{ vmHost = $h; settings = (Get-FerryHostSettings -ComputerName $c -VMHost $h) } } @($c)
    $call.versions = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMHostSupportedVersion @on | ForEach-Object { $_.Version.ToString() }) } @($c)
    $call.switches = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMSwitch @on | ForEach-Object { [ordered]@{ name = [string]$_.Name; switchType = $_.SwitchType.ToString() } }) } @($c)
    $call.numa = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMHostNumaNode @on -ErrorAction Stop) } @($c)
    $call.vms = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VM @on) } @($c)
    $call.security = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMSecurity @on -VMName '*' -ErrorAction Stop) } @($c)
    $call.gpu = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMGpuPartitionAdapter @on -VMName '*' -ErrorAction Stop) } @($c)
    $call.processors = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMProcessor @on -VMName '*') } @($c)
    $call.nics = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMNetworkAdapter @on -VMName '*') } @($c)
    $call.disks = Start-FerryCall { param($c) $on = Get-FerryOn $c; @(Get-VMHardDiskDrive @on -VMName '*') } @($c)
    if (Test-FerryLab) { $call.info = Start-FerryCall { param($c) Get-HyperVLabHostInfo -ComputerName $c } @($c) }
    $vmList = @()
    try {
        $got = Receive-FerryCall $call.settings
        $vmHost = $got.vmHost
        $facts['settings'] = $got.settings
        $facts['logicalProcessorCount'] = [int64]$vmHost.LogicalProcessorCount
        $facts['memoryCapacityBytes'] = [int64]$vmHost.MemoryCapacity
        $facts['supportedVersions'] = @(Receive-FerryCall $call.versions)
        $facts['switches'] = @(Receive-FerryCall $call.switches)
        # NUMA: with spanning off, a VM must fit in one node of the host it starts on (issue 14 item 5).
        $facts['numaSpanningEnabled'] = [bool]$vmHost.NumaSpanningEnabled
        try {
            $facts['numaNodes'] = @(Receive-FerryCall $call.numa | ForEach-Object {
                [ordered]@{ memoryTotalBytes = [int64]$_.MemoryTotal * 1048576; processorCount = @($_.ProcessorsAvailability).Count }
            })
        } catch { }
        # One call per cmdlet for all VMs (issue 10 item 8): every remote call costs a round trip, so
        # per-VM calls made a 60-VM host cost 180 of them. Components are joined to their VM by VMId
        # (names can repeat).
        $vmList = @(Receive-FerryCall $call.vms)
        $cpuById = @{}; $nicsById = @{}; $disksById = @{}
        $vhdByPath = @{}; $vhdMissing = @{}
        $securityById = $null; $gpuById = $null
        if ($vmList.Count -gt 0) {
            # Features that block moves (issue 14 item 5); a cmdlet the host lacks (GPU partitions
            # before Windows Server 2022) leaves the fact unknown, not the read failed.
            try {
                $securityById = @{}
                foreach ($x in @(Receive-FerryCall $call.security)) { $securityById[[string]$x.VMId] = $x }
            } catch { $securityById = $null }
            try {
                $gpuById = @{}
                foreach ($x in @(Receive-FerryCall $call.gpu)) { $k = [string]$x.VMId; $gpuById[$k] = 1 + [int]$gpuById[$k] }
            } catch { $gpuById = $null }
            foreach ($p in @(Receive-FerryCall $call.processors)) { $cpuById[[string]$p.VMId] = $p }
            foreach ($n in @(Receive-FerryCall $call.nics)) {
                $k = [string]$n.VMId; if (-not $nicsById.ContainsKey($k)) { $nicsById[$k] = New-Object System.Collections.ArrayList }
                [void]$nicsById[$k].Add($n)
            }
            foreach ($d in @(Receive-FerryCall $call.disks)) {
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
                $got = @(Get-VHD @on -Path $wanted -ErrorAction SilentlyContinue -ErrorVariable vhdErrors)
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
        if (Test-FerryLab) {
            $info = Receive-FerryCall $call.info
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
            # The host's session when there is one (real hosts), so the links ride on it too.
            $facts['links'] = @(Get-FerryHostLinks -ComputerName $c -CimSession $on['CimSession'])
        }
    } finally {
        # A read that failed, or a host without VMs: the calls not received are let go.
        foreach ($x in @($call.Values)) { Close-FerryCall $x }
    }
    $self = Get-FerryHostSelfFacts $c
    $facts['smb'] = $self['smb']
    $facts['events'] = $self['events']
    return $facts
}
