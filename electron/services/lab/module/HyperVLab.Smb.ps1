# A lab host's SMB client and server configuration and its SMB bandwidth limits (issue 14 item 4).
#
# Host state (hosts/<NAME>.json) `smb`:
#   client           { requireSecuritySignature, enableSecuritySignature, requireEncryption }
#   server           { requireSecuritySignature, enableSecuritySignature, encryptData, rejectUnencryptedAccess }
#   bandwidthLimits  [{ category: 'LiveMigration', bytesPerSecond }]
#   bandwidthFeature false = the SMB Bandwidth Limit feature (FS-SMBBW) is not installed
# Defaults are Windows': a Windows Server 2025 host (build 26100+) requires signing for its SMB
# client connections, older hosts do not; servers sign when asked and encrypt nothing.
# The SmbShare cmdlets are CDXML: -CimSession only. The lab answers for the host of the remote
# session it runs in (Invoke-HyperVLabOnHost): a local call there, with no round trip of its own.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

function Enter-LabCimHost([string]$Cmdlet, [hashtable]$Bound) {
    if ($Bound.ContainsKey('CimSession')) { throw "HyperVLab: -CimSession is not simulated; run $Cmdlet inside Invoke-HyperVLabOnHost." }
    if ($Bound.ContainsKey('AsJob')) { throw "HyperVLab: $Cmdlet -AsJob is not simulated." }
    $computer = $script:LabSessionHost
    if ([string]::IsNullOrEmpty($computer)) { $computer = [string](Get-LabConfig).localHost }
    # Inside a remote session this is a local call: the session paid the round trip.
    $name = Resolve-LabHostName $computer
    if ($null -eq $name) { throw (New-LabUnresolvedError $computer) }
    return $name
}

function Get-LabSmb([object]$State, [string]$Part) { return Get-LabProp (Get-LabProp $State 'smb' $null) $Part $null }

function Test-LabWs2025([object]$State) {
    $m = [regex]::Match([string](Get-LabProp $State 'osVersion' ''), '^\d+\.\d+\.(\d+)')
    return ($m.Success -and [int]$m.Groups[1].Value -ge 26100)
}

function New-LabCimObject([string]$Class, [hashtable]$Values) {
    $o = New-Object psobject -Property $Values
    $o.PSObject.TypeNames.Insert(0, "Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/SMB/$Class")
    return $o
}

function LabImpl-Get-SmbClientConfiguration($Cmdlet, [hashtable]$Bound) {
    $name = Enter-LabCimHost 'Get-SmbClientConfiguration' $Bound
    $s = Get-LabHostState $name
    $c = Get-LabSmb $s 'client'
    $require = [bool](Get-LabProp $c 'requireSecuritySignature' (Test-LabWs2025 $s))
    New-LabCimObject 'MSFT_SmbClientConfiguration' @{
        RequireSecuritySignature = $require
        EnableSecuritySignature = [bool](Get-LabProp $c 'enableSecuritySignature' $true)
        RequireEncryption = [bool](Get-LabProp $c 'requireEncryption' $false)
        EnableMultiChannel = $true
        EnableBandwidthThrottling = $true
    }
}

function LabImpl-Get-SmbServerConfiguration($Cmdlet, [hashtable]$Bound) {
    $name = Enter-LabCimHost 'Get-SmbServerConfiguration' $Bound
    $s = Get-LabHostState $name
    $c = Get-LabSmb $s 'server'
    New-LabCimObject 'MSFT_SmbServerConfiguration' @{
        RequireSecuritySignature = [bool](Get-LabProp $c 'requireSecuritySignature' $false)
        EnableSecuritySignature = [bool](Get-LabProp $c 'enableSecuritySignature' $false)
        EncryptData = [bool](Get-LabProp $c 'encryptData' $false)
        RejectUnencryptedAccess = [bool](Get-LabProp $c 'rejectUnencryptedAccess' $true)
        EnableMultiChannel = $true
    }
}

# Without FS-SMBBW the class does not exist: CIM answers "Invalid class" (0x80041010).
function LabImpl-Get-SmbBandwidthLimit($Cmdlet, [hashtable]$Bound) {
    $name = Enter-LabCimHost 'Get-SmbBandwidthLimit' $Bound
    $s = Get-LabHostState $name
    if (-not [bool](Get-LabProp (Get-LabProp $s 'smb' $null) 'bandwidthFeature' $true)) {
        $text = 'Invalid class '
        $ex = New-Object System.Runtime.InteropServices.COMException $text, -2147217392
        throw (New-LabErrorRecord $text 'HRESULT 0x80041010,Get-SmbBandwidthLimit' ([Management.Automation.ErrorCategory]::MetadataError) $name $ex)
    }
    $wanted = @(@($Bound['Category']) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ })
    foreach ($l in @(Get-LabSmb $s 'bandwidthLimits')) {
        if ($null -eq $l) { continue }
        if ($wanted.Count -gt 0 -and $wanted -notcontains [string]$l.category) { continue }
        New-LabCimObject 'MSFT_SmbBandwidthLimit' @{
            Category = [Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbBandwidthLimit.BandwidthLimitCategory]([string]$l.category)
            BytesPerSecond = [uint64]$l.bytesPerSecond
        }
    }
}
