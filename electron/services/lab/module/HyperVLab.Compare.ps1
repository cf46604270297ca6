# HyperVLab: Compare-VM (dot-sourced by HyperVLab.psm1), refusing what the real one refuses.
#
# Compare-VM -DestinationHost is not a passive check: the source's VMMS connects to the
# destination's migration listener (TCP 6600 on its incoming networks) and authenticates as it
# would for a move. So, like the real cmdlet, the lab's fails with the move's own errors when
#   - migration is off on the source, or off on the destination (its listener is off: refused),
#   - TCP 6600 is closed (refused, 0x8007274D) or dropped (timeout, 0x8007274C),
#   - the destination accepts no network the source has a link in (refused, KB 2853203),
#   - the source uses CredSSP and the check was started from another computer (0x8009030E),
#   - Kerberos: the source account lacks the delegation entries for the destination in the lab
#     directory (0x8009030D), or "use any authentication protocol" for a remote start (0x8009030E),
#   - Kerberos across domains: classic delegation does not cross domains, so without the
#     destination's resource-based delegation naming the source it fails as missing (0x8009030D),
#   - Kerberos: a second account holds the destination's migration SPN (0x80090322).
# A VM on local disks fails the VM-only check (no -IncludeStorage). -Name is a wildcard, as in
# Hyper-V. A check that reaches the destination may leave a planned VM there (fault
# `compareLeavesPlannedVm` on the destination), which the scripts must find and remove.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

# ---- the lab directory's view of delegation ------------------------------------------------

# The source's computer account as the lab directory saved it (directory.json), or $null.
function Get-LabDirectoryAccount([string]$Name) {
    $saved = Read-LabJson (Join-Path (Get-LabDir) 'directory.json')
    if ($null -eq $saved) { return $null }
    foreach ($e in @($saved.entries)) {
        $sam = @(Get-LabProp $e.attributes 'sAMAccountName' @())
        if ($sam.Count -gt 0 -and [string]$sam[0] -ieq "$Name`$") { return $e.attributes }
    }
    return $null
}

# ---- checks-kerberos (issue 14 item 1): domains, RBCD and SPN holders in the lab directory ----

# The saved directory entries (dn + attributes), or an empty list.
function Get-LabDirectoryEntries {
    $saved = Read-LabJson (Join-Path (Get-LabDir) 'directory.json')
    if ($null -eq $saved) { return @() }
    return @($saved.entries)
}

# The entry (dn + attributes) of a host's computer account, or $null.
function Get-LabDirectoryEntry([string]$Name) {
    foreach ($e in (Get-LabDirectoryEntries)) {
        $sam = @(Get-LabProp $e.attributes 'sAMAccountName' @())
        if ($sam.Count -gt 0 -and [string]$sam[0] -ieq "$Name`$") { return $e }
    }
    return $null
}

# `CN=HV04,CN=Computers,DC=emea,DC=lab,DC=example` -> `emea.lab.example`.
function Get-LabDnDomain([string]$Dn) {
    $parts = @($Dn.Split(',') | Where-Object { $_ -match '^\s*DC=' } | ForEach-Object { ($_ -replace '^\s*DC=', '').ToLowerInvariant() })
    return ($parts -join '.')
}

# `S-1-5-21-…` as the lower-case hex of its binary form (what an ACE in an RBCD descriptor holds).
function ConvertTo-LabSidHex([string]$Sid) {
    $p = $Sid.Split('-')
    if ($p.Count -lt 3) { return '' }
    $subs = @($p | Select-Object -Skip 3)
    $hex = '{0:x2}{1:x2}' -f [int]$p[1], $subs.Count
    $auth = [int64]$p[2]
    for ($i = 5; $i -ge 0; $i--) { $hex += '{0:x2}' -f (($auth -shr (8 * $i)) -band 0xff) }
    foreach ($s in $subs) {
        $v = [uint32]$s
        for ($i = 0; $i -lt 4; $i++) { $hex += '{0:x2}' -f (($v -shr (8 * $i)) -band 0xff) }
    }
    return $hex
}

# True when the destination's RBCD descriptor (stored as hex) holds an ACE for the source's SID.
function Test-LabResourceBased([object]$From, [object]$To) {
    $sid = @(Get-LabProp $From.attributes 'objectSid' @())
    $rbcd = @(Get-LabProp $To.attributes 'msDS-AllowedToActOnBehalfOfOtherIdentity' @())
    if ($sid.Count -eq 0 -or $rbcd.Count -eq 0) { return $false }
    $needle = ConvertTo-LabSidHex ([string]$sid[0])
    return ($needle -ne '') -and ([string]$rbcd[0]).ToLowerInvariant().Contains($needle)
}

# How many directory objects hold the SPN (setspn -Q), compared case-insensitively.
function Get-LabSpnHolderCount([string]$Spn) {
    $n = 0
    foreach ($e in (Get-LabDirectoryEntries)) {
        foreach ($v in @(Get-LabProp $e.attributes 'servicePrincipalName' @())) {
            if ([string]$v -ieq $Spn) { $n++; break }
        }
    }
    return $n
}
# ---- end checks-kerberos ----

function Test-LabDelegatesTo([object]$Account, [string]$ServiceClass, [string]$Destination, [string]$Domain) {
    $targets = @("$ServiceClass/$Destination", "$ServiceClass/$($Destination.ToLowerInvariant()).$Domain")
    foreach ($v in @(Get-LabProp $Account 'msDS-AllowedToDelegateTo' @())) {
        foreach ($t in $targets) { if ([string]$v -ieq $t) { return $true } }
    }
    return $false
}

# ---- the network path ------------------------------------------------------------------

function ConvertTo-LabPrefix([string]$Subnet) {
    $parts = $Subnet.Split('/')
    $ip = $null
    if (-not [Net.IPAddress]::TryParse($parts[0], [ref]$ip)) { return $null }
    $bytes = $ip.GetAddressBytes()
    $len = $bytes.Length * 8
    if ($parts.Count -gt 1) { $len = [int]$parts[1] }
    return @{ bytes = $bytes; prefix = $len }
}

function Test-LabSubnetOverlap([string]$A, [string]$B) {
    $x = ConvertTo-LabPrefix $A; $y = ConvertTo-LabPrefix $B
    if ($null -eq $x -or $null -eq $y -or $x.bytes.Length -ne $y.bytes.Length) { return $false }
    $bits = [Math]::Min($x.prefix, $y.prefix)
    for ($i = 0; $i -lt $bits; $i++) {
        $mask = 128 -shr ($i % 8)
        if (($x.bytes[[int][Math]::Floor($i / 8)] -band $mask) -ne ($y.bytes[[int][Math]::Floor($i / 8)] -band $mask)) { return $false }
    }
    return $true
}

function Test-LabIncomingReachable([object]$Src, [object]$Dst) {
    if ([bool]$Dst.settings.useAnyNetworkForMigration) { return $true }
    foreach ($n in @(Get-LabProp $Dst 'migrationNetworks' @())) {
        foreach ($l in @(Get-LabProp $Src 'links' @())) { if (Test-LabSubnetOverlap ([string]$l.subnet) ([string]$n.subnet)) { return $true } }
    }
    return $false
}

# 'open', 'closed' (refused) or 'filtered' (dropped) for a port of a lab host, from its faults.
function Get-LabPortState([string]$Name, [int]$Port) {
    $fault = Get-LabFault $Name
    if ([bool](Get-LabProp $fault 'unreachable' $false)) { return 'filtered' }
    if (@(Get-LabProp $fault 'filteredPorts' @()) -contains $Port) { return 'filtered' }
    if (@(Get-LabProp $fault 'closedPorts' @()) -contains $Port) { return 'closed' }
    if (@(Get-LabProp (Get-LabHostState $Name) 'openPorts' @()) -contains $Port) { return 'open' }
    return 'closed'
}

# ---- the prerequisites -------------------------------------------------------------------

function New-LabMigrationError([string]$Key, [object[]]$Values, [int]$HResult, [object]$Target) {
    $message = Get-LabText $Key $Values
    $ex = New-Object System.Runtime.InteropServices.COMException $message, $HResult
    return New-LabErrorRecord $message 'OperationFailed' ([Management.Automation.ErrorCategory]::OperationStopped) $Target $ex
}

# The first thing Hyper-V would refuse a check or a move of $Vm from $Src to $Dst for, as the
# real ErrorRecord (text, HRESULT), or $null when the path is open.
function Test-LabMigrationPath([object]$Src, [object]$Vm, [object]$Dst, [bool]$IncludeStorage) {
    $vmName = [string]$Vm.name
    $srcName = [string]$Src.name
    $dstName = [string]$Dst.name
    if (-not [bool]$Src.settings.virtualMachineMigrationEnabled) {
        $message = Get-LabText 'SourceDisabled' @($vmName, $srcName)
        return New-LabErrorRecord $message 'InvalidOperation' ([Management.Automation.ErrorCategory]::InvalidOperation) $vmName
    }
    # Authentication: the check runs on the source's VMMS, started from the lab's workstation.
    $remote = (Resolve-LabHostName ([string](Get-LabConfig).localHost)) -ne $srcName
    $auth = [string]$Src.settings.virtualMachineMigrationAuthenticationType
    if ($auth -eq 'CredSSP' -and $remote) { return New-LabMigrationError 'NoCredentials' @($dstName) -2146893042 $vmName }
    if ($auth -eq 'Kerberos') {
        $account = Get-LabDirectoryAccount $srcName
        $domain = [string](Get-LabConfig).domain
        $delegates = ($null -ne $account) -and (Test-LabDelegatesTo $account 'Microsoft Virtual System Migration Service' $dstName $domain)
        if ($delegates -and $IncludeStorage) { $delegates = Test-LabDelegatesTo $account 'cifs' $dstName $domain }
        if (-not $delegates) { return New-LabMigrationError 'UnknownCredentials' @($dstName) -2146893043 $vmName }
        $uac = [int64](@(Get-LabProp $account 'userAccountControl' @('0'))[0])
        if ($remote -and -not (($uac -band 0x1000000) -ne 0)) { return New-LabMigrationError 'NoCredentials' @($dstName) -2146893042 $vmName }
        # Across domains the classic entries do nothing; only the destination's RBCD does.
        $fromEntry = Get-LabDirectoryEntry $srcName
        $toEntry = Get-LabDirectoryEntry $dstName
        if ($null -ne $fromEntry -and $null -ne $toEntry -and (Get-LabDnDomain ([string]$fromEntry.dn)) -ne (Get-LabDnDomain ([string]$toEntry.dn))) {
            if (-not (Test-LabResourceBased $fromEntry $toEntry)) { return New-LabMigrationError 'UnknownCredentials' @($dstName) -2146893043 $vmName }
        }
        if ((Get-LabSpnHolderCount "Microsoft Virtual System Migration Service/$dstName") -gt 1) { return New-LabMigrationError 'WrongPrincipal' @($dstName) -2146893022 $vmName }
    }
    # The connection to the destination's listener: off with migration, on its incoming networks only.
    $port = Get-LabPortState $dstName 6600
    if ($port -eq 'filtered') { return New-LabMigrationError 'TimedOut' @($dstName, $vmName, $srcName) -2147014836 $vmName }
    if ($port -eq 'closed' -or -not [bool]$Dst.settings.virtualMachineMigrationEnabled -or -not (Test-LabIncomingReachable $Src $Dst)) {
        return New-LabMigrationError 'Refused' @($dstName, $vmName, $srcName) -2147014835 $vmName
    }
    return $null
}

# ---- planned VMs -----------------------------------------------------------------------

# Planned VMs of a lab host (state `plannedVms`), as Msvm_PlannedComputerSystem shows them:
# Name = the VM's Id, ElementName = its name.
function Get-HyperVLabPlannedVM {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName, [string]$Id)
    $name = Enter-LabHost $ComputerName
    foreach ($p in @(Get-LabProp (Get-LabHostState $name) 'plannedVms' @())) {
        if ($PSBoundParameters.ContainsKey('Id') -and [string]$p.id -ne $Id) { continue }
        [pscustomobject]@{ Name = [string]$p.id; ElementName = [string]$p.name; ComputerName = $name }
    }
}

function Remove-HyperVLabPlannedVM {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName, [Parameter(Mandatory = $true)][string]$Id)
    $name = Enter-LabHost $ComputerName -Mutating
    Update-LabHost $name {
        param($s)
        $keep = @(@(Get-LabProp $s 'plannedVms' @()) | Where-Object { [string]$_.id -ne $Id })
        $s | Add-Member -NotePropertyName plannedVms -NotePropertyValue $keep -Force
    }
}

# A check that got as far as the destination and was cut short leaves its planned VM behind.
function Add-LabPlannedVM([string]$Name, [object]$Vm) {
    Update-LabHost $Name {
        param($s)
        $list = @(@(Get-LabProp $s 'plannedVms' @()) | Where-Object { [string]$_.id -ne [string]$Vm.id }) + [pscustomobject]@{ id = [string]$Vm.id; name = [string]$Vm.name }
        $s | Add-Member -NotePropertyName plannedVms -NotePropertyValue $list -Force
    }
}

# ---- Compare-VM ------------------------------------------------------------------------

# A disk path on the host's own drives (C:\…) rather than an SMB share (\\server\share\…).
function Test-LabLocalDisk([object]$Disk) {
    if ([bool](Get-LabProp $Disk 'passThrough' $false)) { return $false }
    return ([string]$Disk.path) -match '^[A-Za-z]:\\'
}

# Without -IncludeStorage the destination must open the VM's disks where they are: each disk on
# the source's own drives is an incompatibility (Compare-VM lists them; Move-VM fails on them).
function Get-LabLocalStorageIncompatibilities([object]$Src, [object]$Vm, [object]$VmObj) {
    $out = @()
    $i = 0
    foreach ($d in @(Get-LabProp $Vm 'disks' @())) {
        if (Test-LabLocalDisk $d) {
            $e = New-Object Microsoft.HyperV.PowerShell.VMCompatibilityError
            $e.MessageId = 40010
            $e.Message = Get-LabText 'LocalStorage' @([string]$d.path, [string]$Vm.name, [string]$Src.name)
            $e.Source = @($VmObj.HardDrives)[$i]
            $out += $e
        }
        $i++
    }
    return , $out
}

# The VM a migration cmdlet (Compare-VM, Move-VM) names: -VM (an object) or -Name, a wildcard as in Hyper-V, which must match
# exactly one VM on the source.
function Resolve-LabCompareTarget($Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('VM')) {
        $pairs = @(Get-LabVmPairs $Cmdlet @{ VM = $Bound['VM'] })
        if ($pairs.Count -eq 0) { throw (New-LabErrorRecord (Get-LabText 'VmNotFound' @([string]$Bound['VM'].Name)) 'ObjectNotFound' ObjectNotFound $Bound['VM'].ComputerName) }
        return $pairs[0]
    }
    $src = @(Get-LabTargets $Bound)[0]
    $name = Enter-LabHost $src
    $state = Get-LabHostState $name
    $found = @(Find-LabVms $state @([string]$Bound['Name']))
    if ($found.Count -eq 0) { throw (New-LabErrorRecord (Get-LabText 'VmNotFound' @([string]$Bound['Name'])) 'ObjectNotFound' ObjectNotFound $src) }
    if ($found.Count -gt 1) { throw (New-LabErrorRecord (Get-LabText 'VmAmbiguous' @([string]$Bound['Name'], $found.Count, $src)) 'InvalidParameter' InvalidArgument $src) }
    return , @($state, $found[0])
}

function LabImpl-Compare-VM($Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('CompatibilityReport') -or $Bound.ContainsKey('DestinationCimSession') -or $Bound.ContainsKey('Path') -or $Bound.ContainsKey('Vhds')) {
        throw 'HyperVLab: only -Name/-VM with -DestinationHost are simulated.'
    }
    $pair = Resolve-LabCompareTarget $Cmdlet $Bound
    $src = $pair[0]; $vm = $pair[1]
    $dstName = Enter-LabHost ([string]$Bound['DestinationHost'])
    $dst = Get-LabHostState $dstName
    $includeStorage = $Bound.ContainsKey('IncludeStorage') -and [bool]$Bound['IncludeStorage']
    $refused = Test-LabMigrationPath $src $vm $dst $includeStorage
    if ($null -ne $refused) { throw $refused }
    if ([bool](Get-LabProp (Get-LabFault $dstName) 'compareLeavesPlannedVm' $false)) { Add-LabPlannedVM $dstName $vm }
    $vmObj = New-LabVM $src $vm
    $report = New-Object Microsoft.HyperV.PowerShell.VMCompatibilityReport
    $report.VM = $vmObj
    $report.Destination = [string]$Bound['DestinationHost']
    $report.OperationType = [Microsoft.HyperV.PowerShell.OperationType]::MoveVirtualMachine
    $found = Get-LabIncompatibilities $src $vm $vmObj $dst
    $items = @($found)
    if ($includeStorage) {
        $report.OperationType = [Microsoft.HyperV.PowerShell.OperationType]::MoveVirtualMachineAndStorage
    } else {
        $items += (Get-LabLocalStorageIncompatibilities $src $vm $vmObj)
    }
    $report.Incompatibilities = [Microsoft.HyperV.PowerShell.VMCompatibilityError[]]$items
    return $report
}
