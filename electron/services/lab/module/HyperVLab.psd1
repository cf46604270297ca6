@{
    RootModule = 'HyperVLab.psm1'
    ModuleVersion = '2.0.0.0'
    GUID = '5b0f3c52-6a53-4a55-9d8e-6f0c3f0d2a41'
    Author = 'Ferry developers'
    Description = 'Simulated Hyper-V hosts for Ferry lab mode: the real Hyper-V cmdlet names and parameter sets, state per host in a lab folder.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @(
        'Get-VMHost', 'Set-VMHost', 'Enable-VMMigration', 'Disable-VMMigration',
        'Get-VMMigrationNetwork', 'Add-VMMigrationNetwork', 'Set-VMMigrationNetwork', 'Remove-VMMigrationNetwork',
        'Compare-VM', 'Move-VM', 'Get-VM', 'Get-VMSwitch', 'Get-VMHostSupportedVersion',
        'Get-VMProcessor', 'Get-VMNetworkAdapter', 'Get-VMHardDiskDrive', 'Get-VHD', 'Get-VMSecurity', 'Get-VMGpuPartitionAdapter', 'Get-VMHostNumaNode',
        'Test-NetConnection', 'Initialize-HyperVLab', 'Get-HyperVLabHostInfo', 'Invoke-HyperVLabKlistPurge',
        'Get-LocalGroupMember', 'Invoke-HyperVLabOnHost', 'Get-HyperVLabIdentity',
        'Get-HyperVLabPlannedVM', 'Remove-HyperVLabPlannedVM', 'Test-HyperVLabTcpPort',
        'Connect-HyperVLabHost', 'Disconnect-HyperVLabHost',
        # Shared-nothing storage (HyperVLab.Storage.ps1)
        'Get-Volume', 'Test-HyperVLabStoragePath',
        # SMB client/server configuration and bandwidth limits (HyperVLab.Smb.ps1)
        'Get-SmbClientConfiguration', 'Get-SmbServerConfiguration', 'Get-SmbBandwidthLimit',
        # Hyper-V event logs (HyperVLab.Events.ps1)
        'Get-WinEvent'
    )
    CmdletsToExport = @()
    VariablesToExport = @()
    AliasesToExport = @()
}
