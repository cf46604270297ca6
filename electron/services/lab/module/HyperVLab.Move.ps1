# HyperVLab: Move-VM (dot-sourced by HyperVLab.psm1), a live migration that takes time.
#
# A move is a record in <lab>/migrations/<id>.json with its timeline, fixed when it starts:
#   startTicks   when Move-VM was called
#   totalTicks   how long the whole move takes: the pre-copy model (core/simulate/pre-copy.ts, the
#                same formulas, ported below) for the VM's memory over the hosts' shared link with
#                the source's performance option, plus the disks for -IncludeStorage, times the
#                lab's `timeScale` (lab.json; 1 = real time, tests use less)
#   decideTicks  when the outcome lands: the end for a move that succeeds, earlier for one that fails
#   outcome      'moved' or 'failed' (+ the real error text and HRESULT)
# Whoever touches a host next (Enter-LabHost) lands the moves whose moment has come, under both
# hosts' locks: the VM leaves the source's state and appears in the destination's, or stays on the
# source. -AsJob returns a HyperVLab.MigrationJob (HyperVLab.Jobs.cs) in the caller's job
# repository on the same timeline, with progress; Stop-Job before the decided moment writes
# <id>.stop, and the move is cancelled: the VM stays on the source, running.
#
# Why a move fails, in the order Hyper-V meets it (texts in HyperVLab.Texts.ps1 and below):
#   - the simultaneous-migration limit of either host is reached (event 21501, field notes P11);
#   - the prerequisites Compare-VM needs (Test-LabMigrationPath: migration on, CredSSP started from
#     a workstation 0x8009030E, Kerberos delegation 0x8009030D, 6600 refused 0x8007274D / dropped
#     0x8007274C after the connect timeout, incoming networks);
#   - the destination's compatibility (Get-LabIncompatibilities): out of memory 0x8007000E when the
#     planned VM is created, a missing switch at < 10 % (event 21502), version, processor;
#   - VM-only with disks on the source's own drives (Get-LabLocalStorageIncompatibilities);
#   - a host that goes down mid-move (fault `downDuringMove`: the fraction of the move at which it
#     does): the destination → connection reset 0x80072746, the VM keeps running on the source;
#     the source → the VM goes down with it (Off on the source) and the destination keeps a
#     planned VM. Either way the host is unreachable afterwards.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

$script:LabTexts['en-US']['MigrationLimit'] = "Virtual machine migration operation for '{0}' failed at migration source '{1}'. The virtual machine migration limit '{2}' was reached on '{3}', please wait for completion of an ongoing migration operation."
$script:LabTexts['en-US']['OutOfMemory'] = "Virtual machine migration operation for '{0}' failed at migration destination '{1}'. (Virtual machine ID {2})`n'{0}' could not initialize memory: Ran out of memory (0x8007000E). (Virtual machine ID {2})"
$script:LabTexts['en-US']['SwitchMissing'] = "Virtual machine migration operation for '{0}' failed at migration destination '{1}'. (Virtual machine ID {2})`nCould not find Ethernet switch '{3}'."
$script:LabTexts['en-US']['MoveIncompatible'] = "Virtual machine migration operation for '{0}' failed at migration destination '{1}'. (Virtual machine ID {2})`n{3}"
$script:LabTexts['en-US']['ConnectionReset'] = "Virtual machine migration operation for '{0}' failed at migration source '{1}'. Failed to send data for a Virtual Machine migration: An existing connection was forcibly closed by the remote host. (0x80072746)"
$script:LabTexts['de-DE']['MigrationLimit'] = "Fehler beim Migrationsvorgang für den virtuellen Computer '{0}' am Migrationsquellort '{1}'. Das Limit von '{2}' gleichzeitigen Migrationen virtueller Computer wurde auf '{3}' erreicht. Warten Sie, bis ein laufender Migrationsvorgang abgeschlossen ist."
$script:LabTexts['de-DE']['OutOfMemory'] = "Fehler beim Migrationsvorgang für den virtuellen Computer '{0}' am Migrationszielort '{1}'. (ID des virtuellen Computers: {2})`n'{0}' konnte den Arbeitsspeicher nicht initialisieren: Nicht genügend Arbeitsspeicher (0x8007000E). (ID des virtuellen Computers: {2})"
$script:LabTexts['de-DE']['SwitchMissing'] = "Fehler beim Migrationsvorgang für den virtuellen Computer '{0}' am Migrationszielort '{1}'. (ID des virtuellen Computers: {2})`nDer Ethernet-Switch '{3}' wurde nicht gefunden."
$script:LabTexts['de-DE']['MoveIncompatible'] = "Fehler beim Migrationsvorgang für den virtuellen Computer '{0}' am Migrationszielort '{1}'. (ID des virtuellen Computers: {2})`n{3}"
$script:LabTexts['de-DE']['ConnectionReset'] = "Fehler beim Migrationsvorgang für den virtuellen Computer '{0}' am Migrationsquellort '{1}'. Fehler beim Senden von Daten für eine Migration: Eine vorhandene Verbindung wurde vom Remotehost geschlossen. (0x80072746)"

# HRESULTs the failures carry (reference §6.1, §6.2).
$script:LabHr = @{
    OutOfMemory = -2147024882       # 0x8007000E
    NotFound = -2147023728          # 0x80070490 ERROR_NOT_FOUND: the switch
    FileNotFound = -2147024894      # 0x80070002: a disk the destination cannot open
    ConnectionReset = -2147014842   # 0x80072746 WSAECONNRESET
    Unreachable = -2144108250       # 0x80338126 WinRM cannot connect
    Busy = -2147024726              # 0x800700AA ERROR_BUSY: the limit
    Generic = -2147467259           # 0x80004005 E_FAIL
}

# Seconds a refused connection, a dropped one (TCP connect timeout) and the planned VM's creation take.
$script:LabMoveRefusedSeconds = 0.5
$script:LabMoveTimeoutSeconds = 21
$script:LabMovePlannedVmSeconds = 1

# ---- time ------------------------------------------------------------------------------

function Get-LabTimeScale {
    $scale = [double](Get-LabProp (Get-LabConfig) 'timeScale' 1)
    if ($scale -le 0) { $scale = 1 }
    return $scale
}

function ConvertTo-LabTicks([double]$Seconds) { return [long]([Math]::Round($Seconds * (Get-LabTimeScale) * 10000000)) }

# ---- the pre-copy model (core/simulate/pre-copy.ts + model-defaults.ts, same numbers: setup 2.25 s) -----

function Test-LabAcceptsNetwork([object]$Dst, [string]$Subnet) {
    if ([bool]$Dst.settings.useAnyNetworkForMigration) { return $true }
    foreach ($n in @(Get-LabProp $Dst 'migrationNetworks' @())) { if (Test-LabSubnetOverlap $Subnet ([string]$n.subnet)) { return $true } }
    return $false
}

# The links both hosts share on a subnet the destination accepts (core/preflight/model-input.ts sharedLinks).
function Get-LabSharedLinks([object]$Src, [object]$Dst) {
    $out = @()
    foreach ($sl in @(Get-LabProp $Src 'links' @())) {
        foreach ($dl in @(Get-LabProp $Dst 'links' @())) {
            if ((Test-LabSubnetOverlap ([string]$sl.subnet) ([string]$dl.subnet)) -and (Test-LabAcceptsNetwork $Dst ([string]$dl.subnet))) {
                $speed = [Math]::Min([double]$sl.linkSpeedGbps, [double]$dl.linkSpeedGbps)
                if ($speed -gt 0) { $out += [pscustomobject]@{ speedGbps = $speed; rdma = ([bool]$sl.rdma -and [bool]$dl.rdma) } }
                break
            }
        }
    }
    return $out
}

# Seconds a move of $Vm takes: pre-copy of its memory (a running VM; an Off VM moves only its
# configuration), after, for -IncludeStorage, the model's storage phase: the disks' file bytes
# (what Get-VHD FileSize says, a differencing disk's parent included) over SMB, shared by the k
# moves (core/simulate/pre-copy.ts storageSeconds; core/move/predict.ts predicts the same).
function Get-LabMoveSeconds([object]$Src, [object]$Vm, [object]$Dst, [bool]$IncludeStorage, [int]$Concurrent) {
    $links = @(Get-LabSharedLinks $Src $Dst)
    $linkGbps = 10; $count = 1; $rdma = $false
    if ($links.Count -gt 0) {
        $linkGbps = ($links | ForEach-Object { $_.speedGbps } | Measure-Object -Maximum).Maximum
        $count = $links.Count
        $rdma = @($links | Where-Object { -not $_.rdma }).Count -eq 0
    }
    $link = $linkGbps * 1e9 / 8
    $k = [Math]::Max(1, $Concurrent)
    # Wire bytes/s of one of k moves: one TCP stream is CPU-bound (perStreamBytesPerSecond 338e6),
    # k moves share the link (tcpEfficiency 0.9); SMB Multichannel opens 4 streams per link, SMB Direct is not stream-bound.
    $smbPer = 0.9 * $link; if ($rdma) { $smbPer = 0.95 * $link }
    $smbStream = 4 * $count * 338e6; if ($rdma) { $smbStream = [double]::PositiveInfinity }
    $smb = [Math]::Min($smbStream, [Math]::Min($count * $smbPer, 3 * 56e9 / 8) / $k)
    $option = [string]$Src.settings.virtualMachineMigrationPerformanceOption
    $b = [Math]::Min(338e6, 0.9 * $link / $k)
    if ($option -eq 'SMB') { $b = $smb }
    # Compression: 2:1, bounded by 4 idle cores at 250e6 bytes/s each, shared by the k moves.
    if ($option -ne 'SMB' -and $option -ne 'TCPIP') { $b = [Math]::Min(2 * $b, 4 * 250e6 / $k) }
    $m = 0
    if ([string]$Vm.state -eq 'Running') { $m = [double]$Vm.memoryStartupBytes }
    $d = [double](Get-LabProp $Vm 'dirtyBytesPerSecond' 200e6)
    $remaining = $m; $sent = 0; $seconds = 2.25; $rounds = 0
    while ($remaining -gt 100e6) {
        if ($rounds -ge 10) { break }
        if ($rounds -gt 0 -and ($sent + $remaining) -ge 3 * $m) { break }
        $t = $remaining / $b
        $sent += $remaining; $seconds += $t; $rounds++
        $remaining = [Math]::Min($d * $t, 2 * [Math]::Pow(1024, 3))
    }
    $seconds += $remaining / $b + 0.03
    if ($IncludeStorage) {
        $bytes = 0
        foreach ($disk in @(Get-LabProp $Vm 'disks' @())) {
            if ([bool](Get-LabProp $disk 'passThrough' $false)) { continue }
            $size = [double](Get-LabProp $disk 'sizeBytes' 0)
            $bytes += [double](Get-LabProp $disk 'fileSizeBytes' $size)
            if ([string](Get-LabProp $disk 'parentPath' '') -ne '') { $bytes += [double](Get-LabProp $disk 'parentFileSizeBytes' $size) }
        }
        # The disks go over SMB whatever the memory's option.
        if ($bytes -gt 0 -and $smb -gt 0) { $seconds += $bytes / $smb }
    }
    return $seconds
}

# ---- the migrations folder ---------------------------------------------------------------

function Get-LabMigrationsDir { return Join-Path (Get-LabDir) 'migrations' }

function Get-LabMigrationRecords {
    $dir = Get-LabMigrationsDir
    if (-not [IO.Directory]::Exists($dir)) { return }
    $out = @()
    foreach ($f in [IO.Directory]::GetFiles($dir, '*.json')) {
        try { $m = Read-LabJson $f } catch { $m = $null }
        if ($null -ne $m) { $out += $m }
    }
    return $out
}

function Get-LabStopTicks([string]$Id) {
    $path = Join-Path (Get-LabMigrationsDir) "$Id.stop"
    if (-not [IO.File]::Exists($path)) { return $null }
    try { return [long]([IO.File]::ReadAllText($path).Trim()) } catch { return $null }
}

# Marks a host down as a fault would (the module reads faults on every call).
function Set-LabHostDown([string]$Name) {
    $path = Join-Path (Join-Path (Get-LabDir) 'faults') "$Name.json"
    $fault = Read-LabJson $path
    if ($null -eq $fault) { $fault = New-Object psobject }
    $fault | Add-Member -NotePropertyName unreachable -NotePropertyValue $true -Force
    $null = [IO.Directory]::CreateDirectory((Split-Path $path))
    Write-LabJson $path $fault
}

# Lands one move whose moment has come (or that was stopped in time), under both hosts' locks.
function Complete-LabMigration([object]$M) {
    $names = @([string]$M.source, [string]$M.destination) | Sort-Object
    $l1 = Enter-LabLock $names[0]; $l2 = Enter-LabLock $names[1]
    try {
        $file = Join-Path (Get-LabMigrationsDir) "$($M.id).json"
        if (-not [IO.File]::Exists($file)) { return }
        $stop = Get-LabStopTicks ([string]$M.id)
        $cancelled = ($null -ne $stop) -and ($stop -lt [long]$M.decideTicks)
        $s = Get-LabHostState ([string]$M.source); $d = Get-LabHostState ([string]$M.destination)
        $vm = @(@(Get-LabProp $s 'vms' @()) | Where-Object { [string]$_.id -eq [string]$M.vmId }) | Select-Object -First 1
        if (-not $cancelled -and [string]$M.outcome -eq 'moved' -and $null -ne $vm) {
            $s.vms = @(@($s.vms) | Where-Object { [string]$_.id -ne [string]$M.vmId })
            if ([bool]$M.includeStorage -and -not [string]::IsNullOrEmpty([string]$M.storagePath)) {
                foreach ($disk in @(Get-LabProp $vm 'disks' @())) {
                    $leaf = ([string]$disk.path).Split('\')[-1]
                    $disk.path = ([string]$M.storagePath).TrimEnd('\') + '\' + $leaf
                }
            }
            $d.vms = @(@(Get-LabProp $d 'vms' @()) + $vm)
            if ([string]$vm.state -eq 'Running') {
                $mem = [long]$vm.memoryStartupBytes
                $d.memoryAvailableBytes = [long]$d.memoryAvailableBytes - $mem
                $s.memoryAvailableBytes = [long]$s.memoryAvailableBytes + $mem
            }
            Save-LabHostState $d.name $d; Save-LabHostState $s.name $s
        } elseif (-not $cancelled -and [string]$M.down -eq 'source' -and $null -ne $vm) {
            # The source went down and took the VM with it; the destination keeps the planned VM.
            $vm.state = 'Off'
            $planned = @(@(Get-LabProp $d 'plannedVms' @()) | Where-Object { [string]$_.id -ne [string]$vm.id }) + [pscustomobject]@{ id = [string]$vm.id; name = [string]$vm.name }
            $d | Add-Member -NotePropertyName plannedVms -NotePropertyValue $planned -Force
            Save-LabHostState $d.name $d; Save-LabHostState $s.name $s
            Set-LabHostDown ([string]$M.source)
        } elseif (-not $cancelled -and [string]$M.down -eq 'destination') {
            Set-LabHostDown ([string]$M.destination)
        }
        [IO.File]::Delete($file)
        $stopFile = Join-Path (Get-LabMigrationsDir) "$($M.id).stop"
        if ([IO.File]::Exists($stopFile)) { [IO.File]::Delete($stopFile) }
    } finally { $l2.Dispose(); $l1.Dispose() }
}

# Lands every move whose decided moment has passed, or that was stopped before it.
function Sync-LabMigrations {
    $records = @(Get-LabMigrationRecords)
    if ($records.Count -eq 0) { return }
    $now = [DateTime]::UtcNow.Ticks
    foreach ($m in $records) {
        $stop = Get-LabStopTicks ([string]$m.id)
        if ($now -ge [long]$m.decideTicks -or $null -ne $stop) { Complete-LabMigration $m }
    }
}

# Moves still under way that involve the host (as source or destination).
function Get-LabActiveMigrationCount([string]$Name) {
    return @(@(Get-LabMigrationRecords) | Where-Object { [string]$_.source -eq $Name -or [string]$_.destination -eq $Name }).Count
}

# ---- Move-VM -----------------------------------------------------------------------------

# The outcome of a move started now: @{ fail = $null | @{ message; hresult; atSeconds }; down }.
function Get-LabMoveOutcome([object]$Src, [object]$Vm, [object]$Dst, [bool]$IncludeStorage, [double]$TotalSeconds) {
    $vmName = [string]$Vm.name; $srcName = [string]$Src.name; $dstName = [string]$Dst.name
    foreach ($h in @(@($Src, $Dst))) {
        $limit = [int]$h.settings.maximumVirtualMachineMigrations
        if ((Get-LabActiveMigrationCount ([string]$h.name)) -ge $limit) {
            return @{ fail = @{ message = (Get-LabText 'MigrationLimit' @($vmName, $srcName, $limit, [string]$h.name)); hresult = $script:LabHr.Busy; atSeconds = 0 } }
        }
    }
    $refused = Test-LabMigrationPath $Src $Vm $Dst $IncludeStorage
    if ($null -ne $refused) {
        $at = $script:LabMoveRefusedSeconds
        if ($refused.Exception.HResult -eq -2147014836) { $at = $script:LabMoveTimeoutSeconds }
        return @{ fail = @{ message = [string]$refused.Exception.Message; hresult = [int]$refused.Exception.HResult; atSeconds = $at } }
    }
    $vmObj = New-LabVM $Src $Vm
    $id = [string]$Vm.id
    $incompatible = Get-LabIncompatibilities $Src $Vm $vmObj $Dst
    foreach ($i in $incompatible) {
        if ($i.MessageId -eq 32000) {
            return @{ fail = @{ message = (Get-LabText 'OutOfMemory' @($vmName, $dstName, $id)); hresult = $script:LabHr.OutOfMemory; atSeconds = $script:LabMovePlannedVmSeconds } }
        }
        if ($i.MessageId -eq 33012) {
            return @{ fail = @{ message = (Get-LabText 'SwitchMissing' @($vmName, $dstName, $id, [string]$i.Source.SwitchName)); hresult = $script:LabHr.NotFound; atSeconds = (0.05 * $TotalSeconds) } }
        }
        return @{ fail = @{ message = (Get-LabText 'MoveIncompatible' @($vmName, $dstName, $id, [string]$i.Message)); hresult = $script:LabHr.Generic; atSeconds = $script:LabMoveRefusedSeconds } }
    }
    if (-not $IncludeStorage) {
        $local = Get-LabLocalStorageIncompatibilities $Src $Vm $vmObj
        if ($local.Count -gt 0) {
            return @{ fail = @{ message = (Get-LabText 'MoveIncompatible' @($vmName, $dstName, $id, [string]$local[0].Message)); hresult = $script:LabHr.FileNotFound; atSeconds = $script:LabMovePlannedVmSeconds } }
        }
    }
    foreach ($side in @('destination', 'source')) {
        $h = $Dst; if ($side -eq 'source') { $h = $Src }
        $fraction = [double](Get-LabProp (Get-LabFault ([string]$h.name)) 'downDuringMove' -1)
        if ($fraction -ge 0 -and $fraction -lt 1) {
            $text = Get-LabText 'ConnectionReset' @($vmName, $srcName)
            $hr = $script:LabHr.ConnectionReset
            if ($side -eq 'source') { $text = Get-LabUnreachableText $srcName; $hr = $script:LabHr.Unreachable }
            return @{ fail = @{ message = $text; hresult = $hr; atSeconds = ($fraction * $TotalSeconds) }; down = $side }
        }
    }
    return @{ fail = $null }
}

function LabImpl-Move-VM($Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('CompatibilityReport') -or $Bound.ContainsKey('DestinationCimSession') -or $Bound.ContainsKey('VirtualMachinePath') -or $Bound.ContainsKey('Vhds')) {
        throw 'HyperVLab: only -Name/-VM with -DestinationHost (and -IncludeStorage -DestinationStoragePath) are simulated.'
    }
    $pair = Resolve-LabCompareTarget $Cmdlet $Bound
    $vm = $pair[1]
    $srcName = Enter-LabHost ([string]$pair[0].name) -Mutating
    $dstName = Enter-LabHost ([string]$Bound['DestinationHost'])
    if (-not $Cmdlet.ShouldProcess([string]$vm.name, "Move-VM to $dstName")) { return }
    $includeStorage = $Bound.ContainsKey('IncludeStorage') -and [bool]$Bound['IncludeStorage']
    $storagePath = ''
    if ($Bound.ContainsKey('DestinationStoragePath')) { $storagePath = [string]$Bound['DestinationStoragePath'] }
    $dir = Get-LabMigrationsDir
    $null = [IO.Directory]::CreateDirectory($dir)
    $record = $null
    $fail = $null
    # Both hosts' locks while the limit is counted and the move recorded, so two moves started at
    # once cannot both take the last slot.
    $names = @($srcName, $dstName) | Sort-Object
    $l1 = Enter-LabLock $names[0]; $l2 = Enter-LabLock $names[1]
    try {
        $src = Get-LabHostState $srcName; $dst = Get-LabHostState $dstName
        $vm = @(@(Get-LabProp $src 'vms' @()) | Where-Object { [string]$_.id -eq [string]$vm.id }) | Select-Object -First 1
        if ($null -eq $vm) { throw (New-LabErrorRecord (Get-LabText 'VmNotFound' @([string]$pair[1].name)) 'ObjectNotFound' ObjectNotFound $srcName) }
        $concurrent = 1 + (Get-LabActiveMigrationCount $srcName)
        $total = Get-LabMoveSeconds $src $vm $dst $includeStorage $concurrent
        $outcome = Get-LabMoveOutcome $src $vm $dst $includeStorage $total
        $fail = $outcome.fail
        $start = [DateTime]::UtcNow.Ticks
        $totalTicks = ConvertTo-LabTicks $total
        $decide = $start + $totalTicks
        if ($null -ne $fail) { $decide = $start + (ConvertTo-LabTicks ([double]$fail.atSeconds)) }
        $down = ''; if ($outcome.ContainsKey('down')) { $down = [string]$outcome.down }
        $result = 'moved'; if ($null -ne $fail) { $result = 'failed' }
        $record = [ordered]@{
            id = [guid]::NewGuid().ToString('N'); vmId = [string]$vm.id; vmName = [string]$vm.name
            source = $srcName; destination = $dstName; startTicks = $start; decideTicks = $decide; totalTicks = $totalTicks
            modelSeconds = $total; outcome = $result; down = $down; includeStorage = $includeStorage; storagePath = $storagePath
        }
        # A move refused at once (the limit) is not under way: it takes no slot.
        if ($null -eq $fail -or [double]$fail.atSeconds -gt 0) { Write-LabJson (Join-Path $dir "$($record.id).json") $record }
    } finally { $l2.Dispose(); $l1.Dispose() }

    $failMessage = $null; $failHr = 0
    if ($null -ne $fail) { $failMessage = [string]$fail.message; $failHr = [int]$fail.hresult }
    if ($Bound.ContainsKey('AsJob') -and [bool]$Bound['AsJob']) {
        $stopPath = Join-Path $dir "$($record.id).stop"
        $job = New-Object HyperVLab.MigrationJob 'Move-VM', ([string]$record.vmName), $srcName, ([long]$record.startTicks), ([long]$record.decideTicks), ([long]$record.totalTicks), $failMessage, $failHr, $stopPath
        $Cmdlet.JobRepository.Add($job)
        return $job
    }
    $wait = [long]$record.decideTicks - [DateTime]::UtcNow.Ticks
    if ($wait -gt 0) { Start-Sleep -Milliseconds ([int][Math]::Ceiling($wait / 10000)) }
    Sync-LabMigrations
    if ($null -ne $fail) {
        $ex = New-Object System.Runtime.InteropServices.COMException $failMessage, $failHr
        throw (New-LabErrorRecord $failMessage 'OperationFailed' ([Management.Automation.ErrorCategory]::OperationStopped) ([string]$record.vmName) $ex)
    }
    if ($Bound.ContainsKey('Passthru')) {
        $state = Get-LabHostState $dstName
        foreach ($v in @(Get-LabProp $state 'vms' @())) { if ([string]$v.id -eq [string]$record.vmId) { New-LabVM $state $v } }
    }
}
