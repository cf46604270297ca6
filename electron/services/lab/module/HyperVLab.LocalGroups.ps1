# HyperVLab: local groups of the simulated hosts (dot-sourced by HyperVLab.psm1).
#
# Get-LocalGroupMember has no -ComputerName; on real Windows it runs on the host inside
# Invoke-Command. The lab's stand-in for that remote session is Invoke-HyperVLabOnHost
# (HyperVLab.Sessions.ps1): it
# applies the host's faults (unreachable, access denied) and makes it the host the lab's
# Get-LocalGroupMember answers for. Group state is hosts/<NAME>.json `localGroups`:
#   [{ sid, name, members: [{ name, sid, objectClass, principalSource }] }]
# Runs on Windows PowerShell 5.1 and PowerShell 7.

# The account the lab's remote sessions run as: lab.json `operator`, else <NETBIOS>\ferry-lab
# (the lab directory's bind user), like a domain admin workstation session would.
function Get-HyperVLabIdentity {
    [CmdletBinding()]
    param()
    $cfg = Get-LabConfig
    $op = [string](Get-LabProp $cfg 'operator' '')
    if ($op -ne '') { return $op }
    $netbios = ([string]$cfg.domain).Split('.')[0].ToUpperInvariant()
    return "$netbios\ferry-lab"
}

# Lab files written before hosts had local groups: the defaults lab-init.ts writes today.
function Get-LabDefaultLocalGroups([string]$Name) {
    $netbios = ([string](Get-LabConfig).domain).Split('.')[0].ToUpperInvariant()
    return @(
        [pscustomobject]@{ sid = 'S-1-5-32-544'; name = 'Administrators'; members = @(
                [pscustomobject]@{ name = "$Name\Administrator"; sid = 'S-1-5-21-1000-1000-1000-500'; objectClass = 'User'; principalSource = 'Local' },
                [pscustomobject]@{ name = "$netbios\Domain Admins"; sid = 'S-1-5-21-2000-2000-2000-512'; objectClass = 'Group'; principalSource = 'ActiveDirectory' }) },
        [pscustomobject]@{ sid = 'S-1-5-32-578'; name = 'Hyper-V Administrators'; members = @(
                [pscustomobject]@{ name = (Get-HyperVLabIdentity); sid = 'S-1-5-21-2000-2000-2000-1105'; objectClass = 'User'; principalSource = 'ActiveDirectory' }) }
    )
}

# Get-LocalGroupMember with the real parameter sets (Group | Name | SID, optional Member). -SID is
# a string here: SecurityIdentifier throws "not supported on this platform" off Windows; the
# real cmdlet converts the same 'S-1-5-32-578' string to its SecurityIdentifier parameter.
function Get-LocalGroupMember {
    [CmdletBinding(DefaultParameterSetName = 'Default')]
    param(
        [Parameter(ParameterSetName = 'Default', Mandatory = $true, Position = 0, ValueFromPipeline = $true)][object]$Group,
        [Parameter(ParameterSetName = 'Name', Mandatory = $true, Position = 0)][string]$Name,
        [Parameter(ParameterSetName = 'SecurityIdentifier', Mandatory = $true, Position = 0)][string]$SID,
        [Parameter(Position = 1)][string]$Member
    )
    $hostName = $script:LabSessionHost
    if ($null -eq $hostName) { $hostName = Resolve-LabHostName '' }
    $groups = @()
    if ($null -ne $hostName) {
        $state = Get-LabHostState $hostName
        $groups = @(Get-LabProp $state 'localGroups' $null)
        if ($null -eq (Get-LabProp $state 'localGroups' $null)) { $groups = Get-LabDefaultLocalGroups $hostName }
    }
    $wanted = $null
    $label = ''
    switch ($PSCmdlet.ParameterSetName) {
        'SecurityIdentifier' { $label = $SID; $wanted = @($groups | Where-Object { [string]$_.sid -eq $SID }) }
        'Name' { $label = $Name; $wanted = @($groups | Where-Object { [string]$_.name -eq $Name }) }
        default {
            $label = [string](Get-LabProp $Group 'Name' $Group)
            $gsid = [string](Get-LabProp $Group 'SID' '')
            $wanted = @($groups | Where-Object { ($gsid -ne '' -and [string]$_.sid -eq $gsid) -or [string]$_.name -eq $label })
        }
    }
    if ($wanted.Count -eq 0) { throw (New-LabErrorRecord "Group $label was not found." 'GroupNotFound,Microsoft.PowerShell.Commands.GetLocalGroupMemberCommand' ObjectNotFound $label) }
    $members = @(Get-LabProp $wanted[0] 'members' @())
    if ($PSBoundParameters.ContainsKey('Member')) {
        $members = @($members | Where-Object { [string]$_.name -like $Member -or ([string]$_.name).Split('\')[-1] -like $Member })
        if ($members.Count -eq 0) { throw (New-LabErrorRecord "Principal $Member was not found in group $label." 'PrincipalNotFound,Microsoft.PowerShell.Commands.GetLocalGroupMemberCommand' ObjectNotFound $Member) }
    }
    foreach ($m in $members) {
        # ObjectClass is a display word (German Windows: "Benutzer", "Gruppe"), as the real one is.
        $class = [string](Get-LabProp $m 'objectClass' 'User')
        $shown = Get-LabText $class
        if ($null -eq $shown) { $shown = $class }
        [pscustomobject]@{
            Name = [string]$m.name
            SID = [string]$m.sid
            PrincipalSource = [string](Get-LabProp $m 'principalSource' 'Unknown')
            ObjectClass = [string]$shown
        }
    }
}
