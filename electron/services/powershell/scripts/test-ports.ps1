# TCP reachability of the target's ports as seen from another host.
# Input: { from, target, ports: number[] }. Output: [{ port, open }].
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $from = [string]$in.from
    $target = [string]$in.target
    $ports = @($in.ports | ForEach-Object { [int]$_ })
    $tnc = Get-Command -Name Test-NetConnection -ErrorAction SilentlyContinue
    if ($null -ne $tnc -and $tnc.ModuleName -eq 'HyperVLab') {
        # Lab: the source must answer; the lab's Test-NetConnection answers from lab state.
        $null = Get-VMHost -ComputerName $from
        $results = @(foreach ($p in $ports) { [ordered]@{ port = $p; open = [bool](Test-NetConnection -ComputerName $target -Port $p -InformationLevel Quiet) } })
    } else {
        $results = @(Invoke-Command -ComputerName $from -ArgumentList $target, $ports -ScriptBlock {
            param($t, $ps)
            $ProgressPreference = 'SilentlyContinue'; $WarningPreference = 'SilentlyContinue'
            foreach ($p in $ps) { [pscustomobject]@{ port = [int]$p; open = [bool](Test-NetConnection -ComputerName $t -Port $p -InformationLevel Quiet) } }
        } | ForEach-Object { [ordered]@{ port = [int]$_.port; open = [bool]$_.open } })
    }
    return , $results
}
