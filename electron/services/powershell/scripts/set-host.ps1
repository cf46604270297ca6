# Set-VMHost with only the parameters given.
# Input: { computerName, maximumVirtualMachineMigrations?, maximumStorageMigrations?,
#   virtualMachineMigrationAuthenticationType?, virtualMachineMigrationPerformanceOption?,
#   useAnyNetworkForMigration? }. Output: the host's settings read back after the change.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $params = @{ ComputerName = $c; Confirm = $false }
    $p = $in.PSObject.Properties
    if ($null -ne $p['maximumVirtualMachineMigrations']) { $params['MaximumVirtualMachineMigrations'] = [uint32]$in.maximumVirtualMachineMigrations }
    if ($null -ne $p['maximumStorageMigrations']) { $params['MaximumStorageMigrations'] = [uint32]$in.maximumStorageMigrations }
    # Enum values are parsed by name, so only 'CredSSP'/'Kerberos' and 'TCPIP'/'Compression'/'SMB' bind.
    if ($null -ne $p['virtualMachineMigrationAuthenticationType']) { $params['VirtualMachineMigrationAuthenticationType'] = [string]$in.virtualMachineMigrationAuthenticationType }
    if ($null -ne $p['virtualMachineMigrationPerformanceOption']) { $params['VirtualMachineMigrationPerformanceOption'] = [string]$in.virtualMachineMigrationPerformanceOption }
    if ($null -ne $p['useAnyNetworkForMigration']) { $params['UseAnyNetworkForMigration'] = [bool]$in.useAnyNetworkForMigration }
    Set-VMHost @params
    return Get-FerryHostSettings -ComputerName $c
}
