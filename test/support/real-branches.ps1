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

# Remoting: the block runs here, as it would on the named host.
function global:Invoke-Command {
    param([string[]]$ComputerName, [scriptblock]$ScriptBlock, [object[]]$ArgumentList = @())
    [void]$global:FerryCalls.Add("Invoke-Command $($ComputerName -join ',')")
    if ($null -ne $global:FerryRemotingFails) { throw $global:FerryRemotingFails }
    & $ScriptBlock @ArgumentList
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
    param([string]$ComputerName, [string]$Namespace, [string]$ClassName, [string]$Filter)
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
