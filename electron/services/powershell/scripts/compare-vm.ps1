# Compare-VM for one VM against a destination host. Input: { computerName, name, destinationHost }.
# Output: { name, incompatibilities: [{ messageId, message, source }] }.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $c = [string]$in.computerName
    $name = [string]$in.name
    # Select the VM by exact name: Get-VM -Name treats [ ] * ? as wildcards.
    $vm = @(Get-VM -ComputerName $c | Where-Object { $_.Name -ceq $name })
    if ($vm.Count -eq 0) { throw "Hyper-V was unable to find a virtual machine with name `"$name`"." }
    $report = Compare-VM -ComputerName $c -Name $vm[0].Name -DestinationHost ([string]$in.destinationHost)
    $items = @()
    foreach ($i in @($report.Incompatibilities)) {
        $src = ''
        if ($null -ne $i.Source) { $src = $i.Source.GetType().FullName }
        $items += [ordered]@{ messageId = [int64]$i.MessageId; message = [string]$i.Message; source = $src }
    }
    return [ordered]@{ name = $name; incompatibilities = $items }
}
