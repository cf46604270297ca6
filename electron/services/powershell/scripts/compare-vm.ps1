# Compare-VM for one VM against a destination host: Hyper-V's own check of the move.
# Input: { computerName, name, destinationHost, includeStorage?, destinationStoragePath?, vmId? }.
# Output: { name, vmId, incompatibilities: [{ messageId, message, source }],
#           error?: { message, codes }, plannedVm?: 'left-before' | 'removed' | 'remove-failed' }.
#
# - -Name is a wildcard to Hyper-V ("sql[1]" matches "sql1"), so the VM is resolved once — by Id
#   when given, else by exact name — and passed as the object (-VM).
# - -IncludeStorage for a move with its disks (shared nothing); without it Hyper-V expects the
#   disks on storage the destination reaches.
# - The check runs on the source's VMMS, which connects to the destination as a move does. When
#   Hyper-V refuses it (CredSSP started remotely, missing delegation, 6600 closed …) its error and
#   HRESULTs come back as data for the engine to map; unreachable / denied hosts stay errors.
# - A check can leave a planned VM (Msvm_PlannedComputerSystem) on the destination: one that
#   appeared during this check is removed; one that was there before is reported and left alone.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

# HRESULTs of a refused migration check (reference §6.1, §6.2).
$FerryMigrationCodes = @('0x8009030E', '0x8009030D', '0x80090322', '0x8007274D', '0x8007274C', '0x80072746', '0x8007271D', '0x80070569')

function Get-FerryPlannedVm([string]$Computer, [string]$Id) {
    if (Test-FerryLab) { return @(Get-HyperVLabPlannedVM -ComputerName $Computer -Id $Id) }
    # The filter holds a GUID's text only (hex digits and dashes), never input text.
    $filter = "Name='" + ([guid]$Id).ToString() + "'"
    return @(Get-CimInstance -ComputerName $Computer -Namespace 'root\virtualization\v2' -ClassName 'Msvm_PlannedComputerSystem' -Filter $filter)
}

function Remove-FerryPlannedVm([string]$Computer, [string]$Id) {
    if (Test-FerryLab) { Remove-HyperVLabPlannedVM -ComputerName $Computer -Id $Id; return $true }
    $service = Get-CimInstance -ComputerName $Computer -Namespace 'root\virtualization\v2' -ClassName 'Msvm_VirtualSystemManagementService'
    foreach ($p in @(Get-FerryPlannedVm $Computer $Id)) {
        $r = Invoke-CimMethod -InputObject $service -MethodName 'DestroySystem' -Arguments @{ AffectedSystem = $p }
        # 0 = done, 4096 = a job was started to do it.
        if ([int]$r.ReturnValue -ne 0 -and [int]$r.ReturnValue -ne 4096) { return $false }
    }
    return $true
}

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $name = [string]$in.name
    $destination = [string]$in.destinationHost
    $byId = ''
    if ($null -ne $in.PSObject.Properties['vmId']) { $byId = [string]$in.vmId }
    $target = Resolve-FerryVm -ComputerName $c -Name $name -WantedId $byId -Then 'test again'
    $id = [string]$target.Id

    $plannedBefore = $null
    try { $plannedBefore = @(Get-FerryPlannedVm $destination $id).Count -gt 0 } catch { $plannedBefore = $null }

    # -IncludeStorage is always bound, $false included: -VM with -DestinationHost alone fits both the
    # VMSingleDestination and VMMultipleDestinations parameter sets, which the binder cannot choose.
    $params = @{ VM = $target; DestinationHost = $destination; IncludeStorage = $false }
    if ($null -ne $in.PSObject.Properties['includeStorage'] -and [bool]$in.includeStorage) {
        $params['IncludeStorage'] = $true
        if ($null -ne $in.PSObject.Properties['destinationStoragePath'] -and -not [string]::IsNullOrEmpty([string]$in.destinationStoragePath)) {
            $params['DestinationStoragePath'] = [string]$in.destinationStoragePath
        }
    }
    $out = [ordered]@{ name = $name; vmId = $id; incompatibilities = @() }
    $report = $null
    try {
        $report = Compare-VM @params
    } catch {
        $facts = Get-FerryErrorFacts $_
        $refused = @($facts.codes | Where-Object { $FerryMigrationCodes -contains $_ })
        if ($refused.Count -eq 0) { throw }
        $out['error'] = [ordered]@{ message = [string]$_.Exception.Message; codes = @($facts.codes) }
    }
    if ($null -ne $report) {
        $items = @()
        foreach ($i in @($report.Incompatibilities)) {
            $src = ''
            if ($null -ne $i.Source) { $src = $i.Source.GetType().FullName }
            $items += [ordered]@{ messageId = [int64]$i.MessageId; message = [string]$i.Message; source = $src }
        }
        $out['incompatibilities'] = $items
    }

    if ($plannedBefore -eq $true) {
        $out['plannedVm'] = 'left-before'
    } elseif ($plannedBefore -eq $false) {
        try {
            if (@(Get-FerryPlannedVm $destination $id).Count -gt 0) {
                $out['plannedVm'] = 'remove-failed'
                if (Remove-FerryPlannedVm $destination $id) { $out['plannedVm'] = 'removed' }
            }
        } catch { $out['plannedVm'] = 'remove-failed' }
    }
    return $out
}
