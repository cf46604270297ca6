# What reaching a lab host costs, so benches show what real hosts would (lab.json `network`):
#   connectMs  setting up a session to the host (WinRM + Kerberos + the CIM/PowerShell session),
#              paid once per session;
#   latencyMs  one remote call's round trip, paid by every cmdlet call.
# Defaults for every host, and per-host values under `network.hosts.<NAME>`.
#
# A cmdlet called with -ComputerName and no open session pays connectMs on every call, as a
# Hyper-V cmdlet does when it sets up and tears down a temporary session per call. A session
# opened with Connect-HyperVLabHost (Ferry's Get-FerryOn does in lab mode what New-CimSession does
# on real hosts) lasts for the process: later calls to that host pay latencyMs only. The fault
# file's `latencyMs` (a slow host) comes on top.

function Get-LabNetwork([string]$Name) {
    $net = Get-LabProp (Get-LabConfig) 'network' $null
    $connect = [int](Get-LabProp $net 'connectMs' 0)
    $latency = [int](Get-LabProp $net 'latencyMs' 0)
    $one = Get-LabProp (Get-LabProp $net 'hosts' $null) $Name $null
    if ($null -ne $one) {
        $connect = [int](Get-LabProp $one 'connectMs' $connect)
        $latency = [int](Get-LabProp $one 'latencyMs' $latency)
    }
    return [pscustomobject]@{ connectMs = $connect; latencyMs = $latency }
}

function Get-LabSessionKey([string]$Name) { return (Get-LabDir) + '|' + $Name }

# The wait one call to the host costs: a session set-up unless one is open, then the round trip.
function Get-LabCallDelay([string]$Name) {
    $net = Get-LabNetwork $Name
    $ms = $net.latencyMs
    if (-not [HyperVLab.LabSessions]::IsOpen((Get-LabSessionKey $Name))) { $ms += $net.connectMs }
    return $ms
}

# Opens this process's session to a lab host (once: an open session is reused). Refuses as
# New-CimSession does: a name that does not resolve, a host that does not answer, access denied.
function Connect-HyperVLabHost {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName)
    $name = Resolve-LabHostName $ComputerName
    if ($null -eq $name) { throw (New-LabUnresolvedError $ComputerName) }
    $key = Get-LabSessionKey $name
    if ([HyperVLab.LabSessions]::IsOpen($key)) { return [pscustomobject]@{ ComputerName = $name; Reused = $true } }
    $fault = Get-LabFault $name
    Write-LabCallTrace $name $fault 'connect'
    $ms = (Get-LabNetwork $name).connectMs + [int](Get-LabProp $fault 'latencyMs' 0)
    if ($ms -gt 0) { Start-Sleep -Milliseconds $ms }
    if ([bool](Get-LabProp $fault 'unreachable' $false)) { throw (New-LabUnreachableError $ComputerName) }
    if ([bool](Get-LabProp $fault 'accessDenied' $false)) { throw (New-LabAccessDeniedError $ComputerName) }
    [HyperVLab.LabSessions]::Open($key)
    return [pscustomobject]@{ ComputerName = $name; Reused = $false }
}

# Ends this process's session to a lab host (the next call sets one up again).
function Disconnect-HyperVLabHost {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$ComputerName)
    $name = Resolve-LabHostName $ComputerName
    if ($null -eq $name) { return $false }
    return [HyperVLab.LabSessions]::Close((Get-LabSessionKey $name))
}
