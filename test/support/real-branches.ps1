# Runs the real-Windows branches of Ferry's scripts here, in pwsh, with stub commands standing in
# for what only Windows has (Invoke-Command runs the remote block locally; klist.exe,
# Get-LocalGroupMember, Get-CimInstance, Compare-VM … answer as Windows would). Used by
# test/integration/powershell/real-branches.test.ts: each case prints `FERRY-CASE:<name>` and then
# the script's own `FERRY-JSON:` line, so the test reads parsing and result shapes, not stubs.
param([string]$Scripts)
$ErrorActionPreference = 'Stop'
. (Join-Path $Scripts '_prelude.ps1')
$global:FerryMode = 'real'
$global:FerryCalls = New-Object System.Collections.ArrayList

function Invoke-Case([string]$Name, [string]$Script, [hashtable]$Data) {
    [Console]::Out.WriteLine("FERRY-CASE:$Name")
    $b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $Data -Depth 5 -Compress)))
    & (Join-Path $Scripts $Script) -InputBase64 $b64
    [Console]::Out.WriteLine('FERRY-CALLS:' + (ConvertTo-Json -InputObject @($global:FerryCalls) -Compress -Depth 4))
    $global:FerryCalls.Clear()
}

# Remoting: the block runs here, as it would on the named host (a cmdlet in it without
# -ComputerName answers for that host), and its output comes back deserialized, as remoting
# hands it. A session (New-PSSession) names its host.
function global:New-PSSession {
    param([string[]]$ComputerName)
    [void]$global:FerryCalls.Add("New-PSSession $($ComputerName -join ',')")
    if ($null -ne $global:FerryRemotingFails) { throw $global:FerryRemotingFails }
    [pscustomobject]@{ ComputerName = $ComputerName[0]; State = 'Opened' }
}
function global:Remove-PSSession { param($Session) [void]$global:FerryCalls.Add("Remove-PSSession $($Session.ComputerName)") }
function global:Invoke-Command {
    param([string[]]$ComputerName, $Session, [scriptblock]$ScriptBlock, [object[]]$ArgumentList = @())
    if ($null -ne $Session) { $ComputerName = @($Session.ComputerName) }
    [void]$global:FerryCalls.Add("Invoke-Command $($ComputerName -join ',')")
    if ($null -ne $global:FerryRemotingFails) { throw $global:FerryRemotingFails }
    $global:FerryStubHost = $ComputerName[0]
    try { $out = @(& $ScriptBlock @ArgumentList) } finally { $global:FerryStubHost = $null }
    foreach ($o in $out) { [Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize($o)) }
}

# ---- klist --------------------------------------------------------------------------------
function global:klist.exe {
    [void]$global:FerryCalls.Add("klist.exe $($args -join ' ')")
    if ($global:FerryKlistExit -eq 0) { 'Current LogonId is 0:0x4a2f1'; 'Targeted LogonId is 0:0x3e7'; 'Deleting all tickets:'; 'Ticket(s) purged!' }
    else { 'Aktuelle Anmelde-ID ist 0:0x4a2f1'; 'Fehler beim Aufrufen der API LsaCallAuthenticationPackage (PurgeTicketEx-Unterstatus): 5' }
    $global:LASTEXITCODE = $global:FerryKlistExit
}
$global:FerryKlistExit = 0
Invoke-Case 'klist-ok' 'klist-purge.ps1' @{ computerName = 'HV01' }
$global:FerryKlistExit = 5
Invoke-Case 'klist-fails' 'klist-purge.ps1' @{ computerName = 'HV01' }

# ---- ports: a listener (open), a freed port (refused), a listener whose backlog is full (SYNs
# dropped: no answer, as behind a dropping firewall) -------------------------------------------
function New-Listener([int]$Backlog) {
    $s = New-Object System.Net.Sockets.Socket ([System.Net.Sockets.AddressFamily]::InterNetwork), ([System.Net.Sockets.SocketType]::Stream), ([System.Net.Sockets.ProtocolType]::Tcp)
    $s.Bind((New-Object System.Net.IPEndPoint ([ipaddress]::Loopback), 0))
    $s.Listen($Backlog)
    return $s
}
$open = New-Listener 16
$closed = New-Listener 1; $closedPort = $closed.LocalEndPoint.Port; $closed.Close()
$full = New-Listener 0
$filler = New-Object System.Net.Sockets.TcpClient
[void]$filler.ConnectAsync('127.0.0.1', $full.LocalEndPoint.Port).Wait(1000)
Invoke-Case 'ports' 'test-ports.ps1' @{ from = 'HV01'; target = '127.0.0.1'; ports = @($open.LocalEndPoint.Port, $closedPort, $full.LocalEndPoint.Port); timeoutMs = 1200 }
$filler.Close(); $full.Close(); $open.Close()

# ---- local groups: a German Windows ---------------------------------------------------------
function global:Get-LocalGroupMember {
    param([string]$SID)
    [void]$global:FerryCalls.Add("Get-LocalGroupMember -SID $SID")
    if ($SID -eq 'S-1-5-32-544') {
        [pscustomobject]@{ Name = 'HV01\Administrator'; SID = 'S-1-5-21-3623811015-3361044348-30300820-500'; PrincipalSource = 'Local'; ObjectClass = 'Benutzer' }
        [pscustomobject]@{ Name = 'CORP\Domänen-Admins'; SID = 'S-1-5-21-1004336348-1177238915-682003330-512'; PrincipalSource = 'ActiveDirectory'; ObjectClass = 'Gruppe' }
        [pscustomobject]@{ Name = 'CORP\bob'; SID = 'S-1-5-21-1004336348-1177238915-682003330-1201'; PrincipalSource = 'ActiveDirectory'; ObjectClass = 'Benutzer' }
        return
    }
    if ($SID -eq 'S-1-5-32-578') {
        if ($global:FerryOrphaned) { throw 'Fehler 1789: Die Vertrauensstellung zwischen dieser Arbeitsstation und der primären Domäne konnte nicht hergestellt werden.' }
        [pscustomobject]@{ Name = 'CORP\alice'; SID = 'S-1-5-21-1004336348-1177238915-682003330-1105'; PrincipalSource = 'ActiveDirectory'; ObjectClass = 'Benutzer' }
        [pscustomobject]@{ Name = 'CORP\HV-Betrieb'; SID = 'S-1-5-21-1004336348-1177238915-682003330-1310'; PrincipalSource = 'ActiveDirectory'; ObjectClass = 'Gruppe' }
    }
}
Invoke-Case 'groups-alice' 'get-operator-rights.ps1' @{ computerName = 'HV01'; user = 'CORP\alice' }
Invoke-Case 'groups-carol' 'get-operator-rights.ps1' @{ computerName = 'HV01'; user = 'CORP\carol' }
$global:FerryOrphaned = $true
Invoke-Case 'groups-orphaned' 'get-operator-rights.ps1' @{ computerName = 'HV01'; user = 'CORP\carol' }
$global:FerryOrphaned = $false

# ---- remoting errors, worded in German: told by type and code ------------------------------
function New-TransportError([int]$Code, [string]$Message, [string]$ErrorId, [Management.Automation.ErrorCategory]$Category) {
    $ex = New-Object System.Management.Automation.Remoting.PSRemotingTransportException $Message
    $ex.ErrorCode = $Code
    return New-Object Management.Automation.ErrorRecord $ex, $ErrorId, $Category, 'HV01'
}
$global:FerryRemotingFails = New-TransportError 5 'Fehler beim Verbinden mit dem Remoteserver "HV01": Zugriff verweigert' 'AccessDenied,PSSessionStateBroken' ([Management.Automation.ErrorCategory]::OpenError)
Invoke-Case 'remoting-denied' 'klist-purge.ps1' @{ computerName = 'HV01' }
$global:FerryRemotingFails = New-TransportError -2144108526 'Fehler beim Verbinden mit dem Remoteserver "HV01": Der WinRM-Client kann die Anforderung nicht verarbeiten.' 'CannotConnect,PSSessionStateBroken' ([Management.Automation.ErrorCategory]::OpenError)
Invoke-Case 'remoting-unreachable' 'klist-purge.ps1' @{ computerName = 'HV01' }
$global:FerryRemotingFails = $null

# ---- Compare-VM and the planned VM it leaves -------------------------------------------------
$vmId = [guid]'6f0b2a9e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'
function global:Get-VM {
    param([string[]]$ComputerName, [string[]]$Name, [guid]$Id)
    [void]$global:FerryCalls.Add("Get-VM $($ComputerName -join ',') $(if ($PSBoundParameters.ContainsKey('Id')) { "-Id $Id" })")
    $all = @([pscustomobject]@{ Name = 'sql[1]'; Id = $vmId; ComputerName = 'HV01' }, [pscustomobject]@{ Name = 'sql1'; Id = [guid]'00000000-0000-4000-8000-000000000001'; ComputerName = 'HV01' })
    if ($PSBoundParameters.ContainsKey('Id')) { $all = @($all | Where-Object { $_.Id -eq $Id }) }
    $all
}
function global:Compare-VM {
    param($VM, [string]$DestinationHost, [switch]$IncludeStorage, [string]$DestinationStoragePath)
    [void]$global:FerryCalls.Add("Compare-VM -VM $($VM.Name) -DestinationHost $DestinationHost -IncludeStorage:$IncludeStorage $DestinationStoragePath")
    $global:FerryPlanned = $true
    if ($global:FerryRefuse) {
        $message = "Fehler beim Migrationsvorgang. Fehler beim Herstellen einer Verbindung mit dem Host '$DestinationHost': Im Sicherheitspaket sind keine Anmeldeinformationen verfügbar (0x8009030E)."
        throw (New-Object Management.Automation.ErrorRecord (New-Object System.Exception $message), 'OperationFailed', ([Management.Automation.ErrorCategory]::NotSpecified), $null)
    }
    [pscustomobject]@{ Incompatibilities = @([pscustomobject]@{ MessageId = 33012; Message = "Der Ethernet-Switch 'Prod' wurde nicht gefunden."; Source = $null }) }
}
function global:Get-CimInstance {
    param([string]$ComputerName, $CimSession, [string]$Namespace, [string]$ClassName, [string]$Filter)
    if ($null -ne $CimSession) { $ComputerName = [string]$CimSession.ComputerName }
    [void]$global:FerryCalls.Add("Get-CimInstance $ComputerName $Namespace $ClassName $Filter")
    if ($ClassName -eq 'Msvm_VirtualSystemManagementService') { return [pscustomobject]@{ Name = 'vmms' } }
    if ($ClassName -eq 'Msvm_PlannedComputerSystem' -and $global:FerryPlanned) { return [pscustomobject]@{ Name = $vmId.ToString(); ElementName = 'sql[1]' } }
}
function global:Invoke-CimMethod {
    param($InputObject, [string]$MethodName, [hashtable]$Arguments)
    [void]$global:FerryCalls.Add("Invoke-CimMethod $($InputObject.Name) $MethodName $($Arguments['AffectedSystem'].Name)")
    $global:FerryPlanned = $false
    [pscustomobject]@{ ReturnValue = 0 }
}
$global:FerryPlanned = $false
Invoke-Case 'compare' 'compare-vm.ps1' @{ computerName = 'HV01'; name = 'sql[1]'; destinationHost = 'HV02'; includeStorage = $true; destinationStoragePath = 'D:\VMs' }
$global:FerryPlanned = $false; $global:FerryRefuse = $true
Invoke-Case 'compare-refused' 'compare-vm.ps1' @{ computerName = 'HV01'; vmId = $vmId.ToString(); name = 'sql[1]'; destinationHost = 'HV02' }

# ---- the lab under a Group Policy execution policy --------------------------------------------
function global:Import-Module {
    param([string]$Name, [switch]$Force, [switch]$DisableNameChecking)
    $ex = New-Object System.Management.Automation.PSSecurityException 'HyperVLab.psm1 kann nicht geladen werden. Die Datei ist nicht digital signiert.'
    throw (New-Object Management.Automation.ErrorRecord $ex, 'UnauthorizedAccess', ([Management.Automation.ErrorCategory]::SecurityError), $Name)
}
function global:Get-ExecutionPolicy { param([string]$Scope) if ($Scope -eq 'MachinePolicy') { 'AllSigned' } else { 'Undefined' } }
[Console]::Out.WriteLine('FERRY-CASE:lab-gpo')
try { Import-FerryLab -ModulePath '/nowhere/HyperVLab.psd1' -LabDir '/nowhere'; [Console]::Out.WriteLine('FERRY-JSON:{"ok":true}') }
catch { [Console]::Out.WriteLine('FERRY-JSON:' + (ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $false; error = [ordered]@{ code = 'script-error'; message = $_.Exception.Message } }))) }

# ---- the host read: one call per Hyper-V cmdlet for all VMs, sizes from Get-VHD, and links where
# one adapter cannot be read ---------------------------------------------------------------------
$idA = [guid]'11111111-1111-4111-8111-111111111111'; $idB = [guid]'22222222-2222-4222-8222-222222222222'
function global:Note-Call([string]$Text) { [void]$global:FerryCalls.Add($Text) }
# Real mode opens one CIM session per host (Get-FerryOn) and passes it to every cmdlet.
function global:New-CimSession { param([string[]]$ComputerName) Note-Call "New-CimSession $ComputerName"; [pscustomobject]@{ ComputerName = $ComputerName[0] } }
function global:Remove-CimSession { param($CimSession) Note-Call "Remove-CimSession $($CimSession.ComputerName)" }
function global:On([string[]]$ComputerName, $CimSession) { if ($null -ne $CimSession) { return @($CimSession.ComputerName) } if ($null -eq $ComputerName) { return @($global:FerryStubHost) } return $ComputerName }
function global:Get-VMHost { param([string[]]$ComputerName, $CimSession) $ComputerName = On $ComputerName $CimSession; Note-Call "Get-VMHost $ComputerName"; [pscustomobject]@{ VirtualMachineMigrationEnabled = $true; MaximumVirtualMachineMigrations = 2; MaximumStorageMigrations = 2; VirtualMachineMigrationAuthenticationType = 'Kerberos'; VirtualMachineMigrationPerformanceOption = 'Compression'; UseAnyNetworkForMigration = $false; LogicalProcessorCount = 16; MemoryCapacity = 68719476736; FullyQualifiedDomainName = 'corp.example' } }
function global:Get-VMMigrationNetwork { param([string[]]$ComputerName, $CimSession) $ComputerName = On $ComputerName $CimSession; Note-Call "Get-VMMigrationNetwork $ComputerName"; [pscustomobject]@{ Subnet = '10.0.0.0/24'; Priority = 0 } }
function global:Get-VMHostSupportedVersion { param([string[]]$ComputerName, $CimSession) $ComputerName = On $ComputerName $CimSession; Note-Call "Get-VMHostSupportedVersion $ComputerName"; [pscustomobject]@{ Version = [version]'10.0' } }
function global:Get-VMSwitch { param([string[]]$ComputerName, $CimSession) $ComputerName = On $ComputerName $CimSession; Note-Call "Get-VMSwitch $ComputerName"; [pscustomobject]@{ Name = 'Prod'; SwitchType = 'External' } }
function global:Get-VM {
    param([string[]]$ComputerName, $CimSession) $ComputerName = On $ComputerName $CimSession;
    Note-Call "Get-VM $ComputerName"
    # Two VMs with the same name: only their Ids tell their components apart.
    [pscustomobject]@{ Name = 'app'; Id = $idA; State = 'Running'; MemoryAssigned = 4GB; MemoryStartup = 4GB; DynamicMemoryEnabled = $false; Version = '10.0'; DVDDrives = @(); ParentSnapshotId = $null }
    [pscustomobject]@{ Name = 'app'; Id = $idB; State = 'Off'; MemoryAssigned = 0; MemoryStartup = 2GB; DynamicMemoryEnabled = $false; Version = '9.0'; DVDDrives = @(); ParentSnapshotId = $null }
}
function global:Get-VMProcessor { param([string[]]$ComputerName, $CimSession, [string[]]$VMName) $ComputerName = On $ComputerName $CimSession; Note-Call "Get-VMProcessor $ComputerName -VMName $VMName"; [pscustomobject]@{ VMId = $idB; CompatibilityForMigrationEnabled = $true }; [pscustomobject]@{ VMId = $idA; CompatibilityForMigrationEnabled = $false } }
function global:Get-VMNetworkAdapter { param([string[]]$ComputerName, $CimSession, [string[]]$VMName) $ComputerName = On $ComputerName $CimSession; Note-Call "Get-VMNetworkAdapter $ComputerName -VMName $VMName"; [pscustomobject]@{ VMId = $idA; SwitchName = 'Prod' }; [pscustomobject]@{ VMId = $idB; SwitchName = 'Test' } }
function global:Get-VMHardDiskDrive {
    param([string[]]$ComputerName, $CimSession, [string[]]$VMName) $ComputerName = On $ComputerName $CimSession;
    Note-Call "Get-VMHardDiskDrive $ComputerName -VMName $VMName"
    [pscustomobject]@{ VMId = $idA; Path = 'D:\VMs\app_5F.avhdx'; DiskNumber = $null }
    [pscustomobject]@{ VMId = $idB; Path = $null; DiskNumber = 3 }
    [pscustomobject]@{ VMId = $idB; Path = 'D:\VMs\b.vhdx'; DiskNumber = $null }
}
function global:Get-VHD {
    [CmdletBinding()] param([string[]]$ComputerName, $CimSession, [string[]]$Path)
    $ComputerName = On $ComputerName $CimSession
    Note-Call "Get-VHD $ComputerName -Path $($Path -join ',')"
    $known = @{ 'd:\vms\app_5f.avhdx' = @(1GB, 'D:\VMs\app.vhdx'); 'd:\vms\app.vhdx' = @(30GB, ''); 'd:\vms\b.vhdx' = @(5GB, '') }
    foreach ($p in $Path) {
        $k = $known[$p.ToLowerInvariant()]
        if ($null -eq $k) { Write-Error "Fehler beim Abrufen der bereitgestellten Speicherinstanz für den Pfad '$p'."; continue }
        [pscustomobject]@{ Path = $p; FileSize = [uint64]$k[0]; Size = [uint64]100GB; ParentPath = $k[1] }
    }
}
function global:Get-NetAdapterRdma { param([string]$CimSession) Note-Call 'Get-NetAdapterRdma'; [pscustomobject]@{ Name = 'SMB1'; Enabled = $true } }
function global:Get-NetAdapter {
    param([string]$CimSession, [int]$InterfaceIndex)
    if ($PSBoundParameters.ContainsKey('InterfaceIndex')) {
        Note-Call "Get-NetAdapter -InterfaceIndex $InterfaceIndex"
        if ($InterfaceIndex -eq 9) { throw 'Das angegebene Objekt wurde nicht gefunden.' }
        return [pscustomobject]@{ Name = 'Hidden'; InterfaceIndex = $InterfaceIndex; ReceiveLinkSpeed = 1e9 }
    }
    Note-Call 'Get-NetAdapter'
    [pscustomobject]@{ Name = 'Mgmt'; InterfaceIndex = 4; ReceiveLinkSpeed = 1e9 }
    [pscustomobject]@{ Name = 'SMB1'; InterfaceIndex = 7; ReceiveLinkSpeed = 2.5e10 }
}
function global:Get-NetIPAddress {
    param([string]$CimSession, [string]$AddressFamily)
    Note-Call 'Get-NetIPAddress'
    [pscustomobject]@{ IPAddress = '192.168.1.20'; PrefixLength = 24; InterfaceIndex = 4; PrefixOrigin = 'Manual' }
    [pscustomobject]@{ IPAddress = '10.0.0.20'; PrefixLength = 24; InterfaceIndex = 7; PrefixOrigin = 'Manual' }
    [pscustomobject]@{ IPAddress = '172.16.0.5'; PrefixLength = 16; InterfaceIndex = 9; PrefixOrigin = 'Dhcp' }
    [pscustomobject]@{ IPAddress = '127.0.0.1'; PrefixLength = 8; InterfaceIndex = 1; PrefixOrigin = 'WellKnown' }
}
# SmbShare (CDXML), called on the host inside the remote block (issue 14 item 4): no session given.
function global:Get-SmbClientConfiguration { param($CimSession) Note-Call "Get-SmbClientConfiguration session=$($null -ne $CimSession)"; [pscustomobject]@{ RequireSecuritySignature = $true; EnableSecuritySignature = $true } }
function global:Get-SmbServerConfiguration { param($CimSession) Note-Call "Get-SmbServerConfiguration session=$($null -ne $CimSession)"; [pscustomobject]@{ RequireSecuritySignature = $false; EncryptData = $true } }
function global:Get-SmbBandwidthLimit { param($CimSession, [string[]]$Category) Note-Call "Get-SmbBandwidthLimit session=$($null -ne $CimSession) -Category $Category"; [pscustomobject]@{ Category = 'LiveMigration'; BytesPerSecond = [uint64]750000000 } }
# Get-WinEvent runs on the host inside Invoke-Command (issue 14 item 6): one 20417 in the VMMS log, nothing in the Worker log.
function global:Get-WinEvent {
    param([hashtable[]]$FilterHashtable, [long]$MaxEvents)
    $q = $FilterHashtable[0]
    Note-Call "Get-WinEvent $($q.LogName) -Id $($q.Id -join ',') -MaxEvents $MaxEvents"
    if ($q.LogName -like '*Worker*') { throw (New-Object Management.Automation.ErrorRecord (New-Object Exception 'No events were found that match the specified selection criteria.'), 'NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand', ObjectNotFound, $null) }
    [pscustomobject]@{ Id = 20417; LogName = $q.LogName; TimeCreated = [DateTime]::new(2026, 11, 20, 8, 0, 0, [DateTimeKind]::Utc); Message = "Virtual machine migration operation for 'sql01' completed with an unexpectedly long blackout time of 63.1 seconds." }
}
Invoke-Case 'facts' 'get-host-facts.ps1' @{ computerName = 'HV01' }
# Remoting refused (access denied on the endpoint): the same read from here over a CIM session.
$global:FerryRemotingFails = New-TransportError 5 'Fehler beim Verbinden mit dem Remoteserver "HV01": Zugriff verweigert' 'AccessDenied,PSSessionStateBroken' ([Management.Automation.ErrorCategory]::OpenError)
$global:FerryRemoteSessions.Clear()
Invoke-Case 'facts-no-remoting' 'get-host-facts.ps1' @{ computerName = 'HV01' }
# WinRM does not answer: the host is down for CIM too, so the read fails at once, without a second try.
$global:FerryRemotingFails = New-TransportError -2144108526 'Fehler beim Verbinden mit dem Remoteserver "HV01": Der WinRM-Client kann die Anforderung nicht verarbeiten.' 'CannotConnect,PSSessionStateBroken' ([Management.Automation.ErrorCategory]::OpenError)
Invoke-Case 'facts-unreachable' 'get-host-facts.ps1' @{ computerName = 'HV01' }
$global:FerryRemotingFails = $null
# A process shutting down closes every session it holds, PowerShell and CIM (the pool asks).
$null = Get-FerryOn 'HV02'
Invoke-Case 'facts-again' 'get-host-facts.ps1' @{ computerName = 'HV01' }
[Console]::Out.WriteLine('FERRY-CASE:close-sessions')
Close-FerrySessions
[Console]::Out.WriteLine('FERRY-JSON:' + (ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $true; data = [ordered]@{ left = @($global:FerryRemoteSessions.Keys).Count + @($global:FerryHostSessions.Keys).Count } })))
[Console]::Out.WriteLine('FERRY-CALLS:' + (ConvertTo-Json -InputObject @($global:FerryCalls) -Compress -Depth 4))
$global:FerryCalls.Clear()

# ---- shared-nothing storage target (issue 14 item 3) -----------------------------------------
# The probe block runs here on a real temporary folder (Test-Path and the write test are real);
# Get-Volume is the Storage module's and answers as Windows would.
function global:Get-Volume { param([string]$FilePath, $CimSession) Note-Call "Get-Volume -FilePath $FilePath"; [pscustomobject]@{ DriveLetter = [char]'D'; FileSystemLabel = 'VMs'; Size = [uint64]2199023255552; SizeRemaining = [uint64]1649267441664 } }
$storage = Join-Path ([IO.Path]::GetTempPath()) ('ferry-storage-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $storage
Invoke-Case 'storage-exists' 'get-storage-target.ps1' @{ computerName = 'HV02'; path = $storage }
Invoke-Case 'storage-missing' 'get-storage-target.ps1' @{ computerName = 'HV02'; path = (Join-Path (Join-Path $storage 'new') 'deeper') }
# The write test leaves nothing behind.
[Console]::Out.WriteLine('FERRY-CASE:storage-left')
[Console]::Out.WriteLine('FERRY-JSON:' + (ConvertTo-Json -InputObject @{ ok = $true; data = @{ files = @(Get-ChildItem -LiteralPath $storage -Force).Count; root = $storage } } -Compress))
Remove-Item -LiteralPath $storage -Recurse -Force
