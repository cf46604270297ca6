# Shared by every Ferry script: loaded once per pool process (dot-sourced into the global
# scope), or dot-sourced from disk when a script runs on its own. Makes Windows PowerShell 5.1
# and PowerShell 7 print the same JSON: enums as names, dates as ISO-8601, arrays kept arrays.

function ConvertTo-FerryPlain {
    param([object]$Value, [int]$Depth = 0)
    if ($null -eq $Value) { return $null }
    if ($Depth -gt 10) { return [string]$Value }
    if ($Value -is [Enum]) { return $Value.ToString() }
    if ($Value -is [DateTime]) { return $Value.ToUniversalTime().ToString('o') }
    if ($Value -is [DateTimeOffset]) { return $Value.UtcDateTime.ToString('o') }
    if ($Value -is [string] -or $Value -is [bool] -or $Value -is [char]) { return $Value }
    if ($Value -is [version] -or $Value -is [guid] -or $Value -is [TimeSpan]) { return $Value.ToString() }
    if ($Value -is [ValueType]) { return $Value }
    if ($Value -is [Collections.IDictionary]) {
        $h = [ordered]@{}
        foreach ($k in $Value.Keys) { $h[[string]$k] = ConvertTo-FerryPlain $Value[$k] ($Depth + 1) }
        return $h
    }
    if ($Value -is [Collections.IEnumerable]) {
        $list = New-Object System.Collections.ArrayList
        foreach ($item in $Value) { [void]$list.Add((ConvertTo-FerryPlain $item ($Depth + 1))) }
        return , $list.ToArray()
    }
    $o = [ordered]@{}
    foreach ($p in $Value.PSObject.Properties) {
        if ($p.MemberType -eq 'ScriptProperty' -or $p.MemberType -eq 'CodeProperty') { continue }
        $o[$p.Name] = ConvertTo-FerryPlain $p.Value ($Depth + 1)
    }
    return $o
}

# One JSON document per call, on its own line after a marker so stray host output cannot be
# mistaken for it.
function Write-FerryJson {
    param([object]$Document)
    $json = ConvertTo-Json -InputObject $Document -Depth 8 -Compress
    [Console]::Out.WriteLine('FERRY-JSON:' + $json)
}

function Get-FerryErrorCode {
    param([string]$Message, [string]$ErrorId)
    if ($Message -match "could not be resolved|WinRM cannot complete the operation|The WinRM client cannot process|cannot connect to the destination|The RPC server is unavailable|Connecting to remote server .* failed") { return 'unreachable' }
    if ($Message -match 'You do not have the required permission|Access is denied|access denied|UnauthorizedAccess' -or $ErrorId -match 'AccessDenied|UnauthorizedAccess') { return 'access-denied' }
    return 'script-error'
}

# Decodes the one argument (base64 of JSON), runs $Body with the decoded object, and prints
# { ok, data } or { ok:false, error:{ code, message, target } }. Never throws.
function Invoke-FerryMain {
    param([string]$InputBase64, [scriptblock]$Body)
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    $WarningPreference = 'SilentlyContinue'
    $InformationPreference = 'SilentlyContinue'
    # Functions from script modules (the lab) read preferences from their own scope, not ours;
    # an explicit -ErrorAction reaches every command the body calls.
    $PSDefaultParameterValues = @{ '*:ErrorAction' = 'Stop' }
    $in = $null
    $target = $null
    try {
        $text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($InputBase64))
        $in = ConvertFrom-Json -InputObject $text
        if ($null -ne $in -and $null -ne $in.PSObject.Properties['computerName']) { $target = [string]$in.computerName }
        $data = & $Body $in
        Write-FerryJson ([ordered]@{ ok = $true; data = (ConvertTo-FerryPlain $data) })
    } catch {
        $record = $_
        $message = $record.Exception.Message
        $errorId = [string]$record.FullyQualifiedErrorId
        $code = Get-FerryErrorCode $message $errorId
        if ($null -ne $record.TargetObject -and $record.TargetObject -is [string] -and $code -ne 'script-error') { $target = [string]$record.TargetObject }
        $err = [ordered]@{ code = $code; message = $message }
        if ($null -ne $target) { $err['target'] = $target }
        Write-FerryJson ([ordered]@{ ok = $false; error = $err })
    }
}

# True when the Hyper-V cmdlets come from the HyperVLab module (lab mode).
function Test-FerryLab {
    $cmd = Get-Command -Name Get-VMHost -ErrorAction SilentlyContinue
    return ($null -ne $cmd -and $cmd.ModuleName -eq 'HyperVLab')
}

# The settings shape every mutating script returns after its change (HostMigrationSettings).
function Get-FerryHostSettings {
    param([string]$ComputerName)
    $h = Get-VMHost -ComputerName $ComputerName
    $nets = @(Get-VMMigrationNetwork -ComputerName $ComputerName | ForEach-Object {
        $p = 0; if ($null -ne $_.Priority) { $p = [int64]$_.Priority }
        [ordered]@{ subnet = [string]$_.Subnet; priority = $p }
    })
    return [ordered]@{
        virtualMachineMigrationEnabled = [bool]$h.VirtualMachineMigrationEnabled
        maximumVirtualMachineMigrations = [int64]$h.MaximumVirtualMachineMigrations
        maximumStorageMigrations = [int64]$h.MaximumStorageMigrations
        virtualMachineMigrationAuthenticationType = $h.VirtualMachineMigrationAuthenticationType.ToString()
        virtualMachineMigrationPerformanceOption = $h.VirtualMachineMigrationPerformanceOption.ToString()
        useAnyNetworkForMigration = [bool]$h.UseAnyNetworkForMigration
        migrationNetworks = $nets
    }
}
