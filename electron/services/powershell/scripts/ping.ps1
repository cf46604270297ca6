# Health check and overhead probe: does no work, answers { pong: true, edition }.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }
Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    return [ordered]@{ pong = $true; edition = [string]$PSVersionTable.PSEdition }
}
