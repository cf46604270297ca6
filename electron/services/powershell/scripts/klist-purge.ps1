# Purges the machine account's Kerberos tickets on a host (klist purge -li 0x3e7), so new
# delegation settings apply without waiting for ticket expiry. Input: { computerName }.
# Output: { computerName, purged: true, output }.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    if (Test-FerryLab) {
        $out = Invoke-HyperVLabKlistPurge -ComputerName $c
    } else {
        $out = Invoke-Command -ComputerName $c -ScriptBlock { klist.exe purge -li 0x3e7 2>&1 | Out-String }
    }
    return [ordered]@{ computerName = $c; purged = $true; output = [string]$out }
}
