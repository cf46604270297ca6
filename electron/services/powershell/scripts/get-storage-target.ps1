# Where a shared-nothing move puts the VM's files on the destination, and whether they fit
# (issue 14 item 3): the folder (-DestinationStoragePath, else the host's default virtual hard
# disk folder), whether it exists and a file can be created in it, and its volume's size and
# free space (Get-Volume -FilePath). Read only when the test includes storage.
# Input: { computerName, path? }. Output: { path, chosen, exists, writable, volume?, volumeError? }.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

# Runs on the destination (remoting: self-contained; the path comes as an argument, never as
# text). The write test creates a uniquely named file that the system deletes when it is closed,
# so nothing is left behind. Get-Volume -FilePath needs a path that exists: a folder that does
# not exist yet is measured on its deepest existing parent.
$FerryStorageProbe = {
    param([string]$Path)
    $r = [ordered]@{ exists = [bool](Test-Path -LiteralPath $Path -PathType Container); writable = $false }
    if ($r['exists']) {
        $probe = Join-Path $Path ('.ferry-write-test-' + [guid]::NewGuid().ToString('N') + '.tmp')
        try {
            $stream = New-Object System.IO.FileStream $probe, ([IO.FileMode]::CreateNew), ([IO.FileAccess]::Write), ([IO.FileShare]::None), 1, ([IO.FileOptions]::DeleteOnClose)
            $stream.Dispose()
            $r['writable'] = $true
        } catch { $r['writable'] = $false }
    }
    $at = $Path
    while (-not [string]::IsNullOrEmpty($at) -and -not (Test-Path -LiteralPath $at -PathType Container)) { $at = [IO.Path]::GetDirectoryName($at) }
    # A UNC share has no local volume: its free space is the file server's to tell.
    if (-not [string]::IsNullOrEmpty($at) -and -not $Path.StartsWith('\\')) {
        try {
            $v = Get-Volume -FilePath $at -ErrorAction Stop
            $r['volume'] = [ordered]@{ driveLetter = [string]$v.DriveLetter; label = [string]$v.FileSystemLabel; sizeBytes = [int64]$v.Size; freeBytes = [int64]$v.SizeRemaining }
        } catch { $r['volumeError'] = $_.Exception.Message }
    }
    [pscustomobject]$r
}

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $path = ''
    if ($null -ne $in.PSObject.Properties['path'] -and $null -ne $in.path) { $path = [string]$in.path }
    $chosen = ($path -ne '')
    if (-not $chosen) {
        # Without -DestinationStoragePath the files go to the destination's default folder.
        $on = Get-FerryOn $c
        $path = [string](Get-VMHost @on).VirtualHardDiskPath
    }
    if (Test-FerryLab) {
        # The lab's stand-in for the probe block's file-system part; Get-Volume is the lab's model,
        # run in the lab host's remote session as the real probe block runs it.
        $fs = Test-HyperVLabStoragePath -ComputerName $c -Path $path
        $r = [ordered]@{ exists = [bool]$fs.exists; writable = [bool]$fs.writable }
        $at = $path
        if (-not $fs.exists -and $path -match '^[A-Za-z]:\\') { $at = $path.Substring(0, 3) }
        if (-not $path.StartsWith('\\')) {
            try {
                $v = Invoke-HyperVLabOnHost -ComputerName $c -ArgumentList $at -ScriptBlock { param($p) Get-Volume -FilePath $p -ErrorAction Stop }
                $r['volume'] = [ordered]@{ driveLetter = [string]$v.DriveLetter; label = [string]$v.FileSystemLabel; sizeBytes = [int64]$v.Size; freeBytes = [int64]$v.SizeRemaining }
            } catch { $r['volumeError'] = $_.Exception.Message }
        }
        $probe = [pscustomobject]$r
    } else {
        $probe = Invoke-Command -ComputerName $c -ArgumentList $path -ScriptBlock $FerryStorageProbe -ErrorAction Stop
    }
    $out = [ordered]@{ path = $path; chosen = $chosen; exists = [bool]$probe.exists; writable = [bool]$probe.writable }
    if ($null -ne $probe.PSObject.Properties['volume'] -and $null -ne $probe.volume) {
        $v = $probe.volume
        $out['volume'] = [ordered]@{ driveLetter = [string]$v.driveLetter; label = [string]$v.label; sizeBytes = [int64]$v.sizeBytes; freeBytes = [int64]$v.freeBytes }
    }
    if ($null -ne $probe.PSObject.Properties['volumeError'] -and $null -ne $probe.volumeError) { $out['volumeError'] = [string]$probe.volumeError }
    return $out
}
