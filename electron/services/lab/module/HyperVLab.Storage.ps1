# A lab host's volumes and folders, for the shared-nothing storage check (issue 14 item 3).
#
# Host state (hosts/<NAME>.json):
#   volumes  [{ driveLetter, label, sizeBytes, freeBytes, readOnly }]  (default: one C: of 1 TiB, 800 GiB free)
#   folders  ['D:\VMs', '\\fs01\vms', …]  folders that exist besides the host's default VM and VHD
#            folders and the folders of its VMs' disks
# Get-Volume is the Storage module's (CDXML): it takes -CimSession, never -ComputerName. The lab
# answers for the host of the remote session it runs in (Invoke-HyperVLabOnHost), as the real
# cmdlet answers for the computer its CIM session reaches; -CimSession itself is not simulated.
# Test-HyperVLabStoragePath stands in for the file-system part of the real probe block
# (get-storage-target.ps1): whether the folder exists and a file can be created in it.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

function Get-LabVolumes([object]$State) {
    $vols = @(Get-LabProp $State 'volumes' @())
    if ($vols.Count -eq 0) { $vols = @([pscustomobject]@{ driveLetter = 'C'; label = 'System'; sizeBytes = [long]1099511627776; freeBytes = [long]858993459200; readOnly = $false }) }
    return $vols
}

# The host's volume holding $Path (a drive-letter path), or $null (a UNC path, an unknown drive).
function Find-LabVolume([object]$State, [string]$Path) {
    if ($Path -notmatch '^([A-Za-z]):(\\|$)') { return $null }
    $letter = $Matches[1].ToUpperInvariant()
    foreach ($v in (Get-LabVolumes $State)) { if (([string]$v.driveLetter).ToUpperInvariant() -eq $letter) { return $v } }
    return $null
}

function New-LabVolumeObject([object]$V) {
    $o = [pscustomobject]@{
        DriveLetter = [char]([string]$V.driveLetter)
        FileSystemLabel = [string](Get-LabProp $V 'label' '')
        FileSystem = 'NTFS'
        DriveType = 'Fixed'
        HealthStatus = 'Healthy'
        Size = [uint64]$V.sizeBytes
        SizeRemaining = [uint64]$V.freeBytes
        Path = "\\?\Volume{lab-$(([string]$V.driveLetter).ToUpperInvariant())}\"
    }
    $o.PSObject.TypeNames.Insert(0, 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_Volume')
    return $o
}

# The CDXML "not found" error: ObjectNotFound, Windows' wording for a query that matched nothing.
function New-LabVolumeNotFound([string]$Property, [string]$Value) {
    $text = "No MSFT_Volume objects found with property '$Property' equal to '$Value'.  Verify the value of the property and retry."
    return New-LabErrorRecord $text "CmdletizationQuery_NotFound_$Property,Get-Volume" ObjectNotFound $Value (New-Object System.Management.Automation.ItemNotFoundException $text)
}

function LabImpl-Get-Volume($Cmdlet, [hashtable]$Bound) {
    $name = Enter-LabCimHost 'Get-Volume' $Bound
    $s = Get-LabHostState $name
    if ($Bound.ContainsKey('FilePath')) {
        $path = [string]$Bound['FilePath']
        $v = Find-LabVolume $s $path
        if ($null -eq $v -or -not (Test-LabFolder $s $path)) { $Cmdlet.WriteError((New-LabVolumeNotFound 'FilePath' $path)); return }
        New-LabVolumeObject $v
        return
    }
    if ($Bound.ContainsKey('DriveLetter')) {
        foreach ($l in @($Bound['DriveLetter'])) {
            $hit = @(Get-LabVolumes $s | Where-Object { ([string]$_.driveLetter).ToUpperInvariant() -eq ([string]$l).ToUpperInvariant() })
            if ($hit.Count -eq 0) { $Cmdlet.WriteError((New-LabVolumeNotFound 'DriveLetter' ([string]$l))); continue }
            New-LabVolumeObject $hit[0]
        }
        return
    }
    foreach ($k in @('ObjectId', 'UniqueId', 'Path', 'FileSystemLabel', 'Partition', 'DiskImage', 'StorageSubSystem', 'StoragePool', 'StorageNode', 'StorageFileServer', 'FileShare', 'StorageJob', 'AsJob')) {
        if ($Bound.ContainsKey($k)) { throw "HyperVLab: Get-Volume -$k is not simulated." }
    }
    foreach ($v in (Get-LabVolumes $s)) { New-LabVolumeObject $v }
}

function Get-LabFolderKey([string]$Path) { return $Path.TrimEnd('\').ToLowerInvariant() }

# The folders a host has: its state's `folders`, its default VM and VHD folders, its VMs' disk
# folders, and every parent of those (a folder's parents exist), plus each volume's root.
function Get-LabFolders([object]$State) {
    $h = New-LabVMHost ([string]$State.name)
    $list = @(@(Get-LabProp $State 'folders' @()) + @($h.VirtualMachinePath, $h.VirtualHardDiskPath))
    foreach ($vm in @(Get-LabProp $State 'vms' @())) {
        foreach ($d in @(Get-LabProp $vm 'disks' @())) {
            $p = [string](Get-LabProp $d 'path' '')
            $cut = $p.LastIndexOf('\')
            if ($cut -gt 2) { $list += $p.Substring(0, $cut) }
        }
    }
    $set = @{}
    foreach ($v in (Get-LabVolumes $State)) { $set[(Get-LabFolderKey "$($v.driveLetter):")] = $true }
    foreach ($f in $list) {
        $p = ([string]$f).TrimEnd('\')
        while ($p.Length -gt 0) {
            $set[(Get-LabFolderKey $p)] = $true
            $cut = $p.LastIndexOf('\')
            if ($cut -le 1) { break }
            $p = $p.Substring(0, $cut)
        }
    }
    return $set
}

function Test-LabFolder([object]$State, [string]$Path) { return (Get-LabFolders $State).ContainsKey((Get-LabFolderKey $Path)) }

# What the real probe finds on the host: the folder exists, and a file can be created in it (not
# on a read-only volume). Faults (unreachable, access denied) apply as for a remote session.
function Test-HyperVLabStoragePath {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName, [Parameter(Mandatory = $true)][string]$Path)
    $name = Enter-LabHost $ComputerName
    $s = Get-LabHostState $name
    $exists = Test-LabFolder $s $Path
    $v = Find-LabVolume $s $Path
    $writable = $exists -and -not ($null -ne $v -and [bool](Get-LabProp $v 'readOnly' $false))
    return [pscustomobject]@{ exists = $exists; writable = $writable }
}
