# Finds what Windows PowerShell 5.1 cannot run in the given script files, from their syntax
# trees (parsed by this pwsh 7): the ternary `a ? b : c`, pipeline chains `&&` / `||`, `??` and
# `??=`, null-conditional `?.` / `?[]`, a `clean {}` block, and the pwsh 7 parameters
# `ConvertFrom-Json -AsHashtable`, `ForEach-Object -Parallel`, `Get-Content -AsByteStream`.
# Input: base64 of a JSON list of paths. Prints one JSON line: [{ file, line, what }].
param([string]$PathsBase64)
$Paths = @(ConvertFrom-Json -InputObject ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($PathsBase64))))
$found = New-Object System.Collections.ArrayList
$pwsh7Parameters = @{ 'ConvertFrom-Json' = @('AsHashtable'); 'ForEach-Object' = @('Parallel'); 'Get-Content' = @('AsByteStream'); 'Set-Content' = @('AsByteStream') }
foreach ($path in $Paths) {
    $tokens = $null; $errors = $null
    $ast = [Management.Automation.Language.Parser]::ParseFile($path, [ref]$tokens, [ref]$errors)
    $note = { param($node, $what) [void]$found.Add([ordered]@{ file = $path; line = $node.Extent.StartLineNumber; what = $what }) }
    foreach ($e in $errors) { [void]$found.Add([ordered]@{ file = $path; line = $e.Extent.StartLineNumber; what = 'parse error: ' + $e.Message }) }
    foreach ($n in $ast.FindAll({ param($a) $true }, $true)) {
        $type = $n.GetType().Name
        if ($type -eq 'TernaryExpressionAst') { & $note $n 'ternary ? :' }
        elseif ($type -eq 'PipelineChainAst') { & $note $n 'pipeline chain && / ||' }
        elseif ($type -eq 'BinaryExpressionAst' -and [string]$n.Operator -eq 'QuestionQuestion') { & $note $n '??' }
        elseif ($type -eq 'AssignmentStatementAst' -and [string]$n.Operator -eq 'QuestionQuestionEquals') { & $note $n '??=' }
        elseif (($type -eq 'MemberExpressionAst' -or $type -eq 'InvokeMemberExpressionAst' -or $type -eq 'IndexExpressionAst') -and $n.NullConditional) { & $note $n 'null-conditional ?. / ?[]' }
        elseif ($type -eq 'ScriptBlockAst' -and $null -ne $n.PSObject.Properties['CleanBlock'] -and $null -ne $n.CleanBlock) { & $note $n 'clean {} block' }
        elseif ($type -eq 'CommandAst') {
            $name = $n.GetCommandName()
            if ($null -ne $name -and $pwsh7Parameters.ContainsKey($name)) {
                foreach ($p in $n.CommandElements) {
                    if ($p -is [Management.Automation.Language.CommandParameterAst] -and $pwsh7Parameters[$name] -contains $p.ParameterName) { & $note $n ("$name -" + $p.ParameterName) }
                }
            }
        }
    }
}
[Console]::Out.WriteLine((ConvertTo-Json -InputObject @($found) -Compress -Depth 3))
